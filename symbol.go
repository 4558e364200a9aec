package unsc

import (
	"fmt"
	"strconv"
	"strings"

	"unsc/internal/ascii"
)

// SymbolKind is the kind of UN document a symbol names.
type SymbolKind uint8

// The kinds of symbol the record uses.
const (
	ResolutionSymbol SymbolKind = iota + 1 // S/RES/2728 (2024)
	DraftSymbol                            // S/2024/239 or S/1732
	MeetingSymbol                          // S/PV.9586
)

// NormalizeSymbol returns the canonical spelling of a Security Council
// document symbol and its kind. It accepts the spelling variants found in the
// sources: "S/RES/2728 (2024)", "S/RES/2728(2024)", "2728 (2024)",
// "S/RES/2728", "s/res/2728 (2024)"; drafts "S/2024/239", "S/1732",
// "S/20945/Rev.1"; meeting
// records "S/PV.9586", "S/PV 9586". Canonical forms are
// "S/RES/2728 (2024)", "S/2024/239" and "S/PV.9586". A resolution symbol
// without its year is returned without one.
func NormalizeSymbol(s string) (string, SymbolKind, error) {
	orig := s
	s = strings.ToUpper(strings.Join(strings.Fields(s), " "))
	bad := func(why string) (string, SymbolKind, error) {
		return "", 0, fmt.Errorf("symbol %q: %s", orig, why)
	}
	if s == "" {
		return bad("empty")
	}
	switch {
	case strings.HasPrefix(s, "S/PV"):
		rest := strings.TrimLeft(s[len("S/PV"):], ". ")
		// Resumptions ("S/PV.9586 (Resumption 1)") name the same meeting.
		if i := strings.IndexAny(rest, " ("); i >= 0 {
			rest = rest[:i]
		}
		if !ascii.IsDigits(rest) {
			return bad("want S/PV.NNNN")
		}
		return "S/PV." + trimZeros(rest), MeetingSymbol, nil
	case strings.HasPrefix(s, "S/RES/"):
		return resolution(s[len("S/RES/"):], orig)
	case len(s) > 0 && s[0] >= '0' && s[0] <= '9':
		return resolution(s, orig)
	case strings.HasPrefix(s, "S/"):
		parts := strings.Split(strings.ReplaceAll(s[2:], " ", ""), "/")
		// Revisions, addenda and corrigenda ("S/20945/Rev.1") are kept,
		// spelt as the UN spells them.
		suffix := ""
		for len(parts) > 1 {
			last := parts[len(parts)-1]
			kind, num, ok := strings.Cut(last, ".")
			name := map[string]string{"REV": "Rev", "ADD": "Add", "CORR": "Corr"}[kind]
			if !ok || name == "" || !ascii.IsDigits(num) {
				break
			}
			suffix = "/" + name + "." + trimZeros(num) + suffix
			parts = parts[:len(parts)-1]
		}
		switch {
		case len(parts) == 1 && ascii.IsDigits(parts[0]):
			return "S/" + trimZeros(parts[0]) + suffix, DraftSymbol, nil
		case len(parts) == 2 && ascii.IsDigits(parts[0]) && len(parts[0]) == 4 && ascii.IsDigits(parts[1]):
			return "S/" + parts[0] + "/" + trimZeros(parts[1]) + suffix, DraftSymbol, nil
		}
		return bad("want a draft symbol S/YYYY/NNN or S/NNNN")
	}
	return bad("want S/RES/NNNN (YYYY), S/YYYY/NNN, S/NNNN or S/PV.NNNN")
}

func resolution(s, orig string) (string, SymbolKind, error) {
	s = strings.ReplaceAll(s, " ", "")
	num, year, hasYear := strings.Cut(s, "(")
	if !ascii.IsDigits(num) {
		return "", 0, fmt.Errorf("symbol %q: want a resolution number", orig)
	}
	num = trimZeros(num)
	if !hasYear {
		return "S/RES/" + num, ResolutionSymbol, nil
	}
	year = strings.TrimSuffix(year, ")")
	if len(year) != 4 || !ascii.IsDigits(year) {
		return "", 0, fmt.Errorf("symbol %q: want the year as (YYYY)", orig)
	}
	return "S/RES/" + num + " (" + year + ")", ResolutionSymbol, nil
}

// ResolutionNumber returns the number of a canonical resolution symbol.
func ResolutionNumber(symbol string) (int, bool) {
	s, ok := strings.CutPrefix(symbol, "S/RES/")
	if !ok {
		return 0, false
	}
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// NoDraftSymbol is the phrase with which an importer's report note says
// that its source records the draft as having no symbol (early drafts were
// often put forward orally, or cited by the meeting's record).
const NoDraftSymbol = "no draft symbol"
