package web

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
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
