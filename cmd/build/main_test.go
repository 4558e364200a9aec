package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"unsc/internal/onefile"
)

// TestWrite checks that write makes the one file, executable, in the
// layout of internal/onefile, replacing what was at its path, and that
// a failure leaves neither the file nor a part of it.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	front, whole := filepath.Join(dir, "front"), filepath.Join(dir, "whole")
	if err := os.WriteFile(front, []byte("\x7fELF the front"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(whole, []byte("\x7fELF the whole program"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bin", "unsc")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("an older unsc"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := write(out, front, whole); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]byte("\x7fELF the front\x7fELF the whole program"), onefile.Trailer(14, 22)...)
	if !bytes.Equal(b, want) {
		t.Errorf("write wrote %q, want %q", b, want)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("the one file: %v, %v; want mode 0755", info.Mode(), err)
	}

	// The whole program missing: the old file stays, nothing else is left.
	if err := write(out, front, filepath.Join(dir, "none")); err == nil {
		t.Error("write with no whole program: no error")
	}
	if b, _ := os.ReadFile(out); string(b) != string(want) {
		t.Errorf("a failed write changed the file at its path to %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "bin", ".*")); len(left) > 0 {
		t.Errorf("a failed write left %v", left)
	}
}

func TestStripFlags(t *testing.T) {
	for _, c := range []struct {
		goflags string
		strip   bool
	}{
		{"", true},
		{"-trimpath -mod=mod", true},
		{"-ldflags=-X=main.v=1", false},
		{"-trimpath --ldflags=-w", false},
		{"-gcflags=-N", true},
	} {
		got := stripFlags(c.goflags)
		if strip := len(got) > 0; strip != c.strip {
			t.Errorf("stripFlags(%q) = %q: want stripped %v", c.goflags, got, c.strip)
		}
	}
}
