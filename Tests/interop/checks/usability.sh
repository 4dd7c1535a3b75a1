#!/usr/bin/env bash
# The usability-test oracles are what their scripts make: the statistics vectors (scipy, statsmodels) and the timed
# fixture with its expected scores regenerate byte for byte. A difference after a deliberate change (to the scripts,
# to `simulate`, or to questionnaires/usability_test.yaml) means: regenerate them as each script's header says,
# review the diff, and re-run `swift test --filter Usability`.
set -euo pipefail
"$PYTHON" Tests/TouchpointCoreTests/Statistics/oracle/make_usability_vectors.py > "$WORK/usability_vectors.json"
diff -u Tests/TouchpointCoreTests/Statistics/oracle/usability_vectors.json "$WORK/usability_vectors.json"
"$TOUCHPOINT" simulate questionnaires/usability_test.yaml -n 60 --seed 14 --out "$WORK/simulated.jsonl" >/dev/null
mkdir "$WORK/fixture"
"$PYTHON" Tests/TouchpointCLITests/Fixtures/usability/make_timed.py "$WORK/simulated.jsonl" "$WORK/fixture"
diff -u Tests/TouchpointCLITests/Fixtures/usability/timed.jsonl "$WORK/fixture/timed.jsonl"
diff -u Tests/TouchpointCLITests/Fixtures/usability/timed_expected.json "$WORK/fixture/timed_expected.json"
# touchpoint's own figures for the fixture agree with the oracle's (the Swift test checks each to 1e-6 as well).
"$TOUCHPOINT" score questionnaires/usability_test.yaml Tests/TouchpointCLITests/Fixtures/usability/timed.jsonl --format json > "$WORK/score.json"
"$PYTHON" - "$WORK/score.json" Tests/TouchpointCLITests/Fixtures/usability/timed_expected.json <<'PY'
import json, sys
actual = json.load(open(sys.argv[1]))["scores"]
expected = json.load(open(sys.argv[2]))["scores"]
def walk(a, e, place):
    if isinstance(e, dict):
        for k, v in e.items():
            walk(a.get(k) if isinstance(a, dict) else None, v, f"{place}.{k}")
    elif isinstance(e, list):
        for i, v in enumerate(e):
            walk(a[i] if isinstance(a, list) and i < len(a) else None, v, f"{place}[{i}]")
    elif isinstance(e, float) and not isinstance(e, bool):
        if a is None or abs(a - e) > 1e-6 * max(1, abs(e)):
            sys.exit(f"{place}: touchpoint {a!r}, oracle {e!r}")
    elif a != e:
        sys.exit(f"{place}: touchpoint {a!r}, oracle {e!r}")
walk(actual, expected, "scores")
print("usability: touchpoint's scores of the timed fixture agree with the oracle")
PY
