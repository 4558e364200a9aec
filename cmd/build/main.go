// Command build builds unsc as the README runs it: one executable file
// that is the front (cmd/unsc built with -tags front, which answers the
// questions without linking SQLite, the server or TLS, and so starts
// sooner) carrying the whole program (cmd/unsc), which the front runs in
// its own place for every other command. The layout is package
// internal/onefile's.
//
// Usage, in the checkout:
//
//	go run ./cmd/build [-o bin/unsc]
//
// Both are built by the go command found on $PATH (else in GOROOT) with
// the environment as it is (GOOS, GOARCH, GOFLAGS), static (CGO_ENABLED=0)
// unless CGO_ENABLED is set, and without the symbol table and debugging
// information (-ldflags=-s -w) unless GOFLAGS sets -ldflags: the whole
// program is copied at every command the front hands over, and a third of
// it was that (stack traces and profiles read the function table, which
// stays). The file is written beside its path and
// renamed onto it, so a unsc that is running, or one that fails to build,
// never leaves a file half written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"unsc/internal/onefile"
)

func main() {
	out := flag.String("o", filepath.Join("bin", "unsc"), "the file to write")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./cmd/build [-o FILE]\n\nbuilds unsc, the front carrying the whole program, into one executable FILE\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := build(*out); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n", err)
		os.Exit(1)
	}
}

// build builds the front and the whole program and writes the one file
// to out.
func build(out string) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, serr := os.Stat(goTool); serr != nil {
			return fmt.Errorf("the go command is neither on $PATH nor in GOROOT (%s): install Go (the README's \"Run it\")", goTool)
		}
	}
	// unsc is built by its import path, from its checkout (its module).
	gomod, err := exec.Command(goTool, "env", "GOMOD").Output()
	mod, _ := os.ReadFile(strings.TrimSpace(string(gomod)))
	first, _, _ := strings.Cut(string(mod), "\n")
	if err != nil || strings.Join(strings.Fields(first), " ") != "module unsc" {
		wd, _ := os.Getwd()
		return fmt.Errorf("%s is not in unsc's checkout: run the builder there (`go run ./cmd/build -o bin/unsc`)", wd)
	}
	work, err := os.MkdirTemp("", "unsc-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	env := os.Environ()
	if _, set := os.LookupEnv("CGO_ENABLED"); !set {
		env = append(env, "CGO_ENABLED=0")
	}
	ldflags := stripFlags(os.Getenv("GOFLAGS"))
	front, whole := filepath.Join(work, "front"), filepath.Join(work, "whole")
	for _, b := range []struct{ what, out string }{{"the whole program", whole}, {"the front", front}} {
		args := append([]string{"build", "-o", b.out}, ldflags...)
		if b.out == front {
			args = append(args, "-tags", "front")
		}
		cmd := exec.Command(goTool, append(args, "unsc/cmd/unsc")...)
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %s %q: %v", b.what, goTool, cmd.Args[1:], err)
		}
	}
	return write(out, front, whole)
}

// stripFlags returns the flags that build both executables without their
// symbol table and debugging information, none where goflags (GOFLAGS)
// sets the linker's flags itself: a -ldflags on the command line would
// replace the user's.
func stripFlags(goflags string) []string {
	for _, f := range strings.Fields(goflags) {
		if name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "="); name == "ldflags" {
			return nil
		}
	}
	return []string{"-ldflags=-s -w"}
}

// write writes the one file made of the executables front and whole to
// out: into a file of its own in out's folder, renamed onto out once
// complete, executable by everyone (0755).
func write(out, front, whole string) (err error) {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+".build-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	fr, err := os.Open(front)
	if err != nil {
		return err
	}
	defer fr.Close()
	wh, err := os.Open(whole)
	if err != nil {
		return err
	}
	defer wh.Close()
	if err := onefile.Write(f, fr, wh); err != nil {
		return fmt.Errorf("write %s: %w", f.Name(), err)
	}
	if err := f.Chmod(0o755); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, errors.Unwrap(err))
	}
	return nil
}
