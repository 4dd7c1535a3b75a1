#!/usr/bin/env bash
# Benchmark of the engine through the commands that drive it, whole processes on the bundled customer-journey
# questionnaire (goals from the issue "one checked questionnaire and one response record"):
#  1. simulate -n 100000 --out: at least 100,000 respondents a second;
#  2. run --answers on those 100,000 records: at least 50,000 respondents a second;
#  3. verify on the same 100,000 records: at least 50,000 records a second;
#  4. start-up: time from starting `touchpoint run` on a 2,000-question file to its first prompt on a terminal
#     (goal: under 20 ms), measured on a pseudo-terminal; and, beside it, the time until readline takes input
#     (the whole file checked).
# Usage: bash bench/run_bench.sh   (RESPONDENTS=100000 RUNS=10 SKIP_BUILD=1 to change defaults; BIN=path times
# another binary, for an A/B comparison with SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
RESPONDENTS=${RESPONDENTS:-100000}
RUNS=${RUNS:-10}
OUT=bench/out
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product touchpoint >/dev/null
fi
BIN=${BIN:-.build/release/touchpoint}
[ -x "$BIN" ] || { echo "no release binary at $BIN" >&2; exit 1; }

python3 bench/gen_questionnaire.py --questions 2000 --out "$OUT" >/dev/null

python3 - "$BIN" "$OUT" "$RESPONDENTS" "$RUNS" <<'PY'
import os, pty, select, statistics, subprocess, sys, time
bin_, out, n, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

q = "questionnaires/customer_journey.yaml"
records = os.path.join(out, "replay.jsonl")
def timed(what, command, goal, check=None):
    rates = []
    for i in range(3):
        t0 = time.perf_counter()
        r = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            sys.exit(f"{what} failed: " + r.stderr.decode()[-500:])
        if check: check()
        rates.append(n / dt)
    print(f"{what}: {n:,} respondents of customer_journey, median {statistics.median(rates):,.0f}/s, "
          f"best {max(rates):,.0f}/s (goal {goal:,}/s)")

def lines_are(path):
    def check():
        count = sum(1 for _ in open(path, "rb"))
        assert count == n, (count, n)
    return check

# 1. simulate, writing the records that the next two replay and verify (valid by construction).
timed("simulate --out", [bin_, "simulate", q, "-n", str(n), "--seed", "7", "--out", records], 100_000, lines_are(records))
# 2. Headless replay of those records.
target = os.path.join(out, "replayed.jsonl")
def replay():
    if os.path.exists(target): os.remove(target)
    return [bin_, "run", q, "--answers", records, "--out", target, "--seed", "1"]
rates = []
for i in range(3):
    command = replay()
    t0 = time.perf_counter()
    r = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if r.returncode != 0: sys.exit("run --answers failed: " + r.stderr.decode()[-500:])
    lines_are(target)()
    rates.append(n / dt)
print(f"run --answers: {n:,} respondents of customer_journey, median {statistics.median(rates):,.0f}/s, "
      f"best {max(rates):,.0f}/s (goal 50,000/s)")
# 3. verify.
timed("verify", [bin_, "verify", q, records], 50_000)

# 4. Start to first prompt on a pseudo-terminal: when the prompt is drawn (from the file's head while the whole
#    file is checked, docs/interviewing.md) and when readline is ready to take the first answer (the whole file
#    checked; readline switches bracketed paste on as it starts reading).
binary = os.path.abspath(bin_)
READY = b"\x1b[?2004h"
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
    drawn = ready = None
    while ready is None:
        r, _, _ = select.select([fd], [], [], 10)
        if not r: raise SystemExit("no prompt within 10 s")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            raise SystemExit("touchpoint ended before its first prompt: " + buf.decode(errors="replace")[-500:])
        buf += chunk
        now = time.perf_counter()
        if drawn is None and "›".encode() in buf: drawn = now
        if READY in buf: ready = now
    os.kill(pid, 9); os.waitpid(pid, 0); os.close(fd)
    return (drawn - t0) * 1000, (ready - t0) * 1000
for name in ["form2000.yaml"]:
    times = [first_prompt(os.path.join(out, name)) for _ in range(runs)]
    drawn = [t[0] for t in times]; ready = [t[1] for t in times]
    print(f"first prompt, {name}: drawn after median {statistics.median(drawn):.1f} ms, min {min(drawn):.1f} ms over {runs} runs (goal 20 ms); "
          f"first answer taken from median {statistics.median(ready):.1f} ms (whole file checked)")
PY
