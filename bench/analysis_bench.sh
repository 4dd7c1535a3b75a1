#!/usr/bin/env bash
# Benchmark: `touchpoint export` (CSV and .sav), `tab` and `verbatims` on simulated customer-journey responses.
#
#   bash bench/analysis_bench.sh         (from anywhere)
#
# Environment: COUNT (responses, default 20000), RUNS (timed runs, default 3), SKIP_BUILD=1 to reuse
# .build/release/touchpoint. Writes only into bench/out (ignored by git). Prints the best wall time and the
# peak memory (GNU time's maximum resident set size) of each command.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
out="$bench_dir/out"
count="${COUNT:-20000}"
runs="${RUNS:-3}"
q="$repo_dir/questionnaires/customer_journey.yaml"
mkdir -p "$out"
bin="$repo_dir/.build/release/touchpoint"
[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$repo_dir" && swift build -c release >/dev/null)
data="$out/analysis_${count}.jsonl"
[ -s "$data" ] || "$bin" simulate "$q" -n "$count" --seed 9 --out "$data" >/dev/null
printf '%s responses, %s MB\n' "$count" "$(( $(stat -c %s "$data") / 1000000 ))"
measure() {
  local name=$1; shift
  local best=999999 peak=0
  for _ in $(seq "$runs"); do
    local start end ms kb
    start=$(date +%s%N)
    /usr/bin/time -o "$out/time.txt" -f '%M' "$@" >/dev/null 2>/dev/null || true
    kb=$(tail -1 "$out/time.txt")
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    (( ms < best )) && best=$ms
    (( kb > peak )) && peak=$kb
  done
  printf '%-28s %6d ms  %5d MB peak\n' "$name" "$best" "$(( peak / 1024 ))"
}
measure "export --format csv" "$bin" export "$q" "$data" --format csv --out "$out/a.csv"
measure "export --format sav" "$bin" export "$q" "$data" --format sav --out "$out/a.sav"
measure "tab stages --by segment" "$bin" tab "$q" "$data" stages --by meta.segment
measure "verbatims reason --when" "$bin" verbatims "$q" "$data" reason --when "recommend <= 6" --with nps --format csv
