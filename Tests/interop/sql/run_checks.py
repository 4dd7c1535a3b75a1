"""Runs `touchpoint sql` queries on DuckDB or Spark and compares every figure with `touchpoint score`.

  python Tests/interop/sql/run_checks.py duckdb|spark

Environment: TOUCHPOINT (the binary), WORK (a scratch folder). Data: `touchpoint simulate --out` records of the
bundled customer-journey and relationship-NPS questionnaires and of sql_scores.yaml (every method), turned
into edge cases by make_data.py. Prints each case and the number of figures compared; exits 1 on any mismatch.
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from compare import compare  # noqa: E402

engine = sys.argv[1]
touchpoint = os.environ["TOUCHPOINT"]
work = os.environ["WORK"]
here = os.path.dirname(os.path.abspath(__file__))
fixture = os.path.join(here, "sql_scores.yaml")
python = sys.executable


def run(args):
    result = subprocess.run([touchpoint] + args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"touchpoint {' '.join(args)} exited {result.returncode}: {result.stderr[:2000]}")
    return result.stdout


def data(questionnaire, name, count, seed):
    raw = os.path.join(work, f"{name}.sim.jsonl")
    out = os.path.join(work, f"{name}.jsonl")
    run(["simulate", questionnaire, "-n", str(count), "--seed", str(seed), "--out", raw])
    subprocess.run([python, os.path.join(here, "make_data.py"), raw, out, str(seed)], check=True)
    return out


full = engine == "duckdb"
journey = data("questionnaires/customer_journey.yaml", "journey", 3000 if full else 1000, 11)
relationship = data("questionnaires/relationship_nps.yaml", "relationship", 1000, 12)
every = data(fixture, "every", 4000 if full else 1500, 13)
cases = [
    ("questionnaires/customer_journey.yaml", journey, ["--by", "meta.segment", "--period", "month"]),
    ("questionnaires/relationship_nps.yaml", relationship, ["--ci", "adjusted-wald", "--period", "week"]),
    (fixture, every, ["--by", "meta.region", "--by", "consent", "--period", "month"]),
    (fixture, every, ["--weight", "meta.weight", "--ci", "adjusted-wald", "--by", "meta.region", "--period", "week"]),
]
if full:
    # Spark runs the four above (every method, grouping, period, weight and interval among them); DuckDB, being
    # quick, also the rest of the combinations.
    cases += [
        ("questionnaires/customer_journey.yaml", journey, []),
        ("questionnaires/customer_journey.yaml", journey, ["--by", "meta.segment", "--ci", "adjusted-wald", "--period", "day"]),
        (fixture, every, []),
        (fixture, every, ["--weight", "meta.weight", "--ci", "adjusted-wald"]),
        (fixture, every, ["--period", "day"]),
        (fixture, every, ["--by", "meta.wave", "--weight", "meta.weight"]),
        (fixture, every, ["--by", "plan"]),
    ]

if engine == "duckdb":
    import duckdb

    connection = duckdb.connect()

    def execute(sql):
        result = connection.sql(sql)
        return [dict(zip(result.columns, row)) for row in result.fetchall()]
else:
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("touchpoint-sql-check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4")
             .config("spark.driver.memory", "1g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")

    def execute(sql):
        return [row.asDict() for row in spark.sql(sql).collect()]

failures = 0
total = 0
for questionnaire, responses, options in cases:
    label = f"{os.path.basename(questionnaire)} {' '.join(options) or '(no options)'}"
    report = json.loads(run(["score", questionnaire, responses, "--format", "json", "--decimals", "17"] + options))
    sql = run(["sql", questionnaire, "--dialect", engine, "--source", responses] + options)
    dims = [options[i + 1] for i, o in enumerate(options) if o == "--by"] + (["period"] if "--period" in options else [])
    start = time.time()
    rows = execute(sql)
    elapsed = time.time() - start
    problems, checked = compare(report, rows, dims, label)
    # The counts by status (every status the questionnaire declares, quota statuses included) against
    # `score --format json`'s `responses.by_status` (the --decimals report holds the scores only).
    by_status = json.loads(run(["score", questionnaire, responses, "--format", "json"] + options))["responses"]["by_status"]
    sql_status = {r["item"]: r["n"] for r in rows if r["method"] == "status" and r["level"] == "all"}
    want_status = {k: v for k, v in by_status.items() if v}
    checked += len(want_status)
    if sql_status != want_status:
        problems.append(f"{label}: counts by status: sql {sql_status}, score {want_status}")
    total += checked
    status = "ok" if not problems else f"{len(problems)} MISMATCHES"
    print(f"{engine}: {label}: {checked} figures, {len(rows)} rows, query {elapsed:.2f} s: {status}", flush=True)
    for problem in problems[:25]:
        print("  " + problem)
    failures += len(problems)
print(f"{engine}: {total} figures compared, {failures} mismatches")
sys.exit(1 if failures else 0)
