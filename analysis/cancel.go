package analysis

import "context"

// Every question that goes over the record takes a context and stops, with
// the context's error, soon after it is done: a server stops computing an
// answer whose client has gone, and a command stops at Ctrl-C. Each loop
// over decisions looks at the context every checkEvery steps (a look costs
// a few nanoseconds; checkEvery steps take a few microseconds), so a
// question stops within a few microseconds of work.

// checkEvery is how many steps a question's loop takes between two looks
// at its context.
const checkEvery = 256

// stopped returns ctx's error on every checkEvery-th step of a loop (the
// first included), and nil on the others.
func stopped(ctx context.Context, step int) error {
	if step%checkEvery != 0 {
		return nil
	}
	return ctx.Err()
}
