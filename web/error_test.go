package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"unsc"
)

// TestErrorStatuses checks the one table from error codes to statuses,
// and that only an *unsc.Error's message reaches the client: the detail of
// any other error goes to the log.
func TestErrorStatuses(t *testing.T) {
	const secret = "open /var/lib/unsc/unsc.db: permission denied"
	tests := []struct {
		err    error
		status int
		detail string
		param  string
	}{
		{unsc.Errorf(unsc.EINVALID, "date", "bad"), 400, "date: bad", "date"},
		{fmt.Errorf("wrapped: %w", unsc.Errorf(unsc.EINVALID, "", "bad")), 400, "bad", ""},
		{unsc.Errorf(unsc.ENOTFOUND, "symbol", "no decision"), 404, "symbol: no decision", ""},
		{unsc.Errorf(unsc.ECONFLICT, "", "taken"), 409, "taken", ""},
		{unsc.Errorf(unsc.EUNAUTHORIZED, "", "who are you"), 401, "who are you", ""},
		{unsc.Errorf(unsc.EFORBIDDEN, "", "not you"), 403, "not you", ""},
		{unsc.Errorf(unsc.EINTERNAL, "", secret), 500, "internal error", ""},
		{unsc.Errorf("unheard-of", "", secret), 500, "internal error", ""},
		{errors.New(secret), 500, "internal error", ""},
	}
	for _, tt := range tests {
		var logged bytes.Buffer
		s := &Server{log: slog.New(slog.NewTextHandler(&logged, nil))}
		w := httptest.NewRecorder()
		s.writeError(w, httptest.NewRequest("GET", "/api/v1/vetoes?member=USA", nil), tt.err)
		var p Problem
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
			t.Fatalf("writeError(%v): body is not a problem: %v", tt.err, err)
		}
		var param string
		if len(p.InvalidParams) > 0 {
			param = p.InvalidParams[0].Name
		}
		if w.Code != tt.status || p.Status != tt.status || p.Title != http.StatusText(tt.status) || p.Detail != tt.detail || param != tt.param {
			t.Errorf("writeError(%v) = %d %+v, want %d with detail %q naming %q", tt.err, w.Code, p, tt.status, tt.detail, tt.param)
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("writeError(%v): Content-Type %q", tt.err, ct)
		}
		if tt.status == 500 {
			if strings.Contains(w.Body.String(), "permission") {
				t.Errorf("writeError(%v) told the client: %s", tt.err, w.Body)
			}
			if !strings.Contains(logged.String(), "permission denied") || strings.Contains(logged.String(), "member=USA") {
				t.Errorf("writeError(%v) logged %q, want the detail and no query string", tt.err, logged.String())
			}
		} else if logged.Len() != 0 {
			t.Errorf("writeError(%v) logged %q, want nothing for a client's error", tt.err, logged.String())
		}
	}
}
