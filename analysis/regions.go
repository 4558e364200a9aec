package analysis

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"unsc"
	"unsc/internal/lazy"
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

// regionTable is regions.csv read, with regionStarts listing, for each
// byte, the rows whose pattern starts with it, in row order: read on first
// use, so that a command that classifies nothing does not pay for it at
// start.
type regionTable struct {
	rows   []regionRow
	starts *[256][]uint8
}

var regionsOf = lazy.Value[*regionTable]{Make: func() *regionTable {
	rows := mustRegions(regionsCSV)
	return &regionTable{rows: rows, starts: indexRows(rows)}
}}

var otherRegion = regionRow{region: RegionOther, topic: "other"}

func mustRegions(text string) []regionRow {
	rows, err := readCSV("regions.csv", text, 5)
	if err != nil {
		panic(err)
	}
	var out []regionRow
	for _, r := range rows[1:] {
		p := strings.ToLower(r[0])
		// classify matches within one field at a time, and numbers rows
		// in a byte.
		if p == "" || strings.ContainsRune(p, '\n') {
			panic("regions.csv: pattern " + strconv.Quote(r[0]) + ": want a non-empty pattern on one line")
		}
		out = append(out, regionRow{p, r[1], r[2], r[3] == "yes"})
	}
	if len(out) > maxRegionRows {
		panic("regions.csv: " + strconv.Itoa(len(out)) + " rows: want at most " + strconv.Itoa(maxRegionRows))
	}
	return out
}

// maxRegionRows is how many rows regions.csv may have: a decision's row is
// kept in a byte, 0 meaning none.
const maxRegionRows = 255

func indexRows(rows []regionRow) *[256][]uint8 {
	var by [256][]uint8
	for k, r := range rows {
		by[r.pattern[0]] = append(by[r.pattern[0]], uint8(k))
	}
	return &by
}

// Topics returns the topics of regions.csv, each once, in the file's
// order, and "other" (a decision no row matches) last.
func Topics() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range regionsOf.Get().rows {
		if !seen[r.topic] {
			seen[r.topic] = true
			out = append(out, r.topic)
		}
	}
	if !seen[otherRegion.topic] {
		out = append(out, otherRegion.topic)
	}
	return out
}

// regionOf returns the row a decision's region index names (see
// regionIndex).
func regionOf(k uint8) regionRow {
	if k == 0 {
		return otherRegion
	}
	return regionsOf.Get().rows[k-1]
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

// regionIndex returns, for each decision vetoed or on the UN veto list
// (every veto under either scope), its row of regions.csv plus one, 0 for
// thematic/other; other decisions are not classified. It is built once.
func (x *Index) regionIndex() []uint8 {
	x.regionsOnce.Do(func() {
		x.regions = make([]uint8, x.n)
		if x.cols == nil {
			for _, vs := range x.vetoLists() {
				for _, v := range vs {
					x.regions[v.i] = classifyRow(x.d(v.i))
				}
			}
			return
		}
		// The store lists the sources of a decision's reports among its
		// sources, so that the list's rows need no reports to be found.
		for i := range x.n {
			if x.outcome(i) == unsc.Vetoed || x.listed(i) {
				x.regions[i] = classifyRow(x.d(i))
			}
		}
	})
	return x.regions
}

// classifyRow returns the row of regions.csv that classifies d, plus one,
// or 0 for none. Rows are tried in order, first the specific rows against
// the agenda and title, then against the subjects, then the generic rows
// against all of them. No pattern holds a line break, so a pattern that
// starts a word of the text joined by line breaks starts a word of one
// field: each field is scanned once for every pattern.
func classifyRow(d *unsc.Decision) uint8 {
	var head, subjects [4]uint64 // bit k: row k starts a word
	var buf []byte
	buf = appendLower(buf[:0], d.Agenda)
	matchRows(buf, &head)
	buf = appendLower(buf[:0], d.Title)
	matchRows(buf, &head)
	for _, s := range d.Subjects {
		buf = appendLower(buf[:0], s)
		matchRows(buf, &subjects)
	}
	has := func(set *[4]uint64, k int) bool { return set[k/64]&(1<<(k%64)) != 0 }
	rows := regionsOf.Get().rows
	for _, set := range []*[4]uint64{&head, &subjects} {
		for k, r := range rows {
			if !r.generic && has(set, k) {
				return uint8(k + 1)
			}
		}
	}
	for k, r := range rows {
		if r.generic && (has(&head, k) || has(&subjects, k)) {
			return uint8(k + 1)
		}
	}
	return 0
}

// matchRows sets the bit of every row whose pattern starts a word of text.
func matchRows(text []byte, set *[4]uint64) {
	t := regionsOf.Get()
	for at := range text {
		if at > 0 && isLetter(text[at-1]) {
			continue
		}
		rest := text[at:]
		for _, k := range t.starts[rest[0]] {
			if p := t.rows[k].pattern; len(rest) >= len(p) && string(rest[:len(p)]) == p {
				set[k/64] |= 1 << (k % 64)
			}
		}
	}
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
