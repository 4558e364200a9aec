package chamber

import (
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"unsc/procedure"
)

// live is a session in memory. Actions are decided on spec, the state with
// every event decided, committed or not; the live stream shows state, the
// fold of the committed events only.
type live struct {
	id string
	mu sync.Mutex
	// spec, seq and head are the state, last number and last hash of every
	// event decided; pending the events decided but not yet committed.
	spec    *procedure.State
	seq     int64
	head    Hash
	pending []procedure.Event
	// broken is set when a commit failed: the session is loaded again
	// from the log before its next action.
	broken bool
	creds  map[Hash]procedure.Actor

	// state is the fold of the committed events; events their JSON and
	// hashes their hashes, by number from 1.
	state     *procedure.State
	committed int64
	events    []json.RawMessage
	hashes    []Hash
	subs      map[*Subscription]struct{}
	// sent is the last event sent to the subscribers; flushing is set
	// while a flush is on its way. Events committed close together go
	// out in one flush, with one view: building the view (every actor's
	// offers) costs more than the events.
	sent     int64
	flushing bool
	// shown is the view of the committed state up to shownSeq, in JSON
	// without the server's time: built once per change.
	shown    []byte
	shownSeq int64
}

func newLive(id string) *live {
	l := &live{id: id, subs: map[*Subscription]struct{}{}}
	l.reset()
	return l
}

func (l *live) reset() {
	l.spec, l.state = procedure.New(), procedure.New()
	l.seq, l.committed, l.head, l.sent = 0, 0, Hash{}, 0
	l.shown, l.shownSeq = nil, -1
	l.pending, l.events, l.hashes = nil, nil, nil
}

func (l *live) setCreds(creds []Credential) {
	l.creds = make(map[Hash]procedure.Actor, len(creds))
	for _, c := range creds {
		a := procedure.Chair
		if c.Role == procedure.RoleSeat {
			a = procedure.SeatOf(c.Seat)
		}
		l.creds[c.Hash] = a
	}
}

// seal encodes events and chains them after the last one decided.
func (l *live) seal(events []procedure.Event) []Entry {
	out := make([]Entry, len(events))
	for i, e := range events {
		data, err := json.Marshal(e)
		if err != nil {
			panic(err) // events always encode
		}
		h := Seal(l.head, l.id, e.Seq, data)
		out[i] = Entry{Session: l.id, Seq: e.Seq, Event: data, Prev: l.head, Hash: h}
		l.head, l.seq = h, e.Seq
		l.hashes = append(l.hashes, h)
	}
	return out
}

// commit folds the pending events up to seq into the committed state and
// has them sent to the subscribers. Commits are in order, so every pending
// event up to seq is committed once seq is. The caller holds l.mu.
func (l *live) commit(seq int64) {
	n := 0
	for n < len(l.pending) && l.pending[n].Seq <= seq {
		n++
	}
	if n == 0 {
		return
	}
	batch := l.pending[:n]
	l.pending = append([]procedure.Event(nil), l.pending[n:]...)
	for _, e := range batch {
		l.state.Apply(e)
		data, _ := json.Marshal(e)
		l.events = append(l.events, data)
		l.committed = e.Seq
	}
	if len(l.subs) == 0 {
		l.sent = l.committed
		return
	}
	if !l.flushing {
		l.flushing = true
		go l.flush()
	}
}

// flush sends the subscribers every committed event not yet sent, the last
// with the view.
func (l *live) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flushing = false
	if l.sent >= l.committed {
		return
	}
	v := l.viewJSON(time.Now())
	frames := make([][]byte, 0, l.committed-l.sent)
	for seq := l.sent + 1; seq <= l.committed; seq++ {
		var state []byte
		if seq == l.committed {
			state = v
		}
		frames = append(frames, frame(seq, l.events[seq-1], state))
	}
	l.sent = l.committed
	for s := range l.subs {
		for _, f := range frames {
			select {
			case s.c <- f:
			default:
				// A subscriber that cannot keep up is dropped; it
				// reconnects with Last-Event-ID and replays.
				delete(l.subs, s)
				close(s.c)
				goto next
			}
		}
	next:
	}
}

// View is a session as the pages show it: its committed state, the live
// tally of the vote under way (or the last), what each actor may do, the
// server's time for correcting clocks, and the chain's head.
type View struct {
	*procedure.State
	Tally      *procedure.Tally             `json:"tally,omitempty"`
	Offers     map[string][]procedure.Offer `json:"offers"`
	ServerTime time.Time                    `json:"server_time,omitzero"`
	Head       Hash                         `json:"head"`
}

// viewJSON returns the view of the committed state in JSON, with the
// server's time now. The view is built once for each committed state (every
// actor's offers are its costly part), not once for each stream. The caller
// holds l.mu.
func (l *live) viewJSON(now time.Time) []byte {
	if l.shown == nil || l.shownSeq != l.committed {
		data, err := json.Marshal(l.view())
		if err != nil {
			panic(err) // views always encode
		}
		l.shown, l.shownSeq = data, l.committed
	}
	out := make([]byte, 0, len(l.shown)+48)
	out = append(out, l.shown[:len(l.shown)-1]...)
	out = append(out, `,"server_time":`...)
	out = now.UTC().AppendFormat(append(out, '"'), time.RFC3339Nano)
	return append(out, '"', '}')
}

// view builds the view of the committed state, without the server's time.
// The caller holds l.mu.
func (l *live) view() View {
	s := l.state
	v := View{State: s, Offers: map[string][]procedure.Offer{}}
	if l.committed > 0 {
		v.Head = l.hashes[l.committed-1]
	}
	if n := len(s.Votes); n > 0 {
		t := s.Tally(&s.Votes[n-1])
		v.Tally = &t
	}
	if o := procedure.Offers(s, procedure.Chair); len(o) > 0 {
		v.Offers[procedure.RoleChair] = o
	}
	for _, m := range s.Setup.Members {
		if o := procedure.Offers(s, procedure.SeatOf(m.Code)); len(o) > 0 {
			v.Offers[string(m.Code)] = o
		}
	}
	return v
}

// frame is one server-sent event: the event's number as its id, and as
// data the event and, when state is given, the session's view (JSON).
func frame(seq int64, event json.RawMessage, state json.RawMessage) []byte {
	msg := struct {
		Event json.RawMessage `json:"event,omitempty"`
		State json.RawMessage `json:"state,omitempty"`
	}{event, state}
	data, err := json.Marshal(msg)
	if err != nil {
		panic(err)
	}
	b := make([]byte, 0, len(data)+48)
	b = append(b, "id: "...)
	b = strconv.AppendInt(b, seq, 10)
	b = append(b, "\nevent: update\ndata: "...)
	b = append(b, data...)
	b = append(b, "\n\n"...)
	return b
}

// Subscription is a live stream of a session's committed events, as
// server-sent event frames. C is closed when the subscriber falls too far
// behind.
type Subscription struct {
	c chan []byte
	l *live
}

// C returns the channel of frames.
func (s *Subscription) C() <-chan []byte { return s.c }

// Close ends the subscription.
func (s *Subscription) Close() {
	s.l.mu.Lock()
	defer s.l.mu.Unlock()
	if _, ok := s.l.subs[s]; ok {
		delete(s.l.subs, s)
		close(s.c)
	}
}
