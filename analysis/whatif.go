package analysis

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
	"unsc/record"
)

// The named what-if rules (see RulesNamed).
const (
	RulesNoVeto         = "no-veto"
	RulesTwoVetoes      = "two-vetoes"
	RulesNoVetoAtrocity = "no-veto-on-atrocities"
	RulesElevenMember   = "eleven-member"
	RulesGrantPrefix    = "grant:"
	RulesDenyPrefix     = "deny:"
)

// NamedRules lists the names RulesNamed accepts; grant: and deny: take a
// member code after the colon.
var NamedRules = []string{RulesNoVeto, RulesTwoVetoes, RulesNoVetoAtrocity, RulesElevenMember, RulesGrantPrefix + "CODE", RulesDenyPrefix + "CODE"}

var rulesNotes = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		charter.Charter.Name: "The Charter as applied: 7 of 11, then 9 of 15, affirmative votes; a permanent member's negative vote vetoes a non-procedural matter.",
		RulesNoVeto:          "No member has a veto: a non-procedural matter passes with the required affirmative votes.",
		RulesTwoVetoes:       "A veto needs the negative votes of two permanent members.",
		RulesNoVetoAtrocity:  "No veto may block a draft on mass atrocities, as flagged in atrocity.csv (each row with its source).",
		RulesElevenMember:    "The 11-member Council's threshold, 7 affirmative votes, applied to the Council as it sat.",
	}
}}

// RulesNamed returns the charter.Rules a name stands for: "charter",
// "no-veto", "two-vetoes", "no-veto-on-atrocities", "eleven-member",
// "grant:CODE" (the member holds the veto as well) or "deny:CODE" (a
// permanent member loses it). Unknown names return an *unsc.Error
// (EINVALID, field "rules").
func RulesNamed(name string) (charter.Rules, error) {
	r := charter.Charter
	r.Name = name
	switch {
	case name == charter.Charter.Name:
	case name == RulesNoVeto:
		r.VetoThreshold = 0
	case name == RulesTwoVetoes:
		r.VetoThreshold = 2
	case name == RulesNoVetoAtrocity:
		r.NoVetoOnAtrocities = true
	case name == RulesElevenMember:
		r.Required = 7
	case strings.HasPrefix(name, RulesGrantPrefix) || strings.HasPrefix(name, RulesDenyPrefix):
		prefix, member, _ := strings.Cut(name, ":")
		code, err := charter.LookupMember(member)
		if err != nil {
			return charter.Rules{}, unsc.Errorf(unsc.EINVALID, "rules", "%q: want a member after %s: (a code such as USA, or a name): %s", name, prefix, unsc.ErrorMessage(err))
		}
		r.Name = prefix + ":" + string(code)
		if prefix+":" == RulesGrantPrefix {
			r.Grant = []unsc.Code{code}
		} else {
			r.Deny = []unsc.Code{code}
		}
	default:
		return charter.Rules{}, unsc.Errorf(unsc.EINVALID, "rules", "%q: want one of %s", name, strings.Join(NamedRules, ", "))
	}
	return r, nil
}

// WhatIfQuery replays a period under other rules.
type WhatIfQuery struct {
	From  time.Time     `json:"from,omitzero"`
	To    time.Time     `json:"to,omitzero"`
	Rules charter.Rules `json:"rules"`
	// NoText leaves the answer's Period.Text empty, for a caller that
	// writes it itself (Period.AppendText) straight into its encoding.
	NoText bool `json:"-"`
}

// WhatIfAnswer lists every decision whose outcome flips under the rules.
type WhatIfAnswer struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Period is the period the answer covers, as the record holds it.
	Period    Period `json:"period"`
	Rules     string `json:"rules"`
	RulesNote string `json:"rules_note"`
	// Replayed counts the decisions replayed; NotReplayable those the
	// record has neither votes nor a count for.
	Replayed      int `json:"replayed"`
	NotReplayable int `json:"not_replayable"`
	Flipped       int `json:"flipped"`
	// Flips are shared with every answer under the same rules: read them,
	// never change them.
	Flips []Flip `json:"flips"`
	// FirstFlip is the place of Flips[0] among the flips of the whole
	// record under the same rules (the answer without a period), so that
	// an encoder that keeps those encoded can send a run of them.
	FirstFlip int `json:"-"`
}

// Flip is one decision whose outcome differs under the rules.
type Flip struct {
	Date     string `json:"date"`
	Symbol   string `json:"symbol"`
	Meeting  string `json:"meeting,omitempty"`
	Agenda   string `json:"agenda,omitempty"`
	Atrocity bool   `json:"atrocity,omitempty"`
	Yes      int    `json:"yes"`
	No       int    `json:"no"`
	Abstain  int    `json:"abstain"`
	// Before is the outcome under the Charter, After under the rules; the
	// VetoedBy lists name the vetoes of each.
	Before         string      `json:"before"`
	BeforeVetoedBy []unsc.Code `json:"before_vetoed_by,omitempty"`
	After          string      `json:"after"`
	AfterVetoedBy  []unsc.Code `json:"after_vetoed_by,omitempty"`
}

// WhatIf replays the decisions from..to under q.Rules through the Charter
// engine (record.DeriveUnder) and lists every one whose outcome differs
// from the Charter's. The whole record is replayed once per set of rules
// and kept, with its flips (whatIfRun); an answer takes the part in its
// period. It stops with ctx's error when ctx is done.
func (x *Index) WhatIf(ctx context.Context, q WhatIfQuery) (WhatIfAnswer, error) {
	return x.WhatIfIn(ctx, q, nil)
}

// WhatIfIn is WhatIf, the answer's period's kinds in kinds where it has
// room when q.NoText: for a caller that keeps nothing of the answer.
func (x *Index) WhatIfIn(ctx context.Context, q WhatIfQuery, kinds []KindPeriod) (WhatIfAnswer, error) {
	rules := q.Rules
	note := rulesNotes.Get()[rules.Name]
	if note == "" {
		note = describeRules(rules)
	}
	run, err := x.whatIfRun(ctx, rules)
	if err != nil {
		return WhatIfAnswer{}, err
	}
	a := WhatIfAnswer{Rules: rules.Name, RulesNote: note}
	a.From, a.To = formatDates(q.From, q.To)
	if q.NoText {
		a.Period = x.periodBoundsIn(kinds, q.From, q.To, Kinds)
	} else {
		a.Period = x.Period(q.From, q.To)
	}
	lo, hi := x.span(q.From, q.To)
	a.Replayed = int(run.replayed[hi] - run.replayed[lo])
	a.NotReplayable = hi - lo - a.Replayed
	f := sort.SearchInts(run.at, lo)
	l := sort.SearchInts(run.at[f:], hi)
	// The answer's flips are the run's, not a copy (an empty list, not
	// null, where there are none).
	a.Flips, a.FirstFlip = []Flip{}, f
	if l > 0 {
		a.Flips = run.flips[f : f+l : f+l]
	}
	a.Flipped = len(a.Flips)
	return a, nil
}

// whatIfRun is the whole record replayed under one set of rules.
type whatIfRun struct {
	// replayed[i] counts the decisions before i that were replayed: with
	// an outcome under the Charter and under the rules.
	replayed []int32
	// flips are the decisions whose outcome differs, in the record's
	// order; at[k] is the index of flips[k].
	flips []Flip
	at    []int
}

// whatIfRun returns the record replayed under the rules, made once per set
// of rules and kept (a bounded number of sets: callers can make up any
// number). A replay stopped by ctx is not kept.
func (x *Index) whatIfRun(ctx context.Context, rules charter.Rules) (*whatIfRun, error) {
	// The key is made as a string only for a replay to keep: the map is
	// looked up with its bytes (no string made for the lookup).
	var held [128]byte
	keyBytes := appendRulesKey(held[:0], rules)
	x.whatifMu.Lock()
	run, ok := x.whatif[string(keyBytes)]
	x.whatifMu.Unlock()
	if ok {
		return run, ctx.Err()
	}
	key := string(keyBytes)
	after, err := x.replay(ctx, rules)
	if err != nil {
		return nil, err
	}
	run = &whatIfRun{replayed: make([]int32, x.n+1)}
	dates := x.dateStrings()
	var atrocity []bool
	if rules.NoVetoOnAtrocities {
		atrocity = x.atrocities()
	}
	for i := range x.n {
		d := x.d(i)
		run.replayed[i+1] = run.replayed[i]
		if d.Derived == 0 || after[i] == 0 {
			continue
		}
		run.replayed[i+1]++
		if after[i] == d.Derived {
			continue
		}
		var flagged bool
		if atrocity != nil {
			flagged = atrocity[i]
		} else {
			flagged = atrocityDraft(d) || atrocityAgenda(d.Agenda)
		}
		f := Flip{Date: dates[i], Symbol: record.Symbol(*d), Meeting: d.Meeting, Agenda: d.Agenda,
			Atrocity: flagged, Yes: d.Tally.Yes, No: d.Tally.No, Abstain: d.Tally.Abstain,
			Before: d.Derived.String(), After: after[i].String()}
		if d.Derived == unsc.Vetoed {
			f.BeforeVetoedBy = d.VetoedBy
		}
		if after[i] == unsc.Vetoed {
			// The engine itself, through the record, names the vetoes.
			if r, err := record.DeriveUnder(atrocityRules(rules, flagged), *d); err == nil {
				f.AfterVetoedBy = codesOf(r.VetoedBy)
			}
		}
		run.flips = append(run.flips, f)
		run.at = append(run.at, i)
	}
	x.whatifMu.Lock()
	if len(x.whatif) >= 64 {
		clear(x.whatif)
	}
	x.whatif[key] = run
	x.whatifMu.Unlock()
	// The run is made whole and kept, even for a client that has gone.
	return run, ctx.Err()
}

// appendRulesKey appends the key that identifies a set of rules to b:
// every field of charter.Rules.
func appendRulesKey(b []byte, r charter.Rules) []byte {
	b = append(b, r.Name...)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(r.Required), 10)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(r.VetoThreshold), 10)
	b = append(b, 0)
	for _, c := range r.Grant {
		b = append(append(b, c...), '+')
	}
	b = append(b, 0)
	for _, c := range r.Deny {
		b = append(append(b, c...), '+')
	}
	b = append(b, 0)
	return strconv.AppendBool(b, r.NoVetoOnAtrocities)
}

// replay returns every decision's outcome under the rules (0 where it
// cannot be replayed, and for decisions with no outcome under the Charter,
// which WhatIf does not replay). It returns ctx's error, and nothing, when
// ctx is done before it ends.
func (x *Index) replay(ctx context.Context, rules charter.Rules) ([]unsc.Outcome, error) {
	out := make([]unsc.Outcome, x.n)
	cs := x.councilTable()
	list := cs.full()
	var atrocity []bool
	if rules.NoVetoOnAtrocities {
		atrocity = x.atrocities()
	}
	replay := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if stopped(ctx, i-lo) != nil {
				return
			}
			if x.d(i).Derived == 0 {
				continue
			}
			k := cs.of[i]
			if cs.err[k] != nil {
				continue
			}
			if r, err := deriveIn(atrocityRules(rules, atrocity != nil && atrocity[i]), list[k], x.d(i)); err == nil {
				out[i] = r.Outcome
			}
		}
	}
	// The engine is pure: the record is replayed in parts at once.
	parts := min(runtime.GOMAXPROCS(0), 8, x.n/512+1)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { replay(p*x.n/parts, (p+1)*x.n/parts) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// atrocityRules returns the rules for one decision. record.DeriveUnder
// builds the ballot from the decision, which carries no atrocity flag; a
// flagged decision under NoVetoOnAtrocities is replayed with no veto at
// all, which is what that rule decides for a flagged ballot.
func atrocityRules(rules charter.Rules, flagged bool) charter.Rules {
	if rules.NoVetoOnAtrocities && flagged {
		rules.VetoThreshold = 0
	}
	return rules
}

// deriveIn is record.DeriveIn: the Council may bear another day's date,
// and names and order, for the same seats (see seatChanges); the outcome
// depends only on the seats, so WhatIf takes the vetoes it names from
// record.DeriveUnder.
func deriveIn(rules charter.Rules, c unsc.Council, d *unsc.Decision) (unsc.Result, error) {
	return record.DeriveIn(rules, c, *d)
}

func describeRules(r charter.Rules) string {
	var parts []string
	if r.Required > 0 {
		parts = append(parts, fmt.Sprintf("%d affirmative votes required", r.Required))
	}
	switch r.VetoThreshold {
	case 0:
		parts = append(parts, "no veto")
	case 1:
	default:
		parts = append(parts, fmt.Sprintf("a veto needs %d negative votes of veto holders", r.VetoThreshold))
	}
	if len(r.Grant) > 0 {
		parts = append(parts, fmt.Sprintf("veto granted to %v", r.Grant))
	}
	if len(r.Deny) > 0 {
		parts = append(parts, fmt.Sprintf("veto denied to %v", r.Deny))
	}
	if r.NoVetoOnAtrocities {
		parts = append(parts, "no veto on drafts flagged as on mass atrocities (atrocity.csv)")
	}
	if len(parts) == 0 {
		return rulesNotes.Get()[charter.Charter.Name]
	}
	return "The Charter's rules, except: " + strings.Join(parts, "; ") + "."
}

func codesOf(ms []unsc.Member) []unsc.Code {
	out := make([]unsc.Code, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return slices.Clip(out)
}
