package sqlite

import (
	"runtime"
	"runtime/debug"
	"testing"
)

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

// An import's collector waits for heapFloor while the heap is small, runs
// at the GOGC asked once the heap is large, and the process's GOGC comes
// back when the import lets go.
func TestHeapFloor(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	runtime.GC()
	release := collectSooner()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.NextGC < heapFloor*9/10 {
		t.Errorf("a small heap (%d MB allocated): the collector's goal %d MB, want about the floor, %d MB", m.HeapAlloc>>20, m.NextGC>>20, heapFloor>>20)
	}
	// A live heap of twice the floor: the goal is half GOGC's, 1.5 times it.
	live := make([][]byte, 0, 2*heapFloor>>16)
	for range cap(live) {
		live = append(live, make([]byte, 1<<16))
	}
	runtime.GC()
	keepHeapFloor() // as after each collection, but at once
	runtime.ReadMemStats(&m)
	if lo, hi := m.HeapAlloc*14/10, m.HeapAlloc*16/10; m.NextGC < lo || m.NextGC > hi {
		t.Errorf("a live heap of %d MB: the collector's goal %d MB, want 1.5 times it (GOGC 100 halved)", m.HeapAlloc>>20, m.NextGC>>20)
	}
	runtime.KeepAlive(live)
	release()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after the import: GOGC %d, want the process's 100 back", p)
	}
}
