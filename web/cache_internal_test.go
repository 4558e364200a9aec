package web

import (
	"crypto/sha256"
	"encoding/hex"
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
