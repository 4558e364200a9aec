package sqlite

import (
	"reflect"
	"testing"
	"time"

	"unsc"
)

// TestSameReportEveryField changes each field of a report in turn, and
// nil lists to empty ones: sameReport must tell every change, or an import
// would write a reconciler's changed copy of a report in place of the
// stored one. A field added to unsc.Report fails here until sameReport
// compares it.
func TestSameReportEveryField(t *testing.T) {
	base := unsc.Report{
		Source: unsc.SourceUNDL, Key: "k", Ref: "f.csv:2", Date: time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC),
		Meeting: "S/PV.9592", Resolution: "S/RES/2728 (2024)", Draft: "S/2024/239", AmendmentTo: "S/2024/1",
		Title: "t", Agenda: "a", Subjects: []string{"s"}, Sponsors: []string{"DZA"},
		Matter: unsc.NonProcedural, MatterKnown: true, Modality: unsc.ByVote, Outcome: unsc.Adopted,
		Tally: unsc.Tally{Yes: 14, Abstain: 1, Known: true}, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Abstain}),
		VetoedBy: []unsc.Code{"USA"}, Note: "n",
	}
	same := base
	if !sameReport(&base, &same) {
		t.Fatal("sameReport(a report, its copy) = false")
	}
	rt := reflect.TypeOf(base)
	for i := range rt.NumField() {
		f := rt.Field(i)
		changed := base
		v := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Name {
		case "Date":
			v.Set(reflect.ValueOf(base.Date.AddDate(0, 0, 1)))
		case "Votes":
			v.Set(reflect.ValueOf(unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes})))
		case "Tally":
			v.Set(reflect.ValueOf(unsc.Tally{Yes: 15, Known: true}))
		default:
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "x")
			case reflect.Bool:
				v.SetBool(!v.Bool())
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				v.SetInt(v.Int() + 1)
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				v.SetUint(v.Uint() + 1)
			case reflect.Slice:
				empty := changed
				reflect.ValueOf(&empty).Elem().Field(i).Set(reflect.MakeSlice(f.Type, 0, 0))
				nilled := changed
				reflect.ValueOf(&nilled).Elem().Field(i).Set(reflect.Zero(f.Type))
				if sameReport(&empty, &nilled) {
					t.Errorf("sameReport does not tell an empty %s from none", f.Name)
				}
				v.Set(reflect.Append(v, v.Index(0)))
			default:
				t.Fatalf("field %s (%s): this test does not know how to change it", f.Name, f.Type)
			}
		}
		if sameReport(&base, &changed) {
			t.Errorf("sameReport does not tell a changed %s", f.Name)
		}
	}
}
