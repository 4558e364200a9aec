//go:build front && !unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// execWhole runs the whole program at path with the command line and the
// same standard streams, and returns its exit status.
func execWhole(path string, line []string) int {
	cmd := exec.Command(path, line...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "unsc: run %s: %v\n", path, err)
		return 1
	}
	return 0
}
