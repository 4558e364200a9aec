package web

import (
	"slices"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
)

// recordIndex is the record in memory, with what the record answers look up:
// decisions by symbol, the Council of each decision's date, and the text a
// search reads.
type recordIndex struct {
	decisions []unsc.Decision
	// symbols maps "M:"+meeting, "D:"+draft (and the draft an amendment
	// amends) and "R:"+resolution to decisions, by index.
	symbols map[string][]int
	// resolutions maps a resolution's number to its decisions.
	resolutions map[int][]int
	// council holds the members on the Council on each decision's date.
	council [][]unsc.Code
	// text holds each decision's title, agenda item and subjects, in lower
	// case, for search.
	text []string
}

func newRecordIndex(ds []unsc.Decision) *recordIndex {
	x := &recordIndex{
		decisions:   ds,
		symbols:     make(map[string][]int),
		resolutions: make(map[int][]int),
		council:     make([][]unsc.Code, len(ds)),
		text:        make([]string, len(ds)),
	}
	add := func(key string, i int) {
		if key[2:] != "" && !slices.Contains(x.symbols[key], i) {
			x.symbols[key] = append(x.symbols[key], i)
		}
	}
	for i, d := range ds {
		add("M:"+d.Meeting, i)
		add("D:"+d.Draft, i)
		add("D:"+d.AmendmentTo, i)
		add("R:"+d.Resolution, i)
		if n, ok := unsc.ResolutionNumber(d.Resolution); ok {
			x.resolutions[n] = append(x.resolutions[n], i)
		}
		if c, err := charter.CouncilOn(d.Date); err == nil {
			for _, m := range c.Members {
				x.council[i] = append(x.council[i], m.Code)
			}
		}
		x.text[i] = strings.ToLower(d.Title + "\n" + d.Agenda + "\n" + strings.Join(d.Subjects, "\n"))
	}
	return x
}

// bySymbol returns the decisions a symbol names, in record order, as the
// store's DecisionFilter.Symbol does: a meeting selects all its decisions, a
// draft its votes and those on its amendments, a resolution given without
// its year matches by number. Returns EINVALID for a symbol that is not one
// and ENOTFOUND for one that names nothing.
func (x *recordIndex) bySymbol(symbol string) ([]int, error) {
	sym, kind, err := unsc.NormalizeSymbol(symbol)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, "symbol", "%v", err)
	}
	var out []int
	switch kind {
	case unsc.MeetingSymbol:
		out = x.symbols["M:"+sym]
	case unsc.DraftSymbol:
		out = x.symbols["D:"+sym]
	case unsc.ResolutionSymbol:
		n, _ := unsc.ResolutionNumber(sym)
		if strings.Contains(sym, "(") {
			out = append(slices.Clone(x.symbols["R:"+sym]), x.symbols["R:S/RES/"+itoa(n)]...)
			slices.Sort(out)
			out = slices.Compact(out)
		} else {
			out = x.resolutions[n]
		}
	}
	if len(out) == 0 {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "symbol", "no decision on %s in the record", sym)
	}
	return out, nil
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// search is a search of the record: every field optional.
type search struct {
	symbol   string
	words    []string // lower case; each must appear
	from, to time.Time
	outcome  unsc.Outcome
	matter   *unsc.Matter
	member   unsc.Code
	position *unsc.Position
}

// find returns the decisions s selects, in record order.
func (x *recordIndex) find(s search) ([]int, error) {
	var candidates []int
	if s.symbol != "" {
		var err error
		if candidates, err = x.bySymbol(s.symbol); err != nil {
			return nil, err
		}
	}
	var out []int
	match := func(i int) {
		d := &x.decisions[i]
		if !s.from.IsZero() && d.Date.Before(s.from) || !s.to.IsZero() && d.Date.After(s.to) {
			return
		}
		if s.outcome != 0 && d.Recorded != s.outcome && d.Derived != s.outcome {
			return
		}
		if s.matter != nil && d.Matter != *s.matter {
			return
		}
		for _, w := range s.words {
			if !strings.Contains(x.text[i], w) {
				return
			}
		}
		if s.member != "" {
			// A member's position is known where the record has
			// per-member votes and the member sat on the Council.
			if d.Votes == nil || !slices.Contains(x.council[i], s.member) {
				return
			}
			if s.position != nil && d.Votes[s.member] != *s.position {
				return
			}
		}
		out = append(out, i)
	}
	if candidates != nil {
		for _, i := range candidates {
			match(i)
		}
	} else {
		for i := range x.decisions {
			match(i)
		}
	}
	return out, nil
}

// vetoed reports whether d was defeated by a veto, as the store's
// DecisionFilter.Vetoed selects: a decision on which a member cast a veto.
func vetoed(d *unsc.Decision) bool {
	return len(d.VetoedBy) > 0
}

// vetoes returns the vetoes cast between from and to (either may be zero),
// by member when it is given, as `unsc vetoes` lists them.
func (x *recordIndex) vetoes(member unsc.Code, from, to time.Time) []Veto {
	out := []Veto{}
	for i := range x.decisions {
		d := &x.decisions[i]
		if !vetoed(d) || !from.IsZero() && d.Date.Before(from) || !to.IsZero() && d.Date.After(to) {
			continue
		}
		if member != "" && !slices.Contains(d.VetoedBy, member) {
			continue
		}
		out = append(out, NewVeto(*d))
	}
	return out
}
