package record

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"unsc"
	"unsc/charter"
)

// rank orders sources from the most to the least authoritative.
func rank(s unsc.Source) int {
	switch s {
	case unsc.SourceUNDL:
		return 0
	case unsc.SourceDHLMeetings:
		return 1
	case unsc.SourceDHLVetoes:
		return 2
	case unsc.SourcePress:
		return 3
	case unsc.SourceResearch:
		return 4
	case unsc.SourceSpreadsheet:
		return 5
	}
	return 6
}

// Reconcile turns every report in the record into decisions, in date order.
// It is a unsc.Reconciler: pure, and the same reports always give the same
// decisions.
func Reconcile(reports []unsc.Report) []unsc.Decision {
	return reconcile(reports, builtinFacts)
}

func reconcile(reports []unsc.Report, facts Facts) []unsc.Decision {
	groups := group(reports)
	out := make([]unsc.Decision, 0, len(groups))
	for _, g := range groups {
		out = append(out, build(g, facts))
	}
	slices.SortStableFunc(out, func(a, b unsc.Decision) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(meetingNumber(a.Meeting), meetingNumber(b.Meeting)); c != 0 {
			return c
		}
		// Amendments are voted before the draft they amend (rules 33, 36).
		if a.Amendment != b.Amendment {
			if a.Amendment {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(symbolOf(a), symbolOf(b)); c != 0 {
			return c
		}
		// Votes without a symbol at one meeting: in the order taken.
		return cmp.Compare(firstLine(a), firstLine(b))
	})
	return out
}

// group partitions the reports into one group per decision.
func group(reports []unsc.Report) [][]unsc.Report {
	uf := newUnionFind(len(reports))
	// resolution[i] is the resolution number of the group rooted at i, or 0.
	resolution := make([]int, len(reports))
	failed := make([]bool, len(reports))
	first := map[string]int{}
	join := func(key string, i int, guarded bool) {
		j, ok := first[key]
		if !ok {
			first[key] = i
			return
		}
		a, b := uf.find(i), uf.find(j)
		if a == b {
			return
		}
		// A draft symbol shared by reports that name different resolutions,
		// or by an adoption and a failure, is a source's error: keep them
		// apart rather than merge two decisions.
		if guarded && ((resolution[a] != 0 && resolution[b] != 0 && resolution[a] != resolution[b]) ||
			(resolution[a] != 0 && failed[b]) || (resolution[b] != 0 && failed[a])) {
			return
		}
		root := uf.union(a, b)
		resolution[root] = max(resolution[a], resolution[b])
		failed[root] = failed[a] || failed[b]
	}
	for i, r := range reports {
		if n, ok := unsc.ResolutionNumber(r.Resolution); ok {
			resolution[i] = n
		}
		failed[i] = r.Outcome == unsc.Failed || r.Outcome == unsc.Vetoed
	}
	for i := range reports {
		if resolution[i] != 0 {
			join("res:"+strconv.Itoa(resolution[i]), i, false)
		}
	}
	occurrence := draftOccurrences(reports)
	oralOccurrence := oralOccurrences(reports)
	for i, r := range reports {
		switch {
		case r.Amendment && r.Draft != "":
			join("amendment:"+r.Draft, i, true)
		case r.Amendment:
			// An oral amendment has no symbol: it is known by its meeting,
			// the draft it amends and its count.
			join("oral:"+r.Meeting+":"+r.Date.Format("2006-01-02")+":"+r.AmendmentTo+":"+tallyKey(r)+"#"+strconv.Itoa(oralOccurrence[i]), i, true)
		case r.Draft != "":
			join("draft:"+r.Draft+"#"+strconv.Itoa(occurrence[i]), i, true)
			// Sources differ on whether a revision was put to the vote
			// ("S/18087" on the meeting table, "S/18087/Rev.1" on the veto
			// list): at one meeting, a draft and its revision are one vote.
			if r.Meeting != "" {
				join("revision:"+r.Meeting+":"+baseSymbol(r.Draft)+"#"+strconv.Itoa(occurrence[i]), i, true)
			}
		}
	}
	for key, members := range symbolless(reports, resolution) {
		for _, i := range members {
			join(key, i, true)
		}
	}
	for key, members := range countless(reports, resolution) {
		for _, i := range members {
			join(key, i, true)
		}
	}
	byRoot := map[int][]unsc.Report{}
	var roots []int
	for i, r := range reports {
		root := uf.find(i)
		if _, ok := byRoot[root]; !ok {
			roots = append(roots, root)
		}
		byRoot[root] = append(byRoot[root], r)
	}
	out := make([][]unsc.Report, 0, len(roots))
	for _, root := range roots {
		g := byRoot[root]
		slices.SortStableFunc(g, func(a, b unsc.Report) int {
			if c := cmp.Compare(rank(a.Source), rank(b.Source)); c != 0 {
				return c
			}
			return cmp.Compare(a.Key, b.Key)
		})
		out = append(out, g)
	}
	return out
}

// draftOccurrences numbers the votes on one draft symbol at one meeting
// within each official source: a draft put to the vote twice (S/552 at
// S/PV.202, 15 September 1947) is two decisions, the n-th vote in one
// source the n-th in another.
// The unattributed spreadsheet repeats some votes by mistake, so its reports
// are all taken as the first occurrence.
func draftOccurrences(reports []unsc.Report) []int {
	occ := make([]int, len(reports))
	type sd struct {
		source         unsc.Source
		draft, meeting string
	}
	bySource := map[sd][]int{}
	for i, r := range reports {
		if r.Draft != "" && !r.Amendment && r.Source.Official() {
			k := sd{r.Source, r.Draft, r.Meeting}
			bySource[k] = append(bySource[k], i)
		}
	}
	for k, idx := range bySource {
		if len(idx) < 2 {
			continue
		}
		inPageOrder(reports, idx, k.source)
		for n, i := range idx {
			occ[i] = n
		}
	}
	return occ
}

// inPageOrder sorts report indices into the order the votes were taken:
// the meeting tables list them top to bottom, the veto list bottom to top.
func inPageOrder(reports []unsc.Report, idx []int, source unsc.Source) {
	slices.SortStableFunc(idx, func(a, b int) int {
		c := cmp.Compare(refLine(reports[a].Ref), refLine(reports[b].Ref))
		if source == unsc.SourceDHLVetoes {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(reports[a].Key, reports[b].Key)
		}
		return c
	})
}

// symbolless pairs the earliest vetoes, which the libraries list without a
// draft symbol, across sources: the n-th such veto at a meeting in one
// source is the n-th in another. The meeting tables list a meeting's
// actions top to bottom; the veto list lists them bottom to top.
func symbolless(reports []unsc.Report, resolution []int) map[string][]int {
	type sm struct {
		source  unsc.Source
		meeting string
	}
	bySource := map[sm][]int{}
	for i, r := range reports {
		if resolution[i] != 0 || r.Draft != "" || r.Amendment || r.Outcome != unsc.Vetoed || r.Meeting == "" {
			continue
		}
		k := sm{r.Source, r.Meeting}
		bySource[k] = append(bySource[k], i)
	}
	keys := map[string][]int{}
	for k, idx := range bySource {
		inPageOrder(reports, idx, k.source)
		for n, i := range idx {
			key := "veto:" + k.meeting + ":" + strconv.Itoa(n)
			keys[key] = append(keys[key], i)
		}
	}
	return keys
}

// baseSymbol strips revision, addendum and corrigendum suffixes.
func baseSymbol(s string) string {
	if i := strings.Index(s, "/Rev."); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "/Corr."); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "/Add."); i >= 0 {
		s = s[:i]
	}
	return s
}

// firstLine orders decisions that nothing else orders by where their most
// authoritative report stands in its source.
func firstLine(d unsc.Decision) string {
	if len(d.Reports) == 0 {
		return ""
	}
	r := d.Reports[0]
	return fmt.Sprintf("%s:%012d:%s", r.Source, refLine(r.Ref), r.Key)
}

// refLine returns the line number at the end of a "file:line" reference.
func refLine(ref string) int {
	i := strings.LastIndexByte(ref, ':')
	n, _ := strconv.Atoi(ref[i+1:])
	return n
}

func tallyKey(r unsc.Report) string {
	t := r.Tally
	if r.Votes != nil {
		t = countVotes(r.Votes)
	}
	return strconv.Itoa(t.Yes) + "-" + strconv.Itoa(t.No) + "-" + strconv.Itoa(t.Abstain)
}

// build makes one decision from the reports of a group, most authoritative
// first.
func build(g []unsc.Report, facts Facts) unsc.Decision {
	d := unsc.Decision{Reports: g}
	for _, r := range g {
		if d.Date.IsZero() {
			d.Date = r.Date
		}
		setIfEmpty(&d.Meeting, r.Meeting)
		setIfEmpty(&d.Resolution, r.Resolution)
		setIfEmpty(&d.Draft, r.Draft)
		setIfEmpty(&d.AmendmentTo, r.AmendmentTo)
		setIfEmpty(&d.Title, r.Title)
		setIfEmpty(&d.Agenda, r.Agenda)
		if d.Subjects == nil {
			d.Subjects = r.Subjects
		}
		if d.Sponsors == nil {
			d.Sponsors = r.Sponsors
		}
		d.Amendment = d.Amendment || r.Amendment
		if !d.MatterKnown && r.MatterKnown {
			d.Matter, d.MatterKnown = r.Matter, true
		}
		if d.Modality == unsc.ByVote {
			d.Modality = r.Modality
		}
		if !d.Tally.Known && r.Tally.Known && r.Votes == nil {
			d.Tally = r.Tally
		}
		if !slices.Contains(d.Sources, r.Source) {
			d.Sources = append(d.Sources, r.Source)
		}
	}
	d.Recorded = recordedOutcome(g)
	d.VetoedBy = recordedVetoes(g)
	// The libraries' meeting tables say only "not adopted" where their veto
	// list names the veto: the more specific official statement wins.
	if d.Recorded == unsc.Failed {
		for _, r := range g {
			if r.Source.Official() && r.Outcome == unsc.Vetoed {
				d.Recorded = unsc.Vetoed
				break
			}
		}
	}
	// A record whose every member is "X" shows no vote at all: the crawl of
	// the UN Digital Library leaves such pages blank. If another source
	// counts the votes, the decision was taken by a vote after all.
	if d.Modality != unsc.ByVote {
		for _, r := range g {
			if r.Votes == nil && r.Tally.Known && r.Tally.Yes > 0 && r.Modality == unsc.ByVote {
				d.Modality = unsc.ByVote
				break
			}
		}
	}
	d.Votes = bestVotes(g, d)
	if d.Votes != nil {
		d.Tally = countVotes(d.Votes)
	}
	if f, ok := facts.lookup(d); ok {
		if f.Matter != nil {
			d.Matter, d.MatterKnown = *f.Matter, true
		}
		if f.AmendmentTo != "" {
			d.Amendment, d.AmendmentTo = true, f.AmendmentTo
		}
		if len(f.Absent) > 0 && d.Votes != nil {
			// The positions are the source's map: change a copy.
			votes := maps.Clone(d.Votes)
			for _, c := range f.Absent {
				if votes[c] == unsc.NotParticipating {
					delete(votes, c)
				}
			}
			d.Votes = votes
			d.Tally = countVotes(votes)
		}
	}
	// Where the engine can replay the vote, it says who cast a veto: a
	// negative vote on a draft short of the required votes is none, whatever
	// a source's marking says.
	if res, err := Derive(d); err == nil {
		d.Derived = res.Outcome
		d.VetoedBy = nil
		if res.Outcome == unsc.Vetoed {
			d.VetoedBy = memberCodes(res.VetoedBy)
		}
	}
	return d
}

// recordedVetoes names the members that the sources say cast a veto: the
// Library's veto list, its statement on vetoes, before any other source.
func recordedVetoes(g []unsc.Report) []unsc.Code {
	for _, r := range g {
		if r.Source == unsc.SourceDHLVetoes && len(r.VetoedBy) > 0 {
			return r.VetoedBy
		}
	}
	for _, r := range g {
		if len(r.VetoedBy) > 0 {
			return r.VetoedBy
		}
	}
	return nil
}

// recordedOutcome is the outcome the most authoritative source records.
// Where that source reports the decision more than once with different
// outcomes, the report whose own votes bear its outcome out wins.
func recordedOutcome(g []unsc.Report) unsc.Outcome {
	first := -1
	for i, r := range g {
		if r.Outcome == 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		if r.Source != g[first].Source {
			break
		}
		if r.Outcome == g[first].Outcome || r.Votes == nil {
			continue
		}
		// Two reports of one source disagree: trust the one whose votes
		// give its outcome.
		for _, x := range g[first:] {
			if x.Source != r.Source || x.Votes == nil || x.Outcome == 0 {
				continue
			}
			if res, err := Derive(unsc.Decision{Date: x.Date, Votes: x.Votes, Matter: x.Matter, Amendment: x.Amendment, Modality: x.Modality}); err == nil && res.Outcome == x.Outcome {
				return x.Outcome
			}
		}
	}
	if first < 0 {
		return 0
	}
	return g[first].Outcome
}

// bestVotes picks the per-member positions for a decision: those of the
// most authoritative source, and among a source's reports (a source may
// report one vote twice, differently) the one that agrees with the
// decision's official date and tally.
func bestVotes(g []unsc.Report, d unsc.Decision) map[unsc.Code]unsc.Position {
	council, _ := charter.CouncilOn(d.Date)
	best, bestScore := -1, -1
	for i, r := range g {
		if r.Votes == nil || (d.Modality == unsc.ByVote && !anyVote(r.Votes)) {
			continue
		}
		// Positions naming a state not on the Council that day belong to
		// some other decision.
		if len(notSitting(council, r.Votes)) > 0 {
			continue
		}
		score := 10 * (6 - rank(r.Source))
		if r.Date.Equal(d.Date) {
			score += 2
		}
		if t := countVotes(r.Votes); d.Tally.Known && t.Yes == d.Tally.Yes && t.No == d.Tally.No && t.Abstain == d.Tally.Abstain {
			score += 4
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil
	}
	return g[best].Votes
}

// anyVote reports whether anyone voted yes, no or abstained.
func anyVote(v map[unsc.Code]unsc.Position) bool {
	for _, p := range v {
		if p == unsc.Yes || p == unsc.No || p == unsc.Abstain {
			return true
		}
	}
	return false
}

// Derive replays a decision through the Charter engine: from its
// per-member votes where the record has them, else from its tally and the
// members recorded as casting a veto.
func Derive(d unsc.Decision) (unsc.Result, error) {
	return DeriveUnder(charter.Charter, d)
}

// DeriveUnder replays a decision under the given rules.
func DeriveUnder(rules charter.Rules, d unsc.Decision) (unsc.Result, error) {
	c, err := charter.CouncilOn(d.Date)
	if err != nil {
		return unsc.Result{}, err
	}
	return DeriveIn(rules, c, d)
}

// DeriveIn replays a decision under the given rules in Council c, which
// must be the Council on the decision's date (or one with the same seats):
// for callers that replay many decisions and look each Council up once.
func DeriveIn(rules charter.Rules, c unsc.Council, d unsc.Decision) (unsc.Result, error) {
	b := unsc.Ballot{Date: d.Date, Matter: d.Matter, Amendment: d.Amendment, Modality: d.Modality}
	switch {
	case d.Modality != unsc.ByVote:
		return rules.Decide(c, b)
	case d.Votes != nil:
		b.Votes = d.Votes
		return rules.Decide(c, b)
	case d.Tally.Known:
		return rules.DecideTally(c, b, d.Tally, d.VetoedBy)
	}
	return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "votes", "no source gives the votes or a tally")
}

func countVotes(v map[unsc.Code]unsc.Position) unsc.Tally {
	t := unsc.Tally{Known: true}
	for _, p := range v {
		switch p {
		case unsc.Yes:
			t.Yes++
		case unsc.No:
			t.No++
		case unsc.Abstain:
			t.Abstain++
		default:
			t.NonVoting++
		}
	}
	return t
}

func memberCodes(ms []unsc.Member) []unsc.Code {
	out := make([]unsc.Code, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// symbolOf returns the symbol a decision is best known by.
func symbolOf(d unsc.Decision) string {
	switch {
	case d.Resolution != "":
		return d.Resolution
	case d.Draft != "":
		return d.Draft
	case d.Amendment:
		return "oral amendment to " + d.AmendmentTo
	}
	return d.Meeting
}

// Symbol returns the symbol a decision is best known by: its resolution,
// else its draft, else a description of an oral amendment, else its meeting.
func Symbol(d unsc.Decision) string { return symbolOf(d) }

func meetingNumber(s string) int {
	n, _ := strconv.Atoi(s[min(len(s), len("S/PV.")):])
	return n
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets rooted at a and b and returns the new root.
func (u *unionFind) union(a, b int) int {
	if a > b {
		a, b = b, a
	}
	u.parent[b] = a
	return a
}
