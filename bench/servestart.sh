#!/usr/bin/env bash
# `unsc serve`'s start to its first answer (/api/v1/trends, as
# bench/ratios.sh asks it) at today's size and at K times it, paired: unsc
# as the README builds it (cmd/build: the front, which hands serve to the
# whole program it carries) and the whole program alone (`go build
# ./cmd/unsc`), alternated RUNS times over the same record; medians, and
# their ratio (the handover's cost). bench/ratios.sh times one start of
# the one file alone.
#
#   bench/servestart.sh          # K=30 RUNS=7
set -euo pipefail
cd "$(dirname "$0")/.."
K=${K:-30}
RUNS=${RUNS:-7}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
command -v curl >/dev/null || { echo "bench: curl is needed (apt-get install curl)" >&2; exit 1; }
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
go run ./cmd/build -o "$work/unsc"
CGO_ENABLED=0 go build -o "$work/whole" ./cmd/unsc
for f in "$work/unsc" "$work/whole"; do
  cp "$f" "$f.copy" && mv "$f.copy" "$f"
done

# first PROGRAM DB: the milliseconds from the start of `serve` to its
# first answer.
first() {
  local t0 t1 base=
  t0=$(date +%s%N)
  "$1" --db "$2" serve --addr 127.0.0.1:0 --sessions "$work/sessions.db" 2>"$work/serve.log" &
  pid=$!
  for _ in $(seq 120000); do
    base=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
    [ -n "$base" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  case "$base" in http://127.0.0.1:*) ;; *) echo "bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1 ;; esac
  curl -sf -o /dev/null "$base/api/v1/trends"
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo $(( (t1 - t0) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "bench/servestart.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), $(git rev-parse --short HEAD)"
printf '%-5s %12s %12s %7s   %s\n' size "one file ms" "whole ms" ratio "each run (one file/whole)"
sizes=(1)
[ "$K" != 0 ] && sizes+=("$K")
for size in "${sizes[@]}"; do
  d=$data
  if [ "$size" != 1 ]; then
    d=$work/data$size
    go run ./bench/scale -k "$size" -out "$d" -data "$data"
  fi
  db=$work/u$size.db
  "$work/whole" --db "$db" import --no-built-in "$d" >/dev/null 2>&1
  ones=() wholes=() each=
  for _ in $(seq "$RUNS"); do
    a=$(first "$work/unsc" "$db")
    b=$(first "$work/whole" "$db")
    ones+=("$a") wholes+=("$b") each="$each $a/$b"
  done
  m1=$(median "${ones[@]}") m2=$(median "${wholes[@]}")
  printf '%-5s %12s %12s %7s  %s\n' "${size}x" "$m1" "$m2" "$(awk -v a="$m1" -v b="$m2" 'BEGIN {printf "%.2f", a / b}')" "$each"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
