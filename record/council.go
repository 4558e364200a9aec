package record

import (
	"slices"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
)

// councilOn is charter.CouncilOn, made once for each day: the record asks
// for the Council of a decision's day several times over (its positions,
// its count, its derived outcome, swapped positions, official sources),
// and each answer of charter.CouncilOn is a new copy of fifteen members.
// The Council returned is shared: read it, never change it (its Members
// are clipped, so that an append copies them).
func councilOn(t time.Time) (unsc.Council, error) {
	y, m, d := t.Date()
	k := (y*13+int(m))*32 + d
	if v, ok := councils.Load(k); ok {
		c := v.(councilOfDay)
		return c.council, c.err
	}
	c, err := charter.CouncilOn(t)
	c.Members = slices.Clip(c.Members)
	councils.Store(k, councilOfDay{c, err})
	return c, err
}

// councils holds councilOn's answers by day: at most one for each day from
// 1946 on (a few thousand days hold decisions), about 1.5 KB each.
var councils sync.Map

type councilOfDay struct {
	council unsc.Council
	err     error
}
