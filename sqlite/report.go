package sqlite

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"

	"unsc"
	"unsc/internal/lazy"
)

// reportColumns are the columns written for a report, in the order
// reportValues returns them.
var reportColumns = []string{
	"id", "source", "key", "ref", "date", "meeting", "resolution", "draft",
	"amendment", "amendment_to", "title", "agenda", "subjects", "matter",
	"matter_known", "modality", "outcome", "tally_yes", "tally_no",
	"tally_abstain", "tally_non_voting", "votes", "vetoed_by", "note", "sponsors",
	"hash",
}

// Positions in reportColumns; TestReportColumns checks them.
const (
	reportID       = 0
	reportRef      = 3
	reportSponsors = 24
	reportHash     = 25
)

// reportUpsert updates a report in place when its id is already taken
// (made on first use: reading the record never needs it).
var reportUpsert = lazy.Value[string]{Make: func() string {
	s := "ON CONFLICT (id) DO UPDATE SET "
	for i, c := range reportColumns[1:] {
		if i > 0 {
			s += ", "
		}
		s += c + " = excluded." + c
	}
	return s
}}

// reportValues returns the column values of r, with its content hash, or
// what is wrong with r.
func reportValues(r *unsc.Report) ([]any, string) {
	if why := reportWhy(r); why != "" {
		return nil, why
	}
	votes, _ := encodeVotes(r.Votes)
	vetoedBy, _ := encodeCodes(r.VetoedBy)
	yes, no, abstain, nonVoting := tallyValues(r.Tally)
	v := []any{
		nil, string(r.Source), r.Key, text(r.Ref), day(r.Date), text(r.Meeting),
		text(r.Resolution), text(r.Draft), boolInt(r.Amendment), text(r.AmendmentTo),
		text(r.Title), text(r.Agenda), encodeSubjects(r.Subjects), r.Matter.String(),
		boolInt(r.MatterKnown), r.Modality.String(), outcomeValue(r.Outcome),
		yes, no, abstain, nonVoting, votes, vetoedBy, text(r.Note),
		encodeSubjects(r.Sponsors), nil,
	}
	v[reportHash] = contentHash(v)
	return v, ""
}

// reportWhy says why r cannot be stored, or "" if it can: what
// reportValues checks, without making the values.
func reportWhy(r *unsc.Report) string {
	if r.Source == "" {
		return "report has no source"
	}
	if r.Key == "" {
		return "report has no key"
	}
	if why := validEnums(r.Matter, r.Modality, r.Outcome); why != "" {
		return why
	}
	if why := votesWhy(r.Votes); why != "" {
		return "votes: " + why
	}
	for _, c := range r.VetoedBy {
		if why := validCode(c); why != "" {
			return "vetoed by: " + why
		}
	}
	return ""
}

// contentHash returns the SHA-256 of a report's column values, leaving out
// its id, its ref (where it was read is not what it says) and the hash.
//
// The bytes hashed are laid out in a buffer kept between calls
// (hashBuffers): a new one for each of a record's ~14,000 reports cost a
// fresh allocation, and its pages, for every report.
func contentHash(v []any) string {
	held := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(held)
	buf := (*held)[:0]
	defer func() { *held = buf[:0] }()
	for i, x := range v {
		if i == reportID || i == reportRef || i == reportHash {
			continue
		}
		// A report without sponsors hashes as it did before the column
		// was added, so that re-importing an unchanged file changes
		// nothing.
		if i == reportSponsors && x == nil {
			continue
		}
		// Each value is tagged with its type, and strings with their
		// length, so that no two contents share an encoding.
		switch x := x.(type) {
		case nil:
			buf = append(buf, 'n')
		case string:
			buf = append(buf, 's')
			buf = strconv.AppendInt(buf, int64(len(x)), 10)
			buf = append(buf, ':')
			buf = append(buf, x...)
		case int64:
			buf = append(buf, 'i')
			buf = strconv.AppendInt(buf, x, 10)
			buf = append(buf, ';')
		}
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// hashBuffers holds contentHash's buffers, one for each report hashed at
// once.
var hashBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// reportSelect reads the columns reportScanner scans, from reports r.
const reportSelect = `r.id, r.source, r.key, COALESCE(r.ref, ''), COALESCE(r.date, ''),
	COALESCE(r.meeting, ''), COALESCE(r.resolution, ''), COALESCE(r.draft, ''),
	r.amendment, COALESCE(r.amendment_to, ''), COALESCE(r.title, ''),
	COALESCE(r.agenda, ''), r.subjects, r.matter, r.matter_known, r.modality,
	COALESCE(r.outcome, ''), r.tally_yes, COALESCE(r.tally_no, 0),
	COALESCE(r.tally_abstain, 0), COALESCE(r.tally_non_voting, 0), r.votes,
	r.vetoed_by, COALESCE(r.note, ''), r.sponsors`

// reportScanner scans rows of reportSelect, after any leading columns, into
// reports. Its destinations are reused from row to row.
type reportScanner struct {
	id                                      int64
	source, date, matter, modality, outcome string
	subjects, votes, vetoedBy, sponsors     sql.NullString
	tallyYes                                sql.NullInt64
	r                                       unsc.Report
	dest                                    []any
}

func newReportScanner(lead ...any) *reportScanner {
	s := &reportScanner{}
	r := &s.r
	s.dest = append(lead, &s.id, &s.source, &r.Key, &r.Ref, &s.date, &r.Meeting,
		&r.Resolution, &r.Draft, &r.Amendment, &r.AmendmentTo, &r.Title, &r.Agenda,
		&s.subjects, &s.matter, &r.MatterKnown, &s.modality, &s.outcome,
		&s.tallyYes, &r.Tally.No, &r.Tally.Abstain, &r.Tally.NonVoting,
		&s.votes, &s.vetoedBy, &r.Note, &s.sponsors)
	return s
}

// scan reads one row and returns the report and its id.
func (s *reportScanner) scan(rows *sql.Rows) (unsc.Report, int64, error) {
	s.r = unsc.Report{}
	if err := rows.Scan(s.dest...); err != nil {
		return unsc.Report{}, 0, err
	}
	r := s.r
	r.Source = unsc.Source(s.source)
	var err error
	fail := func(err error) (unsc.Report, int64, error) {
		return unsc.Report{}, 0, fmt.Errorf("report %d: %w", s.id, err)
	}
	if r.Date, err = parseDay(s.date); err != nil {
		return fail(err)
	}
	if r.Subjects, err = decodeSubjects(s.subjects.String, s.subjects.Valid); err != nil {
		return fail(err)
	}
	if r.Sponsors, err = decodeSubjects(s.sponsors.String, s.sponsors.Valid); err != nil {
		return fail(fmt.Errorf("sponsors: %w", err))
	}
	if r.Matter, err = unsc.ParseMatter(s.matter); err != nil {
		return fail(err)
	}
	if r.Modality, err = unsc.ParseModality(s.modality); err != nil {
		return fail(err)
	}
	if r.Outcome, err = parseOutcome(s.outcome); err != nil {
		return fail(err)
	}
	r.Tally.Known = s.tallyYes.Valid
	r.Tally.Yes = int(s.tallyYes.Int64)
	if !r.Tally.Known {
		r.Tally = unsc.Tally{}
	}
	if r.Votes, err = decodeVotes(s.votes.String, s.votes.Valid); err != nil {
		return fail(err)
	}
	r.VetoedBy = decodeCodes(s.vetoedBy.String, s.vetoedBy.Valid)
	return r, s.id, nil
}
