package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"unsc"
)

// An answer is an encoded record answer, kept to be served again: the
// record does not change while the server runs, so neither do its answers.
type answer struct {
	body   []byte
	etag   string
	header []headerField // further headers of a page, such as its Content-Type
	// lines, for an answer of the API, are its further headers (ETag,
	// X-Total-Count, …) as written in a head.
	lines headLines
	// list, when body is nil, is the body in pieces kept elsewhere
	// (decisions encoded once), so that a long list costs its slices or
	// its places, not a copy.
	list decisionList
	// length and etagHeader are the values of Content-Length and ETag,
	// held in values.
	length, etagHeader []string
	values             [2]string
	// line is room for a computed answer's one header line (its ETag),
	// so that the answer and its lines are one allocation.
	line [48]byte
}

// headerField is a further header of an answer: its name, canonical, and
// its value, set as they are (never changed) on every answer served.
type headerField struct {
	name  string
	value []string
}

func field(name, value string) headerField { return headerField{name, []string{value}} }

// setHeaders sets the values of Content-Length and ETag for a body of n
// bytes.
func (a *answer) setHeaders(n int) {
	a.values = [2]string{strconv.Itoa(n), a.etag}
	a.length, a.etagHeader = a.values[0:1:1], a.values[1:2:2]
}

// answers caches encoded answers by canonical request (path and sorted
// query). It is bounded in entries and bytes; when full, arbitrary entries
// make room, an eighth of it at once (one walk of the map for many
// answers, not one for each), which is enough for a cache whose every
// entry is equally cheap to rebuild.
type answers struct {
	mu    sync.RWMutex
	m     map[string]*answer
	bytes int
}

const (
	maxAnswers      = 4096
	maxAnswerBytes  = 16 << 20
	maxCachedAnswer = 2 << 20
)

// size is the memory an answer holds of its own, for the cache's bound.
func (a *answer) size() int {
	return len(a.body) + 24*len(a.list.parts) + 4*len(a.list.kept) + a.list.owned
}

func (c *answers) get(key string) *answer {
	c.mu.RLock()
	a := c.m[key]
	c.mu.RUnlock()
	return a
}

func (c *answers) put(key string, a *answer) {
	size := len(key) + a.size()
	if size > maxCachedAnswer {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]*answer)
	}
	if old, ok := c.m[key]; ok {
		c.bytes -= len(key) + old.size()
	}
	if len(c.m) >= maxAnswers || c.bytes+size > maxAnswerBytes {
		for k, v := range c.m {
			if len(c.m) < maxAnswers-maxAnswers/8 && c.bytes+size <= maxAnswerBytes-maxAnswerBytes/8 {
				break
			}
			delete(c.m, k)
			c.bytes -= len(k) + v.size()
		}
	}
	c.m[key] = a
	c.bytes += size
}

// recordTag returns a digest of the record's content and of the program
// that encodes it, computed once at start. Every ETag derives from it, so a
// new import or a new build changes every ETag. The record's content is
// digest when given (the checksum of its image), else the decisions.
func recordTag(digest string, ds []unsc.Decision) string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintln(h, bi.Main.Path, bi.Main.Version, bi.GoVersion)
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				fmt.Fprintln(h, s.Key, s.Value)
			}
		}
	}
	fmt.Fprintln(h, len(ds))
	if digest != "" {
		fmt.Fprintln(h, digest)
		return hex.EncodeToString(h.Sum(nil))
	}
	for _, d := range ds {
		// %+v prints maps in key order, so the digest is the same for the
		// same record.
		fmt.Fprintf(h, "%+v\n", d)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// etag returns the strong entity tag of the answer to a canonical request:
// the first 16 bytes of the SHA-256 of tag, a newline and key, in hex and
// quoted.
func etag[K string | []byte](tag string, key K) string {
	var in [256]byte
	sum := sha256.Sum256(append(append(append(in[:0], tag...), '\n'), key...))
	var out [34]byte
	out[0], out[33] = '"', '"'
	hex.Encode(out[1:33], sum[:16])
	return string(out[:])
}

// etagMatches reports whether an If-None-Match header matches tag, with the
// weak comparison RFC 9110 §13.1.2 prescribes for it.
func etagMatches(header, tag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == tag {
			return true
		}
	}
	return false
}
