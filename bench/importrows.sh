#!/usr/bin/env bash
# The import rows of bench/ratios.sh alone, for iterating on import: `unsc
# import --no-built-in` beside sqlite3 loading the same sources in one
# transaction with its indexes (bench/baseline/load.sql), paired runs
# alternated (bench/pair, medians), at today's size and at K times it
# (bench/scale), with the peak resident memory of each and import at K×
# over import at 1×, and at 1× import by unsc as the README builds it (the
# one file of cmd/build, whose front hands import to the whole program it
# carries) over the whole program's own (`go build ./cmd/unsc`): the
# handover's cost. With BEFORE=REV it also pairs unsc built at REV with
# unsc built from the working tree (before / after) at each size.
#
#   bench/importrows.sh                 # K=30 RUNS=3
#   K=10 RUNS=5 BEFORE=main bench/importrows.sh
#   SCALED_DIR=/tmp/s30 bench/importrows.sh   # reuse a scaled folder made by bench/scale
set -euo pipefail
cd "$(dirname "$0")/.."
K=${K:-30}
RUNS=${RUNS:-3}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./cmd/build -o "$work/unsc"
CGO_ENABLED=0 go build -o "$work/whole" ./cmd/unsc
go build -o "$work/pair" ./bench/pair
for f in "$work/unsc" "$work/whole"; do
  cp "$f" "$f.copy" && mv "$f.copy" "$f"
done
if [ -n "${BEFORE:-}" ]; then
  git worktree add -q --detach "$work/before" "$BEFORE"
  (cd "$work/before" && if [ -d cmd/build ]; then go run ./cmd/build -o "$work/unsc-before"; else CGO_ENABLED=0 go build -o "$work/unsc-before" ./cmd/unsc; fi)
  git worktree remove --force "$work/before"
fi
scaled=${SCALED_DIR:-$work/data$K}
[ -d "$scaled" ] || go run ./bench/scale -k "$K" -out "$scaled" -data "$data"

row() { printf '%-34s %4s %10s %10s %7s %9s %9s %7s\n' "$@"; }
echo "bench/importrows.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
row "pair" "size" "a ms" "b ms" "ratio" "a MB" "b MB" "cpu"
declare -A ms
for size in 1 "$K"; do
  d=$data
  [ "$size" != 1 ] && d=$scaled
  sed "s#DATA#$d#g" bench/baseline/load.sql > "$work/load.sql"
  db=$work/u.db base=$work/b.db
  read -r u b r mu mb _ _ cr < <("$work/pair" -runs "$RUNS" -warmup 0 \
    -before-a "rm -f $db $db-journal $db.image" -a "$work/unsc --db $db import --no-built-in $d" \
    -before-b "rm -f $base" -b "sqlite3 $base '.read $work/load.sql'")
  ms[$size]=$u
  row "import / sqlite3 load" "${size}x" "$u" "$b" "$r" "$mu" "$mb" "$cr"
  if [ "$size" = 1 ]; then
    read -r u b r mu mb _ _ cr < <("$work/pair" -runs "$RUNS" -warmup 0 \
      -before-a "rm -f $db $db-journal $db.image" -a "$work/unsc --db $db import --no-built-in $d" \
      -before-b "rm -f $db $db-journal $db.image" -b "$work/whole --db $db import --no-built-in $d")
    row "import / the whole program's" "${size}x" "$u" "$b" "$r" "$mu" "$mb" "$cr"
  fi
  if [ -n "${BEFORE:-}" ]; then
    read -r u b r mu mb _ _ cr < <("$work/pair" -runs "$RUNS" -warmup 0 \
      -before-a "rm -f $db $db-journal $db.image" -a "$work/unsc --db $db import --no-built-in $d" \
      -before-b "rm -f $base $base-journal $base.image" -b "$work/unsc-before --db $base import --no-built-in $d")
    row "import / import at $BEFORE" "${size}x" "$u" "$b" "$r" "$mu" "$mb" "$cr"
  fi
done
row "import ${K}x / import 1x" "" "${ms[$K]}" "${ms[1]}" \
  "$(awk -v a="${ms[$K]}" -v b="${ms[1]}" 'BEGIN {printf "%.1f", a / b}')" "" "" ""
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
