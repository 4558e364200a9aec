// Package lazy holds values made on first use at no cost to the program's
// start. A package-level Value whose Make is a function is laid out by the
// compiler as data, where sync.OnceValue is a call that the package's
// initialisation makes at every start (a closure and its state on the heap,
// and the initialisation's code paged in), whether or not the value is
// ever used; and Make, with all it calls, is linked only into a program
// that calls Get.
package lazy

import "sync"

// Value is the value Make returns, made on the first Get. Its zero value
// is not usable: set Make.
type Value[T any] struct {
	Make  func() T
	once  sync.Once
	v     T
	valid bool // Make returned
	p     any  // what Make panicked with, if it did not return
}

// Get returns the value, calling Make on the first call only. It is safe
// for concurrent use. If Make panics, Get panics with the same value on
// every call, as sync.OnceValue does.
func (l *Value[T]) Get() T {
	l.once.Do(func() {
		defer func() {
			if !l.valid {
				l.p = recover()
				panic(l.p)
			}
		}()
		l.v = l.Make()
		l.valid = true
	})
	if !l.valid {
		panic(l.p)
	}
	return l.v
}

// Values is the two values Make returns (a value and an error, say),
// made on the first Get, as sync.OnceValues makes them. Its zero value is
// not usable: set Make.
type Values[T, U any] struct {
	Make  func() (T, U)
	once  sync.Once
	v     T
	u     U
	valid bool
	p     any
}

// Get returns the two values, calling Make on the first call only. It is
// safe for concurrent use. If Make panics, Get panics with the same value
// on every call.
func (l *Values[T, U]) Get() (T, U) {
	l.once.Do(func() {
		defer func() {
			if !l.valid {
				l.p = recover()
				panic(l.p)
			}
		}()
		l.v, l.u = l.Make()
		l.valid = true
	})
	if !l.valid {
		panic(l.p)
	}
	return l.v, l.u
}
