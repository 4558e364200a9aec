package analysis_test

import (
	"sync"
	"testing"

	"unsc"
	"unsc/analysis"
	"unsc/internal/realrecord"
)

var (
	realOnce  sync.Once
	realIndex *analysis.Index
)

// realRecord returns the record reconciled from the shared data, as `unsc
// import` builds it, and its index, once per test binary.
func realRecord(tb testing.TB) ([]unsc.Decision, *analysis.Index) {
	tb.Helper()
	ds := realrecord.Decisions(tb)
	realOnce.Do(func() { realIndex = analysis.New(ds) })
	return ds, realIndex
}
