package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"unsc/chamber"
	"unsc/chamberdb"
	"unsc/procedure"
)

// The test binary runs `unsc` itself when asked to, so that a test can
// start the server as a process of its own and kill it.
func init() {
	if os.Getenv("UNSC_TEST_CHILD") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
}

// server is `unsc serve` in a process of its own.
type server struct {
	cmd  *exec.Cmd
	base string
}

func startServer(t *testing.T, dir string) *server {
	t.Helper()
	// With no record file at dir/unsc.db, serve reads the record built
	// into unsc.
	cmd := exec.Command(os.Args[0], "--db", filepath.Join(dir, "unsc.db"), "serve", "--addr", "127.0.0.1:0", "--sessions", filepath.Join(dir, "sessions.db"))
	cmd.Env = append(os.Environ(), "UNSC_TEST_CHILD=1", "UNSC_ADMIN_TOKEN="+killAdmin)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	s := &server{cmd: cmd}
	for sc.Scan() {
		if addr, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
			s.base = addr
			break
		}
	}
	if s.base == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the server printed no address")
	}
	go io.Copy(io.Discard, stderr)
	return s
}

func (s *server) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
}

const killAdmin = "kill-test-operator-token-0123456789abcdef"

// ack is an acknowledged ballot: what the server said it recorded.
type ack struct {
	seq      int64
	code     string
	vote     int
	position string
}

// TestKillDuringVotes kills the server with SIGKILL at random moments
// during a storm of votes, starts it again on the same files, and checks
// that every vote it acknowledged is in the log exactly once, where it said,
// in an intact chain. It does so many times.
func TestKillDuringVotes(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	dir := t.TempDir()
	srv := startServer(t, dir)
	defer func() { srv.kill() }()
	client := &http.Client{Timeout: 5 * time.Second}
	do := func(method, url, token, body string) (int, []byte, error) {
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		return resp.StatusCode, data, err
	}
	code, body, err := do("POST", srv.base+"/api/v1/sessions", killAdmin, `{"date":"2024-03-25"}`)
	if err != nil || code != 201 {
		t.Fatalf("create: %d %s %v", code, body, err)
	}
	var c struct {
		ID         string `json:"id"`
		ChairToken string `json:"chair_token"`
		Seats      []struct{ Code, Token string }
	}
	json.Unmarshal(body, &c)
	for _, a := range []string{`{"action":"open-meeting"}`, `{"action":"propose-agenda","text":"Item"}`, `{"action":"adopt-agenda"}`} {
		if code, body, err := do("POST", srv.base+"/api/v1/sessions/"+c.ID+"/actions", c.ChairToken, a); err != nil || code != 200 {
			t.Fatalf("%s: %d %s %v", a, code, body, err)
		}
	}
	var mu sync.Mutex
	var acks []ack
	drafts := 0
	for round := 0; round < rounds; round++ {
		base := srv.base
		sess := base + "/api/v1/sessions/" + c.ID
		stop := make(chan struct{})
		var wg sync.WaitGroup
		// The chair: opens a vote when none is open, closes it after a
		// while.
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				drafts++
				n := drafts
				mu.Unlock()
				do("POST", sess+"/votes", c.ChairToken, fmt.Sprintf(`{"document":"S/2024/%d","matter":"non-procedural"}`, 1000+n))
				time.Sleep(time.Duration(20+rand.IntN(40)) * time.Millisecond)
				var st struct {
					Current int `json:"current"`
				}
				if code, body, err := do("GET", sess, "", ""); err == nil && code == 200 {
					json.Unmarshal(body, &st)
					if st.Current != 0 {
						do("POST", fmt.Sprintf("%s/votes/%d/close", sess, st.Current), c.ChairToken, "")
					}
				}
			}
		}()
		// Fifteen delegations vote and change their votes as fast as they
		// can, on whatever vote is open.
		for _, seat := range c.Seats {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					var st struct {
						Current int `json:"current"`
					}
					code, body, err := do("GET", sess, "", "")
					if err != nil {
						time.Sleep(5 * time.Millisecond)
						continue
					}
					if code == 200 {
						json.Unmarshal(body, &st)
					}
					if st.Current == 0 {
						time.Sleep(5 * time.Millisecond)
						continue
					}
					pos := []string{"Y", "N", "A", "X"}[rand.IntN(4)]
					code, body, err = do("PUT", fmt.Sprintf("%s/votes/%d/ballots/%s", sess, st.Current, seat.Code), seat.Token, `{"position":"`+pos+`"}`)
					if err != nil || code != 200 {
						continue
					}
					var b struct {
						Seq int64 `json:"seq"`
					}
					if json.Unmarshal(body, &b) == nil && b.Seq > 0 {
						mu.Lock()
						acks = append(acks, ack{seq: b.Seq, code: seat.Code, vote: st.Current, position: pos})
						mu.Unlock()
					}
				}
			}()
		}
		time.Sleep(time.Duration(200+rand.IntN(700)) * time.Millisecond)
		srv.kill()
		close(stop)
		wg.Wait()
		srv = startServer(t, dir)
	}

	// The log as the restarted server serves it.
	code, body, err = do("GET", srv.base+"/api/v1/sessions/"+c.ID+"/log", "", "")
	if err != nil || code != 200 {
		t.Fatalf("log: %d %v", code, err)
	}
	var entries []chamber.Entry
	if err := json.Unmarshal(body, &entries); err != nil {
		t.Fatal(err)
	}
	if rep := chamber.Verify(c.ID, entries); !rep.OK() {
		t.Fatalf("after %d kills the log is not intact: %+v", rounds, rep.Problems[:min(3, len(rep.Problems))])
	}
	if len(acks) < rounds*3 {
		t.Fatalf("only %d votes acknowledged in %d rounds: the storm did not happen", len(acks), rounds)
	}
	seen := map[int64]bool{}
	for _, a := range acks {
		if seen[a.seq] {
			t.Fatalf("two acknowledgements name entry %d", a.seq)
		}
		seen[a.seq] = true
		if a.seq > int64(len(entries)) {
			t.Fatalf("the vote of %s acknowledged as entry %d is lost: the log ends at %d", a.code, a.seq, len(entries))
		}
		var ev procedure.Event
		json.Unmarshal(entries[a.seq-1].Event, &ev)
		if ev.Kind != "ballot-cast" || ev.By != a.code || ev.Ref != a.vote || ev.Position != a.position {
			t.Fatalf("entry %d is %s by %s (%d %s), but the server acknowledged %s voting %s on vote %d there",
				a.seq, ev.Kind, ev.By, ev.Ref, ev.Position, a.code, a.position, a.vote)
		}
	}
	// Exactly once: the log holds no ballot the storm did not send (each
	// entry is one request), and the state's count agrees with the log.
	ballots := 0
	for _, e := range entries {
		var ev procedure.Event
		json.Unmarshal(e.Event, &ev)
		if ev.Kind == "ballot-cast" {
			ballots++
		}
	}
	if ballots < len(acks) {
		t.Fatalf("%d ballots in the log, %d acknowledged", ballots, len(acks))
	}
	t.Logf("%d kills; %d ballots acknowledged, all in the log once; %d ballots in the log (the rest were committed but not acknowledged before a kill); %d entries", rounds, len(acks), ballots, len(entries))
	// The verify command agrees.
	srv.kill()
	code2, out, errOut := runUnsc(t, "", "--db", filepath.Join(dir, "unsc.db"), "verify", "--sessions", filepath.Join(dir, "sessions.db"), c.ID)
	if code2 != 0 || !strings.Contains(out, "chain intact") {
		t.Fatalf("unsc verify: exit %d: %s %s", code2, out, errOut)
	}
	srv = startServer(t, dir)
}

// TestDecisionsSimulations: the decisions of live sessions are searched as
// the record's are, with `unsc decisions --simulations`, each marked as a
// simulation, in the record's CSV and JSON layouts.
func TestDecisionsSimulations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sessions.db")
	st, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := chamber.New(chamber.Config{Log: st})
	ctx := context.Background()
	// Two sessions: the first adopts its draft with the US abstaining, the
	// second sees its draft vetoed by the US.
	for i, usa := range []string{"A", "N"} {
		cr, err := c.Create(ctx, chamber.NewSession{Date: "2024-03-25"})
		if err != nil {
			t.Fatal(err)
		}
		act := func(by procedure.Actor, kind string, args procedure.Args) {
			t.Helper()
			if _, err := c.Act(ctx, cr.ID, by, procedure.Action{Kind: kind, Args: args}); err != nil {
				t.Fatalf("%s %s: %v", by, kind, err)
			}
		}
		act(procedure.Chair, "open-meeting", procedure.Args{})
		act(procedure.Chair, "propose-agenda", procedure.Args{Text: "The situation in the Middle East"})
		act(procedure.Chair, "adopt-agenda", procedure.Args{})
		act(procedure.SeatOf("MOZ"), "table-draft", procedure.Args{Symbol: fmt.Sprintf("S/2024/%d", 900+i), Title: "Ceasefire", Paragraphs: []string{"Demands a ceasefire"}})
		act(procedure.Chair, "open-vote", procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}})
		for _, s := range cr.Seats {
			p := "Y"
			if s.Code == "USA" {
				p = usa
			}
			act(procedure.SeatOf(s.Code), "cast-ballot", procedure.Args{Ref: 1, Position: p})
		}
		act(procedure.Chair, "close-vote", procedure.Args{})
	}
	st.Close()

	code, out, errOut := runUnsc(t, "", "decisions", "--simulations", "--sessions", path, "--csv")
	if code != 0 {
		t.Fatalf("unsc decisions --simulations --csv: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("CSV: %v, %d rows, want a header and two decisions:\n%s", err, len(rows), out)
	}
	if want := append(slices.Clip(decisionColumns), "simulation"); !slices.Equal(rows[0], want) {
		t.Errorf("header %q, want the record's columns and simulation: %q", rows[0], want)
	}
	col := func(row []string, name string) string { return row[slices.Index(rows[0], name)] }
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[col(r, "draft")] = col(r, "outcome") + " " + col(r, "vetoed_by") + " " + col(r, "yes") + "-" + col(r, "no") + "-" + col(r, "abstain") + " " + col(r, "simulation")
		if !strings.HasPrefix(col(r, "meeting"), "session ") {
			t.Errorf("meeting %q, want the session named", col(r, "meeting"))
		}
	}
	if got["S/2024/900"] != "adopted  14-0-1 true" || got["S/2024/901"] != "vetoed USA 14-1-0 true" {
		t.Errorf("simulated decisions %v, want S/2024/900 adopted 14-0-1 and S/2024/901 vetoed by the USA 14-1-0, both simulations", got)
	}

	// The record's questions work on them: vetoed by the US, as JSON.
	code, out, errOut = runUnsc(t, "", "decisions", "--simulations", "--sessions", path, "--outcome", "vetoed", "--member", "USA", "--position", "N", "--json")
	if code != 0 {
		t.Fatalf("unsc decisions --simulations --json: exit %d: %s", code, errOut)
	}
	var ans struct {
		Simulation bool `json:"simulation"`
		Total      int  `json:"total"`
		Decisions  []struct {
			Draft      string `json:"draft"`
			Outcome    string `json:"outcome"`
			Simulation bool   `json:"simulation"`
		} `json:"decisions"`
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	if !ans.Simulation || ans.Total != 1 || len(ans.Decisions) != 1 || ans.Decisions[0].Draft != "S/2024/901" || !ans.Decisions[0].Simulation {
		t.Errorf("JSON answer %+v, want the one vetoed draft, marked as a simulation", ans)
	}
	// The table says what they are; without a sessions' database, an error
	// naming the path.
	if code, out, _ := runUnsc(t, "", "decisions", "--simulations", "--sessions", path); code != 0 || !strings.Contains(out, "not decisions of the Security Council") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
	missing := filepath.Join(dir, "none.db")
	if code, _, errOut := runUnsc(t, "", "decisions", "--simulations", "--sessions", missing); code == 0 || !strings.Contains(errOut, missing) {
		t.Errorf("no database: exit %d, %q; want an error naming %s", code, errOut, missing)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("the search created %s", missing)
	}
}

// TestVerifySaysItsEntries: verify counts a session's log in words, one
// entry (a session just created) as "1 entry".
func TestVerifySaysItsEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sessions.db")
	st, err := chamberdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := chamber.New(chamber.Config{Log: st})
	cr, err := c.Create(context.Background(), chamber.NewSession{Date: "2024-03-25"})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut := runUnsc(t, "", "verify", "--sessions", path, cr.ID)
	if want := "session " + cr.ID + ": 1 entry, chain intact"; code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("unsc verify of a session just created: exit %d, %q (%s); want %q", code, out, errOut, want)
	}
}
