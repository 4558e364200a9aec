package web

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"unsc/internal/lazy"
)

// The server under load. Answers already encoded (the cache) and cheap
// routes (/healthz, the council, a ballot) are served at once, whatever the
// load; /healthz is answered before anything else is looked at. An answer
// that must be computed — a question over the whole record not asked
// before, a page not rendered before, an export — passes a gate that lets a
// few be computed at once (one fewer than the processors by default, so
// that one is left for the cheap answers and /healthz; at least one; and
// one more, the spare, while the computations take under shortCost each:
// a core the spare holds is free again within that, so the cheap answers
// find one as soon, and a machine of two cores computes on both). A
// request that finds them all busy waits in a queue, but only when its turn
// is expected within a second (from the time the last computations took):
// otherwise it is answered 503 Service Unavailable with Retry-After at
// once, before any work is done for it, rather than piling up work and
// memory that no client will wait for. Identical requests being computed
// share one computation. A client that goes away while it waits frees its
// place; its answer is not computed.
//
// A connection that was told to retry after a second and asks for another
// computed answer sooner waits out the rest of that second before its
// request is looked at: a client that ignores Retry-After gets no more of
// the server than one that obeys it, and costs it a timer, not a core.

// errBusy is the error of a request turned away by the gate.
var errBusy = errors.New("busy")

// retryAfter is how long a client turned away should wait: the
// Retry-After a 503 carries, in seconds, and the hold on its connection.
const (
	retryAfter       = "1"
	retryAfterPeriod = time.Second
)

// gate bounds the expensive answers computed at once.
type gate struct {
	slots chan struct{}
	// spare is one slot more, taken only while the computations are short
	// (cost under shortCost); nil where the gate's size was given
	// (Config.MaxConcurrent) or every processor has a slot.
	spare   chan struct{}
	waiting atomic.Int64
	// maxWaiting bounds the queue; wait is the longest a request waits in
	// it, and the longest expected wait for which it joins it.
	maxWaiting int64
	wait       time.Duration
	// cost is a moving average of the time a slot is held, in
	// nanoseconds: the expected wait of the n-th in the queue is n times
	// cost over the slots. Zero until the first computation ends.
	cost atomic.Int64
}

func newGate(concurrent int) *gate {
	var spare chan struct{}
	if concurrent <= 0 {
		procs := runtime.GOMAXPROCS(0)
		concurrent = max(1, procs-1)
		if concurrent < procs {
			spare = make(chan struct{}, 1)
		}
	}
	// A request waiting in the queue holds a parked goroutine and its
	// connection's buffers, a few KB; the expected wait bounds the queue
	// first, this only in case the computations are very short.
	return &gate{slots: make(chan struct{}, concurrent), spare: spare, maxWaiting: int64(64 * concurrent), wait: time.Second}
}

// shortCost is the longest a computation may take on average for the
// gate's spare slot to be used: well under the scheduler's time slice
// (10 ms), so that the cheap answers wait for a core no longer than that.
const shortCost = time.Millisecond

// spareSlot returns the spare slot while the computations are short, else
// nil (a channel that is never ready). Until one computation has ended
// their cost is not known, and the spare is not used.
func (g *gate) spareSlot() chan struct{} {
	if c := g.cost.Load(); c > 0 && time.Duration(c) < shortCost {
		return g.spare
	}
	return nil
}

// enter takes a slot, waiting in the queue if need be, and returns the time
// it took it, which the caller passes to leave when done. It returns
// errBusy at once when the queue is full or the request's turn is not
// expected within the gate's wait, errBusy when the wait is over, and the
// context's error when the client has gone.
func (g *gate) enter(ctx context.Context) (time.Time, error) {
	if err := ctx.Err(); err != nil {
		return time.Time{}, err
	}
	spare := g.spareSlot()
	select {
	case g.slots <- struct{}{}:
		return time.Now(), nil
	case spare <- struct{}{}:
		return time.Now(), nil
	default:
	}
	n := g.waiting.Add(1)
	defer g.waiting.Add(-1)
	if n > g.maxWaiting || time.Duration(n*g.cost.Load()/int64(cap(g.slots))) > g.wait {
		return time.Time{}, errBusy
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return time.Now(), nil
	case spare <- struct{}{}:
		return time.Now(), nil
	case <-t.C:
		return time.Time{}, errBusy
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
}

// leave gives back the slot taken at start, and counts the time it was
// held in the gate's average.
func (g *gate) leave(start time.Time) {
	d := int64(time.Since(start))
	// The slots are alike: whichever a computation took, the spare is
	// given back first, so that the gate holds as many as are computing.
	select {
	case <-g.spare:
	default:
		<-g.slots
	}
	for {
		old := g.cost.Load()
		v := d
		if old > 0 {
			v = old + (d-old)/8
		}
		if g.cost.CompareAndSwap(old, v) {
			return
		}
	}
}

// connKey keys a connection's state in its requests' contexts.
type connKey struct{}

// connState is what the server remembers of a connection: until when it
// was told to wait (Unix nanoseconds), and the connection itself when it
// was accepted through Listener (else nil).
type connState struct {
	notBefore atomic.Int64
	conn      *oneWriteConn
}

// ConnContext is the http.Server's ConnContext for this server: it gives
// each connection the state that holds a client that ignores Retry-After
// (see above). Without it every request is looked at at once.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	ow, _ := c.(*oneWriteConn)
	return context.WithValue(ctx, connKey{}, &connState{conn: ow})
}

// hold makes a request wait while its connection is told to wait, and
// returns the context's error if the client goes meanwhile.
func hold(ctx context.Context) error {
	c, _ := ctx.Value(connKey{}).(*connState)
	if c == nil {
		return nil
	}
	nb := c.notBefore.Load()
	if nb == 0 {
		// Never told to wait (nearly every connection): no clock read.
		return nil
	}
	d := time.Duration(nb - time.Now().UnixNano())
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// admit lets a request that needs a computed answer through g: it waits
// out its connection's hold, then takes a slot (gate.enter), and returns
// the time it did, for g.leave. On errBusy it has answered the request:
// 503 with Retry-After. On any other error the client has gone and
// nothing is to be written.
func (s *Server) admit(w http.ResponseWriter, r *http.Request, g *gate) (time.Time, error) {
	ctx := r.Context()
	if err := hold(ctx); err != nil {
		return time.Time{}, err
	}
	start, err := g.enter(ctx)
	if errors.Is(err, errBusy) {
		writeBusy(w, r)
	}
	return start, err
}

// flights shares the computation of an answer among identical requests
// made while it is being computed.
type flights struct {
	mu sync.Mutex
	m  map[string]*flight
}

type flight struct {
	// done is closed when the answer is computed; it is made by the
	// first request to wait for it (under flights.mu), so that an answer
	// no other request asks for meanwhile (nearly all) makes none.
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
		if fl.done == nil {
			fl.done = make(chan struct{})
		}
		done := fl.done
		fs.mu.Unlock()
		select {
		case <-done:
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
	fl := &flight{}
	fs.m[key] = fl
	fs.mu.Unlock()
	defer func() {
		fs.mu.Lock()
		delete(fs.m, key)
		done := fl.done
		fs.mu.Unlock()
		if done != nil {
			close(done)
		}
	}()
	fl.a, fl.err = f()
	return fl.a, fl.err
}

// busyResponse is the body and header of every 503, made once, on first
// use (not at the start of every unsc command).
var busyResponse = lazy.Values[[]byte, map[string][]string]{Make: func() ([]byte, map[string][]string) {
	b, _ := json.Marshal(newProblem(http.StatusServiceUnavailable, "the server is computing as many answers as it can: retry in a second"))
	b = append(b, '\n')
	return b, map[string][]string{
		"Retry-After":    {retryAfter},
		"Content-Type":   {"application/problem+json"},
		"Cache-Control":  {"no-store"},
		"Content-Length": {strconv.Itoa(len(b))},
	}
}}

// writeBusy answers a request the gate turned away: 503 with Retry-After,
// and the connection held until then. It allocates nothing.
func writeBusy(w http.ResponseWriter, r *http.Request) {
	if c, _ := r.Context().Value(connKey{}).(*connState); c != nil {
		c.notBefore.Store(time.Now().Add(retryAfterPeriod).UnixNano())
	}
	body, header := busyResponse.Get()
	h := w.Header()
	for k, v := range header {
		h[k] = v
	}
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// clientGone reports whether err is the client's going away, after which
// nothing is written.
func clientGone(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
