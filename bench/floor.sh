#!/usr/bin/env bash
# The floor of the whole program's start: what Go costs before `main` for
# the packages unsc links, whatever unsc does. Four programs beside the
# static Go "hello", each alternated with it (bench/pair, medians of RUNS
# paired runs; "cpu" the ratio of the medians of CPU time):
#
#   std    the "hello" with a blank import of every standard package unsc
#          links (their initialisation runs; what their initialisation
#          does not reach is not linked)
#   deps   the same with every package unsc links but its own (modernc's
#          SQLite and its libc, golang.org/x/net/html, ...): the floor of
#          any program that links them
#   whole  `unsc council 2024-03-25` (no record read), the whole program
#          (`go build ./cmd/unsc`)
#   unsc   the same from unsc as the README builds it (cmd/build: the
#          front carrying the whole program, which a question never runs)
#
# and the page faults of each (`perf stat`, when perf is installed).
#
#   bash bench/floor.sh              # RUNS=200
#
# Every program is copied before it is timed (bench/ratios.sh says why).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-200}
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

CGO_ENABLED=0 go build -o "$work/whole" ./cmd/unsc
go run ./cmd/build -o "$work/unsc"
go build -o "$work/pair" ./bench/pair

# hello PROGRAM PACKAGES…: a "hello" that blank-imports PACKAGES, built as a
# module with unsc's go.mod and go.sum, so that it links the same versions;
# with PACKAGES, with the runtime setting unsc's main package sets
# (cmd/unsc/main.go), so that only the packages differ.
hello() {
  local name=$1
  shift
  mkdir -p "$work/src/$name"
  sed -e 's/^module unsc$/module hello/' -e "s#=> \./#=> $repo/#" go.mod > "$work/src/$name/go.mod"
  cp go.sum "$work/src/$name/"
  {
    [ $# -gt 0 ] && echo '//go:debug updatemaxprocs=0'
    echo 'package main'
    echo 'import ('
    echo '	"os"'
    for p in "$@"; do [ "$p" != os ] && echo "	_ \"$p\""; done
    echo ')'
    echo 'func main() { os.Stdout.WriteString("hello\n") }'
  } > "$work/src/$name/main.go"
  (cd "$work/src/$name" && CGO_ENABLED=0 go build -o "$work/$name" .)
}
# The packages a program can import: not internal, vendored or unsc's own.
importable() { grep -v -E '(^|/)internal(/|$)|^vendor/|^unsafe$|^C$|^runtime/cgo$|^unsc(/|$)'; }
hello hello
mapfile -t std < <(CGO_ENABLED=0 go list -deps -f '{{if .Standard}}{{.ImportPath}}{{end}}' ./cmd/unsc | importable)
mapfile -t other < <(CGO_ENABLED=0 go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./cmd/unsc | importable)
hello std "${std[@]}"
hello deps "${std[@]}" "${other[@]}"
for f in hello std deps whole unsc; do
  cp "$work/$f" "$work/$f.copy" && mv "$work/$f.copy" "$work/$f"
done

echo "bench/floor.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), $(git rev-parse --short HEAD); ${#std[@]} standard packages, ${#other[@]} others"
printf '%-6s %9s %9s %7s %7s %12s\n' program "ms" "hello ms" ratio cpu "page faults"
for p in std deps whole unsc; do
  cmd="$work/$p"
  case $p in whole | unsc) cmd="$cmd council 2024-03-25" ;; esac
  read -r ms hms ratio _ _ _ _ cpu < <("$work/pair" -runs "$RUNS" -warmup 5 -a "$cmd" -b "$work/hello")
  faults=-
  if command -v perf >/dev/null; then
    faults=$(perf stat -x, -e page-faults -r 50 $cmd 2>&1 >/dev/null | cut -d, -f1)
  fi
  printf '%-6s %9s %9s %7s %7s %12s\n' "$p" "$ms" "$hms" "$ratio" "$cpu" "$faults"
done
if command -v perf >/dev/null; then
  echo "hello page faults: $(perf stat -x, -e page-faults -r 50 "$work/hello" 2>&1 >/dev/null | cut -d, -f1)"
fi
