package lazy_test

import (
	"sync"
	"testing"

	"unsc/internal/lazy"
)

var calls int

var made = lazy.Value[[]int]{Make: func() []int { calls++; return []int{1, 2, 3} }}

// TestMadeOnce checks that Make runs once, on first use, however many
// goroutines ask at once, and that each gets what it made.
func TestMadeOnce(t *testing.T) {
	if calls != 0 {
		t.Fatalf("Make ran %d times before the first Get", calls)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v := made.Get(); len(v) != 3 || v[2] != 3 {
				t.Errorf("Get() = %v, want [1 2 3]", v)
			}
		})
	}
	wg.Wait()
	if calls != 1 {
		t.Errorf("Make ran %d times, want 1", calls)
	}
}
