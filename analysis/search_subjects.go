package analysis

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"

	"unsc"
)

// searchSubjectsCSV gives subjects that no imported source gives to a
// decision — the sources name only the agenda item of most vetoed and
// failed drafts ("The situation in the Middle East") — each with the public
// source that states it (a UN press release). The search finds a decision
// by these words as by its own subjects.
//
//go:embed search_subjects.csv
var searchSubjectsCSV string

// searchSubjects returns the subjects of search_subjects.csv by draft
// symbol, read once.
var searchSubjects = sync.OnceValues(func() (map[string][]string, error) {
	return parseSearchSubjects(searchSubjectsCSV)
})

func parseSearchSubjects(data string) (map[string][]string, error) {
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("search_subjects.csv: %w", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "symbol,subject,source" {
		return nil, fmt.Errorf("search_subjects.csv:1: want the header symbol,subject,source")
	}
	out := map[string][]string{}
	for i, r := range rows[1:] {
		sym, kind, err := unsc.NormalizeSymbol(r[0])
		if err != nil || kind != unsc.DraftSymbol {
			return nil, fmt.Errorf("search_subjects.csv:%d:symbol: %q: want a draft symbol", i+2, r[0])
		}
		if r[1] == "" || !strings.HasPrefix(r[2], "https://") {
			return nil, fmt.Errorf("search_subjects.csv:%d: want a subject and its source's https address", i+2)
		}
		out[sym] = append(out[sym], r[1])
	}
	return out, nil
}
