package record

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// Grouping finds the reports that describe one decision. It rests on three
// rules:
//
//   - A resolution is known by its number and its year: "425 (2002)" in
//     the spreadsheet is not resolution 425 (1978), whatever else matches.
//   - One source reports one decision once. Two reports of one source that
//     name the same resolution or draft at different meetings or dates are
//     two decisions, or one of them is a misprint; they are never merged.
//     (The same record twice at one meeting, as the UN Digital Library
//     holds resolution 2760 (2024), is one decision. The unattributed
//     spreadsheet repeats some votes by mistake, and its repeats are
//     merged.)
//   - A report that its symbols do not place — a misprinted number, the
//     spreadsheet's "Missing" resolution, a symbol that another report of
//     its source already holds — is matched by its meeting (or, for votes
//     without a meeting record, its date) to the one decision there that
//     its source does not report yet, of the same outcome and kind.

// grouper holds the reports being grouped and, for each set of the
// union-find structure, what the guards need to know of it.
type grouper struct {
	reports []unsc.Report
	uf      *unionFind
	// bit numbers each source; official holds the bits of the sources
	// that report each decision at most once.
	bit      map[unsc.Source]uint
	official uint64
	// Per report, and after unions per root: the sources present, the
	// resolution (number and year), whether adopted or not adopted, the
	// first date, and whether a join was refused because its source was
	// already there (a misprint to place by meeting).
	sources  []uint64
	resNum   []int
	resYear  []int
	adopted  []bool
	failed   []bool
	date     []time.Time
	refused  []bool
	meetings [][]string
	// refusedFrom is the set a refused set's source already reports;
	// size and list are each set's reports; repeat marks reports merged
	// back as a source's repeat of a vote it reports elsewhere.
	refusedFrom []int
	size        []int
	list        [][]int
	repeat      []bool
}

func newGrouper(reports []unsc.Report) *grouper {
	g := &grouper{
		reports:  reports,
		uf:       newUnionFind(len(reports)),
		bit:      map[unsc.Source]uint{},
		sources:  make([]uint64, len(reports)),
		resNum:   make([]int, len(reports)),
		resYear:  make([]int, len(reports)),
		adopted:  make([]bool, len(reports)),
		failed:   make([]bool, len(reports)),
		date:     make([]time.Time, len(reports)),
		refused:  make([]bool, len(reports)),
		meetings: make([][]string, len(reports)),

		refusedFrom: make([]int, len(reports)),
		size:        make([]int, len(reports)),
		list:        make([][]int, len(reports)),
		repeat:      make([]bool, len(reports)),
	}
	// The years each resolution number is given, for reports that give
	// the number alone.
	years := map[int][]int{}
	for i, r := range reports {
		g.size[i] = 1
		g.list[i] = []int{i}
		b, ok := g.bit[r.Source]
		if !ok {
			b = uint(len(g.bit) % 64)
			g.bit[r.Source] = b
			if r.Source != unsc.SourceSpreadsheet && r.Source != unsc.SourceCRUNSC {
				g.official |= 1 << b
			}
		}
		g.sources[i] = 1 << b
		g.resNum[i], g.resYear[i] = resolutionKey(r)
		if g.resNum[i] != 0 && g.resYear[i] != 0 && r.Source.Official() {
			years[g.resNum[i]] = appendNew(years[g.resNum[i]], g.resYear[i])
		}
		g.adopted[i] = r.Outcome == unsc.Adopted
		g.failed[i] = r.Outcome == unsc.Failed || r.Outcome == unsc.Vetoed
		g.date[i] = r.Date
		if r.Meeting != "" {
			g.meetings[i] = []string{r.Meeting}
		}
	}
	// A resolution's number is unique across the years: a report that
	// gives the number without a year or a date (the CR-UNSC crosswalk)
	// takes the one year the other reports give it.
	for i := range reports {
		if g.resNum[i] != 0 && g.resYear[i] == 0 && len(years[g.resNum[i]]) == 1 {
			g.resYear[i] = years[g.resNum[i]][0]
		}
	}
	return g
}

func appendNew(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// resolutionKey returns a report's resolution number and year: the year
// of the symbol, else of the report's date.
func resolutionKey(r unsc.Report) (num, year int) {
	n, ok := unsc.ResolutionNumber(r.Resolution)
	if !ok {
		return 0, 0
	}
	if i := strings.IndexByte(r.Resolution, '('); i >= 0 {
		y, err := strconv.Atoi(strings.TrimSuffix(r.Resolution[i+1:], ")"))
		if err == nil {
			return n, y
		}
	}
	if r.Date.IsZero() {
		return n, 0
	}
	return n, r.Date.Year()
}

// Why a join was refused, if it was.
const (
	joined = iota
	sameSource
	conflict
)

// join merges the sets of reports i and j unless a guard forbids it. With
// guarded, two sets that name different resolutions, or an adoption and a
// failure, stay apart (a draft symbol shared by them is a source's error).
func (g *grouper) join(i, j int, guarded bool) int {
	a, b := g.uf.find(i), g.uf.find(j)
	if a == b {
		return joined
	}
	if guarded && g.conflicts(a, b) {
		return conflict
	}
	if shared := g.sources[a] & g.sources[b] & g.official; shared != 0 && !g.sameRecord(a, b) {
		return sameSource
	}
	return g.joinGuarded(a, b, guarded)
}

// conflicts reports whether the sets rooted at a and b cannot be one
// decision: they name different resolutions, a resolution and a failed
// vote, or votes years apart.
func (g *grouper) conflicts(a, b int) bool {
	if g.resNum[a] != 0 && g.resNum[b] != 0 && (g.resNum[a] != g.resNum[b] || g.resYear[a] != g.resYear[b]) {
		return true
	}
	// A vote that failed is no resolution. (An adoption and a failure
	// of one draft symbol may still be one decision: the spreadsheet
	// repeats vetoed drafts as "Adopted unanimously".)
	if g.resNum[a] != 0 && g.failed[b] || g.resNum[b] != 0 && g.failed[a] {
		return true
	}
	// A draft symbol names one year's document: votes years apart are
	// not one decision.
	return !g.date[a].IsZero() && !g.date[b].IsZero() && absDays(g.date[a], g.date[b]) > 400
}

// joinGuarded merges the sets rooted at a and b, unless guarded and they
// name different resolutions, a resolution and a failed vote, or votes
// years apart.
func (g *grouper) joinGuarded(a, b int, guarded bool) int {
	if guarded && g.conflicts(a, b) {
		return conflict
	}
	root := g.uf.union(a, b)
	other := a + b - root
	g.sources[root] |= g.sources[other]
	if g.resNum[root] == 0 {
		g.resNum[root], g.resYear[root] = g.resNum[other], g.resYear[other]
	}
	g.adopted[root] = g.adopted[root] || g.adopted[other]
	g.failed[root] = g.failed[root] || g.failed[other]
	if g.date[root].IsZero() {
		g.date[root] = g.date[other]
	}
	g.refused[root] = g.refused[root] && g.refused[other]
	g.size[root] += g.size[other]
	g.list[root] = append(g.list[root], g.list[other]...)
	g.list[other] = nil
	for _, m := range g.meetings[other] {
		if !slices.Contains(g.meetings[root], m) {
			g.meetings[root] = append(g.meetings[root], m)
		}
	}
	return joined
}

// sameRecord reports whether two sets that share a source are the same
// record of one decision: one meeting (or, without one, one date) and the
// same resolution.
func (g *grouper) sameRecord(a, b int) bool {
	if g.resNum[a] == 0 || g.resNum[a] != g.resNum[b] || g.resYear[a] != g.resYear[b] {
		return false
	}
	if len(g.meetings[a]) > 0 && len(g.meetings[b]) > 0 {
		return slices.Equal(g.meetings[a], g.meetings[b]) && g.date[a].Equal(g.date[b])
	}
	return g.date[a].Equal(g.date[b])
}

func absDays(a, b time.Time) int {
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return int(d / (24 * time.Hour))
}

// group partitions the reports into one group per decision, each ordered
// from the most to the least authoritative source (a source's repeat of a
// vote last), and says which reports are repeats.
func group(reports []unsc.Report) ([][]unsc.Report, repeats) {
	g := newGrouper(reports)
	g.byResolution()
	g.bySymbol()
	g.byMeeting()
	g.repeats()

	rep := repeats{}
	var roots []int
	for i := range reports {
		if g.uf.find(i) == i {
			roots = append(roots, i)
		}
	}
	out := make([][]unsc.Report, 0, len(roots))
	for _, root := range roots {
		idx := slices.Clone(g.list[root])
		// A source's repeat of a vote comes after every other report.
		slices.SortStableFunc(idx, func(a, b int) int {
			if g.repeat[a] != g.repeat[b] {
				if g.repeat[a] {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(rank(reports[a].Source), rank(reports[b].Source)); c != 0 {
				return c
			}
			return cmp.Compare(reports[a].Key, reports[b].Key)
		})
		for _, i := range idx {
			if g.repeat[i] {
				rep[reportKey{reports[i].Source, reports[i].Key}] = true
			}
		}
		out = append(out, groupOf(reports, idx))
	}
	return out, rep
}

// groupOf returns the reports idx, in its order. Reports that lie next to
// each other in reports in that order (a decision only one report gives,
// the usual case in a large record of one source) are a window on
// reports, not a copy: its length is its capacity, so that an append
// copies it, and the reconciler never writes to a group's reports (the
// caller's, then, stay as given).
func groupOf(reports []unsc.Report, idx []int) []unsc.Report {
	first := idx[0]
	window := true
	for k, i := range idx {
		if i != first+k {
			window = false
			break
		}
	}
	if window {
		return reports[first : first+len(idx) : first+len(idx)]
	}
	grp := make([]unsc.Report, len(idx))
	for k, i := range idx {
		grp[k] = reports[i]
	}
	return grp
}

// reportKey identifies a report.
type reportKey struct {
	source unsc.Source
	key    string
}

// repeats are the reports that repeat a vote their source reports
// elsewhere.
type repeats map[reportKey]bool

func (r repeats) of(rep unsc.Report) bool { return r[reportKey{rep.Source, rep.Key}] }

// repeats merges back each set refused as a repeat that its meeting did
// not place: a source that lists one vote twice, at two meetings, with the
// same count (S/5407 at S/PV.1063 and again at S/PV.1069), reports one
// decision. Two lists with different counts are two votes (S/4733/Rev.1,
// February 1961) and stay apart.
func (g *grouper) repeats() {
	for i := range g.reports {
		r := g.uf.find(i)
		if r != i || !g.refused[r] {
			continue
		}
		from := g.uf.find(g.refusedFrom[r])
		if from == r {
			continue
		}
		t, u := g.tally(r), g.tally(from)
		if t.Known && u.Known && !sameTally(t, u) && !g.cannotStand(r) {
			continue
		}
		if g.conflicts(from, r) {
			continue
		}
		for _, k := range g.list[r] {
			g.repeat[k] = true
		}
		g.joinGuarded(from, r, false)
	}
}

// cannotStand reports whether the set rooted at r cannot be a decision of
// its own: its reports give no date, and come from sources that are not
// official. A second listing of a draft by such a source, with another
// count, is the source's error, not a vote of its own.
func (g *grouper) cannotStand(r int) bool {
	for _, i := range g.members(r) {
		rep := g.reports[i]
		if !rep.Date.IsZero() || rep.Source.Official() {
			return false
		}
	}
	return true
}

// byResolution joins the reports of each resolution (number and year).
// Reports that agree with the most authoritative one on the meeting or
// the date join first, so that where a source prints a resolution twice
// (663 (1990) at S/PV.2936 and again at S/PV.2939, in place of 666), the
// right one joins and the misprint is left to be placed by its meeting.
func (g *grouper) byResolution() {
	type ry struct{ num, year int }
	keys := map[ry][]int{}
	var order []ry
	for i := range g.reports {
		if g.resNum[i] == 0 {
			continue
		}
		k := ry{g.resNum[i], g.resYear[i]}
		if _, ok := keys[k]; !ok {
			order = append(order, k)
		}
		keys[k] = append(keys[k], i)
	}
	for _, k := range order {
		idx := keys[k]
		g.sortByRank(idx)
		g.joinAll(idx, false)
	}
}

// joinAll joins the reports idx that share a key, most authoritative
// first: those that agree on the meeting or the date first, so that where
// a source prints a vote twice the right report joins and the other is
// left to be placed by its meeting. A set refused because its source is
// already there is marked, with the set it was refused from.
func (g *grouper) joinAll(idx []int, guarded bool) {
	agree := func(a, b unsc.Report) bool {
		return a.Meeting != "" && a.Meeting == b.Meeting || !a.Date.IsZero() && a.Date.Equal(b.Date)
	}
	for _, pass := range []bool{true, false} {
		for x, i := range idx {
			for _, j := range idx[x+1:] {
				if agree(g.reports[i], g.reports[j]) != pass {
					continue
				}
				if g.join(i, j, guarded) == sameSource {
					a, b := g.uf.find(i), g.uf.find(j)
					// The set with fewer reports is the repeat.
					if g.size[a] > g.size[b] {
						a, b = b, a
					}
					g.refused[a] = true
					g.refusedFrom[a] = b
				}
			}
		}
	}
}

// bySymbol joins reports on draft symbols, amendments and the earliest
// vetoes, which have none.
func (g *grouper) bySymbol() {
	reports := g.reports
	occurrence := draftOccurrences(reports)
	oral := oralOccurrences(reports)
	keys := map[string][]int{}
	var order []string
	join := func(key string, i int) {
		if _, ok := keys[key]; !ok {
			order = append(order, key)
		}
		keys[key] = append(keys[key], i)
	}
	for i, r := range reports {
		switch {
		case r.Amendment && r.Draft != "":
			join("amendment:"+r.Draft, i)
		case r.Amendment:
			// An oral amendment has no symbol: the n-th oral amendment to a
			// draft at a meeting in one source is the n-th in another.
			join("oral:"+meetingOrDate(r)+":"+r.AmendmentTo+":"+tallyKey(r)+"#"+strconv.Itoa(oral[i]), i)
		case r.Draft != "":
			join("draft:"+r.Draft+"#"+strconv.Itoa(occurrence[i]), i)
			// Sources differ on whether a revision was put to the vote
			// ("S/18087" on the meeting table, "S/18087/Rev.1" on the veto
			// list): at one meeting, a draft and its revision are one vote.
			if r.Meeting != "" {
				join("revision:"+r.Meeting+":"+baseSymbol(r.Draft)+"#"+strconv.Itoa(occurrence[i]), i)
			}
		}
	}
	for key, members := range symbolless(reports, g.resNum) {
		for _, i := range members {
			join(key, i)
		}
	}
	for key, members := range countless(reports, g.resNum) {
		for _, i := range members {
			join(key, i)
		}
	}
	slices.Sort(order)
	for _, key := range order {
		idx := keys[key]
		g.sortByRank(idx)
		g.preferCount(idx)
		g.joinAll(idx, true)
	}
}

// preferCount puts first, among the reports of one source that share a
// key, those whose count is the official one: where a source lists a
// draft twice with different counts (the hand-entered lists give S/2017/962
// at S/PV.8105 once with its count and once with another), the listing
// that agrees with the official count is the draft's.
func (g *grouper) preferCount(idx []int) {
	var official unsc.Tally
	for _, i := range idx {
		r := g.reports[i]
		if r.Source.Official() && !r.Votes.Known() && r.Tally.Known {
			official = r.Tally
			break
		}
	}
	if !official.Known {
		return
	}
	matches := func(i int) bool {
		r := g.reports[i]
		t := r.Tally
		if r.Votes.Known() {
			t = countVotes(r.Votes)
		}
		return t.Known && sameTally(t, official)
	}
	for start := 0; start < len(idx); {
		end := start + 1
		for end < len(idx) && g.reports[idx[end]].Source == g.reports[idx[start]].Source {
			end++
		}
		if end-start > 1 {
			slices.SortStableFunc(idx[start:end], func(a, b int) int {
				ma, mb := matches(a), matches(b)
				switch {
				case ma && !mb:
					return -1
				case mb && !ma:
					return 1
				}
				return 0
			})
		}
		start = end
	}
}

func (g *grouper) sortByRank(idx []int) {
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(rank(g.reports[a].Source), rank(g.reports[b].Source)); c != 0 {
			return c
		}
		return cmp.Compare(g.reports[a].Key, g.reports[b].Key)
	})
}

// byMeeting places the reports that their symbols left alone: a set of
// reports with no report of the primary sources (the spreadsheet's votes,
// with a "Missing" or misprinted number), or one whose join a source's
// repeat refused, joins the one decision at its meeting (or on its date,
// without a meeting) that none of its sources reports yet, with the same
// outcome and kind, and where several would do, the same count.
func (g *grouper) byMeeting() {
	primary := uint64(0)
	for _, s := range []unsc.Source{unsc.SourceUNDL, unsc.SourceDHLMeetings, unsc.SourceDHLVetoes} {
		if b, ok := g.bit[s]; ok {
			primary |= 1 << b
		}
	}
	type root struct {
		i       int
		meeting []string
		dates   []time.Time
	}
	byMeeting := map[string][]int{}
	byDate := map[time.Time][]int{}
	seen := map[int]bool{}
	var loose []int
	for i := range g.reports {
		r := g.uf.find(i)
		rep := g.reports[i]
		if rep.Meeting != "" {
			if !slices.Contains(byMeeting[rep.Meeting], r) {
				byMeeting[rep.Meeting] = append(byMeeting[rep.Meeting], r)
			}
		} else if !rep.Date.IsZero() {
			if !slices.Contains(byDate[rep.Date], r) {
				byDate[rep.Date] = append(byDate[rep.Date], r)
			}
		}
		if seen[r] {
			continue
		}
		seen[r] = true
		if g.sources[r]&primary == 0 || g.refused[r] {
			loose = append(loose, r)
		}
	}
	for _, l := range loose {
		l = g.uf.find(l)
		var candidates []int
		add := func(rs []int) {
			for _, c := range rs {
				c = g.uf.find(c)
				if c != l && !slices.Contains(candidates, c) && g.fits(l, c, primary) {
					candidates = append(candidates, c)
				}
			}
		}
		reps := g.members(l)
		for _, i := range reps {
			if m := g.reports[i].Meeting; m != "" {
				add(byMeeting[m])
			}
		}
		if len(candidates) == 0 && g.cannotStand(l) {
			// A set that cannot stand alone, whose symbol matches no
			// decision at its meeting (a misprint: "S/1371" for
			// S/1391/Rev.1), joins the one decision there of the same
			// outcome, kind and count.
			t := g.tally(l)
			for _, i := range reps {
				for _, c := range byMeeting[g.reports[i].Meeting] {
					c = g.uf.find(c)
					if u := g.tally(c); c != l && !slices.Contains(candidates, c) && t.Known && u.Known && sameTally(t, u) && g.fitsAnySymbol(l, c, primary) {
						candidates = append(candidates, c)
					}
				}
			}
		}
		if len(candidates) == 0 {
			for _, i := range reps {
				if g.reports[i].Meeting == "" && !g.reports[i].Date.IsZero() {
					add(byDate[g.reports[i].Date])
				}
			}
		}
		if len(candidates) > 1 {
			// Several decisions at the meeting: the one with the same count.
			t := g.tally(l)
			var same []int
			for _, c := range candidates {
				if u := g.tally(c); t.Known && u.Known && sameTally(t, u) {
					same = append(same, c)
				}
			}
			if !t.Known {
				// No count to tell them apart (an election to the
				// Court, by secret ballot): the one held the same
				// day, where a meeting resumed the next day holds
				// one decision on each (S/PV.8773, 11 and 12
				// November 2020).
				for _, c := range candidates {
					if !g.date[l].IsZero() && g.date[c].Equal(g.date[l]) {
						same = append(same, c)
					}
				}
			}
			candidates = same
		}
		if len(candidates) == 1 {
			g.join(l, candidates[0], false)
		}
	}
}

// fits reports whether the loose set l may be the decision c: c holds a
// primary source, none of l's sources, the same outcome and kind, and a
// different resolution only where l's own was refused as a repeat or comes
// from the spreadsheet.
func (g *grouper) fits(l, c int, primary uint64) bool {
	if g.sources[c]&primary == 0 || g.sources[l]&g.sources[c] != 0 {
		return false
	}
	if g.adopted[l] && g.failed[c] || g.failed[l] && g.adopted[c] {
		return false
	}
	ka, kc := g.kind(l), g.kind(c)
	if ka != kc {
		return false
	}
	// A procedural motion with no text of its own (the agenda, an
	// invitation, an adjournment) is not the vote on a draft or resolution
	// taken at the same meeting.
	if g.motion(l) && g.hasText(c) || g.motion(c) && g.hasText(l) {
		return false
	}
	// Nor is a decision the volumes print apart from the resolutions (a
	// curated row adopted on no draft: an appointment, a letter) the vote
	// on a resolution adopted at the same meeting.
	if g.apart(l) && g.hasText(c) || g.apart(c) && g.hasText(l) {
		return false
	}
	if !g.date[l].IsZero() && !g.date[c].IsZero() && absDays(g.date[l], g.date[c]) > 2 {
		return false
	}
	dl, dc := g.drafts(l), g.drafts(c)
	if len(dl) > 0 && len(dc) > 0 && !overlaps(dl, dc) && !g.refused[l] {
		return false
	}
	return true
}

// fitsAnySymbol is fits without comparing draft symbols.
func (g *grouper) fitsAnySymbol(l, c int, primary uint64) bool {
	if g.sources[c]&primary == 0 || g.sources[l]&g.sources[c] != 0 {
		return false
	}
	if g.adopted[l] && g.failed[c] || g.failed[l] && g.adopted[c] {
		return false
	}
	return g.kind(l) == g.kind(c)
}

// members returns the reports of the set rooted at r.
func (g *grouper) members(r int) []int { return g.list[g.uf.find(r)] }

// kind is 1 for a set of amendments, 0 otherwise.
func (g *grouper) kind(r int) int {
	for _, i := range g.members(r) {
		if g.reports[i].Amendment {
			return 1
		}
	}
	return 0
}

// motion reports whether the set rooted at r is a procedural vote on no
// text: a report says the matter was procedural and none names a draft or a
// resolution.
func (g *grouper) motion(r int) bool {
	procedural := false
	for _, i := range g.members(r) {
		rep := g.reports[i]
		if rep.Draft != "" || rep.Resolution != "" {
			return false
		}
		if rep.MatterKnown && rep.Matter == unsc.Procedural {
			procedural = true
		}
	}
	return procedural
}

// apart reports whether the set rooted at r is a decision the volumes
// print apart from the resolutions: a curated report (un-press or
// research, record/curated.csv) has it adopted, and no
// report names a draft or a resolution.
func (g *grouper) apart(r int) bool {
	curated := false
	for _, i := range g.members(r) {
		rep := g.reports[i]
		if rep.Draft != "" || rep.Resolution != "" {
			return false
		}
		// Curated: entered by hand, from a UN page (un-press) or another.
		if (rep.Source == unsc.SourceResearch || rep.Source == unsc.SourcePress) && rep.Outcome == unsc.Adopted {
			curated = true
		}
	}
	return curated
}

// hasText reports whether a report of the set rooted at r names a draft or
// a resolution.
func (g *grouper) hasText(r int) bool {
	for _, i := range g.members(r) {
		if g.reports[i].Draft != "" || g.reports[i].Resolution != "" {
			return true
		}
	}
	return false
}

func (g *grouper) drafts(r int) []string {
	var out []string
	for _, i := range g.members(r) {
		if d := g.reports[i].Draft; d != "" {
			out = append(out, baseSymbol(d))
		}
	}
	return out
}

// tally is the count of the most authoritative report of the set that
// gives one.
func (g *grouper) tally(r int) unsc.Tally {
	best, bestRank := unsc.Tally{}, 99
	for _, i := range g.members(r) {
		rep := g.reports[i]
		t := rep.Tally
		if rep.Votes.Known() {
			t = countVotes(rep.Votes)
		}
		if t.Known && rank(rep.Source) < bestRank {
			best, bestRank = t, rank(rep.Source)
		}
	}
	return best
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func meetingOrDate(r unsc.Report) string {
	if r.Meeting != "" {
		return r.Meeting
	}
	return r.Date.Format(time.DateOnly)
}
