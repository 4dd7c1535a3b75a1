#!/usr/bin/env bash
# `touchpoint sql --dialect spark` on Spark in local mode (Java 17): every figure equals `touchpoint score`.
# Fewer cases and rows than the DuckDB check, so that it stays well under 10 minutes.
set -euo pipefail
if ! command -v java >/dev/null; then echo "sql_spark: java is missing (apt openjdk-17-jre-headless)"; exit 1; fi
export PYSPARK_PYTHON="$PYTHON"
timeout 600 "$PYTHON" Tests/interop/sql/run_checks.py spark
