package record_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"unsc"
	"unsc/record"
)

// TestUnofficialSourcesKeepOfficialFacts reconciles the shared data with
// and without the sources that are not official and add to the record
// (Emily Tong's failed drafts, the World Politics Data Lab's veto list, the
// CR-UNSC crosswalk): every decision the official sources make keeps its
// count, date, meeting, symbols and outcome, every veto is still cast by
// the same members, and the only decisions they add are failed votes that
// no official source lists.
func TestUnofficialSourcesKeepOfficialFacts(t *testing.T) {
	added := []unsc.Source{unsc.SourceFailedDrafts, unsc.SourceWPDVetoes, unsc.SourceCRUNSC}
	all := realReports(t)
	without := slices.DeleteFunc(slices.Clone(all), func(r unsc.Report) bool { return slices.Contains(added, r.Source) })
	if len(without) == len(all) {
		t.Fatal("the shared data holds none of the added sources")
	}
	// A decision is known by its most authoritative official report.
	key := func(d unsc.Decision) string {
		for _, r := range d.Reports {
			if r.Source.Official() {
				return string(r.Source) + "|" + r.Key
			}
		}
		// Two resolutions of one day may both lack a meeting and a draft
		// (2806 and 2807 of 12 December 2025): the resolution tells them
		// apart. One meeting may hold several votes on no text (the two
		// procedural votes of S/PV.690, 1955): the least key among the
		// reports of the sources not added tells them apart.
		k := fmt.Sprintf("%s|%s|%s|%s", d.Resolution, d.Draft, d.Meeting, d.Date.Format("2006-01-02"))
		var own []string
		for _, r := range d.Reports {
			if !slices.Contains(added, r.Source) {
				own = append(own, string(r.Source)+"|"+r.Key)
			}
		}
		if len(own) > 0 {
			k += "|" + slices.Min(own)
		}
		return k
	}
	before := map[string]unsc.Decision{}
	for _, d := range record.Reconcile(without) {
		before[key(d)] = d
	}
	after := record.Reconcile(all)
	seen := map[string]bool{}
	for _, d := range after {
		k := key(d)
		seen[k] = true
		b, ok := before[k]
		if !ok {
			official := slices.ContainsFunc(d.Sources, unsc.Source.Official)
			if official || d.Recorded != unsc.Failed || d.Resolution != "" {
				t.Errorf("%s: a decision the added sources make, %s with sources %v: want only failed votes no official source lists", record.Symbol(d), d.Recorded, d.Sources)
			}
			continue
		}
		if d.Tally != b.Tally && !(sameCount(d.Tally, b.Tally) && d.Tally.NonVoting >= b.Tally.NonVoting) {
			t.Errorf("%s: count %+v, without the added sources %+v", record.Symbol(d), d.Tally, b.Tally)
		}
		if d.Date != b.Date || d.Meeting != b.Meeting || d.Resolution != b.Resolution || d.Draft != b.Draft {
			t.Errorf("%s: %s %s %s, without the added sources %s %s %s", record.Symbol(d), d.Date.Format("2006-01-02"), d.Meeting, d.Draft, b.Date.Format("2006-01-02"), b.Meeting, b.Draft)
		}
		if d.Recorded != b.Recorded || !slices.Equal(d.VetoedBy, b.VetoedBy) || d.Modality != b.Modality || d.Amendment != b.Amendment {
			t.Errorf("%s: %v vetoed by %v (%v), without the added sources %v vetoed by %v (%v)", record.Symbol(d), d.Recorded, d.VetoedBy, d.Modality, b.Recorded, b.VetoedBy, b.Modality)
		}
	}
	for k, b := range before {
		if !seen[k] {
			t.Errorf("%s (%s): gone from the record, or moved, with the added sources", record.Symbol(b), k)
		}
	}
}

func sameCount(a, b unsc.Tally) bool {
	return a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain && a.Known == b.Known
}

// TestLinks checks each resolution's records in the UN Digital Library:
// the crosswalk's record of the text, and the voting record, which the
// crosswalk gives as the Digital Library's own record number does; and
// that check reports a crosswalk that disagrees.
func TestLinks(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	var withText int
	for i := range ds {
		d := &ds[i]
		n, ok := unsc.ResolutionNumber(d.Resolution)
		if !ok {
			if len(record.Links(*d)) > 0 {
				t.Errorf("%s: links %v, want none for a decision that is no resolution", record.Symbol(*d), record.Links(*d))
			}
			continue
		}
		links := record.Links(*d)
		if n <= 2722 && len(links) != 2 {
			t.Errorf("%s: links %v, want the resolution's record and its voting record", d.Resolution, links)
		}
		if len(links) == 2 {
			withText++
		}
		if d.Resolution == "S/RES/2334 (2016)" {
			want := []record.Link{{"the resolution in the UN Digital Library", "https://digitallibrary.un.org/record/853446"}, {"the voting record in the UN Digital Library", "https://digitallibrary.un.org/record/853517"}}
			if !slices.Equal(links, want) {
				t.Errorf("S/RES/2334 (2016): links %v, want %v", links, want)
			}
		}
	}
	if withText < 2700 {
		t.Errorf("%d resolutions with the record of their text, want every one of 1–2722", withText)
	}
	for _, f := range record.Check(ds).Findings {
		if f.Kind == record.KindLink {
			t.Errorf("%s: %s", record.Symbol(f.Decision), f.Detail)
		}
	}
	// A crosswalk that gives another voting record is found.
	for i := range ds {
		if ds[i].Resolution != "S/RES/2334 (2016)" {
			continue
		}
		d := ds[i]
		d.Reports = slices.Clone(d.Reports)
		for k := range d.Reports {
			if d.Reports[k].Source == unsc.SourceCRUNSC && strings.HasPrefix(d.Reports[k].Key, "voting:") {
				d.Reports[k].Note = "https://digitallibrary.un.org/record/1"
			}
		}
		var found bool
		for _, f := range record.Check([]unsc.Decision{d}).Findings {
			if f.Kind == record.KindLink && f.Status == record.Corrected && strings.Contains(f.Detail, "record/1;") && strings.Contains(f.Detail, "853517") {
				found = true
			}
		}
		if !found {
			t.Error("a crosswalk giving S/RES/2334 (2016) another voting record: no link finding")
		}
	}
}
