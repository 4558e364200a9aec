package web

import (
	"encoding/json"
	"reflect"
	"strings"

	"unsc/internal/lazy"
)

// openAPIDocument builds the OpenAPI 3.1 document of the routes. Parameters
// come from the same values that check requests, and response schemas from
// the wire types the handlers return, so the document describes what is
// served.
func (s *Server) openAPIDocument() []byte {
	g := &schemas{named: map[string]reflect.Type{}, defs: map[string]any{}}
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		if rt.page != nil || rt.raw != nil {
			continue // a page or a live session's route, not an operation of the API
		}
		op := map[string]any{
			"operationId": operationID(rt),
			"summary":     rt.summary,
		}
		var params []any
		for _, p := range rt.params {
			sch := map[string]any{"type": "string"}
			switch p.typ {
			case "date":
				sch["format"] = "date"
			case "integer":
				sch = map[string]any{"type": "integer", "minimum": 0}
			}
			if p.enum != nil {
				sch["enum"] = p.enum
			}
			params = append(params, map[string]any{
				"name": p.name, "in": "query", "required": p.required,
				"description": p.desc, "schema": sch, "example": p.example,
			})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.body != nil {
			op["requestBody"] = map[string]any{
				"required": true,
				"content": map[string]any{"application/json": map[string]any{
					"schema": map[string]any{"$ref": "#/components/schemas/Ballot"}, "example": rt.body,
				}},
			}
		}
		var sch map[string]any
		if rt.results != nil {
			var alts []any
			for _, v := range rt.results {
				alts = append(alts, g.of(reflect.TypeOf(v)))
			}
			sch = map[string]any{"anyOf": alts}
		} else {
			sch = g.of(reflect.TypeOf(rt.result))
		}
		ok := map[string]any{
			"description": "OK",
			"content":     map[string]any{"application/json": map[string]any{"schema": sch}},
		}
		responses := map[string]any{"200": ok, "default": problemRef()}
		headers := map[string]any{}
		if rt.record {
			headers["ETag"] = header("strong entity tag of the answer; send it back in If-None-Match")
			headers["Cache-Control"] = header("public, max-age=300")
			responses["304"] = map[string]any{"description": "Not Modified: the answer has the ETag given in If-None-Match"}
		}
		if rt.path == "/api/v1/decisions" {
			headers["X-Total-Count"] = map[string]any{"description": "the number of decisions found, on every page", "schema": map[string]any{"type": "integer"}}
			headers["Link"] = header(`the next page, as <URL>; rel="next", when there is one`)
			headers["X-Period-From"] = header("for a search (not a symbol): the first day searched, YYYY-MM-DD")
			headers["X-Period-To"] = header("for a search: the last day searched that the sources cover in full (the last day asked for, or complete_to if earlier), YYYY-MM-DD")
			headers["X-Period-Complete-To"] = header("for a search: the last day to which the record holds every decision of the kinds searched that some source lists in full (the sources, and the curated decisions past them), the earliest of their days (GET /api/v1/coverage gives each kind's); empty when none is (a search of the procedural votes), YYYY-MM-DD")
			headers["X-Period-Incomplete"] = header("for a search: the kinds of decision searched that no source lists in full (procedural votes, preliminary questions, ICJ elections, others), each with how many of them the period holds, as KIND=N, comma-separated: there may be more")
			headers["X-Period-Later"] = map[string]any{"description": "for a search: how many decisions of the kinds searched in the period asked for the record holds after X-Period-Complete-To (counted; of the kinds the sources list in full only to X-Period-Complete-To, there may be more after it)", "schema": map[string]any{"type": "integer"}}
			responses["404"] = problemRef()
		}
		if len(headers) > 0 {
			ok["headers"] = headers
		}
		if rt.params != nil || rt.body != nil {
			responses["400"] = problemRef()
		}
		op["responses"] = responses
		if paths[rt.path] == nil {
			paths[rt.path] = map[string]any{}
		}
		paths[rt.path][strings.ToLower(rt.method)] = op
	}
	g.defs["Problem"] = g.object(reflect.TypeOf(Problem{}))
	g.defs["Ballot"] = ballotSchema.Get()
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "unsc",
			"version":     "1",
			"description": "The UN Security Council's decision-making as software: the Council on any date, the outcome of any ballot under the Charter, and questions over the record of Council votes since 1946. Errors are application/problem+json (RFC 9457).",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas": g.defs,
			"responses": map[string]any{"Problem": map[string]any{
				"description": "An error: bad input (400, naming the parameter in invalid_params), nothing found (404), a method not allowed (405), or an internal error (500).",
				"content":     map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}},
			}},
		},
	}
	out, err := json.Marshal(doc)
	if err != nil {
		panic(err) // the document is built of maps, slices and strings
	}
	return out
}

// problemRef refers to the problem response (made with the document, not
// at every start).
func problemRef() map[string]any { return map[string]any{"$ref": "#/components/responses/Problem"} }

func header(desc string) map[string]any {
	return map[string]any{"description": desc, "schema": map[string]any{"type": "string"}}
}

// operationID names an operation after its method and path:
// GET /api/v1/council is getCouncil.
func operationID(rt route) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(rt.method))
	for _, part := range strings.FieldsFunc(strings.TrimPrefix(rt.path, "/api/v1"), func(r rune) bool { return r == '/' || r == '.' || r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// ballotSchema describes the ballot of POST /api/v1/decide, the contract of
// `unsc decide` (package charter parses it).
var ballotSchema = lazy.Value[map[string]any]{Make: func() map[string]any {
	return map[string]any{
		"type":                 "object",
		"required":             []string{"date"},
		"additionalProperties": false,
		"properties": map[string]any{
			"date":      map[string]any{"type": "string", "format": "date", "description": "the date of the vote"},
			"matter":    map[string]any{"type": "string", "enum": []string{"non-procedural", "procedural", "preliminary", "icj-election"}},
			"amendment": map[string]any{"type": "boolean"},
			"modality":  map[string]any{"type": "string", "enum": []string{"vote", "without-vote", "acclamation"}},
			"votes": map[string]any{"type": "object", "description": "member code → Y, N, A or X; a Council member not listed is absent",
				"additionalProperties": map[string]any{"type": "string", "enum": []string{"Y", "N", "A", "X"}}},
			"chapter":  map[string]any{"type": "string", "description": "VI or 52(3): obligatory abstention of parties"},
			"parties":  map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
			"atrocity": map[string]any{"type": "boolean"},
			"seats":    map[string]any{"type": "integer"},
			"candidates": map[string]any{"type": "array", "items": map[string]any{"type": "object",
				"properties": map[string]any{"name": map[string]any{"type": "string"}, "votes": map[string]any{"type": "integer"}}}},
		},
	}
}}

// schemas writes JSON Schemas of Go types, each named struct type once, as
// encoding/json encodes them.
type schemas struct {
	named map[string]reflect.Type
	defs  map[string]any
}

// of returns the schema of t, a reference for a named struct type.
func (g *schemas) of(t reflect.Type) map[string]any {
	if t == reflect.TypeOf(json.RawMessage(nil)) {
		return map[string]any{"type": "object"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.of(t.Elem())
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": []string{"object", "null"}, "additionalProperties": g.of(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Struct:
		if t.Name() == "" {
			return g.object(t)
		}
		name := strings.TrimSuffix(t.Name(), "JSON")
		if other, ok := g.named[name]; ok && other != t {
			// Two packages' types of one name: qualify the later one.
			pkg := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:]
			name = strings.ToUpper(pkg[:1]) + pkg[1:] + name
		}
		if _, ok := g.named[name]; !ok {
			g.named[name] = t
			g.defs[name] = nil // reserve the name against recursion
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// object returns the schema of a struct type: its JSON fields, each
// required unless it is omitted when empty.
func (g *schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	required := []string{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		props[name] = g.of(f.Type)
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			required = append(required, name)
		}
	}
	return map[string]any{"type": "object", "properties": props, "required": required}
}
