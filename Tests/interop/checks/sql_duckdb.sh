#!/usr/bin/env bash
# `touchpoint sql --dialect duckdb` on DuckDB: every figure of every score, in every grouping, equals
# `touchpoint score --format json` to 1e-9 (see Tests/interop/sql/compare.py).
set -euo pipefail
"$PYTHON" Tests/interop/sql/run_checks.py duckdb
