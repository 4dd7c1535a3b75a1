#!/usr/bin/env bash
# Benchmark of `touchpoint run` (issue: engine and runner):
#  1. headless throughput: respondents a second replayed with --answers through the bundled customer-journey
#     questionnaire (goal: at least 20,000 a second on one core);
#  2. start-up: time from starting `touchpoint run` on a 2,000-question file to its first prompt on a terminal
#     (goal: under 30 ms), measured on a pseudo-terminal.
# Usage: bash bench/run_bench.sh   (RESPONDENTS=100000 RUNS=10 SKIP_BUILD=1 to change defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONDENTS=${RESPONDENTS:-100000}
RUNS=${RUNS:-10}
OUT=bench/out
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product touchpoint >/dev/null
fi
BIN=.build/release/touchpoint
[ -x "$BIN" ] || { echo "no release binary at $BIN" >&2; exit 1; }

# Respondents to replay: simulated ones (valid by construction), written as response records.
"$BIN" simulate questionnaires/customer_journey.yaml -n "$RESPONDENTS" --seed 7 --out "$OUT/replay.jsonl" >/dev/null
python3 bench/gen_questionnaire.py --questions 2000 --out "$OUT" >/dev/null

python3 - "$BIN" "$OUT" "$RESPONDENTS" "$RUNS" <<'PY'
import os, pty, select, statistics, subprocess, sys, time
bin_, out, n, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

# 1. Headless throughput, pinned to one core.
rates = []
for i in range(3):
    target = os.path.join(out, "replayed.jsonl")
    if os.path.exists(target): os.remove(target)
    t0 = time.perf_counter()
    r = subprocess.run(["taskset", "-c", "0", bin_, "run", "questionnaires/customer_journey.yaml",
                        "--answers", os.path.join(out, "replay.jsonl"), "--out", target, "--seed", "1"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit("run --answers failed: " + r.stderr.decode()[-500:])
    lines = sum(1 for _ in open(target, "rb"))
    assert lines == n, (lines, n)
    rates.append(n / dt)
print(f"headless replay: {n} respondents of customer_journey, best {max(rates):,.0f}/s, median {statistics.median(rates):,.0f}/s (goal 20,000/s)")

# 2. Start to first prompt on a pseudo-terminal.
binary = os.path.abspath(bin_)
def first_prompt(path):
    path = os.path.abspath(path)
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(out)
            os.execv(binary, [binary, "run", path, "--out", "firstprompt.jsonl"])
        finally:
            os._exit(127)
    buf = b""
    while "›".encode() not in buf:
        r, _, _ = select.select([fd], [], [], 10)
        if not r: raise SystemExit("no prompt within 10 s")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise SystemExit("touchpoint ended before its first prompt: " + buf.decode(errors="replace")[-500:])
        buf += chunk
    dt = time.perf_counter() - t0
    os.kill(pid, 9); os.waitpid(pid, 0); os.close(fd)
    return dt * 1000
for name in ["form2000.yaml"]:
    times = [first_prompt(os.path.join(out, name)) for _ in range(runs)]
    print(f"first prompt, {name}: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms over {runs} runs (goal 30 ms)")
PY
