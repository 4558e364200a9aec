package main

import (
	"context"
	"os"
	"testing"
	"time"

	"unsc"
	"unsc/record"
	"unsc/sqlite"
)

func TestTimeCheck(t *testing.T) {
	db := os.Getenv("PROFDB")
	if db == "" {
		t.Skip()
	}
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		st, err := sqlite.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		ds, err := st.Decisions(context.Background(), unsc.DecisionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		s := record.Check(ds, record.BuiltinExplanations)
		t3 := time.Now()
		st.Close()
		t.Logf("open %v decisions %v check %v close %v: %s", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), time.Since(t3), s.Line())
	}
}

func BenchmarkZZLoad(b *testing.B) {
	st, _ := sqlite.Open(os.Getenv("PROFDB"))
	defer st.Close()
	b.ReportAllocs()
	for b.Loop() {
		st.Decisions(context.Background(), unsc.DecisionFilter{})
	}
}

func BenchmarkZZCheck(b *testing.B) {
	st, _ := sqlite.Open(os.Getenv("PROFDB"))
	defer st.Close()
	ds, _ := st.Decisions(context.Background(), unsc.DecisionFilter{})
	b.ReportAllocs()
	for b.Loop() {
		record.Check(ds, record.BuiltinExplanations)
	}
}
