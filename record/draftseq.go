package record

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"unsc"
)

// Draft symbols in order.
//
// A document symbol S/YYYY/N is given in the order documents are issued:
// N counts the Council's documents of year YYYY. A draft is issued before
// it is voted on, as a rule days before, so the drafts of one year, taken in
// the order voted, bear rising numbers. The spreadsheet's "draft" of a
// resolution is at times another document of the Council: a report or a
// letter the resolution cites, issued weeks before (S/2015/138 for
// resolution 2235 (2015) is the Secretary-General's letter of 25 February
// 2015 its preamble notes; S/2011/540 for 2012 (2011) and S/2014/342 for
// 2162 (2014) are the Secretary-General's reports on the missions they
// renew; S/2020/949 for 2551 (2020) the Somalia Panel of Experts' final
// report), or a misprint (S/1995/136 for resolution 1048 of 29 February
// 1996; S/2016/7767 in 2016, a year whose numbers stop near 1,100).
//
// draftsInSequence takes off a resolution the draft symbol that only the
// spreadsheet gives where it cannot be the draft:
//   - its year is not the year of the vote, or
//   - it is out of the order of the year's drafts: two or more drafts
//     voted at least draftGap before it bear higher numbers (it would have
//     been issued weeks before the vote), or two or more voted at least
//     draftGap after it bear lower ones. The symbol most out of order goes
//     first, and the count is made again without it, so one stray number
//     does not put its neighbours out of order.
//
// The symbols of failed drafts, amendments and any symbol an official
// source or a curated row gives are left alone, and count as the order
// they are checked against. The value taken off is kept in a note.
func draftsInSequence(ds []unsc.Decision) {
	var es []draftEntry
	for i, d := range ds {
		if d.Draft == "" || d.Amendment || d.Date.IsZero() {
			continue
		}
		year, n, ok := draftNumber(d.Draft)
		if !ok {
			continue
		}
		suspect := d.Resolution != "" && draftOnlyFromSpreadsheet(&ds[i]) && !hasFact(&ds[i], "draft")
		if suspect && year != d.Date.Year() {
			takeDraft(&ds[i], fmt.Sprintf("The spreadsheet gives the draft as %s, a document of %d, for a resolution adopted on %s; a draft is issued days before its vote, so this is not the resolution's draft (a misprint, or another document). The record does not show it.",
				d.Draft, year, d.Date.Format("2 January 2006")))
			continue
		}
		es = append(es, draftEntry{i, year, n, d.Date, suspect})
	}
	// Only drafts of one year are compared, so each year is put in order
	// alone: the symbols taken off one year leave the others' counts as
	// they were.
	years := map[int][]draftEntry{}
	var order []int
	for _, e := range es {
		if _, ok := years[e.year]; !ok {
			order = append(order, e.year)
		}
		years[e.year] = append(years[e.year], e)
	}
	for _, y := range order {
		inSequence(ds, years[y])
	}
}

// inSequence takes off, one at a time, the suspect draft of one year most
// out of the order of live (see draftsInSequence).
func inSequence(ds []unsc.Decision, live []draftEntry) {
	for {
		worst, most, before := -1, 1, 0
		for j, e := range live {
			if !e.suspect || e.day.Year() != e.year {
				continue
			}
			if b, a := inversions(e, live); b+a > most {
				worst, most, before = j, b+a, b
			}
		}
		if worst < 0 {
			return
		}
		e := live[worst]
		d := &ds[e.i]
		why := fmt.Sprintf("%d drafts voted three weeks or more before it bear higher numbers, so it was issued weeks before its vote (the symbol is at times that of a report or a letter the resolution cites)", before)
		if before*2 < most {
			why = fmt.Sprintf("%d drafts voted three weeks or more after it bear lower numbers, so it was issued after them (a misprint)", most-before)
		}
		takeDraft(d, fmt.Sprintf("The spreadsheet gives the draft as %s, out of the order in which the Council's documents of %d are numbered: %s. The record does not show it.", d.Draft, e.year, why))
		live = append(live[:worst:worst], live[worst+1:]...)
	}
}

// draftEntry is a resolution's draft symbol as draftsInSequence orders it: the
// decision's index, the symbol's year and number, the day of the vote, and
// whether the spreadsheet alone gives it.
type draftEntry struct {
	i       int
	year, n int
	day     time.Time
	suspect bool
}

// inversions counts the drafts of the same year voted at least draftGap
// before e with a higher number (before), and after it with a lower one
// (after).
func inversions(e draftEntry, live []draftEntry) (before, after int) {
	for _, o := range live {
		if o.year != e.year || o.day.Year() != e.year {
			continue
		}
		if e.day.Sub(o.day) >= draftGap && o.n > e.n {
			before++
		}
		if o.day.Sub(e.day) >= draftGap && o.n < e.n {
			after++
		}
	}
	return before, after
}

// draftGap is how far apart two votes are before the order of their
// drafts' numbers counts: drafts are issued days before the vote, at times
// a week or two (S/1994/1168, resolution 955 (1994)).
const draftGap = 21 * 24 * time.Hour

func takeDraft(d *unsc.Decision, text string) {
	addNote(d, unsc.Note{Kind: unsc.NoteCorrected, Field: "draft", Source: string(unsc.SourceSpreadsheet), Text: text})
	d.Draft = ""
}

// draftNumber reads S/YYYY/N (with any /Rev.N and the like after it).
func draftNumber(s string) (year, n int, ok bool) {
	parts := strings.Split(s, "/")
	if len(parts) < 3 || parts[0] != "S" || len(parts[1]) != 4 {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(parts[1])
	m, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return y, m, true
}

// draftOnlyFromSpreadsheet reports whether the spreadsheet is the only
// source that gives the decision's draft symbol.
func draftOnlyFromSpreadsheet(d *unsc.Decision) bool {
	only := false
	for _, r := range d.Reports {
		if r.Draft != d.Draft {
			continue
		}
		if r.Source != unsc.SourceSpreadsheet {
			return false
		}
		only = true
	}
	return only
}
