package chamber

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"unsc"
	"unsc/procedure"
)

// Receipt is a delegation's record of its ballots, each with the log entry
// that holds it: the event's bytes and the hash before it, from which
// anyone recomputes the entry's hash, and the log's head when the receipt
// was issued. A log that still holds these entries with these hashes, in
// an intact chain, proves the ballots were counted as cast.
type Receipt struct {
	Session string         `json:"session"`
	Seat    unsc.Code      `json:"seat"`
	Issued  time.Time      `json:"issued"`
	HeadSeq int64          `json:"head_seq"`
	Head    Hash           `json:"head"`
	Ballots []ReceiptEntry `json:"ballots"`
}

// ReceiptEntry is one ballot and the entry that records it.
type ReceiptEntry struct {
	Vote     int    `json:"vote"`
	Document string `json:"document,omitempty"`
	Position string `json:"position"`
	// Counted is the position the vote's result counts for the seat, once
	// the vote is closed.
	Counted string `json:"counted,omitempty"`
	Entry   Entry  `json:"entry"`
}

// Receipt returns seat's receipt in session id.
func (c *Chamber) Receipt(ctx context.Context, id string, seat unsc.Code) (Receipt, error) {
	l, err := c.session(ctx, id)
	if err != nil {
		return Receipt{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r := Receipt{Session: id, Seat: seat, Issued: c.now(), HeadSeq: l.committed, Ballots: []ReceiptEntry{}}
	if l.committed > 0 {
		r.Head = l.hashes[l.committed-1]
	}
	for i, data := range l.events {
		var e procedure.Event
		if err := json.Unmarshal(data, &e); err != nil {
			return Receipt{}, fmt.Errorf("receipt: entry %d: %w", i+1, err)
		}
		if e.Kind != "ballot-cast" || e.By != string(seat) {
			continue
		}
		var prev Hash
		if i > 0 {
			prev = l.hashes[i-1]
		}
		re := ReceiptEntry{Vote: e.Ref, Position: e.Position,
			Entry: Entry{Session: id, Seq: e.Seq, Event: data, Prev: prev, Hash: l.hashes[i]}}
		if v := l.state.VoteByID(e.Ref); v != nil {
			re.Document = v.Question.Document
			if v.Result != nil {
				re.Counted = v.Result.Votes[seat]
			}
		}
		r.Ballots = append(r.Ballots, re)
	}
	return r, nil
}

// CheckReceipt checks a receipt against a session's log: each entry it
// holds is in the log with the same bytes and hash, and its hash is the
// seal of its bytes. It returns the problems found.
func CheckReceipt(r Receipt, entries []Entry) []Problem {
	var out []Problem
	for _, b := range r.Ballots {
		e := b.Entry
		if got := Seal(e.Prev, r.Session, e.Seq, e.Event); got != e.Hash {
			out = append(out, Problem{Seq: e.Seq, Reason: fmt.Sprintf("the receipt's entry %d does not hash to its own hash: the receipt was altered", e.Seq)})
			continue
		}
		if e.Seq < 1 || int(e.Seq) > len(entries) {
			out = append(out, Problem{Seq: e.Seq, Reason: fmt.Sprintf("entry %d of the receipt is missing from the log", e.Seq)})
			continue
		}
		if got := entries[e.Seq-1]; got.Hash != e.Hash || string(got.Event) != string(e.Event) {
			out = append(out, Problem{Seq: e.Seq, Reason: fmt.Sprintf("entry %d of the log is not the one the receipt holds: the ballot was altered or removed", e.Seq)})
		}
	}
	if r.HeadSeq > 0 {
		if int(r.HeadSeq) > len(entries) {
			out = append(out, Problem{Seq: r.HeadSeq, Reason: fmt.Sprintf("the log ends before entry %d, the head when the receipt was issued: entries were removed", r.HeadSeq)})
		} else if entries[r.HeadSeq-1].Hash != r.Head {
			out = append(out, Problem{Seq: r.HeadSeq, Reason: fmt.Sprintf("entry %d of the log is not the head the receipt was issued with", r.HeadSeq)})
		}
	}
	return out
}

// Decisions returns the session's decisions on drafts and amendments in the
// record's layout, each marked as a simulation (its source is
// "simulation"), in the order voted.
func (c *Chamber) Decisions(ctx context.Context, id string) ([]unsc.Decision, error) {
	s, err := c.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	date, _ := time.Parse(time.DateOnly, s.Setup.Date)
	var out []unsc.Decision
	for _, v := range s.Votes {
		q := v.Question
		if v.Result == nil || (q.Kind != procedure.OnDraft && q.Kind != procedure.OnAmendment) {
			continue
		}
		r := v.Result
		d := unsc.Decision{
			ID:          int64(v.ID),
			Date:        date,
			Meeting:     "session " + id,
			Resolution:  r.Resolution,
			Amendment:   q.Amendment,
			Modality:    unsc.ByVote,
			MatterKnown: true,
			Sources:     []unsc.Source{SourceSimulation},
			Tally:       unsc.Tally{Yes: r.Yes, No: r.No, Abstain: r.Abstain, NonVoting: r.NotParticipating + r.Absent, Known: true},
			VetoedBy:    r.VetoedBy,
		}
		if q.Kind == procedure.OnAmendment {
			d.AmendmentTo = q.Document
		} else {
			d.Draft = q.Document
		}
		if dr := s.Drafts[s.DraftBySymbol(q.Document)-1]; dr.Title != "" {
			d.Title = dr.Title
		}
		d.Agenda = s.Agenda.Text
		d.Matter, _ = unsc.ParseMatter(q.Matter)
		d.Derived, _ = unsc.ParseOutcome(r.Outcome)
		d.Recorded = d.Derived
		votes := []unsc.Vote{}
		for code, letter := range r.Votes {
			if p, err := unsc.ParsePosition(letter); err == nil && p != unsc.Absent {
				votes = append(votes, unsc.Vote{Member: code, Position: p})
			}
		}
		d.Votes = unsc.VotesFrom(votes)
		out = append(out, d)
	}
	return out, nil
}

// SourceSimulation marks a decision taken in a live session: a simulation,
// never a decision of the Council.
const SourceSimulation unsc.Source = "simulation"
