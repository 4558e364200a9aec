package web

import (
	"encoding/json"
	"net/url"
	"sync/atomic"

	"unsc"
	"unsc/form"
)

// encodedDecisions keeps decisions encoded as the API sends them, each
// encoded on its first use: the record does not change while the server
// runs, and a page of a thousand decisions is then a copy, not a thousand
// encodings. The encodings kept are bounded in bytes (a record many times
// today's is not held twice); past the bound a decision is encoded anew
// each time.
type encodedDecisions struct {
	ds    []unsc.Decision
	wire  func(d unsc.Decision) any // the decision's wire form
	enc   []atomic.Pointer[[]byte]
	bytes atomic.Int64
}

// maxEncodedDecisions bounds the bytes of decisions kept encoded in one
// wire form: today's record, about 4 MB whole, fits several times over.
const maxEncodedDecisions = 16 << 20

// newEncodedDecisions keeps ds encoded in the wire form wire makes.
func newEncodedDecisions(ds []unsc.Decision, wire func(d unsc.Decision) any) *encodedDecisions {
	return &encodedDecisions{ds: ds, wire: wire, enc: make([]atomic.Pointer[[]byte], len(ds))}
}

// wireWhole is the wire form of a whole decision, as `unsc show --json`
// prints it.
func wireWhole(d unsc.Decision) any { return form.NewDecision(d) }

// wireSummary is the wire form of a decision in a search's list: the
// decision's summary, with the address of the whole.
func wireSummary(d unsc.Decision) any {
	return form.NewDecision(d).Summary(decisionURL(&d))
}

// decisionURL is the API's address of the whole decision d: its
// resolution's, draft's (with the draft's amendments), amended draft's or
// meeting's decisions, the symbol the decision's page is at.
func decisionURL(d *unsc.Decision) string {
	sym := d.Meeting
	switch {
	case d.Resolution != "":
		sym = d.Resolution
	case d.Draft != "":
		sym = d.Draft
	case d.Amendment && d.AmendmentTo != "":
		sym = d.AmendmentTo
	}
	return "/api/v1/decisions?symbol=" + url.QueryEscape(sym)
}

// get returns decision i as json.Marshal(e.wire(ds[i])) encodes it.
func (e *encodedDecisions) get(i int) []byte {
	if b := e.enc[i].Load(); b != nil {
		return *b
	}
	b, err := json.Marshal(e.wire(e.ds[i]))
	if err != nil {
		// A Decision is made of strings, numbers and slices of them.
		panic(err)
	}
	if e.bytes.Add(int64(len(b))) <= maxEncodedDecisions {
		e.enc[i].Store(&b)
	} else {
		e.bytes.Add(-int64(len(b)))
	}
	return b
}

// decisionList is a list of decisions as an answer's parts: the JSON
// array of their wire forms, followed by a newline, in pieces. owned
// counts the bytes of the pieces encoded for it alone (past the bound).
// A page of decisions whose encodings are all kept is held as their
// places in the record instead (kept, with from the encodings): an answer
// the cache keeps then holds no pointer for each piece, which the
// collector would follow on every cycle while the answer is kept.
type decisionList struct {
	parts [][]byte
	owned int
	kept  []int32
	from  *encodedDecisions
}

var (
	jsonOpen  = []byte("[")
	jsonComma = []byte(",")
	jsonClose = []byte("]\n")
)

// list returns the decisions at places as json.Marshal of their
// []Decision encodes it, followed by a newline (as every answer is).
func (e *encodedDecisions) list(places []int) decisionList {
	l := decisionList{kept: make([]int32, len(places)), from: e}
	for k, i := range places {
		if e.get(i); e.enc[i].Load() == nil {
			return e.inParts(places) // past the bound
		}
		l.kept[k] = int32(i)
	}
	return l
}

// inParts returns the decisions at places as list does, in parts: for a
// list of which some are not kept.
func (e *encodedDecisions) inParts(places []int) decisionList {
	l := decisionList{parts: make([][]byte, 0, 2*len(places)+1)}
	l.parts = append(l.parts, jsonOpen)
	for k, i := range places {
		if k > 0 {
			l.parts = append(l.parts, jsonComma)
		}
		kept := e.enc[i].Load() != nil
		b := e.get(i)
		if !kept && e.enc[i].Load() == nil {
			l.owned += len(b)
		}
		l.parts = append(l.parts, b)
	}
	l.parts = append(l.parts, jsonClose)
	return l
}

// byteLen returns the bytes of the whole list.
func (l *decisionList) byteLen() int {
	n := 0
	for _, p := range l.parts {
		n += len(p)
	}
	if l.from != nil {
		n = len(jsonOpen) + len(jsonClose) + max(len(l.kept)-1, 0)*len(jsonComma)
		for _, i := range l.kept {
			n += len(*l.from.enc[i].Load())
		}
	}
	return n
}

// appendTo appends the whole list to b.
func (l *decisionList) appendTo(b []byte) []byte {
	if l.from == nil {
		for _, p := range l.parts {
			b = append(b, p...)
		}
		return b
	}
	b = append(b, jsonOpen...)
	for k, i := range l.kept {
		if k > 0 {
			b = append(b, jsonComma...)
		}
		b = append(b, *l.from.enc[i].Load()...)
	}
	return append(b, jsonClose...)
}
