package sqlite

import "testing"

// Imports side by side hold a runtime setting together: the highest value
// asked applies while any holds it, and the value it had comes back only
// when the last lets go.
func TestHeldSetting(t *testing.T) {
	value := int64(100)
	h := heldSetting{set: func(v int64) int64 {
		old := value
		if v >= 0 {
			value = v
		}
		return old
	}}
	releaseLow := h.hold(func(kept int64) int64 { return min(kept, 40) })
	if value != 40 {
		t.Fatalf("one holder asking 40: value %d, want 40", value)
	}
	releaseHigh := h.hold(func(kept int64) int64 { return min(kept, 70) })
	if value != 70 {
		t.Fatalf("a second asking 70: value %d, want the highest asked, 70", value)
	}
	releaseHigh()
	if value != 70 {
		t.Fatalf("one of two let go: value %d, want 70 still held", value)
	}
	releaseLow()
	if value != 100 {
		t.Fatalf("both let go: value %d, want the value kept, 100", value)
	}
	// A later hold keeps the value as it is then, not the first's.
	value = 90
	h.hold(func(kept int64) int64 { return kept / 2 })()
	if value != 90 {
		t.Fatalf("after a second round: value %d, want 90", value)
	}
}
