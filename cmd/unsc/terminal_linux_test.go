package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestIsTerminal checks that a terminal is told from other files: the
// null device is a character device but no terminal, so CSV sent there is
// written as it is, as to a file or a pipe.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, f := range map[string]*os.File{"the null device": null, "a file": file, "a pipe": w} {
		if isTerminal(f) {
			t.Errorf("isTerminal(%s) = true, want false", name)
		}
	}
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Logf("no terminal to check against: /dev/ptmx: %v", err)
		return
	}
	defer ptmx.Close()
	if !isTerminal(ptmx) {
		t.Error("isTerminal(/dev/ptmx) = false, want true: a pseudo-terminal is a terminal")
	}
}
