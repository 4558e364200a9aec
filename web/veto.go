package web

import (
	"encoding/json"
	"sort"
	"sync"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/form"
)

// encodedVetoes holds the record's vetoed decisions, in the record's order,
// each with its wire form (Veto) encoded once, when first asked for: a
// list of vetoes is answered from them without encoding one again.
type encodedVetoes struct {
	once sync.Once
	ds   []unsc.Decision
	at   []int    // the vetoed decisions, by index in ds
	enc  [][]byte // json.Marshal(form.NewVeto(ds[at[k]]))
	// runs keeps, for each seat asked about, its vetoes encoded and
	// joined (a bounded number of seats: callers can name any).
	mu   sync.Mutex
	runs map[string]*vetoRun
}

// vetoRun is a seat's vetoes (every veto for the seat ""), in the record's
// order: at[k] is the place in ds of the k-th, and text their encodings
// joined by commas, the k-th ending at ends[k].
type vetoRun struct {
	at   []int
	text []byte
	ends []int
}

// maxVetoRuns bounds the seats whose vetoes are kept joined.
const maxVetoRuns = 64

func (e *encodedVetoes) load() {
	e.once.Do(func() {
		for i := range e.ds {
			if !vetoed(&e.ds[i]) {
				continue
			}
			b, err := json.Marshal(form.NewVeto(e.ds[i]))
			if err != nil {
				// A Veto is made of strings, a bool and codes.
				panic(err)
			}
			e.at = append(e.at, i)
			e.enc = append(e.enc, b)
		}
	})
}

// vetoListHead is VetoList without its last field, Vetoes: the same
// fields, in the same order, with the same names.
type vetoListHead struct {
	Member string          `json:"member,omitempty"`
	From   string          `json:"from,omitempty"`
	To     string          `json:"to,omitempty"`
	Period analysis.Period `json:"period"`
	Count  int             `json:"count"`
	Rule   string          `json:"rule"`
}

// appendVetoListHead appends json.Marshal(*h) but for its closing brace.
func appendVetoListHead(b []byte, h *vetoListHead) []byte {
	b = append(b, '{')
	first := true
	for _, f := range [...][2]string{{"member", h.Member}, {"from", h.From}, {"to", h.To}} {
		if f[1] != "" {
			b = appendString(appendField(b, f[0], first), f[1])
			first = false
		}
	}
	b = appendPeriod(append(appendField(b, "period", first), '{'), &h.Period)
	b = appendInt(b, "count", h.Count)
	return appendString(appendField(b, "rule", false), h.Rule)
}

var (
	vetoesOpen  = []byte(`,"vetoes":[`)
	vetoesClose = []byte("]}\n")
)

// run returns seat's vetoes joined, joining them on first use.
func (e *encodedVetoes) run(seat string) *vetoRun {
	e.load()
	e.mu.Lock()
	r := e.runs[seat]
	e.mu.Unlock()
	if r != nil {
		return r
	}
	r = &vetoRun{}
	codes := form.SeatCodes(seat)
	for k, i := range e.at {
		if !form.VetoedByAny(&e.ds[i], codes) {
			continue
		}
		if len(r.at) > 0 {
			r.text = append(r.text, ',')
		}
		r.text = append(r.text, e.enc[k]...)
		r.at = append(r.at, i)
		r.ends = append(r.ends, len(r.text))
	}
	e.mu.Lock()
	if e.runs == nil || len(e.runs) >= maxVetoRuns {
		e.runs = map[string]*vetoRun{}
	}
	e.runs[seat] = r
	e.mu.Unlock()
	return r
}

// list answers as json.Marshal(form.NewVetoList(x, ds, seat, from, to))
// followed by a newline encodes it, in parts: a head encoded for the
// answer, then the vetoes in the period as one run of the seat's vetoes
// joined once. The record is in date order (as analysis.Index reads it), so
// the vetoes in a period are one run of them.
func (e *encodedVetoes) list(x *analysis.Index, seat string, from, to time.Time) decisionList {
	r := e.run(seat)
	h := vetoListHead{Member: seat, Period: x.PeriodOf(from, to, analysis.VetoKinds...), Rule: analysis.RuleDrafts}
	first, end := 0, len(r.at)
	if !from.IsZero() {
		h.From = from.Format(dateLayout)
		first = sort.Search(len(r.at), func(k int) bool { return !e.ds[r.at[k]].Date.Before(from) })
	}
	if !to.IsZero() {
		h.To = to.Format(dateLayout)
		end = sort.Search(len(r.at), func(k int) bool { return e.ds[r.at[k]].Date.After(to) })
	}
	end = max(end, first)
	h.Count = end - first
	buf := scratchBuffer()
	head := exact(buf, append(appendVetoListHead((*buf)[:0], &h), vetoesOpen...)) // the object stays open
	var vetoes []byte
	if end > first {
		start := 0
		if first > 0 {
			start = r.ends[first-1] + 1 // past the comma
		}
		vetoes = r.text[start:r.ends[end-1]]
	}
	return decisionList{parts: [][]byte{head, vetoes, vetoesClose}, owned: len(head)}
}
