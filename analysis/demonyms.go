package analysis

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"unsc/internal/lazy"
)

// demonymsCSV is the table of country and territory names and their
// adjectives (demonyms): a search word that is one of a row's forms finds
// every form of the row ("Syria" finds "the Syrian and Lebanese
// question"). Its header comment says how the rows are made.
//
//go:embed demonyms.csv
var demonymsCSV string

// demonymRow is one row of demonyms.csv: a country, the words of its name
// that take an adjective, and the adjectives.
type demonymRow struct {
	line       int
	country    string
	names      []string
	adjectives []string
}

// demonymTable is demonyms.csv read: its rows, and for each form's search
// term (stemmed) the term of its group, for forms whose group holds more
// than one term.
type demonymTable struct {
	rows  []demonymRow
	group map[string]string
}

// groupPrefix starts a group's term: no word the tokenizer makes starts
// with it, so a group's term never meets a word's.
const groupPrefix = "#"

// demonymsRead is demonyms.csv read, on first use (lazy.Value, not
// sync.OnceValues: nothing at the program's start).
var demonymsRead = lazy.Value[demonymsResult]{Make: readDemonyms}

// demonymsResult is what reading demonyms.csv gives.
type demonymsResult struct {
	table *demonymTable
	err   error
}

func readDemonyms() demonymsResult {
	t, err := parseDemonyms(demonymsCSV)
	return demonymsResult{t, err}
}

// demonyms returns demonyms.csv read, once.
func demonyms() (*demonymTable, error) {
	r := demonymsRead.Get()
	return r.table, r.err
}

// demonymGroups returns the group term of each form's term. The file is
// embedded and checked by its test: an error leaves the search without
// it rather than without a search.
func demonymGroups() map[string]string {
	t, err := demonyms()
	if err != nil {
		return nil
	}
	return t.group
}

// parseDemonyms reads the table: the header country,names,adjectives,note
// after the comment lines, then one row a country (or a word of its
// name). Each form must be one search word; a row with adjectives must
// have a name, and one without says why in its note; a term may belong to
// one group of forms only.
func parseDemonyms(data string) (*demonymTable, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 4
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("demonyms.csv: %w", err)
	}
	if strings.Join(header, ",") != "country,names,adjectives,note" {
		line, _ := r.FieldPos(0)
		return nil, fmt.Errorf("demonyms.csv:%d: want the header country,names,adjectives,note", line)
	}
	t := &demonymTable{group: map[string]string{}}
	type claim struct {
		key  string // the group's terms, sorted, joined by spaces
		line int
	}
	claims := map[string]claim{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("demonyms.csv: %w", err)
		}
		line, _ := r.FieldPos(0)
		row := demonymRow{line: line, country: strings.TrimSpace(rec[0]), names: forms(rec[1]), adjectives: forms(rec[2])}
		note := strings.TrimSpace(rec[3])
		switch {
		case row.country == "":
			return nil, fmt.Errorf("demonyms.csv:%d:country: want a name", line)
		case len(row.adjectives) > 0 && len(row.names) == 0:
			return nil, fmt.Errorf("demonyms.csv:%d:names: %s has adjectives but no name", line, row.country)
		case len(row.adjectives) == 0 && note == "":
			return nil, fmt.Errorf("demonyms.csv:%d:note: %s has no adjective: want a note saying why", line, row.country)
		}
		var terms []string
		for k, f := range slices.Concat(row.names, row.adjectives) {
			field := "names"
			if k >= len(row.names) {
				field = "adjectives"
			}
			term, n := "", 0
			tokenize(f, false, func(w string, _ int) { term = w; n++ })
			if n != 1 {
				return nil, fmt.Errorf("demonyms.csv:%d:%s: %q is %d search words, want one", line, field, f, n)
			}
			if !slices.Contains(terms, term) {
				terms = append(terms, term)
			}
		}
		slices.Sort(terms)
		key := strings.Join(terms, " ")
		for _, term := range terms {
			if c, ok := claims[term]; ok && c.key != key {
				return nil, fmt.Errorf("demonyms.csv:%d: %q (%s) is also on line %d with other forms (%s): a form belongs to one group", line, term, key, c.line, c.key)
			}
			claims[term] = claim{key, line}
			if len(terms) > 1 {
				t.group[term] = groupPrefix + terms[0]
			}
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

// forms splits a field of forms separated by ";".
func forms(field string) []string {
	var out []string
	for f := range strings.SplitSeq(field, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
