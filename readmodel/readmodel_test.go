package readmodel_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"unsc"
	"unsc/readmodel"
)

// fill sets every field of v, recursively, to a value that is not its
// zero value and that an image can hold, so that a field the image does
// not carry reads back as zero and fails the round trip.
func fill(t *testing.T, v reflect.Value, seed int) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2024, 3, 25+seed%3, 0, 0, 0, 0, time.UTC)))
			return
		}
		if v.Type() == reflect.TypeOf(unsc.Votes{}) {
			m := reflect.New(reflect.TypeOf(map[unsc.Code]unsc.Position{})).Elem()
			fill(t, m, seed)
			v.Set(reflect.ValueOf(unsc.VotesOf(m.Interface().(map[unsc.Code]unsc.Position))))
			return
		}
		for i := range v.NumField() {
			fill(t, v.Field(i), seed+i)
		}
	case reflect.String:
		v.SetString("S/" + string(rune('A'+seed%26)) + "x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		v.SetUint(1)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(1 + seed%9))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(t, s.Index(i), seed+7*i+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, k, seed+i)
			fill(t, e, seed+i)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		t.Fatalf("fill: a field of kind %s: teach this test (and the image) about it", v.Kind())
	}
}

// TestEveryFieldCarried fails when a field of unsc.Decision or unsc.Report
// is not carried by the image: whoever adds a field is told here.
// encodeOpen encodes ds into an image and opens it, failing the test if
// either step fails; it returns the image and its bytes.
func encodeOpen(t *testing.T, ds []unsc.Decision) (*readmodel.Image, []byte) {
	t.Helper()
	b, err := readmodel.Encode(ds)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readmodel.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	return m, b
}

func TestEveryFieldCarried(t *testing.T) {
	var d unsc.Decision
	fill(t, reflect.ValueOf(&d).Elem(), 0)
	// The enumerations as names the image knows.
	d.Matter, d.Modality, d.Recorded, d.Derived = unsc.Procedural, unsc.ByAcclamation, unsc.Vetoed, unsc.Failed
	for i := range d.Reports {
		r := &d.Reports[i]
		r.Matter, r.Modality, r.Outcome = unsc.ICJElection, unsc.WithoutVote, unsc.Adopted
		r.Key = r.Key + string(rune('0'+i))
		for c := range r.Votes.All() {
			r.Votes = r.Votes.With(c, unsc.NotParticipating)
		}
	}
	for c := range d.Votes.All() {
		d.Votes = d.Votes.With(c, unsc.Abstain)
	}
	m, _ := encodeOpen(t, []unsc.Decision{d})
	if got := m.Decision(0, true); !cmp.Equal(got, d) {
		t.Errorf("Decision(0) differs from what was encoded (-got +want):\n%s", cmp.Diff(got, d))
	}
	// Head: every field but the lists it leaves out.
	head := d
	head.Votes, head.Subjects, head.Sponsors, head.Sources, head.Notes, head.Reports = unsc.Votes{}, nil, nil, nil, nil, nil
	if got := m.Head(0); !cmp.Equal(got, head) {
		t.Errorf("Head(0) differs from the decision encoded, its lists left out (-got +want):\n%s", cmp.Diff(got, head))
	}
}

func TestNilAndEmpty(t *testing.T) {
	ds := []unsc.Decision{
		{ID: 2, Date: time.Date(1950, 6, 25, 0, 0, 0, 0, time.UTC), Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{}), Subjects: []string{}},
		{ID: 1},
	}
	m, b := encodeOpen(t, ds)
	got, err := m.Decisions(unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []unsc.Decision{ds[1], ds[0]} // undated first
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decisions() (-want +got):\n%s", diff)
	}
	if err := m.Verify(); err != nil {
		t.Errorf("Verify() = %v", err)
	}
	b[len(b)-1] ^= 1
	if m, err := readmodel.Open(b); err != nil || m.Verify() == nil {
		t.Errorf("Verify() of a changed image = nil, want an error")
	}
}

func TestOpenRefuses(t *testing.T) {
	b, err := readmodel.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readmodel.Open(b); err != nil {
		t.Fatalf("Open(empty image) = %v", err)
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"truncated": b[:len(b)/2],
		"magic":     append([]byte("notimage"), b[8:]...),
	} {
		if _, err := readmodel.Open(bad); err == nil {
			t.Errorf("Open(%s) = nil error, want one", name)
		}
	}
	v := append([]byte(nil), b...)
	v[8] = 99
	if _, err := readmodel.Open(v); err == nil {
		t.Errorf("Open(version 99) = nil error, want ErrVersion")
	}
}

func FuzzOpen(f *testing.F) {
	b, _ := readmodel.Encode([]unsc.Decision{{ID: 1, Meeting: "S/PV.1", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes})}})
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := readmodel.Open(b)
		if err != nil {
			return
		}
		for i := range m.Len() {
			m.Decision(i, true)
		}
		m.Decisions(unsc.DecisionFilter{Symbol: "S/PV.1"})
		m.Sum("trends/1")
	})
}

// TestWithSums puts sums in an image, reads them back, replaces them, and
// wants the decisions unchanged and the checksum true.
func TestWithSums(t *testing.T) {
	ds := []unsc.Decision{{ID: 1, Meeting: "S/PV.1", Resolution: "S/RES/1 (1946)", Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes})}}
	m, b := encodeOpen(t, ds)
	if _, ok := m.Sum("a"); ok {
		t.Errorf("a new image holds sum a")
	}
	sums := []readmodel.Sum{{Name: "a", Values: []int32{1, -2, 3}}, {Name: "empty"}, {Name: "b/1", Values: []int32{7}}}
	with, err := readmodel.WithSums(b, sums)
	if err != nil {
		t.Fatal(err)
	}
	again, err := readmodel.WithSums(with, sums[2:])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		b    []byte
		sums []readmodel.Sum
	}{{with, sums}, {again, sums[2:]}} {
		m, err := readmodel.Open(c.b)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Verify(); err != nil {
			t.Fatal(err)
		}
		for _, s := range c.sums {
			if got, ok := m.Sum(s.Name); !ok || !slices.Equal(got, s.Values) {
				t.Errorf("Sum(%q) = %v, %v; want %v", s.Name, got, ok, s.Values)
			}
		}
		if _, ok := m.Sum("c"); ok {
			t.Errorf("Sum(c) found")
		}
		got, err := m.Decisions(unsc.DecisionFilter{})
		if err != nil || len(got) != 1 || got[0].Resolution != ds[0].Resolution || !got[0].Votes.Equal(ds[0].Votes) {
			t.Errorf("decisions with sums = %+v, %v", got, err)
		}
	}
	if _, ok := func() ([]int32, bool) { m, _ := readmodel.Open(again); return m.Sum("a") }(); ok {
		t.Errorf("sum a kept after its sums were replaced")
	}
	if _, err := readmodel.WithSums(b[:len(b)/2], sums); err == nil {
		t.Errorf("WithSums(truncated image) = nil error")
	}
}

// TestSharedVotes checks that decisions of one call with the same positions
// read them right, and that no two calls share a map of positions.
func TestSharedVotes(t *testing.T) {
	same := map[unsc.Code]unsc.Position{"FRA": unsc.Yes, "USA": unsc.Abstain}
	other := map[unsc.Code]unsc.Position{"FRA": unsc.Yes, "USA": unsc.No}
	var ds []unsc.Decision
	for i, v := range []map[unsc.Code]unsc.Position{same, other, same, nil, same} {
		ds = append(ds, unsc.Decision{ID: int64(i + 1), Date: time.Date(2000, 1, i+1, 0, 0, 0, 0, time.UTC), Votes: unsc.VotesOf(v)})
	}
	m, _ := encodeOpen(t, ds)
	first, err := m.Decisions(unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ds, first); diff != "" {
		t.Errorf("Decisions() (-want +got):\n%s", diff)
	}
	first[0].Votes = first[0].Votes.With("USA", unsc.No)
	second, err := m.Decisions(unsc.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ds, second); diff != "" {
		t.Errorf("Decisions() after a change to another call's decisions (-want +got):\n%s", diff)
	}
}

// TestInDoubtAsDecision checks that InDoubt, read from the notes' columns,
// gives what the decision decoded gives: the members of its doubt notes,
// each once, in order, and none for other notes or none.
func TestInDoubtAsDecision(t *testing.T) {
	doubt := func(ms ...unsc.Code) unsc.Note {
		return unsc.Note{Kind: unsc.NoteDoubt, Field: "votes", Text: "in doubt", Members: ms}
	}
	ds := []unsc.Decision{
		{ID: 1},
		{ID: 2, Notes: []unsc.Note{{Kind: unsc.NoteContradiction, Field: "votes", Text: "x", Members: []unsc.Code{"USA"}}}},
		{ID: 3, Notes: []unsc.Note{doubt("FRA", "GBR")}},
		{ID: 4, Notes: []unsc.Note{doubt("FRA"), {Kind: unsc.NoteContradiction, Field: "tally", Text: "y", Members: []unsc.Code{"CHN"}}, doubt("GBR", "FRA", "USA")}},
		{ID: 5, Notes: []unsc.Note{doubt()}},
		{ID: 6, Notes: []unsc.Note{}},
	}
	m, _ := encodeOpen(t, ds)
	for i := range m.Len() {
		d := m.Decision(i, false)
		if got, want := m.InDoubt(i), d.InDoubt(); !slices.Equal(got, want) {
			t.Errorf("decision %d: InDoubt = %v, the decision's %v", d.ID, got, want)
		}
	}
	if got := m.InDoubt(3); !slices.Equal(got, []unsc.Code{"FRA", "GBR", "USA"}) {
		t.Errorf("InDoubt(3) = %v, want [FRA GBR USA]", got)
	}
}

// TestEachVetoAsDecision checks that EachVeto, read from the flags where
// they lie, gives the decisions whose Outcome is a veto, in order, each with
// its VetoedBy (nil, empty or members), derived outcomes before recorded
// ones.
func TestEachVetoAsDecision(t *testing.T) {
	day := func(i int) time.Time { return time.Date(2000, 1, i, 0, 0, 0, 0, time.UTC) }
	ds := []unsc.Decision{
		{ID: 1, Date: day(1), Derived: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"}},
		{ID: 2, Date: day(2), Recorded: unsc.Vetoed, VetoedBy: []unsc.Code{"CHN", "RUS"}},
		{ID: 3, Date: day(3), Recorded: unsc.Vetoed, Derived: unsc.Adopted, VetoedBy: []unsc.Code{"FRA"}},
		{ID: 4, Date: day(4), Recorded: unsc.Adopted, Derived: unsc.Vetoed},
		{ID: 5, Date: day(5), Derived: unsc.Vetoed, VetoedBy: []unsc.Code{}},
		{ID: 6, Date: day(6), Derived: unsc.Vetoed, VetoedBy: []unsc.Code{"USA"}},
		{ID: 7, Date: day(7), Recorded: unsc.Failed},
	}
	m, _ := encodeOpen(t, ds)
	type veto struct {
		i  int
		by []unsc.Code
	}
	var want, got []veto
	for i := range m.Len() {
		if m.Outcome(i) == unsc.Vetoed {
			want = append(want, veto{i, m.VetoedBy(i)})
		}
	}
	m.EachVeto(func(i int, by []unsc.Code) { got = append(got, veto{i, by}) })
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(veto{})); diff != "" {
		t.Errorf("EachVeto (-Outcome and VetoedBy +EachVeto):\n%s", diff)
	}
	if len(got) != 5 || got[2].by != nil || got[3].by == nil || len(got[3].by) != 0 {
		t.Errorf("EachVeto gave %v: want decisions 0, 1, 3, 4 and 5, the third with no list and the fourth with an empty one", got)
	}
}

// TestEachVoteOf wants one member's votes over a run of decisions to be
// what EachVote gives of each, for members that voted, one that did not,
// and runs past either end.
func TestEachVoteOf(t *testing.T) {
	ds := []unsc.Decision{
		{ID: 1, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.Yes, "GBR": unsc.Abstain})},
		{ID: 2},
		{ID: 3, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"GBR": unsc.No, "FRA": unsc.NotParticipating})},
		{ID: 4, Votes: unsc.VotesOf(map[unsc.Code]unsc.Position{"USA": unsc.No})},
	}
	m, _ := encodeOpen(t, ds)
	type vote struct {
		i int
		p unsc.Position
	}
	for _, c := range []unsc.Code{"USA", "GBR", "FRA", "CHN"} {
		for _, span := range [][2]int{{0, 4}, {1, 3}, {-2, 9}, {3, 3}} {
			var want, got []vote
			for i := max(span[0], 0); i < min(span[1], m.Len()); i++ {
				m.EachVote(i, func(v unsc.Code, p unsc.Position) {
					if v == c {
						want = append(want, vote{i, p})
					}
				})
			}
			m.EachVoteOf(c, span[0], span[1], func(i int, p unsc.Position) { got = append(got, vote{i, p}) })
			if !slices.Equal(got, want) {
				t.Errorf("EachVoteOf(%s, %v) = %v, want %v", c, span, got, want)
			}
		}
	}
}
