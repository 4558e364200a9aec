#!/usr/bin/env bash
# Measures the questions of issue 4 as whole-process CLI answers, beside the
# sqlite3 CLI answering the same question over the raw CSVs imported into
# tables (the SQL is in bench/questions/). The sqlite3 side answers from the
# raw files only; unsc answers from the reconciled record of every source.
#
#   bench/questions.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

go build -o "$work/unsc" ./cmd/unsc
"$work/unsc" --db "$work/unsc.db" import "$data" >/dev/null
sqlite3 "$work/raw.db" <<SQL
.mode csv
.import $data/undl-sc-votes-crawled/sc_voting_crawled_undl_layout.csv undl
.import $data/sc-votes-incl-failed-1994-2025/sc_voting.csv sheet
.import $data/dppa-sc-membership/DPPA-SCMembership.csv dppa
SQL

u="$work/unsc --db $work/unsc.db"
pair() { # name, unsc args, sql file
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/$1.json" \
    -n "sqlite3: $1" "sqlite3 $work/raw.db '.read bench/questions/$3'" \
    -n "unsc: $1" "$u $2" >/dev/null
  python3 - "$work/$1.json" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
s, u = r[0]["mean"] * 1000, r[1]["mean"] * 1000
print(f"{sys.argv[2]:<18} sqlite3 {s:7.1f} ms   unsc {u:7.1f} ms   unsc/sqlite3 {u / s:5.2f}")
PY
}
pair vetoes-by-member "vetoes --by member --csv" vetoes-by-member.sql
pair agreement "agreement --from 2000-01-01 --csv" agreement.sql
pair trends "trends --csv" trends.sql
pair abstained "decisions --member GBR --position A --from 2000-01-01 --limit 1000 --csv" abstained.sql
pair member "member --csv USA" member.sql
