package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"unsc"
	"unsc/analysis"
	"unsc/charter"
	"unsc/embedded"
	"unsc/internal/lazy"
	"unsc/sqlite/imagefile"
)

var helpCommand = command{
	name:    "help",
	args:    "[COMMAND]",
	summary: "Show the commands, or a command's usage and flags.",
	run:     runHelp,
}

func runHelp(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		printHelp(a.stdout)
		return nil
	}
	if len(args) > 1 {
		return &usageError{msg: "help: want one COMMAND"}
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" {
		name = "help"
	}
	c, ok := commandNamed(name)
	if !ok {
		return &usageError{msg: fmt.Sprintf("help: unknown command %q", name)}
	}
	// The command's flag set, as a run of it makes it.
	fs, err := flagSetOf(ctx, c)
	if err != nil {
		return err
	}
	a.fs = fs
	a.printUsage(a.stdout, c)
	return nil
}

// flagSetOf returns the flag set command c makes, by asking it for help
// with its output discarded: every command defines its flags and parses
// them before it does anything else.
func flagSetOf(ctx context.Context, c command) (*flag.FlagSet, error) {
	quiet := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, rawStdout: io.Discard, rawStderr: io.Discard}
	if c.name == "help" {
		return flag.NewFlagSet("help", flag.ContinueOnError), nil
	}
	err := c.run(ctx, quiet, []string{"-h"})
	if !errors.Is(err, flag.ErrHelp) || quiet.fs == nil {
		return nil, fmt.Errorf("%s: its flags cannot be listed (%v)", c.name, err)
	}
	return quiet.fs, nil
}

// --- version ----------------------------------------------------------------

var versionCommand = command{
	name:    "version",
	args:    "[--json]",
	summary: "Print unsc's version, the commit it was built from, and the record's date.",
	run:     runVersion,
}

// Version is what `unsc version --json` prints.
type Version struct {
	Version string `json:"version"`
	// Commit is the revision built, with its time and whether the tree had
	// local changes, where the build recorded them.
	Commit     string `json:"commit,omitempty"`
	CommitTime string `json:"commit_time,omitempty"`
	Modified   bool   `json:"modified,omitempty"`
	Go         string `json:"go"`
	Record     Record `json:"record"`
}

// Record says which record a command reads and how far it goes.
type Record struct {
	Path string `json:"path"`
	// Exists is false when there is no file at Path: then BuiltIn is set,
	// and the rest is about the record built into unsc, which the commands
	// read instead.
	Exists    bool `json:"exists"`
	BuiltIn   bool `json:"built_in,omitempty"`
	Decisions int  `json:"decisions"`
	// First and Last are the dates of its first and last decisions;
	// CompleteTo the last day to which it holds every decision (see
	// `unsc coverage`).
	First      string `json:"first,omitempty"`
	Last       string `json:"last,omitempty"`
	CompleteTo string `json:"complete_to,omitempty"`
	// Complete says in words, kind by kind, to which day it holds every
	// decision: no source lists every procedural vote.
	Complete string `json:"complete,omitempty"`
	// Error says why the record could not be read.
	Error string `json:"error,omitempty"`
}

func runVersion(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("version")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	v := buildVersion()
	v.Record = a.recordDate(ctx)
	if *asJSON {
		return printJSON(a.stdout, v)
	}
	fmt.Fprintf(a.stdout, "unsc %s\n", v.Version)
	switch {
	case v.Commit == "":
		fmt.Fprintln(a.stdout, "commit: not recorded in this build (built outside a git checkout, with -buildvcs=false, or by go test)")
	default:
		fmt.Fprintf(a.stdout, "commit: %s", v.Commit)
		if v.CommitTime != "" {
			fmt.Fprintf(a.stdout, " (%s)", v.CommitTime)
		}
		if v.Modified {
			fmt.Fprint(a.stdout, ", with local changes")
		}
		fmt.Fprintln(a.stdout)
	}
	fmt.Fprintf(a.stdout, "go: %s\n", v.Go)
	r := v.Record
	switch {
	case !r.Exists && r.BuiltIn && r.Error == "":
		fmt.Fprintf(a.stdout, "record: none at %s (`unsc import` or `unsc sync` makes one); the commands answer from the record built into unsc, %s from %s to %s: %s\n",
			r.Path, plural(r.Decisions, "decision", "decisions"), r.First, r.Last, r.Complete)
	case !r.Exists:
		fmt.Fprintf(a.stdout, "record: none at %s (`unsc import` or `unsc sync` makes one)\n", r.Path)
	case r.Error != "" && strings.HasPrefix(r.Error, r.Path):
		fmt.Fprintf(a.stdout, "record: %s\n", r.Error)
	case r.Error != "":
		fmt.Fprintf(a.stdout, "record: %s: %s\n", r.Path, r.Error)
	case r.Decisions == 0:
		fmt.Fprintf(a.stdout, "record: %s, empty\n", r.Path)
	default:
		fmt.Fprintf(a.stdout, "record: %s, %s from %s to %s", r.Path, plural(r.Decisions, "decision", "decisions"), r.First, r.Last)
		if r.Complete != "" {
			fmt.Fprintf(a.stdout, ": %s", r.Complete)
		}
		fmt.Fprintln(a.stdout)
	}
	return nil
}

// buildVersion reads the version and commit the Go toolchain recorded in
// the binary.
func buildVersion() Version {
	v := Version{Version: "(unknown)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.CommitTime = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// recordDate says which record the commands read and the dates it spans,
// without creating a record where there is none.
func (a *app) recordDate(ctx context.Context) Record {
	r := Record{Path: a.dbPath}
	if r.Path == "" {
		p, err := imagefile.DefaultRecordPath()
		if err != nil {
			r.Error = unsc.ErrorMessage(err)
			return r
		}
		r.Path = p
	}
	if _, err := os.Stat(r.Path); os.IsNotExist(err) {
		about, err := embedded.Describe()
		if err != nil {
			r.Error = unsc.ErrorMessage(err)
			return r
		}
		r.BuiltIn = true
		r.Decisions, r.First, r.Last, r.CompleteTo, r.Complete = about.Decisions, about.First, about.Last, about.CompleteTo, about.Complete
		return r
	}
	r.Exists = true
	st, err := a.openStore()
	if err != nil {
		r.Error = unsc.ErrorMessage(err)
		return r
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{OmitReports: true})
	if err != nil {
		r.Error = unsc.ErrorMessage(err)
		return r
	}
	r.Decisions = len(ds)
	if len(ds) > 0 {
		r.First = ds[0].Date.Format("2006-01-02")
		r.Last = ds[len(ds)-1].Date.Format("2006-01-02")
		c := analysis.New(ds).Coverage()
		r.CompleteTo, r.Complete = c.CompleteTo, c.Complete
	}
	return r
}

// --- completion -------------------------------------------------------------

var completionCommand = command{
	name:    "completion",
	args:    "bash|zsh|fish",
	summary: "Print a script that completes unsc's commands, flags and values in bash, zsh or fish.",
	run:     runCompletion,
}

// completionSetup says how to install each shell's script.
var completionSetup = lazy.Value[map[string]string]{Make: func() map[string]string {
	return map[string]string{
		"bash": "# bash: eval \"$(unsc completion bash)\" in ~/.bashrc, or save it as\n# ~/.local/share/bash-completion/completions/unsc",
		"zsh":  "# zsh: save as _unsc in a folder of $fpath (e.g. ~/.zfunc, with fpath+=~/.zfunc\n# before compinit in ~/.zshrc), or source <(unsc completion zsh)",
		"fish": "# fish: save as ~/.config/fish/completions/unsc.fish",
	}
}}

func runCompletion(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("completion")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || completionSetup.Get()[fs.Arg(0)] == "" {
		return &usageError{msg: "completion: want one shell: bash, zsh or fish"}
	}
	spec, err := completionSpec(ctx)
	if err != nil {
		return err
	}
	shell := fs.Arg(0)
	if shell == "zsh" {
		// compinit reads this tag on the first line of the file.
		fmt.Fprintln(a.stdout, "#compdef unsc")
	}
	fmt.Fprintln(a.stdout, completionSetup.Get()[shell])
	switch shell {
	case "bash":
		writeBash(a.stdout, spec)
	case "zsh":
		writeZsh(a.stdout, spec)
	case "fish":
		writeFish(a.stdout, spec)
	}
	return nil
}

// completed is one command as the completion scripts know it.
type completed struct {
	name, summary string
	flags         []completedFlag
	// args are the values of its arguments, if they are few and known.
	args []string
}

type completedFlag struct {
	name, usage string
	boolean     bool
	// values are the values the flag takes, where they are few and known;
	// file is true for a flag that takes a file's path.
	values []string
	file   bool
}

// flagValues lists the values of flags that take one of a few words.
var flagValues = lazy.Value[map[string][]string]{Make: func() map[string][]string {
	return map[string][]string{
		"by":       {"member", "year", "decade", "agenda", "topic", "region", "kind", "type"},
		"rule":     {"member-votes", "drafts", "exact", "abstain-neutral", "abstain-half"},
		"scope":    {"record", "un-list"},
		"outcome":  {"adopted", "failed", "vetoed"},
		"matter":   {"non-procedural", "procedural", "preliminary", "icj-election"},
		"position": {"yes", "no", "abstain", "not-participating", "absent"},
		"rules":    {"no-veto", "two-vetoes", "no-veto-on-atrocities", "eleven-member", "grant:", "deny:"},
		"calendar": {"un-headquarters", "weekends-only"},
	}
}}

// memberCodes lists the codes of every state that sat, and the seat
// SUN+RUS, for completing a member.
func memberCodes() []string {
	var out []string
	for _, m := range charter.Tenures() {
		if !slices.Contains(out, string(m.Code)) {
			out = append(out, string(m.Code))
		}
	}
	slices.Sort(out)
	return append(out, "SUN+RUS")
}

// fileFlags take a path.
var fileFlags = []string{"db", "file", "holidays", "keep"}

// completionSpec lists every command with its flags, from the flag sets
// the commands make, so that the scripts cannot fall behind them.
func completionSpec(ctx context.Context) ([]completed, error) {
	var out []completed
	for _, c := range commands {
		fs, err := flagSetOf(ctx, c)
		if err != nil {
			return nil, err
		}
		cc := completed{name: c.name, summary: c.summary}
		fs.VisitAll(func(f *flag.Flag) {
			_, usage := flag.UnquoteUsage(f)
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			cf := completedFlag{name: f.Name, usage: usage, boolean: ok && b.IsBoolFlag(), file: slices.Contains(fileFlags, f.Name)}
			if !cf.boolean {
				cf.values = flagValues.Get()[f.Name]
				if f.Name == "member" {
					cf.values = memberCodes()
				}
				if f.Name == "rule" && c.name == "agreement" {
					cf.values = cf.values[2:]
				} else if f.Name == "rule" {
					cf.values = cf.values[:2]
				}
			}
			cc.flags = append(cc.flags, cf)
		})
		switch c.name {
		case "help":
			for _, o := range commands {
				cc.args = append(cc.args, o.name)
			}
		case "completion":
			cc.args = []string{"bash", "fish", "zsh"}
		case "member":
			cc.args = memberCodes()
		}
		out = append(out, cc)
	}
	return out, nil
}

// shellWord quotes s for a shell's single quotes.
func shellWord(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func writeBash(w io.Writer, spec []completed) {
	fmt.Fprintln(w, "_unsc() {")
	fmt.Fprintln(w, `	local cur prev cmd i`)
	fmt.Fprintln(w, `	cur=${COMP_WORDS[COMP_CWORD]}`)
	fmt.Fprintln(w, `	prev=${COMP_WORDS[COMP_CWORD-1]}`)
	fmt.Fprintln(w, `	cmd=""`)
	fmt.Fprintln(w, `	for ((i = 1; i < COMP_CWORD; i++)); do`)
	fmt.Fprintln(w, `		case ${COMP_WORDS[i]} in`)
	fmt.Fprintln(w, `		--db|-db) ((i++)) ;;`)
	fmt.Fprintln(w, `		-*) ;;`)
	fmt.Fprintln(w, `		*) cmd=${COMP_WORDS[i]}; break ;;`)
	fmt.Fprintln(w, `		esac`)
	fmt.Fprintln(w, `	done`)
	fmt.Fprintln(w, `	case $prev in`)
	fmt.Fprintln(w, `	--db|-db|--file|-file|--holidays|-holidays|--keep|-keep) COMPREPLY=($(compgen -f -- "$cur")); return ;;`)
	valued := map[string][]string{}
	var names []string
	for _, c := range spec {
		for _, f := range c.flags {
			if len(f.values) > 0 && valued[f.name] == nil {
				valued[f.name] = f.values
				names = append(names, f.name)
			}
		}
	}
	for _, n := range names {
		// --rule takes other values in agreement: offer both sets.
		vals := valued[n]
		if n == "rule" {
			vals = flagValues.Get()["rule"]
		}
		fmt.Fprintf(w, "\t--%s|-%s) COMPREPLY=($(compgen -W %s -- \"$cur\")); return ;;\n", n, n, shellWord(strings.Join(vals, " ")))
	}
	fmt.Fprintln(w, `	esac`)
	fmt.Fprintln(w, `	case $cmd in`)
	var cmds []string
	for _, c := range spec {
		cmds = append(cmds, c.name)
		var words []string
		for _, f := range c.flags {
			words = append(words, "--"+f.name)
		}
		words = append(words, c.args...)
		fmt.Fprintf(w, "\t%s) COMPREPLY=($(compgen -W %s -- \"$cur\")) ;;\n", c.name, shellWord(strings.Join(append(words, "--db"), " ")))
	}
	fmt.Fprintf(w, "\t*) COMPREPLY=($(compgen -W %s -- \"$cur\")) ;;\n", shellWord(strings.Join(append(cmds, "--db"), " ")))
	fmt.Fprintln(w, `	esac`)
	fmt.Fprintln(w, "}")
	fmt.Fprintln(w, "complete -o default -F _unsc unsc")
}

// zshWord quotes s for zsh's _arguments specs: brackets and colons are
// special there.
func zshWord(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`, "'", `'\''`).Replace(s)
}

func writeZsh(w io.Writer, spec []completed) {
	fmt.Fprintln(w, "_unsc() {")
	fmt.Fprintln(w, "\tlocal line state")
	fmt.Fprintln(w, "\tlocal -a commands")
	fmt.Fprintln(w, "\tcommands=(")
	for _, c := range spec {
		fmt.Fprintf(w, "\t\t'%s:%s'\n", c.name, zshWord(c.summary))
	}
	fmt.Fprintln(w, "\t)")
	fmt.Fprintln(w, "\t_arguments -C \\")
	fmt.Fprintln(w, "\t\t'--db[the record'\\''s database]:path:_files' \\")
	fmt.Fprintln(w, "\t\t'1:command:->command' \\")
	fmt.Fprintln(w, "\t\t'*::arg:->args'")
	fmt.Fprintln(w, "\tcase $state in")
	fmt.Fprintln(w, "\tcommand) _describe command commands ;;")
	fmt.Fprintln(w, "\targs)")
	fmt.Fprintln(w, "\t\tcase $line[1] in")
	for _, c := range spec {
		fmt.Fprintf(w, "\t\t%s) _arguments \\\n", c.name)
		fmt.Fprintln(w, "\t\t\t'--db[the record'\\''s database]:path:_files' \\")
		for _, f := range c.flags {
			spec := "--" + f.name + "[" + zshWord(f.usage) + "]"
			switch {
			case f.boolean:
			case f.file:
				spec += ":" + f.name + ":_files"
			case len(f.values) > 0:
				spec += ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
			default:
				spec += ":" + f.name + ": "
			}
			fmt.Fprintf(w, "\t\t\t'%s' \\\n", spec)
		}
		if len(c.args) > 0 {
			fmt.Fprintf(w, "\t\t\t'*:arg:(%s)' ;;\n", strings.Join(c.args, " "))
		} else {
			fmt.Fprintln(w, "\t\t\t'*:arg:_files' ;;")
		}
	}
	fmt.Fprintln(w, "\t\tesac ;;")
	fmt.Fprintln(w, "\tesac")
	fmt.Fprintln(w, "}")
	fmt.Fprintln(w, `if [ "$funcstack[1]" = "_unsc" ]; then _unsc "$@"; else compdef _unsc unsc; fi`)
}

func writeFish(w io.Writer, spec []completed) {
	fmt.Fprintln(w, "complete -c unsc -f")
	fmt.Fprintln(w, "complete -c unsc -l db -r -F -d \"the record's database\"")
	var names []string
	for _, c := range spec {
		names = append(names, c.name)
	}
	none := "not __fish_seen_subcommand_from " + strings.Join(names, " ")
	for _, c := range spec {
		fmt.Fprintf(w, "complete -c unsc -n %s -a %s -d %s\n", shellWord(none), c.name, shellWord(c.summary))
	}
	for _, c := range spec {
		cond := shellWord("__fish_seen_subcommand_from " + c.name)
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c unsc -n %s -l %s", cond, f.name)
			switch {
			case f.boolean:
			case f.file:
				line += " -r -F"
			case len(f.values) > 0:
				line += " -x -a " + shellWord(strings.Join(f.values, " "))
			default:
				line += " -x"
			}
			fmt.Fprintf(w, "%s -d %s\n", line, shellWord(f.usage))
		}
		if len(c.args) > 0 {
			fmt.Fprintf(w, "complete -c unsc -n %s -a %s\n", cond, shellWord(strings.Join(c.args, " ")))
		}
	}
}
