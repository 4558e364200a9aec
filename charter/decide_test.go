package charter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/charter"
)

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustCouncil(t testing.TB, day string) unsc.Council {
	t.Helper()
	c, err := charter.CouncilOn(date(day))
	if err != nil {
		t.Fatalf("CouncilOn(%s): %v", day, err)
	}
	return c
}

// votes builds a ballot's votes: every member of c votes def, except those
// named in except.
func votes(c unsc.Council, def unsc.Position, except map[unsc.Code]unsc.Position) map[unsc.Code]unsc.Position {
	v := make(map[unsc.Code]unsc.Position, len(c.Members))
	for _, m := range c.Members {
		v[m.Code] = def
	}
	for code, p := range except {
		if p == unsc.Absent {
			delete(v, code)
			continue
		}
		v[code] = p
	}
	return v
}

func codesOf(ms []unsc.Member) []unsc.Code {
	var out []unsc.Code
	for _, m := range ms {
		out = append(out, m.Code)
	}
	return out
}

const (
	Y = unsc.Yes
	N = unsc.No
	A = unsc.Abstain
	X = unsc.NotParticipating
	O = unsc.Absent
)

func TestDecide(t *testing.T) {
	tests := []struct {
		name     string
		day      string
		matter   unsc.Matter
		def      unsc.Position
		except   map[unsc.Code]unsc.Position
		outcome  unsc.Outcome
		vetoedBy []unsc.Code
		yes      int
		required int
	}{
		{"unanimous", "2024-01-10", unsc.NonProcedural, Y, nil, unsc.Adopted, nil, 15, 9},
		{"P5 abstention is not a veto (res 2728)", "2024-03-25", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"USA": A}, unsc.Adopted, nil, 14, 9},
		{"P5 absence is not a veto (res 82)", "1950-06-25", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"SUN": O, "YUG": A}, unsc.Adopted, nil, 9, 7},
		{"P5 non-participation is not a veto", "1972-01-10", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"CHN": X}, unsc.Adopted, nil, 14, 9},
		{"one P5 no with 9 yes is a veto", "2023-12-08", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"USA": N, "GBR": A}, unsc.Vetoed, []unsc.Code{"USA"}, 13, 9},
		{"two P5 no: both veto, in Council order", "2024-03-22", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"RUS": N, "CHN": N, "DZA": N, "GUY": A}, unsc.Vetoed, []unsc.Code{"CHN", "RUS"}, 11, 9},
		{"P5 no short of votes is no veto (S/1732)", "1950-09-28", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"CHN": N, "CUB": N, "USA": N, "EGY": A, "IND": A}, unsc.Failed, nil, 6, 7},
		{"8 yes fails without a veto", "2023-06-01", unsc.NonProcedural, A,
			map[unsc.Code]unsc.Position{"USA": N, "ALB": Y, "ECU": Y, "JPN": Y, "MLT": Y, "MOZ": Y, "CHE": Y, "GBR": Y, "FRA": Y}, unsc.Failed, nil, 8, 9},
		{"procedural: P5 no is not a veto (Myanmar 2006)", "2006-09-15", unsc.Procedural, Y,
			map[unsc.Code]unsc.Position{"CHN": N, "RUS": N, "COG": N, "QAT": N, "TZA": A}, unsc.Adopted, nil, 10, 9},
		{"procedural: 7 of 11 (res 87)", "1950-09-29", unsc.Procedural, Y,
			map[unsc.Code]unsc.Position{"CHN": N, "CUB": N, "USA": N, "EGY": A}, unsc.Adopted, nil, 7, 7},
		{"procedural short of votes", "2023-06-01", unsc.Procedural, A,
			map[unsc.Code]unsc.Position{"ALB": Y, "ECU": Y}, unsc.Failed, nil, 2, 9},
		{"elected member's no is never a veto", "2024-03-22", unsc.NonProcedural, Y,
			map[unsc.Code]unsc.Position{"DZA": N}, unsc.Adopted, nil, 14, 9},
		{"preliminary question: double veto (1948)", "1948-05-24", unsc.Preliminary, Y,
			map[unsc.Code]unsc.Position{"SUN": N, "UKR": N, "FRA": A}, unsc.Vetoed, []unsc.Code{"SUN"}, 8, 7},
		{"11-member era: 7 required", "1965-12-31", unsc.NonProcedural, A,
			map[unsc.Code]unsc.Position{"USA": Y, "GBR": Y, "FRA": Y, "CHN": Y, "SUN": Y, "BOL": Y, "CIV": Y}, unsc.Adopted, nil, 7, 7},
		{"15-member era: 7 no longer enough", "1966-01-03", unsc.NonProcedural, A,
			map[unsc.Code]unsc.Position{"USA": Y, "GBR": Y, "FRA": Y, "CHN": Y, "SUN": Y, "JPN": Y, "NGA": Y}, unsc.Failed, nil, 7, 9},
		{"everyone absent", "2024-01-10", unsc.NonProcedural, O, nil, unsc.Failed, nil, 0, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCouncil(t, tt.day)
			b := unsc.Ballot{Date: c.Date, Matter: tt.matter, Votes: unsc.VotesOf(votes(c, tt.def, tt.except))}
			r, err := charter.Decide(c, b)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if r.Outcome != tt.outcome {
				t.Errorf("Decide(%v).Outcome = %v, want %v (%s)", b.Votes, r.Outcome, tt.outcome, charter.Explain(r))
			}
			if diff := cmp.Diff(tt.vetoedBy, codesOf(r.VetoedBy)); diff != "" {
				t.Errorf("Decide(%v).VetoedBy mismatch (-want +got):\n%s", b.Votes, diff)
			}
			if r.Yes != tt.yes || r.Required != tt.required {
				t.Errorf("Decide(%v) yes/required = %d/%d, want %d/%d", b.Votes, r.Yes, r.Required, tt.yes, tt.required)
			}
			if got := r.Yes + r.No + r.Abstain + r.NotParticipating + r.Absent; got != c.Size() {
				t.Errorf("Decide(%v) counts add up to %d, want the Council's %d", b.Votes, got, c.Size())
			}
		})
	}
}

func TestDecideObligatoryAbstention(t *testing.T) {
	c := mustCouncil(t, "2024-03-22")
	// The United Kingdom, a party to a Chapter VI dispute, casts "no": it is
	// bound to abstain, so its vote is neither a veto nor counted as no.
	b := unsc.Ballot{Date: c.Date, Chapter: "VI", Parties: []unsc.Code{"GBR", "ARG"},
		Votes: unsc.VotesOf(votes(c, Y, map[unsc.Code]unsc.Position{"GBR": N}))}
	r, err := charter.Decide(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != unsc.Adopted || r.No != 0 || r.Abstain != 1 {
		t.Errorf("Decide(Chapter VI, party GBR votes no) = %v, no %d, abstain %d; want adopted, 0, 1", r.Outcome, r.No, r.Abstain)
	}
	if diff := cmp.Diff([]unsc.Code{"GBR"}, codesOf(r.Obliged)); diff != "" {
		t.Errorf("Obliged mismatch (-want +got):\n%s", diff)
	}
	// Under Chapter VII the same vote is a veto: the proviso does not apply.
	b.Chapter = "VII"
	if r, _ := charter.Decide(c, b); r.Outcome != unsc.Vetoed {
		t.Errorf("Decide(Chapter VII, party GBR votes no) = %v, want vetoed", r.Outcome)
	}
	// A party's yes does not count either.
	b.Chapter = "52(3)"
	b.Votes = unsc.VotesOf(votes(c, A, map[unsc.Code]unsc.Position{"GBR": Y, "USA": Y, "FRA": Y, "CHN": Y, "RUS": Y, "DZA": Y, "GUY": Y, "JPN": Y, "KOR": Y}))
	if r, _ := charter.Decide(c, b); r.Outcome != unsc.Failed || r.Yes != 8 {
		t.Errorf("Decide(Art. 52(3), party GBR votes yes, 9 yes in all) = %v with %d yes, want failed with 8", r.Outcome, r.Yes)
	}
}

func TestDecideAmendment(t *testing.T) {
	c := mustCouncil(t, "2024-03-25")
	// The oral amendment to S/2024/254: 3-1-11, the US against — no veto,
	// the amendment lacked the votes.
	b := unsc.Ballot{Date: c.Date, Amendment: true, Votes: unsc.VotesOf(votes(c, A, map[unsc.Code]unsc.Position{"USA": N, "RUS": Y, "CHN": Y, "DZA": Y}))}
	r, err := charter.Decide(c, b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != unsc.Failed || len(r.VetoedBy) != 0 {
		t.Errorf("Decide(amendment 3-1-11) = %v vetoed by %v, want failed, no veto", r.Outcome, codesOf(r.VetoedBy))
	}
	// An amendment to a non-procedural draft with the votes can be vetoed.
	b.Votes = unsc.VotesOf(votes(c, Y, map[unsc.Code]unsc.Position{"USA": N}))
	if r, _ := charter.Decide(c, b); r.Outcome != unsc.Vetoed {
		t.Errorf("Decide(amendment 14-1-0, US against) = %v, want vetoed", r.Outcome)
	}
	// An amendment to a procedural proposal cannot.
	b.Matter = unsc.Procedural
	if r, _ := charter.Decide(c, b); r.Outcome != unsc.Adopted {
		t.Errorf("Decide(procedural amendment 14-1-0) = %v, want adopted", r.Outcome)
	}
}

func TestDecideWithoutVote(t *testing.T) {
	c := mustCouncil(t, "2021-06-08")
	for _, m := range []unsc.Modality{unsc.WithoutVote, unsc.ByAcclamation} {
		r, err := charter.Decide(c, unsc.Ballot{Date: c.Date, Modality: m})
		if err != nil || r.Outcome != unsc.Adopted {
			t.Errorf("Decide(%v) = %v, %v; want adopted", m, r.Outcome, err)
		}
	}
	_, err := charter.Decide(c, unsc.Ballot{Date: c.Date, Modality: unsc.ByAcclamation, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": Y})})
	if unsc.ErrorCode(err) != unsc.EINVALID {
		t.Errorf("Decide(acclamation with votes) error = %v, want code %s", err, unsc.EINVALID)
	}
}

func TestDecideICJElection(t *testing.T) {
	c := mustCouncil(t, "2022-11-04")
	tests := []struct {
		name       string
		seats      int
		candidates []unsc.Candidate
		outcome    unsc.Outcome
		elected    []string
		rerun      bool
	}{
		{"Brant elected (2022)", 1, []unsc.Candidate{{Name: "Brant", Votes: 13}, {Name: "Kohen", Votes: 2}, {Name: "Casella", Votes: 0}}, unsc.Adopted, []string{"Brant"}, false},
		{"8 of 15 is the majority", 1, []unsc.Candidate{{Name: "A", Votes: 8}, {Name: "B", Votes: 7}}, unsc.Adopted, []string{"A"}, false},
		{"7 of 15 is not", 1, []unsc.Candidate{{Name: "A", Votes: 7}, {Name: "B", Votes: 7}}, unsc.Failed, nil, false},
		{"more majorities than seats: repeat", 2, []unsc.Candidate{{Name: "A", Votes: 10}, {Name: "B", Votes: 9}, {Name: "C", Votes: 8}}, unsc.Failed, nil, true},
		{"one of two seats filled", 2, []unsc.Candidate{{Name: "A", Votes: 12}, {Name: "B", Votes: 7}, {Name: "C", Votes: 6}}, unsc.Failed, []string{"A"}, false},
		{"permanent members have no veto", 1, []unsc.Candidate{{Name: "A", Votes: 10}, {Name: "B", Votes: 5}}, unsc.Adopted, []string{"A"}, false},
	}
	for _, tt := range tests {
		r, err := charter.Decide(c, unsc.Ballot{Date: c.Date, Matter: unsc.ICJElection, Seats: tt.seats, Candidates: tt.candidates})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if r.Outcome != tt.outcome || r.Rerun != tt.rerun || r.Required != 8 {
			t.Errorf("%s: Decide = %v rerun %v required %d, want %v rerun %v required 8", tt.name, r.Outcome, r.Rerun, r.Required, tt.outcome, tt.rerun)
		}
		if diff := cmp.Diff(tt.elected, r.Elected); diff != "" {
			t.Errorf("%s: Elected mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	// 6 of 11 in the 11-member Council.
	old := mustCouncil(t, "1960-11-16")
	if r, _ := charter.Decide(old, unsc.Ballot{Date: old.Date, Matter: unsc.ICJElection, Seats: 1, Candidates: []unsc.Candidate{{Name: "A", Votes: 6}, {Name: "B", Votes: 5}}}); r.Required != 6 || r.Outcome != unsc.Adopted {
		t.Errorf("Decide(ICJ 1960, 6 of 11) = %v required %d, want adopted, 6", r.Outcome, r.Required)
	}
}

func TestDecideErrors(t *testing.T) {
	c := mustCouncil(t, "2024-03-22")
	tests := []struct {
		name  string
		b     unsc.Ballot
		field string
	}{
		{"not a member", unsc.Ballot{Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": Y, "DEU": Y})}, "votes.DEU"},
		{"bad chapter", unsc.Ballot{Chapter: "XX"}, "chapter"},
		{"candidates on a draft", unsc.Ballot{Candidates: []unsc.Candidate{{Name: "A", Votes: 1}}}, "candidates"},
		{"ICJ without candidates", unsc.Ballot{Matter: unsc.ICJElection, Seats: 1}, "candidates"},
		{"ICJ without seats", unsc.Ballot{Matter: unsc.ICJElection, Candidates: []unsc.Candidate{{Name: "A", Votes: 9}}}, "seats"},
		{"ICJ with member votes", unsc.Ballot{Matter: unsc.ICJElection, Seats: 1, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": Y})}, "votes"},
		{"ICJ too many votes", unsc.Ballot{Matter: unsc.ICJElection, Seats: 1, Candidates: []unsc.Candidate{{Name: "A", Votes: 9}, {Name: "B", Votes: 9}}}, "candidates"},
		{"ICJ negative votes", unsc.Ballot{Matter: unsc.ICJElection, Seats: 1, Candidates: []unsc.Candidate{{Name: "A", Votes: -1}}}, "candidates[0].votes"},
	}
	for _, tt := range tests {
		_, err := charter.Decide(c, tt.b)
		var e *unsc.Error
		if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field != tt.field {
			t.Errorf("%s: Decide error = %v, want EINVALID on field %q", tt.name, err, tt.field)
		}
	}
}

func TestRulesVariants(t *testing.T) {
	c := mustCouncil(t, "2024-03-22")
	oneNo := unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, Y, map[unsc.Code]unsc.Position{"USA": N}))}
	twoNo := unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, Y, map[unsc.Code]unsc.Position{"USA": N, "RUS": N}))}
	electedNo := unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, Y, map[unsc.Code]unsc.Position{"JPN": N}))}
	atrocity := oneNo
	atrocity.Atrocity = true
	sevenYes := unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(votes(c, A, map[unsc.Code]unsc.Position{"USA": Y, "GBR": Y, "FRA": Y, "CHN": Y, "RUS": Y, "JPN": Y, "KOR": Y}))}
	tests := []struct {
		rules charter.Rules
		b     unsc.Ballot
		want  unsc.Outcome
	}{
		{charter.Charter, oneNo, unsc.Vetoed},
		{charter.Rules{Name: "no veto"}, oneNo, unsc.Adopted},
		{charter.Rules{Name: "two to veto", VetoThreshold: 2}, oneNo, unsc.Adopted},
		{charter.Rules{Name: "two to veto", VetoThreshold: 2}, twoNo, unsc.Vetoed},
		{charter.Rules{Name: "deny USA", VetoThreshold: 1, Deny: []unsc.Code{"USA"}}, oneNo, unsc.Adopted},
		{charter.Rules{Name: "grant JPN", VetoThreshold: 1, Grant: []unsc.Code{"JPN"}}, electedNo, unsc.Vetoed},
		{charter.Rules{Name: "atrocities", VetoThreshold: 1, NoVetoOnAtrocities: true}, atrocity, unsc.Adopted},
		{charter.Rules{Name: "atrocities", VetoThreshold: 1, NoVetoOnAtrocities: true}, oneNo, unsc.Vetoed},
		{charter.Charter, sevenYes, unsc.Failed},
		{charter.Rules{Name: "11-member rules", Required: 7, VetoThreshold: 1}, sevenYes, unsc.Adopted},
	}
	for _, tt := range tests {
		r, err := tt.rules.Decide(c, tt.b)
		if err != nil || r.Outcome != tt.want {
			t.Errorf("Rules{%s}.Decide(%v) = %v, %v; want %v", tt.rules.Name, tt.b.Votes, r.Outcome, err, tt.want)
		}
	}
}

func TestDecideTally(t *testing.T) {
	tests := []struct {
		day      string
		matter   unsc.Matter
		tally    unsc.Tally
		noBy     []unsc.Code
		want     unsc.Outcome
		vetoedBy []unsc.Code
	}{
		// The first veto: 9 in favour, the USSR against (16 Feb 1946).
		{"1946-02-16", unsc.NonProcedural, unsc.Tally{Yes: 9, No: 1}, []unsc.Code{"SUN"}, unsc.Vetoed, []unsc.Code{"SUN"}},
		// Res 83 (1950): 7-1-0 with two not participating, the USSR absent.
		{"1950-06-27", unsc.NonProcedural, unsc.Tally{Yes: 7, No: 1}, []unsc.Code{"YUG"}, unsc.Adopted, nil},
		// S/1732: 6-3-2, China and the US against — short of votes.
		{"1950-09-28", unsc.NonProcedural, unsc.Tally{Yes: 6, No: 3, Abstain: 2}, []unsc.Code{"CHN", "CUB", "USA"}, unsc.Failed, nil},
		{"2006-09-15", unsc.Procedural, unsc.Tally{Yes: 10, No: 4, Abstain: 1}, []unsc.Code{"CHN", "RUS"}, unsc.Adopted, nil},
		{"2023-12-08", unsc.NonProcedural, unsc.Tally{Yes: 13, No: 1, Abstain: 1}, []unsc.Code{"USA"}, unsc.Vetoed, []unsc.Code{"USA"}},
	}
	for _, tt := range tests {
		c := mustCouncil(t, tt.day)
		r, err := charter.Charter.DecideTally(c, unsc.Ballot{Date: c.Date, Matter: tt.matter}, tt.tally, tt.noBy)
		if err != nil {
			t.Fatalf("DecideTally(%s, %+v): %v", tt.day, tt.tally, err)
		}
		if r.Outcome != tt.want {
			t.Errorf("DecideTally(%s, %+v, %v) = %v, want %v", tt.day, tt.tally, tt.noBy, r.Outcome, tt.want)
		}
		if diff := cmp.Diff(tt.vetoedBy, codesOf(r.VetoedBy)); diff != "" {
			t.Errorf("DecideTally(%s) VetoedBy mismatch (-want +got):\n%s", tt.day, diff)
		}
	}
	c := mustCouncil(t, "2024-03-22")
	for _, bad := range []struct {
		tally unsc.Tally
		noBy  []unsc.Code
	}{
		{unsc.Tally{Yes: 14, No: 2}, nil},
		{unsc.Tally{Yes: 9, No: 1}, []unsc.Code{"USA", "RUS"}},
		{unsc.Tally{Yes: 9, No: 1}, []unsc.Code{"DEU"}},
		{unsc.Tally{Yes: -1}, nil},
	} {
		if _, err := charter.Charter.DecideTally(c, unsc.Ballot{Date: c.Date}, bad.tally, bad.noBy); unsc.ErrorCode(err) != unsc.EINVALID {
			t.Errorf("DecideTally(%+v, %v) error = %v, want %s", bad.tally, bad.noBy, err, unsc.EINVALID)
		}
	}
}
