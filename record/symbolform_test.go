package record_test

import (
	"strings"
	"testing"
	"time"

	"unsc"
	"unsc/record"
)

// A decision is known by a symbol of its kind's form, and a meeting symbol
// is never shown as a draft's: over the whole shared record, every decision
// shown by a meeting symbol is the meeting's own (a procedural vote, a
// preliminary question, an election, a decision of substance adopted
// without a resolution number before 1964, or later on no draft and with
// its matter unstated, as the appeal to Egypt of 21 July 1975), and no
// finding of the symbol's form is left unexplained.
func TestRealSymbolsOfTheirKind(t *testing.T) {
	ds := record.Reconcile(realReports(t))
	shownByMeeting := 0
	for _, d := range ds {
		sym := record.Symbol(d)
		_, kind, err := unsc.NormalizeSymbol(sym)
		if err == nil && kind == unsc.MeetingSymbol {
			shownByMeeting++
			unnumbered := d.Recorded == unsc.Adopted && d.Resolution == "" && d.Draft == "" && !d.Amendment && (d.Date.Year() < 1964 || !d.MatterKnown)
			if d.Matter != unsc.Procedural && d.Matter != unsc.Preliminary && d.Matter != unsc.ICJElection && !unnumbered {
				t.Errorf("%s %s (%s, %s) is a vote on a draft shown by its meeting's symbol", d.Date.Format(time.DateOnly), sym, d.Matter, d.Recorded)
			}
		}
		if got := record.SymbolLookup(sym); got == "" || strings.Contains(got, " at ") || strings.HasPrefix(got, "oral") {
			t.Errorf("SymbolLookup(%q) = %q, want a document symbol", sym, got)
		}
	}
	if shownByMeeting == 0 {
		t.Error("no decision shown by its meeting: the procedural votes should be")
	}
	for _, f := range record.Check(ds).Findings {
		if f.Kind == record.KindSymbol && f.Source == "" && f.Status == record.Unexplained {
			t.Errorf("%s %s: %s", f.Decision.Date.Format(time.DateOnly), record.Symbol(f.Decision), f.Detail)
		}
	}
}

func TestCheckSymbolForms(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	vote := func(date string) unsc.Decision {
		return unsc.Decision{Date: day(date), Meeting: "S/PV.10000", Matter: unsc.NonProcedural, MatterKnown: true,
			Modality: unsc.ByVote, Recorded: unsc.Vetoed, Derived: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"},
			Tally: unsc.Tally{Yes: 14, No: 1, Known: true}}
	}
	with := func(d unsc.Decision, f func(*unsc.Decision)) unsc.Decision { f(&d); return d }
	tests := []struct {
		name   string
		d      unsc.Decision
		want   record.Status // of the decision's own symbol finding; "" for none
		symbol string
	}{
		{"a draft of its year", with(vote("2025-09-18"), func(d *unsc.Decision) { d.Draft = "S/2025/591" }), "", "S/2025/591"},
		{"a draft of the year before", with(vote("2025-01-03"), func(d *unsc.Decision) { d.Draft = "S/2024/900" }), "", "S/2024/900"},
		{"a revised draft", with(vote("2025-09-18"), func(d *unsc.Decision) { d.Draft = "S/2025/591/Rev.1" }), "", "S/2025/591/Rev.1"},
		{"an early draft", with(vote("1956-10-30"), func(d *unsc.Decision) { d.Meeting = "S/PV.749"; d.Draft = "S/3713/Rev.1" }), "", "S/3713/Rev.1"},
		{"a meeting symbol as the draft", with(vote("2025-09-18"), func(d *unsc.Decision) { d.Draft = "S/PV.10000" }), record.Unexplained, "S/PV.10000"},
		{"a draft of a later year", with(vote("2025-09-18"), func(d *unsc.Decision) { d.Draft = "S/2026/1" }), record.Unexplained, "S/2026/1"},
		{"a draft without its year after 1993", with(vote("2025-09-18"), func(d *unsc.Decision) { d.Draft = "S/591" }), record.Unexplained, "S/591"},
		{"a draft with a year before 1994", with(vote("1990-01-10"), func(d *unsc.Decision) { d.Draft = "S/1990/1" }), record.Unexplained, "S/1990/1"},
		{"a resolution of another year", with(vote("2025-10-31"), func(d *unsc.Decision) {
			d.Resolution, d.Recorded, d.Derived, d.VetoedBy, d.Tally = "S/RES/2797 (2024)", unsc.Adopted, unsc.Adopted, nil, unsc.Tally{Yes: 15, Known: true}
		}), record.Unexplained, "S/RES/2797 (2024)"},
		{"no symbol: shown by its meeting, never as the meeting's", vote("2025-09-18"), record.Corrected, "draft at S/PV.10000"},
		{"a decision of substance adopted before 1964 without a number is the meeting's own", with(vote("1963-05-07"), func(d *unsc.Decision) {
			d.Meeting, d.Recorded, d.Derived, d.VetoedBy, d.Tally = "S/PV.1034", unsc.Adopted, unsc.Adopted, nil, unsc.Tally{Yes: 11, Known: true}
		}), "", "S/PV.1034"},
		{"a procedural vote is the meeting's own", with(vote("2024-03-25"), func(d *unsc.Decision) {
			d.Meeting, d.Matter, d.Recorded, d.Derived, d.VetoedBy, d.Tally = "S/PV.9587", unsc.Procedural, unsc.Failed, unsc.Failed, nil, unsc.Tally{Yes: 5, No: 3, Abstain: 7, Known: true}
		}), "", "S/PV.9587"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := record.Symbol(tt.d); got != tt.symbol {
				t.Errorf("Symbol = %q, want %q", got, tt.symbol)
			}
			var got record.Status
			for _, f := range record.Check([]unsc.Decision{tt.d}).Findings {
				if f.Kind == record.KindSymbol {
					if got != record.Unexplained {
						got = f.Status
					}
					if f.Status == record.Corrected && f.Basis == "" {
						t.Errorf("corrected without a basis: %s", f.Detail)
					}
				}
			}
			if got != tt.want {
				t.Errorf("symbol finding = %q, want %q", got, tt.want)
			}
		})
	}
}
