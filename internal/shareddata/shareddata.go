// Package shareddata finds the public reference datasets that tests,
// benchmarks and tools read from ../shared/data beside the project's
// checkout. The data are never copied into the project.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data folder: $UNSC_SHARED_DATA if set, else the
// folder shared/data beside the module root. It fails the test if neither
// exists, because every test that asks for it needs it.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := Find()
	if err != nil {
		tb.Fatalf("shared data: %v (set UNSC_SHARED_DATA to the folder ../shared/data)", err)
	}
	return dir
}

// Path returns the path of name inside the shared data folder.
func Path(tb testing.TB, name ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{Dir(tb)}, name...)...)
}

// Find returns the shared data folder without a test.
func Find() (string, error) {
	if d := os.Getenv("UNSC_SHARED_DATA"); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", err
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(filepath.Dir(dir), "shared", "data")
			if _, err := os.Stat(d); err != nil {
				return "", err
			}
			return d, nil
		}
		if filepath.Dir(dir) == dir {
			return "", os.ErrNotExist
		}
	}
}
