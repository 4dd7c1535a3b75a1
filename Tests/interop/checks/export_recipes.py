"""Helper of export.sh: the recipes of docs/analysis.md run as written on simulated customer-journey data.

DuckDB with the explicit schema must see every `reason` answer (a key that `read_json_auto` can miss when
it first appears late), pandas with dtype=False must keep `version` a string, and the Parquet copy must
hold every row. Each count is compared with touchpoint's own CSV export.
"""
import json
import sys

import duckdb
import pandas as pd

jsonl, csv_path = sys.argv[1], sys.argv[2]
records = [json.loads(l) for l in open(jsonl, encoding="utf-8") if l.strip()]
reasons = sum(1 for r in records if "reason" in r["answers"])
con = duckdb.connect()
con.execute(f"""CREATE TABLE responses AS
SELECT * FROM read_json('{jsonl}', format = 'newline_delimited', columns = {{
  questionnaire: 'VARCHAR', version: 'VARCHAR', questionnaire_sha256: 'VARCHAR', response_id: 'VARCHAR',
  status: 'VARCHAR', respondent: 'VARCHAR', interviewer: 'VARCHAR', mode: 'VARCHAR', language: 'VARCHAR',
  started_at: 'TIMESTAMPTZ', completed_at: 'TIMESTAMPTZ',
  meta: 'STRUCT(segment VARCHAR)',
  answers: 'STRUCT(customer_12m BOOLEAN, recommend DOUBLE, need_met BOOLEAN, reason VARCHAR, stages VARCHAR[])',
  missing: 'MAP(VARCHAR, JSON)', computed: 'JSON', path: 'VARCHAR[]', durations_ms: 'MAP(VARCHAR, BIGINT)',
  option_order: 'JSON', warnings: 'JSON'}})""")
rows, seen = con.execute("SELECT count(*), count(answers.reason) FROM responses").fetchone()
if rows != len(records) or seen != reasons:
    sys.exit(f"recipes: DuckDB read {rows} rows and {seen} reasons, not {len(records)} and {reasons}")
con.execute(f"COPY responses TO '{jsonl}.parquet' (FORMAT parquet)")
if con.execute(f"SELECT count(*) FROM '{jsonl}.parquet'").fetchone()[0] != len(records):
    sys.exit("recipes: the Parquet copy lost rows")
exported = con.execute(f"SELECT count(*), count(reason) FILTER (WHERE reason NOT IN ('-97', '-98', '-99')) FROM read_csv('{csv_path}', header = true, all_varchar = true)").fetchone()
if exported != (len(records), reasons):
    sys.exit(f"recipes: DuckDB on the CSV export read {exported}")
raw = pd.read_json(jsonl, lines=True, dtype=False)
if not all(isinstance(v, str) for v in raw["version"]):
    sys.exit("recipes: pandas with dtype=False did not keep version a string")
print(f"recipes: DuckDB (explicit schema), Parquet and pandas read {len(records)} rows and {reasons} late `reason` answers")
