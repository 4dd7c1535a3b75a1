#!/usr/bin/env bash
# Benchmark: `touchpoint score` against DuckDB and a plain Python loop on 1,000,000 responses.
#
#   bash bench/score_bench.sh            (from anywhere; paths are taken from this file's location)
#
# Environment: COUNT (responses, default 1000000), SEED (default 20261123), RUNS (timed runs of each tool,
# default 3), CORES (default 2: DuckDB's threads, and the cores all three are pinned to with taskset when the
# machine has more), SKIP_BUILD=1 to reuse .build/release/touchpoint, SKIP_PYTHON=1 to leave out the slow
# Python loop. Writes only into bench/.venv and bench/out (both ignored by git). See bench/README.md.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
venv="$bench_dir/.venv"
out="$bench_dir/out"
count="${COUNT:-1000000}"
seed="${SEED:-20261123}"
runs="${RUNS:-3}"
cores="${CORES:-2}"
questionnaire="$repo_dir/questionnaires/customer_journey.yaml"
responses="$out/responses_$((count / 1000))k.jsonl"
[ "$count" = 1000000 ] && responses="$out/responses_1m.jsonl"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'score_bench: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed (for the generator and the baselines)."
mkdir -p "$out"

# 1. DuckDB in the benchmarks' virtual environment.
if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    python3 -m venv "$venv" || die "could not create $venv (on Debian: apt-get install python3-venv)."
fi
if ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
    say "installing duckdb into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check duckdb || die "pip could not install duckdb."
fi

# 2. GNU time, for wall time and peak memory.
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing GNU time with apt-get"
        { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; }; } \
            || die "could not install GNU time (apt-get install time)."
    else
        die "/usr/bin/time (GNU time) is needed: apt-get install time"
    fi
fi

# 3. The release binary.
binary="$repo_dir/.build/release/touchpoint"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building touchpoint (release)"
    (cd "$repo_dir" && swift build -c release --product touchpoint >&2) || die "the release build failed; see above."
fi
[ -x "$binary" ] || die "$binary does not exist; build it with: swift build -c release --product touchpoint"

# 4. The responses (generated once; the generator is seeded, so the file is the same every time).
if [ ! -s "$responses" ] || [ "$(cat "$responses.seed" 2>/dev/null)" != "$count $seed" ]; then
    say "generating $count responses into $responses (about a minute per million)"
    python3 "$bench_dir/gen_responses.py" --count "$count" --seed "$seed" --out "$responses" >&2
    echo "$count $seed" > "$responses.seed"
fi
size_mb=$(( $(stat -c %s "$responses") / 1000000 ))

# 5. All three on the same cores, the file in the page cache first.
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt "$cores" ]; then
    pin=(taskset -c "0-$((cores - 1))")
fi
cat "$responses" > /dev/null

# warm NAME OUTPUT COMMAND...: runs COMMAND once untimed (its output kept for the comparison below).
warm() {
    local name="$1" output="$2"
    shift 2
    "${pin[@]}" "$@" > "$output" 2> "$out/$name.err" || { cat "$out/$name.err" >&2; die "$name failed"; }
    : > "$out/$name.runs"
}

# timed NAME OUTPUT COMMAND...: runs COMMAND once under GNU time and appends "wall cpu peakKB" to
# bench/out/NAME.runs, cpu being user + system seconds.
timed() {
    local name="$1" output="$2"
    shift 2
    /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "${pin[@]}" "$@" > "$output" 2> "$out/$name.err" \
        || { cat "$out/$name.err" >&2; die "$name failed"; }
    read -r wall user system kb < "$out/$name.time"
    echo "$wall $(python3 -c "print(f'{$user + $system:.2f}')") $kb" >> "$out/$name.runs"
}

# summary NAME: "NAME median-wall min-wall median-cpu peakKB" from its runs.
summary() {
    python3 - "$1" "$out/$1.runs" <<'PY'
import statistics, sys
name, rows = sys.argv[1], [line.split() for line in open(sys.argv[2])]
walls, cpus, peak = [float(r[0]) for r in rows], [float(r[1]) for r in rows], max(int(r[2]) for r in rows)
print(f"{name} {statistics.median(walls):.2f} {min(walls):.2f} {statistics.median(cpus):.2f} {peak}")
PY
}

say "timing on $cores cores, $runs runs each, touchpoint and DuckDB taking turns, $(printf "%'d" "$count") responses ($size_mb MB)"
tp_command=("$binary" score "$questionnaire" "$responses" --by meta.segment --format json)
db_command=("$venv/bin/python" "$bench_dir/score_baselines.py" duckdb "$responses" --threads "$cores")
warm touchpoint "$out/touchpoint.json" "${tp_command[@]}"
warm duckdb "$out/duckdb.json" "${db_command[@]}"
# The VM's speed drifts by a third or more within minutes: runs that take turns share the drift, so the
# ratio compares like with like (a run of one tool after all runs of the other did not).
for _ in $(seq "$runs"); do
    timed touchpoint "$out/touchpoint.json" "${tp_command[@]}"
    timed duckdb "$out/duckdb.json" "${db_command[@]}"
done
results=("$(summary touchpoint)" "$(summary duckdb)")
if [ "${SKIP_PYTHON:-0}" != 1 ]; then
    warm python "$out/python.json" python3 "$bench_dir/score_baselines.py" python "$responses"
    timed python "$out/python.json" python3 "$bench_dir/score_baselines.py" python "$responses"
    results+=("$(summary python)")
fi

printf '\n%-12s %12s %10s %14s %13s\n' tool "median wall" "min wall" "median CPU" "peak memory"
for line in "${results[@]}"; do
    read -r name median minimum cpu peak <<< "$line"
    printf '%-12s %10s s %8s s %12s s %10s MB\n' "$name" "$median" "$minimum" "$cpu" "$((peak / 1024))"
done

# The goal (issue 11): touchpoint's time at most half of DuckDB's, both from this run; peak memory under 100 MB.
read -r _ tp_wall _ tp_cpu tp_peak <<< "${results[0]}"
read -r _ db_wall _ db_cpu _ <<< "${results[1]}"
python3 - "$tp_wall" "$db_wall" "$tp_cpu" "$db_cpu" "$tp_peak" "$out/touchpoint.runs" "$out/duckdb.runs" "$count" <<'PY'
import statistics, sys
tp_wall, db_wall, tp_cpu, db_cpu = (float(x) for x in sys.argv[1:5])
peak_mb = int(sys.argv[5]) / 1024
ratio = tp_wall / db_wall if db_wall else float("inf")
cpu_ratio = tp_cpu / db_cpu if db_cpu else float("inf")
scope = "" if sys.argv[8] == "1000000" else ", but the goal is set on 1,000,000 responses"
print(f"\nratio touchpoint / duckdb, median wall: {ratio:.2f} (goal <= 0.50: {'met' if ratio <= 0.5 else 'NOT met'}{scope})")
print(f"ratio touchpoint / duckdb, median CPU (user+sys): {cpu_ratio:.2f}")
pairs = [float(a.split()[0]) / float(b.split()[0]) for a, b in zip(open(sys.argv[6]), open(sys.argv[7]))]
print(f"ratio run by run (each touchpoint run over the DuckDB run after it): median {statistics.median(pairs):.2f}, "
      f"from {min(pairs):.2f} to {max(pairs):.2f}")
print(f"touchpoint peak RSS: {peak_mb:.1f} MB (goal < 100 MB: {'met' if peak_mb < 100 else 'NOT met'})")
PY

printf '\nagreement (NPS, CES and counts, overall and per segment):\n'
if [ "${SKIP_PYTHON:-0}" != 1 ]; then
    python3 "$bench_dir/score_baselines.py" compare "$out/touchpoint.json" "$out/duckdb.json" "$out/python.json"
else
    python3 "$bench_dir/score_baselines.py" compare "$out/touchpoint.json" "$out/duckdb.json"
fi
