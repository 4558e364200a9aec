#!/usr/bin/env bash
# Puts `unsc serve` under load (issue 8 §8): builds unsc and the load
# generator (bench/load), imports the shared data into a temporary record,
# starts the server on 127.0.0.1 and runs 1,000 connections asking for the
# largest answers, each request's query varied so that none is cached, for
# 30 s, probing /healthz during the load and 10 s after it. Prints each
# goal with its number: server RSS under 300 MB, /healthz p99 under 100 ms
# during and after, no request slower than its timeout (30 s, the server's
# write timeout). Exits 1 if a goal is missed.
#
#   bench/load.sh
#   CONNS=200 DURATION=10s bench/load.sh
#   RETRY_AFTER=false bench/load.sh   # clients that ignore Retry-After
#
# Loopback only; it installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${CONNS:-1000}
duration=${DURATION:-30s}
after=${AFTER:-10s}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
ulimit -n "$(( conns * 4 + 1024 ))" 2>/dev/null || true

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/unsc" ./cmd/unsc
go build -o "$work/load" ./bench/load
"$work/unsc" --db "$work/unsc.db" import "$data" >/dev/null 2>&1
"$work/unsc" --db "$work/unsc.db" serve --addr 127.0.0.1:0 2>"$work/serve.log" &
pid=$!
for _ in $(seq 300); do
  grep -q '^listening on ' "$work/serve.log" && break
  sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
[ -n "$base" ] || { echo "bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
case "$base" in http://127.0.0.1:*) ;; *) echo "bench: not on loopback: $base" >&2; exit 1 ;; esac
awk '/^VmRSS/ {printf "server at start: VmRSS %.1f MB\n", $2 / 1024}' "/proc/$pid/status"
# /healthz is probed from a process of its own, so that its latency is the
# server's and not the busy load generator's.
"$work/load" -base "$base" -probe-only -d "$duration" -after "$after" -timeout 30s >"$work/probe.out" &
probe=$!
status=0
"$work/load" -base "$base" -pid "$pid" -c "$conns" -d "$duration" -after 0s -timeout 30s -probe=false -retry-after="${RETRY_AFTER:-true}" || status=1
wait "$probe" || status=1
cat "$work/probe.out"
exit "$status"
