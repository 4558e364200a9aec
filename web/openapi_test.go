package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"unsc/web"
)

// openAPI is the part of an OpenAPI document the test reads.
type openAPI struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
		Example  string `json:"example"`
		Schema   struct {
			Enum []string `json:"enum"`
		} `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct {
		Content map[string]struct {
			Example json.RawMessage `json:"example"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Ref     string `json:"$ref"`
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type schema struct {
	Ref        string            `json:"$ref"`
	AnyOf      []schema          `json:"anyOf"`
	Type       any               `json:"type"`
	Items      *schema           `json:"items"`
	Properties map[string]schema `json:"properties"`
	Required   []string          `json:"required"`
}

// TestOpenAPI walks every documented operation, calls it with its
// documented example parameters (and example body), and checks that it
// answers 200 with the documented top-level fields: every field of the
// answer documented, every required field there. An operation that
// answers in several shapes (anyOf) is called again with each value of
// each enumerated parameter, and each shape must be answered. It then checks that each
// operation with parameters refuses an undocumented one, and that methods
// not documented for a path are refused.
func TestOpenAPI(t *testing.T) {
	srv := newServer(t, web.Config{})
	doc := getOpenAPI(t, srv.URL)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") || len(doc.Paths) < 6 {
		t.Fatalf("openapi.json: version %q, %d paths; want 3.1 and every route", doc.OpenAPI, len(doc.Paths))
	}
	resolve := func(s schema) schema {
		for s.Ref != "" {
			s = doc.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
		}
		return s
	}
	operations := 0
	for path, ops := range doc.Paths {
		var methods []string
		for method, op := range ops {
			operations++
			methods = append(methods, strings.ToUpper(method))
			q := url.Values{}
			for _, p := range op.Parameters {
				if p.In != "query" || p.Example == "" {
					t.Errorf("%s %s: parameter %s is %q with example %q; want a query parameter with an example", method, path, p.Name, p.In, p.Example)
					continue
				}
				q.Set(p.Name, p.Example)
			}
			var bodyText string
			if op.RequestBody != nil {
				bodyText = string(op.RequestBody.Content["application/json"].Example)
			}
			ok, documented := op.Responses["200"]
			if !documented {
				t.Errorf("%s %s documents no 200", method, path)
				continue
			}
			// An answer of several shapes (anyOf, as a parameter asks) is
			// asked for with the examples, then with each value of each
			// enumerated parameter: each shape must be answered.
			alts := []schema{ok.Content["application/json"].Schema}
			calls := []url.Values{q}
			if s := alts[0]; len(s.AnyOf) > 0 {
				alts = s.AnyOf
				for _, p := range op.Parameters {
					for _, v := range p.Schema.Enum {
						c := url.Values{}
						for k, vs := range q {
							c[k] = vs
						}
						c.Set(p.Name, v)
						calls = append(calls, c)
					}
				}
			}
			answered := make([]bool, len(alts))
			for k, q := range calls {
				target := srv.URL + path
				if len(q) > 0 {
					target += "?" + q.Encode()
				}
				req, _ := http.NewRequest(strings.ToUpper(method), target, strings.NewReader(bodyText))
				resp, body := do(t, req)
				if resp.StatusCode != http.StatusOK {
					t.Errorf("%s %s = %d, 200 documented: %s", method, target, resp.StatusCode, body)
					continue
				}
				if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("%s %s: Content-Type %q, want application/json", method, path, ct)
				}
				var got any
				decode(t, method+" "+target, body, &got)
				if v, ok := got.([]any); ok && len(v) == 0 && k > 0 {
					continue // another value may find nothing: only the examples must
				}
				var problems []string
				for i, alt := range alts {
					if p := answerProblems(resolve, alt, got); len(p) == 0 {
						answered[i] = true
						problems = nil
						break
					} else if i == 0 || len(p) < len(problems) {
						problems = p
					}
				}
				for _, p := range problems {
					t.Errorf("%s %s: %s", method, target, p)
				}
			}
			for i, a := range answered {
				if !a && len(alts) > 1 {
					t.Errorf("%s %s: no call answered the shape %d of %d the document gives (%v)", method, path, i+1, len(alts), alts[i])
				}
			}
			if len(op.Parameters) > 0 {
				if _, ok := op.Responses["400"]; !ok {
					t.Errorf("%s %s: takes parameters but documents no 400", method, path)
				}
				q.Set("undocumented", "1")
				req, _ := http.NewRequest(strings.ToUpper(method), srv.URL+path+"?"+q.Encode(), strings.NewReader(bodyText))
				if resp, body := do(t, req); resp.StatusCode != http.StatusBadRequest {
					t.Errorf("%s %s with an undocumented parameter = %d, want 400: %s", method, path, resp.StatusCode, body)
				}
			}
		}
		for _, m := range []string{"GET", "POST", "PUT", "DELETE", "PATCH"} {
			if slices.Contains(methods, m) {
				continue
			}
			req, _ := http.NewRequest(m, srv.URL+path, nil)
			if resp, _ := do(t, req); resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s, not documented, = %d; want 405", m, path, resp.StatusCode)
			}
		}
	}
	t.Logf("%d paths, %d operations checked", len(doc.Paths), operations)
}

// answerProblems returns what in an answer, decoded, the schema want does
// not document: a field not documented, a required field missing, an
// array where no array is documented, an empty array (the examples must
// find something). None when the answer is as documented.
func answerProblems(resolve func(schema) schema, want schema, got any) []string {
	want = resolve(want)
	var objects []map[string]any
	switch v := got.(type) {
	case map[string]any:
		objects = append(objects, v)
	case []any:
		if want.Items == nil {
			return []string{fmt.Sprintf("answered an array; the document says %v", want.Type)}
		}
		if len(v) == 0 {
			return []string{"answered an empty array: choose examples that find something"}
		}
		want = resolve(*want.Items)
		for _, item := range v {
			m, _ := item.(map[string]any)
			objects = append(objects, m)
		}
	}
	if want.Properties == nil {
		return nil // a free-form object, such as this document
	}
	var problems []string
	for _, obj := range objects {
		for field := range obj {
			if _, ok := want.Properties[field]; !ok {
				problems = append(problems, fmt.Sprintf("field %q is not documented", field))
			}
		}
		for _, field := range want.Required {
			if _, ok := obj[field]; !ok {
				problems = append(problems, fmt.Sprintf("documented field %q is missing", field))
			}
		}
	}
	return problems
}

// getOpenAPI fetches and decodes the server's OpenAPI document.
func getOpenAPI(t *testing.T, base string) openAPI {
	t.Helper()
	resp, body := get(t, base+"/api/v1/openapi.json")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET openapi.json = %d", resp.StatusCode)
	}
	var doc openAPI
	decode(t, "openapi.json", body, &doc)
	return doc
}
