package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"unsc"
	"unsc/internal/lazy"
)

// The pages: server-rendered html/template pages over the record, served by
// the same server and mux as the API (see routeTable). Every page is built
// from the answers of package analysis and charter, the API's own; a page
// that lists something has .json and .csv twins at the same path and query.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// pageCSP is the pages' Content-Security-Policy: scripts, styles and images
// only from this server, no inline script or style, forms only back here,
// never framed.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// A view is what a page handler returns: the template and what it shows,
// and what its .json and .csv twins serve.
type view struct {
	// Template names the page's template (templates/NAME.html).
	Template string
	// Title is the page's title, without the site's name.
	Title string
	// Status is the HTTP status; 0 is 200.
	Status int
	// Data is what the template shows.
	Data any
	// JSON is the .json twin's answer: the API's answer to the same
	// question. Nil where the page has no twin.
	JSON any
	// CSV is the .csv twin's table. Nil where the page has no twin.
	CSV *csvTable
}

// csvTable is a list as CSV: a header and rows of the same length.
type csvTable struct {
	Header []string
	Rows   [][]string
}

// format is how a page is answered: as HTML or as one of its twins.
type format int

const (
	asHTML format = iota
	asJSONTwin
	asCSVTwin
)

// pageFrame is what the layout shows around a page's content.
type pageFrame struct {
	Title string
	// Nav names the section the page is in, for aria-current.
	Nav string
	// Path is the page's path and Query its canonical query (filters
	// that are set, in order): its permalink.
	Path  string
	Query string
	// Twins says whether the page has .json and .csv twins.
	Twins bool
	// Updated is the date of the last decision in the record.
	Updated string
	Asset   func(name string) string
	Data    any
}

// Permalink returns the page's path and query.
func (f pageFrame) Permalink() string {
	if f.Query == "" {
		return f.Path
	}
	return f.Path + "?" + f.Query
}

// Twin returns the address of the page's twin in the given format.
func (f pageFrame) Twin(ext string) string {
	p := f.Path
	if p == "/" {
		p = "/index"
	}
	if f.Query == "" {
		return p + "." + ext
	}
	return p + "." + ext + "?" + f.Query
}

// templates are the pages' templates, each page's file parsed with the
// layout and the partials. They are parsed on first use (NewServer asks
// for them, so a template that does not parse stops the server at start),
// not when the package loads: a command that serves no page does not pay
// for them.
var templates = lazy.Value[map[string]*template.Template]{Make: mustTemplates}

func mustTemplates() map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(templateFuncs()).ParseFS(templateFS, "templates/layout.html", "templates/_*.html"))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" || strings.HasPrefix(name, "_") {
			continue
		}
		t := template.Must(base.Clone())
		template.Must(t.ParseFS(templateFS, n))
		out[name] = t
	}
	return out
}

// assets are the embedded files under /assets/, each served at a name
// carrying a digest of its content so it can be cached for a year.
type assets struct {
	byPath map[string]asset // "/assets/style.1a2b3c4d.css"
	byName map[string]string
}

type asset struct {
	body, gz    []byte
	contentType string
}

// siteAssets are read and compressed on first use, as templates are.
var siteAssets = lazy.Value[*assets]{Make: mustAssets}

func mustAssets() *assets {
	a := &assets{byPath: map[string]asset{}, byName: map[string]string{}}
	err := fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := assetFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		ext := path.Ext(name)
		digest := etag("", string(body))[1:9]
		served := "/assets/" + strings.TrimSuffix(name, ext) + "." + digest + ext
		types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}
		a.byPath[served] = asset{body: body, gz: gzipped(body), contentType: types[ext]}
		a.byName[name] = served
		return nil
	})
	if err != nil {
		panic(err)
	}
	return a
}

// url returns the address an asset is served at.
func (a *assets) url(name string) string {
	u, ok := a.byName[name]
	if !ok {
		panic("no asset " + name)
	}
	return u
}

func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := siteAssets.Get().byPath[r.URL.Path]
	if !ok {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	body := a.body
	h.Add("Vary", "Accept-Encoding")
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}

func gzipFast(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(b)
	zw.Close()
	gzipWriters.Put(zw)
	return buf.Bytes()
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(strings.TrimSpace(q), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// pageFormat splits a twin's extension from a path: "/vetoes.csv" is the
// CSV twin of "/vetoes".
func pageFormat(p string) (string, format) {
	switch {
	case strings.HasSuffix(p, ".json"):
		return strings.TrimSuffix(p, ".json"), asJSONTwin
	case strings.HasSuffix(p, ".csv"):
		return strings.TrimSuffix(p, ".csv"), asCSVTwin
	}
	return p, asHTML
}

// canonicalQuery drops the parameters a form sent empty and orders the
// rest, so that every spelling of one question has one permalink; dropped
// says whether any was empty.
func canonicalQuery(raw string) (canonical string, dropped bool, err error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "", false, unsc.Errorf(unsc.EINVALID, "query", "malformed query string: want name=value pairs joined by &, percent-encoded")
	}
	for k, vs := range q {
		n := len(vs)
		vs = slices.DeleteFunc(vs, func(v string) bool { return strings.TrimSpace(v) == "" })
		dropped = dropped || len(vs) < n
		if len(vs) == 0 {
			delete(q, k)
			continue
		}
		for i := range vs {
			vs[i] = strings.TrimSpace(vs[i])
		}
		q[k] = vs
	}
	return q.Encode(), dropped, nil
}

// servePage answers a page route: the HTML page, or its .json or .csv
// twin, rendered once per request and record and then served from memory.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, rt *route, f format) {
	raw, dropped, err := canonicalQuery(r.URL.RawQuery)
	if err != nil {
		s.pageError(w, r, f, err)
		return
	}
	if dropped {
		// A form sends its empty fields: the permalink leaves them out.
		to := r.URL.Path
		if raw != "" {
			to += "?" + raw
		}
		http.Redirect(w, r, to, http.StatusFound)
		return
	}
	key := strconv.Itoa(int(f)) + r.URL.Path + "?" + raw
	gz := f == asHTML && acceptsGzip(r)
	var a *answer
	if !s.noPageCache {
		a = s.pageCache.get(key)
	}
	if a == nil {
		q, err := checkQuery(raw, rt.params)
		if err != nil {
			s.pageError(w, r, f, err)
			return
		}
		// A page not rendered before is computed through the gate, as
		// the API's answers are (load.go).
		start, err := s.admit(w, r, s.gate)
		if err != nil {
			return
		}
		held := true
		release := func() {
			if held {
				held = false
				s.gate.leave(start)
			}
		}
		defer release()
		v, err := rt.page(r, &args{q: q})
		var moved redirect
		if errors.As(err, &moved) {
			// A page's canonical address, or the page a search names.
			http.Redirect(w, r, moved.to, moved.status)
			return
		}
		if clientGone(err) {
			// The question stopped when its client went: nobody reads
			// an answer.
			return
		}
		if err != nil {
			s.pageError(w, r, f, err)
			return
		}
		body, ctype, err := s.renderView(r, rt, v, f, raw)
		release()
		if err != nil {
			s.pageError(w, r, f, err)
			return
		}
		a = &answer{body: body, etag: etag(s.tag, key), header: []headerField{field("Content-Type", ctype)}}
		if v.Status != 0 && v.Status != http.StatusOK {
			a.header = append(a.header, field("Status", strconv.Itoa(v.Status)))
		}
		a.setHeaders(len(body))
		if !s.noPageCache {
			s.pageCache.put(key, a)
		}
	}
	h := w.Header()
	status := http.StatusOK
	for _, f := range a.header {
		if f.name == "Status" {
			status, _ = strconv.Atoi(f.value[0])
			continue
		}
		h[f.name] = f.value
	}
	if f == asHTML {
		h.Set("Content-Security-Policy", pageCSP)
		h.Add("Vary", "Accept-Encoding")
	}
	h["Cache-Control"] = publicCache
	h["Etag"] = a.etagHeader
	if status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if gz {
		zkey := "gz" + key
		var z *answer
		if !s.noPageCache {
			z = s.pageCache.get(zkey)
		}
		if z == nil {
			z = &answer{body: gzipFast(a.body)}
			if !s.noPageCache {
				s.pageCache.put(zkey, z)
			}
		}
		body = z.body
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// renderView encodes a view in a format: the page, or a twin.
func (s *Server) renderView(r *http.Request, rt *route, v *view, f format, query string) ([]byte, string, error) {
	switch f {
	case asJSONTwin:
		if v.JSON == nil {
			return nil, "", unsc.Errorf(unsc.ENOTFOUND, "", "this page has no JSON twin")
		}
		body, err := json.Marshal(v.JSON)
		if err != nil {
			return nil, "", err
		}
		return append(body, '\n'), "application/json", nil
	case asCSVTwin:
		if v.CSV == nil {
			return nil, "", unsc.Errorf(unsc.ENOTFOUND, "", "this page has no CSV twin")
		}
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		cw.Write(v.CSV.Header)
		cw.WriteAll(v.CSV.Rows)
		return buf.Bytes(), "text/csv; charset=utf-8", cw.Error()
	}
	p, _ := pageFormat(r.URL.Path)
	frame := pageFrame{Title: v.Title, Nav: rt.nav, Path: p, Query: query,
		Twins: v.JSON != nil, Updated: s.updated, Asset: siteAssets.Get().url, Data: v.Data}
	body, err := renderTemplate(v.Template, frame)
	return body, "text/html; charset=utf-8", err
}

func renderTemplate(name string, frame pageFrame) ([]byte, error) {
	t, ok := templates.Get()[name]
	if !ok {
		return nil, unsc.Errorf(unsc.EINTERNAL, "", "no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", frame); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// errorPage is what the error page shows.
type errorPage struct {
	Status  int
	Heading string
	Detail  string
	Field   string
	// Suggestions are links that may be what the reader was after.
	Suggestions []link
}

// link is a link a page shows.
type link struct {
	Href, Text string
}

// pageError answers a page's error: an HTML page saying what was wrong
// and where to go, or problem+json for a twin. Internal detail goes to the
// log only.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, f format, err error) {
	if f != asHTML {
		s.writeError(w, r, err)
		return
	}
	p := errorProblem(err)
	if p.Status == http.StatusInternalServerError {
		s.log.Error("internal error", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	e := errorPage{Status: p.Status, Detail: p.Detail}
	var ue *unsc.Error
	if errors.As(err, &ue) && p.Status == http.StatusBadRequest {
		e.Field = ue.Field
	}
	switch p.Status {
	case http.StatusBadRequest:
		e.Heading = "That request could not be read"
	case http.StatusNotFound:
		e.Heading = "Not in the record"
		e.Suggestions = s.suggest(r)
	default:
		e.Heading = "Something went wrong on our side"
	}
	s.writeErrorPage(w, r, e)
}

func (s *Server) writeErrorPage(w http.ResponseWriter, r *http.Request, e errorPage) {
	body, err := renderTemplate("error", pageFrame{Title: e.Heading, Path: r.URL.Path, Updated: s.updated, Asset: siteAssets.Get().url, Data: e})
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if err != nil {
		s.log.Error("rendering the error page", slog.Any("error", err))
		http.Error(w, e.Heading, e.Status)
		return
	}
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(e.Status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notFound answers a path nothing serves: problem+json under /api/, a page
// that helps anywhere else.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeProblem(w, newProblem(http.StatusNotFound, "no such resource: see /api/v1/openapi.json for what is served"))
		return
	}
	if _, f := pageFormat(r.URL.Path); f != asHTML {
		writeProblem(w, newProblem(http.StatusNotFound, "no such page"))
		return
	}
	s.writeErrorPage(w, r, errorPage{Status: http.StatusNotFound, Heading: "No such page",
		Detail: "Nothing is served at " + r.URL.Path + ".", Suggestions: s.suggest(r)})
}

// suggest offers pages a reader who reached a dead end may want: a search
// for the words of the path, and the main pages.
func (s *Server) suggest(r *http.Request) []link {
	var out []link
	words := strings.Join(strings.FieldsFunc(r.URL.Path, func(c rune) bool { return c == '/' || c == '-' || c == '_' || c == '.' }), " ")
	if words != "" && len(words) < 100 {
		out = append(out, link{"/decisions?q=" + url.QueryEscape(words), "Search the decisions for “" + words + "”"})
	}
	return append(out,
		link{"/decisions", "Search every decision"},
		link{"/vetoes", "Every veto, by year and member"},
		link{"/rules", "How the Council decides"},
		link{"/", "The home page"})
}

// handlePage registers a page route, and its twins.
func (s *Server) handlePage(rt route) {
	serve := func(f format) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				s.writeErrorPage(w, r, errorPage{Status: http.StatusMethodNotAllowed, Heading: "Pages are only read",
					Detail: r.Method + " is not allowed here: pages answer GET and HEAD."})
				return
			}
			if f == -1 {
				_, ff := pageFormat(r.URL.Path)
				s.servePage(w, r, &rt, ff)
				return
			}
			s.servePage(w, r, &rt, f)
		}
	}
	if strings.HasSuffix(rt.path, "/") || strings.HasSuffix(rt.path, "}") {
		s.mux.Handle(rt.path, serve(-1))
		return
	}
	s.mux.Handle(rt.path, serve(asHTML))
	if rt.twins {
		s.mux.Handle(rt.path+".json", serve(asJSONTwin))
		s.mux.Handle(rt.path+".csv", serve(asCSVTwin))
	}
}
