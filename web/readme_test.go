package web_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"unsc/web"
)

// TestREADMEAPITable checks the README's table of the JSON API's routes
// ("## The JSON API") against the OpenAPI document the server serves:
// every documented operation but the document itself is a row, and each
// row names every query parameter the operation admits, and no other.
func TestREADMEAPITable(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	start := strings.Index(readme, "\n## The JSON API\n")
	if start < 0 {
		t.Fatal(`README.md has no section "## The JSON API"`)
	}
	section := readme[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	// The row of each operation: "METHOD PATH" → the parameters it names.
	rows := map[string][]string{}
	row := regexp.MustCompile("(?m)^\\| `(GET|POST) (/[^`?]*)(?:\\?([^`]*))?` \\|")
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		var params []string
		if m[3] != "" {
			for _, kv := range strings.Split(m[3], "&") {
				params = append(params, strings.TrimSuffix(kv, "="))
			}
		}
		// The decisions route is two rows: by symbol, and the search.
		key := m[1] + " " + m[2]
		rows[key] = append(rows[key], params...)
	}
	if len(rows) < 15 {
		t.Fatalf("README.md: found %d routes in the JSON API's table, want the 15 or more it listed when this test was written: %v", len(rows), rows)
	}

	srv := newServer(t, web.Config{})
	doc := getOpenAPI(t, srv.URL)
	for path, ops := range doc.Paths {
		if path == "/api/v1/openapi.json" {
			continue // named in the text above the table
		}
		for method, op := range ops {
			key := strings.ToUpper(method) + " " + path
			named, ok := rows[key]
			if !ok {
				t.Errorf("README.md: the JSON API's table has no row for %s", key)
				continue
			}
			var want []string
			for _, p := range op.Parameters {
				if p.In == "query" {
					want = append(want, p.Name)
				}
			}
			slices.Sort(want)
			slices.Sort(named)
			named = slices.Compact(named)
			if !slices.Equal(named, want) {
				t.Errorf("README.md: the JSON API's table names %s with the parameters %v; it admits %v", key, named, want)
			}
			delete(rows, key)
		}
	}
	for key := range rows {
		t.Errorf("README.md: the JSON API's table lists %s, which the OpenAPI document does not", key)
	}
}
