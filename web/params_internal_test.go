package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseQuery checks that parseQuery reads every query as
// url.ParseQuery does, and fails where it fails.
func TestParseQuery(t *testing.T) {
	for _, raw := range []string{
		"",
		"member=USA",
		"member=USA&from=1990-01-01&to=2030-01-01",
		"q=situation&from=1946-02-03&to=2029-12-31&limit=20",
		"members=USA%2CGBR&rule=abstain-half",
		"member=SUN%2BRUS&from=&to",
		"member=SUN+RUS",
		"a=1&a=2&b=3&a=4",
		"&&a=1&&",
		"=x&y=",
		"a=%zz",
		"a=1;b=2",
		"a=1&b=%",
		"%41=%42",
		"q=%E2%80%A8&x=%C3%A9",
		strings.Repeat("a=1&", maxQueryParams),
		strings.Repeat("a=1&", maxQueryParams-1) + "a=1",
	} {
		want, wantErr := url.ParseQuery(raw)
		got, err := parseQuery(raw)
		short := raw[:min(len(raw), 60)]
		if (err != nil) != (wantErr != nil) {
			t.Errorf("parseQuery(%q) error %v, want %v", short, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("parseQuery(%q) (-url.ParseQuery +got):\n%s", short, diff)
		}
	}
}
