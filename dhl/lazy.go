package dhl

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use, so that programs
// that link the importers but run no import (every question of the CLI) do
// not compile them at start.
type lazyRE struct {
	expr string
	once sync.Once
	rx   *regexp.Regexp
}

// lazyRegexp returns expr, to be compiled on first use: a value the
// program lays out as it is, with no code run at start.
func lazyRegexp(expr string) *lazyRE { return &lazyRE{expr: expr} }

// re returns the expression, compiled.
func (l *lazyRE) re() *regexp.Regexp {
	l.once.Do(func() { l.rx = regexp.MustCompile(l.expr) })
	return l.rx
}

func (l *lazyRE) FindAllString(s string, n int) []string { return l.re().FindAllString(s, n) }
func (l *lazyRE) FindAllStringSubmatch(s string, n int) [][]string {
	return l.re().FindAllStringSubmatch(s, n)
}
func (l *lazyRE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.re().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRE) FindString(s string) string             { return l.re().FindString(s) }
func (l *lazyRE) FindStringIndex(s string) []int         { return l.re().FindStringIndex(s) }
func (l *lazyRE) FindStringSubmatch(s string) []string   { return l.re().FindStringSubmatch(s) }
func (l *lazyRE) Match(b []byte) bool                    { return l.re().Match(b) }
func (l *lazyRE) MatchString(s string) bool              { return l.re().MatchString(s) }
func (l *lazyRE) ReplaceAllString(s, repl string) string { return l.re().ReplaceAllString(s, repl) }
func (l *lazyRE) Split(s string, n int) []string         { return l.re().Split(s, n) }
func (l *lazyRE) FindStringSubmatchIndex(s string) []int { return l.re().FindStringSubmatchIndex(s) }
