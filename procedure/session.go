package procedure

import (
	"fmt"
	"time"

	"unsc"
)

// Create returns the first event of a session's log, after checking the
// setup: members listed once each, the required majority within the
// Council's size, a known profile.
func Create(setup Setup, at time.Time) (Event, error) {
	if setup.ID == "" {
		return Event{}, invalid("id", "missing: want the session's ID")
	}
	if _, err := time.Parse(time.DateOnly, setup.Date); err != nil {
		return Event{}, invalid("date", "%q: want YYYY-MM-DD", setup.Date)
	}
	if len(setup.Members) < 1 || len(setup.Members) > 50 {
		return Event{}, invalid("members", "%d members: want 1 to 50", len(setup.Members))
	}
	seen := map[unsc.Code]bool{}
	for i, m := range setup.Members {
		field := fmt.Sprintf("members[%d]", i)
		if len(m.Code) < 2 || len(m.Code) > 8 {
			return Event{}, invalid(field+".code", "%q: want a code of 2 to 8 letters, such as USA", m.Code)
		}
		for _, r := range m.Code {
			if r < 'A' || r > 'Z' {
				return Event{}, invalid(field+".code", "%q: want capital letters A to Z, such as USA", m.Code)
			}
		}
		if seen[m.Code] {
			return Event{}, invalid(field+".code", "%s is listed twice", m.Code)
		}
		seen[m.Code] = true
		if m.Name == "" || len(m.Name) > maxShort {
			return Event{}, invalid(field+".name", "want the member's name, at most %d bytes", maxShort)
		}
	}
	if setup.Required < 1 || setup.Required > len(setup.Members) {
		return Event{}, invalid("required", "%d: want 1 to %d, the number of members", setup.Required, len(setup.Members))
	}
	if _, err := ProfileNamed(setup.Profile.Name); err != nil {
		return Event{}, err
	}
	if setup.FirstResolution < 1 {
		setup.FirstResolution = 1
	}
	return Event{Seq: 1, At: at, Kind: EvCreated, By: RoleOperator, Setup: &setup}, nil
}

// DefaultRequired is the majority a custom roster of n members needs: three
// fifths, rounded up, as the Charter's 9 of 15 (and 7 of 11).
func DefaultRequired(n int) int { return (3*n + 4) / 5 }

// Fold returns the state the events make, in order.
func Fold(events []Event) *State {
	s := New()
	for _, e := range events {
		s.Apply(e)
	}
	return s
}
