package analysis

import (
	_ "embed"
	"strings"

	"unsc"
	"unsc/internal/lazy"
)

// atrocityCSV lists the drafts and agenda items flagged as being on mass
// atrocities, each with its source; its header comment gives the criteria.
//
//go:embed atrocity.csv
var atrocityCSV string

// AtrocityFlag is one row of atrocity.csv.
type AtrocityFlag struct {
	Kind   string `json:"kind"` // "draft" or "agenda"
	Value  string `json:"value"`
	Topic  string `json:"topic"`
	Source string `json:"source"`
}

var atrocityFlags = lazy.Value[[]AtrocityFlag]{Make: func() []AtrocityFlag { return mustAtrocities(atrocityCSV) }}

func mustAtrocities(text string) []AtrocityFlag {
	rows, err := readCSV("atrocity.csv", text, 4)
	if err != nil {
		panic(err)
	}
	var out []AtrocityFlag
	for _, r := range rows[1:] {
		if r[0] != "draft" && r[0] != "agenda" {
			panic("atrocity.csv: kind " + r[0] + ": want draft or agenda")
		}
		out = append(out, AtrocityFlag{r[0], r[1], r[2], r[3]})
	}
	return out
}

// AtrocityFlags returns the embedded list of drafts and agenda items on mass
// atrocities.
func AtrocityFlags() []AtrocityFlag { return slicesClone(atrocityFlags.Get()) }

// atrocityAgendas are the agenda rows of atrocity.csv, lower-case.
var atrocityAgendas = lazy.Value[[]string]{Make: func() []string {
	var out []string
	for _, f := range atrocityFlags.Get() {
		if f.Kind == "agenda" {
			out = append(out, strings.ToLower(f.Value))
		}
	}
	return out
}}

// atrocityDraft reports whether atrocity.csv flags d's draft, or the draft
// it amends.
func atrocityDraft(d *unsc.Decision) bool {
	for _, f := range atrocityFlags.Get() {
		if f.Kind == "draft" && (d.Draft == f.Value || d.AmendmentTo == f.Value) {
			return true
		}
	}
	return false
}

// atrocityAgenda reports whether atrocity.csv flags an agenda item.
func atrocityAgenda(agenda string) bool {
	if len(atrocityAgendas.Get()) == 0 {
		return false
	}
	agenda = strings.ToLower(agenda)
	for _, a := range atrocityAgendas.Get() {
		if startsWord(agenda, a) {
			return true
		}
	}
	return false
}

// atrocities returns whether atrocity.csv flags each decision (its draft,
// the draft it amends, or its agenda item), built once; an agenda item is
// looked at once however many decisions share it.
func (x *Index) atrocities() []bool {
	x.atrocityOnce.Do(func() {
		x.atrocity = make([]bool, x.n)
		agendas := map[string]bool{}
		var last string
		lastFlagged, haveLast := false, false
		for i := range x.n {
			d := x.d(i)
			if atrocityDraft(d) {
				x.atrocity[i] = true
				continue
			}
			// Decisions in a row often share their agenda item.
			if !haveLast || d.Agenda != last {
				a, ok := agendas[d.Agenda]
				if !ok {
					a = atrocityAgenda(d.Agenda)
					agendas[d.Agenda] = a
				}
				last, lastFlagged, haveLast = d.Agenda, a, true
			}
			x.atrocity[i] = lastFlagged
		}
	})
	return x.atrocity
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }
