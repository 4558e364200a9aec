package analysis_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/analysis"
	"unsc/readmodel"
)

// encodeImage encodes ds into an image and opens it, failing the test if
// either step fails; it returns the image and its bytes.
func encodeImage(t *testing.T, ds []unsc.Decision) (*readmodel.Image, []byte) {
	t.Helper()
	b, err := readmodel.Encode(ds)
	if err != nil {
		t.Fatal(err)
	}
	img, err := readmodel.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	return img, b
}

// TestColumnsAnswerAsDecisions asks an index over the record's image read in
// columns (NewColumns, as the command line reads a record) and an index
// over the same decisions decoded (New, as the server does) the same
// questions, and wants the same answers, with and without reports.
func TestColumnsAnswerAsDecisions(t *testing.T) {
	ds, _ := realRecord(t)
	img, _ := encodeImage(t, ds)
	for _, reports := range []bool{false, true} {
		decoded, err := img.Decisions(unsc.DecisionFilter{OmitReports: !reports})
		if err != nil {
			t.Fatal(err)
		}
		answers := func(x *analysis.Index) map[string]any {
			out := map[string]any{}
			ask := func(name string, v any, err error) {
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				out[name] = v
			}
			from, to := day("2000-01-01"), day("2010-12-31")
			for _, scope := range []string{analysis.ScopeRecord, analysis.ScopeUNList} {
				for _, by := range []string{"", "member", "year", "topic,member", "region", "agenda"} {
					for _, member := range []string{"", "USA", "SUN+RUS"} {
						q := analysis.VetoQuery{Scope: scope, GroupBy: by, Member: member}
						v, err := x.Vetoes(bg, q)
						ask("vetoes "+scope+" "+by+" "+member, v, err)
						q.From, q.To = from, to
						v, err = x.Vetoes(bg, q)
						ask("vetoes dated "+scope+" "+by+" "+member, v, err)
					}
				}
			}
			for _, m := range []string{"USA", "GBR", "SUN+RUS", "CHN", "BRA", "XXX"} {
				v, err := x.Member(bg, m)
				ask("member "+m, v, err)
				c, err := x.CountVetoes(bg, m, time.Time{}, time.Time{})
				ask("count "+m, c, err)
				s, err := x.Search(bg, analysis.SearchQuery{Member: m, Position: unsc.Abstain, PositionSet: true, From: from, Limit: 1000})
				ask("search "+m, s, err)
			}
			a, err := x.Agreement(bg, analysis.AgreementQuery{From: from})
			ask("agreement", a, err)
			tr, err := x.Trends(bg, time.Time{}, time.Time{})
			ask("trends", tr, err)
			tr, err = x.TrendsByDecade(bg, from, to)
			ask("trends by decade", tr, err)
			s, err := x.Search(bg, analysis.SearchQuery{Text: "Gaza", Outcome: unsc.Vetoed})
			ask("search text", s, err)
			out["coverage"] = x.Coverage()
			out["period"] = x.Period(from, time.Time{})
			out["list end"] = x.ListEnd()
			return out
		}
		want, got := answers(analysis.New(decoded)), answers(analysis.NewColumns(readmodel.View{Image: img, Reports: reports}))
		for name := range want {
			w, _ := json.Marshal(want[name])
			g, _ := json.Marshal(got[name])
			if diff := cmp.Diff(string(w), string(g)); diff != "" {
				t.Errorf("reports %v: %s: columns differ from decisions (-decisions +columns):\n%s", reports, name, diff)
			}
		}
	}
}
