package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"unsc"
)

// statusOf returns the HTTP status for err, from its unsc error code. It
// is the only place the API decides a status from an error; a code not
// here is an internal error. (A switch: no table made at every start.)
func statusOf(err error) int {
	switch unsc.ErrorCode(err) {
	case unsc.EINVALID:
		return http.StatusBadRequest
	case unsc.ENOTFOUND:
		return http.StatusNotFound
	case unsc.ECONFLICT:
		return http.StatusConflict
	case unsc.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case unsc.EFORBIDDEN:
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// Problem is an error answer, an RFC 9457 problem detail, served as
// application/problem+json. Type is always "about:blank", so Title is the
// status's standard phrase; Detail says what was wrong, and InvalidParams
// names the parameter or ballot field of bad input.
type Problem struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail,omitempty"`
	InvalidParams []InvalidParam `json:"invalid_params,omitempty"`
}

// InvalidParam names one bad parameter of a request and why it is bad.
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// newProblem returns the problem a status and detail make.
func newProblem(status int, detail string) Problem {
	return Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail}
}

// errorProblem returns the problem err makes. Only an *unsc.Error's message
// reaches the client; anything else is "internal error".
func errorProblem(err error) Problem {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		return newProblem(status, "internal error")
	}
	p := newProblem(status, unsc.ErrorMessage(err))
	var e *unsc.Error
	if errors.As(err, &e) && e.Field != "" && status == http.StatusBadRequest {
		p.InvalidParams = []InvalidParam{{Name: e.Field, Reason: e.Message}}
	}
	return p
}

// writeProblem writes p, with the headers every answer has.
func writeProblem(w http.ResponseWriter, p Problem) {
	body, _ := json.Marshal(p)
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	w.Write(append(body, '\n'))
}

// writeError writes the problem err makes, and logs the detail of an
// internal error, which the client never sees.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	p := errorProblem(err)
	if p.Status == http.StatusInternalServerError {
		s.log.Error("internal error", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	writeProblem(w, p)
}
