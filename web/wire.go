package web

import (
	"context"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
)

// The answers the API computes most often, and longest, encoded without
// reflection: each appendX writes exactly what json.Marshal writes for its
// value (TestWireEncoders compares them over the whole record).

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it: <, > and & as \u003c, \u003e and \u0026, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		i = plainWords(s, i)
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if plainJSON[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainWords returns the end of the run of bytes from s[i] that a JSON
// string holds as they are (plainJSON), found 8 bytes at a time: the
// first 8 that are not all plain are left for the caller, byte by byte.
// A word is plain when none of its bytes is below 0x20 or from 0x80, nor
// " \\ < > or &.
func plainWords[S string | []byte](s S, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// below has the high bit of each byte of v below n (n <= 0x80) set,
	// and maybe those of bytes above such a byte; a byte is c where v ^ c
	// is below 1.
	below := func(v, n uint64) uint64 { return (v - n*ones) &^ v }
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		bad := v | below(v, 0x20) | below(v^('"'*ones), 1) | below(v^('\\'*ones), 1) |
			below(v^('<'*ones), 1) | below(v^('>'*ones), 1) | below(v^('&'*ones), 1)
		if bad&highs != 0 {
			break
		}
	}
	return i
}

// appendText appends s as appendString does. It is for the long texts
// answers repeat word for word (a note on a rule, a way of counting's
// description): the first maxTexts such texts are encoded once and kept,
// and an answer copies the encoding. A text is found first by the address
// of its bytes (most are constants, at one address: no hash of the whole
// text), checked by comparing it with the text kept, which for the same
// bytes is at once; then by the text.
func appendText(b []byte, s string) []byte {
	at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if k, ok := textsAt.get(at); ok && k.s == s {
		return append(b, k.enc...)
	}
	if enc, ok := texts.Load(s); ok {
		textsAt.put(at, keptText{strings.Clone(s), enc.([]byte)})
		return append(b, enc.([]byte)...)
	}
	start := len(b)
	b = appendString(b, s)
	if textsKept.Add(1) <= maxTexts {
		kept := keptText{strings.Clone(s), slices.Clone(b[start:])}
		texts.Store(kept.s, kept.enc)
		textsAt.put(at, kept)
	}
	return b
}

// keptText is a copy of a text found at an address, and its encoding.
type keptText struct {
	s   string
	enc []byte
}

var (
	texts     sync.Map // a text → its encoding
	textsKept atomic.Int64
	textsAt   keptValues[uintptr, keptText]
)

const maxTexts = 256

// scratchBuffer returns a pooled buffer to encode an answer in; exact
// copies the encoding out of it. An answer's room is then neither
// allocated for each answer nor kept, unused, in the cache.
func scratchBuffer() *[]byte { return joinBuffers.Get().(*[]byte) }

// exact returns b, encoded in buf, in a slice of its own at its size
// (with room for the newline an answer ends with), and gives buf back.
func exact(buf *[]byte, b []byte) []byte {
	// make then copy, which the compiler joins: the copy's bytes are not
	// cleared first.
	out := make([]byte, len(b)+1)
	copy(out, b)
	out = out[:len(b)]
	if cap(b) <= maxJoinBuffer {
		*buf = b[:0]
		joinBuffers.Put(buf)
	}
	return out
}

// plainJSON marks the ASCII bytes a JSON string holds as they are.
var plainJSON = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendField appends a comma unless first, then "name":.
func appendField(b []byte, name string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

func appendInt(b []byte, name string, v int) []byte {
	return strconv.AppendInt(appendField(b, name, false), int64(v), 10)
}

// appendFloat appends f as encoding/json encodes a float64.
func appendFloat(b []byte, f float64) []byte {
	// A whole or half number (agreement's counts of agreement are halves)
	// is written without the shortest-digits search.
	if f >= 0 && f < 1<<52 && !math.Signbit(f) {
		if n := int64(f); float64(n) == f {
			return strconv.AppendInt(b, n, 10)
		} else if float64(n)+0.5 == f {
			return append(strconv.AppendInt(b, n, 10), '.', '5')
		}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendStrings appends a list of member codes, sources or other string
// values as a JSON array of strings (null for nil).
func appendStrings[S ~string](b []byte, ss []S) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(s))
	}
	return append(b, ']')
}

func appendPeriod(b []byte, p *analysis.Period) []byte {
	return appendPeriodOf(b, p, false)
}

// appendPeriodOf appends p as appendPeriod does; with words, and p's Text
// empty (asked for without it: analysis.WhatIfQuery.NoText), the text is
// written here, as PeriodOf would have written it, with no string made.
func appendPeriodOf(b []byte, p *analysis.Period, words bool) []byte {
	b = appendString(appendField(b, "from", true), p.From)
	b = appendString(appendField(b, "to", false), p.To)
	b = appendString(appendField(b, "complete_to", false), p.CompleteTo)
	if p.AskedTo != "" {
		b = appendString(appendField(b, "asked_to", false), p.AskedTo)
	}
	b = appendInt(b, "later", p.Later)
	if p.LaterLast != "" {
		b = appendString(appendField(b, "later_last", false), p.LaterLast)
	}
	b = appendEach(appendField(b, "kinds", false), p.Kinds, appendKindPeriod)
	b = appendField(b, "text", false)
	if words && p.Text == "" {
		b = appendPeriodText(b, p)
	} else {
		b = appendString(b, p.Text)
	}
	return append(b, '}')
}

// appendPeriodText appends p's text in words as appendString would append
// it: written in place, and escaped (through a string) only where some
// byte of it needs escaping, which none of the texts written today does.
func appendPeriodText(b []byte, p *analysis.Period) []byte {
	start := len(b)
	return quoteWritten(p.AppendText(append(b, '"')), start)
}

// quoteWritten ends the JSON string b[start:] opened with its quote and
// written in place, unescaped: as appendString would have written the
// text, escaped (through a string) only where some byte of it needs it.
func quoteWritten(b []byte, start int) []byte {
	text := b[start+1:]
	i := plainWords(text, 0)
	for ; i < len(text) && text[i] < utf8.RuneSelf && plainJSON[text[i]]; i++ {
	}
	if i < len(text) {
		return appendString(b[:start], string(text))
	}
	return append(b, '"')
}

// appendEach appends items as encoding/json encodes a slice (null when
// nil), each by appendItem.
func appendEach[T any](b []byte, items []T, appendItem func([]byte, *T) []byte) []byte {
	if items == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendItem(b, &items[i])
	}
	return append(b, ']')
}

// appendKindPeriod appends k as encoding/json encodes it: every period
// states the same few kinds, each encoded once (keptKinds).
func appendKindPeriod(b []byte, k *analysis.KindPeriod) []byte {
	if k.Known != 0 {
		// A count of the period's: encoded for each.
		return encodeKindPeriod(b, k)
	}
	// Kept by kind, so that a kind is found in a list of its own (one or
	// two encodings: the dates it is complete over), not among all.
	kept := &keptKinds[len(keptKinds)-1]
	if i := analysis.KindIndex(k.Kind); i >= 0 && i < len(keptKinds)-1 {
		kept = &keptKinds[i]
	}
	if enc, ok := kept.get(*k); ok {
		return append(b, enc...)
	}
	start := len(b)
	b = encodeKindPeriod(b, k)
	kept.put(*k, b[start:])
	return b
}

// keptKinds are the kinds' encodings kept, by the kind's place in
// analysis.Kinds; the last for any other.
var keptKinds [9]keptFew[analysis.KindPeriod]

func encodeKindPeriod(b []byte, k *analysis.KindPeriod) []byte {
	b = appendString(appendField(append(b, '{'), "kind", true), k.Kind)
	if k.CompleteFrom != "" {
		b = appendString(appendField(b, "complete_from", false), k.CompleteFrom)
	}
	if k.CompleteTo != "" {
		b = appendString(appendField(b, "complete_to", false), k.CompleteTo)
	}
	if k.Known != 0 {
		b = appendInt(b, "known", k.Known)
	}
	return append(b, '}')
}

// appendHead appends the from, to and period every question answers
// with, opening the object: {"from":…,"to":…,"period":{…}.
func appendHead(b []byte, from, to string, p *analysis.Period) []byte {
	return appendHeadOf(b, from, to, p, false)
}

// appendHeadOf is appendHead, with appendPeriodOf's words.
func appendHeadOf(b []byte, from, to string, p *analysis.Period, words bool) []byte {
	b = append(b, '{')
	if from != "" {
		b = appendString(appendField(b, "from", true), from)
	}
	if to != "" {
		b = appendString(appendField(b, "to", from == ""), to)
	}
	b = appendField(b, "period", from == "" && to == "")
	return appendPeriodOf(append(b, '{'), p, words)
}

// encodeWhatIf returns json.Marshal(a).
func encodeWhatIf(a *analysis.WhatIfAnswer) []byte { return encodeWhatIfOf(a, false) }

// encodeWhatIfOf returns json.Marshal(a); with words, of a with its
// period's text written (appendPeriodOf).
func encodeWhatIfOf(a *analysis.WhatIfAnswer, words bool) []byte {
	buf := scratchBuffer()
	b := appendWhatIfHead((*buf)[:0], a, words)
	if a.Flips == nil {
		return exact(buf, append(b, "null}"...))
	}
	b = append(b, '[')
	for i := range a.Flips {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendFlip(b, &a.Flips[i])
	}
	return exact(buf, append(b, "]}"...))
}

// appendWhatIfHead appends json.Marshal(a) up to its flips' value:
// {…,"flips": (with words, of a with its period's text written).
func appendWhatIfHead(b []byte, a *analysis.WhatIfAnswer, words bool) []byte {
	b = appendHeadOf(b, a.From, a.To, &a.Period, words)
	b = appendString(appendField(b, "rules", false), a.Rules)
	b = appendText(appendField(b, "rules_note", false), a.RulesNote)
	b = appendInt(b, "replayed", a.Replayed)
	b = appendInt(b, "not_replayable", a.NotReplayable)
	b = appendInt(b, "flipped", a.Flipped)
	return appendField(b, "flips", false)
}

// appendFlip appends json.Marshal(*f).
func appendFlip(b []byte, f *analysis.Flip) []byte {
	b = appendString(appendField(append(b, '{'), "date", true), f.Date)
	b = appendString(appendField(b, "symbol", false), f.Symbol)
	if f.Meeting != "" {
		b = appendString(appendField(b, "meeting", false), f.Meeting)
	}
	if f.Agenda != "" {
		b = appendString(appendField(b, "agenda", false), f.Agenda)
	}
	if f.Atrocity {
		b = append(appendField(b, "atrocity", false), "true"...)
	}
	b = appendInt(b, "yes", f.Yes)
	b = appendInt(b, "no", f.No)
	b = appendInt(b, "abstain", f.Abstain)
	b = appendString(appendField(b, "before", false), f.Before)
	if len(f.BeforeVetoedBy) > 0 {
		b = appendStrings(appendField(b, "before_vetoed_by", false), f.BeforeVetoedBy)
	}
	b = appendString(appendField(b, "after", false), f.After)
	if len(f.AfterVetoedBy) > 0 {
		b = appendStrings(appendField(b, "after_vetoed_by", false), f.AfterVetoedBy)
	}
	return append(b, '}')
}

func sameFlip(a, b *analysis.Flip) bool {
	return a.Date == b.Date && a.Symbol == b.Symbol && a.Meeting == b.Meeting && a.Agenda == b.Agenda &&
		a.Atrocity == b.Atrocity && a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain &&
		a.Before == b.Before && a.After == b.After &&
		slices.Equal(a.BeforeVetoedBy, b.BeforeVetoedBy) && slices.Equal(a.AfterVetoedBy, b.AfterVetoedBy)
}

// whatIfTexts keeps, for each set of rules asked for, the flips of the
// whole record encoded once and joined: a what-if answer lists a run of
// them (those of its period), which it then sends as one slice of that
// text after a head encoded for it.
type whatIfTexts struct {
	mu sync.Mutex
	m  map[string]*joinedFlips // by the rules' name
}

// joinedFlips are the flips of the whole record under one set of rules,
// in the record's order, and their encodings joined by commas: flip k
// ends at ends[k] in text.
type joinedFlips struct {
	flips []analysis.Flip
	text  []byte
	ends  []int
}

// maxWhatIfTexts bounds the sets of rules kept: callers can name any
// member in grant: and deny:.
const maxWhatIfTexts = 64

var whatIfClose = []byte("]}\n")

// list returns a's encoding, followed by a newline, in parts: the head
// encoded for it and its flips as a run of the whole record's flips under
// the same rules (x answers those, once). It returns false, and nothing,
// where a's flips are not such a run.
func (t *whatIfTexts) list(ctx context.Context, x *analysis.Index, rules charter.Rules, a *analysis.WhatIfAnswer, words bool) (decisionList, bool) {
	j := t.get(ctx, x, rules)
	if j == nil || a.Flips == nil {
		return decisionList{}, false
	}
	buf := scratchBuffer()
	head := exact(buf, append(appendWhatIfHead((*buf)[:0], a, words), '['))
	parts := make([][]byte, 0, 3)
	parts = append(parts, head)
	if n := len(a.Flips); n > 0 {
		k := a.FirstFlip
		// The answer's flips are the kept ones themselves when the replay
		// j was made from is still the one x keeps; else they are
		// compared.
		if k < 0 || k+n > len(j.flips) || &j.flips[k] != &a.Flips[0] {
			k = sort.Search(len(j.flips), func(k int) bool { return j.flips[k].Date >= a.Flips[0].Date })
			for k < len(j.flips) && j.flips[k].Date == a.Flips[0].Date && !sameFlip(&j.flips[k], &a.Flips[0]) {
				k++
			}
			if k+n > len(j.flips) {
				return decisionList{}, false
			}
			for i := range a.Flips {
				if !sameFlip(&j.flips[k+i], &a.Flips[i]) {
					return decisionList{}, false
				}
			}
		}
		start := 0
		if k > 0 {
			start = j.ends[k-1] + 1 // past the comma
		}
		parts = append(parts, j.text[start:j.ends[k+n-1]])
	}
	parts = append(parts, whatIfClose)
	return decisionList{parts: parts, owned: len(head)}, true
}

// get returns the whole record's flips under rules, encoded, nil if x does
// not answer them.
func (t *whatIfTexts) get(ctx context.Context, x *analysis.Index, rules charter.Rules) *joinedFlips {
	t.mu.Lock()
	j, ok := t.m[rules.Name]
	t.mu.Unlock()
	if ok {
		return j
	}
	all, err := x.WhatIf(ctx, analysis.WhatIfQuery{Rules: rules})
	if err != nil {
		return nil
	}
	j = &joinedFlips{flips: all.Flips, ends: make([]int, len(all.Flips))}
	for k := range all.Flips {
		if k > 0 {
			j.text = append(j.text, ',')
		}
		j.text = appendFlip(j.text, &all.Flips[k])
		j.ends[k] = len(j.text)
	}
	t.mu.Lock()
	if t.m == nil || len(t.m) >= maxWhatIfTexts {
		t.m = map[string]*joinedFlips{}
	}
	t.m[rules.Name] = j
	t.mu.Unlock()
	return j
}

// encodeTrends returns json.Marshal(t).
func encodeTrends(t *analysis.Trends) []byte {
	buf := scratchBuffer()
	b := appendHead((*buf)[:0], t.From, t.To, &t.Period)
	b = appendString(appendField(b, "by", false), t.By)
	b = appendEach(appendField(b, "years", false), t.Years, appendYear)
	b = appendText(appendField(b, "note", false), t.Note)
	return exact(buf, append(b, '}'))
}

// wholeYears keeps the record's whole years (analysis.Index.WholeYears)
// encoded once and joined by commas: year r's encoding ends at ends[r].
type wholeYears struct {
	once sync.Once
	text []byte
	ends []int
}

// of returns the whole years of x encoded, encoding them on first use.
func (w *wholeYears) of(x *analysis.Index) *wholeYears {
	w.once.Do(func() {
		ys := x.WholeYears()
		w.ends = make([]int, len(ys))
		for r := range ys {
			if r > 0 {
				w.text = append(w.text, ',')
			}
			w.text = appendYear(w.text, &ys[r])
			w.ends[r] = len(w.text)
		}
	})
	return w
}

// trendsInParts returns json.Marshal of t with the years ys, followed by a
// newline, in parts: the whole years are one run of w's text, and the
// rest (the head, the years the period cuts, the note) is encoded for the
// answer.
func trendsInParts(t *analysis.Trends, ys analysis.TrendsYears, w *wholeYears) decisionList {
	return trendsInPartsOf(t, ys, w, false)
}

// trendsInPartsOf is trendsInParts; with words, of t with its period's
// text written (appendPeriodOf).
func trendsInPartsOf(t *analysis.Trends, ys analysis.TrendsYears, w *wholeYears, words bool) decisionList {
	buf := scratchBuffer()
	b := appendHeadOf((*buf)[:0], t.From, t.To, &t.Period, words)
	b = appendString(appendField(b, "by", false), t.By)
	b = append(appendField(b, "years", false), '[')
	if ys.First != nil {
		b = appendYear(b, ys.First)
	}
	var run []byte
	if ys.Lo < ys.Hi {
		if ys.First != nil {
			b = append(b, ',')
		}
		start := 0
		if ys.Lo > 0 {
			start = w.ends[ys.Lo-1] + 1 // past the comma
		}
		run = w.text[start:w.ends[ys.Hi-1]]
	}
	head := len(b)
	if ys.Last != nil {
		if ys.First != nil || run != nil {
			b = append(b, ',')
		}
		b = appendYear(b, ys.Last)
	}
	b = append(b, ']')
	b = appendText(appendField(b, "note", false), t.Note)
	b = exact(buf, append(b, '}', '\n'))
	return decisionList{parts: [][]byte{b[:head], run, b[head:]}, owned: len(b)}
}

// appendYear appends json.Marshal(*y).
func appendYear(b []byte, y *analysis.YearTrend) []byte {
	b = strconv.AppendInt(appendField(append(b, '{'), "year", true), int64(y.Year), 10)
	b = appendString(appendField(b, "period", false), y.Period)
	b = appendInt(b, "decisions", y.Decisions)
	b = appendInt(b, "resolutions", y.Resolutions)
	b = appendInt(b, "without_vote", y.WithoutVote)
	b = appendInt(b, "count_known", y.CountKnown)
	b = appendInt(b, "unanimous", y.Unanimous)
	b = appendField(b, "unanimous_share", false)
	if y.UnanimousShare == nil {
		b = append(b, "null"...)
	} else {
		b = appendFloat(b, *y.UnanimousShare)
	}
	b = appendInt(b, "vetoed_drafts", y.VetoedDrafts)
	b = appendInt(b, "member_vetoes", y.MemberVetoes)
	b = appendInt(b, "abstentions", y.Abstentions)
	b = appendInt(b, "failed_drafts", y.FailedDrafts)
	return append(b, '}')
}

// encodeAgreement returns json.Marshal(m).
func encodeAgreement(m *analysis.Matrix) []byte {
	buf := scratchBuffer()
	b := appendHead((*buf)[:0], m.From, m.To, &m.Period)
	b = appendField(b, "members", false)
	b = appendStrings(b, m.Members)
	b = appendString(appendField(b, "rule", false), m.Rule)
	b = appendText(appendField(b, "rule_note", false), m.RuleNote)
	b = appendText(appendField(b, "counted", false), m.Counted)
	b = appendField(b, "cells", false)
	if m.Cells == nil {
		return exact(buf, append(b, "null}"...))
	}
	// A cell and its mirror (B's row, A's column) hold the same counts:
	// the counts of the one encoded first are copied for the other. tails
	// holds where each cell's counts are in b.
	k := len(m.Cells)
	var held [64][2]int
	tails := held[:0]
	if k*k <= len(held) {
		tails = held[:k*k]
	}
	// The members' codes, encoded once, are copied into the cells that
	// name them (all, in a matrix Agreement made).
	var heldCodes [256]byte
	codes := heldCodes[:0]
	var codeAt [17]int
	for i := 0; i < len(m.Members) && i+1 < len(codeAt); i++ {
		codes = appendString(codes, m.Members[i])
		codeAt[i+1] = len(codes)
	}
	appendCode := func(b []byte, s string, i int) []byte {
		if i+1 < len(codeAt) && i < len(m.Members) && m.Members[i] == s {
			return append(b, codes[codeAt[i]:codeAt[i+1]]...)
		}
		return appendString(b, s)
	}
	b = append(b, '[')
	for i, row := range m.Cells {
		if i > 0 {
			b = append(b, ',')
		}
		if row == nil {
			b = append(b, "null"...)
			continue
		}
		b = append(b, '[')
		for j := range row {
			c := &row[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = appendCode(append(b, `{"a":`...), c.A, i)
			b = appendCode(append(b, `,"b":`...), c.B, j)
			start := len(b)
			if j < i && len(tails) > 0 && len(m.Cells[j]) > i && sameCounts(c, &m.Cells[j][i]) {
				t := tails[j*k+i]
				b = append(b, b[t[0]:t[1]]...)
			} else {
				b = appendCellCounts(b, c)
			}
			if len(tails) > 0 && j < k {
				tails[i*k+j] = [2]int{start, len(b)}
			}
		}
		b = append(b, ']')
	}
	return exact(buf, append(b, "]}"...))
}

// agreementInParts returns json.Marshal of the matrix m with the cells
// and period text analysis.Agreement gives it, followed by a newline: m
// as analysis.Index.AgreementCounts answers it (no cells, no text),
// counts its pairs' counts. It is in parts: what the answer says of its
// members and rule (the members, rule, rule_note and counted, the same
// for every period) is sent from its encoding kept (agreementMiddles);
// the head before it and the cells after it are encoded for the answer,
// in one allocation.
func agreementInParts(m *analysis.Matrix, counts [][3]int32) decisionList {
	buf := scratchBuffer()
	b := appendHeadOf((*buf)[:0], m.From, m.To, &m.Period, true)
	head := len(b)
	middle := agreementMiddles.of(m)
	b = appendAgreementCells(b, m.Members, counts)
	b = exact(buf, append(b, "]}\n"...))
	return decisionList{parts: [][]byte{b[:head], middle, b[head:]}, owned: len(b)}
}

// appendAgreementMiddle appends what an agreement answer says after its
// period and before its cells' values: ,"members":[…],"rule":…,
// "rule_note":…,"counted":…,"cells":[.
func appendAgreementMiddle(b []byte, m *analysis.Matrix) []byte {
	b = append(appendField(b, "members", false), '[')
	for i, s := range m.Members {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	b = append(b, ']')
	b = appendString(appendField(b, "rule", false), m.Rule)
	b = appendText(appendField(b, "rule_note", false), m.RuleNote)
	b = appendText(appendField(b, "counted", false), m.Counted)
	return append(appendField(b, "cells", false), '[')
}

// keptMiddles keeps agreement answers' middles (appendAgreementMiddle),
// encoded once for each set of members and rule, and found by them with
// no string made: an answer's middle depends on nothing else. A middle is
// kept with what made it, and used only where the answer's note and
// counted text are the same. At most maxKept are kept (callers can name
// any members); past that a middle is encoded for each answer.
type keptMiddles struct {
	m  atomic.Pointer[map[string]keptMiddle]
	mu sync.Mutex
}

type keptMiddle struct {
	note, counted string
	enc           []byte
}

var agreementMiddles keptMiddles

// of returns m's middle, encoded once.
func (k *keptMiddles) of(m *analysis.Matrix) []byte {
	// The key: the members and the rule, each ended by a zero byte (no
	// code or rule holds one), written on the stack.
	var held [256]byte
	key := held[:0]
	for _, s := range m.Members {
		key = append(append(key, s...), 0)
	}
	key = append(append(key, m.Rule...), 0)
	if p := k.m.Load(); p != nil {
		if v, ok := (*p)[string(key)]; ok && v.note == m.RuleNote && v.counted == m.Counted {
			return v.enc
		}
	}
	enc := appendAgreementMiddle(nil, m)
	k.mu.Lock()
	defer k.mu.Unlock()
	var old map[string]keptMiddle
	if p := k.m.Load(); p != nil {
		old = *p
	}
	if _, ok := old[string(key)]; ok || len(old) >= maxKept {
		return enc
	}
	next := make(map[string]keptMiddle, len(old)+1)
	maps.Copy(next, old)
	// Copies of m's texts: keeping m's own would have the handler's
	// matrix, and the period's kinds it holds on its stack, moved to the
	// heap.
	next[string(key)] = keptMiddle{strings.Clone(m.RuleNote), strings.Clone(m.Counted), enc}
	k.m.Store(&next)
	return enc
}

// appendAgreementCells appends the cells' values of an agreement answer
// for members, from counts, each pair's counts encoded once, for its cell
// in the upper half, and copied into its mirror: […],[…],… (after the
// middle's "cells":[).
func appendAgreementCells(b []byte, members []string, counts [][3]int32) []byte {
	k := len(members)
	// pair(i, j), i <= j, is the place of the pair's counts; at[pair]
	// is where its encoding is in b, once written.
	pair := func(i, j int) int { return i*k - i*(i-1)/2 + j - i }
	var held [64][2]int32
	at := held[:0]
	if len(counts) <= len(held) {
		at = held[:len(counts)]
	}
	// The members' codes, encoded once, are copied into the cells.
	var heldCodes [256]byte
	codes := heldCodes[:0]
	var heldEnds [17]int
	ends := heldEnds[:1]
	if k+1 > len(heldEnds) {
		ends = make([]int, 1, k+1)
	}
	for _, s := range members {
		codes = appendString(codes, s)
		ends = append(ends, len(codes))
	}
	for i := range k {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j := range k {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(append(b, `{"a":`...), codes[ends[i]:ends[i+1]]...)
			b = append(append(b, `,"b":`...), codes[ends[j]:ends[j+1]]...)
			p := pair(min(i, j), max(i, j))
			if j < i && len(at) > 0 {
				b = append(b, b[at[p][0]:at[p][1]]...)
				continue
			}
			start := len(b)
			c := analysis.AgreementCell("", "", counts[p])
			b = appendCellCounts(b, &c)
			if len(at) > 0 {
				at[p] = [2]int32{int32(start), int32(len(b))}
			}
		}
		b = append(b, ']')
	}
	return b
}

// appendCellCounts appends the rest of a cell's encoding after its B,
// closing it: ,"n":…,"agreed":…,"share":…,"in_doubt":…}.
func appendCellCounts(b []byte, c *analysis.Cell) []byte {
	b = appendInt(b, "n", c.N)
	b = appendFloat(appendField(b, "agreed", false), c.Agreed)
	b = appendField(b, "share", false)
	if c.Share == nil {
		b = append(b, "null"...)
	} else {
		b = appendFloat(b, *c.Share)
	}
	b = appendInt(b, "in_doubt", c.InDoubt)
	return append(b, '}')
}

// sameCounts reports whether two cells encode the same counts.
func sameCounts(c, d *analysis.Cell) bool {
	if (c.Share == nil) != (d.Share == nil) || c.Share != nil && math.Float64bits(*c.Share) != math.Float64bits(*d.Share) {
		return false
	}
	return c.N == d.N && math.Float64bits(c.Agreed) == math.Float64bits(d.Agreed) && c.InDoubt == d.InDoubt
}

// encodeVetoCount returns json.Marshal(c); a count with a claim checked
// is encoded by json.Marshal itself.
func encodeVetoCount(c *analysis.VetoCount) []byte { return encodeVetoCountOf(c, false) }

// encodeVetoCountOf is encodeVetoCount; with words, of c with its period's
// text written (appendPeriodOf).
func encodeVetoCountOf(c *analysis.VetoCount, words bool) []byte {
	if c.Claim != nil {
		b, err := json.Marshal(c)
		if err != nil {
			// A count is made of strings, numbers and lists of them.
			panic(err)
		}
		return b
	}
	return encodeCount(c, words)
}

// encodeCount is encodeVetoCountOf for a count without a claim (which it
// writes as if there were none); it keeps nothing of c, which its caller
// may hold on the stack.
func encodeCount(c *analysis.VetoCount, words bool) []byte {
	buf := scratchBuffer()
	b := append((*buf)[:0], '{')
	first := true
	for _, f := range [...][2]string{{"member", c.Member}, {"member_name", c.MemberName}, {"from", c.From}, {"to", c.To}} {
		if f[1] != "" {
			b = appendString(appendField(b, f[0], first), f[1])
			first = false
		}
	}
	b = appendPeriodOf(append(appendField(b, "period", first), '{'), &c.Period, words)
	b = appendString(appendField(b, "list_end", false), c.ListEnd)
	b = appendField(b, "counts", false)
	if c.Lines == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range c.Lines {
			if i > 0 {
				b = append(b, ',')
			}
			l := &c.Lines[i]
			// The fields every count of the line states alike are encoded
			// once (keptLineHeads, keptLineTails).
			head := lineHead{l.Name, l.Rule, l.Scope}
			if enc, ok := keptLineHeads.get(head); ok {
				b = append(b, enc...)
			} else {
				start := len(b)
				b = appendString(appendField(append(b, '{'), "name", true), l.Name)
				b = appendString(appendField(b, "rule", false), l.Rule)
				b = appendString(appendField(b, "scope", false), l.Scope)
				keptLineHeads.put(head, b[start:])
			}
			b = appendInt(b, "count", l.Count)
			b = appendInt(b, "without_amendments", l.WithoutAmendments)
			b = appendInt(b, "amendments", l.Amendments)
			b = appendInt(b, "to_list_end", l.ToListEnd)
			b = appendInt(b, "after_list_end", l.AfterListEnd)
			b = appendInt(b, "on_list", l.OnList)
			b = appendInt(b, "not_on_list", l.NotOnList)
			b = appendField(b, "parts", false)
			if words && l.Parts == "" {
				// Asked for without them (CountVetoesIn): written here.
				start := len(b)
				b = quoteWritten(l.AppendParts(append(b, '"'), c.ListEnd), start)
			} else {
				b = appendString(b, l.Parts)
			}
			tail := lineTail{unsafe.StringData(l.Description), len(l.Description), unsafe.SliceData(l.Sources), len(l.Sources), l.Sources == nil}
			if enc, ok := keptLineTails.get(tail); ok {
				b = append(b, enc...)
			} else {
				start := len(b)
				b = appendText(appendField(b, "description", false), l.Description)
				b = appendStrings(appendField(b, "sources", false), l.Sources)
				b = append(b, '}')
				keptLineTails.put(tail, b[start:])
			}
		}
		b = append(b, ']')
	}
	b = appendVetoEntries(appendField(b, "not_on_list", false), c.NotOnList)
	b = appendVetoEntries(appendField(b, "not_in_record", false), c.NotInRecord)
	b = appendVetoEntries(appendField(b, "amendments", false), c.Amendments)
	return exact(buf, append(b, '}'))
}

// lineHead is a count line's name, rule and scope.
type lineHead struct{ name, rule, scope string }

// lineTail is a count line's description and sources, by the places of
// their bytes: each is one of the few package analysis makes once and
// shares (the descriptions of the four lines, sourceList's lists), which
// callers only read, and which the key keeps.
type lineTail struct {
	description *byte
	n           int
	sources     *unsc.Source
	m           int
	null        bool
}

var (
	keptLineHeads keptFew[lineHead]
	keptLineTails kept[lineTail]
)

func appendBool(b []byte, name string, v bool) []byte {
	return strconv.AppendBool(appendField(b, name, false), v)
}

// appendVetoEntries appends json.Marshal(es).
func appendVetoEntries(b []byte, es []analysis.VetoEntry) []byte {
	if es == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range es {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendVetoEntry(b, &es[i])
	}
	return append(b, ']')
}

// appendVetoEntry appends json.Marshal(*e). The entries a fact check
// lists are parts of the lists package analysis keeps for each member
// (which callers only read): each is encoded once, found by its address
// and checked against the entry kept with its encoding, field by field
// (the address is not kept as a pointer, so that an entry of the caller's
// stays where it is, and an address taken again is found with the old
// entry, which the check tells apart).
func appendVetoEntry(b []byte, e *analysis.VetoEntry) []byte {
	at := uintptr(unsafe.Pointer(e))
	if k, ok := keptEntries.get(at); ok && sameVetoEntry(&k.e, e) {
		return append(b, k.enc...)
	}
	start := len(b)
	b = encodeVetoEntry(b, e)
	k := keptEntry{*e, slices.Clone(b[start:])}
	k.e.VetoedBy, k.e.Sources = slices.Clone(e.VetoedBy), slices.Clone(e.Sources)
	keptEntries.put(at, k)
	return b
}

// keptEntry is a veto entry as it was encoded, and its encoding.
type keptEntry struct {
	e   analysis.VetoEntry
	enc []byte
}

var keptEntries keptValues[uintptr, keptEntry]

// sameVetoEntry reports whether a and b are equal in every field.
func sameVetoEntry(a, b *analysis.VetoEntry) bool {
	return a.Date == b.Date && a.Symbol == b.Symbol && a.Draft == b.Draft && a.Meeting == b.Meeting &&
		a.Amendment == b.Amendment && a.AmendmentTo == b.AmendmentTo && slices.Equal(a.VetoedBy, b.VetoedBy) &&
		(a.VetoedBy == nil) == (b.VetoedBy == nil) && a.Joint == b.Joint && a.Agenda == b.Agenda &&
		a.Topic == b.Topic && a.Region == b.Region && a.InUNList == b.InUNList &&
		slices.Equal(a.Sources, b.Sources) && (a.Sources == nil) == (b.Sources == nil) && a.ListRef == b.ListRef
}

func encodeVetoEntry(b []byte, e *analysis.VetoEntry) []byte {
	b = appendString(appendField(append(b, '{'), "date", true), e.Date)
	b = appendString(appendField(b, "symbol", false), e.Symbol)
	if e.Draft != "" {
		b = appendString(appendField(b, "draft", false), e.Draft)
	}
	if e.Meeting != "" {
		b = appendString(appendField(b, "meeting", false), e.Meeting)
	}
	b = appendBool(b, "amendment", e.Amendment)
	if e.AmendmentTo != "" {
		b = appendString(appendField(b, "amendment_to", false), e.AmendmentTo)
	}
	b = appendStrings(appendField(b, "vetoed_by", false), e.VetoedBy)
	b = appendBool(b, "joint", e.Joint)
	if e.Agenda != "" {
		b = appendString(appendField(b, "agenda", false), e.Agenda)
	}
	b = appendString(appendField(b, "topic", false), e.Topic)
	b = appendString(appendField(b, "region", false), e.Region)
	b = appendBool(b, "in_un_list", e.InUNList)
	b = appendStrings(appendField(b, "sources", false), e.Sources)
	if e.ListRef != "" {
		b = appendString(appendField(b, "list_ref", false), e.ListRef)
	}
	b = append(b, '}')
	return b
}

// kept holds the encodings of values answers repeat, each made once: a
// map replaced whole when one is added, read with no lock, of at most
// maxKept values (past it, a value is encoded for each answer).
type kept[K comparable] struct{ keptValues[K, []byte] }

func (k *kept[K]) put(key K, enc []byte) { k.keptValues.put(key, slices.Clone(enc)) }

// keptFew is kept for a few values (at most maxKeptFew), found by
// comparing each, which costs less than a map's hash.
type keptFew[K comparable] struct {
	list atomic.Pointer[[]keptEncoding[K]]
	mu   sync.Mutex
}

type keptEncoding[K comparable] struct {
	key K
	enc []byte
}

const maxKeptFew = 16

func (k *keptFew[K]) get(key K) ([]byte, bool) {
	if l := k.list.Load(); l != nil {
		for i := range *l {
			if (*l)[i].key == key {
				return (*l)[i].enc, true
			}
		}
	}
	return nil, false
}

func (k *keptFew[K]) put(key K, enc []byte) {
	if l := k.list.Load(); l != nil && len(*l) >= maxKeptFew {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	var old []keptEncoding[K]
	if l := k.list.Load(); l != nil {
		old = *l
	}
	if len(old) >= maxKeptFew {
		return
	}
	l := append(slices.Clip(old), keptEncoding[K]{key, slices.Clone(enc)})
	k.list.Store(&l)
}

// keptValues is kept's map, of any values.
type keptValues[K comparable, V any] struct {
	m  atomic.Pointer[map[K]V]
	mu sync.Mutex
}

const maxKept = 256

func (k *keptValues[K, V]) get(key K) (V, bool) {
	if m := k.m.Load(); m != nil {
		v, ok := (*m)[key]
		return v, ok
	}
	var zero V
	return zero, false
}

func (k *keptValues[K, V]) put(key K, v V) {
	if p := k.m.Load(); p != nil && len(*p) >= maxKept {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	var old map[K]V
	if p := k.m.Load(); p != nil {
		old = *p
	}
	if len(old) >= maxKept {
		return
	}
	m := make(map[K]V, len(old)+1)
	maps.Copy(m, old)
	m[key] = v
	k.m.Store(&m)
}
