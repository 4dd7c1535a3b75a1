#!/usr/bin/env python3
"""Time `touchpoint validate` and pyxform on the same generated form, and print the comparison.

Run by validate_bench.sh with the virtual environment's python (which has pyxform installed); it
expects the forms generated already (gen_questionnaire.py) and the release binary built.

Measured:
  touchpoint   wall time of the whole process `touchpoint validate FORM.yaml` (start-up included)
  pyxform      (a) in-process: `pyxform.xls2xform.convert(FORM.md)` to XForm XML, inside one Python
                   process after pyxform is imported (no interpreter start-up, no imports)
               (b) whole process: `xls2xform --skip_validate FORM.md FORM.xml` (what a user runs)
Every figure is the median of several runs after a warm-up run. Wall-clock timings use hyperfine when
it is installed, else a time.perf_counter loop around subprocess.run.
"""

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time


def fail(message):
    print(f"validate_bench: {message}", file=sys.stderr)
    sys.exit(1)


def check_runs_cleanly(command, what):
    """Run once untimed: a benchmark of a command that fails measures nothing."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        shown = "\n  ".join(output[:20])
        more = f"\n  ... ({len(output) - 20} more lines)" if len(output) > 20 else ""
        fail(f"{what} exited with status {result.returncode}; nothing was timed.\n"
             f"  command: {' '.join(command)}\n  {shown}{more}")
    return result


def time_wall(command, runs, warmup, export_path):
    """Median and minimum wall time of `command` in seconds, and the tool that measured it."""
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        subprocess.run(
            [hyperfine, "--style", "none", "--warmup", str(warmup), "--runs", str(runs), "-N",
             "--export-json", export_path, "--", shlex.join(command)],
            check=True, stdout=subprocess.DEVNULL)
        with open(export_path, encoding="utf-8") as f:
            result = json.load(f)["results"][0]
        return result["median"], result["min"], "hyperfine"
    samples = []
    for i in range(warmup + runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if i >= warmup:
            samples.append(elapsed)
    return statistics.median(samples), min(samples), "perf_counter loop"


def time_pyxform_in_process(md_path, runs):
    """Median and minimum of pyxform's conversion call, from reading the file to the XForm string."""
    from pyxform.xls2xform import convert

    samples = []
    xform = ""
    for i in range(runs + 1):
        start = time.perf_counter()
        warnings = []
        xform = convert(xlsform=md_path, validate=False, warnings=warnings).xform
        elapsed = time.perf_counter() - start
        if i > 0:  # the first run is the warm-up
            samples.append(elapsed)
    if "<h:html" not in xform:
        fail("pyxform did not produce an XForm document")
    return statistics.median(samples), min(samples)


def milliseconds(seconds):
    return f"{seconds * 1000:9.1f} ms"


def main(argv):
    parser = argparse.ArgumentParser(description="Time touchpoint validate against pyxform.")
    parser.add_argument("--touchpoint", help="path of the touchpoint binary (omit to time pyxform only)")
    parser.add_argument("--out", required=True, help="folder holding the generated forms")
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--baseline-questions", type=int, default=10,
                        help="size of the small form used to show touchpoint's start-up cost")
    parser.add_argument("--runs", type=int, default=10, help="timed runs of touchpoint")
    parser.add_argument("--pyxform-runs", type=int, default=5, help="timed runs of pyxform")
    args = parser.parse_args(argv)

    yaml_path = os.path.join(args.out, f"form{args.questions}.yaml")
    md_path = os.path.join(args.out, f"form{args.questions}.md")
    xml_path = os.path.join(args.out, f"form{args.questions}.xml")
    small_path = os.path.join(args.out, f"form{args.baseline_questions}.yaml")
    for path in (yaml_path, md_path):
        if not os.path.exists(path):
            fail(f"{path} is missing; run gen_questionnaire.py first")

    import pyxform
    pyxform_version = getattr(pyxform, "__version__", "?")
    rows = []  # (label, median, minimum, how)

    tp_median = None
    if args.touchpoint:
        command = [args.touchpoint, "validate", yaml_path]
        first = check_runs_cleanly(command, "touchpoint validate")
        summary = [line for line in first.stdout.splitlines() if line.strip()]
        if summary:
            print(f"touchpoint says: {summary[-1]}")
        warnings = sum(1 for line in (first.stdout + first.stderr).splitlines() if ": warning: " in line)
        if warnings:
            print(f"touchpoint reported {warnings} warning(s) on the generated form (run it to see them)")
        tp_median, tp_min, how = time_wall(command, args.runs, 2, os.path.join(args.out, "hyperfine-touchpoint.json"))
        rows.append((f"touchpoint validate ({args.questions} q, whole process)", tp_median, tp_min, how))
        if os.path.exists(small_path):
            small = [args.touchpoint, "validate", small_path]
            check_runs_cleanly(small, "touchpoint validate (small form)")
            s_median, s_min, how = time_wall(small, args.runs, 2, os.path.join(args.out, "hyperfine-small.json"))
            rows.append((f"touchpoint validate ({args.baseline_questions} q, start-up baseline)", s_median, s_min, how))

    py_median, py_min = time_pyxform_in_process(md_path, args.pyxform_runs)
    rows.append((f"pyxform {pyxform_version} convert ({args.questions} q, in-process)", py_median, py_min,
                 "perf_counter"))
    xls2xform = os.path.join(os.path.dirname(sys.executable), "xls2xform")
    cli = [xls2xform, "--skip_validate", md_path, xml_path]
    check_runs_cleanly(cli, "xls2xform")
    px_median, px_min, how = time_wall(cli, args.pyxform_runs, 1, os.path.join(args.out, "hyperfine-xls2xform.json"))
    rows.append((f"pyxform {pyxform_version} xls2xform ({args.questions} q, whole process)", px_median, px_min, how))

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'what':<{width}}  {'median':>12}  {'min':>12}  timed by")
    print(f"{'-' * width}  {'-' * 12}  {'-' * 12}  {'-' * 17}")
    for label, median, minimum, how in rows:
        print(f"{label:<{width}}  {milliseconds(median):>12}  {milliseconds(minimum):>12}  {how}")
    print()

    if tp_median is None:
        print("touchpoint was not timed (no binary); pyxform figures only.")
        return 1
    in_process_ratio = py_median / tp_median
    process_ratio = px_median / tp_median
    speed_ok = in_process_ratio >= 30  # this round's goal (issue 7); 10x was the first round's
    time_ok = tp_median < 0.100
    lines = [
        ("ratio, pyxform in-process / touchpoint (conservative)", f"{in_process_ratio:.1f}x"),
        ("ratio, pyxform whole process / touchpoint", f"{process_ratio:.1f}x"),
        ("goal: at least 30x faster than pyxform (conservative ratio)", "met" if speed_ok else "NOT met"),
        (f"goal: under 100 ms for {args.questions} questions", "met" if time_ok else "NOT met"),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
