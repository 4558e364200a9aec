package analysis_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/readmodel"
)

var updateSums = flag.Bool("update", false, "write testdata/sums.golden")

// TestSumsVersion keeps the names of the record's sums (each with the
// version of what it counts) beside a fingerprint of the sums of a record
// made up here (testdata/sums.golden), and fails when the fingerprint
// changes and the names do not: the sums a store keeps with a record are
// counted by the unsc that imported it, so a change in what they count
// (the analysis's, or the Council's members on a day) must change their
// names, or the sums kept before would be read as new. Raise the number
// in the names of the sums whose counts changed (analysis/sums.go), then
// run `go test ./analysis -run TestSumsVersion -update`.
func TestSumsVersion(t *testing.T) {
	b, err := readmodel.Encode(madeUpRecord())
	if err != nil {
		t.Fatal(err)
	}
	img, err := readmodel.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := analysis.Sums(bg, readmodel.View{Image: img})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	names := map[string]bool{}
	for _, s := range sums {
		h.Write([]byte(s.Name + "\n"))
		binary.Write(h, binary.LittleEndian, s.Values)
		// The kinds of sums: a member's name without the member, a
		// source's without the source.
		name := s.Name
		for _, each := range []string{"member/", "positions/", "last/1/"} {
			if k := strings.LastIndex(name, "/"); strings.HasPrefix(name, each) && k >= 0 {
				name = name[:k+1]
			}
		}
		names[name] = true
	}
	var kinds []string
	for n := range names {
		kinds = append(kinds, n)
	}
	slices.Sort(kinds)
	got := strings.Join(kinds, " ") + "\n" + hex.EncodeToString(h.Sum(nil)) + "\n"
	const golden = "testdata/sums.golden"
	if *updateSums {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wantNames, _, _ := strings.Cut(string(want), "\n")
	gotNames, _, _ := strings.Cut(got, "\n")
	switch {
	case got == string(want):
	case gotNames == wantNames:
		t.Fatalf("the sums of the made-up record changed and their names did not (%s): raise the number in the names of the sums that count differently (analysis/sums.go), then run with -update", gotNames)
	default:
		t.Fatalf("the sums' names changed (%s, golden %s): run with -update", gotNames, wantNames)
	}
}

// madeUpRecord returns 600 decisions from 1946 to 2025, in date order,
// made from a fixed seed: the Council's members of each day voting at
// random (absences included), some decisions without a vote, of each
// matter and outcome, vetoes cast by the permanent members voting no.
func madeUpRecord() []unsc.Decision {
	rng := rand.New(rand.NewPCG(1945, 2025))
	positions := []unsc.Position{unsc.Yes, unsc.Yes, unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating}
	var ds []unsc.Decision
	date := day("1946-01-17")
	for i := range 600 {
		date = date.AddDate(0, 0, 1+rng.IntN(90))
		if date.After(day("2025-12-31")) {
			break
		}
		d := unsc.Decision{ID: int64(i + 1), Date: date, Meeting: "S/PV." + strconv.Itoa(i+1), Matter: unsc.Matter(rng.IntN(3)),
			Modality: unsc.ByVote, Recorded: unsc.Adopted}
		if rng.IntN(8) == 0 {
			d.Modality = unsc.WithoutVote
		} else if c, err := charter.CouncilOn(date); err == nil {
			v := map[unsc.Code]unsc.Position{}
			for _, m := range c.Members {
				if rng.IntN(12) > 0 {
					v[m.Code] = positions[rng.IntN(len(positions))]
				}
			}
			d.Votes = unsc.VotesOf(v)
			for _, p := range v {
				switch p {
				case unsc.Yes:
					d.Tally.Yes++
				case unsc.No:
					d.Tally.No++
				case unsc.Abstain:
					d.Tally.Abstain++
				}
			}
			d.Tally.Known = true
			d.Derived = unsc.Outcome(1 + rng.IntN(3))
			if d.Derived == unsc.Vetoed {
				for _, m := range c.Members {
					if m.Permanent && v[m.Code] == unsc.No {
						d.VetoedBy = append(d.VetoedBy, m.Code)
					}
				}
			}
		}
		d.Sources = []unsc.Source{unsc.SourceDHLMeetings}
		if date.Year() >= 1994 && rng.IntN(3) > 0 {
			d.Sources = append(d.Sources, unsc.SourceSpreadsheet)
		}
		if d.Derived == unsc.Adopted || d.Derived == 0 {
			d.Resolution = "S/RES/" + strconv.Itoa(i+1) + " (" + strconv.Itoa(date.Year()) + ")"
		}
		ds = append(ds, d)
	}
	return ds
}
