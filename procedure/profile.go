package procedure

import (
	"slices"

	"unsc"
)

// Profile is a named set of rules a session runs under. The Charter profile
// is the default; the others are Model UN conventions that are not Council
// rules (RULES.md §3), offered only by name.
type Profile struct {
	// Name identifies the profile ("charter", "mun").
	Name string `json:"name"`
	// Description says in one sentence what differs from the Charter.
	Description string `json:"description"`
	// PresentVotingMayNotAbstain forbids a member that answered the roll
	// call "present and voting" to abstain (a Model UN convention).
	PresentVotingMayNotAbstain bool `json:"present_voting_may_not_abstain"`
	// Closure offers the motion to close debate, carried by two thirds of
	// the members present and voting, with no veto (a Model UN convention).
	Closure bool `json:"closure"`
	// SpeakingTime is the default speaking time in seconds.
	SpeakingTime int `json:"speaking_time"`
}

// Profiles lists every profile, the default first.
var Profiles = []Profile{
	{
		Name:         "charter",
		Description:  "The Charter and the Provisional Rules of Procedure as the Council applies them.",
		SpeakingTime: 300,
	},
	{
		Name: "mun",
		Description: "Model UN conventions on top of the Charter: a member that answered the roll call " +
			"\"present and voting\" may not abstain; a motion to close debate is carried by two thirds " +
			"of the members present and voting, with no veto; speeches of 90 seconds.",
		PresentVotingMayNotAbstain: true,
		Closure:                    true,
		SpeakingTime:               90,
	},
}

// ProfileNamed returns the profile of that name; "" is the Charter profile.
func ProfileNamed(name string) (Profile, error) {
	if name == "" {
		return Profiles[0], nil
	}
	i := slices.IndexFunc(Profiles, func(p Profile) bool { return p.Name == name })
	if i < 0 {
		return Profile{}, unsc.Errorf(unsc.EINVALID, "profile", "unknown profile %q: want charter or mun", name)
	}
	return Profiles[i], nil
}
