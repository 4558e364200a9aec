package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unsc/chamber"
	"unsc/chamberdb"
	"unsc/web"
)

const adminToken = "operator-token-for-tests-0123456789"

// chamberServer starts the API with a chamber on a real file, on :0.
func chamberServer(t *testing.T, burst int, logs io.Writer) *httptest.Server {
	t.Helper()
	st, err := chamberdb.Open(filepath.Join(t.TempDir(), "sessions.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var log *slog.Logger
	if logs != nil {
		log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	srv := httptest.NewServer(web.NewServer(web.Config{Chamber: chamber.New(chamber.Config{Log: st}), AdminToken: adminToken, GuessBurst: burst, Logger: log}))
	t.Cleanup(srv.Close)
	return srv
}

type created struct {
	ID         string `json:"id"`
	ChairToken string `json:"chair_token"`
	Seats      []struct {
		Code  string `json:"code"`
		Token string `json:"token"`
	} `json:"seats"`
	SpectatorURL string `json:"spectator_url"`
}

func (c created) seat(code string) string {
	for _, s := range c.Seats {
		if s.Code == code {
			return s.Token
		}
	}
	return ""
}

// call sends a request with a bearer token ("" for none) and returns the
// status and body.
func call(t *testing.T, method, url, token, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		t.Errorf("%s %s = %d with Content-Type %q, want application/problem+json", method, url, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return resp.StatusCode, data
}

// newMeeting creates a session on 25 March 2024, opens it and adopts the
// agenda; with vote, it opens a vote on a draft.
func newMeeting(t *testing.T, base string, vote bool) created {
	t.Helper()
	code, body := call(t, "POST", base+"/api/v1/sessions", adminToken, `{"date":"2024-03-25"}`)
	if code != http.StatusCreated {
		t.Fatalf("create: %d %s", code, body)
	}
	var c created
	json.Unmarshal(body, &c)
	s := base + "/api/v1/sessions/" + c.ID
	for _, a := range []string{`{"action":"open-meeting"}`, `{"action":"propose-agenda","text":"Item"}`, `{"action":"adopt-agenda"}`} {
		if code, body := call(t, "POST", s+"/actions", c.ChairToken, a); code != 200 {
			t.Fatalf("%s: %d %s", a, code, body)
		}
	}
	if vote {
		if code, body := call(t, "POST", s+"/votes", c.ChairToken, `{"document":"S/2024/254","matter":"non-procedural"}`); code != 201 {
			t.Fatalf("open vote: %d %s", code, body)
		}
	}
	return c
}

// TestSessionAuthorization is the authorization matrix: every role against
// every route of the live sessions.
func TestSessionAuthorization(t *testing.T) {
	srv := chamberServer(t, 10000, nil)
	roles := []string{"none", "wrong", "operator", "chair", "own", "other"}
	token := func(c created, role string) string {
		switch role {
		case "wrong":
			return "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		case "operator":
			return adminToken
		case "chair":
			return c.ChairToken
		case "own":
			return c.seat("USA")
		case "other":
			return c.seat("FRA")
		}
		return ""
	}
	routes := []struct {
		name   string
		method string
		path   string // after /api/v1/sessions/{id}
		body   string
		vote   bool
		want   map[string]int
	}{
		{"read the state", "GET", "", "", false, map[string]int{"none": 200, "wrong": 200, "operator": 200, "chair": 200, "own": 200, "other": 200}},
		{"run the meeting", "POST", "/actions", `{"action":"call-roll"}`, false, map[string]int{"none": 401, "wrong": 401, "operator": 401, "own": 403, "other": 403, "chair": 200}},
		{"ask for the floor", "POST", "/actions", `{"action":"request-floor"}`, false, map[string]int{"none": 401, "wrong": 401, "operator": 401, "chair": 403, "own": 200, "other": 200}},
		{"open a vote", "POST", "/votes", `{"document":"S/2024/254","matter":"non-procedural"}`, false, map[string]int{"none": 401, "wrong": 401, "operator": 401, "own": 403, "other": 403, "chair": 201}},
		{"vote for USA", "PUT", "/votes/1/ballots/USA", `{"position":"Y"}`, true, map[string]int{"none": 401, "wrong": 401, "operator": 401, "chair": 403, "other": 403, "own": 200}},
		{"close a vote", "POST", "/votes/1/close", ``, true, map[string]int{"none": 401, "wrong": 401, "operator": 401, "own": 403, "other": 403, "chair": 200}},
		{"download a receipt", "GET", "/receipt", ``, true, map[string]int{"none": 401, "wrong": 401, "operator": 401, "chair": 403, "own": 200, "other": 200}},
		{"read the log", "GET", "/log", ``, false, map[string]int{"none": 200, "wrong": 200, "operator": 200, "chair": 200, "own": 200, "other": 200}},
		{"verify the log", "GET", "/verify", ``, false, map[string]int{"none": 200, "wrong": 200, "operator": 200, "chair": 200, "own": 200, "other": 200}},
		{"export the decisions", "GET", "/decisions?format=csv", ``, false, map[string]int{"none": 200, "wrong": 200, "operator": 200, "chair": 200, "own": 200, "other": 200}},
	}
	for _, rt := range routes {
		t.Run(rt.name, func(t *testing.T) {
			c := newMeeting(t, srv.URL, rt.vote)
			// The roles refused first, then the one allowed, which changes
			// the state.
			order := append([]string{}, roles...)
			for i := range order {
				for j := i + 1; j < len(order); j++ {
					if rt.want[order[j]] >= 400 && rt.want[order[i]] < 400 {
						order[i], order[j] = order[j], order[i]
					}
				}
			}
			for _, role := range order {
				if rt.method != "GET" && rt.want[role] < 400 && role != order[len(order)-1] && rt.want[order[len(order)-1]] < 400 {
					// Two roles allowed to change: only the first is tried
					// against this state; the other gets a fresh one.
					c2 := newMeeting(t, srv.URL, rt.vote)
					code, body := call(t, rt.method, srv.URL+"/api/v1/sessions/"+c2.ID+rt.path, token(c2, role), rt.body)
					if code != rt.want[role] {
						t.Errorf("%s as %s = %d, want %d: %s", rt.name, role, code, rt.want[role], body)
					}
					continue
				}
				code, body := call(t, rt.method, srv.URL+"/api/v1/sessions/"+c.ID+rt.path, token(c, role), rt.body)
				if code != rt.want[role] {
					t.Errorf("%s as %s = %d, want %d: %s", rt.name, role, code, rt.want[role], body)
				}
			}
		})
	}
	// Creating a session is the operator's alone.
	for role, want := range map[string]int{"none": 401, "wrong": 401, "chair": 401, "operator": 201} {
		c := newMeeting(t, srv.URL, false)
		if code, body := call(t, "POST", srv.URL+"/api/v1/sessions", token(c, role), `{"date":"2024-03-25"}`); code != want {
			t.Errorf("create as %s = %d, want %d: %s", role, code, want, body)
		}
	}
	// A credential of one session is nothing in another.
	a, b := newMeeting(t, srv.URL, false), newMeeting(t, srv.URL, false)
	if code, _ := call(t, "POST", srv.URL+"/api/v1/sessions/"+b.ID+"/actions", a.ChairToken, `{"action":"call-roll"}`); code != 401 {
		t.Errorf("chair of one session running another = %d, want 401", code)
	}
}

// TestSessionGuessing: wrong credentials are rate-limited per client, and
// no credential reaches the log.
func TestSessionGuessing(t *testing.T) {
	var logs bytes.Buffer
	srv := chamberServer(t, 0, &logs)
	c := newMeeting(t, srv.URL, true)
	got := 0
	for i := 0; i < 12; i++ {
		code, _ := call(t, "PUT", srv.URL+"/api/v1/sessions/"+c.ID+"/votes/1/ballots/USA", "guess"+strings.Repeat("x", i), `{"position":"Y"}`)
		if code == http.StatusTooManyRequests {
			got = i
			break
		}
		if code != 401 {
			t.Fatalf("guess %d = %d, want 401", i, code)
		}
	}
	if got != 10 {
		t.Fatalf("the %dth guess was refused with 429; want the 11th", got+1)
	}
	// The right credential is slowed too while the client is limited.
	if code, _ := call(t, "PUT", srv.URL+"/api/v1/sessions/"+c.ID+"/votes/1/ballots/USA", c.seat("USA"), `{"position":"Y"}`); code != 429 {
		t.Errorf("after guessing, the right credential = %d, want 429 until the client waits", code)
	}
	for _, secret := range append([]string{c.ChairToken, adminToken}, c.seat("USA"), c.seat("FRA")) {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the server's log holds a credential")
		}
	}
	if logs.Len() == 0 {
		t.Errorf("the log is empty: the test checks nothing")
	}
}

// TestSessionStream: the live stream numbers each event by the log, and a
// client reconnecting with Last-Event-ID receives what it missed.
func TestSessionStream(t *testing.T) {
	srv := chamberServer(t, 0, nil)
	c := newMeeting(t, srv.URL, true)
	events := srv.URL + "/api/v1/sessions/" + c.ID + "/events"
	ctx, cancel := context.WithCancel(context.Background())
	frames := stream(t, ctx, events, "")
	first := <-frames
	if first.id != "6" || !strings.Contains(first.data, `"state"`) || strings.Contains(first.data, `"event"`) {
		t.Fatalf("first frame %+v, want the state at event 6", first)
	}
	call(t, "PUT", srv.URL+"/api/v1/sessions/"+c.ID+"/votes/1/ballots/USA", c.seat("USA"), `{"position":"A"}`)
	f := <-frames
	if f.id != "7" || !strings.Contains(f.data, `"kind":"ballot-cast"`) || !strings.Contains(f.data, `"state"`) {
		t.Fatalf("after a ballot: frame %+v, want event 7, the ballot, with the state", f)
	}
	cancel()
	call(t, "PUT", srv.URL+"/api/v1/sessions/"+c.ID+"/votes/1/ballots/FRA", c.seat("FRA"), `{"position":"Y"}`)
	call(t, "PUT", srv.URL+"/api/v1/sessions/"+c.ID+"/votes/1/ballots/GBR", c.seat("GBR"), `{"position":"Y"}`)
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	frames = stream(t, ctx2, events, "7")
	a, b := <-frames, <-frames
	if a.id != "8" || strings.Contains(a.data, `"state"`) || !strings.Contains(a.data, `"by":"FRA"`) {
		t.Errorf("replay: first frame %+v, want event 8 (France) without the state", a)
	}
	if b.id != "9" || !strings.Contains(b.data, `"state"`) || !strings.Contains(b.data, `"by":"GBR"`) {
		t.Errorf("replay: second frame %+v, want event 9 (the UK) with the state", b)
	}
}

type sseFrame struct{ id, event, data string }

func stream(t *testing.T, ctx context.Context, url, last string) <-chan sseFrame {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	if last != "" {
		req.Header.Set("Last-Event-ID", last)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan sseFrame, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var f sseFrame
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if f.data != "" {
					out <- f
				}
				f = sseFrame{}
			case strings.HasPrefix(line, "id: "):
				f.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				f.event = line[7:]
			case strings.HasPrefix(line, "data: "):
				f.data = line[6:]
			}
		}
	}()
	go func() {
		<-ctx.Done()
		time.Sleep(10 * time.Millisecond)
	}()
	return out
}
