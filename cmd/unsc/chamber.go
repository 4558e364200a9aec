//go:build !front

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/chamber"
	"unsc/chamberdb"
	"unsc/sqlite"
)

// sessionsPath returns the sessions' database: the flag's value, else
// $UNSC_SESSIONS, else sessions.db beside the record. Serving the record
// built into unsc (there is no record file), beside the default record in
// the user's data directory: a --db path with no file may be mistyped, and
// no folder is made for it.
func (a *app) sessionsPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := os.Getenv("UNSC_SESSIONS"); p != "" {
		return p, nil
	}
	path := a.dbPath
	if path == "" || a.builtIn {
		var err error
		if path, err = sqlite.DefaultPath(); err != nil {
			return "", err
		}
	}
	return chamberdb.DefaultPath(path), nil
}

// newChamber opens the sessions' log and returns the chamber over it, with
// the record for replays and resolution numbers.
func newChamber(path string, ds []unsc.Decision) (*chamber.Chamber, *chamberdb.Store, error) {
	log, err := chamberdb.Open(path)
	if err != nil {
		return nil, nil, err
	}
	bySymbol := map[string]int{}
	for i, d := range ds {
		for _, s := range []string{d.Draft, d.Resolution} {
			if s == "" {
				continue
			}
			if n, _, err := unsc.NormalizeSymbol(s); err == nil {
				s = n
			}
			if _, ok := bySymbol[s]; !ok {
				bySymbol[s] = i
			}
		}
	}
	c := chamber.New(chamber.Config{
		Log: log,
		Decision: func(symbol string) (unsc.Decision, bool) {
			if n, _, err := unsc.NormalizeSymbol(symbol); err == nil {
				symbol = n
			}
			i, ok := bySymbol[symbol]
			if !ok {
				return unsc.Decision{}, false
			}
			return ds[i], true
		},
		NextResolution: func(date time.Time) int {
			// The number after the last resolution adopted before the
			// day: a replay of 25 March 2024 adopts 2728 (2024).
			last := 0
			for _, d := range ds {
				if n, ok := unsc.ResolutionNumber(d.Resolution); ok && n > last && d.Date.Before(date) {
					last = n
				}
			}
			return last + 1
		},
	})
	return c, log, nil
}

// adminToken returns the operator's credential: $UNSC_ADMIN_TOKEN, else a
// new one, printed once on w.
func adminToken(w io.Writer) string {
	if t := os.Getenv("UNSC_ADMIN_TOKEN"); t != "" {
		return t
	}
	t := chamber.NewToken()
	fmt.Fprintf(w, "operator token (create sessions with Authorization: Bearer …; shown once): %s\n", t)
	return t
}

var verifyCommand = command{
	name:    "verify",
	args:    "[--sessions PATH] [--receipt FILE] [--json] SESSION",
	summary: "Verify a live session's hash-chained log, and a delegation's receipt against it.",
	run:     runVerify,
}

func runVerify(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("verify")
	sessions := fs.String("sessions", "", "the sessions' database `PATH` (default: $UNSC_SESSIONS, else sessions.db beside the record)")
	receipt := fs.String("receipt", "", "check a delegation's receipt `FILE` against the log too")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{msg: "verify: want one SESSION"}
	}
	id := fs.Arg(0)
	path, err := a.sessionsPath(*sessions)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return unsc.Errorf(unsc.ENOTFOUND, "--sessions", "%s: no sessions' database there", path)
	}
	st, err := chamberdb.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	_, entries, err := st.Load(ctx, id)
	if err != nil {
		return err
	}
	rep := chamber.Verify(id, entries)
	if *receipt != "" {
		data, err := os.ReadFile(*receipt)
		if err != nil {
			return unsc.Errorf(unsc.EINVALID, "--receipt", "%v", err)
		}
		var rc chamber.Receipt
		if err := json.Unmarshal(data, &rc); err != nil {
			return unsc.Errorf(unsc.EINVALID, "--receipt", "%s: not a receipt: %v", *receipt, err)
		}
		if rc.Session != id {
			return unsc.Errorf(unsc.EINVALID, "--receipt", "%s is a receipt of session %s, not %s", *receipt, rc.Session, id)
		}
		rep.Problems = append(rep.Problems, chamber.CheckReceipt(rc, entries)...)
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(a.stdout, "entry %d: %s\n", p.Seq, p.Reason)
		}
		if rep.OK() {
			fmt.Fprintf(a.stdout, "session %s: %s, chain intact, every action allowed and every outcome the Charter's; head %s\n", id, plural(rep.Entries, "entry", "entries"), rep.Head)
			if *receipt != "" {
				fmt.Fprintf(a.stdout, "receipt %s: every ballot it holds is in the log\n", *receipt)
			}
		}
	}
	if !rep.OK() {
		return fmt.Errorf("session %s: %d problems found", id, len(rep.Problems))
	}
	return nil
}

// loadSimulations indexes the decisions of every live session in the
// sessions' database: the record's questions, asked of the simulations.
func (a *app) loadSimulations(ctx context.Context, flagValue string) (*analysis.Index, error) {
	path, err := a.sessionsPath(flagValue)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "--sessions", "%s: no sessions' database there (unsc serve keeps one; give --sessions PATH)", path)
	}
	st, err := chamberdb.Open(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	c := chamber.New(chamber.Config{Log: st})
	ids, err := c.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	var ds []unsc.Decision
	for _, id := range ids {
		d, err := c.Decisions(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("session %s: %w", id, err)
		}
		ds = append(ds, d...)
	}
	slices.SortStableFunc(ds, func(x, y unsc.Decision) int { return x.Date.Compare(y.Date) })
	return analysis.New(ds), nil
}
