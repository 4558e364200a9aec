// Command pair times two commands side by side: it runs them alternately
// (a, b, a, b, …) so that both see the same load on the machine, and prints
// one line: the median wall time of each in milliseconds, the ratio a/b, the
// peak resident memory of each in MB, then the median CPU time (user and
// system) of each in milliseconds and their ratio, which a busy machine
// inflates far less than the wall time.
//
//	pair [-runs N] [-warmup W] [-before-a CMD] [-before-b CMD] -a CMD -b CMD
//
// Commands are split on spaces; single quotes group words ('S/RES/2728
// (2024)'). A command's standard output is discarded; its failure stops the
// run. -before-a and -before-b run, untimed, before each run of a or b
// (removing a database a load creates, say).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 10, "timed runs of each command")
	warmup := flag.Int("warmup", 2, "untimed runs of each command first")
	a := flag.String("a", "", "the first command (unsc)")
	b := flag.String("b", "", "the second command (the baseline)")
	beforeA := flag.String("before-a", "", "a command run untimed before each run of a")
	beforeB := flag.String("before-b", "", "a command run untimed before each run of b")
	flag.Parse()
	if *a == "" || *b == "" {
		fmt.Fprintln(os.Stderr, "usage: pair [-runs N] [-warmup W] [-before-a CMD] [-before-b CMD] -a CMD -b CMD")
		os.Exit(2)
	}
	var ta, tb, ca, cb []float64
	var ma, mb int64
	for i := range *warmup + *runs {
		for _, c := range []struct {
			cmd, before string
			times, cpu  *[]float64
			rss         *int64
		}{{*a, *beforeA, &ta, &ca, &ma}, {*b, *beforeB, &tb, &cb, &mb}} {
			if c.before != "" {
				if _, _, _, err := run(c.before); err != nil {
					fail(c.before, err)
				}
			}
			d, cpu, rss, err := run(c.cmd)
			if err != nil {
				fail(c.cmd, err)
			}
			if i >= *warmup {
				*c.times = append(*c.times, d)
				*c.cpu = append(*c.cpu, cpu)
				*c.rss = max(*c.rss, rss)
			}
		}
	}
	fmt.Printf("%.2f %.2f %.3f %.1f %.1f %.2f %.2f %.3f\n", median(ta), median(tb), median(ta)/median(tb), float64(ma)/1024, float64(mb)/1024,
		median(ca), median(cb), median(ca)/median(cb))
}

func fail(cmd string, err error) {
	fmt.Fprintf(os.Stderr, "pair: %s: %v\n", cmd, err)
	os.Exit(1)
}

// run runs a command and returns its wall time and CPU time in milliseconds
// and its peak resident memory in KB.
func run(line string) (float64, float64, int64, error) {
	args := split(line)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, 0, err
	}
	d := time.Since(start)
	var rss int64
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = u.Maxrss
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return float64(d.Microseconds()) / 1000, float64(cpu.Microseconds()) / 1000, rss, nil
}

// split splits a command line on spaces, with single quotes grouping.
func split(s string) []string {
	var args []string
	var cur strings.Builder
	quoted, in := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, cur.String())
	}
	return args
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
