package record

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"unsc"
)

// Fact is something the record knows about a decision that its sources do
// not state, with where it comes from.
type Fact struct {
	Symbol string
	// Matter, when set, is the kind of matter the decision was.
	Matter *unsc.Matter
	// Absent lists members that were absent, where the sources write
	// absence and non-participation alike ("X").
	Absent []unsc.Code
	// AmendmentTo, when set, says the decision was a vote on an amendment
	// to this draft, where the sources give the amendment a draft symbol
	// of its own and do not say what it amends.
	AmendmentTo string
	Source      string
	Note        string
}

// Facts are facts by symbol.
type Facts map[string]Fact

//go:embed facts.csv
var factsCSV []byte

var builtinFacts = mustParseFacts("facts.csv", factsCSV)

func mustParseFacts(name string, data []byte) Facts {
	f, err := ParseFacts(bytes.NewReader(data), name)
	if err != nil {
		// The file is part of the program; its test keeps it valid.
		panic(err)
	}
	return f
}

// ParseFacts reads facts as CSV with the header
// symbol,matter,absent,amendment_to,source,note; absent lists member codes
// separated by spaces.
func ParseFacts(r io.Reader, name string) (Facts, error) {
	rows, err := readCSV(r, name, []string{"symbol", "matter", "absent", "amendment_to", "source", "note"})
	if err != nil {
		return nil, err
	}
	facts := Facts{}
	for _, row := range rows {
		sym, _, err := unsc.NormalizeSymbol(row.get("symbol"))
		if err != nil {
			return nil, row.errorf("symbol", "%v", err)
		}
		f := Fact{Symbol: sym, Source: row.get("source"), Note: row.get("note")}
		if m := row.get("matter"); m != "" {
			matter, err := unsc.ParseMatter(m)
			if err != nil {
				return nil, row.errorf("matter", "%v", err)
			}
			f.Matter = &matter
		}
		for _, c := range strings.Fields(row.get("absent")) {
			if len(c) != 3 || strings.ToUpper(c) != c {
				return nil, row.errorf("absent", "%q: want member codes such as SUN, separated by spaces", c)
			}
			f.Absent = append(f.Absent, unsc.Code(c))
		}
		if to := row.get("amendment_to"); to != "" {
			sym, kind, err := unsc.NormalizeSymbol(to)
			if err != nil || kind != unsc.DraftSymbol {
				return nil, row.errorf("amendment_to", "%q: want the symbol of the draft amended, such as S/2025/112", to)
			}
			f.AmendmentTo = sym
		}
		if f.Source == "" {
			return nil, row.errorf("source", "missing: every fact needs its source")
		}
		if _, dup := facts[sym]; dup {
			return nil, row.errorf("symbol", "%s is listed twice", sym)
		}
		facts[sym] = f
	}
	return facts, nil
}

func (f Facts) lookup(d unsc.Decision) (Fact, bool) {
	for _, s := range []string{d.Resolution, d.Draft} {
		if s == "" {
			continue
		}
		if x, ok := f[s]; ok {
			return x, true
		}
		// Facts name resolutions with their year; a source may not.
		if n, ok := unsc.ResolutionNumber(s); ok {
			for sym, x := range f {
				if m, ok := unsc.ResolutionNumber(sym); ok && m == n {
					return x, true
				}
			}
		}
	}
	return Fact{}, false
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
