//go:build front && !linux

package main

import "os"

// openSelf opens this program's own file, and returns it with its name.
func openSelf() (*os.File, string, error) {
	name, err := os.Executable()
	if err != nil {
		return nil, "unsc", err
	}
	f, err := os.Open(name)
	return f, name, err
}

// runWhole runs the whole program, length bytes at offset in self, with
// the command line, and returns its exit status: as a child, there being
// no file in memory to run in this process's place.
func runWhole(self *os.File, name string, offset, length int64, line []string) int {
	return runChild(self, name, offset, length, line)
}
