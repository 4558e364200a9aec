// Package lazy holds values made on first use at no cost to the program's
// start. A package-level Value whose Make is a function is laid out by the
// compiler as data, where sync.OnceValue is a call that the package's
// initialisation makes at every start (a closure and its state on the heap,
// and the initialisation's code paged in), whether or not the value is
// ever used.
package lazy

import "sync"

// Value is the value Make returns, made on the first Get. Its zero value
// is not usable: set Make.
type Value[T any] struct {
	Make func() T
	once sync.Once
	v    T
}

// Get returns the value, calling Make on the first call only. It is safe
// for concurrent use.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.Make() })
	return l.v
}
