#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and AddressSanitizer and runs it for SECONDS.
#
#   fuzz/run.sh TARGET SECONDS [LIBFUZZER-FLAG...]     TARGET: validate, expressions, responses or pattern
#
# The build goes to .build-fuzz/ (git-ignored). The seed corpus is taken from the test fixtures and the bundled
# questionnaires, plus the committed inputs in fuzz/corpus/TARGET/; what the fuzzer adds is kept in
# .build-fuzz/corpus/TARGET/ for the next run. A finding (crash, leak, timeout, out-of-memory) is written to
# .build-fuzz/findings/TARGET/, printed in hex, and the script exits 1. Replay a finding without the fuzzer:
#   swift build --product FuzzValidate && .build/debug/FuzzValidate .build-fuzz/findings/validate/crash-...
# Environment: FUZZ_TIMEOUT (seconds one input may take, default 10), FUZZ_RSS_MB (default 2048),
# FUZZ_CONFIG (debug or release, default release). It links with lld: gold fails on the sanitizer build here.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET SECONDS (TARGET: validate, expressions, responses, pattern)}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
case "$target" in
  validate) product=FuzzValidate; max_len=16384 ;;
  expressions) product=FuzzExpressions; max_len=1024 ;;
  responses) product=FuzzResponses; max_len=16384 ;;
  pattern) product=FuzzPattern; max_len=4096 ;;
  *) echo "fuzz: unknown target $target (validate, expressions, responses, pattern)" >&2; exit 2 ;;
esac

scratch=.build-fuzz
config=${FUZZ_CONFIG:-release}
build=(swift build -c "$config" --scratch-path "$scratch" --product "$product"
       -Xswiftc -sanitize=address,fuzzer -Xcc -fsanitize=address,fuzzer-no-link -Xswiftc -DTOUCHPOINT_FUZZING
       -Xswiftc -use-ld=lld)
echo "fuzz: building $product ($config, address sanitizer and libFuzzer)"
mkdir -p "$scratch"
"${build[@]}" >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; echo "fuzz: build failed" >&2; exit 2; }
binary="$scratch/$config/$product"

# Seeds: one input a file, from the fixtures (input through < <(...), never a pipe into seed, so the count survives).
seeds="$scratch/seeds/$target"
rm -rf "$seeds"; mkdir -p "$seeds" "$scratch/corpus/$target" "$scratch/findings/$target" "fuzz/corpus/$target"
n=0
seed() { n=$((n + 1)); cat > "$seeds/fixture-$n"; }
fixtures_yaml() { find questionnaires Tests -path '*Fixtures*' -name '*.yaml' -o -path 'questionnaires/*' -name '*.yaml' | sort; }
case "$target" in
  validate)
    for f in $(fixtures_yaml); do seed < "$f"; done ;;
  expressions)
    for f in $(fixtures_yaml); do
      while IFS= read -r e; do seed < <(printf '%s' "$e"); done \
        < <(sed -nE 's/^ *-? *(when|rule|value|if): *//p' "$f" | sed -E 's/^"(.*)"$/\1/; s/\}+$//')
    done ;;
  responses)
    for f in $(find Tests -path '*Fixtures*' -name '*.jsonl' | sort); do
      seed < <(head -c "$max_len" "$f")
      while IFS= read -r line; do seed < <(printf '%s\n' "$line"); done < <(head -n 20 "$f")
    done ;;
  pattern)
    for f in $(fixtures_yaml); do
      while IFS= read -r p; do seed < <(printf '%s\nAB123456' "$p"); done \
        < <(sed -nE "s/^ *pattern: *['\"]?([^'\"]*)['\"]? *$/\1/p" "$f")
    done ;;
esac
echo "fuzz: $n seed inputs from the fixtures, $(ls fuzz/corpus/$target | wc -l) committed, $(ls $scratch/corpus/$target | wc -l) kept from earlier runs"

export SWIFT_BACKTRACE=enable=no
# libFuzzer checks each input for leaks; the check at exit would report the lazily made globals (static lets).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:leak_check_at_exit=0:allocator_may_return_null=1}
log="$scratch/findings/$target/last-run.log"
set +e
"$binary" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
  -malloc_limit_mb="${FUZZ_RSS_MB:-2048}" -max_len="$max_len" -print_final_stats=1 \
  -artifact_prefix="$scratch/findings/$target/" "$@" \
  "$scratch/corpus/$target" "fuzz/corpus/$target" "$seeds" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if ((status != 0)); then
  echo "fuzz: $target FAILED (exit $status); the input:"
  for artifact in $(grep -oE "Test unit written to [^ ]+" "$log" | awk '{print $5}'); do
    echo "--- $artifact ($(wc -c < "$artifact") bytes)"
    head -c 4096 "$artifact" | od -An -c | head -n 64
    echo "--- base64"; head -c 4096 "$artifact" | base64 | head -n 20
  done
  exit 1
fi
echo "fuzz: $target ran $seconds s with no finding"
