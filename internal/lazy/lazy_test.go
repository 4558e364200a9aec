package lazy_test

import (
	"errors"
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

var pairCalls int

var pair = lazy.Values[string, error]{Make: func() (string, error) {
	pairCalls++
	return "made", errors.New("and an error")
}}

// TestValuesMadeOnce checks that Values' Make runs once, on first use,
// and that every Get returns both of what it made.
func TestValuesMadeOnce(t *testing.T) {
	if pairCalls != 0 {
		t.Fatalf("Make ran %d times before the first Get", pairCalls)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v, err := pair.Get(); v != "made" || err == nil || err.Error() != "and an error" {
				t.Errorf("Get() = %q, %v; want \"made\", and an error", v, err)
			}
		})
	}
	wg.Wait()
	if pairCalls != 1 {
		t.Errorf("Make ran %d times, want 1", pairCalls)
	}
}

// TestPanicRepeated checks that a Make that panics makes every Get panic
// with the same value, as sync.OnceValue does, and runs once.
func TestPanicRepeated(t *testing.T) {
	runs := 0
	v := lazy.Value[int]{Make: func() int { runs++; panic("bad table") }}
	w := lazy.Values[int, error]{Make: func() (int, error) { runs++; panic("bad table") }}
	for i := range 3 {
		for name, get := range map[string]func(){"Value": func() { v.Get() }, "Values": func() { w.Get() }} {
			func() {
				defer func() {
					if p := recover(); p != "bad table" {
						t.Errorf("%s: Get %d panicked with %v, want \"bad table\"", name, i, p)
					}
				}()
				get()
			}()
		}
	}
	if runs != 2 {
		t.Errorf("Make ran %d times in all, want once each (2)", runs)
	}
}
