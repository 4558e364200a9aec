package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestETagDigest checks that an ETag is the first 16 bytes of the SHA-256
// of the record's tag, a newline and the canonical request, in hex and
// quoted, for requests short and longer than etag's buffer.
func TestETagDigest(t *testing.T) {
	for _, key := range []string{"", "/api/v1/vetoes?member=USA", strings.Repeat("/api/v1/decisions?q=x", 40)} {
		sum := sha256.Sum256([]byte("0123abcd\n" + key))
		want := `"` + hex.EncodeToString(sum[:16]) + `"`
		if got := etag("0123abcd", key); got != want {
			t.Errorf("etag(%q) = %s, want %s", key, got, want)
		}
	}
}

// TestAnswersBounded checks that the cache of answers stays within its
// bounds in entries and bytes, keeps the answer put last, and counts its
// bytes right after making room.
func TestAnswersBounded(t *testing.T) {
	var c answers
	for i := range 3 * maxAnswers {
		key := "/k?" + strconv.Itoa(i)
		c.put(key, &answer{body: make([]byte, 100)})
		if len(c.m) > maxAnswers || c.bytes > maxAnswerBytes {
			t.Fatalf("after %d answers: %d entries, %d bytes", i+1, len(c.m), c.bytes)
		}
		if c.get(key) == nil {
			t.Fatalf("answer %d not kept", i)
		}
	}
	for i := range 40 {
		c.put("/big?"+strconv.Itoa(i), &answer{body: make([]byte, 1<<20)})
		if c.bytes > maxAnswerBytes {
			t.Fatalf("after %d large answers: %d bytes", i+1, c.bytes)
		}
	}
	n := 0
	for k, a := range c.m {
		n += len(k) + a.size()
	}
	if n != c.bytes {
		t.Errorf("the cache counts %d bytes, holds %d", c.bytes, n)
	}
}

// TestAppendQuery checks that appendQuery writes what url.Values.Encode
// writes (an ETag's canonical request and a next page's Link come from
// it), for any names and values: every byte, multi-byte UTF-8, invalid
// UTF-8, several values of a name, and more names than its held array.
func TestAppendQuery(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := rapid.OneOf(rapid.String(), rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
			rapid.SampledFrom([]string{"", "USA", "SUN+RUS", "1990-01-01", "a b&c=d/e?f#g%h", "Côte d’Ivoire", "\xff\xfe", "~-_."}))
		q := url.Values{}
		for range rapid.IntRange(0, 20).Draw(t, "names") {
			name := text.Draw(t, "name")
			for range rapid.IntRange(1, 3).Draw(t, "values") {
				q[name] = append(q[name], text.Draw(t, "value"))
			}
		}
		prefix := rapid.SampledFrom([]string{"", "/api/v1/vetoes?"}).Draw(t, "prefix")
		if got, want := string(appendQuery([]byte(prefix), q)), prefix+q.Encode(); got != want {
			t.Fatalf("appendQuery(%q) = %q, want %q", q, got, want)
		}
	})
}
