package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"unsc"
)

// SetMembership replaces the Council's membership in one transaction: the
// tenures, the states that held them, and each state's names over time.
// Returns EINVALID, writing nothing, for a tenure without a code or a start,
// or ending before it starts.
func (s *Store) SetMembership(ctx context.Context, tenures []unsc.Member) (err error) {
	defer func() { err = s.fail(err) }()
	if err := membershipWhy(tenures); err != nil {
		return err
	}
	tx, err := s.beginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set membership: %w", err)
	}
	defer tx.Rollback()
	if err := writeMembership(ctx, tx, tenures); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set membership: %w", err)
	}
	return nil
}

// membershipWhy returns the EINVALID error SetMembership returns for
// tenures, or nil.
func membershipWhy(tenures []unsc.Member) error {
	for i, m := range tenures {
		field := "tenures[" + strconv.Itoa(i) + "]"
		if why := validCode(m.Code); why != "" {
			return unsc.Errorf(unsc.EINVALID, field, "%s", why)
		}
		if m.TermStart.IsZero() {
			return unsc.Errorf(unsc.EINVALID, field, "tenure of %s has no start", m.Code)
		}
		if !m.TermEnd.IsZero() && dayString(m.TermEnd) < dayString(m.TermStart) {
			return unsc.Errorf(unsc.EINVALID, field, "tenure of %s ends (%s) before it starts (%s)",
				m.Code, dayString(m.TermEnd), dayString(m.TermStart))
		}
	}
	return nil
}

// writeMembership replaces the membership's tables in tx with tenures,
// which membershipWhy has passed.
func writeMembership(ctx context.Context, tx *sql.Tx, tenures []unsc.Member) error {
	// Each state under each of its names, from the first day it sat under
	// it to the last.
	type nameKey struct {
		code             unsc.Code
		name, government string
	}
	type span struct {
		first, last string // last is "" while the seat is held
		open        bool
	}
	names := make(map[nameKey]*span)
	var order []nameKey
	latest := make(map[unsc.Code]unsc.Member)
	for _, m := range tenures {
		k := nameKey{m.Code, m.Name, m.Government}
		start, end := dayString(m.TermStart), dayString(m.TermEnd)
		sp, ok := names[k]
		if !ok {
			sp = &span{first: start, last: end, open: end == ""}
			names[k] = sp
			order = append(order, k)
		}
		sp.first = min(sp.first, start)
		sp.open = sp.open || end == ""
		sp.last = max(sp.last, end)
		if l, ok := latest[m.Code]; !ok || m.TermStart.After(l.TermStart) {
			latest[m.Code] = m
		}
	}

	for _, table := range []string{"tenures", "state_names", "states"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return fmt.Errorf("set membership: %w", err)
		}
	}
	states := newInserter(ctx, tx, nil, "states", []string{"code", "name"}, "")
	codes := make([]unsc.Code, 0, len(latest))
	for c := range latest {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		if err := states.add(string(c), text(latest[c].Name)); err != nil {
			return fmt.Errorf("set membership: states: %w", err)
		}
	}
	if err := states.flush(); err != nil {
		return fmt.Errorf("set membership: states: %w", err)
	}
	nins := newInserter(ctx, tx, nil, "state_names", []string{"code", "name", "government", "first_day", "last_day"}, "")
	slices.SortStableFunc(order, func(a, b nameKey) int {
		return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(names[a].first, names[b].first))
	})
	for _, k := range order {
		sp := names[k]
		var last any
		if !sp.open {
			last = sp.last
		}
		if err := nins.add(string(k.code), text(k.name), text(k.government), sp.first, last); err != nil {
			return fmt.Errorf("set membership: state names: %w", err)
		}
	}
	if err := nins.flush(); err != nil {
		return fmt.Errorf("set membership: state names: %w", err)
	}
	tins := newInserter(ctx, tx, nil, "tenures", []string{"code", "name", "government", "permanent", "term_start", "term_end"}, "")
	for _, m := range tenures {
		if err := tins.add(string(m.Code), text(m.Name), text(m.Government), boolInt(m.Permanent),
			day(m.TermStart), day(m.TermEnd)); err != nil {
			return fmt.Errorf("set membership: tenures: %w", err)
		}
	}
	if err := tins.flush(); err != nil {
		return fmt.Errorf("set membership: tenures: %w", err)
	}
	return nil
}

// Membership returns the tenures that include the date (both ends of a term
// included), or every tenure when date is the zero time, in the Council's
// order: by the members' names in English alphabetical order, then by the
// start of their terms.
func (s *Store) Membership(ctx context.Context, date time.Time) (_ []unsc.Member, err error) {
	defer func() { err = s.fail(err) }()
	q := `SELECT code, COALESCE(name, ''), COALESCE(government, ''), permanent, term_start, COALESCE(term_end, '')
		FROM tenures`
	var args []any
	if !date.IsZero() {
		q += ` WHERE term_start <= ? AND (term_end IS NULL OR term_end >= ?)`
		d := dayString(date)
		args = append(args, d, d)
	}
	q += ` ORDER BY name, term_start, code`
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("membership: %w", err)
	}
	defer rows.Close()
	var members []unsc.Member
	for rows.Next() {
		var m unsc.Member
		var code, start, end string
		if err := rows.Scan(&code, &m.Name, &m.Government, &m.Permanent, &start, &end); err != nil {
			return nil, fmt.Errorf("membership: %w", err)
		}
		m.Code = unsc.Code(code)
		if m.TermStart, err = parseDay(start); err != nil {
			return nil, fmt.Errorf("membership: %w", err)
		}
		if m.TermEnd, err = parseDay(end); err != nil {
			return nil, fmt.Errorf("membership: %w", err)
		}
		members = append(members, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("membership: %w", err)
	}
	return members, nil
}
