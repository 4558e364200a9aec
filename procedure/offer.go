package procedure

// Offer is one action the rules allow an actor at the moment, as a page
// offers it: the action, its subject, and the rule it follows.
type Offer struct {
	Action   string       `json:"action"`
	Ref      int          `json:"ref,omitempty"`
	When     string       `json:"when,omitempty"`
	Motion   string       `json:"motion,omitempty"`
	Question *QuestionRef `json:"question,omitempty"`
	Rule     string       `json:"rule"`
}

// Offers returns every action the rules allow actor by in state s, each
// with its subject. It asks Decide, so an action offered is an action
// accepted; arguments a person writes (a text, a position) are filled with
// placeholders for the question.
func Offers(s *State, by Actor) []Offer {
	var out []Offer
	try := func(a Action) {
		a.By = by
		if _, err := Decide(s, a); err == nil {
			out = append(out, Offer{Action: a.Kind, Ref: a.Ref, When: a.When, Motion: a.Motion, Question: a.Question, Rule: Rule(a.Kind)})
		}
	}
	const x = "…"
	for _, kind := range ActionKinds {
		a := Action{Kind: kind}
		switch kind {
		case "answer-roll":
			a.Position = "present"
			try(a)
		case "propose-agenda", "point-of-order":
			a.Text = x
			try(a)
		case "request-floor":
			try(a)
			for _, d := range s.Drafts {
				for _, when := range []string{"before", "after"} {
					try(Action{Kind: kind, Args: Args{Ref: d.ID, When: when}})
				}
			}
		case "set-speaking-time":
			a.Seconds = 60
			try(a)
		case "table-draft":
			a.Symbol = "\x00 unused"
			try(a)
		case "withdraw-draft", "raise-preliminary":
			for _, d := range s.Drafts {
				try(Action{Kind: kind, Args: Args{Ref: d.ID}})
			}
		case "propose-amendment":
			for _, d := range s.Drafts {
				try(Action{Kind: kind, Args: Args{Ref: d.ID, Op: OpAdd, Text: x}})
			}
		case "request-division":
			for _, d := range s.Drafts {
				if len(d.Text) > 1 {
					try(Action{Kind: kind, Args: Args{Ref: d.ID, Parts: []int{1}}})
				}
			}
		case "order-amendments":
			for _, d := range s.Drafts {
				if d.Status == Pending {
					try(Action{Kind: kind, Args: Args{Ref: d.ID, Order: s.pendingAmendments(&d)}})
				}
			}
		case "withdraw-amendment":
			for _, am := range s.Amendments {
				try(Action{Kind: kind, Args: Args{Ref: am.ID}})
			}
		case "object-division", "grant-division":
			for _, dv := range s.Divisions {
				try(Action{Kind: kind, Args: Args{Ref: dv.ID}})
			}
		case "move":
			for _, m := range motionOrder {
				b := Action{Kind: kind, Args: Args{Motion: m}}
				if m == MotionAdjournTo || m == MotionRefer {
					b.Text = x
				}
				try(b)
			}
		case "withdraw-motion":
			for _, m := range s.Motions {
				try(Action{Kind: kind, Args: Args{Ref: m.ID}})
			}
		case "rule-point":
			a.Text = x
			try(a)
		case "challenge-ruling":
			for _, p := range s.Points {
				try(Action{Kind: kind, Args: Args{Ref: p.ID}})
			}
		case "open-vote":
			for _, q := range s.candidateQuestions() {
				try(Action{Kind: kind, Args: Args{Question: &q}})
			}
		case "cast-ballot":
			a.Ref, a.Position = s.Current, "Y"
			try(a)
		default:
			try(a)
		}
	}
	return out
}

// candidateQuestions lists every question that might be put to the vote.
func (s *State) candidateQuestions() []QuestionRef {
	qs := []QuestionRef{{Kind: OnAgenda}}
	for _, p := range s.Points {
		qs = append(qs, QuestionRef{Kind: OnChallenge, Ref: p.ID})
	}
	for _, m := range s.Motions {
		qs = append(qs, QuestionRef{Kind: OnMotion, Ref: m.ID})
	}
	for _, d := range s.Drafts {
		qs = append(qs, QuestionRef{Kind: OnPreliminary, Ref: d.ID}, QuestionRef{Kind: OnDraft, Ref: d.ID})
	}
	for _, am := range s.Amendments {
		qs = append(qs, QuestionRef{Kind: OnAmendment, Ref: am.ID})
	}
	for _, dv := range s.Divisions {
		qs = append(qs, QuestionRef{Kind: OnDivision, Ref: dv.ID}, QuestionRef{Kind: OnPart, Ref: dv.ID})
	}
	return qs
}
