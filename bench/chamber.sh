#!/usr/bin/env bash
# Measures the live sessions of `unsc serve` (issue 11): builds unsc and the
# generator (bench/chamber), imports the shared data into a temporary record
# (or uses $UNSC_BENCH_DB), starts the server on 127.0.0.1 with its
# sessions' database in a temporary folder, and runs
#
#   votes  durably acknowledged votes per second, beside the disk's fsync
#          rate and SQLite's one-commit-a-vote rate measured in the same run
#          and the same folder (goal: at least the fsync rate);
#   sse    SESSIONS sessions x (15 delegations + SPECTATORS spectators) live
#          streams, a ballot every EVERY (10 s) in each session, the delay from
#          each vote's acknowledgement to its event on every stream
#          (goal: p99 under 100 ms).
#
#   bench/chamber.sh                 # both, 500 sessions for sse
#   bench/chamber.sh votes
#   SESSIONS=800 bench/chamber.sh sse
#
# Raises the open-files limit (each stream is a socket at each end).
# Loopback only; it installs nothing. Exits 1 if a goal is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
sessions=${SESSIONS:-500}
spectators=${SPECTATORS:-20}
every=${EVERY:-10s}
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)"

work=$(mktemp -d "${TMPDIR:-/tmp}/unsc-chamber-bench.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/unsc" ./cmd/unsc
go build -o "$work/chamber" ./bench/chamber
db=${UNSC_BENCH_DB:-}
if [ -z "$db" ]; then
  db=$work/unsc.db
  "$work/unsc" --db "$db" import "$data" >/dev/null 2>&1
fi
admin=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')

serve() {
  rm -f "$work"/sessions.db*
  UNSC_ADMIN_TOKEN=$admin "$work/unsc" --db "$db" serve --addr 127.0.0.1:0 --sessions "$work/sessions.db" 2>"$work/serve.log" &
  pid=$!
  for _ in $(seq 600); do
    grep -q '^listening on ' "$work/serve.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  base=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
  [ -n "$base" ] || { echo "bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
}
stop() {
  awk '/^VmHWM/ {printf "server peak RSS: %.0f MB\n", $2 / 1024}' "/proc/$pid/status"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

status=0
if [ "$what" = all ] || [ "$what" = votes ]; then
  echo "== votes"
  serve
  "$work/chamber" -mode votes -base "$base" -admin "$admin" -dir "$work" -sessions "${VOTE_SESSIONS:-40}" -d "${DURATION:-10s}" || status=1
  stop
fi
if [ "$what" = all ] || [ "$what" = sse ]; then
  echo "== sse"
  serve
  rss0=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  "$work/chamber" -mode sse -base "$base" -admin "$admin" -sessions "$sessions" -spectators "$spectators" -every "$every" -d "${DURATION:-20s}" -sources "${SOURCES:-2}" -rss-pid "$pid" || status=1
  stop
fi
exit "$status"
