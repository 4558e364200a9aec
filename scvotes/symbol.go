package scvotes

import (
	"strconv"
	"strings"

	"unsc"
	"unsc/internal/ascii"
)

// resolutionCell reads the Resolution column. It returns the canonical
// resolution symbol, or, when the cell holds a draft symbol instead (the
// columns are swapped on a few 2025 rows), that draft with swapped set.
// placeholder is set for the file's "Missing".
func resolutionCell(s string) (sym string, swapped, placeholder bool, ok bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", false, false, true
	}
	if strings.EqualFold(t, "missing") {
		return "", false, true, true
	}
	if len(t) > len("resolution ") && strings.EqualFold(t[:len("resolution ")], "resolution ") {
		t = strings.TrimSpace(t[len("resolution "):])
	}
	t = slashYear(t)
	n, kind, err := unsc.NormalizeSymbol(t)
	switch {
	case err != nil:
		return "", false, false, false
	case kind == unsc.ResolutionSymbol:
		return n, false, false, true
	case kind == unsc.DraftSymbol:
		return n, true, false, true
	}
	return "", false, false, false
}

// slashYear rewrites "S/RES/2776/2025" as "S/RES/2776 (2025)".
func slashYear(t string) string {
	rest, ok := strings.CutPrefix(strings.ToUpper(t), "S/RES/")
	if !ok {
		return t
	}
	num, year, ok := strings.Cut(rest, "/")
	if !ok || len(year) != 4 {
		return t
	}
	return "S/RES/" + num + " (" + year + ")"
}

// draftCell is what the Draft column says: the symbols it names, whether
// it marks an amendment, and any words besides.
type draftCell struct {
	// symbols are the draft symbols named, canonical, in the cell's order.
	symbols []string
	// resolution is set when the cell holds a resolution symbol (swapped
	// columns).
	resolution string
	// oral is "oral amendment" or "oral amendment N" for an oral
	// amendment.
	oral      string
	amendment bool
	// rest is the cell's text when it says more than its symbols, or names
	// no symbol that parses.
	rest string
}

// parseDraftCell reads the Draft column, a free-text field in this file:
// "S/2024/254", "Oral amendment 2", "S/2024/323 (amendment)",
// "S/2016/565; S/2016/638", "S/2002/259 as orally revised",
// "para. 4 of report of Committee on Admission of New Members".
func parseDraftCell(s string) draftCell {
	t := strings.Join(strings.Fields(s), " ")
	var c draftCell
	if t == "" {
		return c
	}
	low := strings.ToLower(t)
	if strings.HasPrefix(low, "oral amendment") {
		c.oral = low
		c.amendment = true
		return c
	}
	if n, kind, err := unsc.NormalizeSymbol(t); err == nil {
		switch kind {
		case unsc.DraftSymbol:
			c.symbols = []string{n}
			return c
		case unsc.ResolutionSymbol:
			if strings.HasPrefix(low, "s/res/") {
				c.resolution = n
				return c
			}
		}
	}
	// Pick out every token that starts like a symbol; whatever else the
	// cell says is kept as text.
	leftover := false
	for _, tok := range strings.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == ';' || r == ',' || r == '(' || r == ')'
	}) {
		lt := strings.ToLower(tok)
		switch {
		case strings.HasPrefix(lt, "s/"):
			n, kind, err := unsc.NormalizeSymbol(tok)
			if err == nil && kind == unsc.DraftSymbol {
				c.symbols = append(c.symbols, n)
			} else {
				leftover = true
			}
		case lt == "amendment":
			c.amendment = true
		default:
			leftover = true
		}
	}
	if leftover || len(c.symbols) == 0 {
		c.rest = t
	}
	return c
}

// latestDraft returns the symbol with the highest (year, number) of the
// drafts listed: when the column lists reports beside the draft, the draft
// voted on is the latest document.
func latestDraft(syms []string) string {
	best, by, bn := "", -1, -1
	for _, s := range syms {
		y, n := draftOrder(s)
		if y > by || y == by && n > bn {
			best, by, bn = s, y, n
		}
	}
	return best
}

// draftOrder returns the year and number of a canonical draft symbol;
// pre-1994 symbols S/NNNN have year 0.
func draftOrder(s string) (year, num int) {
	parts := strings.Split(strings.TrimPrefix(s, "S/"), "/")
	if len(parts) == 2 {
		year, _ = strconv.Atoi(parts[0])
		num, _ = strconv.Atoi(parts[1])
		return year, num
	}
	num, _ = strconv.Atoi(parts[0])
	return 0, num
}

// meetingCell reads the Meeting column: "3326", "S/PV.9586", "PV.8780",
// "S/PV9180" are meeting records; "V104" numbers a 2020–21 videoconference,
// which has no S/PV record. It returns the canonical S/PV symbol, or the
// videoconference number in vtc.
func meetingCell(s string) (meeting, vtc string, ok bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", "", true
	}
	if (t[0] == 'V' || t[0] == 'v') && len(t) > 1 && ascii.IsDigits(t[1:]) {
		return "", "V" + t[1:], true
	}
	u := strings.ToUpper(t)
	switch {
	case ascii.IsDigits(u):
		u = "S/PV." + u
	case strings.HasPrefix(u, "PV"):
		u = "S/" + u
	}
	n, kind, err := unsc.NormalizeSymbol(u)
	if err != nil || kind != unsc.MeetingSymbol {
		return "", "", false
	}
	return n, "", true
}
