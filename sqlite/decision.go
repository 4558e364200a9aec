package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"unsc"
)

var decisionColumns = []string{
	"id", "date", "meeting", "resolution", "resolution_number", "draft",
	"amendment", "amendment_to", "title", "agenda", "subjects", "matter",
	"matter_known", "modality", "recorded", "derived", "tally_yes", "tally_no",
	"tally_abstain", "tally_non_voting", "votes_known", "sponsors",
}

// decisionIDs returns the IDs decisions are stored under: the reconciler's,
// and for those with none, numbers after the largest.
func decisionIDs(decisions []unsc.Decision) ([]int64, error) {
	ids := make([]int64, len(decisions))
	var next int64
	taken := make(map[int64]bool)
	for i, d := range decisions {
		if d.ID != 0 {
			if taken[d.ID] {
				return nil, fmt.Errorf("reconciled decisions: two decisions with ID %d", d.ID)
			}
			taken[d.ID] = true
			ids[i] = d.ID
			next = max(next, d.ID)
		}
	}
	for i := range decisions {
		if ids[i] == 0 {
			next++
			ids[i] = next
		}
	}
	return ids, nil
}

// numberedFromOne reports whether ids are 1, 2, 3, … in order.
func numberedFromOne(ids []int64) bool {
	for i, id := range ids {
		if id != int64(i+1) {
			return false
		}
	}
	return true
}

// writeDecisions replaces the record's decisions, with their positions,
// vetoes, reports, meetings and documents, storing each under its id (see
// decisionIDs), with their reports as stored (holdReports). keys gives each
// stored report's id. It calls done, if not nil, with each decision it no
// longer reads: it writes the decisions' rows first, taking from each what
// the rows that refer to it need (childRows), so that a decision goes
// well before those rows are written (~1.3M positions at 30 times today's
// record).
func writeDecisions(ctx context.Context, tx *sql.Tx, conn *sql.Conn, decisions []*unsc.Decision, ids []int64, keys map[sourceKey]int64, done func(i int)) error {
	// Children first, so that the record holds together at every step.
	for _, table := range []string{"documents", "meetings", "decision_notes", "decision_reports", "decision_vetoes", "decision_votes", "decisions"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}

	// Rebuilding a secondary index once, sorted, is much faster than
	// updating it row by row as ~100k rows go in.
	indexes, err := dropIndexes(ctx, tx, "decisions", "decision_votes", "decision_vetoes", "decision_reports", "decision_notes", "meetings", "documents")
	if err != nil {
		return err
	}

	// The table is empty now: where the decisions' ids are 1, 2, 3, … in
	// the order they are written, as the reconciler numbers them, they are
	// the ids SQLite gives rows written without one, and so written a
	// statement of decisions binds one value fewer a row and need not
	// journal the pages it changes (see importPragmas; the reports are
	// written so too, ImportWithMembership). The last id SQLite gave is
	// checked against the decisions'.
	cols, numbered := decisionColumns, numberedFromOne(ids)
	if numbered {
		cols = decisionColumns[1:]
	}
	dins := newInserter(ctx, tx, conn, "decisions", cols, "")
	vins := newInserter(ctx, tx, conn, "decision_votes", []string{"decision_id", "code", "position"}, "")
	xins := newInserter(ctx, tx, conn, "decision_vetoes", []string{"decision_id", "code", "seq"}, "")
	rins := newInserter(ctx, tx, conn, "decision_reports", []string{"decision_id", "report_id", "seq"}, "")
	nins := newInserter(ctx, tx, conn, "decision_notes", []string{"decision_id", "seq", "kind", "field", "text", "source", "members"}, "")
	meetings := make(map[string]string) // symbol → earliest date
	documents := make(map[string]filed)
	var oral []document
	children := make([]childRows, len(decisions))
	// Each decision's reports, as the ids of the stored ones in the
	// decision's order (-1 for a report it gives again):
	// reportIDs[reportsAt[i]:reportsAt[i+1]] for decision i.
	reportIDs := make([]int64, 0, len(decisions))
	reportsAt := make([]int, 1, len(decisions)+1)
	for i := range decisions {
		d := decisions[i]
		id := ids[i]
		if why := validEnums(d.Matter, d.Modality, d.Recorded, d.Derived); why != "" {
			return fmt.Errorf("reconciled decision %d (%s): %s", id, decisionName(d), why)
		}
		var resNumber any
		if d.Resolution != "" {
			if sym, _, err := unsc.NormalizeSymbol(d.Resolution); err == nil {
				if n, ok := unsc.ResolutionNumber(sym); ok {
					resNumber = int64(n)
				}
			}
		}
		yes, no, abstain, nonVoting := tallyValues(d.Tally)
		row := [...]any{id, day(d.Date), text(d.Meeting), text(d.Resolution), resNumber,
			text(d.Draft), boolInt(d.Amendment), text(d.AmendmentTo), text(d.Title),
			text(d.Agenda), encodeSubjects(d.Subjects), d.Matter.String(),
			boolInt(d.MatterKnown), d.Modality.String(), outcomeValue(d.Recorded),
			outcomeValue(d.Derived), yes, no, abstain, nonVoting, boolInt(d.Votes.Known()),
			encodeSubjects(d.Sponsors)}
		values := row[:]
		if numbered {
			values = row[1:]
		}
		if err := dins.add(values...); err != nil {
			return fmt.Errorf("decisions: %w", err)
		}
		c := childRows{name: decisionName(d), votes: d.Votes, vetoedBy: d.VetoedBy, notes: d.Notes}
		for seq, r := range d.Reports {
			k := sourceKey{r.Source, r.Key}
			rid, ok := keys[k]
			if !ok {
				c.unknown = fmt.Sprintf("report %s %q is not in the record", r.Source, r.Key)
				break
			}
			if slices.ContainsFunc(d.Reports[:seq], func(o unsc.Report) bool { return o.Source == r.Source && o.Key == r.Key }) {
				rid = -1 // a report the decision gives twice: once
			}
			reportIDs = append(reportIDs, rid)
		}
		reportsAt = append(reportsAt, len(reportIDs))
		children[i] = c

		if d.Meeting != "" {
			date := dayString(d.Date)
			if old, ok := meetings[d.Meeting]; !ok || (date != "" && (old == "" || date < old)) {
				meetings[d.Meeting] = date
			}
		}
		addDocument(documents, document{symbol: d.Resolution, kind: "resolution"})
		switch {
		case d.Amendment && d.Draft == "":
			oral = append(oral, document{kind: "amendment", amends: d.AmendmentTo, decision: id})
		case d.Amendment:
			addDocument(documents, document{symbol: d.Draft, kind: "amendment", amends: d.AmendmentTo})
		default:
			addDocument(documents, document{symbol: d.Draft, kind: "draft"})
		}
		addDocument(documents, document{symbol: d.AmendmentTo, kind: "draft"})
		if done != nil {
			done(i)
		}
	}
	// Every decision is written before the rows that refer to it.
	if err := dins.flush(); err != nil {
		return fmt.Errorf("decisions: %w", err)
	}
	if numbered && len(ids) > 0 && dins.lastID != ids[len(ids)-1] {
		return fmt.Errorf("decisions: SQLite numbered the decisions up to %d, not %d", dins.lastID, ids[len(ids)-1])
	}
	codes := make(boxedCodes)
	for i := range children {
		ch := &children[i]
		id := ids[i]
		fail := func(format string, args ...any) error {
			return fmt.Errorf("reconciled decision %d (%s): %s", id, ch.name, fmt.Sprintf(format, args...))
		}
		// Boxed once for the decision's rows, not once for each.
		var idv any = id

		if why := votesWhy(ch.votes); why != "" {
			return fail("votes: %s", why)
		}
		// In code order, so that rows go to the end of the primary key.
		for c, p := range ch.votes.All() {
			if p == unsc.Absent {
				continue
			}
			if err := vins.add(idv, codes.value(c), positionValues[p]); err != nil {
				return fmt.Errorf("decision votes: %w", err)
			}
		}
		for seq, v := range ch.vetoedBy {
			if why := validCode(v); why != "" {
				return fail("vetoed by: %s", why)
			}
			if slices.Contains(ch.vetoedBy[:seq], v) {
				continue
			}
			if err := xins.add(idv, codes.value(v), int64(seq)); err != nil {
				return fmt.Errorf("decision vetoes: %w", err)
			}
		}
		for seq, n := range ch.notes {
			if n.Kind < unsc.NoteCorrected || n.Kind > unsc.LastNoteKind {
				return fail("note %d: unknown kind %d", seq, n.Kind)
			}
			var members []string
			for _, m := range n.Members {
				if why := validCode(m); why != "" {
					return fail("note %d: %s", seq, why)
				}
				members = append(members, string(m))
			}
			if err := nins.add(idv, int64(seq), n.Kind.String(), n.Field, n.Text, text(n.Source), text(strings.Join(members, " "))); err != nil {
				return fmt.Errorf("decision notes: %w", err)
			}
		}
		if ch.unknown != "" {
			return fail("%s", ch.unknown)
		}
		for seq, rid := range reportIDs[reportsAt[i]:reportsAt[i+1]] {
			if rid < 0 {
				continue
			}
			if err := rins.add(idv, rid, int64(seq)); err != nil {
				return fmt.Errorf("decision reports: %w", err)
			}
		}
		*ch = childRows{}
	}
	for _, in := range []*inserter{vins, xins, rins, nins} {
		if err := in.flush(); err != nil {
			return fmt.Errorf("decisions: %w", err)
		}
	}

	mins := newInserter(ctx, tx, conn, "meetings", []string{"symbol", "number", "date"}, "")
	for _, sym := range sortedKeys(meetings) {
		var number any
		if n, err := strconv.Atoi(strings.TrimPrefix(sym, "S/PV.")); err == nil {
			number = int64(n)
		}
		if err := mins.add(sym, number, text(meetings[sym])); err != nil {
			return fmt.Errorf("meetings: %w", err)
		}
	}
	if err := mins.flush(); err != nil {
		return fmt.Errorf("meetings: %w", err)
	}
	docs := newInserter(ctx, tx, conn, "documents", []string{"symbol", "kind", "amends", "decision_id"}, "")
	for _, sym := range sortedKeys(documents) {
		doc := documents[sym]
		if err := docs.add(sym, doc.kind, text(doc.amends), nil); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
	}
	for _, doc := range oral {
		if err := docs.add(nil, doc.kind, text(doc.amends), doc.decision); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
	}
	if err := docs.flush(); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if err := sortInFiles(ctx, tx); err != nil {
		return err
	}
	for _, stmt := range indexes {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
	}
	return nil
}

// dropIndexes drops the secondary indexes of tables (not those that enforce
// a primary key or a UNIQUE constraint) and returns the statements that
// create them again.
func dropIndexes(ctx context.Context, tx *sql.Tx, tables ...string) ([]string, error) {
	q := `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`
	list, err := json.Marshal(tables)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, q, string(list))
	if err != nil {
		return nil, fmt.Errorf("list indexes: %w", err)
	}
	defer rows.Close()
	var names, stmts []string
	for rows.Next() {
		var name, stmt string
		if err := rows.Scan(&name, &stmt); err != nil {
			return nil, fmt.Errorf("list indexes: %w", err)
		}
		names = append(names, name)
		stmts = append(stmts, stmt)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list indexes: %w", err)
	}
	rows.Close()
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return nil, fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	return stmts, nil
}

// document is a row of the documents table.
type document struct {
	symbol   string
	kind     string
	amends   string
	decision int64
}

// documentRank orders the kinds a symbol can be seen as: a draft that was
// adopted is known by its resolution; a symbol seen as an amendment and as
// the draft another amendment amends is an amendment.
var documentRank = map[string]int{"draft": 1, "amendment": 2, "resolution": 3}

// filed is a document as documents are kept by symbol, until written.
type filed struct{ kind, amends string }

func addDocument(docs map[string]filed, doc document) {
	if doc.symbol == "" {
		return
	}
	if old, ok := docs[doc.symbol]; ok && documentRank[old.kind] >= documentRank[doc.kind] {
		return
	}
	docs[doc.symbol] = filed{doc.kind, doc.amends}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// childRows is what writeDecisions takes from a decision, as it writes the
// decision's row, for the rows that refer to it: its positions, vetoes and
// notes, its name in an error, and why one of its reports cannot be
// written, if one cannot.
type childRows struct {
	name     string
	votes    unsc.Votes
	vetoedBy []unsc.Code
	notes    []unsc.Note
	unknown  string
}

// decisionName names a decision in an error by its best-known symbol.
func decisionName(d *unsc.Decision) string {
	for _, s := range []string{d.Resolution, d.Draft, d.Meeting} {
		if s != "" {
			return s
		}
	}
	return dayString(d.Date)
}

// decisionSelect reads the columns scanDecision scans, from decisions d.
const decisionSelect = `d.id, COALESCE(d.date, ''), COALESCE(d.meeting, ''),
	COALESCE(d.resolution, ''), COALESCE(d.draft, ''), d.amendment,
	COALESCE(d.amendment_to, ''), COALESCE(d.title, ''), COALESCE(d.agenda, ''),
	d.subjects, d.matter, d.matter_known, d.modality, COALESCE(d.recorded, ''),
	COALESCE(d.derived, ''), d.tally_yes, COALESCE(d.tally_no, 0),
	COALESCE(d.tally_abstain, 0), COALESCE(d.tally_non_voting, 0), d.votes_known,
	d.sponsors`

// Decisions returns the decisions the filter selects, in date order (then
// meeting, then ID), each with its positions, vetoes, sources and reports.
//
// A Symbol may be spelled any way unsc.NormalizeSymbol accepts: a resolution
// (given without its year it matches by number), a draft (which selects the
// votes on it and on its amendments) or a meeting (all its decisions).
// Returns EINVALID for a symbol that is not one, a negative Offset or Limit
// or an unknown Outcome, and ENOTFOUND for a Symbol that no decision has.
//
// Decisions are served from the record's image when it has one, which holds
// the same as the tables.
func (s *Store) Decisions(ctx context.Context, f unsc.DecisionFilter) (_ []unsc.Decision, err error) {
	defer func() { err = s.fail(err) }()
	if _, _, err := decisionWhere(f); err != nil {
		return nil, err
	}
	m, err := s.Image(ctx)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	if m != nil {
		return m.Decisions(f)
	}
	// One connection for the few queries, in one read transaction so that
	// they see the same record.
	tx, err := s.beginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	defer tx.Rollback()
	return decisionsFromTables(ctx, tx, f)
}

// decisionsFromTables is Decisions read from the tables, in tx.
func decisionsFromTables(ctx context.Context, tx *sql.Tx, f unsc.DecisionFilter) ([]unsc.Decision, error) {
	where, args, err := decisionWhere(f)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + decisionSelect + ` FROM decisions d` + where + ` ORDER BY d.date, d.meeting, d.id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit == 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	decisions, err := queryDecisions(ctx, tx, q, args)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	if len(decisions) == 0 {
		if f.Symbol != "" {
			// Not found only if the symbol itself names nothing; other
			// filters may just exclude what it names.
			where, args, _ := decisionWhere(unsc.DecisionFilter{Symbol: f.Symbol})
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM decisions d`+where, args...).Scan(&n); err != nil {
				return nil, fmt.Errorf("decisions: %w", err)
			}
			if n == 0 {
				return nil, unsc.Errorf(unsc.ENOTFOUND, "symbol", "no decision on %s", f.Symbol)
			}
		}
		return decisions, nil
	}
	if err := loadDecisionDetails(ctx, tx, decisions); err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	if f.OmitReports {
		for i := range decisions {
			decisions[i].Reports = nil
		}
	}
	return decisions, nil
}

// decisionWhere returns the WHERE clause (with its leading space) and
// arguments for f, over decisions d.
func decisionWhere(f unsc.DecisionFilter) (string, []any, error) {
	var conds []string
	var args []any
	if f.Symbol != "" {
		sym, kind, err := unsc.NormalizeSymbol(f.Symbol)
		if err != nil {
			return "", nil, unsc.Errorf(unsc.EINVALID, "symbol", "%v", err)
		}
		switch kind {
		case unsc.MeetingSymbol:
			conds = append(conds, `d.meeting = ?`)
			args = append(args, sym)
		case unsc.DraftSymbol:
			conds = append(conds, `(d.draft = ? OR d.amendment_to = ?)`)
			args = append(args, sym, sym)
		case unsc.ResolutionSymbol:
			n, _ := unsc.ResolutionNumber(sym)
			if strings.Contains(sym, "(") {
				// A stored resolution symbol without its year matches
				// too.
				conds = append(conds, `d.resolution_number = ? AND d.resolution IN (?, ?)`)
				args = append(args, int64(n), sym, "S/RES/"+strconv.Itoa(n))
			} else {
				conds = append(conds, `d.resolution_number = ?`)
				args = append(args, int64(n))
			}
		}
	}
	if !f.From.IsZero() {
		conds = append(conds, `d.date >= ?`)
		args = append(args, dayString(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, `d.date <= ?`)
		args = append(args, dayString(f.To))
	}
	if f.Outcome != 0 {
		if f.Outcome > unsc.Vetoed {
			return "", nil, unsc.Errorf(unsc.EINVALID, "outcome", "unknown outcome %d", f.Outcome)
		}
		conds = append(conds, `(d.recorded = ? OR d.derived = ?)`)
		args = append(args, f.Outcome.String(), f.Outcome.String())
	}
	if f.VetoedBy != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM decision_vetoes v WHERE v.decision_id = d.id AND v.code = ?)`)
		args = append(args, string(f.VetoedBy))
	} else if f.Vetoed {
		conds = append(conds, `EXISTS (SELECT 1 FROM decision_vetoes v WHERE v.decision_id = d.id)`)
	}
	if f.Offset < 0 {
		return "", nil, unsc.Errorf(unsc.EINVALID, "offset", "offset %d is negative", f.Offset)
	}
	if f.Limit < 0 {
		return "", nil, unsc.Errorf(unsc.EINVALID, "limit", "limit %d is negative", f.Limit)
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func queryDecisions(ctx context.Context, tx *sql.Tx, q string, args []any) ([]unsc.Decision, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		decisions                                 []unsc.Decision
		d                                         unsc.Decision
		date, matter, modality, recorded, derived string
		subjects, sponsors                        sql.NullString
		tallyYes                                  sql.NullInt64
		votesKnown                                bool
	)
	dest := []any{&d.ID, &date, &d.Meeting, &d.Resolution, &d.Draft, &d.Amendment,
		&d.AmendmentTo, &d.Title, &d.Agenda, &subjects, &matter, &d.MatterKnown,
		&modality, &recorded, &derived, &tallyYes, &d.Tally.No, &d.Tally.Abstain,
		&d.Tally.NonVoting, &votesKnown, &sponsors}
	for rows.Next() {
		d = unsc.Decision{}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		fail := func(err error) ([]unsc.Decision, error) {
			return nil, fmt.Errorf("decision %d: %w", d.ID, err)
		}
		if d.Date, err = parseDay(date); err != nil {
			return fail(err)
		}
		if d.Subjects, err = decodeSubjects(subjects.String, subjects.Valid); err != nil {
			return fail(err)
		}
		if d.Sponsors, err = decodeSubjects(sponsors.String, sponsors.Valid); err != nil {
			return fail(fmt.Errorf("sponsors: %w", err))
		}
		if d.Matter, err = unsc.ParseMatter(matter); err != nil {
			return fail(err)
		}
		if d.Modality, err = unsc.ParseModality(modality); err != nil {
			return fail(err)
		}
		if d.Recorded, err = parseOutcome(recorded); err != nil {
			return fail(err)
		}
		if d.Derived, err = parseOutcome(derived); err != nil {
			return fail(err)
		}
		if tallyYes.Valid {
			d.Tally.Known, d.Tally.Yes = true, int(tallyYes.Int64)
		} else {
			d.Tally = unsc.Tally{}
		}
		if votesKnown {
			d.Votes = unsc.VotesFrom(nil)
		}
		decisions = append(decisions, d)
	}
	return decisions, rows.Err()
}

// loadDecisionDetails fills in the positions, vetoes, notes, reports and
// sources of decisions, in four queries whatever their number.
func loadDecisionDetails(ctx context.Context, tx *sql.Tx, decisions []unsc.Decision) error {
	at := make(map[int64]int, len(decisions))
	var b strings.Builder
	b.WriteByte('[')
	for i, d := range decisions {
		at[d.ID] = i
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(d.ID, 10))
	}
	b.WriteByte(']')
	ids := b.String()
	const selected = ` IN (SELECT value FROM json_each(?))`

	// One row per decision, not per position: each row read costs far
	// more than SQLite's joining of a decision's fifteen.
	rows, err := tx.QueryContext(ctx, `SELECT decision_id, group_concat(code || '=' || position, ' ')
		FROM decision_votes WHERE decision_id`+selected+` GROUP BY decision_id`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		id          int64
		code, votes string
	)
	for rows.Next() {
		if err := rows.Scan(&id, &votes); err != nil {
			return err
		}
		v, err := decodeVotes(votes, true)
		if err != nil {
			return fmt.Errorf("decision %d: %w", id, err)
		}
		decisions[at[id]].Votes = v
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	rows, err = tx.QueryContext(ctx, `SELECT decision_id, code FROM decision_vetoes WHERE decision_id`+selected+` ORDER BY decision_id, seq`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(&id, &code); err != nil {
			return err
		}
		d := &decisions[at[id]]
		d.VetoedBy = append(d.VetoedBy, unsc.Code(code))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	rows, err = tx.QueryContext(ctx, `SELECT decision_id, kind, field, text, COALESCE(source, ''), COALESCE(members, '')
		FROM decision_notes WHERE decision_id`+selected+` ORDER BY decision_id, seq`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n unsc.Note
		var kind, members string
		if err := rows.Scan(&id, &kind, &n.Field, &n.Text, &n.Source, &members); err != nil {
			return err
		}
		if n.Kind, err = unsc.ParseNoteKind(kind); err != nil {
			return fmt.Errorf("decision %d: %w", id, err)
		}
		for _, c := range strings.Fields(members) {
			n.Members = append(n.Members, unsc.Code(c))
		}
		d := &decisions[at[id]]
		d.Notes = append(d.Notes, n)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	rows, err = tx.QueryContext(ctx, `SELECT dr.decision_id, `+reportSelect+`
		FROM decision_reports dr JOIN reports r ON r.id = dr.report_id
		WHERE dr.decision_id`+selected+` ORDER BY dr.decision_id, dr.seq`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	sc := newReportScanner(&id)
	for rows.Next() {
		r, _, err := sc.scan(rows)
		if err != nil {
			return err
		}
		d := &decisions[at[id]]
		d.Reports = append(d.Reports, r)
		if !slices.Contains(d.Sources, r.Source) {
			d.Sources = append(d.Sources, r.Source)
		}
	}
	return rows.Err()
}

// positionValues are the positions' letters as the inserters take them,
// boxed once: boxing a letter for each of a million votes (30 times
// today's record) made 16 MB of garbage while the import's heap is at its
// largest.
var positionValues = func() (vs [unsc.NotParticipating + 1]any) {
	for p := range vs {
		vs[p] = unsc.Position(p).Letter()
	}
	return vs
}()

// boxedCodes holds each member code as the inserters take it, boxed once
// for all the decisions' rows, not once for each row.
type boxedCodes map[unsc.Code]any

func (b boxedCodes) value(c unsc.Code) any {
	v, ok := b[c]
	if !ok {
		v = string(c)
		b[c] = v
	}
	return v
}
