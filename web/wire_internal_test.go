package web

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"unsc"
	"unsc/analysis"
	"unsc/internal/realrecord"
)

// TestWireEncoders checks that the answers encoded without reflection are,
// byte for byte, what json.Marshal writes: every named set of rules and
// trends by year and by decade, agreement under each rule, over the whole record, open and closed
// periods, a period with nothing in it, and strings that need escaping.
func TestWireEncoders(t *testing.T) {
	// A field added to an answer must be added to its encoder too (of
	// WhatIfAnswer's ten, FirstFlip is not encoded).
	for _, c := range []struct {
		v      any
		fields int
	}{{analysis.WhatIfAnswer{}, 10}, {analysis.Flip{}, 12}, {analysis.Trends{}, 6}, {analysis.YearTrend{}, 12}, {analysis.Period{}, 8}, {analysis.KindPeriod{}, 4}, {analysis.Matrix{}, 8}, {analysis.Cell{}, 6}, {vetoListHead{}, 6}, {analysis.VetoCount{}, 11}, {analysis.CountLine{}, 13}, {analysis.VetoEntry{}, 14}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.fields {
			t.Errorf("%T has %d fields, web/wire.go encodes %d: encode the new ones", c.v, n, c.fields)
		}
	}
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\fff\x01\x1f", "invalid \xff\xfe utf-8", "line\u2028para\u2029", "Côte d’Ivoire", "日本"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
		// Encoded, then copied from the encoding kept.
		for range 2 {
			if got := appendText([]byte("x"), s); !bytes.Equal(got[1:], want) {
				t.Errorf("appendText(%q) = %s, want %s", s, got[1:], want)
			}
		}
	}
	// Every byte that needs escaping (and a multi-byte rune, and invalid
	// UTF-8), at every place of a plain text of up to 19 bytes: the words
	// appendString tests 8 bytes at once, and the bytes after them.
	for c := range 0x100 {
		for n := 1; n < 20; n++ {
			for at := range n {
				for _, r := range []string{string(rune(c)), string([]byte{byte(c)})} {
					s := strings.Repeat("a", at) + r + strings.Repeat("z", n-at-1)
					want, _ := json.Marshal(s)
					if got := appendString(nil, s); !bytes.Equal(got, want) {
						t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
					}
				}
			}
		}
	}
	for _, f := range []float64{0, 1, 0.5, 1.0 / 3, 2.0 / 3, 1e-7, 3.5e-9, 1e21, 123456789.125, math.Copysign(0, -1), -0.5, -3, 12.5, 1e15 + 0.5, 1 << 52, 1<<52 + 1, 4.5e15, 0.25, 1e20} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, got, want)
		}
	}

	ds := realrecord.Decisions(t)
	x := analysis.New(ds)
	ctx := context.Background()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	periods := [][2]time.Time{{}, {day("1990-01-01"), {}}, {{}, day("1971-10-25")}, {day("1986-01-17"), day("2030-01-01")}, {day("1945-01-01"), day("1945-12-31")}}
	compare := func(what string, v any, got []byte) {
		t.Helper()
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: encoded\n%s\nwant\n%s", what, got, want)
		}
	}
	flips := 0
	var texts whatIfTexts
	for _, name := range []string{"charter", analysis.RulesNoVeto, analysis.RulesTwoVetoes, analysis.RulesNoVetoAtrocity, analysis.RulesElevenMember, "grant:IND", "deny:USA"} {
		rules, err := analysis.RulesNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range periods {
			a, err := x.WhatIf(ctx, analysis.WhatIfQuery{From: p[0], To: p[1], Rules: rules})
			if err != nil {
				t.Fatal(err)
			}
			flips += len(a.Flips)
			compare("whatif "+name, a, encodeWhatIf(&a))
			// Again, in parts, the flips a run of the whole record's.
			l, ok := texts.list(ctx, x, rules, &a, false)
			if !ok {
				t.Fatalf("whatif %s: the flips are not a run of the whole record's", name)
			}
			got := bytes.Join(l.parts, nil)
			if !bytes.HasSuffix(got, []byte("\n")) {
				t.Fatalf("whatif %s in parts: no newline at the end", name)
			}
			compare("whatif "+name+" in parts", a, got[:len(got)-1])
			// As the API asks: without the period's text, which the
			// encoding writes itself, whole and in parts.
			bare, err := x.WhatIf(ctx, analysis.WhatIfQuery{From: p[0], To: p[1], Rules: rules, NoText: true})
			if err != nil {
				t.Fatal(err)
			}
			if bare.Period.Text != "" {
				t.Fatalf("whatif %s with NoText: the period's text is %q", name, bare.Period.Text)
			}
			compare("whatif "+name+", its text written", a, encodeWhatIfOf(&bare, true))
			l, ok = texts.list(ctx, x, rules, &bare, true)
			if !ok {
				t.Fatalf("whatif %s with NoText: the flips are not a run of the whole record's", name)
			}
			got = bytes.Join(l.parts, nil)
			compare("whatif "+name+" in parts, its text written", a, got[:len(got)-1])
		}
	}
	// Flips that are no run of the record's are encoded whole.
	rules, _ := analysis.RulesNamed(analysis.RulesTwoVetoes)
	a, err := x.WhatIf(ctx, analysis.WhatIfQuery{Rules: rules})
	if err != nil || len(a.Flips) < 3 {
		t.Fatalf("WhatIf(two-vetoes) = %d flips, %v", len(a.Flips), err)
	}
	a.Flips = []analysis.Flip{a.Flips[0], a.Flips[2]}
	if _, ok := texts.list(ctx, x, rules, &a, false); ok {
		t.Errorf("whatif: flips 0 and 2 of the record's sent as a run of them")
	}
	a.Flips[1].Agenda += " (changed)"
	if _, ok := texts.list(ctx, x, rules, &a, false); ok {
		t.Errorf("whatif: a changed flip sent as the record's")
	}
	if flips < 100 {
		t.Errorf("only %d flips compared: the test compares too little", flips)
	}
	var whole wholeYears
	// Periods that cut a year at either end, both, or none, hold one year
	// or none.
	trendsPeriods := append(periods, [2]time.Time{day("1990-03-01"), day("1990-09-30")}, [2]time.Time{day("1990-01-01"), day("1999-12-31")},
		[2]time.Time{day("1990-03-01"), day("1999-12-31")}, [2]time.Time{day("1990-01-01"), day("1999-06-30")}, [2]time.Time{day("1990-03-01"), day("1991-06-30")},
		[2]time.Time{day("2030-01-01"), {}}, [2]time.Time{{}, day("1946-01-01")})
	for _, p := range trendsPeriods {
		a, err := x.Trends(ctx, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		compare("trends", a, encodeTrends(&a))
		head, years, err := x.TrendsInParts(ctx, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		got := bytes.Join(trendsInParts(&head, years, whole.of(x)).parts, nil)
		if !bytes.HasSuffix(got, []byte("\n")) {
			t.Fatalf("trends in parts: no newline at the end")
		}
		compare("trends in parts", a, got[:len(got)-1])
		a, err = x.TrendsByDecade(ctx, p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		compare("trends by decade", a, encodeTrends(&a))
	}
	cells := 0
	for _, q := range []analysis.AgreementQuery{
		{},
		{Rule: analysis.AbstainNeutral},
		{Rule: analysis.AbstainHalf, Members: []string{"USA", "GBR", "FRA", "CHN", "SUN+RUS", "IND", "BRA", "DZA"}},
	} {
		for _, p := range periods {
			q.From, q.To = p[0], p[1]
			m, err := x.Agreement(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range m.Cells {
				cells += len(row)
			}
			compare("agreement", m, encodeAgreement(&m))
		}
	}
	if cells < 100 {
		t.Errorf("only %d cells compared: the test compares too little", cells)
	}
	counts := 0
	for _, member := range []string{"", "USA", "SUN+RUS", "CHN", "GBR", "FRA"} {
		for _, p := range periods {
			c, err := x.CountVetoes(ctx, member, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			counts += len(c.NotOnList) + len(c.NotInRecord) + len(c.Amendments)
			compare("veto count "+member, c, encodeVetoCount(&c))
			cc, err := x.CheckClaim(ctx, analysis.Claim{Member: member, Number: 80, From: p[0], To: p[1]})
			if err != nil {
				t.Fatal(err)
			}
			cc.Count = nil
			c.Claim = &cc
			compare("veto count with a claim "+member, c, encodeVetoCount(&c))
		}
	}
	if counts < 20 {
		t.Errorf("only %d vetoes listed in the counts compared: the test compares too little", counts)
	}
	var empty0 analysis.VetoCount
	compare("empty veto count", empty0, encodeVetoCount(&empty0))
	var matrix analysis.Matrix
	compare("empty agreement", matrix, encodeAgreement(&matrix))
	var empty analysis.WhatIfAnswer
	compare("empty what-if", empty, encodeWhatIf(&empty))
	var none analysis.Trends
	compare("empty trends", none, encodeTrends(&none))
}

// TestSameVetoEntry checks that sameVetoEntry, which tells a veto entry
// encoded once from another kept at its place, compares every field: an
// entry changed in any one field (a nil list for an empty one too) is not
// the same.
func TestSameVetoEntry(t *testing.T) {
	a := analysis.VetoEntry{Date: "1996-11-19", Symbol: "S/1996/952", Draft: "S/1996/952", Meeting: "S/PV.3714",
		AmendmentTo: "S/1", VetoedBy: []unsc.Code{"USA"}, Agenda: "a", Topic: "t", Region: "r",
		Sources: []unsc.Source{unsc.SourceSpreadsheet}, ListRef: "l"}
	if c := a; !sameVetoEntry(&a, &c) {
		t.Fatal("an entry is not the same as its copy")
	}
	typ := reflect.TypeOf(a)
	for i := range typ.NumField() {
		for _, change := range []func(reflect.Value){
			func(v reflect.Value) {
				switch v.Kind() {
				case reflect.String:
					v.SetString(v.String() + "x")
				case reflect.Bool:
					v.SetBool(!v.Bool())
				case reflect.Slice:
					v.Set(reflect.Append(v, v.Index(0)))
				}
			},
			func(v reflect.Value) {
				if v.Kind() == reflect.Slice {
					v.Set(reflect.MakeSlice(v.Type(), 0, 0))
				} else if v.Kind() == reflect.String {
					v.SetString("")
				} else {
					v.SetBool(!v.Bool())
				}
			},
		} {
			b := a
			change(reflect.ValueOf(&b).Elem().Field(i))
			if sameVetoEntry(&a, &b) {
				t.Errorf("an entry with %s changed is the same", typ.Field(i).Name)
			}
		}
		if typ.Field(i).Type.Kind() == reflect.Slice {
			e, n := a, a
			reflect.ValueOf(&e).Elem().Field(i).Set(reflect.MakeSlice(typ.Field(i).Type, 0, 0))
			reflect.ValueOf(&n).Elem().Field(i).SetZero()
			if sameVetoEntry(&e, &n) {
				t.Errorf("an entry with %s nil is the same as one with it empty (json.Marshal writes null and [])", typ.Field(i).Name)
			}
		}
	}
}

// TestAppendTextAtOneAddress checks that appendText, which finds a text
// kept by the address of its bytes, writes a text that is not the one
// kept at that address as the text it is: two texts one after the other
// in the same bytes, and a shorter text at the same address.
func TestAppendTextAtOneAddress(t *testing.T) {
	buf := []byte("a text kept at one address <first>")
	first := unsafe.String(&buf[0], len(buf))
	want := func(s string) string { return string(appendString(nil, strings.Clone(s))) }
	if got, w := string(appendText(nil, first)), want(first); got != w {
		t.Fatalf("appendText(%q) = %s, want %s", first, got, w)
	}
	copy(buf, "another text at the same address &")
	second := unsafe.String(&buf[0], len(buf))
	for _, s := range []string{second, second[:10]} {
		if got, w := string(appendText(nil, s)), want(s); got != w {
			t.Errorf("appendText(%q) at the address of a text kept = %s, want %s", s, got, w)
		}
	}
}
