package web

import (
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"unsc"
	"unsc/analysis"
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
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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

// appendCodes appends codes as a JSON array (null for nil).
func appendCodes(b []byte, cs []unsc.Code) []byte {
	if cs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(c))
	}
	return append(b, ']')
}

func appendPeriod(b []byte, p *analysis.Period) []byte {
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
	b = appendString(appendField(b, "text", false), p.Text)
	return append(b, '}')
}

// appendHead appends the from, to and period every question answers
// with, opening the object: {"from":…,"to":…,"period":{…}.
func appendHead(b []byte, from, to string, p *analysis.Period) []byte {
	b = append(b, '{')
	if from != "" {
		b = appendString(appendField(b, "from", true), from)
	}
	if to != "" {
		b = appendString(appendField(b, "to", from == ""), to)
	}
	b = appendField(b, "period", from == "" && to == "")
	return appendPeriod(append(b, '{'), p)
}

// encodeWhatIf returns json.Marshal(a). Each flip's encoding is taken
// from texts when it holds that flip (nil holds none), and kept there.
func encodeWhatIf(a *analysis.WhatIfAnswer, texts *flipTexts) []byte {
	found := texts.lookup(a.Flips)
	n := 0
	for _, b := range found {
		n += len(b) + 1
	}
	b := make([]byte, 0, 1024+n+200*(len(a.Flips)-len(found)))
	b = appendHead(b, a.From, a.To, &a.Period)
	b = appendString(appendField(b, "rules", false), a.Rules)
	b = appendString(appendField(b, "rules_note", false), a.RulesNote)
	b = appendInt(b, "replayed", a.Replayed)
	b = appendInt(b, "not_replayable", a.NotReplayable)
	b = appendInt(b, "flipped", a.Flipped)
	b = appendField(b, "flips", false)
	if a.Flips == nil {
		return append(b, "null}"...)
	}
	b = append(b, '[')
	var made map[int][]byte
	for i := range a.Flips {
		if i > 0 {
			b = append(b, ',')
		}
		if t := found[i]; t != nil {
			b = append(b, t...)
			continue
		}
		start := len(b)
		b = appendFlip(b, &a.Flips[i])
		if texts != nil {
			if made == nil {
				made = map[int][]byte{}
			}
			made[i] = slices.Clone(b[start:])
		}
	}
	texts.keep(a.Flips, made)
	return append(b, "]}"...)
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
		b = appendCodes(appendField(b, "before_vetoed_by", false), f.BeforeVetoedBy)
	}
	b = appendString(appendField(b, "after", false), f.After)
	if len(f.AfterVetoedBy) > 0 {
		b = appendCodes(appendField(b, "after_vetoed_by", false), f.AfterVetoedBy)
	}
	return append(b, '}')
}

// flipTexts keeps the encodings of the flips answers have listed: a
// what-if answer lists the same flips, for the same rules, whatever its
// period, so each is encoded once. An encoding is used only for a flip
// equal to the one it was made from, field by field.
type flipTexts struct {
	mu sync.RWMutex
	m  map[flipKey]flipText
}

type flipKey struct{ date, symbol, after string }

type flipText struct {
	f analysis.Flip
	b []byte
}

// maxFlipTexts bounds the flips kept: a few hundred flips under each of
// the sets of rules asked for.
const maxFlipTexts = 1 << 14

func keyOf(f *analysis.Flip) flipKey { return flipKey{f.Date, f.Symbol, f.After} }

func sameFlip(a, b *analysis.Flip) bool {
	return a.Date == b.Date && a.Symbol == b.Symbol && a.Meeting == b.Meeting && a.Agenda == b.Agenda &&
		a.Atrocity == b.Atrocity && a.Yes == b.Yes && a.No == b.No && a.Abstain == b.Abstain &&
		a.Before == b.Before && a.After == b.After &&
		slices.Equal(a.BeforeVetoedBy, b.BeforeVetoedBy) && slices.Equal(a.AfterVetoedBy, b.AfterVetoedBy)
}

// lookup returns the encodings kept of flips, nil for those not kept.
func (t *flipTexts) lookup(flips []analysis.Flip) [][]byte {
	out := make([][]byte, len(flips))
	if t == nil {
		return out
	}
	t.mu.RLock()
	for i := range flips {
		if ft, ok := t.m[keyOf(&flips[i])]; ok && sameFlip(&ft.f, &flips[i]) {
			out[i] = ft.b
		}
	}
	t.mu.RUnlock()
	return out
}

// keep keeps the encodings made of flips, by index.
func (t *flipTexts) keep(flips []analysis.Flip, made map[int][]byte) {
	if t == nil || len(made) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil || len(t.m)+len(made) > maxFlipTexts {
		t.m = make(map[flipKey]flipText, len(made))
	}
	for i, b := range made {
		t.m[keyOf(&flips[i])] = flipText{f: flips[i], b: b}
	}
}

// encodeTrends returns json.Marshal(t). Each year's encoding is taken
// from texts when it holds that year (nil holds none), and kept there.
func encodeTrends(t *analysis.Trends, texts *yearTexts) []byte {
	var keys []yearKey
	var found [][]byte
	n := 0
	if texts != nil {
		keys = make([]yearKey, len(t.Years))
		for i := range t.Years {
			keys[i] = keyOfYear(&t.Years[i])
		}
		found = texts.lookup(keys)
		for _, b := range found {
			n += len(b) + 1
		}
	}
	b := make([]byte, 0, 1024+n+260*(len(t.Years)-len(found)))
	b = appendHead(b, t.From, t.To, &t.Period)
	b = appendString(appendField(b, "by", false), t.By)
	b = appendField(b, "years", false)
	if t.Years == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		var made map[int][]byte
		for i := range t.Years {
			if i > 0 {
				b = append(b, ',')
			}
			if found != nil && found[i] != nil {
				b = append(b, found[i]...)
				continue
			}
			start := len(b)
			b = appendYear(b, &t.Years[i])
			if texts != nil {
				if made == nil {
					made = map[int][]byte{}
				}
				made[i] = slices.Clone(b[start:])
			}
		}
		texts.keep(keys, made)
		b = append(b, ']')
	}
	b = appendString(appendField(b, "note", false), t.Note)
	return append(b, '}')
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

// yearKey is every value of a YearTrend: equal keys encode alike.
type yearKey struct {
	y         analysis.YearTrend // UnanimousShare nil
	shared    bool               // UnanimousShare is not nil
	shareBits uint64             // and its value
}

func keyOfYear(y *analysis.YearTrend) yearKey {
	k := yearKey{y: *y}
	k.y.UnanimousShare = nil
	if y.UnanimousShare != nil {
		k.shared, k.shareBits = true, math.Float64bits(*y.UnanimousShare)
	}
	return k
}

// yearTexts keeps the encodings of the years trends answers have given: a
// year inside an answer's period counts alike in every answer, so each
// whole year is encoded once.
type yearTexts struct {
	mu sync.RWMutex
	m  map[yearKey][]byte
}

// maxYearTexts bounds the years kept: each year whole, and the parts of
// years that periods cut.
const maxYearTexts = 1 << 14

// lookup returns the encodings kept of the years keys name, nil for those
// not kept.
func (t *yearTexts) lookup(keys []yearKey) [][]byte {
	out := make([][]byte, len(keys))
	t.mu.RLock()
	for i := range keys {
		out[i] = t.m[keys[i]]
	}
	t.mu.RUnlock()
	return out
}

// keep keeps the encodings made of the years keys name, by index.
func (t *yearTexts) keep(keys []yearKey, made map[int][]byte) {
	if t == nil || len(made) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil || len(t.m)+len(made) > maxYearTexts {
		t.m = make(map[yearKey][]byte, len(made))
	}
	for i, b := range made {
		t.m[keys[i]] = b
	}
}

// encodeAgreement returns json.Marshal(m).
func encodeAgreement(m *analysis.Matrix) []byte {
	b := make([]byte, 0, 2048+120*len(m.Members)*len(m.Members))
	b = appendHead(b, m.From, m.To, &m.Period)
	b = appendField(b, "members", false)
	if m.Members == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range m.Members {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	b = appendString(appendField(b, "rule", false), m.Rule)
	b = appendString(appendField(b, "rule_note", false), m.RuleNote)
	b = appendString(appendField(b, "counted", false), m.Counted)
	b = appendField(b, "cells", false)
	if m.Cells == nil {
		return append(b, "null}"...)
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
			b = appendString(appendField(append(b, '{'), "a", true), c.A)
			b = appendString(appendField(b, "b", false), c.B)
			b = appendInt(b, "n", c.N)
			b = appendFloat(appendField(b, "agreed", false), c.Agreed)
			b = appendField(b, "share", false)
			if c.Share == nil {
				b = append(b, "null"...)
			} else {
				b = appendFloat(b, *c.Share)
			}
			b = appendInt(b, "in_doubt", c.InDoubt)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, "]}"...)
}
