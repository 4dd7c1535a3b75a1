#!/usr/bin/env bash
# Benchmark: `touchpoint report` against `touchpoint score` on the same seeded customer-journey responses.
#
#   bash bench/report_bench.sh            (from anywhere; paths are taken from this file's location)
#
# The report reads every line once, like score, but on one core, and feeds each record to four score engines
# (overall and by segment, and one per candidate trend period) and to its own collectors. Environment: COUNT
# (responses, default 1000000), SEED (default 20261123), RUNS (default 3), SKIP_BUILD=1 to reuse
# .build/release/touchpoint. Writes only into bench/out (ignored by git).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
out="$bench_dir/out"
count="${COUNT:-1000000}"
seed="${SEED:-20261123}"
runs="${RUNS:-3}"
questionnaire="$repo_dir/questionnaires/customer_journey.yaml"
responses="$out/responses_$((count / 1000))k.jsonl"
[ "$count" = 1000000 ] && responses="$out/responses_1m.jsonl"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'report_bench: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed (for the generator)."
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null 2>&1 || die "/usr/bin/time (GNU time) is needed: apt-get install time"
fi
binary="$repo_dir/.build/release/touchpoint"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building touchpoint (release)"
    (cd "$repo_dir" && swift build -c release --product touchpoint >&2) || die "the release build failed; see above."
fi
[ -x "$binary" ] || die "$binary does not exist; build it with: swift build -c release --product touchpoint"
if [ ! -s "$responses" ] || [ "$(cat "$responses.seed" 2>/dev/null)" != "$count $seed" ]; then
    say "generating $count responses into $responses"
    python3 "$bench_dir/gen_responses.py" --count "$count" --seed "$seed" --out "$responses" >&2
    echo "$count $seed" > "$responses.seed"
fi
cat "$responses" > /dev/null

measure() {
    local name="$1"
    shift
    "$@" > /dev/null 2> "$out/$name.err" || { cat "$out/$name.err" >&2; die "$name failed"; }
    local walls=() peak=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" > /dev/null 2> "$out/$name.err"
        read -r wall kb < "$out/$name.time"
        walls+=("$wall")
        [ "$kb" -gt "$peak" ] && peak="$kb"
    done
    python3 - "$name" "$peak" "${walls[@]}" <<'PY'
import statistics, sys
name, peak, walls = sys.argv[1], int(sys.argv[2]), [float(w) for w in sys.argv[3:]]
print(f"{name:<26} {statistics.median(walls):8.2f} s {min(walls):8.2f} s {peak // 1024:8d} MB")
PY
}

say "timing $runs runs each on $(printf "%'d" "$count") responses ($(( $(stat -c %s "$responses") / 1000000 )) MB)"
printf '%-26s %10s %10s %11s\n' command "median" "min" "peak memory"
measure "score --by (all cores)" "$binary" score "$questionnaire" "$responses" --by meta.segment --format json
measure "report --by" "$binary" report "$questionnaire" "$responses" --by meta.segment --out "$out/bench-report.html"
measure "report --by --period month" "$binary" report "$questionnaire" "$responses" --by meta.segment --period month --out "$out/bench-report.html"
printf 'page: %s (%s KB)\n' "$out/bench-report.html" "$(( $(stat -c %s "$out/bench-report.html") / 1024 ))"
