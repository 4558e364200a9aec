package dhl

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"unsc/internal/shareddata"
)

// TestTokensAsTokenizer checks that the text and attributes read from each
// token's raw bytes (token.go) are what golang.org/x/net/html's tokenizer
// gives, over every token of the Library's pages and of pages made to try
// the edges: line breaks, NUL bytes, character references (named, with and
// without ';', numeric), raw text and RCDATA, attributes quoted, unquoted,
// repeated, empty and odd.
func TestTokensAsTokenizer(t *testing.T) {
	paths, err := filepath.Glob(shareddata.Path(t, "dhl-sc-meetings-1946-2022", "html", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 79 {
		t.Fatalf("found %d of the Library's pages, want the 78 yearly pages and the vetoes", len(paths))
	}
	pages := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(p)] = b
	}
	for i, p := range []string{
		"<table><tr><td rowspan=2 colspan='3'>a &amp; b&nbsp;c &#8211; d&#x41;&copy e &notit; &Aacute;</td></tr></table>",
		"<td\nROWSPAN = \"2\"\r\nrowspan=5 colspan=\"&#50;\" x y=z/>text\r\nmore\rend</td>",
		"<td =a=b rowspan=\"1\" / colspan=4 > &lt;&gt;&quot;&apos; &amp &ampx; &#9; &#0; &#xD800; &#1114112; &#</td>",
		"<title>A &amp; B\x00</title><td>x\x00y</td><script>if (a < b && c) { x = '&amp;' }\x00</script><td>&amp;</td>",
		"<style>td { x: '&lt;' }</style><textarea>&lt;\r\n</textarea><xmp>&amp;</xmp><noscript>&amp;</noscript>",
		"<iframe>&amp;</iframe><noembed>&amp;</noembed><noframes>&amp;</noframes><SCRIPT/>&amp;</SCRIPT>&amp;",
		"<td colspan=\"2\" colspan=\"3\" COLSPAN=4 rowspan=>&#x;&#;&#x41&#65 a</td><td rowspan='\r\n3'>b</td><plaintext>&amp;<td>\r\n",
		"<td rowspan=\"&nbsp2\" colspan=&amp=1 a=&ampx b='&not' c=\"&notit;&notin\" d=&lt e=&AMP; f=&#x32;>x</td>",
		"text < 5 and a<b &amp; <!-- a comment &amp; --> <!DOCTYPE html> <?xml ?> </> </ x> <td/ rowspan=2>",
	} {
		pages[fmt.Sprint("made ", i)] = []byte(p)
	}
	for name, page := range pages {
		compareTokens(t, name, page)
	}
}

// FuzzTokensAsTokenizer is TestTokensAsTokenizer on any page.
func FuzzTokensAsTokenizer(f *testing.F) {
	f.Add([]byte("<td rowspan=2>a &amp; b</td>"))
	f.Add([]byte("<td a='&notit;' b=&#x32>&#x;&#1</td><script>&amp;</script>&nbsp"))
	f.Fuzz(func(t *testing.T, page []byte) { compareTokens(t, "fuzz", page) })
}

// compareTokens compares the text and attributes read from each token of
// page with the tokenizer's.
func compareTokens(t *testing.T, name string, page []byte) {
	{
		a := html.NewTokenizer(bytes.NewReader(page))
		b := html.NewTokenizer(bytes.NewReader(page))
		mode := markup
		for n := 0; ; n++ {
			tt := a.Next()
			b.Next()
			textIn := mode
			mode = markup
			raw := append([]byte(nil), b.Raw()...)
			switch tt {
			case html.ErrorToken:

			case html.TextToken:
				if got, want := tokenText(raw, textIn), a.Text(); !bytes.Equal(got, want) {
					t.Errorf("%s: token %d %q: text %q, tokenizer %q", name, n, b.Raw(), got, want)
				}
			case html.StartTagToken, html.SelfClosingTagToken:
				mode = modeAfter(raw)
				var got, want []string
				eachAttr(raw, func(k, v []byte) { got = append(got, string(k)+"="+string(attrValue(v))) })
				for more := true; more; {
					var k, v []byte
					k, v, more = a.TagAttr()
					if k != nil {
						want = append(want, string(k)+"="+string(v))
					}
				}
				if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
					t.Errorf("%s: token %d %q: attributes %q, tokenizer %q", name, n, raw, got, want)
				}
			}
			if tt == html.ErrorToken {
				break
			}
		}
	}
}

// TestICJTopicAsTheExpression checks that icjTopic's quick tests (the
// first letter, the word "election") never turn away a topic the
// expression matches, in any case.
func TestICJTopicAsTheExpression(t *testing.T) {
	for _, topic := range []string{
		"Election of five members of the International Court of Justice",
		"Election of a member of the International Court of Justice",
		"The election of a member of the International Court of Justice",
		"THE ELECTIONS OF MEMBERS OF THE ICJ",
		"ICJ — Election",
		"ICJ - elections",
		"icj election",
		"Elections of members of the International Court of Justice [resumed meeting]",
		"The situation in the Middle East",
		"The election",
		"Election of the Secretary-General",
		"Date of an election to fill a vacancy in the International Court of Justice",
		"Electio of a member of the International Court of Justice",
		"",
	} {
		if got, want := icjTopic(topic), icjTopicRE.MatchString(topic); got != want {
			t.Errorf("icjTopic(%q) = %v, want %v (the expression's)", topic, got, want)
		}
	}
}
