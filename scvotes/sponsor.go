package scvotes

import (
	"fmt"
	"slices"
	"strings"

	"unsc"
	"unsc/charter"
	"unsc/internal/ascii"
	"unsc/internal/lazy"
)

// The "Submitted by" column names who put a draft forward, as free text:
// "United Kingdom", "France,United Kingdom,United States", "Ecuador, United
// States", "Tunisia and the United States of America", "United States
// (64)", lists broken over lines with Excel's "_x000D_" escape,
// "President" (a text agreed in consultations and put forward by the
// President), "E10", "Committee on the Admission of New Members", "-none-".

// namesWithAnd are the states and bodies whose names contain " and ", which
// must not be split where a list ends "… X and Y".
var namesWithAnd = []string{
	"Antigua and Barbuda",
	"Bosnia and Herzegovina",
	"Heard and McDonald Islands",
	"Saint Kitts and Nevis",
	"Saint Vincent and the Grenadines",
	"Sao Tome and Principe",
	"São Tomé and Príncipe",
	"Serbia and Montenegro",
	"Trinidad and Tobago",
	"United Kingdom of Great Britain and Northern Ireland",
}

// sponsorAliases are spellings of members' names that only the "Submitted
// by" column uses.
var sponsorAliases = lazy.Value[map[string]unsc.Code]{Make: func() map[string]unsc.Code {
	return map[string]unsc.Code{
		"united kindgom":                   "GBR",
		"kingdom of the netherlands":       "NLD",
		"bolivarian republic of venezuela": "VEN",
		"plurinational state of bolivia":   "BOL",
		"slovak republic":                  "SVK",
		"cabo verde":                       "CPV",
	}
}}

// sponsors reads the "Submitted by" column: each sponsor once, in the
// file's order, a member's code for a state that has sat on the Council
// and the tidied name for anyone else. It returns nil for an
// empty cell or "-none-", and a note when the file's text needed more than
// tidying ("President?").
func sponsors(cell string) ([]string, string) {
	s := strings.ReplaceAll(cell, "_x000D_", " ")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, `"' `)
	if s == "" || strings.EqualFold(s, "-none-") || strings.EqualFold(s, "none") {
		return nil, ""
	}
	note := ""
	if s == "President?" {
		// The file's own doubt, kept in the note.
		note = `sponsors: the file says "President?"`
		s = "President"
	}
	// Protect the names that contain " and " before splitting on it.
	protected := map[string]string{}
	for i, n := range namesWithAnd {
		if idx := indexFold(s, n); idx >= 0 {
			ph := "\x00" + string(rune('A'+i)) + "\x00"
			protected[ph] = s[idx : idx+len(n)]
			s = s[:idx] + ph + s[idx+len(n):]
		}
	}
	var items []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		for _, item := range strings.Split(part, " and ") {
			for ph, n := range protected {
				item = strings.ReplaceAll(item, ph, n)
			}
			if item = tidySponsor(item); item != "" {
				items = append(items, item)
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(items); i++ {
		item := items[i]
		// The file splits some names with a comma: "Costa,Rica",
		// "Cabo,Verde", "United,States".
		if i+1 < len(items) {
			if _, ok := sponsorCode(item + " " + items[i+1]); ok {
				item += " " + items[i+1]
				i++
			}
		}
		if c, ok := sponsorCode(item); ok {
			item = string(c)
		}
		if !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
	}
	return out, note
}

// sponsorCells holds what sponsors made of each "Submitted by" cell read
// so far: the file's 1,997 decisions have 559 different cells, and
// reading each anew (its names folded, split and looked up) cost ~15 ms of
// the CPU of an import at today's size (PERFORMANCE.md, "Import at today's
// size, fourth pass").
type sponsorCells map[string]readCell

type readCell struct {
	sponsors []string
	note     string
}

// sponsors returns sponsors(cell), each time in a slice of its own.
func (m sponsorCells) sponsors(cell string) ([]string, string) {
	r, ok := m[cell]
	if !ok {
		r.sponsors, r.note = sponsors(cell)
		m[cell] = r
	}
	return slices.Clone(r.sponsors), r.note
}

// tidySponsor trims one sponsor's name, drops a leading "and" or "the", a
// final full stop and a trailing count such as "(64)", and writes the
// other spellings of a few states that never sat on the Council as the
// UN's name.
func tidySponsor(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ".")
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && ascii.IsDigits(s[i+1:len(s)-1]) {
		s = strings.TrimSpace(s[:i])
	}
	for _, prefix := range []string{"and ", "the "} {
		if len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
			s = strings.TrimSpace(s[len(prefix):])
		}
	}
	// "Côte d`Ivoire": a backquote for an apostrophe.
	s = strings.ReplaceAll(s, "`", "'")
	if n, ok := otherNames.Get()[foldName(s)]; ok {
		return n
	}
	return s
}

// otherNames gives the UN's name of states that never sat on the Council
// for the other spellings the file uses.
var otherNames = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"micronesia":                            "Micronesia (Federated States of)",
		"federated states of micronesia":        "Micronesia (Federated States of)",
		"moldova":                               "Republic of Moldova",
		"laos":                                  "Lao People's Democratic Republic",
		"democratic people's republic of korea": "Democratic People's Republic of Korea",
	}
}}

// sponsorCode returns the code of a state that has sat on the Council,
// by any of its names: the file's, the name it sat under (package charter)
// and its name in the UN today where it sat under another ("Belarus" for
// the Byelorussian SSR, "Sri Lanka" for Ceylon).
func sponsorCode(name string) (unsc.Code, bool) {
	if c, ok := memberCode(name); ok {
		return c, true
	}
	if c, ok := sponsorAliases.Get()[foldName(name)]; ok {
		return c, true
	}
	return charter.MemberCode(name)
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, substr string) int {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], substr) {
			return i
		}
	}
	return -1
}

// cutNames drops from each report's sponsors the names the file cuts
// short: a single word that is only the first or the last word of a name
// the file writes whole elsewhere, or of a Council member's name — the
// cell of S/2021/990 stops at "Solomon" (Solomon Islands), that of
// resolution 2639 (2022) at "Russian Federation and United", and the next
// row's cell holds "States". A list that ends with such a word was cut: the
// note says so, and that the others are missing.
func cutNames(reports []unsc.Report) {
	whole := map[string]bool{}
	for _, t := range charter.Tenures() {
		whole[t.Name] = true
	}
	for _, r := range reports {
		for _, s := range r.Sponsors {
			whole[s] = true
		}
	}
	firstOrLast := map[string]bool{}
	for n := range whole {
		words := strings.Fields(n)
		if len(words) > 1 {
			firstOrLast[words[0]] = true
			firstOrLast[words[len(words)-1]] = true
		}
	}
	for i := range reports {
		r := &reports[i]
		var kept []string
		var cut []string
		for _, s := range r.Sponsors {
			if !strings.Contains(s, " ") && firstOrLast[s] && !isCode(s) && !standsAlone(s, reports) {
				cut = append(cut, s)
				continue
			}
			kept = append(kept, s)
		}
		if len(cut) == 0 {
			continue
		}
		r.Sponsors = kept
		if len(kept) == 0 {
			r.Sponsors = nil
		}
		addNote(r, fmt.Sprintf("sponsors: the file's list is cut short (%q, part of a name): the names it gives whole are kept, and others are missing", strings.Join(cut, `", "`)))
	}
}

// isCode reports whether s is a member's code as sponsors holds them.
func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// standsAlone reports whether the file gives s as a whole sponsor list of
// its own more than once: a name, not a fragment ("President").
func standsAlone(s string, reports []unsc.Report) bool {
	n := 0
	for _, r := range reports {
		if len(r.Sponsors) == 1 && r.Sponsors[0] == s {
			n++
		}
	}
	return n > 1
}
