package analysis

import (
	_ "embed"
	"strings"

	"unsc"
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

var atrocityFlags = mustAtrocities(atrocityCSV)

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
func AtrocityFlags() []AtrocityFlag { return slicesClone(atrocityFlags) }

// atrocityFlag reports whether a decision is flagged by atrocity.csv.
func atrocityFlag(d unsc.Decision) bool {
	agenda := strings.ToLower(d.Agenda)
	for _, f := range atrocityFlags {
		switch f.Kind {
		case "draft":
			if d.Draft == f.Value || d.AmendmentTo == f.Value {
				return true
			}
		case "agenda":
			if startsWord(agenda, strings.ToLower(f.Value)) {
				return true
			}
		}
	}
	return false
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }
