package chamber

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"unsc"
	"unsc/procedure"
)

// Hash is the SHA-256 hash that chains a log's entries.
type Hash [32]byte

// String returns the hash in hex.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// MarshalText writes the hash in hex.
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText reads a hash in hex.
func (h *Hash) UnmarshalText(b []byte) error {
	if len(b) != 64 {
		return fmt.Errorf("hash %q: want 64 hex digits", b)
	}
	_, err := hex.Decode(h[:], b)
	return err
}

// Entry is one event of a session's log as it is stored: the event's JSON,
// exactly as hashed, and the chain.
type Entry struct {
	Session string          `json:"session"`
	Seq     int64           `json:"seq"`
	Event   json.RawMessage `json:"event"`
	Prev    Hash            `json:"prev"`
	Hash    Hash            `json:"hash"`
}

// Seal returns the hash of an entry: SHA-256 over the previous hash, the
// session, the sequence number and the event's bytes.
func Seal(prev Hash, session string, seq int64, event []byte) Hash {
	h := sha256.New()
	h.Write(prev[:])
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(session)))
	h.Write(n[:])
	h.Write([]byte(session))
	binary.BigEndian.PutUint64(n[:], uint64(seq))
	h.Write(n[:])
	h.Write(event)
	var out Hash
	h.Sum(out[:0])
	return out
}

// Credential is a token's hash and what it allows.
type Credential struct {
	Hash Hash
	// Role is procedure.RoleChair or procedure.RoleSeat.
	Role string
	Seat unsc.Code
}

// Log keeps sessions' logs. Implementations must make Create and Append
// durable before they return: a power loss after they return loses
// nothing.
type Log interface {
	// Create stores a new session's credentials and first entries in one
	// transaction.
	Create(ctx context.Context, session string, creds []Credential, first []Entry) error
	// Append queues entries of one session to be stored after those
	// queued before them, and returns a channel that receives nil once they
	// are durably stored, or the error that kept them out. Entries that do
	// not follow their session's last stored entry (by number and hash) are
	// refused with code ECONFLICT, so a log never has a gap. Calls made
	// one after the other are committed in that order; calls that arrive
	// together may be committed in one transaction (group commit).
	Append(entries []Entry) <-chan error
	// Load returns a session's credentials and entries in order; a
	// session that does not exist is ENOTFOUND.
	Load(ctx context.Context, session string) ([]Credential, []Entry, error)
	// Sessions lists the IDs of every session, oldest first.
	Sessions(ctx context.Context) ([]string, error)
}

// Problem is one fault Verify finds in a log.
type Problem struct {
	Seq    int64  `json:"seq"`
	Reason string `json:"reason"`
}

// Report is what Verify says of a log.
type Report struct {
	Session  string    `json:"session"`
	Entries  int       `json:"entries"`
	Head     Hash      `json:"head"`
	Problems []Problem `json:"problems,omitempty"`
}

// OK reports whether the log is intact.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// Verify re-walks a session's log: every entry numbered from 1 without a
// gap, each chained to the one before by its hash, each hash the seal of its
// own bytes, each event well formed, each action one the rules allowed in
// the state the entries before it made, and each vote's outcome the one the
// Charter engine gives. Any edited, removed, inserted or reordered entry
// breaks one of these.
func Verify(session string, entries []Entry) Report {
	r := Report{Session: session, Entries: len(entries)}
	fail := func(seq int64, format string, args ...any) {
		r.Problems = append(r.Problems, Problem{Seq: seq, Reason: fmt.Sprintf(format, args...)})
	}
	var prev Hash
	var state *procedure.State
	for i, e := range entries {
		want := int64(i + 1)
		if e.Session != session {
			fail(e.Seq, "entry of session %q in the log of %q", e.Session, session)
		}
		if e.Seq != want {
			fail(e.Seq, "entry numbered %d where %d was expected: an entry is missing or out of order", e.Seq, want)
		}
		if e.Prev != prev {
			fail(e.Seq, "entry %d does not follow the entry before it (its previous hash is %s, the chain's is %s)", e.Seq, e.Prev, prev)
		}
		if got := Seal(e.Prev, session, e.Seq, e.Event); got != e.Hash {
			fail(e.Seq, "entry %d was altered: its content hashes to %s, the log says %s", e.Seq, got, e.Hash)
		}
		prev = e.Hash
		var ev procedure.Event
		if err := json.Unmarshal(e.Event, &ev); err != nil {
			fail(e.Seq, "entry %d is not an event: %v", e.Seq, err)
			continue
		}
		if ev.Seq != e.Seq {
			fail(e.Seq, "entry %d holds event %d", e.Seq, ev.Seq)
		}
		if i == 0 {
			if ev.Kind != procedure.EvCreated || ev.Setup == nil {
				fail(e.Seq, "the first entry does not create the session")
				return r
			}
			state = procedure.New()
			state.Apply(ev)
			continue
		}
		if err := replays(state, ev); err != nil {
			fail(e.Seq, "entry %d: %v", e.Seq, err)
		}
		state.Apply(ev)
	}
	r.Head = prev
	return r
}

// replays checks that event ev is what the rules make of the action it
// records, in state s.
func replays(s *procedure.State, ev procedure.Event) error {
	kind := ""
	for k, v := range procedure.EventKinds() {
		if v == ev.Kind {
			kind = k
		}
	}
	if kind == "" {
		return fmt.Errorf("unknown event %q", ev.Kind)
	}
	by := procedure.Chair
	switch ev.By {
	case procedure.RoleChair:
	case procedure.RoleOperator:
		by = procedure.Operator
	default:
		by = procedure.SeatOf(unsc.Code(ev.By))
	}
	a := procedure.Action{Kind: kind, By: by, At: ev.At, Args: ev.Args}
	evs, err := procedure.Decide(s, a)
	if err != nil {
		return fmt.Errorf("%s by %s was not allowed: %v", kind, ev.By, err)
	}
	if len(evs) != 1 {
		return fmt.Errorf("%s by %s changed nothing", kind, ev.By)
	}
	want := evs[0]
	want.Seq = ev.Seq
	a1, _ := json.Marshal(want)
	a2, _ := json.Marshal(ev)
	if !bytes.Equal(a1, a2) {
		return fmt.Errorf("%s by %s does not match what the rules make of it (a vote's outcome or an ID was altered)", kind, ev.By)
	}
	return nil
}
