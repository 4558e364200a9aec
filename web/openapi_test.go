package web_test

import (
	"encoding/json"
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
	Type       any               `json:"type"`
	Items      *schema           `json:"items"`
	Properties map[string]schema `json:"properties"`
	Required   []string          `json:"required"`
}

// TestOpenAPI walks every documented operation, calls it with its
// documented example parameters (and example body), and checks that it
// answers 200 with the documented top-level fields: every field of the
// answer documented, every required field there. It then checks that each
// operation with parameters refuses an undocumented one, and that methods
// not documented for a path are refused.
func TestOpenAPI(t *testing.T) {
	srv := newServer(t, web.Config{})
	resp, body := get(t, srv.URL+"/api/v1/openapi.json")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET openapi.json = %d", resp.StatusCode)
	}
	var doc openAPI
	decode(t, "openapi.json", body, &doc)
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
			target := srv.URL + path
			if len(q) > 0 {
				target += "?" + q.Encode()
			}
			var bodyText string
			if op.RequestBody != nil {
				bodyText = string(op.RequestBody.Content["application/json"].Example)
			}
			req, _ := http.NewRequest(strings.ToUpper(method), target, strings.NewReader(bodyText))
			resp, body := do(t, req)
			ok, documented := op.Responses["200"]
			if !documented || resp.StatusCode != http.StatusOK {
				t.Errorf("%s %s = %d (200 documented: %v): %s", method, target, resp.StatusCode, documented, body)
				continue
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("%s %s: Content-Type %q, want application/json", method, path, ct)
			}
			want := resolve(ok.Content["application/json"].Schema)
			var got any
			decode(t, method+" "+path, body, &got)
			var objects []map[string]any
			switch v := got.(type) {
			case map[string]any:
				objects = append(objects, v)
			case []any:
				if want.Items == nil {
					t.Errorf("%s %s answered an array; the document says %v", method, path, want.Type)
					continue
				}
				if len(v) == 0 {
					t.Errorf("%s %s answered an empty array: choose examples that find something", method, path)
				}
				want = resolve(*want.Items)
				for _, item := range v {
					m, _ := item.(map[string]any)
					objects = append(objects, m)
				}
			}
			if want.Properties == nil {
				continue // a free-form object, such as this document
			}
			for _, obj := range objects {
				for field := range obj {
					if _, ok := want.Properties[field]; !ok {
						t.Errorf("%s %s: field %q is not documented", method, path, field)
					}
				}
				for _, field := range want.Required {
					if _, ok := obj[field]; !ok {
						t.Errorf("%s %s: documented field %q is missing", method, path, field)
					}
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
