#!/usr/bin/env bash
# Measures a fresh install's first answer: `unsc show "S/RES/2728 (2024)"`
# for a user with no record file (an empty HOME, no $UNSC_DB, no
# $XDG_DATA_HOME), answered from the record built into unsc (package
# embedded), beside the start of a static Go "hello" run alternately with it
# (bench/pair: medians of RUNS runs each, the same load on both). Goal: under
# 100 ms from exec to the answer.
#
# For comparison it times, the same way, the same question over a record
# file made by `unsc import` of the shared data, and `unsc help` (the
# program's start, no record read). Beside the wall times it prints each
# command's CPU time (user + system, the mean of RUNS runs in a row, from
# the shell's `times`), which a loaded machine does not inflate: on a
# machine with more runnable processes than cores the wall time of anything
# that needs more than a time slice grows with the load, the CPU time does
# not.
#
#   bench/firstrun.sh            # RUNS=20
#   RUNS=50 bench/firstrun.sh
#
# Say the machine's load beside the numbers: the script prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/unsc" ./cmd/unsc
go build -o "$work/pair" ./bench/pair
mkdir -p "$work/hello"
cat > "$work/hello/main.go" <<'GO'
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
GO
(cd "$work/hello" && printf 'module hello\ngo 1.26\n' > go.mod && CGO_ENABLED=0 go build -o "$work/hellobin" .)

# A fresh install: nothing in HOME, and nothing that names a record.
mkdir -p "$work/home"
unset UNSC_DB XDG_DATA_HOME UNSC_SESSIONS
export HOME="$work/home"

# The answer is the resolution, from the record built into unsc.
out=$("$work/unsc" show 'S/RES/2728 (2024)' 2>"$work/stderr")
grep -q '^S/RES/2728 (2024) — adopted' <<<"$out" || { echo "bench: unexpected answer: $out" >&2; exit 1; }
grep -q 'built into unsc' "$work/stderr" || { echo "bench: the answer did not come from the record built into unsc: $(cat "$work/stderr")" >&2; exit 1; }

# cpu CMD…: the mean CPU time (user + system) of one run of CMD, in ms.
cpu() {
  ( for _ in $(seq "$RUNS"); do "$@" >/dev/null 2>&1; done; times ) | tail -1 |
    awk -v n="$RUNS" '{ split($1, u, "m"); split($2, s, "m")
      printf "%.1f", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) / n * 1000 }'
}
hello_cpu=$(cpu "$work/hellobin")

pair() { # label, unsc command, the same as words
  local r
  # unsc says on standard error, each run, that it answers from the record
  # built into unsc: kept apart, and shown only if the run fails.
  if ! r=$("$work/pair" -runs "$RUNS" -a "$2" -b "$work/hellobin" 2>"$work/pair.err"); then
    cat "$work/pair.err" >&2
    exit 1
  fi
  read -r ms hello ratio mb hellomb <<<"$r"
  local label=$1 c
  shift 2
  c=$(cpu "$@")
  printf '%-52s %8s ms %8s ms %8sx %7s MB %8s ms %8s ms\n' "$label" "$ms" "$hello" "$ratio" "$mb" "$c" "$hello_cpu"
}

echo "bench/firstrun.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), $RUNS runs each"
echo
printf '%-52s %11s %11s %9s %10s %11s %11s\n' "command" "unsc wall" "hello wall" "ratio" "unsc RSS" "unsc CPU" "hello CPU"
pair "fresh install: show 'S/RES/2728 (2024)' (goal <100 ms)" "$work/unsc show 'S/RES/2728 (2024)'" "$work/unsc" show 'S/RES/2728 (2024)'
pair "unsc help (start only)" "$work/unsc help" "$work/unsc" help
[ -z "$(ls -A "$work/home")" ] || { echo "bench: reading made files in HOME: $(ls -AR "$work/home")" >&2; exit 1; }

"$work/unsc" --db "$work/unsc.db" import "$data" >/dev/null 2>&1
pair "record file (unsc import): show 'S/RES/2728 (2024)'" "$work/unsc --db $work/unsc.db show 'S/RES/2728 (2024)'" "$work/unsc" --db "$work/unsc.db" show 'S/RES/2728 (2024)'
echo
echo "CPU: user + system time of one run, the mean of $RUNS runs in a row; wall: medians of $RUNS runs alternated with the Go hello (bench/pair)."
