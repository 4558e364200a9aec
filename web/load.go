package web

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The server under load. Answers already encoded (the cache) and cheap
// routes (/healthz, the council, a ballot) are served at once, whatever the
// load. An answer that must be computed — a question over the whole record
// not asked before, an export — passes a gate that lets a few be computed
// at once (one fewer than the processors by default, so that one is left
// for the cheap answers and /healthz; at least one): a request that finds them all
// busy waits a moment in a short queue, and beyond that is answered 503
// Service Unavailable with Retry-After, at once, rather than piling up
// work and memory that no client will wait for. Identical requests being
// computed share one computation. A client that goes away while it waits
// frees its place; its answer is not computed.

// errBusy is the error of a request turned away by the gate.
var errBusy = errors.New("busy")

// retryAfter is the Retry-After a 503 carries, in seconds.
const retryAfter = "1"

// gate bounds the expensive answers computed at once.
type gate struct {
	slots   chan struct{}
	waiting atomic.Int64
	// maxWaiting bounds the queue; wait is how long a request waits in it.
	maxWaiting int64
	wait       time.Duration
}

func newGate(concurrent int) *gate {
	if concurrent <= 0 {
		concurrent = max(1, runtime.GOMAXPROCS(0)-1)
	}
	return &gate{slots: make(chan struct{}, concurrent), maxWaiting: int64(4 * concurrent), wait: time.Second}
}

// enter takes a slot, waiting in the queue if need be; it returns errBusy
// when the queue is full or the wait is over, and the context's error when
// the client has gone. The caller calls leave when done.
func (g *gate) enter(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case g.slots <- struct{}{}:
		return nil
	default:
	}
	if g.waiting.Add(1) > g.maxWaiting {
		g.waiting.Add(-1)
		return errBusy
	}
	defer g.waiting.Add(-1)
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gate) leave() { <-g.slots }

// flights shares the computation of an answer among identical requests
// made while it is being computed.
type flights struct {
	mu sync.Mutex
	m  map[string]*flight
}

type flight struct {
	done chan struct{}
	a    *answer
	err  error
	// waiters counts the requests waiting for it (under flights.mu).
	waiters int
}

// do returns the answer under key, computing it with f unless a request
// for the same key is computing it already, in which case it waits for
// that one (or for its own client to go).
func (fs *flights) do(ctx context.Context, key string, f func() (*answer, error)) (*answer, error) {
	for {
		fs.mu.Lock()
		fl, ok := fs.m[key]
		if !ok {
			break
		}
		fl.waiters++
		fs.mu.Unlock()
		select {
		case <-fl.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		// The one computing may have been stopped by its own client's
		// going: then this request computes the answer itself.
		if !clientGone(fl.err) {
			return fl.a, fl.err
		}
	}
	if fs.m == nil {
		fs.m = map[string]*flight{}
	}
	fl := &flight{done: make(chan struct{})}
	fs.m[key] = fl
	fs.mu.Unlock()
	defer func() {
		fs.mu.Lock()
		delete(fs.m, key)
		fs.mu.Unlock()
		close(fl.done)
	}()
	fl.a, fl.err = f()
	return fl.a, fl.err
}

// writeBusy answers a request the gate turned away: 503 with Retry-After.
func writeBusy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", retryAfter)
	writeProblem(w, newProblem(http.StatusServiceUnavailable, "the server is computing as many answers as it can: retry in a second"))
}

// clientGone reports whether err is the client's going away, after which
// nothing is written.
func clientGone(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
