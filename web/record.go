package web

import (
	"slices"
	"strings"

	"unsc"
)

// recordIndex is the record in memory, with what the record answers look up:
// decisions by symbol. Searches are package analysis's.
type recordIndex struct {
	decisions []unsc.Decision
	// symbols maps "M:"+meeting, "D:"+draft (and the draft an amendment
	// amends) and "R:"+resolution to decisions, by index.
	symbols map[string][]int
	// resolutions maps a resolution's number to its decisions.
	resolutions map[int][]int
}

func newRecordIndex(ds []unsc.Decision) *recordIndex {
	x := &recordIndex{
		decisions:   ds,
		symbols:     make(map[string][]int),
		resolutions: make(map[int][]int),
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

// vetoed reports whether d was defeated by a veto, as the store's
// DecisionFilter.Vetoed selects: a decision on which a member cast a veto.
func vetoed(d *unsc.Decision) bool {
	return len(d.VetoedBy) > 0
}
