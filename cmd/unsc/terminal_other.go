//go:build !linux

package main

import (
	"io"
	"os"
)

// isTerminal reports whether w is a terminal (a character device), as
// standard output and standard error are when nothing redirects them.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
