package record

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAddressHostAsNetURL checks the hand-written check of addresses
// against net/url's parser, which it replaces: every address of the
// curated rows and the facts is accepted by both with the same host, and
// it refuses what net/url refuses, and more (stricter, never looser).
func TestAddressHostAsNetURL(t *testing.T) {
	token := regexp.MustCompile(`https?://[^\s;,)"]+`)
	var addresses []string
	for _, f := range [][]byte{curatedCSV, factsCSV} {
		addresses = append(addresses, token.FindAllString(string(f), -1)...)
	}
	if len(addresses) < 100 {
		t.Fatalf("%d addresses in curated.csv and facts.csv, want hundreds", len(addresses))
	}
	unOwn := 0
	for _, s := range addresses {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			t.Errorf("%q: net/url: %v (host %q)", s, err, u.Host)
			continue
		}
		host, ok := addressHost(s)
		if !ok || host != u.Hostname() {
			t.Errorf("addressHost(%q) = %q, %v; net/url's host %q", s, host, ok, u.Hostname())
		}
		if unAddress(s) {
			unOwn++
		}
	}
	if unOwn == 0 || unOwn == len(addresses) {
		t.Errorf("%d of %d addresses the UN's own, want some and not all", unOwn, len(addresses))
	}
	for _, c := range []struct {
		s    string
		host string
	}{
		{"https://press.un.org/en/2024/sc15000.doc.htm", "press.un.org"},
		{"HTTP://UN.ORG:8080/x?y=%2F#z", "UN.ORG"},
		{"https://digitallibrary.un.org", "digitallibrary.un.org"},
		{"ftp://un.org/x", ""},
		{"https:/un.org", ""},
		{"https://", ""},
		{"https://:80/x", ""},
		{"https://un.org:8o/x", ""},
		{"https://un.org/a%zz", ""},
		{"https://un.org/a%2", ""},
		{"https://un.org/a\x01b", ""},
		{"https://us er@un.org/", ""},
		{"https://user@un.org/", ""},
		{"https://[::1]/", ""},
		{"https://un.org/ü", ""},
		{"un.org/x", ""},
	} {
		host, ok := addressHost(c.s)
		if host != c.host || ok != (c.host != "") {
			t.Errorf("addressHost(%q) = %q, %v; want %q", c.s, host, ok, c.host)
		}
		if u, err := url.Parse(c.s); ok && (err != nil || !strings.EqualFold(u.Scheme, "https") && !strings.EqualFold(u.Scheme, "http") || u.Hostname() != host) {
			t.Errorf("%q: accepted, but net/url: %v", c.s, err)
		}
	}
}
