// Package casebook holds the sixteen votes of RULES.md §6 that every part of
// unsc must get right: the first veto (1946), the double veto (1948), the
// Korean resolutions adopted with the USSR absent (1950), a permanent
// member's "no" that was not a veto, procedural votes carried over permanent
// members' objections, abstentions that did not block, vetoes cast alone and
// together, an amendment voted before its draft, a Secretary-General
// recommended by acclamation and a round of an ICJ election.
//
// The casebook serves two purposes. It is teaching material that pages show
// as worked examples, each case with a short note on what happened and which
// rule of the Charter (Art. 27) or of the provisional rules of procedure it
// illustrates. And it is the golden test of the rules engine: every case
// carries its ballot in the JSON form that `unsc decide` and
// charter.ParseBallot read, and the outcome the Council officially recorded,
// so that a test can run the ballot through charter.Decide and compare.
//
// The cases live in casebook.json, embedded in the binary. How each case is
// sourced:
//
//   - Adopted resolutions: per-member votes from the UN Digital Library's
//     voting records (shared data folder undl-sc-votes-crawled), checked
//     against the Dag Hammarskjöld Library's meeting tables.
//   - Failed and vetoed drafts and amendments since 1994: per-member votes
//     from the unattributed 1994–2025 spreadsheet (sc-votes-incl-failed-1994-2025),
//     which is not official and is used only where it agrees with the tally
//     and with the minority votes reported by the UN.
//   - Older failed votes (1946–1950): the tallies of the Dag Hammarskjöld
//     Library's tables and veto list, the members named in RULES.md, in UN
//     records and in the Foreign Relations of the United States; the
//     remaining members' votes follow from the tally.
//   - Votes that adopted nothing (the 2006 agenda vote): the UN press release.
//   - The ICJ round: the press release, with candidates' votes and no
//     per-member positions (the ballot is secret).
//
// A case is Verified when RULES.md marks none of its facts [U] and every
// position on its ballot is read from a source that names the member. It is
// not Verified when a position is unknown (Poland in 1946, left out of the
// ballot and so read as absent) or follows only from the tally; its Note
// says which. The ballot format has no letter for "unknown", so an
// unverified ballot must not be shown as a full record of the vote.
//
// A case is one row of the table in RULES.md §6, and its Ballot is the vote
// that row describes. Where the Council went on to vote again on the same
// question and that vote is not a row of its own, the further ballots are the
// case's Sequel, in order: the draft S/794 vetoed after the preliminary
// question (case 2), and the ruling that the invitation of resolution 87 had
// been procedural (case 6). The amendment and the draft voted on 25 March
// 2024 are both rows of the table, so they stay two cases, 12 and 13, whose
// notes point to each other.
package casebook

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"unsc"
	"unsc/internal/lazy"
)

// Case is one vote of the casebook.
type Case struct {
	Number int
	Date   time.Time
	// Title is short: "The first veto: Syria and Lebanon".
	Title string
	// Symbols are the UN symbols involved (draft, resolution, meeting
	// record, letter), in canonical form (unsc.NormalizeSymbol).
	Symbols []string
	// Meeting is the meeting record, S/PV.N, where known.
	Meeting string
	// Ballot is the ballot in the JSON form of `unsc decide`
	// (charter.ParseBallot).
	Ballot json.RawMessage
	// Official is the outcome as the Council recorded it.
	Official Official
	// Sequel lists further ballots on the same question that followed, in
	// order, and are not cases of their own.
	Sequel []Step
	// Note says in one paragraph what happened and why it matters for the
	// rules, and which facts are not verified.
	Note string
	// Sources says where the facts come from: UN documents and press
	// releases, and the shared datasets by folder name.
	Sources []string
	// Verified is false where RULES.md marks a fact [U] or a position on
	// the ballot is unknown or reconstructed from the tally.
	Verified bool
}

// Official is an outcome as the Council recorded it.
type Official struct {
	// Outcome is "adopted", "failed" or "vetoed" (unsc.Outcome's names).
	// For a preliminary question, "vetoed" means that a permanent member's
	// negative vote stopped the matter being treated as procedural; for an
	// ICJ round, "adopted" means every seat obtained a majority.
	Outcome string
	// VetoedBy lists the member codes of the permanent members whose
	// negative vote was a veto, in the Council's order.
	VetoedBy []string
	// Elected lists the candidates who obtained the majority in an ICJ
	// round.
	Elected []string
}

// Step is one further ballot of a case.
type Step struct {
	Title    string
	Symbols  []string
	Meeting  string
	Ballot   json.RawMessage
	Official Official
	// Verified has the meaning of Case.Verified, for this ballot.
	Verified bool
}

//go:embed casebook.json
var casebookJSON []byte

var load = lazy.Values[[]Case, error]{Make: func() ([]Case, error) { return parse(casebookJSON) }}

// Cases returns every case, by number. The embedded file is parsed once;
// each call returns a copy that the caller may change. It panics if the
// embedded file is invalid, which the package's tests rule out.
func Cases() []Case {
	cs, err := load.Get()
	if err != nil {
		panic(err)
	}
	out := make([]Case, len(cs))
	for i, c := range cs {
		out[i] = c.clone()
	}
	return out
}

// Lookup returns the case with the given number, if there is one. (It
// cannot be called Case, the name of the type.)
func Lookup(n int) (Case, bool) {
	cs, err := load.Get()
	if err != nil {
		panic(err)
	}
	if n < 1 || n > len(cs) {
		return Case{}, false
	}
	return cs[n-1].clone(), true
}

func (c Case) clone() Case {
	c.Symbols = slices.Clone(c.Symbols)
	c.Ballot = slices.Clone(c.Ballot)
	c.Official = c.Official.clone()
	c.Sources = slices.Clone(c.Sources)
	if c.Sequel != nil {
		seq := make([]Step, len(c.Sequel))
		for i, s := range c.Sequel {
			s.Symbols = slices.Clone(s.Symbols)
			s.Ballot = slices.Clone(s.Ballot)
			s.Official = s.Official.clone()
			seq[i] = s
		}
		c.Sequel = seq
	}
	return c
}

func (o Official) clone() Official {
	o.VetoedBy = slices.Clone(o.VetoedBy)
	o.Elected = slices.Clone(o.Elected)
	return o
}

// The file's layout. Unknown fields are errors, so that a misspelt key is
// not silently dropped.
type caseJSON struct {
	Number   int             `json:"number"`
	Date     string          `json:"date"`
	Title    string          `json:"title"`
	Symbols  []string        `json:"symbols"`
	Meeting  string          `json:"meeting"`
	Ballot   json.RawMessage `json:"ballot"`
	Official officialJSON    `json:"official"`
	Sequel   []stepJSON      `json:"sequel"`
	Note     string          `json:"note"`
	Sources  []string        `json:"sources"`
	Verified bool            `json:"verified"`
}

type officialJSON struct {
	Outcome  string   `json:"outcome"`
	VetoedBy []string `json:"vetoed_by"`
	Elected  []string `json:"elected"`
}

type stepJSON struct {
	Title    string          `json:"title"`
	Symbols  []string        `json:"symbols"`
	Meeting  string          `json:"meeting"`
	Ballot   json.RawMessage `json:"ballot"`
	Official officialJSON    `json:"official"`
	Verified bool            `json:"verified"`
}

const dateLayout = "2006-01-02"

// parse reads and checks the casebook file: numbers 1, 2, … in order,
// canonical symbols, a meeting record symbol, a ballot whose date is the
// case's, and an official outcome the domain knows. Errors name the case and
// the field.
func parse(data []byte) ([]Case, error) {
	var raw []caseJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("casebook.json: %w", err)
	}
	cases := make([]Case, 0, len(raw))
	for i, r := range raw {
		c, err := r.toCase(i + 1)
		if err != nil {
			return nil, fmt.Errorf("casebook.json: case %d: %w", i+1, err)
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func (r caseJSON) toCase(want int) (Case, error) {
	if r.Number != want {
		return Case{}, fmt.Errorf("number: %d, want %d (cases in order from 1)", r.Number, want)
	}
	date, err := time.Parse(dateLayout, r.Date)
	if err != nil {
		return Case{}, fmt.Errorf("date: %q: want YYYY-MM-DD", r.Date)
	}
	if r.Title == "" || r.Note == "" || len(r.Sources) == 0 {
		return Case{}, fmt.Errorf("title, note and sources are required")
	}
	step, err := stepJSON{Title: r.Title, Symbols: r.Symbols, Meeting: r.Meeting, Ballot: r.Ballot, Official: r.Official, Verified: r.Verified}.toStep(date)
	if err != nil {
		return Case{}, err
	}
	c := Case{
		Number:   r.Number,
		Date:     date,
		Title:    r.Title,
		Symbols:  step.Symbols,
		Meeting:  step.Meeting,
		Ballot:   step.Ballot,
		Official: step.Official,
		Note:     r.Note,
		Sources:  r.Sources,
		Verified: r.Verified,
	}
	for i, s := range r.Sequel {
		st, err := s.toStep(date)
		if err != nil {
			return Case{}, fmt.Errorf("sequel[%d]: %w", i, err)
		}
		if st.Title == "" {
			return Case{}, fmt.Errorf("sequel[%d].title: required", i)
		}
		c.Sequel = append(c.Sequel, st)
	}
	return c, nil
}

func (s stepJSON) toStep(date time.Time) (Step, error) {
	for i, sym := range s.Symbols {
		canon, _, err := unsc.NormalizeSymbol(sym)
		if err != nil {
			return Step{}, fmt.Errorf("symbols[%d]: %w", i, err)
		}
		if canon != sym {
			return Step{}, fmt.Errorf("symbols[%d]: %q, want the canonical %q", i, sym, canon)
		}
	}
	if s.Meeting != "" {
		canon, kind, err := unsc.NormalizeSymbol(s.Meeting)
		if err != nil || kind != unsc.MeetingSymbol || canon != s.Meeting {
			return Step{}, fmt.Errorf("meeting: %q, want a meeting record symbol such as S/PV.9586", s.Meeting)
		}
	}
	// The ballot itself is the engine's to read; here it only has to be one
	// JSON object dated like the case, so that a misdated ballot cannot
	// pick the wrong Council.
	var head struct {
		Date string `json:"date"`
	}
	if err := json.Unmarshal(s.Ballot, &head); err != nil {
		return Step{}, fmt.Errorf("ballot: %w", err)
	}
	if head.Date != date.Format(dateLayout) {
		return Step{}, fmt.Errorf("ballot.date: %q, want the case's date %s", head.Date, date.Format(dateLayout))
	}
	var ballot bytes.Buffer
	if err := json.Compact(&ballot, s.Ballot); err != nil {
		return Step{}, fmt.Errorf("ballot: %w", err)
	}
	if _, err := unsc.ParseOutcome(s.Official.Outcome); err != nil {
		return Step{}, fmt.Errorf("official.outcome: %w", err)
	}
	return Step{
		Title:   s.Title,
		Symbols: s.Symbols,
		Meeting: s.Meeting,
		Ballot:  ballot.Bytes(),
		Official: Official{
			Outcome:  s.Official.Outcome,
			VetoedBy: s.Official.VetoedBy,
			Elected:  s.Official.Elected,
		},
		Verified: s.Verified,
	}, nil
}
