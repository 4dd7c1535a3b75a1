# docs/questionnaire.schema.json is a valid draft 2020-12 schema, every bundled questionnaire and every whole
# questionnaire shown in the docs validates against it, and a misspelled key or wrong type does not.
set -euo pipefail
schema=docs/questionnaire.schema.json
check="$(dirname "$PYTHON")/check-jsonschema"
"$check" --check-metaschema "$schema"
"$PYTHON" - "$WORK" README.md docs/*.md <<'PY'
import re, sys
work, files = sys.argv[1], sys.argv[2:]
count = 0
for path in files:
    text = open(path, encoding="utf-8").read()
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        if re.search(r"^touchpoint: 1", block, re.M):
            count += 1
            open(f"{work}/doc-example-{count}.yaml", "w", encoding="utf-8").write(block)
print(f"questionnaire-schema: {count} whole questionnaires in the docs")
assert count >= 2, "the docs should show at least two whole questionnaires"
PY
"$check" --schemafile "$schema" questionnaires/*.yaml "$WORK"/doc-example-*.yaml
for file in "$WORK"/doc-example-*.yaml; do "$TOUCHPOINT" validate "$file" >/dev/null || { echo "$file: touchpoint validate disagrees"; "$TOUCHPOINT" validate "$file"; exit 1; }; done
cat > "$WORK/misspelled.yaml" <<'YAML'
touchpoint: 1
id: t
questions:
  - {id: a, type: yes_no, text: Hi, requried: false}
YAML
cat > "$WORK/wrong-type-key.yaml" <<'YAML'
touchpoint: 1
id: t
questions:
  - {id: a, type: yes_no, text: Hi, options: [a, b]}
YAML
for bad in misspelled wrong-type-key; do
  if "$check" --schemafile "$schema" "$WORK/$bad.yaml" >/dev/null; then echo "$bad.yaml should not validate"; exit 1; fi
done
echo "questionnaire-schema: misspelled and misplaced keys are refused"
