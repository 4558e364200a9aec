// The one function of github.com/dustin/go-humanize that modernc.org/libc
// calls (Comma, in its performance counters, which unsc never uses), in
// place of the package: its init (regular expressions, maps and big
// numbers built at every start) was part of every command's start
// (go.mod's replace; PERFORMANCE.md, "The start, ninth pass").
module github.com/dustin/go-humanize

go 1.26
