package chamber

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/procedure"
)

// Config configures a Chamber.
type Config struct {
	Log Log
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Decision finds a real decision of the Council by a draft's or
	// resolution's symbol, for historical replays; nil allows none.
	Decision func(symbol string) (unsc.Decision, bool)
	// NextResolution returns the number of the first resolution adopted
	// after date in the record, the number a session on that date gives
	// its first adopted draft; nil numbers from 1.
	NextResolution func(date time.Time) int
}

// Chamber runs live sessions. It is safe for concurrent use.
type Chamber struct {
	cfg Config
	mu  sync.Mutex
	// sessions holds the sessions loaded in memory.
	sessions map[string]*live
}

// New returns a chamber over the log in cfg.
func New(cfg Config) *Chamber {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Chamber{cfg: cfg, sessions: map[string]*live{}}
}

// NewSession is what the operator asks for: the Council on a date, a custom
// roster, or the replay of a real decision.
type NewSession struct {
	// Date is the meeting's date, YYYY-MM-DD; the Council's composition
	// on that day unless Members is given.
	Date string `json:"date,omitempty"`
	// Profile names the rules profile: charter (default) or mun.
	Profile string `json:"profile,omitempty"`
	// Members is a custom roster; Required its majority (default three
	// fifths, rounded up).
	Members  []procedure.Member `json:"members,omitempty"`
	Required int                `json:"required,omitempty"`
	// Replay is the symbol of a real draft or resolution to replay: its
	// date, composition and matter, and its draft tabled.
	Replay string `json:"replay,omitempty"`
}

// SeatToken is one seat's credential, given once when the session is
// created.
type SeatToken struct {
	Code  unsc.Code `json:"code"`
	Name  string    `json:"name"`
	Token string    `json:"token"`
}

// Created is a new session and its credentials, which the chamber does not
// keep: only their hashes.
type Created struct {
	ID         string      `json:"id"`
	ChairToken string      `json:"chair_token"`
	Seats      []SeatToken `json:"seats"`
	Setup      procedure.Setup
}

// Create creates a session and returns its credentials.
func (c *Chamber) Create(ctx context.Context, req NewSession) (Created, error) {
	now := c.now()
	setup, draft, err := c.setup(req, now)
	if err != nil {
		return Created{}, err
	}
	first, err := procedure.Create(setup, now)
	if err != nil {
		return Created{}, err
	}
	l := newLive(setup.ID)
	events := []procedure.Event{first}
	l.spec.Apply(first)
	if draft != nil {
		evs, err := procedure.Decide(l.spec, *draft)
		if err != nil {
			return Created{}, err
		}
		evs[0].Seq = 2
		events = append(events, evs[0])
	}
	out := Created{ID: setup.ID, ChairToken: NewToken(), Setup: setup}
	creds := []Credential{{Hash: TokenHash(out.ChairToken), Role: procedure.RoleChair}}
	for _, m := range setup.Members {
		t := NewToken()
		out.Seats = append(out.Seats, SeatToken{Code: m.Code, Name: m.Name, Token: t})
		creds = append(creds, Credential{Hash: TokenHash(t), Role: procedure.RoleSeat, Seat: m.Code})
	}
	entries := l.seal(events)
	l.pending = events
	if err := c.cfg.Log.Create(ctx, setup.ID, creds, entries); err != nil {
		return Created{}, err
	}
	l.setCreds(creds)
	l.commit(events[len(events)-1].Seq)
	c.mu.Lock()
	c.sessions[setup.ID] = l
	c.mu.Unlock()
	return out, nil
}

func (c *Chamber) now() time.Time { return c.cfg.Now().UTC().Truncate(time.Millisecond) }

// setup builds a session's setup from the operator's request.
func (c *Chamber) setup(req NewSession, now time.Time) (procedure.Setup, *procedure.Action, error) {
	profile, err := procedure.ProfileNamed(req.Profile)
	if err != nil {
		return procedure.Setup{}, nil, err
	}
	setup := procedure.Setup{ID: NewID(), Profile: profile, Date: req.Date, FirstResolution: 1}
	var draft *procedure.Action
	if req.Replay != "" {
		if req.Members != nil || req.Date != "" {
			return setup, nil, unsc.Errorf(unsc.EINVALID, "replay", "a replay takes its date and members from the record: give replay alone")
		}
		if c.cfg.Decision == nil {
			return setup, nil, unsc.Errorf(unsc.EINVALID, "replay", "this server has no record to replay from")
		}
		d, ok := c.cfg.Decision(req.Replay)
		if !ok {
			return setup, nil, unsc.Errorf(unsc.ENOTFOUND, "replay", "%q: no decision in the record has this symbol", req.Replay)
		}
		setup.Date = d.Date.Format(time.DateOnly)
		setup.Replay = replayOf(d)
		symbol := d.Draft
		if symbol == "" {
			symbol = d.Resolution
		}
		matter := unsc.NonProcedural.String()
		if d.Matter == unsc.Procedural {
			matter = d.Matter.String()
		}
		title := d.Title
		if len(title) > 200 {
			title = title[:200]
		}
		draft = &procedure.Action{Kind: "table-draft", By: procedure.Operator, At: now,
			Args: procedure.Args{Symbol: symbol, Title: title, Matter: matter}}
	}
	if setup.Date == "" {
		setup.Date = now.Format(time.DateOnly)
	}
	date, err := time.Parse(time.DateOnly, setup.Date)
	if err != nil {
		return setup, nil, unsc.Errorf(unsc.EINVALID, "date", "%q: want YYYY-MM-DD", setup.Date)
	}
	if req.Members != nil {
		setup.Custom = true
		setup.Members = req.Members
		setup.Required = req.Required
		if setup.Required == 0 {
			setup.Required = procedure.DefaultRequired(len(req.Members))
		}
		return setup, draft, nil
	}
	if req.Required != 0 {
		return setup, nil, unsc.Errorf(unsc.EINVALID, "required", "the Council's majority is the Charter's: give required only with a custom roster (members)")
	}
	council, err := charter.CouncilOn(date)
	if err != nil {
		return setup, nil, err
	}
	setup.Required = council.Required
	for _, m := range council.Members {
		setup.Members = append(setup.Members, procedure.Member{Code: m.Code, Name: m.Name, Permanent: m.Permanent})
	}
	if c.cfg.NextResolution != nil {
		setup.FirstResolution = c.cfg.NextResolution(date)
	}
	return setup, draft, nil
}

func replayOf(d unsc.Decision) *procedure.Replay {
	r := &procedure.Replay{Draft: d.Draft, Resolution: d.Resolution, Title: d.Title, Meeting: d.Meeting,
		Matter: d.Matter.String(), Outcome: d.Derived.String(), VetoedBy: d.VetoedBy}
	if d.Recorded != 0 {
		r.Outcome = d.Recorded.String()
	}
	symbol := d.Draft
	if d.Resolution != "" {
		symbol = d.Resolution
	}
	r.Link = "/api/v1/decisions?symbol=" + strings.ReplaceAll(symbol, " ", "%20")
	if d.Votes.Known() {
		r.Votes = map[unsc.Code]string{}
		for code, p := range d.Votes.All() {
			r.Votes[code] = p.Letter()
		}
	}
	return r
}

// Credentials: who a token is, in a session.

// Authenticate returns the actor a token stands for in a session:
// EUNAUTHORIZED when it stands for none.
func (c *Chamber) Authenticate(ctx context.Context, id, token string) (procedure.Actor, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return procedure.Actor{}, err
	}
	l.mu.Lock()
	a, ok := l.creds[TokenHash(token)]
	l.mu.Unlock()
	if !ok {
		return procedure.Actor{}, unsc.Errorf(unsc.EUNAUTHORIZED, "", "this credential does not belong to this session")
	}
	return a, nil
}

// session returns the live session, loading it from the log on first use.
func (c *Chamber) session(ctx context.Context, id string) (*live, error) {
	c.mu.Lock()
	l := c.sessions[id]
	c.mu.Unlock()
	if l != nil {
		return l, nil
	}
	if !validID(id) {
		return nil, unsc.Errorf(unsc.ENOTFOUND, "session", "no session %q", id)
	}
	l = newLive(id)
	if err := c.load(ctx, l); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if other := c.sessions[id]; other != nil {
		return other, nil
	}
	c.sessions[id] = l
	return l, nil
}

func validID(id string) bool {
	if len(id) < 1 || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// load (re)builds a session from its log. The caller holds l.mu or owns l.
func (c *Chamber) load(ctx context.Context, l *live) error {
	creds, entries, err := c.cfg.Log.Load(ctx, l.id)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return unsc.Errorf(unsc.ENOTFOUND, "session", "no session %q", l.id)
	}
	l.reset()
	for _, e := range entries {
		var ev procedure.Event
		if err := json.Unmarshal(e.Event, &ev); err != nil {
			return fmt.Errorf("load session %s: entry %d: %w", l.id, e.Seq, err)
		}
		l.spec.Apply(ev)
		l.state.Apply(ev)
		l.events = append(l.events, e.Event)
		l.head, l.seq = e.Hash, e.Seq
		l.hashes = append(l.hashes, e.Hash)
	}
	l.committed, l.sent = l.seq, l.seq
	l.setCreds(creds)
	l.broken = false
	return nil
}

// Act decides actions by actor in session id, in order, all or none, and
// returns their events once they are durably committed.
func (c *Chamber) Act(ctx context.Context, id string, by procedure.Actor, actions ...procedure.Action) ([]procedure.Event, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	if l.broken {
		if err := c.load(ctx, l); err != nil {
			l.mu.Unlock()
			return nil, err
		}
	}
	now := c.now()
	scratch := l.spec
	if len(actions) > 1 {
		scratch = l.spec.Clone()
	}
	var events []procedure.Event
	seq := l.seq
	for _, a := range actions {
		a.By, a.At = by, now
		evs, err := procedure.Decide(scratch, a)
		if err != nil {
			l.mu.Unlock()
			return nil, err
		}
		for _, e := range evs {
			seq++
			e.Seq = seq
			scratch.Apply(e)
			events = append(events, e)
		}
	}
	if len(events) == 0 {
		l.mu.Unlock()
		return nil, nil
	}
	l.spec = scratch
	entries := l.seal(events)
	done := c.cfg.Log.Append(entries)
	l.pending = append(l.pending, events...)
	l.mu.Unlock()

	// Durability first: the answer waits for the commit, whatever the
	// client does meanwhile.
	err = <-done
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.broken = true
		return nil, fmt.Errorf("session %s: committing events %d to %d: %w", id, events[0].Seq, seq, err)
	}
	l.commit(seq)
	return events, nil
}

// State returns a session's view as committed, as the live stream shows
// it, in JSON.
func (c *Chamber) State(ctx context.Context, id string) (json.RawMessage, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.viewJSON(c.now()), nil
}

// Snapshot returns a copy of a session's committed state.
func (c *Chamber) Snapshot(ctx context.Context, id string) (*procedure.State, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state.Clone(), nil
}

// Sessions lists the IDs of every session in the log.
func (c *Chamber) Sessions(ctx context.Context) ([]string, error) {
	return c.cfg.Log.Sessions(ctx)
}

// Verify re-walks the log of session id (see the package function).
func (c *Chamber) Verify(ctx context.Context, id string) (Report, error) {
	_, entries, err := c.cfg.Log.Load(ctx, id)
	if err != nil {
		return Report{}, err
	}
	if len(entries) == 0 {
		return Report{}, unsc.Errorf(unsc.ENOTFOUND, "session", "no session %q", id)
	}
	return Verify(id, entries), nil
}

// Entries returns the log of session id as stored.
func (c *Chamber) Entries(ctx context.Context, id string) ([]Entry, error) {
	if _, err := c.session(ctx, id); err != nil {
		return nil, err
	}
	_, entries, err := c.cfg.Log.Load(ctx, id)
	return entries, err
}

// Subscribe starts a live stream of session id. With last ≥ 0 (a client's
// Last-Event-ID), the first frames are the events after last, the final one
// with the current view; otherwise the first frame is the current view
// alone, numbered with the last event sent to the streams.
func (c *Chamber) Subscribe(ctx context.Context, id string, last int64) (*Subscription, [][]byte, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	sub := &Subscription{c: make(chan []byte, 256), l: l}
	l.subs[sub] = struct{}{}
	// The stream starts after the events already sent to the others
	// (the events committed since follow with the next flush), with the
	// view as committed.
	v := l.viewJSON(c.now())
	var first [][]byte
	if last >= 0 && last < l.sent {
		for seq := last + 1; seq <= l.sent; seq++ {
			var state []byte
			if seq == l.sent {
				state = v
			}
			first = append(first, frame(seq, l.events[seq-1], state))
		}
	} else {
		first = append(first, frame(l.sent, nil, v))
	}
	return sub, first, nil
}
