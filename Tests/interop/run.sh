#!/usr/bin/env bash
# Interop checks: touchpoint against real outside tools (PSPP, pyreadstat, pandas, DuckDB, Spark, Chromium,
# check-jsonschema, Python's re and wcwidth...). `.ci/run` calls this after `swift test`; `swift test` alone never
# needs any of these tools.
#
# Each check is one script in Tests/interop/checks/NAME.sh. What it needs is declared beside it, one name a line:
#   Tests/interop/apt/NAME.txt  Debian packages (installed with apt-get when missing)
#   Tests/interop/pip/NAME.txt  PyPI requirements (installed into the virtual environment .venv-interop/)
# A check runs from the repository root with these variables set:
#   TOUCHPOINT  the debug binary built by `swift build`
#   PYTHON      the virtual environment's python
#   WORK        a fresh temporary folder of its own, removed afterwards
# It exits 0 when it passes. Usage: Tests/interop/run.sh [NAME...] (default: every check).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

names=("$@")
if ((${#names[@]} == 0)); then
  for f in Tests/interop/checks/*.sh; do [ -e "$f" ] && names+=("$(basename "$f" .sh)"); done
fi
if ((${#names[@]} == 0)); then echo "interop: no checks"; exit 0; fi

apt_missing=()
pip_files=()
for name in "${names[@]}"; do
  if [ -f "Tests/interop/apt/$name.txt" ]; then
    while read -r pkg; do
      [ -z "$pkg" ] || [[ "$pkg" == \#* ]] && continue
      dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
    done < "Tests/interop/apt/$name.txt"
  fi
  [ -f "Tests/interop/pip/$name.txt" ] && pip_files+=("-r" "Tests/interop/pip/$name.txt")
done
if ((${#apt_missing[@]})); then
  echo "interop: installing Debian packages: ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi
venv="$root/.venv-interop"
if ((${#pip_files[@]})); then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${pip_files[@]}"
fi
export PYTHON="$venv/bin/python"
[ -x "$PYTHON" ] || export PYTHON=python3

[ -x .build/debug/touchpoint ] || swift build
export TOUCHPOINT="$root/.build/debug/touchpoint"

passed=0; failed=0; failures=()
for name in "${names[@]}"; do
  WORK=$(mktemp -d); export WORK
  start=$(date +%s)
  echo "=== interop: $name"
  if bash "Tests/interop/checks/$name.sh"; then
    passed=$((passed + 1)); echo "--- $name passed in $(( $(date +%s) - start )) s"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "--- $name FAILED in $(( $(date +%s) - start )) s"
  fi
  rm -rf "$WORK"
done
((failed == 0)) || echo "interop failures: ${failures[*]}"
echo "interop: $passed passed, $failed failed"
((failed == 0))
