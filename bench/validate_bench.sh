#!/usr/bin/env bash
# Benchmark: `touchpoint validate` against pyxform 4.5 on the same 2,000-question form.
#
#   bash bench/validate_bench.sh            (from anywhere; paths are taken from this file's location)
#
# Environment: QUESTIONS (default 2000), SEED (default 20261123), RUNS (touchpoint runs, default 10),
# PYXFORM_RUNS (default 5), SKIP_BUILD=1 to reuse an existing .build/release/touchpoint.
# Writes only into bench/.venv and bench/out (both ignored by git). See bench/README.md.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
venv="$bench_dir/.venv"
out="$bench_dir/out"
questions="${QUESTIONS:-2000}"
seed="${SEED:-20261123}"
pyxform_spec='pyxform==4.5.*'

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'validate_bench: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed (for pyxform and the form generator)."

# 1. pyxform in a virtual environment of its own.
if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    python3 -m venv "$venv" || die "could not create the virtual environment $venv (on Debian: apt-get install python3-venv)."
fi
if ! "$venv/bin/python" -c 'import sys, pyxform; sys.exit(0 if pyxform.__version__.startswith("4.5.") else 1)' 2>/dev/null; then
    say "installing $pyxform_spec into $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$pyxform_spec" \
        || die "pip could not install $pyxform_spec (is PyPI reachable?)."
fi

# 2. hyperfine for wall-clock timing, when it can be had; otherwise run_bench.py times with a loop.
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing hyperfine with apt-get"
    { apt-get install -y -qq hyperfine >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; }; } \
        || say "hyperfine could not be installed; timing with a Python loop instead"
fi

# 3. The release binary.
binary="$repo_dir/.build/release/touchpoint"
build_ok=1
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building touchpoint (release)"
    if ! (cd "$repo_dir" && swift build -c release --product touchpoint >&2); then
        build_ok=0
        printf '\nvalidate_bench: the touchpoint release build failed (see the compiler output above), so\n' >&2
        printf '  `touchpoint validate` cannot be timed. Fix the build (swift build -c release --product touchpoint)\n' >&2
        printf '  and run this script again. Timing pyxform alone meanwhile.\n\n' >&2
    fi
fi
if [ "$build_ok" = 1 ] && [ ! -x "$binary" ]; then
    build_ok=0
    printf '\nvalidate_bench: %s does not exist, so `touchpoint validate` cannot be timed.\n' "$binary" >&2
    printf '  Build it (swift build -c release --product touchpoint) or run without SKIP_BUILD=1.\n' >&2
    printf '  Timing pyxform alone meanwhile.\n\n' >&2
fi

# 4. The forms: the big one, and a small one that shows the process start-up cost.
say "generating $questions-question forms into $out"
python3 "$bench_dir/gen_questionnaire.py" --questions "$questions" --seed "$seed" --out "$out" >&2
python3 "$bench_dir/gen_questionnaire.py" --questions 10 --seed "$seed" --out "$out" >/dev/null

# 5. Time and compare.
args=(--out "$out" --questions "$questions" --runs "${RUNS:-10}" --pyxform-runs "${PYXFORM_RUNS:-5}")
if [ "$build_ok" = 1 ]; then
    args+=(--touchpoint "$binary")
fi
status=0
"$venv/bin/python" "$bench_dir/run_bench.py" "${args[@]}" || status=$?
if [ "$build_ok" = 0 ]; then
    exit 1
fi
exit "$status"
