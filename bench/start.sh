#!/usr/bin/env bash
# The start of each CLI question and `show` beside the start of a static Go
# "hello", at today's size and at K times it, for this checkout and for
# another commit (BASE) side by side: bench/pair alternates each program
# with the "hello" (medians of RUNS paired runs; "cpu" the ratio of the
# medians of CPU time), for unsc as the README builds it (cmd/build: the
# front carrying the whole program in one file) and for the whole program
# alone (`go build ./cmd/unsc`, "whole"). A commit from before cmd/build
# gives its front (-tags front) with the whole program beside it as
# unsc-full, as it was built then. A narrower bench/ratios.sh: no sqlite3,
# no import or server timed.
#
#   BASE=main~4 bench/start.sh          # K=30 RUNS=100
#   BASE=HEAD K=0 bench/start.sh        # today's size only
set -euo pipefail
cd "$(dirname "$0")/.."
K=${K:-30}
RUNS=${RUNS:-100}
BASE=${BASE:-HEAD}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # source folder, output folder
  mkdir -p "$2/whole"
  (
    cd "$1"
    CGO_ENABLED=0 go build -o "$2/whole/unsc" ./cmd/unsc
    if [ -d cmd/build ]; then
      go run ./cmd/build -o "$2/unsc"
    else
      CGO_ENABLED=0 go build -tags front -o "$2/unsc" ./cmd/unsc
      cp "$2/whole/unsc" "$2/unsc-full"
    fi
  )
}
build . "$work/new"
mkdir -p "$work/src" && git archive "$BASE" | tar -x -C "$work/src"
build "$work/src" "$work/base"
go build -o "$work/pair" ./bench/pair
mkdir -p "$work/hello"
printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString("hello\\n") }\n' > "$work/hello/main.go"
(cd "$work/hello" && printf 'module hello\ngo 1.26\n' > go.mod && CGO_ENABLED=0 go build -o "$work/hellobin" .)
# Every program copied before it is timed (bench/ratios.sh says why).
for f in "$work"/new/unsc "$work"/new/whole/unsc "$work"/base/unsc "$work"/base/whole/unsc "$work/hellobin"; do
  cp "$f" "$f.copy" && mv "$f.copy" "$f"
done

echo "bench/start.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); new $(git rev-parse --short HEAD), base $(git rev-parse --short "$BASE")"
printf '%-34s %4s %-12s %8s %8s %7s %7s\n' question size program "unsc ms" "hello ms" ratio cpu
sizes=(1)
[ "$K" != 0 ] && sizes+=("$K")
for size in "${sizes[@]}"; do
  d=$data
  if [ "$size" != 1 ]; then
    d=$work/data$size
    go run ./bench/scale -k "$size" -out "$d" -data "$data"
  fi
  db=$work/u$size.db
  "$work/new/whole/unsc" --db "$db" import --no-built-in "$d" >/dev/null 2>&1
  res=$(( 2728 + (size - 1) * 10000 ))
  questions=(
    "show|show 'S/RES/$res (2024)'"
    "vetoes --by member|vetoes --by member --csv"
    "member USA|member --csv USA"
    "GBR abstained since 2000|decisions --member GBR --position A --from 2000-01-01 --limit 1000 --csv"
    "agreement since 2000|agreement --from 2000-01-01 --csv"
    "trends|trends --csv"
  )
  [ "$size" = 1 ] && questions+=("council, no record|council 2024-03-25")
  for q in "${questions[@]}"; do
    IFS='|' read -r name args <<<"$q"
    for prog in base/unsc new/unsc base/whole/unsc new/whole/unsc; do
      read -r u h r _ _ _ _ cr < <("$work/pair" -runs "$RUNS" -warmup 3 -a "$work/$prog --db $db $args" -b "$work/hellobin")
      printf '%-34s %4s %-12s %8s %8s %7s %7s\n' "$name" "${size}x" "$prog" "$u" "$h" "$r" "$cr"
    done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
