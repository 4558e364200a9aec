package analysis

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"

	"unsc"
)

// regionsCSV is the editorial mapping from agenda items and subjects to a
// region and a topic; its header comment says how it is read and its limits.
//
//go:embed regions.csv
var regionsCSV string

// The regions of regions.csv.
const (
	RegionMiddleEast = "Middle East"
	RegionEurope     = "Europe"
	RegionAfrica     = "Africa"
	RegionAsia       = "Asia"
	RegionAmericas   = "Americas"
	RegionOther      = "thematic/other"
)

type regionRow struct {
	pattern, region, topic string
	generic                bool
}

var regionRows = mustRegions(regionsCSV)

func mustRegions(text string) []regionRow {
	rows, err := readCSV("regions.csv", text, 5)
	if err != nil {
		panic(err)
	}
	var out []regionRow
	for _, r := range rows[1:] {
		out = append(out, regionRow{strings.ToLower(r[0]), r[1], r[2], r[3] == "yes"})
	}
	return out
}

// readCSV reads embedded CSV text whose comment lines start with '#'.
func readCSV(name, text string, fields int) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.FieldsPerRecord = fields
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no header", name)
	}
	return rows, nil
}

// classify returns the region and topic of a decision by regions.csv.
func classify(d unsc.Decision) (region, topic string) {
	head := strings.ToLower(d.Agenda + "\n" + d.Title)
	subjects := strings.ToLower(strings.Join(d.Subjects, "\n"))
	for _, pass := range []struct {
		text    string
		generic bool
	}{{head, false}, {subjects, false}, {head + "\n" + subjects, true}} {
		for _, r := range regionRows {
			if r.generic == pass.generic && startsWord(pass.text, r.pattern) {
				return r.region, r.topic
			}
		}
	}
	return RegionOther, "other"
}

// startsWord reports whether pattern occurs in text where a word starts.
func startsWord(text, pattern string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], pattern)
		if i < 0 {
			return false
		}
		at := off + i
		if at == 0 || !isLetter(text[at-1]) {
			return true
		}
		off = at + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 0x80 }
