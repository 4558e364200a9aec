// Command gen writes the record built into unsc (package embedded) from the
// public data in ../shared/data beside the checkout ($UNSC_SHARED_DATA to
// use another folder), reading it as `unsc import` does. Run it with
//
//	go generate ./embedded
//
// from the module's root, whenever the data, the importers, the curated
// decisions or the reconciliation change: the test of package embedded fails
// until then. It writes its files only where their content changes (for the
// compressed image, where the image it holds changes), and what it writes
// depends only on the data and on unsc, never on where the checkout is or
// when it runs.
package main

import (
	"fmt"
	"os"

	"unsc/embedded/internal/build"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	files, err := build.FromSharedData()
	if err != nil {
		return err
	}
	for _, f := range files {
		old, err := os.ReadFile(f.Name)
		if err == nil && f.Holds(old) {
			fmt.Printf("%s: unchanged\n", f.Name)
			continue
		}
		if err := os.WriteFile(f.Name, f.Data, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: written (%d bytes)\n", f.Name, len(f.Data))
	}
	return nil
}
