#!/usr/bin/env bash
# Measures the JSON API under load: builds unsc, imports the shared data into
# a temporary record, starts `unsc serve` on 127.0.0.1 and runs wrk against
# /healthz and each record question at the same concurrency, one after the
# other, each bounded in time. Prints requests/s and p99 latency of each,
# with its ratio to /healthz's (goal: every question at least 0.5× the
# throughput, p99 at most 2×), and the server's peak resident memory
# (goal: under 100 MB).
#
#   bench/api.sh              # -t2 -c50 -d10s
#   DURATION=5s CONNS=50 THREADS=2 bench/api.sh
#
# Loopback only; it installs nothing (wrk: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10s}
conns=${CONNS:-50}
threads=${THREADS:-2}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/unsc" ./cmd/unsc
"$work/unsc" --db "$work/unsc.db" import "$data" >/dev/null 2>&1
"$work/unsc" --db "$work/unsc.db" serve --addr 127.0.0.1:0 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/serve.log" && break
  sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)
[ -n "$base" ] || { echo "bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
case "$base" in http://127.0.0.1:*) ;; *) echo "bench: not on loopback: $base" >&2; exit 1 ;; esac

cat > "$work/decide.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"date":"2024-03-22","votes":{"USA":"Y","GBR":"Y","FRA":"Y","CHN":"N","RUS":"N","DZA":"N","GUY":"A","ECU":"Y","JPN":"Y","MLT":"Y","MOZ":"Y","KOR":"Y","SLE":"Y","SVN":"Y","CHE":"Y"}}'
LUA

endpoints=(
  "/healthz"
  "/api/v1/council?date=2024-03-25"
  "/api/v1/decisions?symbol=S%2F2024%2F239"
  "/api/v1/decisions?member=GBR&position=abstain&from=2000-01-01&limit=20"
  "/api/v1/vetoes?member=USA"
  "/api/v1/vetoes/summary?rule=drafts&group_by=member&list=false"
  "/api/v1/vetoes/count?member=USA&to=2024-03-25"
  "/api/v1/profile?member=GBR"
  "/api/v1/agreement?from=2000-01-01"
  "/api/v1/trends?from=1990-01-01"
  "/api/v1/whatif?rules=two-vetoes"
  "/api/v1/veto-initiative"
  "POST /api/v1/decide"
)

# to_ms converts a wrk latency (123.45us, 1.20ms, 1.01s) to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

printf 'wrk -t%s -c%s -d%s on %s (%s cores)\n\n' "$threads" "$conns" "$duration" "$base" "$(nproc)"
printf '%-68s %10s %9s %8s %8s %8s\n' endpoint req/s p99_ms bytes x_rps x_p99
base_rps= base_p99=
for e in "${endpoints[@]}"; do
  script=() url=$base$e
  if [[ $e == "POST "* ]]; then script=(-s "$work/decide.lua"); url=$base${e#POST }; fi
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "${url}" || echo 0)
  [[ $e == "POST "* ]] && bytes=-
  # Warm the server's answer cache and the connections, then measure.
  timeout 10 wrk -t1 -c4 -d1s "${script[@]}" "$url" >/dev/null
  out=$(timeout 60 wrk -t"$threads" -c"$conns" -d"$duration" --latency "${script[@]}" "$url")
  if grep -q 'Non-2xx' <<<"$out"; then echo "bench: $e answered errors:" >&2; echo "$out" >&2; exit 1; fi
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  if [ -z "$base_rps" ]; then base_rps=$rps base_p99=$p99; fi
  printf '%-68s %10.0f %9s %8s %8.2f %8.2f\n' "$e" "$rps" "$p99" "$bytes" \
    "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {print a / b}')" \
    "$(awk -v a="$p99" -v b="$base_p99" 'BEGIN {print (b > 0 ? a / b : 0)}')"
done

echo
awk '/^VmHWM|^VmRSS/ {printf "server %s %.1f MB\n", $1, $2 / 1024}' "/proc/$pid/status"
