package record

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsc/internal/lazy"

	"unsc"
)

// Fact is something the record knows about a decision that its sources do
// not state, or state wrongly, with the public source it comes from (a
// document symbol or an address). Facts are the last resort: a rule that
// settles a kind of disagreement is preferred to a fact per decision.
type Fact struct {
	Symbol string
	// Matter, when set, is the kind of matter the decision was.
	Matter *unsc.Matter
	// Absent lists members that were absent, where the sources write
	// absence and non-participation alike ("X").
	Absent []unsc.Code
	// AmendmentTo, when set, says the decision was a vote on an amendment
	// to this draft, where the sources list the amendment as a draft of
	// its own.
	AmendmentTo string
	// Draft, when set, is the draft's symbol, where the official source
	// misprints it (the library's table prints S/25977 for S/25997).
	Draft string
	// Tally, when Known, is the count, where the official count is
	// misprinted.
	Tally unsc.Tally
	// InParts says the draft was put to the vote paragraph by paragraph
	// and never as a whole (tally "parts"): the sources' count of the
	// whole, which the UN's volume says was never taken, is not shown.
	InParts bool
	// Votes are members' positions where the sources give them wrongly or
	// cannot settle them.
	Votes map[unsc.Code]unsc.Position
	// Date and Meeting, when set, correct the sources'.
	Date    time.Time
	Meeting string
	// Modality, when set, says how the decision was taken.
	Modality *unsc.Modality
	// Sponsors, when set, are who put the draft forward, where the
	// sources name none, or others (codes of states that have sat on the
	// Council, else names).
	Sponsors []string
	// Agenda, when set, is the agenda item the decision was taken under,
	// where the official source puts it under another item of the same
	// meeting.
	Agenda string
	// Fields lists the fields the fact sets, in the file's order, with
	// the source and note of each.
	Fields []FactField
}

// FactField is one row of the facts file: one field of one decision.
type FactField struct {
	Field, Value, Source, Note string
}

// Facts are facts by symbol.
type Facts map[string]*Fact

//go:embed facts.csv
var factsCSV []byte

// builtinFacts parses the facts on first use, not when the package loads.
var builtinFacts = lazy.Value[Facts]{Make: func() Facts { return mustParseFacts("facts.csv", factsCSV) }}

// BuiltinFacts returns the facts shipped with unsc (record/facts.csv).
func BuiltinFacts() Facts { return builtinFacts.Get() }

func mustParseFacts(name string, data []byte) Facts {
	f, err := ParseFacts(bytes.NewReader(data), name)
	if err != nil {
		// The file is part of the program; its test keeps it valid.
		panic(err)
	}
	return f
}

// factFields are the fields a fact can set.
var factFields = []string{"matter", "absent", "amendment_to", "draft", "tally", "votes", "date", "meeting", "modality", "sponsors", "agenda"}

// ParseFacts reads facts as CSV with the header symbol,field,value,source,
// note: one row per field of a decision. field is one of matter
// (procedural, …), absent (member codes separated by spaces),
// amendment_to (the draft amended), tally (yes-no-abstain, or parts for a
// draft voted in parts and never as a whole), votes
// (CODE=Y|N|A|X|- separated by spaces), date (YYYY-MM-DD), meeting
// (S/PV.NNNN), modality (vote, without-vote, acclamation), sponsors
// (separated by ";") or agenda (the agenda item). Every row needs its
// source.
func ParseFacts(r io.Reader, name string) (Facts, error) {
	rows, err := readCSV(r, name, []string{"symbol", "field", "value", "source", "note"})
	if err != nil {
		return nil, err
	}
	facts := Facts{}
	for _, row := range rows {
		sym, err := factKey(row.get("symbol"))
		if err != nil {
			return nil, row.errorf("symbol", "%v", err)
		}
		f := facts[sym]
		if f == nil {
			f = &Fact{Symbol: sym}
			facts[sym] = f
		}
		field, value := row.get("field"), row.get("value")
		if !slices.Contains(factFields, field) {
			return nil, row.errorf("field", "%q: want one of %s", field, strings.Join(factFields, ", "))
		}
		for _, ff := range f.Fields {
			if ff.Field == field {
				return nil, row.errorf("field", "%s: %s is given twice", sym, field)
			}
		}
		if row.get("source") == "" {
			return nil, row.errorf("source", "missing: every fact needs its public source (a document symbol or an address)")
		}
		bad := func(format string, args ...any) error { return row.errorf("value", format, args...) }
		switch field {
		case "matter":
			m, err := unsc.ParseMatter(value)
			if err != nil {
				return nil, bad("%v", err)
			}
			f.Matter = &m
		case "absent":
			for _, c := range strings.Fields(value) {
				if !isCode(c) {
					return nil, bad("%q: want member codes such as SUN, separated by spaces", c)
				}
				f.Absent = append(f.Absent, unsc.Code(c))
			}
		case "amendment_to":
			s, kind, err := unsc.NormalizeSymbol(value)
			if err != nil || kind != unsc.DraftSymbol {
				return nil, bad("%q: want the symbol of the draft amended, such as S/2025/112", value)
			}
			f.AmendmentTo = s
		case "draft":
			s, kind, err := unsc.NormalizeSymbol(value)
			if err != nil || kind != unsc.DraftSymbol {
				return nil, bad("%q: want the draft's symbol, such as S/25997", value)
			}
			f.Draft = s
		case "tally":
			if value == "parts" {
				f.InParts = true
				break
			}
			t, ok := parseTally(value)
			if !ok {
				return nil, bad("%q: want a count yes-no-abstain such as 12-0-3, or parts (voted in parts, never as a whole)", value)
			}
			f.Tally = t
		case "votes":
			f.Votes = map[unsc.Code]unsc.Position{}
			for _, kv := range strings.Fields(value) {
				c, l, ok := strings.Cut(kv, "=")
				p, err := unsc.ParsePosition(l)
				if !ok || !isCode(c) || err != nil {
					return nil, bad("%q: want CODE=Y, N, A, X or -, separated by spaces", kv)
				}
				f.Votes[unsc.Code(c)] = p
			}
		case "date":
			d, err := time.Parse(time.DateOnly, value)
			if err != nil {
				return nil, bad("%q: want YYYY-MM-DD", value)
			}
			f.Date = d
		case "meeting":
			s, kind, err := unsc.NormalizeSymbol(value)
			if err != nil || kind != unsc.MeetingSymbol {
				return nil, bad("%q: want a meeting record S/PV.NNNN", value)
			}
			f.Meeting = s
		case "modality":
			m, err := unsc.ParseModality(value)
			if err != nil {
				return nil, bad("%v", err)
			}
			f.Modality = &m
		case "sponsors":
			sp, err := parseSponsors(value)
			if err != nil {
				return nil, bad("%v", err)
			}
			if len(sp) == 0 {
				return nil, bad("missing: want the sponsors separated by \";\", a code (USA) or a name (Andorra) each")
			}
			f.Sponsors = sp
		case "agenda":
			if strings.TrimSpace(value) == "" {
				return nil, bad("missing: want the agenda item, as the Council's records word it")
			}
			f.Agenda = strings.TrimSpace(value)
		}
		f.Fields = append(f.Fields, FactField{Field: field, Value: value, Source: row.get("source"), Note: row.get("note")})
	}
	return facts, nil
}

// factKey normalizes a fact's symbol. A vote no source gives a symbol
// is known by its meeting, "S/PV.190"; where the meeting holds several
// such votes, by its meeting and a word its sources' title, agenda or
// note carry, in brackets: "S/PV.190 [Italy]" (the applicant).
func factKey(s string) (string, error) {
	if open := strings.Index(s, "["); open >= 0 {
		word, ok := strings.CutSuffix(strings.TrimSpace(s[open+1:]), "]")
		word = strings.TrimSpace(word)
		m, kind, err := unsc.NormalizeSymbol(s[:open])
		if !ok || word == "" || strings.ContainsAny(word, "[]") || err != nil || kind != unsc.MeetingSymbol {
			return "", fmt.Errorf("symbol %q: want a meeting and a word of the vote's title in brackets, such as S/PV.190 [Italy]", s)
		}
		return m + " [" + word + "]", nil
	}
	sym, _, err := unsc.NormalizeSymbol(s)
	return sym, err
}

// namedIn reports whether a word (case aside) is in the title, agenda or
// note of one of the official reports: an unofficial list's votes with no
// symbol can be paired with another vote of the meeting (its order is
// not the Library's).
func namedIn(word string, g []unsc.Report) bool {
	word = strings.ToLower(word)
	for _, r := range g {
		if !r.Source.Official() {
			continue
		}
		for _, s := range []string{r.Title, r.Agenda, r.Note} {
			if strings.Contains(strings.ToLower(s), word) {
				return true
			}
		}
	}
	return false
}

func parseTally(s string) (unsc.Tally, bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return unsc.Tally{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > 15 {
			return unsc.Tally{}, false
		}
		n[i] = v
	}
	if n[0]+n[1]+n[2] > 15 {
		return unsc.Tally{}, false
	}
	return unsc.Tally{Yes: n[0], No: n[1], Abstain: n[2], Known: true}, true
}

// field returns the row of a fact for a field.
func (f *Fact) field(name string) (FactField, bool) {
	for _, ff := range f.Fields {
		if ff.Field == name {
			return ff, true
		}
	}
	return FactField{}, false
}

// note makes the record's note for a field a fact sets.
func (f *Fact) note(field string) unsc.Note {
	ff, _ := f.field(field)
	text := "Fact: " + ff.Note
	if ff.Note == "" {
		text = "Fact: " + field + " " + ff.Value + "."
	}
	noteField := field
	switch field {
	case "tally", "absent":
		noteField = "votes"
	case "amendment_to":
		noteField = "kind"
	case "modality":
		noteField = "votes"
	}
	return unsc.Note{Kind: unsc.NoteCorrected, Field: noteField, Text: text, Source: ff.Source}
}

// lookup returns the fact about the decision a group of reports describes:
// by its resolution (with its year, or by number where a source gives
// none), else by its draft symbol.
func (f Facts) lookup(g []unsc.Report) (*Fact, bool) {
	for _, r := range g {
		for _, s := range []string{r.Resolution, r.Draft} {
			if s == "" {
				continue
			}
			if r.Source == unsc.SourceSpreadsheet && s == r.Resolution {
				// The spreadsheet's resolution numbers can be wrong.
				continue
			}
			if x, ok := f[s]; ok {
				return x, true
			}
		}
	}
	// A vote no source gives a symbol (a procedural motion) is known by
	// its meeting.
	for _, r := range g {
		if r.Resolution != "" || r.Draft != "" {
			return nil, false
		}
	}
	// Where the meeting holds several, by its meeting and a word of its
	// title (the applicant), before the meeting alone.
	for _, r := range g {
		if r.Meeting == "" {
			continue
		}
		prefix := r.Meeting + " ["
		var found *Fact
		for key, x := range f {
			// The first key in order, whatever the map's order.
			if word, ok := strings.CutPrefix(key, prefix); ok && namedIn(strings.TrimSuffix(word, "]"), g) && (found == nil || key < found.Symbol) {
				found = x
			}
		}
		if found != nil {
			return found, true
		}
	}
	for _, r := range g {
		if x, ok := f[r.Meeting]; ok && r.Meeting != "" {
			return x, true
		}
	}
	return nil, false
}

// csvRow is one data row of a small CSV file of the project's own.
type csvRow struct {
	name   string
	line   int
	header map[string]int
	fields []string
}

func (r csvRow) get(col string) string { return strings.TrimSpace(r.fields[r.header[col]]) }

func (r csvRow) errorf(col, format string, args ...any) error {
	return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%s", r.name, r.line, col), format, args...)
}

func readCSV(r io.Reader, name string, want []string) ([]csvRow, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	head, err := cr.Read()
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1", "want a header %s", strings.Join(want, ","))
	}
	header := map[string]int{}
	for i, h := range head {
		header[strings.TrimSpace(h)] = i
	}
	for _, w := range want {
		if _, ok := header[w]; !ok {
			return nil, unsc.Errorf(unsc.EINVALID, name+":1", "missing column %q: want a header %s", w, strings.Join(want, ","))
		}
	}
	var rows []csvRow
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d", name, line), "%v", err)
		}
		if len(fields) != len(head) {
			return nil, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d", name, line), "%d fields, want %d", len(fields), len(head))
		}
		rows = append(rows, csvRow{name: name, line: line, header: header, fields: fields})
	}
}
