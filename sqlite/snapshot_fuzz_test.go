package sqlite

import (
	"testing"
	"time"

	"unsc"
)

// FuzzDecodeSnapshot checks that no snapshot, however damaged, makes the
// decoder panic: it decodes or says it does not.
func FuzzDecodeSnapshot(f *testing.F) {
	r := unsc.Report{Source: unsc.SourceUNDL, Key: "1", Ref: "undl.csv:2", Date: time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC),
		Subjects: []string{"MIDDLE EAST"}, Votes: map[unsc.Code]unsc.Position{"USA": unsc.Abstain, "FRA": unsc.Yes},
		VetoedBy: []unsc.Code{}, Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true}, Outcome: unsc.Adopted}
	d := unsc.Decision{Date: r.Date, Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)", Votes: r.Votes,
		VetoedBy: []unsc.Code{"USA"}, Reports: []unsc.Report{r}, Tally: r.Tally, Recorded: unsc.Adopted, Derived: unsc.Adopted}
	e := newSnapshotEncoder(1)
	e.report(&r)
	if err := e.decision(&d, 7); err != nil {
		f.Fatal(err)
	}
	good := e.bytes()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(snapshotMagic + "\x01\x01\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := decodeSnapshot(data, false)
		if err != nil && ds != nil {
			t.Errorf("decodeSnapshot = %d decisions and error %v, want one or the other", len(ds), err)
		}
	})
}

// FuzzDecodeDecisions checks that no decisions snapshot, however damaged,
// makes the decoder panic: it decodes or says it does not.
func FuzzDecodeDecisions(f *testing.F) {
	d := unsc.Decision{ID: 7, Date: time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC), Meeting: "S/PV.9586", Resolution: "S/RES/2728 (2024)",
		Subjects: []string{"MIDDLE EAST"}, Votes: map[unsc.Code]unsc.Position{"USA": unsc.Abstain, "FRA": unsc.Yes},
		VetoedBy: []unsc.Code{"USA"}, Sources: []unsc.Source{unsc.SourceUNDL, unsc.SourceSpreadsheet},
		Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true}, Recorded: unsc.Adopted, Derived: unsc.Adopted}
	good := encodeDecisions([]unsc.Decision{d, {Title: "no date"}})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(decisionsMagic + "\x01\x01\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := decodeDecisions(data)
		if err != nil && ds != nil {
			t.Errorf("decodeDecisions = %d decisions and error %v, want one or the other", len(ds), err)
		}
	})
}
