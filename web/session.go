package web

// The live sessions' API: package chamber runs them; this file authenticates
// each request, maps it to the rules of procedure, and answers in JSON, or
// as server-sent events for the live stream.

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/chamber"
	"unsc/form"
	"unsc/procedure"
)

// sessions is the part of the server that serves live sessions.
type sessions struct {
	chamber *chamber.Chamber
	admin   string
	limiter *chamber.Limiter
	// csrfKey signs the CSRF tokens of the pages.
	csrfKey []byte
}

// maxActionBytes bounds an action's body; a draft's text is the largest.
const maxActionBytes = 512 << 10

func newSessions(cfg Config) sessions {
	key := make([]byte, 32)
	rand.Read(key)
	burst := cfg.GuessBurst
	if burst == 0 {
		burst = 10
	}
	return sessions{chamber: cfg.Chamber, admin: cfg.AdminToken, csrfKey: key,
		// Ten wrong credentials, then one every six seconds, per client.
		limiter: chamber.NewLimiter(burst, 6*time.Second)}
}

func nowTime() time.Time { return time.Now() }

// cookieName is the cookie that holds a page's credential for a session.
func cookieName(id string) string { return "unsc_" + id }

// csrfToken is the token a page sends back with each change it asks for:
// an HMAC of the credential its cookie holds, which a page of another
// origin cannot know.
func (s *sessions) csrfToken(id, credential string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte(id))
	m.Write([]byte{0})
	m.Write([]byte(credential))
	return hex.EncodeToString(m.Sum(nil))
}

func clientAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, _ := netip.ParseAddr(host)
	return a.Unmap()
}

// errTooMany is a client that has guessed too often.
type errTooMany struct{ retry time.Duration }

func (e errTooMany) Error() string { return "too many wrong credentials: try again later" }

// credential returns the credential a request carries: a bearer token, or
// for a page the session's cookie, which must come with its CSRF token on
// any request that changes something.
func (s *sessions) credential(r *http.Request, id string) (string, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			return "", unsc.Errorf(unsc.EUNAUTHORIZED, "Authorization", "want Authorization: Bearer TOKEN")
		}
		return token, nil
	}
	if id != "" {
		if c, err := r.Cookie(cookieName(id)); err == nil && c.Value != "" {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				want := s.csrfToken(id, c.Value)
				if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(want)) != 1 {
					return "", unsc.Errorf(unsc.EFORBIDDEN, "X-CSRF-Token", "a change asked with the session's cookie needs the page's X-CSRF-Token")
				}
			}
			return c.Value, nil
		}
	}
	return "", unsc.Errorf(unsc.EUNAUTHORIZED, "Authorization", "missing: want Authorization: Bearer TOKEN")
}

// actor authenticates a request in session id, rate-limiting failures per
// client.
func (s *sessions) actor(r *http.Request, id string) (procedure.Actor, error) {
	client, now := clientAddr(r), time.Now()
	if ok, wait := s.limiter.Allow(client, now); !ok {
		return procedure.Actor{}, errTooMany{wait}
	}
	token, err := s.credential(r, id)
	if err != nil {
		if unsc.ErrorCode(err) == unsc.EUNAUTHORIZED {
			s.limiter.Fail(client, now)
		}
		return procedure.Actor{}, err
	}
	a, err := s.chamber.Authenticate(r.Context(), id, token)
	if err != nil {
		s.limiter.Fail(client, now)
		return procedure.Actor{}, err
	}
	return a, nil
}

// sessionsOff answers when the server runs no sessions.
var sessionsOff = &unsc.Error{Code: unsc.ENOTFOUND, Message: "this server runs no live sessions"}

func (s *Server) sessionError(w http.ResponseWriter, r *http.Request, err error) {
	var many errTooMany
	if errors.As(err, &many) {
		w.Header().Set("Retry-After", strconv.Itoa(int(many.retry/time.Second)+1))
		writeProblem(w, newProblem(http.StatusTooManyRequests, many.Error()))
		return
	}
	if unsc.ErrorCode(err) == unsc.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="unsc"`)
	}
	s.writeError(w, r, err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err) // wire types always encode
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// readBody decodes a JSON body into v, refusing unknown fields.
func readBody(r *http.Request, v any, limit int64) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return unsc.Errorf(unsc.EINVALID, "body", "larger than %d bytes", limit)
		case errors.As(err, &syn):
			return unsc.Errorf(unsc.EINVALID, "body", "malformed JSON at byte %d", syn.Offset)
		case errors.As(err, &typ):
			return unsc.Errorf(unsc.EINVALID, typ.Field, "want a JSON %s, found %s", typ.Type, typ.Value)
		case errors.Is(err, io.EOF):
			return unsc.Errorf(unsc.EINVALID, "body", "empty: want a JSON object")
		}
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return unsc.Errorf(unsc.EINVALID, strings.Trim(name, `"`), "unknown field")
		}
		return unsc.Errorf(unsc.EINVALID, "body", "malformed JSON")
	}
	return nil
}

// createdJSON is the answer to the creation of a session: the credentials,
// given once.
type createdJSON struct {
	ID           string     `json:"id"`
	ChairToken   string     `json:"chair_token"`
	Seats        []seatJSON `json:"seats"`
	SpectatorURL string     `json:"spectator_url"`
	ChairURL     string     `json:"chair_url"`
	Date         string     `json:"date"`
	Profile      string     `json:"profile"`
	Required     int        `json:"required"`
}

type seatJSON struct {
	Code      unsc.Code `json:"code"`
	Name      string    `json:"name"`
	Permanent bool      `json:"permanent"`
	Token     string    `json:"token"`
	URL       string    `json:"url"`
}

func (s *Server) createSession(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	client, now := clientAddr(r), time.Now()
	if ok, wait := s.limiter.Allow(client, now); !ok {
		s.sessionError(w, r, errTooMany{wait})
		return
	}
	token, err := s.credential(r, "")
	if err == nil && (s.admin == "" || !chamber.SameToken(token, s.admin)) {
		err = unsc.Errorf(unsc.EUNAUTHORIZED, "Authorization", "only the operator creates sessions")
	}
	if err != nil {
		s.limiter.Fail(client, now)
		s.sessionError(w, r, err)
		return
	}
	var req chamber.NewSession
	if err := readBody(r, &req, maxActionBytes); err != nil {
		s.sessionError(w, r, err)
		return
	}
	c, err := s.chamber.Create(r.Context(), req)
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	out := createdJSON{ID: c.ID, ChairToken: c.ChairToken, Date: c.Setup.Date, Profile: c.Setup.Profile.Name, Required: c.Setup.Required,
		SpectatorURL: "/chamber/" + c.ID, ChairURL: "/chamber/" + c.ID + "/join?token=" + c.ChairToken}
	for i, seat := range c.Seats {
		out.Seats = append(out.Seats, seatJSON{Code: seat.Code, Name: seat.Name, Permanent: c.Setup.Members[i].Permanent,
			Token: seat.Token, URL: "/chamber/" + c.ID + "/join?token=" + seat.Token})
	}
	w.Header().Set("Location", "/api/v1/sessions/"+c.ID)
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) sessionState(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	v, err := s.chamber.State(r.Context(), r.PathValue("id"))
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.Write(append(v, '\n'))
}

// act authenticates the request and takes the actions for its actor; check,
// when given, says whether this actor may ask this route at all.
func (s *Server) act(w http.ResponseWriter, r *http.Request, check func(procedure.Actor) error, actions func(procedure.Actor) ([]procedure.Action, error)) (procedure.Actor, []procedure.Event, bool) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return procedure.Actor{}, nil, false
	}
	id := r.PathValue("id")
	a, err := s.actor(r, id)
	if err == nil && check != nil {
		err = check(a)
	}
	var acts []procedure.Action
	if err == nil {
		acts, err = actions(a)
	}
	var evs []procedure.Event
	if err == nil {
		evs, err = s.chamber.Act(r.Context(), id, a, acts...)
	}
	if err != nil {
		s.sessionError(w, r, err)
		return a, nil, false
	}
	return a, evs, true
}

func chairOnly(a procedure.Actor) error {
	if a.Role != procedure.RoleChair {
		return unsc.Errorf(unsc.EFORBIDDEN, "", "only the President (the chair) does this")
	}
	return nil
}

// actionJSON is an action as the API takes it: its kind and particulars.
type actionJSON struct {
	Action string `json:"action"`
	procedure.Args
}

type actedJSON struct {
	Seq    int64             `json:"seq"`
	Events []procedure.Event `json:"events"`
}

func (s *Server) sessionAction(w http.ResponseWriter, r *http.Request) {
	_, evs, ok := s.act(w, r, nil, func(procedure.Actor) ([]procedure.Action, error) {
		var a actionJSON
		if err := readBody(r, &a, maxActionBytes); err != nil {
			return nil, err
		}
		return []procedure.Action{{Kind: a.Action, Args: a.Args}}, nil
	})
	if !ok {
		return
	}
	out := actedJSON{Events: evs}
	if evs == nil {
		out.Events = []procedure.Event{}
	}
	if n := len(evs); n > 0 {
		out.Seq = evs[n-1].Seq
	}
	writeJSON(w, http.StatusOK, out)
}

// openVoteJSON opens a vote on a document, tabling it first if it is not
// tabled yet, or on any question.
type openVoteJSON struct {
	Document string                 `json:"document"`
	Matter   string                 `json:"matter"`
	Title    string                 `json:"title"`
	Question *procedure.QuestionRef `json:"question"`
}

type voteOpenedJSON struct {
	ID       int                `json:"id"`
	Seq      int64              `json:"seq"`
	Question procedure.Question `json:"question"`
}

func (s *Server) openVote(w http.ResponseWriter, r *http.Request) {
	_, evs, ok := s.act(w, r, chairOnly, func(procedure.Actor) ([]procedure.Action, error) {
		var req openVoteJSON
		if err := readBody(r, &req, maxActionBytes); err != nil {
			return nil, err
		}
		if req.Question != nil {
			if req.Document != "" {
				return nil, unsc.Errorf(unsc.EINVALID, "question", "give a document or a question, not both")
			}
			return []procedure.Action{{Kind: "open-vote", Args: procedure.Args{Question: req.Question}}}, nil
		}
		if req.Document == "" {
			return nil, unsc.Errorf(unsc.EINVALID, "document", "missing: want the symbol of the draft put to the vote, or a question")
		}
		snap, err := s.chamber.Snapshot(r.Context(), r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		var acts []procedure.Action
		ref := snap.DraftBySymbol(req.Document)
		if ref == 0 {
			// The President enters a draft its sponsors submitted in
			// writing (rule 31), and puts it to the vote.
			acts = append(acts, procedure.Action{Kind: "table-draft", Args: procedure.Args{Symbol: req.Document, Title: req.Title, Matter: req.Matter}})
			ref = len(snap.Drafts) + 1
		} else if d := snap.Drafts[ref-1]; req.Matter != "" && req.Matter != d.Matter {
			return nil, unsc.Errorf(unsc.ECONFLICT, "matter", "%s is before the Council as a %s matter; raise the preliminary question to change that", d.Symbol, d.Matter)
		}
		return append(acts, procedure.Action{Kind: "open-vote", Args: procedure.Args{Question: &procedure.QuestionRef{Kind: procedure.OnDraft, Ref: ref}}}), nil
	})
	if !ok {
		return
	}
	last := evs[len(evs)-1]
	w.Header().Set("Location", "/api/v1/sessions/"+r.PathValue("id")+"/votes/"+strconv.Itoa(last.ID))
	writeJSON(w, http.StatusCreated, voteOpenedJSON{ID: last.ID, Seq: last.Seq, Question: *last.Words})
}

type ballotJSON struct {
	Position string `json:"position"`
}

type ballotCastJSON struct {
	Vote     int       `json:"vote"`
	Code     unsc.Code `json:"code"`
	Position string    `json:"position"`
	// Seq is the log entry that records the ballot; 0 when the ballot was
	// already cast so, and nothing changed.
	Seq int64 `json:"seq"`
}

func (s *Server) castBallot(w http.ResponseWriter, r *http.Request) {
	code := unsc.Code(r.PathValue("code"))
	vote, err := strconv.Atoi(r.PathValue("vote"))
	var pos string
	_, evs, ok := s.act(w, r, func(a procedure.Actor) error {
		if a.Role != procedure.RoleSeat || a.Seat != code {
			return unsc.Errorf(unsc.EFORBIDDEN, "code", "a delegation votes only for its own seat")
		}
		return nil
	}, func(procedure.Actor) ([]procedure.Action, error) {
		if err != nil || vote < 1 {
			return nil, unsc.Errorf(unsc.EINVALID, "vote", "%q: want a vote's number", r.PathValue("vote"))
		}
		var b ballotJSON
		if err := readBody(r, &b, 4<<10); err != nil {
			return nil, err
		}
		pos = b.Position
		return []procedure.Action{{Kind: "cast-ballot", Args: procedure.Args{Ref: vote, Position: b.Position}}}, nil
	})
	if !ok {
		return
	}
	out := ballotCastJSON{Vote: vote, Code: code, Position: pos}
	if len(evs) > 0 {
		out.Seq = evs[0].Seq
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) closeVote(w http.ResponseWriter, r *http.Request) {
	vote, err := strconv.Atoi(r.PathValue("vote"))
	_, evs, ok := s.act(w, r, chairOnly, func(procedure.Actor) ([]procedure.Action, error) {
		if err != nil || vote < 1 {
			return nil, unsc.Errorf(unsc.EINVALID, "vote", "%q: want a vote's number", r.PathValue("vote"))
		}
		return []procedure.Action{{Kind: "close-vote", Args: procedure.Args{Ref: vote}}}, nil
	})
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, evs[0].Result)
}

// sessionEvents is the live stream: every committed event as a server-sent
// event whose id is its number in the log. A client reconnecting with
// Last-Event-ID receives the events it missed, the last with the current
// state; a new client receives the state.
func (s *Server) sessionEvents(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	last := int64(-1)
	if v := r.Header.Get("Last-Event-ID"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			s.sessionError(w, r, unsc.Errorf(unsc.EINVALID, "Last-Event-ID", "%q: want an event's number", v))
			return
		}
		last = n
	}
	sub, first, err := s.chamber.Subscribe(r.Context(), r.PathValue("id"), last)
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	defer sub.Close()
	rc := http.NewResponseController(w)
	// A stream outlives the server's write timeout.
	rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	var buf bytes.Buffer
	buf.WriteString("retry: 1000\n\n")
	for _, f := range first {
		buf.Write(f)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return
	}
	rc.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case f, ok := <-sub.C():
			if !ok {
				return
			}
			if _, err := w.Write(f); err != nil {
				return
			}
			// Send what else is waiting in the same write.
			for more := true; more; {
				select {
				case f, ok := <-sub.C():
					if !ok {
						rc.Flush()
						return
					}
					w.Write(f)
				default:
					more = false
				}
			}
			rc.Flush()
		case <-ping.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			rc.Flush()
		}
	}
}

func (s *Server) sessionReceipt(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	id := r.PathValue("id")
	a, err := s.actor(r, id)
	if err == nil && a.Role != procedure.RoleSeat {
		err = unsc.Errorf(unsc.EFORBIDDEN, "", "a receipt is a delegation's, for its own votes")
	}
	var rc chamber.Receipt
	if err == nil {
		rc, err = s.chamber.Receipt(r.Context(), id, a.Seat)
	}
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="receipt-`+id+`-`+string(a.Seat)+`.json"`)
	writeJSON(w, http.StatusOK, rc)
}

func (s *Server) sessionLog(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	entries, err := s.chamber.Entries(r.Context(), r.PathValue("id"))
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, entries)
}

func (s *Server) sessionVerify(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	rep, err := s.chamber.Verify(r.Context(), r.PathValue("id"))
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// sessionDecisions answers the session's decisions in the record's JSON
// layout (format=json, the default) or as CSV (format=csv), each marked as
// a simulation.
func (s *Server) sessionDecisions(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		s.sessionError(w, r, unsc.Errorf(unsc.EINVALID, "format", "%q: want json or csv", format))
		return
	}
	ds, err := s.chamber.Decisions(r.Context(), r.PathValue("id"))
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	out := make([]simulatedJSON, len(ds))
	for i, d := range ds {
		out[i] = simulatedJSON{Decision: form.NewDecision(d), Simulation: true}
	}
	if format != "csv" {
		writeJSON(w, http.StatusOK, out)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	cw.Write(simulatedColumns)
	for _, d := range ds {
		cw.Write(simulatedRow(d))
	}
	cw.Flush()
}

// simulatedJSON is a decision of a live session: the record's layout, and
// marked as a simulation.
type simulatedJSON struct {
	Decision
	Simulation bool `json:"simulation"`
}

var simulatedColumns = []string{"date", "meeting", "draft", "amendment_to", "resolution", "matter", "outcome", "vetoed_by", "yes", "no", "abstain", "votes", "source", "simulation"}

func simulatedRow(d unsc.Decision) []string {
	var votes []string
	for code, p := range d.Votes.All() {
		votes = append(votes, string(code)+":"+p.Letter())
	}
	slices.Sort(votes)
	vetoes := make([]string, len(d.VetoedBy))
	for i, c := range d.VetoedBy {
		vetoes[i] = string(c)
	}
	return []string{d.Date.Format(time.DateOnly), d.Meeting, d.Draft, d.AmendmentTo, d.Resolution, d.Matter.String(), d.Derived.String(),
		strings.Join(vetoes, " "), strconv.Itoa(d.Tally.Yes), strconv.Itoa(d.Tally.No), strconv.Itoa(d.Tally.Abstain),
		strings.Join(votes, " "), string(chamber.SourceSimulation), "true"}
}
