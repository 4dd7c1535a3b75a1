# `validate --format sarif` output is valid SARIF 2.1.0 by the official OASIS schema (checked with check-jsonschema),
# for clean files, files with findings of every kind we can provoke, and a missing file.
set -euo pipefail
schema=Tests/interop/schemas/sarif-schema-2.1.0.json
check="$(dirname "$PYTHON")/check-jsonschema"
cat > "$WORK/broken.yaml" <<'YAML'
touchpoint: 1
id: broken
languages: [en, zh]
questions:
  - {id: sat, type: single, options: [a, b], text: {en: Overall, how satisfied?, zh: 满意吗}}
  - {id: ease, type: scale, min: 1, max: 5, when: sat == 'c', text: {en: Easy?, zh: 容易吗}}
YAML
printf 'touchpoint: 1\nid: t\nquestions:\n\t- id: a\n' > "$WORK/tab.yaml"
status=0
"$TOUCHPOINT" validate questionnaires/ --format sarif > "$WORK/clean.sarif" || status=$?
[ "$status" -eq 0 ] || { echo "validate of the bundled questionnaires exited $status"; exit 1; }
status=0
"$TOUCHPOINT" validate "$WORK/broken.yaml" "$WORK/tab.yaml" "$WORK/no such file.yaml" --format sarif > "$WORK/findings.sarif" || status=$?
[ "$status" -eq 2 ] || { echo "validate with a missing file exited $status, not 2"; exit 1; }
"$check" --schemafile "$schema" "$WORK/clean.sarif" "$WORK/findings.sarif"
"$PYTHON" - "$WORK/findings.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
results = log["runs"][0]["results"]
codes = {r["ruleId"] for r in results}
assert {"wrong-type", "not-an-option", "yaml-syntax", "file-unreadable"} <= codes, codes
rules = log["runs"][0]["tool"]["driver"]["rules"]
for r in results:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    region = r["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1, r
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
assert any(u.endswith("no%20such%20file.yaml") for u in uris), uris
print(f"sarif: {len(results)} results, codes {sorted(codes)}")
PY
