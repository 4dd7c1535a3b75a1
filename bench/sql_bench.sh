#!/usr/bin/env bash
# Benchmark: the query of `touchpoint sql --dialect duckdb` on DuckDB against `touchpoint score`, on the
# 1,000,000 customer-journey responses of bench/gen_responses.py, both grouped by meta.segment.
#
#   bash bench/sql_bench.sh
#
# Environment: COUNT (default 1000000), SEED (default 20261123), RUNS (default 3), CORES (default 2: DuckDB's
# threads), SKIP_BUILD=1 to reuse .build/release/touchpoint. Writes only into bench/.venv and bench/out, and
# shares the generated responses with score_bench.sh. Prints the median wall times, their ratio, and whether
# every figure agrees to 1e-9 (Tests/interop/sql/compare.py).
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
mkdir -p "$out"

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import duckdb' 2>/dev/null || "$venv/bin/python" -m pip install --quiet --disable-pip-version-check duckdb==2.0.0
binary="$repo_dir/.build/release/touchpoint"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building touchpoint (release)"
    (cd "$repo_dir" && swift build -c release --product touchpoint >&2)
fi
if [ ! -s "$responses" ] || [ "$(cat "$responses.seed" 2>/dev/null)" != "$count $seed" ]; then
    say "generating $count responses into $responses"
    python3 "$bench_dir/gen_responses.py" --count "$count" --seed "$seed" --out "$responses" >&2
    echo "$count $seed" > "$responses.seed"
fi
cat "$responses" > /dev/null

"$binary" sql "$questionnaire" --dialect duckdb --by meta.segment --source "$responses" > "$out/scores.sql"
"$venv/bin/python" - "$binary" "$questionnaire" "$responses" "$out/scores.sql" "$runs" "$cores" "$repo_dir" <<'PY'
import json, os, statistics, subprocess, sys, time
binary, questionnaire, responses, query, runs, cores, repo = sys.argv[1:8]
sys.path.insert(0, os.path.join(repo, "Tests/interop/sql"))
from compare import compare
import duckdb

def timed(function):
    function()
    walls = []
    for _ in range(int(runs)):
        start = time.perf_counter()
        result = function()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), min(walls), result

def score():
    done = subprocess.run([binary, "score", questionnaire, responses, "--by", "meta.segment", "--format", "json", "--decimals", "17"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)

sql = open(query).read()
def duck():
    connection = duckdb.connect(config={"threads": int(cores)})
    result = connection.sql(sql)
    return [dict(zip(result.columns, row)) for row in result.fetchall()]

score_median, score_min, report = timed(score)
duck_median, duck_min, rows = timed(duck)
problems, checked = compare(report, rows, ["meta.segment"], "bench")
print(f"touchpoint score --by meta.segment: {score_median:.2f} s median ({score_min:.2f} s best)")
print(f"touchpoint sql on DuckDB ({cores} threads): {duck_median:.2f} s median ({duck_min:.2f} s best)")
print(f"ratio score / sql-on-DuckDB: {score_median / duck_median:.2f}")
print(f"figures compared: {checked}, mismatches: {len(problems)}")
for problem in problems[:10]:
    print("  " + problem)
PY
