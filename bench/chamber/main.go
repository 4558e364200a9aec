// Command chamber measures the live sessions of `unsc serve` (issue 11),
// from outside the server, over loopback HTTP:
//
//   - votes: durably acknowledged votes per second, beside the disk's own
//     rate of fsync measured in the same run and in the same folder as the
//     sessions' database, and beside SQLite committing one vote per
//     transaction with synchronous=FULL (what a store without group commit
//     acknowledges at most). Delegations of many sessions vote as fast as
//     their answers come; each vote is acknowledged only once committed.
//     After the run every session's log must hold exactly the ballots
//     acknowledged.
//   - sse: many sessions at once, each with its delegations' and its
//     spectators' live streams open; delegations vote at a steady pace and
//     the delay from a vote's acknowledgement to its event reaching each
//     stream is measured (p50, p99, max).
//
// bench/chamber.sh builds unsc and this command and runs both.
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite"
)

var (
	base     = flag.String("base", "", "the server, http://127.0.0.1:PORT")
	admin    = flag.String("admin", "", "the operator's token (UNSC_ADMIN_TOKEN of the server)")
	mode     = flag.String("mode", "votes", "votes or sse")
	dir      = flag.String("dir", "", "votes: a folder on the disk of the sessions' database, for measuring its fsync rate")
	sessions = flag.Int("sessions", 40, "sessions")
	duration = flag.Duration("d", 10*time.Second, "how long to vote")
	// sse
	spectators = flag.Int("spectators", 20, "sse: spectators' streams per session, beside one per delegation")
	every      = flag.Duration("every", time.Second, "sse: each session casts a ballot this often")
	sources    = flag.Int("sources", 1, "sse: loopback addresses to connect from (127.0.0.1, 127.0.0.2, …), about 28,000 streams each")
	rssPid     = flag.Int("rss-pid", 0, "sse: the server's process, for its memory per stream")
)

// rss returns a process's resident memory in bytes (0 if unknown).
func rss(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func main() {
	flag.Parse()
	if *base == "" || *admin == "" {
		fmt.Fprintln(os.Stderr, "chamber: give -base and -admin")
		os.Exit(2)
	}
	var err error
	switch *mode {
	case "votes":
		err = votes()
	case "sse":
		err = sse()
	default:
		err = fmt.Errorf("-mode %q: want votes or sse", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "chamber:", err)
		os.Exit(1)
	}
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100000, MaxIdleConns: 100000, IdleConnTimeout: time.Minute}, Timeout: time.Minute}

func call(method, path, token, body string, out any) (int, error) {
	req, err := http.NewRequest(method, *base+path, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode >= 300 {
		return resp.StatusCode, fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(data))
	}
	if out != nil {
		return resp.StatusCode, json.Unmarshal(data, out)
	}
	return resp.StatusCode, nil
}

type session struct {
	ID         string `json:"id"`
	ChairToken string `json:"chair_token"`
	Seats      []struct {
		Code  string `json:"code"`
		Token string `json:"token"`
	} `json:"seats"`
	vote int
}

// meeting creates a session on 25 March 2024, opens it, takes the roll,
// adopts the agenda and opens a vote on a draft.
func meeting() (*session, error) {
	var s session
	if _, err := call("POST", "/api/v1/sessions", *admin, `{"date":"2024-03-25"}`, &s); err != nil {
		return nil, err
	}
	act := func(token, body string) error {
		_, err := call("POST", "/api/v1/sessions/"+s.ID+"/actions", token, body, nil)
		return err
	}
	for _, a := range []string{`{"action":"open-meeting"}`, `{"action":"propose-agenda","text":"Item"}`, `{"action":"adopt-agenda"}`} {
		if err := act(s.ChairToken, a); err != nil {
			return nil, err
		}
	}
	var v struct {
		ID int `json:"id"`
	}
	if _, err := call("POST", "/api/v1/sessions/"+s.ID+"/votes", s.ChairToken, `{"document":"S/2024/254","matter":"non-procedural"}`, &v); err != nil {
		return nil, err
	}
	s.vote = v.ID
	return &s, nil
}

// meetings creates n meetings, a few at a time.
func meetings(n int) ([]*session, error) {
	out := make([]*session, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = meeting()
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// fsyncRate writes 4 KiB and fsyncs it, again and again, for d, in a file
// of folder: the disk's own rate of durable writes.
func fsyncRate(folder string, d time.Duration) (float64, error) {
	f, err := os.CreateTemp(folder, "fsync-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	page := make([]byte, 4096)
	n, start := 0, time.Now()
	for time.Since(start) < d {
		if _, err := f.Write(page); err != nil {
			return 0, err
		}
		if err := f.Sync(); err != nil {
			return 0, err
		}
		n++
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

// oneByOne commits one row per transaction in SQLite (WAL,
// synchronous=FULL), for d: the rate of a store that commits each vote by
// itself.
func oneByOne(folder string, d time.Duration) (float64, error) {
	path := filepath.Join(folder, "one-by-one.db")
	defer os.Remove(path)
	defer os.Remove(path + "-wal")
	defer os.Remove(path + "-shm")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE votes (session TEXT, seq INTEGER, event BLOB, PRIMARY KEY (session, seq)) WITHOUT ROWID`); err != nil {
		return 0, err
	}
	event := bytes.Repeat([]byte("x"), 200)
	n, start := 0, time.Now()
	for time.Since(start) < d {
		n++
		if _, err := db.Exec(`INSERT INTO votes VALUES ('s', ?, ?)`, n, event); err != nil {
			return 0, err
		}
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

func votes() error {
	if *dir == "" {
		return errors.New("-mode votes needs -dir, a folder on the disk of the sessions' database")
	}
	ss, err := meetings(*sessions)
	if err != nil {
		return err
	}
	// The disk alone, then SQLite one commit a vote, then the server.
	fsyncs, err := fsyncRate(*dir, 3*time.Second)
	if err != nil {
		return err
	}
	single, err := oneByOne(*dir, 3*time.Second)
	if err != nil {
		return err
	}
	var acked atomic.Int64
	perSession := make([]atomic.Int64, len(ss))
	var failed atomic.Int64
	var firstErr atomic.Value
	stop := time.Now().Add(*duration)
	start := time.Now()
	var wg sync.WaitGroup
	for i, s := range ss {
		for _, seat := range s.Seats {
			wg.Go(func() {
				positions := []string{"Y", "N", "A"}
				for k := 0; time.Now().Before(stop); k++ {
					var out struct {
						Seq int64 `json:"seq"`
					}
					_, err := call("PUT", fmt.Sprintf("/api/v1/sessions/%s/votes/%d/ballots/%s", s.ID, s.vote, seat.Code), seat.Token,
						`{"position":"`+positions[k%3]+`"}`, &out)
					if err != nil {
						failed.Add(1)
						firstErr.CompareAndSwap(nil, err)
						continue
					}
					if out.Seq > 0 {
						acked.Add(1)
						perSession[i].Add(1)
					}
				}
			})
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	rate := float64(acked.Load()) / elapsed.Seconds()
	// Every acknowledged ballot is in its session's log, once.
	missing := 0
	for i, s := range ss {
		var entries []struct {
			Event json.RawMessage `json:"event"`
		}
		if _, err := call("GET", "/api/v1/sessions/"+s.ID+"/log", "", "", &entries); err != nil {
			return err
		}
		n := 0
		for _, e := range entries {
			var ev struct {
				Kind string `json:"kind"`
			}
			// The stored event is JSON text, base64 in the log's answer.
			var raw []byte
			if json.Unmarshal(e.Event, &raw) != nil {
				raw = e.Event
			}
			json.Unmarshal(raw, &ev)
			if ev.Kind == "ballot-cast" || ev.Kind == "cast-ballot" || ev.Kind == "ballot" {
				n++
			}
		}
		if int64(n) != perSession[i].Load() {
			missing++
			if missing == 1 {
				fmt.Printf("session %s: %d ballots in the log, %d acknowledged\n", s.ID, n, perSession[i].Load())
			}
		}
	}
	fmt.Printf("disk: %.0f fsyncs/s (4 KiB written and fsynced, one after another, in %s)\n", fsyncs, *dir)
	fmt.Printf("SQLite, one vote a transaction (WAL, synchronous=FULL): %.0f commits/s\n", single)
	fmt.Printf("unsc serve: %d sessions x 15 delegations voting: %d votes acknowledged in %.1f s = %.0f votes/s (%.1f x the disk's fsync rate), %d refused\n",
		len(ss), acked.Load(), elapsed.Seconds(), rate, rate/fsyncs, failed.Load())
	if e := firstErr.Load(); e != nil {
		fmt.Println("first refusal:", e)
	}
	if missing > 0 {
		return fmt.Errorf("%d sessions' logs do not hold exactly the ballots acknowledged", missing)
	}
	fmt.Println("every session's log holds exactly the ballots acknowledged")
	if rate < fsyncs {
		return fmt.Errorf("goal missed: %.0f votes/s, under the disk's %.0f fsyncs/s", rate, fsyncs)
	}
	return nil
}

// stream is one live stream: it notes when each event number arrives.
type stream struct {
	mu   sync.Mutex
	seen map[int64]time.Time
}

func dialer(src int) *http.Client {
	d := &net.Dialer{Timeout: 30 * time.Second}
	if src > 0 {
		d.LocalAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+src))}
	}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 100000, DisableCompression: true}}
}

func (st *stream) run(ctx context.Context, c *http.Client, url string, ready chan<- error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := c.Do(req)
	if err == nil && resp.StatusCode != 200 {
		err = fmt.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	ready <- err
	if err != nil {
		return
	}
	defer resp.Body.Close()
	r := bufio.NewReaderSize(resp.Body, 64<<10)
	for {
		line, err := r.ReadSlice('\n')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return
		}
		if id, ok := bytes.CutPrefix(line, []byte("id: ")); ok {
			n, _ := strconv.ParseInt(string(bytes.TrimSpace(id)), 10, 64)
			now := time.Now()
			st.mu.Lock()
			st.seen[n] = now
			st.mu.Unlock()
		}
		// Lines longer than the buffer come in pieces; only "id:" lines
		// matter.
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = r.ReadSlice('\n')
		}
	}
}

func sse() error {
	t0 := time.Now()
	ss, err := meetings(*sessions)
	if err != nil {
		return err
	}
	fmt.Printf("%d sessions created and opened in %.1f s\n", len(ss), time.Since(t0).Seconds())
	server0, self0 := rss(*rssPid), rss(os.Getpid())
	per := 15 + *spectators
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clients := make([]*http.Client, *sources)
	for i := range clients {
		clients[i] = dialer(i)
	}
	streams := make([][]*stream, len(ss))
	ready := make(chan error, 1024)
	t0 = time.Now()
	total := 0
	for i, s := range ss {
		for range per {
			st := &stream{seen: map[int64]time.Time{}}
			streams[i] = append(streams[i], st)
			go st.run(ctx, clients[total%len(clients)], *base+"/api/v1/sessions/"+s.ID+"/events", ready)
			total++
			if total%1000 == 0 {
				// Let the accepted connections catch up.
				for range 1000 {
					if err := <-ready; err != nil {
						return fmt.Errorf("stream %d: %w", total, err)
					}
				}
			}
		}
	}
	for range total % 1000 {
		if err := <-ready; err != nil {
			return err
		}
	}
	fmt.Printf("%d live streams open (%d sessions x %d: 15 delegations, %d spectators) in %.1f s\n", total, len(ss), per, *spectators, time.Since(t0).Seconds())
	if *rssPid > 0 {
		server1, self1 := rss(*rssPid), rss(os.Getpid())
		fmt.Printf("memory per stream: server %.1f KB (RSS %d MB to %d MB), load generator %.1f KB\n",
			float64(server1-server0)/1024/float64(total), server0>>20, server1>>20, float64(self1-self0)/1024/float64(total))
	}

	// Each session casts a ballot every -every, the sessions spread over
	// the interval; a ballot's event number and acknowledgement time are
	// kept.
	type cast struct {
		session int
		seq     int64
		at      time.Time
	}
	var mu sync.Mutex
	var casts []cast
	var failed atomic.Int64
	stop := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for i, s := range ss {
		wg.Go(func() {
			time.Sleep(time.Duration(rand.Int64N(int64(*every))))
			positions := []string{"Y", "N", "A"}
			tick := time.NewTicker(*every)
			defer tick.Stop()
			for k := 0; time.Now().Before(stop); k++ {
				seat := s.Seats[k%len(s.Seats)]
				var out struct {
					Seq int64 `json:"seq"`
				}
				_, err := call("PUT", fmt.Sprintf("/api/v1/sessions/%s/votes/%d/ballots/%s", s.ID, s.vote, seat.Code), seat.Token,
					`{"position":"`+positions[(k/len(s.Seats))%3]+`"}`, &out)
				now := time.Now()
				if err != nil {
					failed.Add(1)
				} else if out.Seq > 0 {
					mu.Lock()
					casts = append(casts, cast{i, out.Seq, now})
					mu.Unlock()
				}
				<-tick.C
			}
		})
	}
	wg.Wait()
	time.Sleep(2 * time.Second) // the last events on their way
	var delays []time.Duration
	lost := 0
	for _, c := range casts {
		for _, st := range streams[c.session] {
			st.mu.Lock()
			at, ok := st.seen[c.seq]
			st.mu.Unlock()
			if !ok {
				lost++
				continue
			}
			// The event may reach a stream before the voter has its
			// answer: that is a delay of 0.
			delays = append(delays, max(0, at.Sub(c.at)))
		}
	}
	if len(delays) == 0 {
		return fmt.Errorf("no vote reached a stream (%d votes, %d refused)", len(casts), failed.Load())
	}
	slices.Sort(delays)
	q := func(p float64) time.Duration { return delays[int(p*float64(len(delays)-1))] }
	fmt.Printf("%d votes acknowledged (%.0f/s), %d refused; %d deliveries to streams: p50 %s, p99 %s, max %s; %d not delivered\n",
		len(casts), float64(len(casts))/duration.Seconds(), failed.Load(), len(delays),
		q(0.5).Round(100*time.Microsecond), q(0.99).Round(100*time.Microsecond), delays[len(delays)-1].Round(time.Millisecond), lost)
	if lost > 0 || q(0.99) >= 100*time.Millisecond {
		return fmt.Errorf("goal missed: p99 %s (goal under 100 ms), %d not delivered", q(0.99), lost)
	}
	fmt.Println("goal met: every vote reached every stream, p99 under 100 ms")
	return nil
}
