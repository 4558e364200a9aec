package web

import (
	"bytes"
	"encoding/json"
	"testing"

	"unsc"
	"unsc/internal/realrecord"
)

// TestEncodedDecisions checks that the decisions kept encoded are, byte
// for byte, what encoding their wire form gives, alone and in a list,
// whether kept or encoded anew past the bound: whole, and as a search
// lists them.
func TestEncodedDecisions(t *testing.T) {
	ds := realrecord.Decisions(t)
	for _, form := range []struct {
		name string
		wire func(unsc.Decision) any
	}{{"whole", wireWhole}, {"summary", wireSummary}} {
		t.Run(form.name, func(t *testing.T) { testEncodedDecisions(t, ds, form.wire) })
	}
}

func testEncodedDecisions(t *testing.T, ds []unsc.Decision, wireOf func(unsc.Decision) any) {
	e := newEncodedDecisions(ds, wireOf)
	var all []int
	var wire []any
	for i, d := range ds {
		want, err := json.Marshal(wireOf(d))
		if err != nil {
			t.Fatal(err)
		}
		for pass := range 2 { // encoded, then kept
			if got := e.get(i); !bytes.Equal(got, want) {
				t.Fatalf("decision %d (%s), pass %d: encoded\n%s\nwant\n%s", i, d.Draft+d.Resolution, pass, got, want)
			}
		}
		if i%7 == 0 {
			all = append(all, i)
			wire = append(wire, wireOf(d))
		}
	}
	want, _ := json.Marshal(wire)
	want = append(want, '\n')
	if got := e.list(all).bytes(); !bytes.Equal(got, want) {
		t.Errorf("list of %d decisions differs from their []Decision encoded", len(all))
	}
	if got := e.list(nil).bytes(); string(got) != "[]\n" {
		t.Errorf("empty list = %s, want []", got)
	}
	// Past the bound, nothing more is kept, and the answers are the same.
	f := newEncodedDecisions(ds, wireOf)
	f.bytes.Store(maxEncodedDecisions)
	l := f.list(all)
	if got := l.bytes(); !bytes.Equal(got, want) {
		t.Errorf("list past the bound differs from its []Decision encoded")
	}
	if f.enc[all[0]].Load() != nil || f.bytes.Load() != maxEncodedDecisions {
		t.Errorf("a decision was kept past the bound (%d bytes counted)", f.bytes.Load())
	}
	if l.owned != len(want)-len(all)-2 {
		t.Errorf("a list past the bound owns %d bytes, want %d (every decision's)", l.owned, len(want)-len(all)-2)
	}
}

func (l decisionList) bytes() []byte {
	b := l.appendTo(nil)
	if len(b) != l.byteLen() {
		panic("a decision list's length is not its bytes'")
	}
	return b
}
