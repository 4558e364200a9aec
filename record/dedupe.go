package record

import "unsc"

// Dedupe returns the reports of the parts, in order, with one report per
// (source, key). Where two files report the same thing (two releases of the
// UN Digital Library file, or a release and a crawl of the library's pages),
// the later report wins, field by field where it says something, and member
// by member where it holds fewer members' positions: import files in the
// order of their release.
//
// Each part is let go (set to nil in parts) once read: a caller that hands
// over its own list of parts (Dedupe(parts...)) and holds them nowhere else
// has them freed as the result grows, not held beside it to the end.
func Dedupe(parts ...[]unsc.Report) []unsc.Report {
	type sk struct {
		source unsc.Source
		key    string
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	index := make(map[sk]int, n)
	out := make([]unsc.Report, 0, n)
	for i, p := range parts {
		for _, r := range p {
			k := sk{r.Source, r.Key}
			if j, ok := index[k]; ok {
				out[j] = overlay(out[j], r)
				continue
			}
			index[k] = len(out)
			out = append(out, r)
		}
		parts[i] = nil
	}
	return out
}

// overlay returns next with the fields it leaves empty taken from r.
func overlay(r, next unsc.Report) unsc.Report {
	merged := next
	keep := func(dst *string, old string) {
		if *dst == "" {
			*dst = old
		}
	}
	keep(&merged.Meeting, r.Meeting)
	keep(&merged.Resolution, r.Resolution)
	keep(&merged.Draft, r.Draft)
	keep(&merged.AmendmentTo, r.AmendmentTo)
	keep(&merged.Title, r.Title)
	keep(&merged.Agenda, r.Agenda)
	keep(&merged.Note, r.Note)
	if merged.Subjects == nil {
		merged.Subjects = r.Subjects
	}
	if merged.Sponsors == nil {
		merged.Sponsors = r.Sponsors
	}
	switch {
	case !merged.Votes.Known():
		merged.Votes = r.Votes
	case merged.Votes.Len() < r.Votes.Len():
		// A file that holds only some members' rows of a record (the
		// official release's sample stops mid-record) updates those
		// members and leaves the others as the fuller report gives them.
		votes := make(map[unsc.Code]unsc.Position, r.Votes.Len())
		for c, p := range r.Votes.All() {
			votes[c] = p
		}
		for c, p := range merged.Votes.All() {
			votes[c] = p
		}
		merged.Votes = unsc.VotesOf(votes)
	}
	if !merged.Tally.Known {
		merged.Tally = r.Tally
	}
	if merged.Modality == unsc.ByVote {
		merged.Modality = r.Modality
	}
	if merged.VetoedBy == nil {
		merged.VetoedBy = r.VetoedBy
	}
	return merged
}
