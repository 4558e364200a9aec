package chamber

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/netip"
	"sync"
	"time"
)

// NewToken returns a new random credential: 256 bits from the operating
// system's generator, in base64url.
func NewToken() string {
	var b [32]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// TokenHash returns the hash under which a token is kept.
func TokenHash(token string) Hash { return sha256.Sum256([]byte(token)) }

// SameToken compares two tokens in constant time.
func SameToken(a, b string) bool {
	ha, hb := TokenHash(a), TokenHash(b)
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// NewID returns a new session ID: 128 random bits in base32 hex,
// lower-case, unguessable, so that the spectators' link can be shared
// without its being found by counting.
func NewID() string {
	var b [16]byte
	rand.Read(b[:])
	const digits = "0123456789abcdefghijklmnopqrstuv"
	out := make([]byte, 0, 26)
	var acc uint32
	bits := 0
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, digits[(acc>>bits)&31])
		}
	}
	if bits > 0 {
		out = append(out, digits[(acc<<(5-bits))&31])
	}
	return string(out)
}

// Limiter rate-limits failed credentials per client address: each client
// has a bucket of Burst attempts that refills at one per Every. Successful
// attempts cost nothing.
type Limiter struct {
	Burst int
	Every time.Duration

	mu      sync.Mutex
	clients map[netip.Addr]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// NewLimiter returns a limiter of burst failures refilled at one per every.
func NewLimiter(burst int, every time.Duration) *Limiter {
	return &Limiter{Burst: burst, Every: every, clients: map[netip.Addr]*bucket{}}
}

// Allow reports whether a client may try a credential now, and if not,
// how long until it may.
func (l *Limiter) Allow(client netip.Addr, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(client, now)
	if b.tokens >= 1 {
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) * float64(l.Every))
}

// Fail charges a failed attempt to a client.
func (l *Limiter) Fail(client netip.Addr, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.refill(client, now)
	b.tokens = max(0, b.tokens-1)
}

func (l *Limiter) refill(client netip.Addr, now time.Time) *bucket {
	if now.Sub(l.swept) > time.Minute {
		// Forget clients whose buckets are full again.
		for a, b := range l.clients {
			if now.Sub(b.at) > time.Duration(l.Burst)*l.Every {
				delete(l.clients, a)
			}
		}
		l.swept = now
	}
	b := l.clients[client]
	if b == nil {
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.clients[client] = b
	}
	b.tokens = min(float64(l.Burst), b.tokens+float64(now.Sub(b.at))/float64(l.Every))
	b.at = now
	return b
}
