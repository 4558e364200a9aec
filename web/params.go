package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/charter"
)

// param documents and admits one query parameter of a route. The same
// value checks the request and writes the OpenAPI document, so the two
// cannot disagree.
type param struct {
	name     string
	desc     string
	typ      string // "string", "date" or "integer"
	enum     []string
	required bool
	// example is used in the OpenAPI document, and by its test to call the
	// route.
	example string
}

// args reads a request's query parameters. Its getters record the first
// bad parameter in err, so a handler reads them all and checks once.
type args struct {
	q   url.Values
	err error
}

// checkQuery parses a raw query against the parameters a route admits:
// an unknown parameter, one given twice, a missing required one or a value
// outside its enumeration is EINVALID naming it.
func checkQuery(raw string, params []param) (url.Values, error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, "query", "malformed query string: want name=value pairs joined by &, percent-encoded")
	}
	for name, vs := range q {
		i := slices.IndexFunc(params, func(p param) bool { return p.name == name })
		if i < 0 {
			return nil, unsc.Errorf(unsc.EINVALID, name, "unknown parameter: want %s", paramNames(params))
		}
		if len(vs) > 1 {
			return nil, unsc.Errorf(unsc.EINVALID, name, "given %d times: want it once", len(vs))
		}
		if p := params[i]; p.enum != nil && !slices.Contains(p.enum, vs[0]) {
			return nil, unsc.Errorf(unsc.EINVALID, name, "%q: want one of %s", vs[0], strings.Join(p.enum, ", "))
		}
	}
	for _, p := range params {
		if p.required && q.Get(p.name) == "" {
			return nil, unsc.Errorf(unsc.EINVALID, p.name, "missing: %s", p.desc)
		}
	}
	return q, nil
}

// appendQuery appends q as url.Values.Encode writes it: sorted by name,
// each name and value escaped as url.QueryEscape escapes them, joined by
// &. A computed answer's ETag and next page's Link are made from it,
// without Encode's copy of the names and its builder.
func appendQuery(b []byte, q url.Values) []byte {
	var held [16]string
	names := held[:0]
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names)
	first := true
	for _, name := range names {
		for _, v := range q[name] {
			if !first {
				b = append(b, '&')
			}
			first = false
			b = append(appendQueryEscape(b, name), '=')
			b = appendQueryEscape(b, v)
		}
	}
	return b
}

// appendQueryEscape appends s escaped as url.QueryEscape escapes it: the
// unreserved bytes as they are, a space as +, every other byte as %XX.
func appendQueryEscape(b []byte, s string) []byte {
	const upperHex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		}
	}
	return b
}

func paramNames(params []param) string {
	if len(params) == 0 {
		return "no parameters"
	}
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.name
	}
	return strings.Join(names, ", ")
}

func (a *args) fail(name, format string, v ...any) {
	if a.err == nil {
		a.err = unsc.Errorf(unsc.EINVALID, name, format, v...)
	}
}

// str returns the parameter's value, "" when it is not given.
func (a *args) str(name string) string { return a.q.Get(name) }

// date returns the parameter as a date, the zero time when it is not given.
func (a *args) date(name string) time.Time {
	s := a.q.Get(name)
	if s == "" {
		return time.Time{}
	}
	d, err := unsc.ParseDate(name, s)
	if err != nil && a.err == nil {
		a.err = err
	}
	return d
}

// dateRange returns the from and to parameters, checked to be in order.
func (a *args) dateRange() (from, to time.Time) {
	from, to = a.date("from"), a.date("to")
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		a.fail("to", "%s is before from (%s): want to on or after from", to.Format(dateLayout), from.Format(dateLayout))
	}
	return from, to
}

// integer returns the parameter as an integer in [lo, hi], def when it is
// not given.
func (a *args) integer(name string, def, lo, hi int) int {
	s := a.q.Get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		a.fail(name, "%q: want a whole number from %d to %d", s, lo, hi)
		return def
	}
	return n
}

// code returns the parameter as a member code, "" when it is not given:
// a code in any case or any name of a state that sat on the Council
// (charter.LookupMember).
func (a *args) code(name string) unsc.Code {
	s := a.q.Get(name)
	if s == "" {
		return ""
	}
	c, err := charter.LookupMember(s)
	if err != nil {
		a.fail(name, "%s", unsc.ErrorMessage(err))
		return ""
	}
	return c
}
