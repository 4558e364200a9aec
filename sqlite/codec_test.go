package sqlite

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
)

func TestSubjectsRoundTrip(t *testing.T) {
	tests := [][]string{
		nil,
		{},
		{""},
		{"GAZA STRIP"},
		{"a", "b", "c"},
		{`say "no"`, `back\slash`, "tab\there", "line\nbreak", "comma,inside", `","`, "Côte d'Ivoire", "\x01"},
		{"[", "]", `"`},
	}
	for _, in := range tests {
		v := encodeSubjects(in)
		s, valid := v.(string)
		got, err := decodeSubjects(s, valid)
		if err != nil {
			t.Errorf("decodeSubjects(encodeSubjects(%q) = %q) = %v", in, s, err)
			continue
		}
		if diff := cmp.Diff(in, got); diff != "" {
			t.Errorf("decodeSubjects(encodeSubjects(%q) = %q) mismatch (-in +out):\n%s", in, s, diff)
		}
	}
	// Any JSON array of strings reads, however it is spaced.
	got, err := decodeSubjects(`[ "a" , "b\u0041" ]`, true)
	if diff := cmp.Diff([]string{"a", "bA"}, got); err != nil || diff != "" {
		t.Errorf("decodeSubjects(spaced JSON) = %q, %v; want [a bA]", got, err)
	}
	if _, err := decodeSubjects(`["a"`, true); err == nil {
		t.Errorf("decodeSubjects(truncated JSON) = nil error, want an error")
	}
}

func TestVotesRoundTrip(t *testing.T) {
	tests := []map[unsc.Code]unsc.Position{
		nil,
		{},
		{"USA": unsc.No},
		{"USA": unsc.No, "CHN": unsc.Yes, "FRA": unsc.Abstain, "SUN": unsc.NotParticipating, "IND": unsc.Absent},
	}
	for _, in := range tests {
		v, why := encodeVotes(unsc.VotesOf(in))
		if why != "" {
			t.Fatalf("encodeVotes(%v): %s", in, why)
		}
		s, valid := v.(string)
		got, err := decodeVotes(s, valid)
		if err != nil {
			t.Errorf("decodeVotes(%q) = %v", s, err)
			continue
		}
		if diff := cmp.Diff(unsc.VotesOf(in), got); diff != "" {
			t.Errorf("decodeVotes(encodeVotes(%v) = %q) mismatch (-in +out):\n%s", in, s, diff)
		}
	}
	if v, _ := encodeVotes(unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.No, "CHN": unsc.Yes, "FRA": unsc.Abstain})); v != "CHN=Y FRA=A USA=N" {
		t.Errorf("encodeVotes = %q, want the codes in order: CHN=Y FRA=A USA=N", v)
	}
	for _, bad := range []map[unsc.Code]unsc.Position{{"": unsc.Yes}, {"U A": unsc.Yes}, {"USA": unsc.Position(7)}} {
		if _, why := encodeVotes(unsc.VotesOf(bad)); why == "" {
			t.Errorf("encodeVotes(%v) accepted, want it refused", bad)
		}
	}
}

func TestReportColumns(t *testing.T) {
	for i, want := range map[int]string{reportID: "id", reportRef: "ref", reportHash: "hash"} {
		if reportColumns[i] != want {
			t.Errorf("reportColumns[%d] = %q, want %q", i, reportColumns[i], want)
		}
	}
	v, why := reportValues(&unsc.Report{Source: "s", Key: "k"})
	if why != "" || len(v) != len(reportColumns) {
		t.Errorf("reportValues = %d values (%s), want %d, one per column", len(v), why, len(reportColumns))
	}
}
