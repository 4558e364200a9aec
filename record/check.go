package record

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"unsc"
	"unsc/charter"
)

// Problem kinds that Check reports.
const (
	// ProblemOutcome: the outcome derived by the Charter engine differs from
	// the outcome recorded.
	ProblemOutcome = "outcome"
	// ProblemUnderivable: the engine cannot replay the decision (no votes or
	// tally, or a voter not on the Council on that date).
	ProblemUnderivable = "underivable"
	// ProblemTally: a source's per-member positions do not add up to its
	// own tally, or two sources give different tallies.
	ProblemTally = "tally"
	// ProblemPositions: two sources give a member different positions.
	ProblemPositions = "positions"
	// ProblemRecorded: two sources record different outcomes.
	ProblemRecorded = "recorded"
)

// Finding is one problem found in one decision.
type Finding struct {
	Decision unsc.Decision
	Kind     string
	// Source is the source whose report the finding is about, if one is.
	Source unsc.Source
	Detail string
	// Reason explains the finding when explained.csv does; empty otherwise.
	Reason string
}

// Summary is the result of checking the record.
type Summary struct {
	Decisions, Agree, Explained, Unexplained int
	// Findings lists every problem, explained or not, in record order.
	Findings []Finding
}

// Line is the summary's closing line.
func (s Summary) Line() string {
	return fmt.Sprintf("%d decisions: %d agree, %d explained, %d unexplained", s.Decisions, s.Agree, s.Explained, s.Unexplained)
}

// Explanation says why a finding about a decision is not an error of unsc.
type Explanation struct {
	Symbol string
	Kind   string
	Source unsc.Source
	Reason string
}

var knownSources = []unsc.Source{unsc.SourceUNDL, unsc.SourceDHLMeetings, unsc.SourceDHLVetoes, unsc.SourceDPPA, unsc.SourceSpreadsheet, unsc.SourcePress, unsc.SourceResearch}

// Explanations are the known findings, by symbol and kind.
type Explanations map[string]Explanation

//go:embed explained.csv
var explainedCSV []byte

// BuiltinExplanations are the explanations shipped with unsc.
var BuiltinExplanations = mustParseExplanations("explained.csv", explainedCSV)

func mustParseExplanations(name string, data []byte) Explanations {
	e, err := ParseExplanations(bytes.NewReader(data), name)
	if err != nil {
		panic(err)
	}
	return e
}

// ParseExplanations reads explanations as CSV with the header
// symbol,kind,source,reason. An empty source explains the kind of finding
// whatever source it concerns.
func ParseExplanations(r io.Reader, name string) (Explanations, error) {
	rows, err := readCSV(r, name, []string{"symbol", "kind", "source", "reason"})
	if err != nil {
		return nil, err
	}
	out := Explanations{}
	for _, row := range rows {
		sym := row.get("symbol")
		if s, _, err := unsc.NormalizeSymbol(sym); err == nil {
			sym = s
		} else if !strings.HasPrefix(sym, "oral amendment to ") {
			return nil, row.errorf("symbol", "%v", err)
		}
		kind := row.get("kind")
		if !slices.Contains([]string{ProblemOutcome, ProblemUnderivable, ProblemTally, ProblemPositions, ProblemRecorded}, kind) {
			return nil, row.errorf("kind", "%q: want outcome, underivable, tally, positions or recorded", kind)
		}
		if row.get("reason") == "" {
			return nil, row.errorf("reason", "missing: every explanation needs its reason")
		}
		src := unsc.Source(row.get("source"))
		if src != "" && !slices.Contains(knownSources, src) {
			return nil, row.errorf("source", "%q: want one of %v, or empty", src, knownSources)
		}
		key := sym + "|" + kind + "|" + string(src)
		if _, dup := out[key]; dup {
			return nil, row.errorf("symbol", "%s (%s, %s) is explained twice", sym, kind, src)
		}
		out[key] = Explanation{Symbol: sym, Kind: kind, Source: src, Reason: row.get("reason")}
	}
	return out, nil
}

func (e Explanations) find(d unsc.Decision, kind string, src unsc.Source) (Explanation, bool) {
	for _, s := range []string{d.Resolution, d.Draft, symbolOf(d)} {
		if s == "" {
			continue
		}
		if x, ok := e[s+"|"+kind+"|"+string(src)]; ok {
			return x, true
		}
		if x, ok := e[s+"|"+kind+"|"]; ok {
			return x, true
		}
	}
	return Explanation{}, false
}

// Check replays every decision through the Charter engine and compares the
// sources with one another. A decision with no finding agrees; one whose
// findings are all explained is explained; any other is unexplained.
func Check(decisions []unsc.Decision, ex Explanations) Summary {
	s := Summary{Decisions: len(decisions)}
	var fs []Finding
	for i := range decisions {
		d := &decisions[i]
		fs = findings(d, fs[:0])
		if len(fs) == 0 {
			s.Agree++
			continue
		}
		explained := true
		for i := range fs {
			if x, ok := ex.find(*d, fs[i].Kind, fs[i].Source); ok {
				fs[i].Reason = x.Reason
			} else if fs[i].Reason == "" {
				explained = false
			}
		}
		if explained {
			s.Explained++
		} else {
			s.Unexplained++
		}
		s.Findings = append(s.Findings, fs...)
	}
	return s
}

func findings(d *unsc.Decision, out []Finding) []Finding {
	add := func(kind string, src unsc.Source, format string, args ...any) {
		out = append(out, Finding{Decision: *d, Kind: kind, Source: src, Detail: fmt.Sprintf(format, args...)})
	}
	res, err := Derive(*d)
	switch {
	case err != nil:
		add(ProblemUnderivable, "", "%s", unsc.ErrorMessage(err))
	case d.Recorded == 0:
		add(ProblemRecorded, "", "no source records an outcome; derived %s", describe(res))
	case res.Outcome != d.Recorded:
		add(ProblemOutcome, "", "recorded %s, derived %s", d.Recorded, describe(res))
	case res.Outcome == unsc.Vetoed && !sameCodes(recordedVetoes(d.Reports), memberCodes(res.VetoedBy)):
		add(ProblemOutcome, "", "recorded vetoed by %v, derived vetoed by %v", recordedVetoes(d.Reports), memberCodes(res.VetoedBy))
	}

	for i := range d.Reports {
		r := &d.Reports[i]
		n := len(out)
		if r.Outcome != 0 && r.Outcome != d.Recorded {
			add(ProblemRecorded, r.Source, "recorded %s, but %s (%s) records %s", d.Recorded, r.Source, r.Ref, r.Outcome)
		}
		t := r.Tally
		if r.Votes != nil {
			t = countVotes(r.Votes)
			if r.Tally.Known && !sameTally(t, r.Tally) {
				add(ProblemTally, r.Source, "%s (%s): positions count %s, its tally says %s", r.Source, r.Ref, tallyString(t), tallyString(r.Tally))
			}
		}
		if t.Known && d.Tally.Known && !sameTally(t, d.Tally) {
			add(ProblemTally, r.Source, "record %s, but %s (%s) %s", tallyString(d.Tally), r.Source, r.Ref, tallyString(t))
		}
		if diff := positionDiff(d, r); diff != "" {
			add(ProblemPositions, r.Source, "%s (%s) differs (record/%s): %s", r.Source, r.Ref, r.Source, diff)
		}
		// Positions naming a state that did not sit on the Council that day
		// cannot belong to this decision: the report is in error, whatever
		// else it says.
		if len(out) == n || len(r.Votes) == 0 {
			continue
		}
		council, err := charter.CouncilOn(d.Date)
		if err != nil {
			continue
		}
		if strangers := notSitting(council, r.Votes); len(strangers) > 0 {
			for i := n; i < len(out); i++ {
				out[i].Reason = fmt.Sprintf("data error in %s: its positions name %s, not on the Council on %s, so they cannot belong to this decision; the record keeps the other sources' account", r.Source, strings.Join(strangers, ", "), d.Date.Format("2006-01-02"))
			}
		}
	}
	return out
}

// notSitting lists the codes in votes that are not members of Council c.
func notSitting(c unsc.Council, votes map[unsc.Code]unsc.Position) []string {
	if c.Members == nil {
		return nil
	}
	var out []string
	for code := range votes {
		if _, ok := c.Member(code); !ok {
			out = append(out, string(code))
		}
	}
	slices.Sort(out)
	return out
}

func sameTally(a, b unsc.Tally) bool {
	return a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain
}

// positionDiff compares one source's positions with the record's. A
// member not listed and a member listed as not participating are alike:
// sources differ in how they write both.
func positionDiff(d *unsc.Decision, r *unsc.Report) string {
	if d.Votes == nil || r.Votes == nil || !anyVote(r.Votes) {
		return ""
	}
	nonVoting := func(p unsc.Position) bool { return p == unsc.Absent || p == unsc.NotParticipating }
	var codes []string
	for code, p := range r.Votes {
		if q := d.Votes[code]; q != p && !(nonVoting(p) && nonVoting(q)) {
			codes = append(codes, fmt.Sprintf("%s %s/%s", code, q.Letter(), p.Letter()))
		}
	}
	for code, q := range d.Votes {
		if _, listed := r.Votes[code]; !listed && !nonVoting(q) {
			codes = append(codes, fmt.Sprintf("%s %s/-", code, q.Letter()))
		}
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}

func sameCodes(a, b []unsc.Code) bool {
	if a == nil {
		return true
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func describe(r unsc.Result) string {
	s := fmt.Sprintf("%s (%d-%d-%d, %d required)", r.Outcome, r.Yes, r.No, r.Abstain, r.Required)
	if len(r.VetoedBy) > 0 {
		s += fmt.Sprintf(" vetoed by %v", memberCodes(r.VetoedBy))
	}
	return s
}

func tallyString(t unsc.Tally) string {
	if !t.Known {
		return "no tally"
	}
	return fmt.Sprintf("%d-%d-%d", t.Yes, t.No, t.Abstain)
}
