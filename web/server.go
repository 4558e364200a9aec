package web

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"unsc"
	"unsc/analysis"
	"unsc/chamber"
	"unsc/charter"
	"unsc/form"
)

// Config configures the server.
type Config struct {
	// Decisions is the record, loaded once at start; the server never
	// writes to it and answers every question from it in memory.
	Decisions []unsc.Decision
	// RecordDigest identifies the record's content (the checksum of its
	// image, package readmodel), for ETags; when empty, the server digests
	// Decisions itself.
	RecordDigest string
	// CORSOrigins lists the origins allowed to read the API from a
	// browser ("https://example.org"). Empty turns CORS off.
	CORSOrigins []string
	// Logger receives internal errors, with their detail, and (at debug
	// level) one line per request. Nil discards them.
	Logger *slog.Logger
	// MaxConcurrent bounds the answers computed at once (those not in
	// the cache); beyond it and a short queue, requests are answered 503
	// with Retry-After. Zero means one fewer than the processors
	// (GOMAXPROCS), and at least one, and one more while the computations
	// are short (load.go).
	MaxConcurrent int
	// Chamber runs live sessions (routes under /api/v1/sessions and the
	// chamber's pages); nil serves none.
	Chamber *chamber.Chamber
	// AdminToken is the operator's credential for creating sessions.
	AdminToken string
	// GuessBurst is how many wrong credentials a client may send before it
	// is slowed to one every six seconds; 0 is 10.
	GuessBurst int
	// NoPageCache renders every page anew instead of serving it from
	// memory: for benchmarks of the time a page takes to build.
	NoPageCache bool
}

// Server is the JSON API. Build it with NewServer.
type Server struct {
	log    *slog.Logger
	record *recordIndex
	// encoded and summaries are the record's decisions as the API sends
	// them: whole, and as a search lists them.
	encoded, summaries *encodedDecisions
	// vetoList answers /api/v1/vetoes from vetoes encoded once.
	vetoList *encodedVetoes
	// whatIfTexts and wholeYears keep the what-if answers' flips and the
	// trends answers' whole years encoded.
	whatIfTexts whatIfTexts
	wholeYears  wholeYears
	index       *analysis.Index
	tag         string // digest of the record, for ETags
	answers     answers
	cors        map[string]bool
	routes      []route
	mux         *http.ServeMux
	openapi     []byte
	// gate bounds the answers computed at once, and flights shares one
	// computation among identical requests (load.go).
	gate    *gate
	exports *gate
	flights flights
	// pageCache keeps rendered pages and twins; updated is the date of the
	// record's last decision, which every page shows.
	pageCache   answers
	noPageCache bool
	updated     string
	sessions
}

// route is one operation of the API: its method and path, what it admits
// and answers (for the OpenAPI document) and its handler.
type route struct {
	method  string
	path    string
	summary string
	params  []param
	// body, for a POST, is an example of the request body.
	body any
	// result is a value of the type the route answers, for the OpenAPI
	// document's schema; results, when set, the values of each type it
	// may answer (as a parameter asks), instead.
	result  any
	results []any
	// record marks an answer that depends only on the request and the
	// record: it is encoded once, cached, and carries an ETag and
	// Cache-Control.
	record bool
	// cheap marks a record answer that costs about as little as writing
	// it (the council on a date, the members): it is computed without
	// passing the gate (load.go).
	cheap  bool
	handle func(r *http.Request, a *args) (any, error)

	// page, for a page (an HTML route, not in the OpenAPI document),
	// builds its view; nav names the section of the site it is in. A page
	// with twins is served at path.json and path.csv too; a page whose
	// path ends in a wildcard or "/" finds a twin's extension in the path.
	page  func(r *http.Request, a *args) (*view, error)
	nav   string
	twins bool
	// raw, when set, serves the route itself: it reads its own path
	// values, body and credentials (the live sessions). Raw routes are
	// described in the README, not in the OpenAPI document.
	raw http.HandlerFunc

	// stream, for an export, writes the whole answer itself as it is
	// computed, through a gate of its own (load.go); nothing is cached.
	stream func(w http.ResponseWriter, r *http.Request, a *args) error
}

// paged is a handler's answer that is one page of a longer list: the list
// is the body, and X-Total-Count and a Link to the next page say the rest.
type paged struct {
	items         any
	total, offset int
	limit         int
	// period, for a search, is the period searched: X-Total-Count's
	// period, in the X-Period-* headers beside it.
	period *analysis.Period
}

// NewServer returns the API over the record in cfg.
func NewServer(cfg Config) http.Handler {
	s := &Server{log: cfg.Logger, record: newRecordIndex(cfg.Decisions), index: analysis.New(cfg.Decisions), tag: recordTag(cfg.RecordDigest, cfg.Decisions)}
	s.sessions = newSessions(cfg)
	s.encoded = newEncodedDecisions(cfg.Decisions, wireWhole)
	s.summaries = newEncodedDecisions(cfg.Decisions, wireSummary)
	s.vetoList = &encodedVetoes{ds: cfg.Decisions}
	// Build every part of the index in the background, so that the server
	// listens at once and no client's request pays for a part later: each
	// part is built once (sync.Once), so a request that needs one before
	// Warm has built it builds it or waits for it, and answers the same.
	go s.index.Warm()
	// The same for the pages' templates and assets; a template that does
	// not parse stops the server here.
	templates.Get()
	siteAssets.Get()
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.gate = newGate(cfg.MaxConcurrent)
	s.exports = newGate(2 * runtime.GOMAXPROCS(0))
	if len(cfg.CORSOrigins) > 0 {
		s.cors = make(map[string]bool, len(cfg.CORSOrigins))
		for _, o := range cfg.CORSOrigins {
			s.cors[strings.TrimRight(o, "/")] = true
		}
	}
	s.noPageCache = cfg.NoPageCache
	if n := len(cfg.Decisions); n > 0 {
		s.updated = cfg.Decisions[n-1].Date.Format(dateLayout)
	}
	s.routes = s.routeTable()
	s.openapi = s.openAPIDocument()
	s.mux = http.NewServeMux()
	var paths []string
	for _, rt := range s.routes {
		if rt.page != nil {
			s.handlePage(rt)
			continue
		}
		if !slices.Contains(paths, rt.path) {
			paths = append(paths, rt.path)
		}
	}
	for _, p := range paths {
		var rs []route
		for _, rt := range s.routes {
			if rt.path == p {
				rs = append(rs, rt)
			}
		}
		h := s.dispatch(rs)
		if p == "/healthz" {
			h = s.healthzFast(h)
		}
		s.mux.Handle(p, h)
	}
	s.mux.HandleFunc("/assets/", s.serveAsset)
	s.mux.HandleFunc("/", s.notFound)
	return s
}

// routeTable lists every route of the API, in the order the OpenAPI
// document gives them. It is the one place routes are declared.
func (s *Server) routeTable() []route {
	dateParam := func(name, desc, example string) param {
		return param{name: name, typ: "date", desc: desc, example: example}
	}
	from := param{name: "from", typ: "date", desc: "only decisions on or after this date (YYYY-MM-DD)", example: "2000-01-01"}
	to := param{name: "to", typ: "date", desc: "only decisions on or before this date (YYYY-MM-DD)", example: "2024-03-25"}
	member := param{name: "member", desc: "a member code (USA) or a seat of several codes joined by + (SUN+RUS; escape + as %2B)", example: "USA"}
	routes := []route{
		{method: "GET", path: "/healthz", summary: "Liveness probe: answers while the server runs.",
			result: health{}, handle: s.healthz},
		{method: "GET", path: "/api/v1/openapi.json", summary: "This API's OpenAPI 3.1 document.",
			result: json.RawMessage(nil), record: true, cheap: true, handle: s.openAPI},
		{method: "GET", path: "/api/v1/council", summary: "The members of the Security Council on a date.",
			params: []param{{name: "date", typ: "date", required: true, desc: "the date, as YYYY-MM-DD, from 1946-01-17 to 2027-12-31", example: "2024-03-25"}},
			result: Council{}, record: true, cheap: true, handle: s.council},
		{method: "GET", path: "/api/v1/members", summary: "Every state that sat on the Security Council, with the names it sat under and every seat it held: `unsc members --json`.",
			result: []State{}, record: true, cheap: true, handle: s.members},
		{method: "POST", path: "/api/v1/decide", summary: "Decide one ballot under the Charter: the ballot and answer of `unsc decide --json`.",
			body: exampleBallot, result: charter.ResultJSON{}, handle: s.decide},
		{method: "GET", path: "/api/v1/decisions", summary: "Decisions in the record, by symbol (whole decisions, as `unsc show --json`) or by search (ranked by relevance with q, else in date order; each decision's summary, with the url of the whole decision, unless view=full), a page at a time; X-Total-Count gives the number found.",
			params: []param{
				{name: "symbol", desc: "a resolution (S/RES/2728 (2024)), draft (S/2024/239; with its amendments) or meeting (S/PV.9586); 404 when the record has none", example: "S/RES/2728 (2024)"},
				{name: "q", desc: "words that must all appear in the title, agenda item or subjects, in any case and any form of the word (vetoed finds veto; cease-fire finds ceasefire; a country's name finds its adjective and back: Syria finds Syrian), and \"phrases in double quotes\" word for word; ranked by relevance unless sort=date", example: "Gaza"},
				{name: "sort", desc: "the order: relevance (the default with q: BM25F over title, agenda item and subjects) or date (the default without q)", enum: []string{analysis.SortRelevance, analysis.SortDate}, example: analysis.SortDate},
				dateParam("from", "only decisions on or after this date (YYYY-MM-DD)", "2024-01-01"),
				dateParam("to", "only decisions on or before this date (YYYY-MM-DD)", "2024-12-31"),
				{name: "outcome", desc: "only decisions with this recorded or derived outcome", enum: []string{"adopted", "failed", "vetoed"}, example: "adopted"},
				{name: "matter", desc: "only decisions on this kind of matter", enum: []string{"non-procedural", "procedural", "preliminary", "icj-election"}, example: "non-procedural"},
				{name: "member", desc: "only decisions where this member (a code such as GBR) sat on the Council and the record has per-member votes", example: "USA"},
				{name: "position", desc: "with member: only decisions where the member took this position", enum: positionNames, example: "abstain"},
				{name: "offset", typ: "integer", desc: "skip this many decisions (default 0)", example: "0"},
				{name: "limit", typ: "integer", desc: "at most this many decisions, 1 to 1000 (default 100)", example: "10"},
				{name: "view", desc: "summary (the default for a search: what names each decision and what was decided, a third of its bytes, with url, the address of the whole decision) or full (the default with symbol: whole decisions, with each member's vote, the subjects, sponsors, notes, sources and links, as `unsc show --json`)", enum: []string{viewSummary, viewFull}, example: viewSummary},
			},
			results: []any{[]DecisionSummary{}, []Decision{}}, record: true, handle: s.decisions},
		{method: "GET", path: "/api/v1/positions", summary: "Every member's position on every decision the filters select (as the decisions search selects them), one row per decision and member, streamed: the whole record without a page cap, as `unsc positions --json` (format=csv: as `unsc positions --csv`).",
			params: []param{
				{name: "q", desc: "only decisions whose title, agenda item or subjects hold these words (as the decisions search)", example: "Syria"},
				dateParam("from", "only decisions on or after this date (YYYY-MM-DD)", "2017-01-01"),
				dateParam("to", "only decisions on or before this date (YYYY-MM-DD)", "2017-12-31"),
				{name: "outcome", desc: "only decisions with this outcome", enum: []string{"adopted", "failed", "vetoed"}, example: "vetoed"},
				{name: "matter", desc: "only decisions on this kind of matter", enum: []string{"non-procedural", "procedural", "preliminary", "icj-election"}, example: "non-procedural"},
				{name: "member", desc: "only this member's rows (a member by any name, or a seat such as SUN+RUS)", example: "GBR"},
				{name: "position", desc: "with member: only decisions where the member took this position", enum: positionNames, example: "abstain"},
				{name: "format", desc: "json (the default) or csv, with the columns " + strings.Join(form.PositionColumns, ","), enum: []string{"json", "csv"}, example: "json"},
			},
			result: PositionsAnswer{}, stream: s.positions},
		{method: "GET", path: "/api/v1/vetoes", summary: "Every veto in the record, as `unsc vetoes --json` lists them, with the period the sources cover and their number (each vetoed draft or amendment once).",
			params: []param{
				{name: "member", desc: "only vetoes cast by this member (a member by any name: USA, \"United States\", Russia) or seat (SUN+RUS; escape + as %2B)", example: "USA"},
				dateParam("from", "only vetoes on or after this date (YYYY-MM-DD)", "2000-01-01"),
				dateParam("to", "only vetoes on or before this date (YYYY-MM-DD)", "2024-03-25"),
			},
			result: VetoList{}, record: true, handle: s.vetoes},

		// The questions package analysis answers, with its answer types,
		// which the CLI prints with --json; each says the rule it used.
		{method: "GET", path: "/api/v1/vetoes/summary", summary: "Vetoes counted under a stated rule and scope, optionally grouped (by member, year, decade, agenda, topic, region, kind or type), with the list of vetoes counted.",
			params: []param{member, from, to,
				{name: "rule", desc: "how vetoes count: member-votes (a joint veto once for each member, as the UN list's totals; default) or drafts (each vetoed proposal once)", enum: []string{analysis.RuleMemberVotes, analysis.RuleDrafts}, example: analysis.RuleDrafts},
				{name: "scope", desc: "which vetoes: record (every veto the record shows; default) or un-list (the Dag Hammarskjöld Library's veto list, then the record after its last date)", enum: []string{analysis.ScopeRecord, analysis.ScopeUNList}, example: analysis.ScopeUNList},
				{name: "amendments", desc: "vetoes of amendments included (default) or excluded", enum: []string{"included", "excluded"}, example: "included"},
				{name: "group_by", desc: "group the count by " + strings.Join(analysis.VetoGroupings, ", ") + ", or by two of them joined by a comma (member,decade; topic,member): each group then has key and key2", example: "member,decade"},
				{name: "list", desc: "true (default) to list the vetoes counted, false for the counts only", enum: []string{"true", "false"}, example: "true"},
				{name: "topic", desc: "only vetoes on this topic (a topic of analysis/regions.csv, such as Syria; see group_by=topic)", example: "Syria"},
			},
			result: analysis.VetoAnswer{}, record: true, handle: s.vetoSummary},
		{method: "GET", path: "/api/v1/vetoes/count", summary: "Fact check: the number of vetoes a member cast in a period under every counting rule and scope, with and without amendments, each with its parts (the UN veto list to its last date, the record after it), the vetoes on which the list and the record differ, and the period the sources cover; with claim, whether a claimed number holds, under which way of counting, over which dates, and which decisions make the difference.",
			params: []param{member, from, to,
				{name: "claim", typ: "integer", desc: "a claimed number of vetoes to check (0 or more)", example: "89"},
			}, result: analysis.VetoCount{}, record: true, handle: s.vetoCount},
		{method: "GET", path: "/api/v1/coverage", summary: "What the record holds: for each kind of vote and decade, how many decisions, how many with each member's position, with a count only, without a vote; for each source, what it lists and the dates it covers; and the last day to which the record holds every decision: `unsc coverage --json`.",
			result: analysis.Coverage{}, record: true, handle: s.coverage},
		{method: "GET", path: "/api/v1/profile", summary: "A member's profile: terms served, positions taken, vetoes cast, how often it sided with each permanent member, year by year.",
			params: []param{{name: "member", required: true, desc: member.desc, example: "GBR"}},
			result: analysis.MemberProfile{}, record: true, handle: s.profile},
		{method: "GET", path: "/api/v1/agreement", summary: "For a period and a set of members, the share of decisions on which each pair took the same position (only decisions where both sat and voted).",
			params: []param{from, to,
				{name: "members", desc: "members or seats separated by commas (default: the five permanent seats)", example: "USA,GBR,FRA,CHN,SUN+RUS"},
				{name: "rule", desc: "how abstentions count: exact (default), abstain-neutral or abstain-half", enum: []string{analysis.AbstainExact, analysis.AbstainNeutral, analysis.AbstainHalf}, example: analysis.AbstainHalf},
			},
			result: analysis.Matrix{}, record: true, handle: s.agreement},
		{method: "GET", path: "/api/v1/trends", summary: "Per year: decisions taken, share unanimous, vetoes, abstentions, failed drafts.",
			params: []param{from, to,
				{name: "by", desc: "year (default) or decade", enum: []string{"year", "decade"}, example: "decade"}},
			result: analysis.Trends{}, record: true, handle: s.trends},
		{method: "GET", path: "/api/v1/whatif", summary: "Replay a period under other rules and list every decision whose outcome flips.",
			params: []param{from, to,
				{name: "rules", required: true, desc: "no-veto, two-vetoes, no-veto-on-atrocities, eleven-member, grant:CODE (the member holds a veto too) or deny:CODE (a permanent member loses it)", example: "two-vetoes"},
			},
			result: analysis.WhatIfAnswer{}, record: true, handle: s.whatIf},
		{method: "GET", path: "/api/v1/veto-initiative", summary: "Every veto since GA resolution 76/262 (26 April 2022), with the deadline for the General Assembly's debate and, where known, the Assembly's meeting on it: a debate (kind debate) or an emergency special session on the same situation (kind emergency-special-session), its date, meeting record, press release, the addresses read and how it was verified (marks).",
			params: []param{{name: "calendar", desc: "the working days counted: un-headquarters (UN Headquarters holidays; an assumption, the default) or weekends-only", enum: []string{"un-headquarters", "weekends-only"}, example: "un-headquarters"}},
			result: analysis.VetoInitiative{}, record: true, handle: s.vetoInitiative},

		// Live sessions (package chamber; the handlers are in session.go).
		{method: "POST", path: "/api/v1/sessions", summary: "Create a session (the operator's credential).", raw: s.createSession},
		{method: "GET", path: "/api/v1/sessions/{id}", summary: "A session's state, what each may do, the live tally.", raw: s.sessionState},
		{method: "POST", path: "/api/v1/sessions/{id}/actions", summary: "Take an action of the rules of procedure (the chair or a seat).", raw: s.sessionAction},
		{method: "POST", path: "/api/v1/sessions/{id}/votes", summary: "Put a draft or question to the vote (the chair).", raw: s.openVote},
		{method: "PUT", path: "/api/v1/sessions/{id}/votes/{vote}/ballots/{code}", summary: "Cast or change a seat's vote (that seat only).", raw: s.castBallot},
		{method: "POST", path: "/api/v1/sessions/{id}/votes/{vote}/close", summary: "Close a vote and decide it under the Charter (the chair).", raw: s.closeVote},
		{method: "GET", path: "/api/v1/sessions/{id}/events", summary: "The live stream: server-sent events numbered by the log.", raw: s.sessionEvents},
		{method: "GET", path: "/api/v1/sessions/{id}/receipt", summary: "A seat's receipt of its votes (that seat only).", raw: s.sessionReceipt},
		{method: "GET", path: "/api/v1/sessions/{id}/log", summary: "The session's hash-chained log.", raw: s.sessionLog},
		{method: "GET", path: "/api/v1/sessions/{id}/verify", summary: "Verify the session's log.", raw: s.sessionVerify},
		{method: "GET", path: "/api/v1/sessions/{id}/decisions", summary: "The session's decisions in the record's layout, marked as simulations.", raw: s.sessionDecisions},
		// The chamber's pages (session_page.go).
		{method: "GET", path: "/chamber/{id}", summary: "A session's public display: the live tally and outcomes.", raw: s.spectatorPage},
		{method: "GET", path: "/chamber/{id}/{view}", summary: "The projector's display of a session.", raw: s.spectatorPage},
		{method: "GET", path: "/chamber/{id}/join", summary: "A secret link: keeps the credential in a cookie and opens the chair's or the seat's page.", raw: s.joinPage},
		{method: "GET", path: "/chamber/{id}/as/{role}", summary: "The chair's console (role chair) or a delegation's page (role seat).", raw: s.memberPage},
	}

	// The pages (HTML, see page.go), each built from the same answers as
	// the API; a page with twins is served as .json and .csv too.
	pages := []route{
		{path: "/{$}", summary: "Home: how the Council decides, the latest decisions, vetoes over time.", page: s.home, nav: "home"},
		{path: "/S/", summary: "A resolution, draft or meeting by its symbol: /S/RES/2728(2024), /S/2024/239, /S/PV.9584 (and .json, .csv).", page: s.symbolPage, nav: "decisions"},
		{path: "/decisions", summary: "Search the decisions.", page: s.decisionsPage, nav: "decisions", twins: true,
			params: []param{{name: "q"}, {name: "sort", enum: []string{analysis.SortRelevance, analysis.SortDate}}, from, to, {name: "outcome", enum: []string{"adopted", "failed", "vetoed"}},
				{name: "matter", enum: []string{"non-procedural", "procedural", "preliminary", "icj-election"}},
				{name: "member"}, {name: "position", enum: positionNames}, {name: "offset"}, {name: "limit"}}},
		{path: "/vetoes", summary: "Vetoes by year and member under a chosen counting rule, and their list.", page: s.vetoesPage, nav: "vetoes", twins: true,
			params: []param{member, from, to, {name: "rule", enum: []string{analysis.RuleMemberVotes, analysis.RuleDrafts}},
				{name: "scope", enum: []string{analysis.ScopeRecord, analysis.ScopeUNList}},
				{name: "amendments", enum: []string{"included", "excluded"}}, {name: "topic"}}},
		{path: "/fact-check", summary: "Fact-check a number of vetoes: a claim such as \"USA, 89, since 1945, as of 2024-03-25\" under every way of counting.", page: s.factCheckPageHandler, nav: "factcheck", twins: true,
			params: []param{{name: "claim"}}},
		{path: "/members", summary: "Every state that has sat on the Council.", page: s.membersIndex, nav: "members", twins: true},
		{path: "/members/{seat}", summary: "A member's terms, positions, vetoes and agreement with the permanent members (and .json, .csv).", page: s.memberPageHandler, nav: "members"},
		{path: "/agreement", summary: "How often pairs of members took the same position, as a heatmap.", page: s.agreementPageHandler, nav: "agreement", twins: true,
			params: []param{from, to, {name: "members"}, {name: "rule", enum: []string{analysis.AbstainExact, analysis.AbstainNeutral, analysis.AbstainHalf}}}},
		{path: "/trends", summary: "The Council year by year.", page: s.trendsPageHandler, nav: "trends", twins: true, params: []param{from, to}},
		{path: "/whatif", summary: "The record replayed under another rule: the decisions that flip.", page: s.whatIfPageHandler, nav: "whatif", twins: true,
			params: []param{from, to, {name: "rules"}, {name: "member"}}},
		{path: "/initiative", summary: "Every veto since GA res 76/262, its debate's deadline and the Assembly's meeting on it: a debate or an emergency special session.", page: s.initiativePageHandler, nav: "initiative", twins: true,
			params: []param{{name: "calendar", enum: []string{"un-headquarters", "weekends-only"}}}},
		{path: "/council", summary: "The Council on a date, and the seat histories of China and the USSR.", page: s.councilPageHandler, nav: "council", twins: true,
			params: []param{{name: "date", typ: "date"}}},
		{path: "/rules", summary: "How the Council decides, and the landmark votes of the casebook.", page: s.rulesIndex, nav: "rules"},
		{path: "/rules/{n}", summary: "One landmark vote, run through the engine.", page: s.rulesCase, nav: "rules"},
		{path: "/rules/try", summary: "A ballot form that runs the engine.", page: s.rulesTry, nav: "rules", params: tryParams()},
	}
	for i := range pages {
		pages[i].method = http.MethodGet
	}
	return append(routes, pages...)
}

// positionNames are the positions the decisions search admits.
var positionNames = []string{"yes", "no", "abstain", "not-participating", "absent"}

var exampleBallot = json.RawMessage(`{"date": "2024-03-22", "matter": "non-procedural",
 "votes": {"USA":"Y","GBR":"Y","FRA":"Y","CHN":"N","RUS":"N","DZA":"N","GUY":"A",
           "ECU":"Y","JPN":"Y","MLT":"Y","MOZ":"Y","KOR":"Y","SLE":"Y","SVN":"Y","CHE":"Y"}}`)

// ServeHTTP sets the headers every answer has, answers CORS preflights, and
// passes the request to its route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["X-Content-Type-Options"] = nosniff
	h["X-Frame-Options"] = frameDeny
	h["Referrer-Policy"] = noReferrer
	h["Content-Security-Policy"] = apiCSP
	if s.cors != nil {
		h.Add("Vary", "Origin")
		if origin := r.Header.Get("Origin"); origin != "" && s.cors[origin] {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "ETag, Link, X-Total-Count, X-Period-From, X-Period-To, X-Period-Complete-To, X-Period-Later, X-Period-Incomplete")
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST")
				h.Set("Access-Control-Allow-Headers", "Content-Type, If-None-Match")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("panic", v))
			writeProblem(w, newProblem(http.StatusInternalServerError, "internal error"))
		}
	}()
	if s.log.Enabled(r.Context(), slog.LevelDebug) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		s.mux.ServeHTTP(sw, r)
		// The path only: no query string or header reaches the log.
		s.log.Debug("request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
		return
	}
	s.mux.ServeHTTP(w, r)
}

var (
	jsonType    = []string{"application/json"}
	publicCache = []string{"public, max-age=300"}
	noStore     = []string{"no-store"}
)

// The security headers set on every answer (a page sets its own
// Content-Security-Policy). The slices are shared and never modified.
var (
	nosniff    = []string{"nosniff"}
	frameDeny  = []string{"DENY"}
	noReferrer = []string{"no-referrer"}
	apiCSP     = []string{"default-src 'none'; frame-ancestors 'none'"}
)

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// FlushError flushes the response, as writeAnswer asks (conn.go).
func (w *statusWriter) FlushError() error {
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// dispatch returns the handler of one path, choosing the route by method;
// any other method is 405 with Allow. HEAD is answered as GET.
func (s *Server) dispatch(rs []route) http.Handler {
	var allow []string
	for _, rt := range rs {
		allow = append(allow, rt.method)
		if rt.method == http.MethodGet {
			allow = append(allow, http.MethodHead)
		}
	}
	allowed := strings.Join(allow, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := r.Method
		if method == http.MethodHead {
			method = http.MethodGet
		}
		for i := range rs {
			if rs[i].method == method {
				if rs[i].raw != nil {
					rs[i].raw(w, r)
					return
				}
				s.serve(w, r, &rs[i])
				return
			}
		}
		w.Header().Set("Allow", allowed)
		writeProblem(w, newProblem(http.StatusMethodNotAllowed, r.Method+" is not allowed here: want "+allowed))
	})
}

// serve answers one request on its route.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt *route) {
	if rt.stream != nil {
		q, err := checkQuery(r.URL.RawQuery, rt.params)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		// Exports pass a gate of their own: one is written as fast as its
		// client reads, and must not hold the questions' places meanwhile.
		start, err := s.admit(w, r, s.exports)
		if err != nil {
			return
		}
		defer s.exports.leave(start)
		if err := rt.stream(w, r, &args{q: q}); err != nil {
			s.writeError(w, r, err)
		}
		return
	}
	if !rt.record {
		q, err := checkQuery(r.URL.RawQuery, rt.params)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		v, err := rt.handle(r, &args{q: q})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		s.writeAnswer(w, r, s.encode(rt.path, q, v, ""))
		return
	}
	// The cache is keyed by the raw request, so that an answer served
	// before is found without parsing the query again; the ETag comes from
	// the canonical request, so every spelling of one request shares it.
	key := rt.path + "?" + r.URL.RawQuery
	a := s.answers.get(key)
	if a == nil {
		q, err := checkQuery(r.URL.RawQuery, rt.params)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if rt.cheap {
			a, err = s.compute(r, rt, q)
		} else {
			if hold(r.Context()) != nil {
				return
			}
			a, err = s.flights.do(r.Context(), key, func() (*answer, error) {
				return s.compute(r, rt, q)
			})
		}
		switch {
		case errors.Is(err, errBusy):
			writeBusy(w, r)
			return
		case clientGone(err):
			return
		case err != nil:
			s.writeError(w, r, err)
			return
		}
		s.answers.put(key, a)
	}
	h := w.Header()
	h["Cache-Control"] = publicCache
	if etagMatches(r.Header.Get("If-None-Match"), a.etag) {
		h["Etag"] = a.etagHeader
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.writeAnswer(w, r, a)
}

// compute answers a record route's request that is not in the cache,
// through the gate unless it is cheap: nothing is computed for a client
// that has gone.
func (s *Server) compute(r *http.Request, rt *route, q url.Values) (*answer, error) {
	ctx := r.Context()
	if !rt.cheap {
		start, err := s.gate.enter(ctx)
		if err != nil {
			return nil, err
		}
		defer s.gate.leave(start)
	}
	v, err := rt.handle(r, &args{q: q})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var key [256]byte
	return s.encode(rt.path, q, v, etag(s.tag, appendQuery(append(append(key[:0], rt.path...), '?'), q))), nil
}

// encode encodes a handler's answer, with the headers of a page; for a
// page with a next, it changes q, the request's query, into the next
// page's.
func (s *Server) encode(path string, q url.Values, v any, tag string) *answer {
	a := &answer{etag: tag}
	// The answer's own headers, beside the body's: one run of header
	// lines, built once (headLines).
	p, ok := v.(paged)
	var lines []byte
	if ok {
		lines = make([]byte, 0, 384) // a search's, with its period and Link
	} else if n := len("Etag: \r\n") + len(tag); tag != "" && n <= len(a.line) {
		lines = a.line[:0:n] // its one line, in the answer's room
	} else if tag != "" {
		lines = make([]byte, 0, n)
	}
	if tag != "" {
		lines = appendHeaderLine(lines, "Etag", tag)
	}
	if ok {
		v = p.items
		lines = appendHeaderLine(lines, "X-Total-Count", strconv.Itoa(p.total))
		if pp := p.period; pp != nil {
			lines = appendHeaderLine(lines, "X-Period-From", pp.From)
			lines = appendHeaderLine(lines, "X-Period-To", pp.To)
			lines = appendHeaderLine(lines, "X-Period-Complete-To", pp.CompleteTo)
			lines = appendHeaderLine(lines, "X-Period-Later", strconv.Itoa(pp.Later))
			if v := incompleteKinds(pp); v != "" {
				lines = appendHeaderLine(lines, "X-Period-Incomplete", v)
			}
		}
		if next := p.offset + p.limit; next < p.total {
			// The request's own query becomes the next page's.
			q.Set("offset", strconv.Itoa(next))
			q.Set("limit", strconv.Itoa(p.limit))
			var held [256]byte
			link := append(append(append(held[:0], '<'), path...), '?')
			lines = appendHeaderLine(lines, "Link", string(append(appendQuery(link, q), `>; rel="next"`...)))
		}
	}
	a.lines = headLines(lines)
	var err error
	if l, ok := v.(decisionList); ok {
		a.list = l
		a.setHeaders(l.byteLen())
		return a
	}
	if raw, ok := v.(json.RawMessage); ok {
		a.body = append(raw, '\n')
	} else if a.body, err = json.Marshal(v); err != nil {
		// Every answer is built from wire types that always encode.
		panic(err)
	} else {
		a.body = append(a.body, '\n')
	}
	a.setHeaders(len(a.body))
	return a
}

func (s *Server) writeAnswer(w http.ResponseWriter, r *http.Request, a *answer) {
	h := w.Header()
	// Answers are served many times: their header values are built once.
	h["Content-Type"] = jsonType
	h["Content-Length"] = a.length
	// The head and body go out in one write to the connection (conn.go),
	// the answer's own header lines put into the head as it goes: net/http
	// would copy, sort and write each of them on every answer
	// (PERFORMANCE.md, "The API's uncached answers, thirteenth pass").
	// Without the connection, or for a request net/http might answer with
	// no head, they are net/http's headers. (Released however the write
	// ends, so that nothing is left kept back for the connection's next
	// answer.)
	c, _ := r.Context().Value(connKey{}).(*connState)
	held := c != nil && c.conn != nil
	_, flushes := w.(flusher)
	inHead := held && flushes && r.ProtoMajor == 1
	if !inHead {
		a.lines.setIn(h)
	}
	w.WriteHeader(http.StatusOK)
	if held {
		if inHead {
			c.conn.holdWith(a.lines)
		} else {
			c.conn.hold()
		}
		defer c.conn.release(w)
	}
	if a.body != nil {
		w.Write(a.body)
	} else {
		// The parts are joined and written at once: each Write to the
		// connection costs far more than copying a part.
		buf := joinBuffers.Get().(*[]byte)
		b := a.list.appendTo((*buf)[:0])
		w.Write(b)
		if cap(b) <= maxJoinBuffer {
			*buf = b
			joinBuffers.Put(buf)
		}
	}
}

// joinBuffers holds the buffers answers in parts are joined in, to be
// written at once; buffers larger than maxJoinBuffer are not kept.
var joinBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxJoinBuffer = 256 << 10

// health is the answer of /healthz.
type health struct {
	Status    string `json:"status"`
	Decisions int    `json:"decisions"`
}

func (s *Server) healthz(r *http.Request, a *args) (any, error) {
	return health{Status: "ok", Decisions: len(s.record.decisions)}, nil
}

// healthzFast answers GET /healthz from an answer encoded once, with
// nothing parsed or allocated, so that a probe is answered as fast as the
// server can write, whatever else it is doing; any other request to the
// path (a query, another method) goes to next.
func (s *Server) healthzFast(next http.Handler) http.Handler {
	a := s.encode("/healthz", nil, health{Status: "ok", Decisions: len(s.record.decisions)}, "")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery != "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header()["Cache-Control"] = noStore
		s.writeAnswer(w, r, a)
	})
}

func (s *Server) openAPI(r *http.Request, a *args) (any, error) {
	return json.RawMessage(s.openapi), nil
}

func (s *Server) council(r *http.Request, a *args) (any, error) {
	d := a.date("date")
	if a.err != nil {
		return nil, a.err
	}
	c, err := charter.CouncilOn(d)
	if err != nil {
		return nil, err
	}
	return form.NewCouncil(c), nil
}

func (s *Server) members(r *http.Request, a *args) (any, error) {
	return form.NewStates(charter.Tenures()), nil
}

func (s *Server) decide(r *http.Request, a *args) (any, error) {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, charter.MaxBallotBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, unsc.Errorf(unsc.EINVALID, "ballot", "larger than %d bytes (%d KiB): want one ballot", charter.MaxBallotBytes, charter.MaxBallotBytes>>10)
		}
		return nil, unsc.Errorf(unsc.EINVALID, "ballot", "cannot read the request body")
	}
	b, err := charter.ParseBallot(data)
	if err != nil {
		return nil, err
	}
	c, err := charter.CouncilOn(b.Date)
	if err != nil {
		return nil, err
	}
	res, err := charter.Decide(c, b)
	if err != nil {
		return nil, err
	}
	return charter.NewResultJSON(res), nil
}

func (s *Server) decisions(r *http.Request, a *args) (any, error) {
	// A search is the same as `unsc decisions`, answered by package
	// analysis, with each decision's summary in the page (view=full: the
	// whole decision); with a symbol, a search within the decisions it
	// names, whole (`unsc show`).
	q := searchFilters(a)
	q.Sort = a.str("sort")
	q.Offset = a.integer("offset", 0, 0, 1<<30)
	q.Limit = a.integer("limit", 100, 1, analysis.MaxLimit)
	symbol := a.str("symbol")
	// A symbol names decisions to read whole; a search lists summaries.
	list := s.summaries
	if v := a.str("view"); v == viewFull || (v == "" && symbol != "") {
		list = s.encoded
	}
	if a.err != nil {
		return nil, a.err
	}
	if err := analysis.CheckSearchQuery(q); err != nil {
		return nil, err
	}
	var places []int
	var period *analysis.Period
	total := 0
	if symbol != "" {
		named, err := s.record.bySymbol(symbol)
		if err != nil {
			return nil, err
		}
		places = s.index.Matches(q, named)
		total = len(places)
		places = places[min(q.Offset, total):min(q.Offset+q.Limit, total)]
	} else {
		found, page, err := s.index.SearchPlaces(r.Context(), q)
		if err != nil {
			return nil, err
		}
		places = page
		total = found.Total
		period = &found.Period
	}
	return paged{items: list.list(places), total: total, offset: q.Offset, limit: q.Limit, period: period}, nil
}

// The views of GET /api/v1/decisions: a summary of each decision, or the
// whole decision.
const (
	viewSummary = "summary"
	viewFull    = "full"
)

// searchFilters reads the parameters that select decisions, shared by
// the decisions search and the positions export.
func searchFilters(a *args) analysis.SearchQuery {
	q := analysis.SearchQuery{Text: a.str("q"), Member: a.seat("member")}
	q.From, q.To = a.dateRange()
	if o := a.str("outcome"); o != "" {
		q.Outcome, _ = unsc.ParseOutcome(o) // the enumeration was checked
	}
	if m := a.str("matter"); m != "" {
		q.Matter, _ = unsc.ParseMatter(m)
		q.MatterSet = true
	}
	if p := a.str("position"); p != "" {
		if q.Member == "" && a.err == nil {
			a.fail("position", "given without member: want member too, such as member=GBR&position=abstain")
		}
		q.Position, q.PositionSet = positionOf(p), true
	}
	return q
}

// positions streams the positions export (export.go).
func (s *Server) positions(w http.ResponseWriter, r *http.Request, a *args) error {
	q := searchFilters(a)
	q.Uncapped = true
	if a.err != nil {
		return a.err
	}
	if err := analysis.CheckSearchQuery(q); err != nil {
		return err
	}
	asCSV := a.str("format") == "csv"
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if asCSV {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="unsc-positions.csv"`)
	} else {
		h["Content-Type"] = jsonType
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return nil
	}
	if err := form.WritePositions(r.Context(), w, s.index, q, asCSV); err != nil && !clientGone(err) {
		// The status is sent: the client sees a cut answer.
		s.log.Warn("positions export stopped", slog.Any("error", err))
	}
	return nil
}

func positionOf(name string) unsc.Position {
	switch name {
	case "yes":
		return unsc.Yes
	case "no":
		return unsc.No
	case "abstain":
		return unsc.Abstain
	case "not-participating":
		return unsc.NotParticipating
	}
	return unsc.Absent
}

func (s *Server) vetoes(r *http.Request, a *args) (any, error) {
	member := a.seat("member")
	from, to := a.dateRange()
	if a.err != nil {
		return nil, a.err
	}
	return s.vetoList.list(s.index, member, from, to), nil
}

// incompleteKinds writes the kinds of decision a period counts that no
// source lists in full, each with how many of them the period holds:
// "procedural vote=137, preliminary question=4" ("" when there are none).
func incompleteKinds(p *analysis.Period) string {
	var b []byte
	for _, k := range p.Kinds {
		if k.CompleteTo != "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(append(append(b, k.Kind...), '='), int64(k.Known), 10)
	}
	return string(b)
}
