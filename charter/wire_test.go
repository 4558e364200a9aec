package charter_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
)

func TestParseBallot(t *testing.T) {
	b, err := charter.ParseBallot([]byte(`{"date": "2024-03-25", "matter": "non-procedural", "amendment": true,
		"votes": {"USA": "N", "RUS": "Y", "CHN": "Y", "DZA": "Y", "GBR": "A"}, "chapter": "VI", "parties": ["ISR"]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := unsc.Ballot{
		Date: date("2024-03-25"), Matter: unsc.NonProcedural, Amendment: true, Chapter: "VI", Parties: []unsc.Code{"ISR"},
		Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.No, "RUS": unsc.Yes, "CHN": unsc.Yes, "DZA": unsc.Yes, "GBR": unsc.Abstain}),
	}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("ParseBallot mismatch (-want +got):\n%s", diff)
	}

	icj, err := charter.ParseBallot([]byte(`{"date":"2022-11-04","matter":"icj-election","seats":1,"candidates":[{"name":"Brant","votes":13},{"name":"Kohen","votes":2}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]unsc.Candidate{{Name: "Brant", Votes: 13}, {Name: "Kohen", Votes: 2}}, icj.Candidates); diff != "" || icj.Seats != 1 || icj.Matter != unsc.ICJElection {
		t.Errorf("ParseBallot(ICJ) = %+v, want 1 seat, icj-election, candidates as given (%s)", icj, diff)
	}
}

func TestParseBallotErrors(t *testing.T) {
	tests := []struct {
		in    string
		field string
	}{
		{`{"date": "2024-03-22", "votes": {"USA": "Y",`, "ballot"},
		{`not json`, "ballot"},
		{``, "ballot"},
		{`[1, 2]`, "ballot"},
		{`{"date": "2024-03-22"} {}`, "ballot"},
		{`{"votes": {}}`, "date"},
		{`{"date": "22/03/2024"}`, "date"},
		{`{"date": 20240322}`, "date"},
		{`{"date": "2024-03-22", "matter": "important"}`, "matter"},
		{`{"date": "2024-03-22", "modality": "shouting"}`, "modality"},
		{`{"date": "2024-03-22", "votes": {"USA": "Q"}}`, "votes.USA"},
		{`{"date": "2024-03-22", "votes": {"USA": "-"}}`, "votes.USA"},
		{`{"date": "2024-03-22", "votes": {"USA": 1}}`, "votes.USA"},
		{`{"date": "2024-03-22", "votes": {"USA": "Y", "USA": "N"}}`, "votes.USA"},
		{`{"date": "2024-03-22", "votes": {"USA": "Y", "usa": "N"}}`, "votes.usa"},
		{`{"date": "2024-03-22", "votes": {"US": "Y"}}`, "votes.US"},
		{`{"date": "2024-03-22", "votes": ["USA"]}`, "votes"},
		{`{"date": "2024-03-22", "vote": {"USA": "Y"}}`, "vote"},
		{`{"date": "2024-03-22", "parties": ["United Kingdom"]}`, "parties[0]"},
		{`{"date": "2024-03-22", "matter": "icj-election", "candidates": [{"votes": 3}]}`, "candidates[0].name"},
		{`{"date": "2024-03-22", "votes": {"USA": "Y"}, "votes": {"USA": "N"}}`, "votes"},
		{`{"date": "2024-03-22", "date": "2024-03-25"}`, "date"},
		{`{"date": "2024-03-22", "Votes": {"USA": "Y"}}`, "Votes"},
		{`{"DATE": "2024-03-22"}`, "DATE"},
		{`{"date": "2024-03-22", "matter": "icj-election", "seats": 1, "candidates": [{"name": "A", "votes": 3, "votes": 9}]}`, "candidates[0].votes"},
		{`{"date": "2024-03-22", "matter": "icj-election", "seats": 1, "candidates": [{"name": "A", "votes": 3}, {"Name": "B", "votes": 9}]}`, "candidates[1].Name"},
	}
	for _, tt := range tests {
		_, err := charter.ParseBallot([]byte(tt.in))
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != tt.field {
			t.Errorf("ParseBallot(%s) error = %v, want EINVALID on field %q", tt.in, err, tt.field)
		}
	}
}

func TestStatementAndExplain(t *testing.T) {
	c := mustCouncil(t, "2024-03-22")
	r, err := charter.Decide(c, unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, unsc.Yes, map[unsc.Code]unsc.Position{"CHN": unsc.No, "RUS": unsc.No, "DZA": unsc.No, "GUY": unsc.Abstain}))})
	if err != nil {
		t.Fatal(err)
	}
	want := "There were 11 votes in favour, 3 votes against and 1 abstention. The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council."
	if got := charter.Statement(r); got != want {
		t.Errorf("Statement = %q, want %q", got, want)
	}
	want = "Not adopted: 11 in favour (9 required), but two permanent members, China and the Russian Federation, voted against — a veto."
	if got := charter.Explain(r); got != want {
		t.Errorf("Explain = %q, want %q", got, want)
	}
}

// TestStatementNumbers checks the count in the President's formula in the
// singular, the plural and zero: "There was 1 vote in favour", never
// "There were 1 vote"; the veto formula stays the Council's, in the
// singular.
func TestStatementNumbers(t *testing.T) {
	c := mustCouncil(t, "2024-03-25")
	tests := []struct {
		votes map[unsc.Code]unsc.Position
		def   unsc.Position
		want  string
	}{
		{map[unsc.Code]unsc.Position{"RUS": unsc.Yes}, unsc.No,
			"There was 1 vote in favour, 14 votes against and no abstentions. The draft resolution has not been adopted, having failed to obtain the required number of votes."},
		{map[unsc.Code]unsc.Position{"RUS": unsc.Yes, "CHN": unsc.No}, unsc.Abstain,
			"There was 1 vote in favour, 1 vote against and 13 abstentions. The draft resolution has not been adopted, having failed to obtain the required number of votes."},
		{map[unsc.Code]unsc.Position{"USA": unsc.No, "GBR": unsc.Abstain}, unsc.Yes,
			"There were 13 votes in favour, 1 vote against and 1 abstention. The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council."},
		{map[unsc.Code]unsc.Position{"USA": unsc.No, "RUS": unsc.No}, unsc.Yes,
			"There were 13 votes in favour, 2 votes against and no abstentions. The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council."},
		{nil, unsc.Abstain,
			"There were no votes in favour, no votes against and 15 abstentions. The draft resolution has not been adopted, having failed to obtain the required number of votes."},
	}
	for _, tt := range tests {
		r, err := charter.Decide(c, unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, tt.def, tt.votes))})
		if err != nil {
			t.Fatal(err)
		}
		if got := charter.Statement(r); got != tt.want {
			t.Errorf("Statement(%v, others %v) = %q, want %q", tt.votes, tt.def, got, tt.want)
		}
	}
}

// TestBallotCodesInAnyCase checks that a ballot's member codes are read in
// any case, as every command reads them.
func TestBallotCodesInAnyCase(t *testing.T) {
	upper, err := charter.ParseBallot([]byte(`{"date": "2024-03-22", "chapter": "VI", "parties": ["DZA"], "votes": {"USA": "Y", "CHN": "N", "DZA": "A"}}`))
	if err != nil {
		t.Fatal(err)
	}
	lower, err := charter.ParseBallot([]byte(`{"date": "2024-03-22", "chapter": "VI", "parties": ["dza"], "votes": {"usa": "Y", "Chn": "N", "dza": "A"}}`))
	if err != nil {
		t.Fatalf("ParseBallot with codes in lower case: %v", err)
	}
	if diff := cmp.Diff(upper, lower); diff != "" {
		t.Errorf("ballot with codes in lower case differs (-upper +lower):\n%s", diff)
	}
}
