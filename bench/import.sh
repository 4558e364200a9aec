#!/usr/bin/env bash
# Measures `unsc import` of the whole shared data folder, from an empty
# record, beside the sqlite3 CLI importing the same raw CSVs with .import (no
# parsing of HTML, no reconciliation), and `unsc check` on the full record.
# Both run as whole processes, side by side, with hyperfine when it is
# installed (apt-get install hyperfine) and a plain loop otherwise.
#
#   bench/import.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/unsc" ./cmd/unsc
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }

undl="$data/undl-sc-votes-crawled/sc_voting_crawled_undl_layout.csv"
sheet="$data/sc-votes-incl-failed-1994-2025/sc_voting.csv"
dppa="$data/dppa-sc-membership/DPPA-SCMembership.csv"
cat > "$work/import.sql" <<SQL
.mode csv
.import $undl undl
.import $sheet sheet
.import $dppa dppa
SQL

baseline="rm -f $work/base.db && sqlite3 $work/base.db < $work/import.sql"
unsc="rm -f $work/unsc.db* && $work/unsc --db $work/unsc.db import $data"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" -N \
    -n "sqlite3 .import (3 raw CSVs)" "bash -c '$baseline'" \
    -n "unsc import (all sources, reconciled)" "bash -c '$unsc'" \
    --export-json "$work/import.json"
  if command -v jq >/dev/null; then
    jq -r '.results | "\nunsc import / sqlite3 .import: \(.[1].mean / .[0].mean * 100 | round / 100)x (\(.[1].mean * 1000 | round) ms / \(.[0].mean * 1000 | round) ms; goal: 1x or less)"' "$work/import.json"
  fi
else
  for name in baseline unsc; do
    cmd=${!name}
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do bash -c "$cmd" >/dev/null; done
    end=$(date +%s%N)
    echo "$name: $(( (end - start) / runs / 1000000 )) ms per run"
  done
fi

echo
echo "Peak memory of one import (maximum resident set size):"
bash -c "rm -f $work/unsc.db*"
/usr/bin/time -f "  unsc import: %M KB, %e s" "$work/unsc" --db "$work/unsc.db" import "$data" >/dev/null
/usr/bin/time -f "  sqlite3 .import: %M KB, %e s" bash -c "$baseline"

echo
echo "unsc check on the full record:"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" -N -i "$work/unsc --db $work/unsc.db check" --export-json "$work/check.json"
  if command -v jq >/dev/null; then
    jq -r '.results[0] | "unsc check: \(.mean * 1000 | round) ms (goal: under 100 ms)"' "$work/check.json"
  fi
else
  /usr/bin/time -f "  unsc check: %e s, %M KB" "$work/unsc" --db "$work/unsc.db" check | tail -1
fi
"$work/unsc" --db "$work/unsc.db" check | tail -1 || true
