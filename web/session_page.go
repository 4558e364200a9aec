package web

// The chamber's pages: the projector and spectators' display, the chair's
// console and each delegation's page, all one template and one script that
// renders the live stream. The secret links of a session set the page's
// credential in a cookie (HttpOnly); changes the page asks for carry its
// CSRF token.

import (
	"net/http"

	"unsc"
	"unsc/procedure"
)

// chamberCSP is the pages' policy, with the live stream and the actions
// allowed back to this server.
const chamberCSP = pageCSP + "; connect-src 'self'"

// chamberPage is what the chamber's template shows.
type chamberPage struct {
	ID      string
	Role    string // spectator, projector, chair or seat
	Seat    unsc.Code
	Heading string
	CSRF    string
	Acts    bool
}

func (s *Server) renderChamber(w http.ResponseWriter, r *http.Request, p chamberPage, status int) {
	body, err := renderTemplate("chamber", pageFrame{Title: p.Heading, Nav: "chamber", Path: r.URL.Path, Asset: siteAssets.Get().url, Data: p})
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", chamberCSP)
	w.WriteHeader(status)
	w.Write(body)
}

// spectatorPage is the public display; /projector is the same, larger.
func (s *Server) spectatorPage(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	id := r.PathValue("id")
	if _, err := s.chamber.State(r.Context(), id); err != nil {
		s.sessionError(w, r, err)
		return
	}
	p := chamberPage{ID: id, Role: "spectator", Heading: "Security Council session (simulation)"}
	if r.PathValue("view") == "projector" {
		p.Role = "projector"
	} else if r.PathValue("view") != "" {
		s.sessionError(w, r, unsc.Errorf(unsc.ENOTFOUND, "", "no such page"))
		return
	}
	s.renderChamber(w, r, p, http.StatusOK)
}

// joinPage takes a secret link's token, keeps it in the session's cookie,
// and sends the browser on to its page, so that the token leaves the
// address bar and the history.
func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	id := r.PathValue("id")
	token := r.URL.Query().Get("token")
	client := clientAddr(r)
	if ok, wait := s.limiter.Allow(client, nowTime()); !ok {
		s.sessionError(w, r, errTooMany{wait})
		return
	}
	a, err := s.chamber.Authenticate(r.Context(), id, token)
	if err != nil {
		s.limiter.Fail(client, nowTime())
		s.sessionError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName(id), Value: token, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	to := "/chamber/" + id + "/as/seat"
	if a.Role == procedure.RoleChair {
		to = "/chamber/" + id + "/as/chair"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// memberPage is the chair's console or a delegation's page, by the cookie.
func (s *Server) memberPage(w http.ResponseWriter, r *http.Request) {
	if s.chamber == nil {
		s.sessionError(w, r, sessionsOff)
		return
	}
	id := r.PathValue("id")
	c, err := r.Cookie(cookieName(id))
	if err != nil {
		s.sessionError(w, r, unsc.Errorf(unsc.EUNAUTHORIZED, "", "open this page from the secret link the operator gave you"))
		return
	}
	a, err := s.actor(r, id)
	if err != nil {
		s.sessionError(w, r, err)
		return
	}
	want := r.PathValue("role")
	p := chamberPage{ID: id, Role: want, CSRF: s.csrfToken(id, c.Value), Acts: true}
	switch {
	case want == "chair" && a.Role == procedure.RoleChair:
		p.Heading = "The President's console"
	case want == "seat" && a.Role == procedure.RoleSeat:
		p.Seat = a.Seat
		p.Heading = "Delegation of " + string(a.Seat)
		if snap, err := s.chamber.Snapshot(r.Context(), id); err == nil {
			for _, m := range snap.Setup.Members {
				if m.Code == a.Seat {
					p.Heading = "Delegation of " + m.Name
				}
			}
		}
	default:
		s.sessionError(w, r, unsc.Errorf(unsc.EFORBIDDEN, "", "this credential is not for the %s's page", want))
		return
	}
	s.renderChamber(w, r, p, http.StatusOK)
}
