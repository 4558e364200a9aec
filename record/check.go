package record

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"unsc"
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
	Detail   string
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
	Reason string
}

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
// symbol,kind,reason.
func ParseExplanations(r io.Reader, name string) (Explanations, error) {
	rows, err := readCSV(r, name, []string{"symbol", "kind", "reason"})
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
		key := sym + "|" + kind
		if _, dup := out[key]; dup {
			return nil, row.errorf("symbol", "%s (%s) is explained twice", sym, kind)
		}
		out[key] = Explanation{Symbol: sym, Kind: kind, Reason: row.get("reason")}
	}
	return out, nil
}

func (e Explanations) find(d unsc.Decision, kind string) (Explanation, bool) {
	for _, s := range []string{d.Resolution, d.Draft, symbolOf(d)} {
		if x, ok := e[s+"|"+kind]; ok && s != "" {
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
	for _, d := range decisions {
		fs = findings(d, fs[:0])
		if len(fs) == 0 {
			s.Agree++
			continue
		}
		explained := true
		for i := range fs {
			if x, ok := ex.find(d, fs[i].Kind); ok {
				fs[i].Reason = x.Reason
			} else {
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

func findings(d unsc.Decision, out []Finding) []Finding {
	add := func(kind, format string, args ...any) {
		out = append(out, Finding{Decision: d, Kind: kind, Detail: fmt.Sprintf(format, args...)})
	}
	res, err := Derive(d)
	switch {
	case err != nil:
		add(ProblemUnderivable, "%s", unsc.ErrorMessage(err))
	case d.Recorded == 0:
		add(ProblemRecorded, "no source records an outcome; derived %s", describe(res))
	case res.Outcome != d.Recorded:
		add(ProblemOutcome, "recorded %s, derived %s", d.Recorded, describe(res))
	case res.Outcome == unsc.Vetoed && len(d.Reports) > 0 && !sameCodes(recordedVetoes(d), memberCodes(res.VetoedBy)):
		add(ProblemOutcome, "recorded vetoed by %v, derived vetoed by %v", recordedVetoes(d), memberCodes(res.VetoedBy))
	}

	var outcomeBy, tallyBy []string
	for _, r := range d.Reports {
		if r.Outcome != 0 && r.Outcome != d.Recorded {
			outcomeBy = append(outcomeBy, fmt.Sprintf("%s records %s", r.Source, r.Outcome))
		}
		if r.Votes != nil && r.Tally.Known {
			if c := countVotes(r.Votes); c.Yes != r.Tally.Yes || c.No != r.Tally.No || c.Abstain != r.Tally.Abstain {
				add(ProblemTally, "%s (%s): positions count %s, its tally says %s", r.Source, r.Ref, tallyString(c), tallyString(r.Tally))
			}
		}
		t := r.Tally
		if r.Votes != nil {
			t = countVotes(r.Votes)
		}
		if t.Known && (t.Yes != d.Tally.Yes || t.No != d.Tally.No || t.Abstain != d.Tally.Abstain) {
			tallyBy = append(tallyBy, fmt.Sprintf("%s %s", r.Source, tallyString(t)))
		}
	}
	if len(outcomeBy) > 0 {
		add(ProblemRecorded, "recorded %s, but %s", d.Recorded, strings.Join(outcomeBy, ", "))
	}
	if len(tallyBy) > 0 {
		add(ProblemTally, "record %s, but %s", tallyString(d.Tally), strings.Join(tallyBy, ", "))
	}
	if diff := positionDiff(d); diff != "" {
		add(ProblemPositions, "%s", diff)
	}
	return out
}

// positionDiff compares the positions of every source that gives them with
// the record's.
func positionDiff(d unsc.Decision) string {
	var diffs []string
	for _, r := range d.Reports {
		if r.Votes == nil {
			continue
		}
		var codes []string
		for code, p := range r.Votes {
			if q := d.Votes[code]; q != p {
				codes = append(codes, fmt.Sprintf("%s %s/%s", code, q.Letter(), p.Letter()))
			}
		}
		for code, q := range d.Votes {
			if _, ok := r.Votes[code]; !ok && q != unsc.NotParticipating {
				codes = append(codes, fmt.Sprintf("%s %s/-", code, q.Letter()))
			}
		}
		if len(codes) > 0 {
			slices.Sort(codes)
			diffs = append(diffs, fmt.Sprintf("%s differs (record/%s): %s", r.Source, r.Source, strings.Join(codes, ", ")))
		}
	}
	return strings.Join(diffs, "; ")
}

func recordedVetoes(d unsc.Decision) []unsc.Code {
	for _, r := range d.Reports {
		if len(r.VetoedBy) > 0 {
			return r.VetoedBy
		}
	}
	return nil
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
