#!/usr/bin/env bash
# touchpoint export, read back by pyreadstat, pandas and PSPP (Debian's pspp): every value, value label,
# variable label, measurement level and missing code of every column must agree with what the response
# records say (derived independently in export_check.py from the JSON lines and the codebook's `source`).
# Then the docs/analysis.md recipes (DuckDB with an explicit schema, Parquet, pandas dtype=False) run as written.
# Data: the bundled questionnaires and the all_types fixture, simulated, plus hand-made records with Chinese,
# very long text, formula-like text and every kind of missing.
set -euo pipefail
here=Tests/interop/checks
run() { "$TOUCHPOINT" "$@"; }
for q in questionnaires/*.yaml Tests/TouchpointCLITests/Fixtures/all_types.yaml; do
  name=$(basename "$q" .yaml)
  run simulate "$q" -n 300 --seed 11 --out "$WORK/$name.jsonl" >/dev/null
  "$PYTHON" "$here/export_check.py" enrich "$q" "$WORK/$name.jsonl"
  langs=$(grep -E '^languages:' "$q" | tr -d '[],' | cut -d: -f2 || true)
  for lang in ${langs:-default}; do
    flag=(); [ "$lang" = default ] || flag=(--lang "$lang")
    base="$WORK/$name-$lang"
    run export "$q" "$WORK/$name.jsonl" --format csv "${flag[@]}" --out "$base.csv" --codebook "$base.codebook.json" --bom
    run export "$q" "$WORK/$name.jsonl" --format sav "${flag[@]}" --out "$base.sav" --codebook "$base.codebook.csv"
    printf "GET FILE='%s'.\nDISPLAY DICTIONARY.\nLIST.\n" "$base.sav" > "$base.sps"
    pspp -O format=csv -o "$base.pspp.csv" "$base.sps" > /dev/null 2> "$base.pspp.err" || { cat "$base.pspp.err"; exit 1; }
    "$PYTHON" "$here/export_check.py" compare "$WORK/$name.jsonl" "$base"
  done
done
# The docs/analysis.md recipes, on the customer-journey data and its English CSV export.
"$PYTHON" "$here/export_recipes.py" "$WORK/customer_journey.jsonl" "$WORK/customer_journey-en.csv"
echo "export: every value, label and missing code agrees in pyreadstat, pandas and PSPP"
