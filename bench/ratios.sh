#!/usr/bin/env bash
# Prints every ratio of issue 9, each from paired runs (unsc and its baseline
# alternated in the same run, medians; bench/pair), at today's size and at K
# times it (bench/scale: the UN Digital Library file repeated K times, new
# symbols):
#
#   - each CLI question and `show`, beside the fair sqlite3 baseline (the same
#     question, period and columns over the raw files, with the indexes of
#     bench/baseline/load.sql; the SQL is in bench/baseline/) and beside the
#     start of a static Go "hello";
#   - `unsc import --no-built-in` beside sqlite3 loading the same sources in
#     one transaction with its indexes; import at K× over import at 1×; peak
#     memory. Both sides do the same work: --no-built-in makes the record of
#     the files given only, as sqlite3 loads them; a plain import of a new
#     record would also merge the 13,674 reports built into unsc, which the
#     sqlite3 load has no counterpart for. The questions below then ask both
#     sides about the same files;
#   - `unsc serve`: time to its first answer at K×, uncached answers per
#     second over /healthz's (wrk; the medians of API_ROUNDS rounds of
#     DURATION each, 3 and 3s unless set), its resident memory at 1×.
#
#   bench/ratios.sh                   # K=30 RUNS=10
#   K=10 RUNS=5 bench/ratios.sh
#   SCALED=0 bench/ratios.sh          # today's size only
#
# Each timed row gives the medians of wall time and their ratio, then
# ("cpu") the ratio of the medians of CPU time (user and system), which a
# machine busy with other work inflates far less than the wall time.
#
# Needs sqlite3, wrk and curl (apt-get install sqlite3 wrk curl). Loopback
# only; every server it starts it stops. Say the machine's load beside the
# numbers: the script prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
K=${K:-30}
RUNS=${RUNS:-10}
SCALED=${SCALED:-1}
DURATION=${DURATION:-3s}
API_ROUNDS=${API_ROUNDS:-3}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
for t in sqlite3 wrk curl; do
  command -v $t >/dev/null || { echo "bench: $t is needed (apt-get install $t)" >&2; exit 1; }
done

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# unsc as the README builds it: one file, the front carrying the whole
# program (cmd/build). Beside it, the whole program alone (`go build
# ./cmd/unsc`), whose questions are timed too ("whole program"): the
# questions' start without the front.
go run ./cmd/build -o "$work/unsc"
mkdir -p "$work/whole"
CGO_ENABLED=0 go build -o "$work/whole/unsc" ./cmd/unsc
go build -o "$work/pair" ./bench/pair
mkdir -p "$work/hello"
cat > "$work/hello/main.go" <<'GO'
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
GO
(cd "$work/hello" && printf 'module hello\ngo 1.26\n' > go.mod && CGO_ENABLED=0 go build -o "$work/hellobin" .)
# Every program timed is copied anew, side by side, before it is timed, so
# that all are read from the same state of the page cache, the state of a
# file written in one piece (as a program installed or copied is, or read
# back from the disk): the start of a program is mostly page faults, and a
# program as the linker leaves it in the cache (written through mmap) was
# measured slower than the same bytes copied, the more so the larger it
# is: CPU 1.18-1.20x for the whole program (`council`), 1.09-1.11x for
# the Go "hello" (A/A pairs, 300 runs, 2 cores, 1 December 2026).
for f in "$work/unsc" "$work/whole/unsc" "$work/hellobin"; do
  cp "$f" "$f.copy" && mv "$f.copy" "$f"
done

pair() { "$work/pair" "$@"; }
row() { # path, size, unsc ms, baseline ms, ratio, CPU-time ratio, goal
  printf '%-44s %4s %10s %10s %7s %7s   %s\n' "$@"
}

echo "bench/ratios.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
row "path" "size" "unsc ms" "base ms" "ratio" "cpu" "goal"

declare -A importms
sizes=(1)
[ "$SCALED" = 1 ] && sizes+=("$K")
for size in "${sizes[@]}"; do
  if [ "$size" = 1 ]; then
    d=$data
  else
    d=$work/data$size
    go run ./bench/scale -k "$size" -out "$d" -data "$data"
  fi
  sed "s#DATA#$d#g" bench/baseline/load.sql > "$work/load$size.sql"
  db=$work/u$size.db base=$work/b$size.db
  runs=$RUNS
  [ "$size" != 1 ] && runs=3
  read -r u b r mu mb _ _ cr < <(pair -runs "$runs" -warmup 0 \
    -before-a "rm -f $db $db-journal $db.image" -a "$work/unsc --db $db import --no-built-in $d" \
    -before-b "rm -f $base" -b "sqlite3 $base '.read $work/load$size.sql'")
  importms[$size]=$u
  row "import (sqlite3 load of the same sources)" "${size}x" "$u" "$b" "$r" "$cr" "<= 1.0"
  if [ "$size" = 1 ]; then
    # The handover's cost: import through the one file (the front hands
    # it to the whole program it carries) over the whole program's own.
    read -r u b r _ _ _ _ cr < <(pair -runs "$runs" -warmup 0 \
      -before-a "rm -f $db $db-journal $db.image" -a "$work/unsc --db $db import --no-built-in $d" \
      -before-b "rm -f $db $db-journal $db.image" -b "$work/whole/unsc --db $db import --no-built-in $d")
    row "import (the whole program alone)" "${size}x" "$u" "$b" "$r" "$cr" ""
  fi
  row "import peak memory, MB" "${size}x" "$mu" "$mb" "" "" "< 300"

  # The symbols of the last copy of the UN Digital Library's record.
  shift=$(( (size - 1) * 10000 ))
  res=$(( 2728 + shift ))
  sed "s#NUM#$res#g" bench/baseline/show.sql > "$work/show$size.sql"
  questions=(
    "show|show 'S/RES/$res (2024)'|$work/show$size.sql"
    "vetoes --by member|vetoes --by member --csv|bench/baseline/vetoes-by-member.sql"
    "member USA|member --csv USA|bench/baseline/member.sql"
    "decisions GBR abstained since 2000|decisions --member GBR --position A --from 2000-01-01 --limit 1000 --csv|bench/baseline/abstained.sql"
    "agreement since 2000|agreement --from 2000-01-01 --csv|bench/baseline/agreement.sql"
    "trends|trends --csv|bench/baseline/trends.sql"
  )
  for q in "${questions[@]}"; do
    IFS='|' read -r name args sql <<<"$q"
    for prog in unsc whole/unsc; do
      tag=; [ "$prog" = whole/unsc ] && tag=", whole program"
      read -r u b r _ _ _ _ cr < <(pair -runs "$RUNS" -warmup 2 -a "$work/$prog --db $db $args" -b "sqlite3 $base '.read $sql'")
      row "$name (sqlite3$tag)" "${size}x" "$u" "$b" "$r" "$cr" "<= 1.0"
      read -r u b r _ _ _ _ cr < <(pair -runs "$RUNS" -warmup 2 -a "$work/$prog --db $db $args" -b "$work/hellobin")
      row "$name (Go hello$tag)" "${size}x" "$u" "$b" "$r" "$cr" "<= 1.5"
    done
  done
  if [ "$size" = 1 ]; then
    for prog in unsc whole/unsc; do
      tag=; [ "$prog" = whole/unsc ] && tag=", whole program"
      read -r u b r _ _ _ _ cr < <(pair -runs "$RUNS" -warmup 2 -a "$work/$prog council 2024-03-25" -b "$work/hellobin")
      row "council, no record (Go hello$tag)" "" "$u" "$b" "$r" "$cr" "<= 1.5"
    done
  fi
done
if [ "$SCALED" = 1 ]; then
  row "import ${K}x / import 1x" "" "${importms[$K]}" "${importms[1]}" \
    "$(awk -v a="${importms[$K]}" -v b="${importms[1]}" 'BEGIN {printf "%.1f", a / b}')" "" "<= $(( K * 35 / 30 ))"
fi

# serve: start to the first answer, at each size.
start_serve() { # db
  "$work/unsc" --db "$1" serve --addr 127.0.0.1:0 2>"$work/serve.log" &
  pid=$!
  # Up to ten minutes: a slow start is a number to print, not a failure.
  for _ in $(seq 120000); do
    grep -q '^listening on ' "$work/serve.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  base=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
  case "$base" in http://127.0.0.1:*) ;; *) echo "bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1 ;; esac
}
stop_serve() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }
for size in "${sizes[@]}"; do
  t0=$(date +%s%N)
  start_serve "$work/u$size.db"
  curl -sf -o /dev/null "$base/api/v1/trends"
  t1=$(date +%s%N)
  row "serve: start to first answer" "${size}x" "$(( (t1 - t0) / 1000000 ))" "" "" "" "< 1000 at ${K}x"
  stop_serve
done

# serve: uncached answers (a new period each request, bench/uncached.lua)
# beside /healthz, measured just before each answer. Both are asked
# through bench/uncached.lua, /healthz with its constant path, so that wrk
# does the same work per request on both sides (see the script).
start_serve "$work/u1.db"
rps() { # path (with %s for a date, or none: /healthz)
  sed "s#PATH#\"${1//&/\\&}\"#" bench/uncached.lua > "$work/u.lua"
  local out
  out=$(timeout 120 wrk -t2 -c16 -d"$DURATION" -s "$work/u.lua" "$base${1//%s/1990-01-01}")
  if grep -q 'Non-2xx' <<<"$out"; then echo "bench: $1 answered errors:" >&2; echo "$out" >&2; exit 1; fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
# Each answer in API_ROUNDS rounds of /healthz then the answer; the row
# gives the medians of the rounds' requests a second and of their ratios
# (one round of a few seconds moves by a tenth either way on 2 cores).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mapfile -t paths < bench/uncached.paths # each with a period's from and to as %s
for p in "${paths[@]}"; do
  hs=() vs=() rs=()
  for _ in $(seq "$API_ROUNDS"); do
    h=$(rps /healthz)
    v=$(rps "$p")
    hs+=("$h") vs+=("$v") rs+=("$(awk -v a="$v" -v b="$h" 'BEGIN {printf "%.4f", a / b}')")
  done
  row "serve: uncached ${p%%\?*} / /healthz" "1x" "$(median "${vs[@]}")" "$(median "${hs[@]}")" "$(awk -v r="$(median "${rs[@]}")" 'BEGIN {printf "%.2f", r}')" "" ">= 0.5 (requests/s, median of $API_ROUNDS rounds)"
done
rss=$(awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
row "serve: peak resident memory, MB" "1x" "$rss" "" "" "" "< 150"
stop_serve
