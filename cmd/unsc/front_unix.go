//go:build front && unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// execWhole replaces this process with the whole program at path, run with
// the command line: the same process, standard streams and environment.
func execWhole(path string, line []string) int {
	err := syscall.Exec(path, append([]string{path}, line...), os.Environ())
	fmt.Fprintf(os.Stderr, "unsc: run %s: %v\n", path, err)
	return 1
}
