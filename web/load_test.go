package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
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
	// A full queue turns a request away without waiting.
	s.gate.maxWaiting = 0
	start := time.Now()
	if w := get("/api/v1/vetoes?from=2002-01-01", bg); w.Code != http.StatusServiceUnavailable || time.Since(start) > s.gate.wait {
		t.Errorf("GET with a full queue = %d after %v, want 503 at once", w.Code, time.Since(start))
	}
	// A client that has gone gets nothing, and nothing is computed or
	// cached for it.
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if w := get("/api/v1/vetoes?from=2003-01-01", ctx); w.Body.Len() != 0 {
		t.Errorf("GET for a client gone wrote %q, want nothing", w.Body)
	}
	<-s.gate.slots
	if a := s.answers.get("/api/v1/vetoes?from=2003-01-01"); a != nil {
		t.Errorf("the answer for a client gone was cached")
	}
	if w := get("/api/v1/vetoes?from=2003-01-01", bg); w.Code != http.StatusOK {
		t.Errorf("GET vetoes once the slot is free = %d, want 200", w.Code)
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
