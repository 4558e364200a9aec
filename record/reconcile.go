package record

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
	case unsc.SourceWPDVetoes:
		return 5
	case unsc.SourceSpreadsheet:
		return 6
	case unsc.SourceFailedDrafts:
		return 7
	case unsc.SourceCRUNSC:
		return 8
	}
	return 9
}

// secondHand reports whether a source is a copy or a transcription of the
// UN's records by others (Emily Tong's hand-entered failed drafts, the World
// Politics Data Lab's copy of the veto list, the CR-UNSC crosswalk): the
// record checks it against the official sources and takes from it only
// what none of them gives, never a value to put a decision back in order.
func secondHand(s unsc.Source) bool {
	return s == unsc.SourceFailedDrafts || s == unsc.SourceWPDVetoes || s == unsc.SourceCRUNSC
}

// Reconcile turns every report in the record into decisions, in date order.
// It is a unsc.Reconciler: pure, and the same reports always give the same
// decisions. It never changes reports, and a decision's Reports may share
// their memory (groupOf): copy them before changing them.
func Reconcile(reports []unsc.Report) []unsc.Decision {
	return reconcile(reports, builtinFacts.Get())
}

func reconcile(reports []unsc.Report, facts Facts) []unsc.Decision {
	groups, reps := group(reports)
	swaps := swappedPositions(groups)
	days := meetingDays(groups)
	out := make([]unsc.Decision, 0, len(groups))
	for i, g := range groups {
		d := build(g, facts, reps, swaps[i], days)
		ownResolutionTitle(&d)
		if d.Date.IsZero() {
			// Reports no decision took, whose sources give no date and
			// whose meeting the record does not know: they cannot be
			// placed, and are not in the record (Unplaced lists them).
			continue
		}
		out = append(out, d)
	}
	inOrder(out)
	oneDraftOneDecision(out)
	draftsInSequence(out)
	adoptedAmendments(out)
	rejectedOnAdoptedDrafts(out)
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

// meetingDays gives each meeting the date the official sources give it:
// the day of a meeting, for the votes a source lists by meeting and year
// only (the hand-entered failed drafts). Where official sources give a
// meeting several days (a meeting resumed past midnight), the first.
//
// The 2020–21 videoconferences have no S/PV record; the spreadsheet numbers
// them (V108) and dates every vote of one videoconference alike. Each such
// number gets the date the official sources give a vote the spreadsheet
// places there, with the spreadsheet's own date for it (sheet), so that a
// vote only the spreadsheet gives, dated as the spreadsheet dates the
// others at that videoconference, takes the official date (videoconference).
func meetingDays(groups [][]unsc.Report) map[string]meetingDay {
	days := map[string]meetingDay{}
	var order []int
	for _, g := range groups {
		var official *unsc.Report
		order = dateRankOrder(g, order)
		for _, i := range order {
			r := &g[i]
			if !r.Source.Official() || r.Date.IsZero() {
				continue
			}
			if official == nil {
				official = r
			}
			if r.Meeting == "" {
				continue
			}
			if d, ok := days[r.Meeting]; !ok || r.Date.Before(d.date()) || r.Date.Equal(d.date()) && dateRank(r.Source) < dateRank(d.from.Source) {
				days[r.Meeting] = meetingDay{from: r}
			}
		}
		if official == nil {
			continue
		}
		for i := range g {
			v := videoconference(g[i])
			if v == "" {
				continue
			}
			if d, ok := days[v]; !ok || official.Date.Before(d.date()) {
				days[v] = meetingDay{from: official, video: &videoDay{sheet: g[i].Date, other: symbolOfReport(*official)}}
			}
		}
	}
	return days
}

// dateRankOrder returns the indexes of g's reports in the order of
// byDateRank, in buf's memory.
func dateRankOrder(g []unsc.Report, buf []int) []int {
	buf = buf[:0]
	for i := range g {
		buf = append(buf, i)
	}
	slices.SortStableFunc(buf, func(a, b int) int { return dateRank(g[a].Source) - dateRank(g[b].Source) })
	return buf
}

// meetingDay is a meeting's date as the report that gives it has it (one
// of the groups' reports, not a copy: an entry is two words, for the tens
// of thousands of meetings of a large record); for a videoconference, also
// the spreadsheet's date for the vote that report gives and that vote's
// symbol (video).
type meetingDay struct {
	from  *unsc.Report
	video *videoDay
}

// videoDay is what a videoconference's day says beside the meeting's: the
// spreadsheet's date for the vote the report gives (sheet) and that vote's
// symbol (other).
type videoDay struct {
	sheet time.Time
	other string
}

// date is the meeting's date.
func (d meetingDay) date() time.Time { return d.from.Date }

// sheet is the spreadsheet's date for a videoconference's vote; zero for
// a meeting.
func (d meetingDay) sheet() time.Time {
	if d.video == nil {
		return time.Time{}
	}
	return d.video.sheet
}

// other is the symbol of a videoconference's vote; "" for a meeting.
func (d meetingDay) other() string {
	if d.video == nil {
		return ""
	}
	return d.video.other
}

// videoconference returns the number the spreadsheet gives a 2020–21
// videoconference (V108), from the report's key, or "".
func videoconference(r unsc.Report) string {
	if r.Source != unsc.SourceSpreadsheet || r.Meeting != "" {
		return ""
	}
	v, _, _ := strings.Cut(r.Key, "|")
	if len(v) < 2 || v[0] != 'V' {
		return ""
	}
	for _, c := range v[1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return v
}

// symbolOfReport names the vote a report gives: its resolution, else its
// draft, else its meeting.
func symbolOfReport(r unsc.Report) string {
	for _, s := range []string{r.Resolution, r.Draft, r.Meeting} {
		if s != "" {
			return s
		}
	}
	return r.Key
}

// Unplaced returns the reports Reconcile leaves out of the record: those no
// decision takes, whose sources give no date, at a meeting no official
// source dates, with no fact to date them. The shared data has none (a
// test keeps it so); a new release of such a source may.
func Unplaced(reports []unsc.Report) []unsc.Report {
	groups, _ := group(reports)
	days := meetingDays(groups)
	var out []unsc.Report
	for _, g := range groups {
		undated := true
		for _, r := range g {
			if !r.Date.IsZero() {
				undated = false
			}
		}
		if !undated {
			continue
		}
		if _, ok := days[g[0].Meeting]; ok && g[0].Meeting != "" {
			continue
		}
		if fact, _ := builtinFacts.Get().lookup(g); fact != nil && !fact.Date.IsZero() {
			continue
		}
		out = append(out, g...)
	}
	return out
}

// oneDraftOneDecision keeps a draft symbol on one decision. Where several
// resolutions hold it, it stays on the one an official source gives it to,
// else on the one whose spreadsheet row adds up to the count (its row of
// resolution 2781 (2025), six members long, names the draft of 2779
// (2025)); where none or several do, on none.
func oneDraftOneDecision(ds []unsc.Decision) {
	byDraft := map[string][]int{}
	for i, d := range ds {
		if d.Draft != "" && !d.Amendment && d.Resolution != "" {
			byDraft[d.Draft] = append(byDraft[d.Draft], i)
		}
	}
	for sym, idx := range byDraft {
		if len(idx) < 2 {
			continue
		}
		// Where every claim is as good as the other, the record cannot
		// tell whose draft it is, and shows it on none.
		claims := 0
		for _, i := range idx {
			if draftClaim(&ds[i], sym) {
				claims++
			}
		}
		for _, i := range idx {
			d := &ds[i]
			if claims == 1 && draftClaim(d, sym) {
				continue
			}
			if claims > 1 && draftOfficial(d, sym) {
				continue
			}
			text := fmt.Sprintf("The spreadsheet gives the draft as %s, which it gives for another resolution too; the record cannot tell whose it is and does not show it.", sym)
			if claims == 1 {
				text = fmt.Sprintf("The spreadsheet gives the draft as %s, the draft of another resolution, in a row whose positions do not add up to the count; the record does not take it.", sym)
			}
			addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "draft", Source: "sc-votes-1994-2025", Text: text})
			d.Draft = ""
		}
	}
}

// adoptedAmendments marks as amendments the votes a source records as
// adopted drafts that no resolution came of. An adopted draft becomes a
// resolution and takes its number; an adopted text without one, at a
// meeting that adopted one resolution from another draft, was an amendment
// to that draft (S/2023/1023, the United States' amendment to S/2023/999,
// adopted 9-0-6 at S/PV.9518 before the draft became resolution 2719
// (2023): the spreadsheet lists it as a draft of its own). Procedural votes,
// which adopt no resolution, are left alone, and so is a vote at a meeting
// that adopted no resolution or several.
func adoptedAmendments(ds []unsc.Decision) {
	byMeeting := map[string][]int{}
	for i, d := range ds {
		if d.Meeting != "" && d.Resolution != "" && d.Draft != "" && !d.Amendment {
			byMeeting[d.Meeting] = append(byMeeting[d.Meeting], i)
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.Recorded != unsc.Adopted || d.Resolution != "" || d.Amendment || d.Meeting == "" || d.Matter != unsc.NonProcedural || hasFact(d, "kind") {
			continue
		}
		res := byMeeting[d.Meeting]
		if len(res) != 1 || ds[res[0]].Draft == d.Draft {
			continue
		}
		to := ds[res[0]]
		d.Amendment, d.AmendmentTo = true, to.Draft
		replaceNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "kind", Source: cite(d.Reports[0]),
			Text: fmt.Sprintf("%s lists %s as an adopted draft, but no resolution bears it: an adopted draft becomes a resolution. At %s the Council adopted one resolution, %s, from draft %s; this vote, taken before it, adopted an amendment to that draft.",
				upper(sourceName(d.Reports[0])), symbolOf(*d), d.Meeting, to.Resolution, to.Draft)})
		asAmendment(d)
	}
}

// rejectedOnAdoptedDrafts marks as amendments the votes not adopted that
// only the spreadsheet gives, under the draft of a resolution the Council
// adopted on the same day at the same meeting or videoconference. A draft
// adopted was not also rejected there: the vote the spreadsheet files under
// its symbol was on an amendment to it (at the videoconference of
// resolution 2533 (2020), 11 July 2020, a vote of 5-6-4 filed under
// S/2020/684, the draft the resolution came from). The amendment keeps the
// positions and count the spreadsheet gives; its own symbol is not known.
func rejectedOnAdoptedDrafts(ds []unsc.Decision) {
	type occasion struct {
		draft, meeting string
		day            time.Time
	}
	adopted := map[occasion]int{}
	for i, d := range ds {
		if d.Resolution != "" && d.Draft != "" && !d.Amendment {
			adopted[occasion{d.Draft, d.Meeting, d.Date}] = i
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.Resolution != "" || d.Draft == "" || d.Amendment || d.Recorded == unsc.Adopted || d.Matter != unsc.NonProcedural || draftOfficial(d, d.Draft) || hasFact(d, "kind") {
			continue
		}
		j, ok := adopted[occasion{d.Draft, d.Meeting, d.Date}]
		if !ok {
			continue
		}
		res := ds[j]
		where := "at " + res.Meeting
		if res.Meeting == "" {
			where = "at the same videoconference"
		}
		replaceNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "kind", Source: cite(d.Reports[0]),
			Text: fmt.Sprintf("%s files this vote, not adopted, under draft %s, which the Council adopted %s on %s as resolution %s: a draft adopted was not also rejected. The vote was on an amendment to that draft, whose own symbol no source read gives.",
				upper(sourceName(d.Reports[0])), d.Draft, where, res.Date.Format("2 January 2006"), res.Resolution)})
		d.Amendment, d.AmendmentTo, d.Draft = true, d.Draft, ""
		asAmendment(d)
	}
}

// asAmendment derives again the outcome of a vote found to be on an
// amendment: the engine decides an amendment as it decides a draft, and
// the vetoes are those it derives.
func asAmendment(d *unsc.Decision) {
	d.VetoedBy = nil
	if r, err := Derive(*d); err == nil {
		d.Derived = r.Outcome
		if r.Outcome == unsc.Vetoed {
			d.VetoedBy = memberCodes(r.VetoedBy)
		}
	}
}

// draftOfficial reports whether an official source gives the draft.
func draftOfficial(d *unsc.Decision, sym string) bool {
	for _, r := range d.Reports {
		if r.Draft == sym && r.Source.Official() {
			return true
		}
	}
	return false
}

// draftClaim reports whether a decision's claim to a draft is good: an
// official source gives it, or the spreadsheet in a row whose positions
// add up to the count.
func draftClaim(d *unsc.Decision, sym string) bool {
	if draftOfficial(d, sym) {
		return true
	}
	for _, r := range d.Reports {
		if r.Draft == sym && r.Source == unsc.SourceSpreadsheet && r.Votes.Known() && d.Tally.Known && sameTally(countVotes(r.Votes), d.Tally) {
			return true
		}
	}
	return false
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
		if r.Outcome == g[first].Outcome || !r.Votes.Known() {
			continue
		}
		// Two reports of one source disagree: trust the one whose votes
		// give its outcome.
		for _, x := range g[first:] {
			if x.Source != r.Source || !x.Votes.Known() || x.Outcome == 0 {
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

// anyVote reports whether anyone voted yes, no or abstained.
func anyVote(v unsc.Votes) bool {
	for _, p := range v.All() {
		if p == unsc.Yes || p == unsc.No || p == unsc.Abstain {
			return true
		}
	}
	return false
}

// Derive replays a decision through the Charter engine: from its
// per-member votes where the record has them and none is in doubt, else
// from its tally and the members recorded as casting a veto.
func Derive(d unsc.Decision) (unsc.Result, error) {
	return DeriveUnder(charter.Charter, d)
}

// DeriveUnder replays a decision under the given rules.
func DeriveUnder(rules charter.Rules, d unsc.Decision) (unsc.Result, error) {
	c, err := councilOn(d.Date)
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
	case d.Votes.Known() && len(d.InDoubt()) == 0:
		b.Votes = d.Votes
		return rules.Decide(c, b)
	case d.Tally.Known:
		return rules.DecideTally(c, b, d.Tally, d.VetoedBy)
	}
	return unsc.Result{}, unsc.Errorf(unsc.EINVALID, "votes", "no source gives the votes or a tally")
}

// tallyKey writes a report's count, from its positions where it gives
// them, as "yes-no-abstain".
func tallyKey(r unsc.Report) string {
	t := r.Tally
	if r.Votes.Known() {
		t = countVotes(r.Votes)
	}
	return strconv.Itoa(t.Yes) + "-" + strconv.Itoa(t.No) + "-" + strconv.Itoa(t.Abstain)
}

func countVotes(v unsc.Votes) unsc.Tally {
	t := unsc.Tally{Known: true}
	for _, p := range v.All() {
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

// The words that name a decision with no document symbol of its own:
// an oral amendment by the draft it amends, a draft without a symbol by the
// meeting that voted on it. A meeting symbol is never shown as a draft's.
const (
	oralAmendmentTo = "oral amendment to "
	amendmentTo     = "amendment to "
	draftAt         = "draft at "
)

// symbolOf returns the symbol a decision is best known by.
func symbolOf(d unsc.Decision) string {
	switch {
	case d.Resolution != "":
		return d.Resolution
	case d.Draft != "":
		return d.Draft
	case d.Amendment && d.Meeting == "":
		// Without a meeting (a videoconference's written procedure) an
		// amendment was not moved orally: its symbol is not known.
		return amendmentTo + d.AmendmentTo
	case d.Amendment:
		return oralAmendmentTo + d.AmendmentTo
	case d.Meeting != "" && !meetingDecision(d):
		return draftAt + d.Meeting
	}
	return d.Meeting
}

// meetingDecision reports whether a decision is the meeting's own — a
// procedural vote, a preliminary question, an election to the Court, a
// decision of substance adopted by a vote without a resolution (the
// recommendation to admit Kuwait, 7 May 1963; the President's appeal to
// Egypt approved on 21 July 1975: see unnumberedDecision) — and so known
// by the meeting's symbol; any other is a vote on a draft, known by the
// draft's symbol.
func meetingDecision(d unsc.Decision) bool {
	if d.Matter == unsc.Procedural || d.Matter == unsc.Preliminary || d.Matter == unsc.ICJElection {
		return true
	}
	return unnumberedDecision(d.Recorded == unsc.Adopted, d.Resolution, d.Draft, d.Amendment, d.MatterKnown, d.Date)
}

// Symbol returns the symbol a decision is best known by: its resolution,
// else its draft, else a description of an oral amendment ("oral amendment
// to S/2023/773") or of a draft without a symbol ("draft at S/PV.47"), else
// (a procedural vote, a preliminary question, an election) its meeting.
func Symbol(d unsc.Decision) string { return symbolOf(d) }

// SymbolLookup returns the document symbol by which a name Symbol returned
// can be looked up: the symbol itself, the draft an oral amendment amends,
// the meeting of a draft without a symbol. The prefixes match in any case.
func SymbolLookup(name string) string {
	for _, p := range []string{oralAmendmentTo, amendmentTo, draftAt} {
		if len(name) > len(p) && strings.EqualFold(name[:len(p)], p) {
			return name[len(p):]
		}
	}
	return name
}

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
