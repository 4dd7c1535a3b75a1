#!/usr/bin/env bash
# CI's fuzzing: each fuzz target for 60 seconds (FUZZ_SECONDS to change). Any crash, leak, timeout or
# out-of-memory fails the run, with the input printed by fuzz/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
failed=()
for target in validate expressions responses pattern; do
  echo "=== fuzz: $target for $seconds s"
  bash fuzz/run.sh "$target" "$seconds" -print_final_stats=1 2>&1 | grep -vE '^#[0-9]+.*(NEW|REDUCE|pulse)' || failed+=("$target")
done
if ((${#failed[@]})); then echo "fuzz: findings in ${failed[*]}"; exit 1; fi
echo "fuzz: every target ran $seconds s with no finding"
