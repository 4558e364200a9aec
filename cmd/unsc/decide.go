package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"unsc"
	"unsc/charter"
)

var decideCommand = command{
	name:    "decide",
	args:    "[--json] [--file F]",
	summary: "Read a ballot as JSON (stdin or --file) and say what the Council decided.",
	run:     runDecide,
}

func runDecide(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("decide")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	file := fs.String("file", "", "read the ballot from `F` instead of standard input")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return &usageError{msg: "decide: takes no arguments; give the ballot on standard input or with --file"}
	}
	src, name := a.stdin, "standard input"
	if *file != "" {
		f, err := os.Open(*file)
		if err != nil {
			return unsc.Errorf(unsc.EINVALID, "--file", "%v", err)
		}
		defer f.Close()
		src, name = f, *file
	}
	// One byte past the limit tells a ballot that is too large from one
	// that fits exactly.
	data, err := io.ReadAll(io.LimitReader(src, charter.MaxBallotBytes+1))
	if err != nil {
		return unsc.Errorf(unsc.EINVALID, name, "cannot read the ballot: %v", err)
	}
	if len(data) > charter.MaxBallotBytes {
		return unsc.Errorf(unsc.EINVALID, name, "larger than %d bytes (%d KiB): want one ballot", charter.MaxBallotBytes, charter.MaxBallotBytes>>10)
	}
	r, err := decide(data)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(charter.NewResultJSON(r))
	}
	fmt.Fprintln(a.stdout, charter.Explain(r))
	fmt.Fprintln(a.stdout)
	fmt.Fprintln(a.stdout, charter.Statement(r))
	return nil
}

// decide parses a ballot and decides it in the Council of its date.
func decide(data []byte) (unsc.Result, error) {
	b, err := charter.ParseBallot(data)
	if err != nil {
		return unsc.Result{}, err
	}
	c, err := charter.CouncilOn(b.Date)
	if err != nil {
		return unsc.Result{}, err
	}
	return charter.Decide(c, b)
}
