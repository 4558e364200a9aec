package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"unsc/internal/realrecord"
)

// TestGate checks the server under load from the inside: with every slot
// for computed answers taken, a new question is turned away at once with
// 503 and Retry-After, while /healthz and answers already computed are
// served.
func TestGate(t *testing.T) {
	s := NewServer(Config{MaxConcurrent: 1}).(*Server)
	s.gate.wait = 20 * time.Millisecond
	get := func(target string, ctx context.Context) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", target, nil).WithContext(ctx))
		return w
	}
	bg := context.Background()
	if w := get("/api/v1/vetoes?from=2000-01-01", bg); w.Code != http.StatusOK {
		t.Fatalf("GET vetoes = %d, want 200", w.Code)
	}
	s.gate.slots <- struct{}{} // the one slot is busy
	w := get("/api/v1/vetoes?from=2001-01-01", bg)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "1" || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Errorf("GET vetoes with every slot busy = %d, Retry-After %q, %s; want 503, 1, a problem", w.Code, w.Header().Get("Retry-After"), w.Header().Get("Content-Type"))
	}
	var p Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Status != http.StatusServiceUnavailable {
		t.Errorf("503 body = %s (%v), want a problem with status 503", w.Body, err)
	}
	if w := get("/healthz", bg); w.Code != http.StatusOK {
		t.Errorf("GET /healthz while busy = %d, want 200", w.Code)
	}
	if w := get("/api/v1/vetoes?from=2000-01-01", bg); w.Code != http.StatusOK {
		t.Errorf("GET a cached answer while busy = %d, want 200", w.Code)
	}
	// A full queue turns a request away without waiting; so does a queue
	// in which its turn is not expected within the gate's wait (were it
	// to wait, these calls would not return for an hour).
	s.gate.wait = time.Hour
	s.gate.maxWaiting = 0
	if w := get("/api/v1/vetoes?from=2002-01-01", bg); w.Code != http.StatusServiceUnavailable {
		t.Errorf("GET with a full queue = %d, want 503 at once", w.Code)
	}
	s.gate.maxWaiting = 100
	s.gate.cost.Store(int64(2 * time.Hour))
	if w := get("/api/v1/vetoes?from=2002-01-01", bg); w.Code != http.StatusServiceUnavailable {
		t.Errorf("GET with an expected wait over the gate's = %d, want 503 at once", w.Code)
	}
	if w := get("/decisions?q=2002", bg); w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "1" {
		t.Errorf("GET a page not rendered before, with every slot busy = %d, Retry-After %q; want 503, 1", w.Code, w.Header().Get("Retry-After"))
	}
	if n := s.gate.waiting.Load(); n != 0 {
		t.Errorf("%d requests left counted in the queue, want 0", n)
	}
	s.gate.wait = 20 * time.Millisecond
	// A client that has gone gets nothing, and nothing is computed or
	// cached for it.
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if w := get("/api/v1/vetoes?from=2003-01-01", ctx); w.Body.Len() != 0 {
		t.Errorf("GET for a client gone wrote %q, want nothing", w.Body)
	}
	s.gate.leave(time.Now())
	if a := s.answers.get("/api/v1/vetoes?from=2003-01-01"); a != nil {
		t.Errorf("the answer for a client gone was cached")
	}
	if w := get("/api/v1/vetoes?from=2003-01-01", bg); w.Code != http.StatusOK {
		t.Errorf("GET vetoes once the slot is free = %d, want 200", w.Code)
	}
}

// TestHold checks that a connection told to retry later and asking for a
// computed answer sooner is held until then, while it is still answered
// at once what costs nothing (/healthz, an answer already computed), and
// that a client that goes while held gets nothing and costs nothing.
func TestHold(t *testing.T) {
	s := NewServer(Config{MaxConcurrent: 1, Decisions: realrecord.Decisions(t)}).(*Server)
	srv := httptest.NewUnstartedServer(s)
	srv.Config.ConnContext = ConnContext
	srv.Start()
	defer srv.Close()
	// One connection, kept alive, as a client that hammers would use.
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}}
	defer client.CloseIdleConnections()
	get := func(ctx context.Context, path string) (int, string, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+path, nil)
		resp, err := client.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, resp.Header.Get("Retry-After"), nil
	}
	bg := context.Background()
	if code, _, err := get(bg, "/api/v1/trends?from=1990-01-01"); code != http.StatusOK {
		t.Fatalf("GET trends = %d (%v), want 200", code, err)
	}
	s.gate.slots <- struct{}{} // the bound is full
	s.gate.maxWaiting = 0
	if code, ra, err := get(bg, "/api/v1/trends?from=1991-01-01"); code != http.StatusServiceUnavailable || ra != "1" {
		t.Fatalf("GET trends with the bound full = %d, Retry-After %q (%v); want 503, 1", code, ra, err)
	}
	// The connection is now held, and the bound is full: what costs
	// nothing is still answered on it.
	for _, path := range []string{"/healthz", "/api/v1/trends?from=1990-01-01", "/api/v1/council?date=2024-03-25"} {
		if code, _, err := get(bg, path); code != http.StatusOK {
			t.Errorf("GET %s on a held connection with the bound full = %d (%v), want 200", path, code, err)
		}
	}
	// The slot is free now, but the connection asks for a computed answer
	// before its second is up: it waits, so a client that goes meanwhile
	// gets nothing and nothing is computed. (Were it not held, its answer
	// would come at once and be cached.)
	s.gate.leave(time.Now())
	s.gate.maxWaiting = 100
	var held connState
	held.notBefore.Store(time.Now().Add(time.Hour).UnixNano())
	ctx, cancel := context.WithCancel(context.WithValue(bg, connKey{}, &held))
	done := make(chan *httptest.ResponseRecorder)
	go func() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/trends?from=1992-01-01", nil).WithContext(ctx))
		done <- w
	}()
	select {
	case w := <-done:
		t.Fatalf("GET on a held connection answered %d before its hold was up, want it held", w.Code)
	case <-time.After(200 * time.Millisecond):
	}
	cancel()
	if w := <-done; w.Body.Len() != 0 {
		t.Errorf("GET for a client gone while held wrote %q, want nothing", w.Body)
	}
	if a := s.answers.get("/api/v1/trends?from=1992-01-01"); a != nil {
		t.Errorf("the answer for a client gone while held was computed and cached")
	}
	// Once the hold is over, the connection is served as any other.
	held.notBefore.Store(time.Now().Add(-time.Second).UnixNano())
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/trends?from=1992-01-01", nil).WithContext(context.WithValue(bg, connKey{}, &held)))
	if w.Code != http.StatusOK {
		t.Errorf("GET after the hold = %d, want 200", w.Code)
	}
}

// TestFlights checks that identical requests computed at once share one
// computation, and that a computation stopped by its own client's going
// is done again for the others.
func TestFlights(t *testing.T) {
	var fs flights
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]*answer, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = fs.do(context.Background(), "k", func() (*answer, error) {
				calls.Add(1)
				<-release
				return &answer{body: []byte("x")}, nil
			})
		}()
	}
	// Wait until one computes and the seven others wait for it.
	for {
		fs.mu.Lock()
		fl := fs.m["k"]
		joined := fl != nil && fl.waiters == 7
		fs.mu.Unlock()
		if joined {
			break
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("8 identical requests computed %d times, want once", n)
	}
	for i, a := range results {
		if a == nil || string(a.body) != "x" {
			t.Errorf("request %d got %v, want the shared answer", i, a)
		}
	}
	// The leader's client goes: the follower computes it itself.
	started := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	go fs.do(ctx, "j", func() (*answer, error) {
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	})
	<-started
	done := make(chan *answer)
	go func() {
		a, _ := fs.do(context.Background(), "j", func() (*answer, error) { return &answer{body: []byte("y")}, nil })
		done <- a
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	if a := <-done; a == nil || string(a.body) != "y" {
		t.Errorf("follower of a stopped computation got %v, want its own answer", a)
	}
}

// lookCounter is a request's context that counts the looks at its Err and
// is done after the first done of them (never, when done is 0).
type lookCounter struct {
	context.Context
	done  int64
	looks atomic.Int64
}

func (c *lookCounter) Err() error {
	if n := c.looks.Add(1); c.done > 0 && n >= c.done {
		return context.Canceled
	}
	return nil
}

// TestQuestionsStopWithClient checks that each question's answer and page
// is computed under its request's context: the question itself looks at
// it (more looks than the server's own), and when the client has gone by
// the question's first look, nothing is written or kept, and the next
// client gets the whole answer.
func TestQuestionsStopWithClient(t *testing.T) {
	s := NewServer(Config{Decisions: realrecord.Decisions(t), NoPageCache: true}).(*Server)
	// The looks the server takes itself: the gate's on the way in, and,
	// for an API answer, one before it is encoded.
	tests := []struct {
		target      string
		serverLooks int64
	}{
		{"/api/v1/decisions?member=FRA&limit=1000", 2},
		{"/api/v1/vetoes/summary?group_by=member,decade", 2},
		{"/api/v1/vetoes/count?member=USA&claim=89", 2},
		{"/api/v1/profile?member=SUN%2BRUS", 2},
		{"/api/v1/agreement?members=USA,GBR,FRA,CHN,IND", 2},
		{"/api/v1/trends?by=decade", 2},
		{"/api/v1/whatif?rules=two-vetoes", 2},
		{"/api/v1/veto-initiative", 2},
		{"/", 1},
		{"/decisions?q=situation", 1},
		{"/vetoes?rule=drafts", 1},
		{"/fact-check?claim=USA,+89,+as+of+2024-03-25", 1},
		{"/members/GBR", 1},
		{"/agreement?rule=abstain-half", 1},
		{"/trends", 1},
		{"/whatif?rules=no-veto", 1},
		{"/initiative", 1},
	}
	for _, tt := range tests {
		ctx := &lookCounter{Context: context.Background()}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", tt.target, nil).WithContext(ctx))
		if w.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", tt.target, w.Code)
			continue
		}
		if n := ctx.looks.Load(); n <= tt.serverLooks {
			t.Errorf("GET %s: its context was looked at %d times, want more than the server's own %d: the question does not look at it", tt.target, n, tt.serverLooks)
		}
		want := w.Body.String()
		s.answers = answers{} // as if never asked

		gone := &lookCounter{Context: context.Background(), done: 2}
		w = httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", tt.target, nil).WithContext(gone))
		if w.Body.Len() != 0 {
			t.Errorf("GET %s for a client gone during the question wrote %d bytes, want nothing", tt.target, w.Body.Len())
		}
		if a := s.answers.get(tt.target); a != nil {
			t.Errorf("GET %s: the answer for a client gone was cached", tt.target)
		}
		w = httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", tt.target, nil))
		if w.Code != http.StatusOK || w.Body.String() != want {
			t.Errorf("GET %s after a client went = %d, %d bytes; want 200 and the answer as first computed (%d bytes)", tt.target, w.Code, w.Body.Len(), len(want))
		}
	}
}

// TestGateSpare checks the gate's spare slot: taken only while the
// computations are known to be short, given back on leave, and absent
// where the gate's size is given.
func TestGateSpare(t *testing.T) {
	g := &gate{slots: make(chan struct{}, 1), spare: make(chan struct{}, 1), maxWaiting: 64, wait: 10 * time.Millisecond}
	bg := context.Background()
	first, err := g.enter(bg)
	if err != nil {
		t.Fatalf("enter with a free slot: %v", err)
	}
	// The slot is taken and no computation has ended: the cost is not
	// known, so the spare is not used.
	if _, err := g.enter(bg); err != errBusy {
		t.Errorf("enter with the slot taken and the cost unknown = %v, want errBusy", err)
	}
	for _, c := range []struct {
		cost  time.Duration
		spare bool
	}{
		{shortCost * 5, false},
		{shortCost, false},
		{shortCost / 10, true},
	} {
		g.cost.Store(int64(c.cost))
		start, err := g.enter(bg)
		if got := err == nil; got != c.spare {
			t.Errorf("enter with the slot taken and computations of %v: %v, want the spare %v", c.cost, err, c.spare)
		}
		if err == nil {
			if len(g.spare) != 1 {
				t.Errorf("the spare holds %d, want 1", len(g.spare))
			}
			if _, err := g.enter(bg); err != errBusy {
				t.Errorf("enter with the slot and the spare taken = %v, want errBusy", err)
			}
			g.leave(start)
			if len(g.spare)+len(g.slots) != 1 {
				t.Errorf("after one of two left the gate holds %d, want 1", len(g.spare)+len(g.slots))
			}
		}
	}
	// A request waiting in the queue gets the spare when it is given back.
	g.cost.Store(int64(shortCost / 10))
	second, err := g.enter(bg)
	if err != nil {
		t.Fatalf("enter for the spare: %v", err)
	}
	g.wait = time.Second
	done := make(chan error, 1)
	go func() {
		_, err := g.enter(bg)
		done <- err
	}()
	g.leave(second)
	if err := <-done; err != nil {
		t.Errorf("a request waiting for the spare given back: %v", err)
	}
	g.leave(first)
	g.leave(first)
	if n := len(g.spare) + len(g.slots); n != 0 {
		t.Errorf("the gate holds %d once every computation left, want 0", n)
	}
	for _, size := range []int{1, 2} {
		if g := newGate(size); g.spare != nil {
			t.Errorf("newGate(%d) has a spare slot; a given size has none", size)
		}
	}
	if g := newGate(0); (g.spare != nil) != (runtime.GOMAXPROCS(0) > 1) {
		t.Errorf("newGate(0) with %d processors: spare %v", runtime.GOMAXPROCS(0), g.spare != nil)
	}
}
