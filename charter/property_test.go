package charter_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"unsc"
	"unsc/charter"
)

var allPositions = []unsc.Position{unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating, unsc.Absent}

// drawBallot draws a Council on a date in 1946–2027 and a ballot with an
// arbitrary position for every member.
func drawBallot(t *rapid.T) (unsc.Council, unsc.Ballot) {
	days := int(charter.LastKnown.Sub(charter.FirstMeeting).Hours() / 24)
	d := charter.FirstMeeting.AddDate(0, 0, rapid.IntRange(0, days).Draw(t, "day"))
	c, err := charter.CouncilOn(d)
	if err != nil {
		t.Fatalf("CouncilOn(%v): %v", d, err)
	}
	b := unsc.Ballot{
		Date:      d,
		Matter:    rapid.SampledFrom([]unsc.Matter{unsc.NonProcedural, unsc.Procedural, unsc.Preliminary}).Draw(t, "matter"),
		Amendment: rapid.Bool().Draw(t, "amendment"),
		Votes:     unsc.VotesOf(map[unsc.Code]unsc.Position{}),
	}
	for _, m := range c.Members {
		if p := rapid.SampledFrom(allPositions).Draw(t, string(m.Code)); p != unsc.Absent {
			b.Votes = b.Votes.With(m.Code, p)
		}
	}
	return c, b
}

func withVote(b unsc.Ballot, code unsc.Code, p unsc.Position) unsc.Ballot {
	v := make(map[unsc.Code]unsc.Position, b.Votes.Len())
	for k, x := range b.Votes.All() {
		v[k] = x
	}
	if p == unsc.Absent {
		delete(v, code)
	} else {
		v[code] = p
	}
	b.Votes = unsc.VotesOf(v)
	return b
}

func mustDecide(t *rapid.T, c unsc.Council, b unsc.Ballot) unsc.Result {
	r, err := charter.Decide(c, b)
	if err != nil {
		t.Fatalf("Decide(%v): %v", b.Votes, err)
	}
	return r
}

// A permanent member's abstention, absence and non-participation are the
// same for the outcome: none is a veto.
func TestPropertyAbstentionAbsenceNonParticipationAlike(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, b := drawBallot(t)
		perm := rapid.SampledFrom(c.Members[:5]).Draw(t, "permanent")
		base := mustDecide(t, c, withVote(b, perm.Code, unsc.Abstain))
		for _, p := range []unsc.Position{unsc.Absent, unsc.NotParticipating} {
			if r := mustDecide(t, c, withVote(b, perm.Code, p)); r.Outcome != base.Outcome {
				t.Fatalf("%s abstaining gives %v, %v gives %v", perm.Code, base.Outcome, p, r.Outcome)
			}
		}
	})
}

// One more vote in favour never undoes an adoption.
func TestPropertyAddingYesKeepsAdoption(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, b := drawBallot(t)
		r := mustDecide(t, c, b)
		if r.Outcome != unsc.Adopted {
			return
		}
		m := rapid.SampledFrom(c.Members).Draw(t, "member")
		if r2 := mustDecide(t, c, withVote(b, m.Code, unsc.Yes)); r2.Outcome != unsc.Adopted {
			t.Fatalf("adopted ballot %v: %s voting yes gives %v", b.Votes, m.Code, r2.Outcome)
		}
	})
}

// Only permanent members veto, only with a negative vote, and only when the
// required votes were there.
func TestPropertyOnlyPermanentNoVetoes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, b := drawBallot(t)
		r := mustDecide(t, c, b)
		for _, m := range r.VetoedBy {
			if !m.Permanent || b.Votes.Of(m.Code) != unsc.No {
				t.Fatalf("Decide(%v) vetoed by %s (permanent %v, vote %v)", b.Votes, m.Code, m.Permanent, b.Votes.Of(m.Code))
			}
		}
		if (r.Outcome == unsc.Vetoed) != (len(r.VetoedBy) > 0) {
			t.Fatalf("Decide(%v) = %v with vetoed_by %v", b.Votes, r.Outcome, r.VetoedBy)
		}
		if r.Outcome == unsc.Vetoed && r.Yes < r.Required {
			t.Fatalf("Decide(%v) vetoed with %d yes of %d required", b.Votes, r.Yes, r.Required)
		}
		// An elected member switching to "no" never produces a veto.
		var elected []unsc.Member
		for _, m := range c.Members {
			if !m.Permanent {
				elected = append(elected, m)
			}
		}
		e := rapid.SampledFrom(elected).Draw(t, "elected")
		if r.Outcome != unsc.Vetoed {
			if r2 := mustDecide(t, c, withVote(b, e.Code, unsc.No)); r2.Outcome == unsc.Vetoed {
				t.Fatalf("Decide(%v) with %s voting no = vetoed", b.Votes, e.Code)
			}
		}
	})
}

// A procedural vote is never vetoed: it is adopted exactly when the
// required votes are there.
func TestPropertyProceduralNeverVetoed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, b := drawBallot(t)
		b.Matter = unsc.Procedural
		r := mustDecide(t, c, b)
		if r.Outcome == unsc.Vetoed || len(r.VetoedBy) > 0 {
			t.Fatalf("procedural Decide(%v) = %v by %v", b.Votes, r.Outcome, r.VetoedBy)
		}
		if (r.Outcome == unsc.Adopted) != (r.Yes >= r.Required) {
			t.Fatalf("procedural Decide(%v) = %v with %d yes, %d required", b.Votes, r.Outcome, r.Yes, r.Required)
		}
	})
}

// Every ballot the engine accepts comes back unchanged through its JSON
// form, and every decided ballot has a statement and an explanation.
func TestPropertyBallotJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c, b := drawBallot(t)
		w := map[string]any{"date": b.Date.Format("2006-01-02"), "matter": b.Matter.String(), "amendment": b.Amendment}
		v := map[string]string{}
		for code, p := range b.Votes.All() {
			v[string(code)] = p.Letter()
		}
		w["votes"] = v
		data, _ := json.Marshal(w)
		got, err := charter.ParseBallot(data)
		if err != nil {
			t.Fatalf("ParseBallot(%s): %v", data, err)
		}
		r1, r2 := mustDecide(t, c, b), mustDecide(t, c, got)
		if r1.Outcome != r2.Outcome || r1.Yes != r2.Yes || r1.Absent != r2.Absent {
			t.Fatalf("ParseBallot(%s) decides %v, original %v", data, r2.Outcome, r1.Outcome)
		}
		if charter.Statement(r1) == "" || charter.Explain(r1) == "" {
			t.Fatalf("empty statement or explanation for %v", b.Votes)
		}
	})
}

// FuzzParseBallot: no input panics the parser or the engine, and every
// error names its field.
func FuzzParseBallot(f *testing.F) {
	for _, s := range []string{
		`{"date":"2024-03-22","matter":"non-procedural","votes":{"USA":"Y","CHN":"N","RUS":"N","DZA":"N","GUY":"A"}}`,
		`{"date":"1950-06-25","votes":{"USA":"Y","YUG":"A"}}`,
		`{"date":"2006-09-15","matter":"procedural","votes":{"CHN":"N"}}`,
		`{"date":"2022-11-04","matter":"icj-election","seats":1,"candidates":[{"name":"Brant","votes":13}]}`,
		`{"date":"2021-06-08","modality":"acclamation"}`,
		`{"date":"2024-03-22","chapter":"VI","parties":["GBR"],"votes":{"GBR":"N"}}`,
		`{"date":"2024-03-22","votes":{"USA":"Y","USA":"N"}}`,
		`{"date":"1946-01-01"}`, `{`, `[]`, `{"votes":[1]}`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := charter.ParseBallot(data)
		if err != nil {
			checkNamed(t, data, err)
			return
		}
		c, err := charter.CouncilOn(b.Date)
		if err != nil {
			checkNamed(t, data, err)
			return
		}
		r, err := charter.Decide(c, b)
		if err != nil {
			checkNamed(t, data, err)
			return
		}
		_ = charter.Statement(r) + charter.Explain(r)
		_ = charter.NewResultJSON(r)
	})
}

func checkNamed(t *testing.T, data []byte, err error) {
	var e *unsc.Error
	if !errors.As(err, &e) || e.Code != unsc.EINVALID || e.Field == "" {
		t.Fatalf("ParseBallot/Decide(%q) error %v: want EINVALID naming a field", data, err)
	}
}

func BenchmarkDecide(b *testing.B) {
	c, err := charter.CouncilOn(time.Date(2024, 3, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	ballot := unsc.Ballot{Date: c.Date, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{
		"USA": unsc.Yes, "CHN": unsc.No, "RUS": unsc.No, "DZA": unsc.No, "GUY": unsc.Abstain,
		"GBR": unsc.Yes, "FRA": unsc.Yes, "JPN": unsc.Yes, "KOR": unsc.Yes, "MLT": unsc.Yes,
		"MOZ": unsc.Yes, "SLE": unsc.Yes, "SVN": unsc.Yes, "CHE": unsc.Yes, "ECU": unsc.Yes,
	})}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := charter.Decide(c, ballot); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCouncilAndDecide is what replaying one recorded decision costs:
// the composition on its date, then the decision.
func BenchmarkCouncilAndDecide(b *testing.B) {
	d := time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC)
	c, _ := charter.CouncilOn(d)
	ballot := unsc.Ballot{Date: d, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{})}
	for _, m := range c.Members {
		ballot.Votes = ballot.Votes.With(m.Code, unsc.Yes)
	}
	ballot.Votes = ballot.Votes.With("USA", unsc.Abstain)
	b.ReportAllocs()
	for b.Loop() {
		c, err := charter.CouncilOn(d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := charter.Decide(c, ballot); err != nil {
			b.Fatal(err)
		}
	}
}
