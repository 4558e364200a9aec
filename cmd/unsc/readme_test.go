package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADMEExamples runs every example README.md shows as a command line
// with its output ("$ unsc …" or "$ bin/unsc …" in a fenced block), before
// its Performance section, and checks that unsc prints what the README
// shows: each line shown is a whole line of the output (trailing spaces
// aside), in order, the lines shown together printed together; a line "…"
// stands for lines left out, and a block that does not end with one shows
// the output to its end. Standard error comes before standard output.
//
// A `bin/unsc` example answers from a record imported from ../shared/data,
// which is the record built into unsc (TestFreshInstall): it is run on a
// fresh install, the notice that it answers from the built-in record left
// out. The example of a fresh install (`unsc`) keeps the notice, its path as
// the README writes it (a HOME of /home/me).
//
// A ballot piped to unsc (a block `echo '…' \ | bin/unsc decide`) is an
// example too when the block that follows it at once is its output.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples, err := readmeExamples(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	// The five of the README as this test was written: the parser must not
	// lose them (a test that checks nothing passes).
	if len(examples) < 5 {
		t.Fatalf("found %d examples in README.md, want at least 5: %+v", len(examples), examples)
	}
	f := freshInstall{t: t, home: t.TempDir()}
	for _, ex := range examples {
		t.Run(strings.Join(ex.args, " "), func(t *testing.T) {
			_, out, errOut := freshInstall{t: t, home: f.home}.runInput(ex.stdin, ex.args...)
			errOut = strings.ReplaceAll(errOut, f.home, "/home/me")
			var got []string
			for _, l := range outputLines(errOut) {
				if !ex.freshInstall && strings.Contains(l, "answering from the record built into unsc") {
					continue
				}
				got = append(got, l)
			}
			got = append(got, outputLines(out)...)
			if msg := matchShown(ex.shown, got); msg != "" {
				t.Errorf("README.md line %d: `%s` %s; unsc prints:\n%s", ex.line, ex.command, msg, strings.Join(got, "\n"))
			}
		})
	}
}

// readmeExample is a command line the README shows and the lines it shows
// it printing.
type readmeExample struct {
	line         int // of the command line
	command      string
	args         []string // after the program's name
	freshInstall bool     // `unsc`, not `bin/unsc`: the record built into unsc
	stdin        string
	shown        []string
}

// piped is a block of the README that pipes a ballot to unsc.
var piped = regexp.MustCompile(`(?s)^echo '([^']*)' \\\n\s*\| (.*)$`)

// readmeExamples returns the examples of the README's text before its
// Performance section.
func readmeExamples(readme string) ([]readmeExample, error) {
	if i := strings.Index(readme, "\n## Performance\n"); i >= 0 {
		readme = readme[:i]
	}
	var examples []readmeExample
	var cur, pipe *readmeExample
	var block []string
	inBlock, closed := false, -1
	for i, l := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(l, "```"):
			if inBlock && cur != nil {
				examples = append(examples, *cur)
			}
			if !inBlock && pipe != nil && closed == i-1 {
				// The output of the ballot piped in the block just closed.
				cur = pipe
			} else {
				cur = nil
			}
			pipe = nil
			if inBlock && cur == nil {
				closed = i
				if m := piped.FindStringSubmatch(strings.Join(block, "\n")); m != nil {
					words, err := shellWords(m[2])
					if err != nil || len(words) == 0 || words[0] != "bin/unsc" {
						return nil, fmt.Errorf("README.md line %d: %q: want a ballot piped to bin/unsc", i, m[2])
					}
					pipe = &readmeExample{line: i, command: m[2], args: words[1:], stdin: m[1]}
				}
			}
			inBlock, block = !inBlock, nil
		case inBlock && cur == nil && !strings.HasPrefix(l, "$ "):
			block = append(block, l)
		case inBlock && cur == nil && strings.HasPrefix(l, "$ "):
			command := strings.TrimPrefix(l, "$ ")
			words, err := shellWords(command)
			if err != nil {
				return nil, fmt.Errorf("README.md line %d: %v", i+1, err)
			}
			if len(words) == 0 || (words[0] != "unsc" && words[0] != "bin/unsc") {
				return nil, fmt.Errorf("README.md line %d: %q: want an example of unsc or bin/unsc", i+1, command)
			}
			cur = &readmeExample{line: i + 1, command: command, args: words[1:], freshInstall: words[0] == "unsc"}
		case inBlock && cur != nil:
			cur.shown = append(cur.shown, l)
		}
	}
	return examples, nil
}

// shellWords splits a command line as a POSIX shell does words: by spaces,
// with single and double quotes (no escapes, no expansions: the README's
// examples need none).
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	quote := rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%q: unterminated quote", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// outputLines splits output into lines, without their trailing spaces.
func outputLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// matchShown says how got differs from the lines shown, "" where it prints
// them: shown's runs of lines between lines "…" are runs of got, in order,
// the first at got's start unless shown starts with "…", the last at its
// end unless shown ends with one.
func matchShown(shown, got []string) string {
	var runs [][]string
	run := []string{}
	for _, l := range shown {
		if strings.TrimSpace(l) == "…" {
			runs = append(runs, run)
			run = []string{}
			continue
		}
		run = append(run, strings.TrimRight(l, " "))
	}
	runs = append(runs, run)
	at := 0
	for i, r := range runs {
		if len(r) == 0 {
			continue
		}
		first, last := i == 0, i == len(runs)-1
		found := -1
		for j := at; j+len(r) <= len(got); j++ {
			if first && j > 0 {
				break
			}
			if last && j+len(r) != len(got) {
				continue
			}
			if slices.Equal(got[j:j+len(r)], r) {
				found = j
				break
			}
		}
		if found < 0 {
			switch {
			case first:
				return fmt.Sprintf("does not print first %q", r)
			case last:
				return fmt.Sprintf("does not print last %q", r)
			}
			return fmt.Sprintf("does not print, after the lines shown before them, %q", r)
		}
		at = found + len(r)
	}
	return ""
}
