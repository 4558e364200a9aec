#!/usr/bin/env bash
# Measures the web pages (issue 10): the server's time to build each kind
# of page, p50 and p99, on the full record and on a record 30 times its
# size (bench/scale), and each page's weight, compressed, with everything
# it loads. Goals: p99 under 20 ms on the full record and under 50 ms at
# 30×; every page under 200 KB compressed.
#
#   bench/pages.sh            # both records
#   K=0 bench/pages.sh        # the full record only
#   N=1000 bench/pages.sh     # requests per kind of page (default 400)
#
# The times are taken in process (bench/pages): wall time, and the CPU
# time of the thread serving the request, which is the server's work
# whatever else the machine runs; each kind is paired with /healthz
# requests interleaved with it (p99/hz). The load average is printed
# before and after. Loopback only; it installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
k=${K:-30}
n=${N:-400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/unsc" ./cmd/unsc
go build -o "$work/pages" ./bench/pages
echo "== the full record"
"$work/unsc" --db "$work/full.db" import "$data" >/dev/null 2>&1
"$work/pages" -db "$work/full.db" -n "$n"
if [ "$k" -gt 1 ]; then
  echo
  echo "== the record ${k}×"
  go run ./bench/scale -k "$k" -out "$work/scaled" -data "$data" >/dev/null
  "$work/unsc" --db "$work/scaled.db" import "$work/scaled" >/dev/null 2>&1
  "$work/pages" -db "$work/scaled.db" -n "$n"
fi
