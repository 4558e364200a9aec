#!/usr/bin/env bash
# The serve rows of bench/ratios.sh alone, for iterating on the API: `unsc
# serve` over today's record, wrk asking for each answer not in the server's
# cache (every request a new period, bench/uncached.lua) beside /healthz,
# the two alternated in rounds (/healthz, the answer, /healthz, the answer,
# …) so that both see the same load on the machine. Prints for each answer
# the median over the rounds of its requests/s, of /healthz's beside it and
# of their ratio (goal: at least 0.5), the server's CPU time per request of
# each (from /proc/PID/stat) and wrk's (from /usr/bin/time, when there is
# one), and the "cpu ratio": /healthz's CPU per request, server and wrk
# together, over the answer's, about the ratio of requests a second the
# two would reach with two cores to themselves, which a machine busy with
# other work moves far less; then the server's peak resident memory. With
# BEFORE=REV it also starts unsc built at REV and alternates the two
# servers in every round (before, after), so the two sides see the same
# load.
#
# /healthz is asked through bench/uncached.lua too, with its constant path,
# so that wrk does the same Lua work for each request on both sides (the
# script says why). PLAIN=1 also asks /healthz as these scripts did before
# 2 December 2026, with no script (wrk sends one request built once), in
# the same rounds, and prints that baseline's ratio beside ("plain
# ratio"): the change of baseline, measured on one build.
#
#   bench/apirows.sh                       # ROUNDS=3 DURATION=3s
#   ROUNDS=5 BEFORE=main bench/apirows.sh
#   ONLY=trends bench/apirows.sh           # the answers whose path holds ONLY
#   PLAIN=1 bench/apirows.sh               # also the old, scriptless /healthz
#
# Needs wrk and curl (apt-get install wrk curl). Loopback only; every server
# it starts it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-3s}
data=${UNSC_SHARED_DATA:-$(cd .. && pwd)/shared/data}
for t in wrk curl; do
  command -v $t >/dev/null || { echo "bench: $t is needed (apt-get install $t)" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

CGO_ENABLED=0 go build -o "$work/unsc" ./cmd/unsc
sides=(after)
bins=("$work/unsc")
if [ -n "${BEFORE:-}" ]; then
  git worktree add -q --detach "$work/before" "$BEFORE"
  (cd "$work/before" && CGO_ENABLED=0 go build -o "$work/unsc-before" ./cmd/unsc)
  git worktree remove --force "$work/before"
  sides=(before after)
  bins=("$work/unsc-before" "$work/unsc")
fi
declare -A base pid
for k in "${!sides[@]}"; do
  side=${sides[$k]}
  # Each side's own record: the two builds may derive it differently.
  "${bins[$k]}" --db "$work/$side.db" import "$data" >/dev/null 2>&1
  "${bins[$k]}" --db "$work/$side.db" serve --addr 127.0.0.1:0 2>"$work/serve-$side.log" &
  pid[$side]=$!
  pids+=("$!")
  for _ in $(seq 600); do
    grep -q '^listening on ' "$work/serve-$side.log" && break
    sleep 0.05
  done
  base[$side]=$(sed -n 's/^listening on //p' "$work/serve-$side.log" | head -1)
  case "${base[$side]}" in http://127.0.0.1:*) ;; *) echo "bench: the server did not start:" >&2; cat "$work/serve-$side.log" >&2; exit 1 ;; esac
done

# cpu_ticks prints the user and system time of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# run side path: one wrk run; prints requests/s, the server's CPU µs per
# request and wrk's (the load generator's, from its own CPU time; 0 when
# there is no /usr/bin/time to read it).
run() {
  local side=$1 path=$2 round=${3:-0} script=() out c0 c1 n timer=()
  # Every path through the script, /healthz too; "plain" is /healthz with
  # no script (PLAIN=1).
  if [ "$path" != plain ]; then
    sed "s#PATH#\"${path//&/\\&}\"#" bench/uncached.lua > "$work/u.lua"
    script=(-s "$work/u.lua")
  else
    path=/healthz
  fi
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -f 'wrkcpu %U %S')
  c0=$(cpu_ticks "${pid[$side]}")
  out=$(timeout 120 "${timer[@]}" wrk -t2 -c16 -d"$DURATION" "${script[@]}" "${base[$side]}${path//%s/1990-01-01}" -- "$round" 2>&1)
  c1=$(cpu_ticks "${pid[$side]}")
  if grep -q 'Non-2xx' <<<"$out"; then echo "bench: $path answered errors:" >&2; echo "$out" >&2; exit 1; fi
  n=$(awk '/ requests in / {print $1}' <<<"$out")
  awk -v r="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")" -v c=$((c1 - c0)) -v n="$n" -v hz="$hz" \
    -v w="$(awk '/^wrkcpu / {print $2 + $3}' <<<"$out")" \
    'BEGIN {printf "%.0f %.1f %.1f\n", r, c / hz * 1e6 / n, w * 1e6 / n}'
}

median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

mapfile -t paths < bench/uncached.paths # each with a period's from and to as %s
echo "bench/apirows.sh on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "wrk -t2 -c16 -d$DURATION, $ROUNDS rounds of${PLAIN:+ /healthz without a script,} /healthz then the answer (both through bench/uncached.lua), alternated${BEFORE:+, before ($BEFORE) and after alternated in each}; medians"
plainhead=
[ -n "${PLAIN:-}" ] && plainhead=$(printf ' %9s %8s %11s %11s' "plain hz" "p wrk µs" "plain ratio" "plain cpu r")
printf '%-22s %-6s %9s %9s %7s %10s %10s %8s %8s %9s%s\n' answer side "req/s" healthz ratio "cpu µs/req" "healthz µs" "wrk µs" "h wrk µs" "cpu ratio" "$plainhead"
for p in "${paths[@]}"; do
  [ -n "${ONLY:-}" ] && [[ $p != *"$ONLY"* ]] && continue
  name=${p%%\?*}
  name=${name#/api/v1/}
  declare -A rps=() hr=() ratio=() cpu=() hcpu=() wcpu=() hwcpu=() cratio=() phr=() phwcpu=() pratio=() pcratio=()
  for round in $(seq "$ROUNDS"); do
    for side in "${sides[@]}"; do
      if [ -n "${PLAIN:-}" ]; then
        read -r ph phc phw < <(run "$side" plain)
      fi
      read -r h hc hw < <(run "$side" /healthz)
      read -r v vc vw < <(run "$side" "$p" "$round")
      if [ -n "${PLAIN:-}" ]; then
        phr[$side]+="$ph "
        phwcpu[$side]+="$phw "
        pratio[$side]+="$(awk -v a="$v" -v b="$ph" 'BEGIN {printf "%.3f", a / b}') "
        pcratio[$side]+="$(awk -v a="$vc" -v b="$vw" -v c="$phc" -v d="$phw" 'BEGIN {printf "%.3f", (c + d) / (a + b)}') "
      fi
      rps[$side]+="$v "
      hr[$side]+="$h "
      ratio[$side]+="$(awk -v a="$v" -v b="$h" 'BEGIN {printf "%.3f", a / b}') "
      cpu[$side]+="$vc "
      hcpu[$side]+="$hc "
      wcpu[$side]+="$vw "
      hwcpu[$side]+="$hw "
      # The requests a second the two cores would serve if the server and
      # wrk had them to themselves, the answer's over /healthz's: CPU per
      # request (server and wrk) of /healthz over the answer's. The machine's
      # other work inflates it far less than the requests a second.
      cratio[$side]+="$(awk -v a="$vc" -v b="$vw" -v c="$hc" -v d="$hw" 'BEGIN {printf "%.3f", (c + d) / (a + b)}') "
    done
  done
  for side in "${sides[@]}"; do
    m() { tr ' ' '\n' <<<"$1" | grep . | median; }
    plaincols=
    [ -n "${PLAIN:-}" ] && plaincols=$(printf ' %9s %8s %11.2f %11.2f' "$(m "${phr[$side]}")" "$(m "${phwcpu[$side]}")" "$(m "${pratio[$side]}")" "$(m "${pcratio[$side]}")")
    printf '%-22s %-6s %9s %9s %7.2f %10s %10s %8s %8s %9.2f%s   ratios: %s\n' "$name" "$side" "$(m "${rps[$side]}")" "$(m "${hr[$side]}")" \
      "$(m "${ratio[$side]}")" "$(m "${cpu[$side]}")" "$(m "${hcpu[$side]}")" "$(m "${wcpu[$side]}")" "$(m "${hwcpu[$side]}")" \
      "$(m "${cratio[$side]}")" "$plaincols" "${ratio[$side]}"
  done
  unset rps hr ratio cpu hcpu wcpu hwcpu cratio phr phwcpu pratio pcratio
done
for side in "${sides[@]}"; do
  awk -v s="$side" '/^VmHWM/ {printf "server (%s) peak resident memory %.1f MB\n", s, $2 / 1024}' "/proc/${pid[$side]}/status"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
