package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"

	"unsc"
)

// The decisions snapshot is the snapshot's decisions without their reports —
// every decision as Decisions returns it with OmitReports, in its order — in
// a row of its own (table snapshot_decisions), so that the questions, which
// need no reports, read neither the reports nor their strings. Import writes
// it beside the snapshot, from the snapshot, and the snapshot's triggers
// delete both.
//
// The encoding is a byte string:
//
//	magic "unscdecs", version
//	counts:  strings n, their bytes, decisions, votes maps, codes, subjects,
//	         sources (for allocating)
//	strings: the bytes of strings 1..n-1, then their lengths (string 0 is
//	         ""); every string below is an index into them
//	decisions, each: id, flags, [date], enums, meeting, resolution, draft,
//	         amendment_to, title, agenda, [tally], [subjects], [sponsors],
//	         [votes], vetoed_by, [notes], sources
//
// Numbers, flags, votes and lists are encoded as in the snapshot; unlike it,
// the decisions' sources are stored.
const (
	decisionsMagic   = "unscdecs"
	decisionsVersion = 3 // 2: sponsors; 3: notes
)

// encodeDecisions encodes decisions, which have no reports, as the decisions
// snapshot.
func encodeDecisions(decisions []unsc.Decision) []byte {
	e := newSnapshotEncoder(0)
	var body []byte
	nSources := 0
	for i := range decisions {
		d := &decisions[i]
		body = e.decisionFields(body, d, d.ID, d.VetoedBy)
		body = binary.AppendUvarint(body, uint64(len(d.Sources)))
		for _, s := range d.Sources {
			body = e.str(body, string(s))
		}
		nSources += len(d.Sources)
	}
	total := 0
	for _, s := range e.list {
		total += len(s)
	}
	b := make([]byte, 0, len(decisionsMagic)+64+total+2*len(e.list)+len(body))
	b = append(b, decisionsMagic...)
	b = binary.AppendUvarint(b, decisionsVersion)
	for _, n := range [...]int{len(e.list), total, len(decisions), e.nVotes, e.nCodes, e.nSubjects, nSources} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	for _, s := range e.list[1:] {
		b = append(b, s...)
	}
	for _, s := range e.list[1:] {
		b = binary.AppendUvarint(b, uint64(len(s)))
	}
	return append(b, body...)
}

// decisionsFromSnapshot encodes the decisions snapshot of a snapshot.
func decisionsFromSnapshot(snapshot []byte) ([]byte, error) {
	ds, err := decodeSnapshot(snapshot, true)
	if err != nil {
		return nil, err
	}
	return encodeDecisions(ds), nil
}

// decodeDecisions reads a decisions snapshot.
func decodeDecisions(b []byte) ([]unsc.Decision, error) {
	if !bytes.HasPrefix(b, []byte(decisionsMagic)) {
		return nil, errSnapshot
	}
	d := &snapshotDecoder{b: b[len(decisionsMagic):]}
	if v := d.uint(); v != decisionsVersion {
		return nil, fmt.Errorf("decisions snapshot version %d, want %d", v, decisionsVersion)
	}
	var counts [7]int
	for i := range counts {
		counts[i] = d.count()
	}
	n, total := counts[0], counts[1]
	if d.err != nil || n == 0 || total > len(d.b) {
		return nil, errSnapshot
	}
	// One string holds every string's bytes; the strings are its slices.
	all := string(d.b[:total])
	d.b = d.b[total:]
	d.strs = make([]string, n)
	at := 0
	for i := 1; i < n; i++ {
		// A length is bounded by the strings' bytes, which are read
		// already, not by what is left (count): in a small snapshot a
		// string may be longer than all that follows it.
		l := d.uint()
		if l > uint64(len(all)-at) {
			return nil, errSnapshot
		}
		d.strs[i] = all[at : at+int(l)]
		at += int(l)
	}
	if d.err != nil || at != len(all) {
		return nil, errSnapshot
	}
	decisions := make([]unsc.Decision, counts[2])
	d.codeBuf = make([]unsc.Code, counts[4])
	d.subjectBuf = make([]string, counts[5])
	d.sourceBuf = make([]unsc.Source, counts[6])
	for i := range decisions {
		x := &decisions[i]
		d.decisionFields(x)
		if k := d.count(); k > 0 {
			sources := take(&d.sourceBuf, k)
			for j := range sources {
				sources[j] = unsc.Source(d.str())
			}
			x.Sources = sources
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		return nil, errSnapshot
	}
	return decisions, nil
}

// readDecisionsSnapshot returns the record's decisions, without their
// reports, from the decisions snapshot, and false when there is none this
// version of the store can read.
func (s *Store) readDecisionsSnapshot(ctx context.Context) ([]unsc.Decision, bool, error) {
	return s.readCache(ctx, "snapshot_decisions", decisionsVersion, decodeDecisions)
}

// writeDecisionsSnapshot replaces the decisions snapshot.
func writeDecisionsSnapshot(ctx context.Context, tx *sql.Tx, data []byte) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO snapshot_decisions (id, version, data) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`, decisionsVersion, data); err != nil {
		return fmt.Errorf("write decisions snapshot: %w", err)
	}
	return nil
}
