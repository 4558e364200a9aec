package analysis

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"unsc/internal/lazy"
	"unsc/record"
)

// The full-text index of the decisions' titles, agenda items and subjects,
// ranked by BM25F: each field's term frequencies are weighted and
// normalised by the field's length, summed, and saturated; rarer words
// count more (inverse document frequency); words next to each other as in
// the query add to the score. Words are lower-cased, their accents folded
// and stemmed (Porter2), so "vetoed" finds "veto" and "weapons" "weapon";
// a hyphenated word is indexed both whole and in its parts, so
// "ceasefire" and "cease-fire" find each other. A country's name and its
// adjective (demonyms.csv) are indexed also as their group's term, at the
// word's place, so "Syria" and "Syrian" find each other; the word as the
// query writes it ranks a little above its other forms.

// Search fields and their weights.
const (
	fieldTitle = iota
	fieldAgenda
	fieldSubjects
	numFields
)

var fieldWeights = [numFields]float64{fieldTitle: 2, fieldAgenda: 1.5, fieldSubjects: 1}

// BM25 parameters: k1 saturates a word's frequency, b normalises by the
// field's length; bigramBonus weighs two query words found next to each
// other, in the query's order.
const (
	bm25K1      = 1.2
	bm25B       = 0.75
	bigramBonus = 0.5
	// exactBonus weighs a country's name or adjective found as the query
	// wrote it, against its other forms (demonyms.csv).
	exactBonus = 0.2
)

// fieldGap separates the fields' positions, and subjectGap the subjects
// within their field, so that a phrase never spans two of them.
const (
	fieldGap   = 1 << 16
	subjectGap = 1 << 8
)

// textIndex is an inverted index over the decisions' search text.
type textIndex struct {
	terms map[string]int32
	// post[t] lists the decisions holding term t, in decision order.
	post [][]posting
	idf  []float64
	// pos holds every posting's positions, in order; a posting's are
	// pos[p.at : p.at+p.n].
	pos []uint32
}

type posting struct {
	doc int32
	n   uint32
	at  uint32
	// w is the term's BM25F weighted frequency in the decision, already
	// saturated: w = tf' (k1+1) / (k1 + tf').
	w float32
}

// textIndex returns the full-text index, built once.
func (x *Index) textIndex() *textIndex {
	x.searchOnce.Do(func() { x.search = buildTextIndex(x) })
	return x.search
}

func buildTextIndex(x *Index) *textIndex {
	type occurrence struct {
		tf  [numFields]float64
		pos []uint32
	}
	n := x.n
	// The file is embedded and checked by its test: an error leaves the
	// search without it rather than without a search.
	curated, _ := searchSubjects()
	// A country's name and its adjective are one more term, their group's,
	// at the word's place (demonyms.csv): a search for either finds both.
	groups := demonymGroups()
	stems := map[string]string{}
	type terms struct {
		terms []string
		pos   []int
		count int
	}
	split := map[string]*terms{}
	docs := make([]map[string]*occurrence, n)
	lens := make([][numFields]float64, n)
	var sum [numFields]float64
	for i := range x.n {
		d := x.d(i)
		m := map[string]*occurrence{}
		add := func(field int, base uint32, text string) {
			emit := func(term string, p int) {
				o := m[term]
				if o == nil {
					o = &occurrence{}
					m[term] = o
				}
				o.tf[field]++
				o.pos = append(o.pos, uint32(field)*fieldGap+base+uint32(p))
			}
			if field == fieldTitle {
				grouped := groupEmitter(groups)
				lens[i][field] += float64(tokenizeWith(stems, text, true, func(term string, p int) {
					emit(term, p)
					if g, ok := grouped(term, p); ok {
						emit(g, p)
					}
				}))
				return
			}
			// Agenda items and subjects are few, each on many decisions:
			// each is split into terms once.
			t, ok := split[text]
			if !ok {
				t = &terms{}
				grouped := groupEmitter(groups)
				t.count = tokenizeWith(stems, text, true, func(term string, p int) {
					t.terms = append(t.terms, term)
					t.pos = append(t.pos, p)
					if g, ok := grouped(term, p); ok {
						t.terms = append(t.terms, g)
						t.pos = append(t.pos, p)
					}
				})
				split[text] = t
			}
			for k, term := range t.terms {
				emit(term, t.pos[k])
			}
			lens[i][field] += float64(t.count)
		}
		title := record.Title(*d)
		if d.Agenda != "" && (d.Title == "" || d.Title == d.Agenda) && strings.HasSuffix(title, " on "+d.Agenda[1:]) {
			// A title made from the agenda item ("Draft resolution on the
			// situation in Mali"): its agenda words count once, as the
			// agenda's.
			title = title[:len(title)-len(d.Agenda)-len(" on ")]
		}
		add(fieldTitle, 0, title)
		add(fieldAgenda, 0, d.Agenda)
		for k, s := range d.Subjects {
			add(fieldSubjects, uint32(k)*subjectGap, s)
		}
		for k, s := range curated[d.Draft] {
			add(fieldSubjects, uint32(len(d.Subjects)+k)*subjectGap, s)
		}
		// The judges an election to the Court elected, by name and
		// nationality, are what it is about; for a meeting of a day whose
		// sources do not say which meeting elected whom, those elected
		// that day (unsc.Decision.ElectedOnDay).
		elected := d.Elected()
		if _, _, names, ok := d.ElectedOnDay(); ok {
			elected = names
		}
		for k, s := range elected {
			add(fieldSubjects, uint32(len(d.Subjects)+len(curated[d.Draft])+k)*subjectGap, s)
		}
		for f := range sum {
			sum[f] += lens[i][f]
		}
		docs[i] = m
	}
	var avg [numFields]float64
	for f := range avg {
		avg[f] = max(sum[f]/float64(max(n, 1)), 1)
	}
	t := &textIndex{terms: map[string]int32{}}
	for i, m := range docs {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, term := range keys {
			o := m[term]
			id, ok := t.terms[term]
			if !ok {
				id = int32(len(t.post))
				t.terms[term] = id
				t.post = append(t.post, nil)
			}
			var tf float64
			for f := range o.tf {
				if o.tf[f] > 0 {
					tf += fieldWeights[f] * o.tf[f] / (1 - bm25B + bm25B*lens[i][f]/avg[f])
				}
			}
			slices.Sort(o.pos)
			t.post[id] = append(t.post[id], posting{
				doc: int32(i), n: uint32(len(o.pos)), at: uint32(len(t.pos)),
				w: float32(tf * (bm25K1 + 1) / (bm25K1 + tf)),
			})
			t.pos = append(t.pos, o.pos...)
		}
	}
	t.idf = make([]float64, len(t.post))
	for id, ps := range t.post {
		df := float64(len(ps))
		t.idf[id] = math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
	}
	return t
}

// groupEmitter returns a function that gives the group's term of a term
// at a position (demonyms.csv), once a position: a hyphenated word and its
// first part ("Guinea-Bissau", "Guinea") hold the same place, and one
// word counts once.
func groupEmitter(groups map[string]string) func(term string, pos int) (string, bool) {
	last, lastPos := "", -1
	return func(term string, pos int) (string, bool) {
		g, ok := groups[term]
		if !ok || g == last && pos == lastPos {
			return "", false
		}
		last, lastPos = g, pos
		return g, true
	}
}

// textQuery is a parsed search text: the words every match must contain,
// the phrases (quoted) it must contain word for word, and the query's
// words in order, for the bonus of words found side by side. A word that
// is a country's name or adjective is its group's term (demonyms.csv),
// which finds every form of it; exact holds the word as asked, which
// ranks above the other forms.
type textQuery struct {
	words   []string   // stemmed, each once
	exact   []string   // for each of words that is a group's, the word asked; else ""
	phrases [][]string // stemmed, in order
	seq     [][]string // runs of stemmed words, in the query's order
}

// parseText reads a search text: words, and phrases in double quotes.
func parseText(s string) textQuery {
	var q textQuery
	seen := map[string]bool{}
	groups := demonymGroups()
	for k, part := range strings.Split(s, `"`) {
		var run []string
		tokenize(part, false, func(term string, _ int) {
			exact := ""
			if g, ok := groups[term]; ok {
				term, exact = g, term
			}
			run = append(run, term)
			if !seen[term] {
				seen[term] = true
				q.words = append(q.words, term)
				q.exact = append(q.exact, exact)
			}
		})
		if len(run) == 0 {
			continue
		}
		// Odd parts are inside quotes.
		if k%2 == 1 && len(run) > 1 {
			q.phrases = append(q.phrases, run)
		}
		q.seq = append(q.seq, run)
	}
	return q
}

// scored is a decision found by text, with its score.
type scored struct {
	i     int
	score float64
}

// match returns the decisions that contain every word and phrase of q,
// with their scores, in decision order.
func (t *textIndex) match(q textQuery) []scored {
	if len(q.words) == 0 {
		return nil
	}
	lists := make([][]posting, len(q.words))
	ids := make([]int32, len(q.words))
	for k, w := range q.words {
		id, ok := t.terms[w]
		if !ok {
			return nil
		}
		ids[k], lists[k] = id, t.post[id]
	}
	// Walk the rarest word's list and look the others up in theirs.
	rare := 0
	for k := range lists {
		if len(lists[k]) < len(lists[rare]) {
			rare = k
		}
	}
	// The postings of the words as asked, for those that are groups'.
	var exact [][]posting
	var exactAt []int
	for k, w := range q.exact {
		if id, ok := t.terms[w]; ok && w != "" {
			if exact == nil {
				exact, exactAt = make([][]posting, len(lists)), make([]int, len(lists))
			}
			exact[k] = t.post[id]
		}
	}
	cursor := make([]int, len(lists))
	found := make([]*posting, len(lists))
	out := make([]scored, 0, len(lists[rare]))
next:
	for pi := range lists[rare] {
		doc := lists[rare][pi].doc
		for k, l := range lists {
			if k == rare {
				found[k] = &lists[rare][pi]
				continue
			}
			j, ok := seekDoc(l, cursor[k], doc)
			cursor[k] = j
			if !ok {
				continue next
			}
			found[k] = &l[j]
		}
		score := 0.0
		for k, p := range found {
			score += t.idf[ids[k]] * float64(p.w)
			if exact != nil && exact[k] != nil {
				// The word as asked, where the decision has it, ranks
				// above its other forms.
				// The decisions come in order and most that hold a
				// form hold the word asked: step, not search.
				l, j := exact[k], exactAt[k]
				for j < len(l) && l[j].doc < doc {
					j++
				}
				exactAt[k] = j
				if j < len(l) && l[j].doc == doc {
					score += exactBonus * t.idf[ids[k]] * float64(l[j].w)
				}
			}
		}
		at := func(term string) []uint32 {
			k := slices.Index(q.words, term)
			return t.pos[found[k].at : found[k].at+found[k].n]
		}
		for _, ph := range q.phrases {
			if !adjacent(at, ph) {
				continue next
			}
		}
		for _, run := range q.seq {
			for k := 1; k < len(run); k++ {
				if run[k] != run[k-1] && adjacent(at, run[k-1:k+1]) {
					a, b := t.terms[run[k-1]], t.terms[run[k]]
					score += bigramBonus * (t.idf[a] + t.idf[b])
				}
			}
		}
		out = append(out, scored{i: int(doc), score: score})
	}
	return out
}

// seekDoc finds doc in l from index from on, l being in decision order.
func seekDoc(l []posting, from int, doc int32) (int, bool) {
	j, ok := slices.BinarySearchFunc(l[from:], doc, func(p posting, d int32) int { return int(p.doc - d) })
	return from + j, ok
}

// adjacent reports whether the terms occur one after the other somewhere,
// given each term's sorted positions.
func adjacent(at func(string) []uint32, terms []string) bool {
	first := at(terms[0])
outer:
	for _, p := range first {
		for k := 1; k < len(terms); k++ {
			if _, ok := slices.BinarySearch(at(terms[k]), p+uint32(k)); !ok {
				continue outer
			}
		}
		return true
	}
	return false
}

// tokenize splits text into words, lower-cased, accents folded and
// stemmed, calling emit with each and its position, and returns the number
// of positions used. A hyphenated word is one term whole ("ceasefire" for
// "cease-fire"); with parts, each part is a term too, at its own position,
// so that the words of the index's text can be found one by one.
func tokenize(text string, parts bool, emit func(term string, pos int)) int {
	return tokenizeWith(nil, text, parts, emit)
}

// tokenizeWith is tokenize, keeping the stem of each plain word in stems
// (when not nil): a record's titles use few words many times.
func tokenizeWith(stems map[string]string, text string, parts bool, emit func(term string, pos int)) int {
	pos := 0
	var word []byte
	flush := func() {
		if stems != nil {
			if t, ok := stems[string(word)]; ok {
				word = word[:0]
				emit(t, pos)
				pos++
				return
			}
		}
		raw := string(word)
		w := strings.Trim(raw, "'-")
		word = word[:0]
		if w == "" {
			return
		}
		if !strings.Contains(w, "-") {
			t := stem(w)
			if stems != nil {
				stems[raw] = t
			}
			emit(t, pos)
			pos++
			return
		}
		ps := strings.FieldsFunc(w, func(r rune) bool { return r == '-' })
		emit(stem(strings.Join(ps, "")), pos)
		if !parts {
			pos++
			return
		}
		for _, p := range ps {
			if p = strings.Trim(p, "'"); p != "" {
				if len(ps) > 1 {
					emit(stem(p), pos)
				}
				pos++
			}
		}
	}
	for _, r := range text {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			if len(word) > 0 {
				word = append(word, '\'')
			}
		case r == '-' || r == '‐' || r == '‑':
			if len(word) > 0 {
				word = append(word, '-')
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = appendFolded(word, r)
		default:
			flush()
		}
	}
	flush()
	return pos
}

// appendFolded appends r lower-cased, with the accent of a Latin letter
// taken off: "Côte" searches as "cote".
func appendFolded(b []byte, r rune) []byte {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return append(b, byte(r))
	}
	if f, ok := folds.Get()[r]; ok {
		return append(b, f...)
	}
	return utf8.AppendRune(b, r)
}

var folds = lazy.Value[map[rune]string]{Make: func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i"}
	for _, g := range []struct{ to, from string }{
		{"a", "àáâãäåāăą"}, {"c", "çćĉċč"}, {"d", "ď"}, {"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"},
		{"h", "ĥ"}, {"i", "ìíîïĩīĭįİ"}, {"j", "ĵ"}, {"k", "ķ"}, {"l", "ĺļľ"}, {"n", "ñńņňŉ"},
		{"o", "òóôõöōŏő"}, {"r", "ŕŗř"}, {"s", "śŝşšș"}, {"t", "ţťț"}, {"u", "ùúûüũūŭůűų"},
		{"w", "ŵ"}, {"y", "ýÿŷ"}, {"z", "źżž"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}}
