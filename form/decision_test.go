package form

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDecisionSummaryFields checks that a summary holds every element of a
// decision but those SummaryLeavesOut names, with the same JSON names, and
// that Summary copies each: a field added to Decision and neither to the
// summary nor to SummaryLeavesOut, or not copied, fails here.
func TestDecisionSummaryFields(t *testing.T) {
	whole, summary := reflect.TypeFor[Decision](), reflect.TypeFor[DecisionSummary]()
	var d Decision
	v := reflect.ValueOf(&d).Elem()
	for i := range whole.NumField() {
		f := whole.Field(i)
		// A value for every field that is not its zero, to see it copied.
		switch fv := v.Field(i); fv.Kind() {
		case reflect.String:
			fv.SetString(f.Name)
		case reflect.Bool:
			fv.SetBool(true)
		case reflect.Slice, reflect.Map, reflect.Pointer:
			if fv.Kind() == reflect.Pointer {
				fv.Set(reflect.New(f.Type.Elem()))
			} else if fv.Kind() == reflect.Map {
				fv.Set(reflect.MakeMap(f.Type))
			} else {
				fv.Set(reflect.MakeSlice(f.Type, 1, 1))
			}
		default:
			t.Fatalf("Decision.%s is a %s: teach this test its value", f.Name, f.Type)
		}
	}
	s := reflect.ValueOf(d.Summary("/api/v1/decisions?symbol=S%2F1"))
	for i := range whole.NumField() {
		f := whole.Field(i)
		g, ok := summary.FieldByName(f.Name)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if slices.Contains(SummaryLeavesOut, name) {
			if ok {
				t.Errorf("DecisionSummary has %s, which SummaryLeavesOut names", f.Name)
			}
			continue
		}
		if !ok || g.Type != f.Type || g.Tag != f.Tag {
			t.Errorf("DecisionSummary.%s: %v %q, want Decision's %v %q", f.Name, g.Type, g.Tag, f.Type, f.Tag)
			continue
		}
		if !reflect.DeepEqual(s.FieldByName(f.Name).Interface(), v.Field(i).Interface()) {
			t.Errorf("Summary does not copy %s", f.Name)
		}
	}
	if u, ok := summary.FieldByName("URL"); !ok || u.Tag.Get("json") != "url" || s.FieldByName("URL").String() != "/api/v1/decisions?symbol=S%2F1" {
		t.Errorf("DecisionSummary's url: %v, want the address given", u)
	}
	if summary.NumField() != whole.NumField()-len(SummaryLeavesOut)+1 {
		t.Errorf("DecisionSummary has %d fields, want Decision's %d less the %d SummaryLeavesOut names, and url", summary.NumField(), whole.NumField(), len(SummaryLeavesOut))
	}
}
