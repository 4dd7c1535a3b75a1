#!/usr/bin/env python3
# README: the timed usability fixture and its expected scores, for Tests/TouchpointCLITests/UsabilityTests.swift.
# `touchpoint simulate` answers at random but records no time (0 ms a prompt), so this script gives each task
# attempt a seeded log-normal time, then scores the result independently of touchpoint (statsmodels' Agresti-Coull
# interval, scipy's t interval and geometric mean, SUS, UMUX-Lite and Cronbach's alpha by their formulas).
# Regenerate from the repository root (the interop check `usability` does this and compares):
#   .build/debug/touchpoint simulate questionnaires/usability_test.yaml -n 60 --seed 14 --out /tmp/sim.jsonl
#   .venv-interop/bin/python Tests/TouchpointCLITests/Fixtures/usability/make_timed.py /tmp/sim.jsonl \
#       Tests/TouchpointCLITests/Fixtures/usability
import json
import math
import sys

import numpy as np
import scipy.stats as st
from statsmodels.stats.proportion import proportion_confint

MEDIAN_SECONDS = {"find_plan": 60.0, "top_up": 45.0, "cancel": 90.0}
SUS_ITEMS = [f"sus_{i:02d}" for i in range(1, 11)]
GRADES = [("A+", 84.1), ("A", 80.8), ("A-", 78.9), ("B+", 77.2), ("B", 74.1), ("B-", 72.6), ("C+", 71.1),
          ("C", 65.0), ("C-", 62.7), ("D", 51.7), ("F", 0.0)]


def add_times(records, rng):
    for record in records:
        for key in sorted(record["durations_ms"]):
            if key.startswith("task_done["):
                task = key[len("task_done["):-1]
                record["durations_ms"][key] = int(round(1000 * rng.lognormal(math.log(MEDIAN_SECONDS[task]), 0.5)))
    return records


def t_summary(values):
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return None, None, None
    mean = float(x.mean())
    if len(x) < 2:
        return mean, None, None
    sd = float(x.std(ddof=1))
    low, high = st.t.interval(0.95, len(x) - 1, loc=mean, scale=sd / math.sqrt(len(x)))
    return mean, sd, [float(low), float(high)]


def cronbach(rows):
    m = np.asarray(rows, dtype=float)
    if len(m) < 2 or m.sum(axis=1).var(ddof=1) == 0:
        return None
    k = m.shape[1]
    return float(k / (k - 1) * (1 - m.var(axis=0, ddof=1).sum() / m.sum(axis=1).var(ddof=1)))


def completion(attempts):
    n = len(attempts)
    k = sum(1 for a in attempts if a["ok"])
    entry = {"method": "completion", "n": n, "value": None, "ci95": None, "count": k}
    if n:
        low, high = proportion_confint(k, n, alpha=0.05, method="agresti_coull")
        entry.update(value=100 * k / n, ci95=[100 * max(low, 0.0), 100 * min(high, 1.0)])
    return entry


def time_on_task(times):
    entry = {"method": "time_on_task", "n": len(times), "value": None, "ci95": None}
    if times:
        mean, _, ci = t_summary(np.log(times))
        entry.update(value=float(st.gmean(times)), ci95=None if ci is None else [math.exp(ci[0]), math.exp(ci[1])])
        assert abs(entry["value"] - math.exp(mean)) < 1e-9
    return entry


def mean_score(values):
    mean, sd, ci = t_summary(values)
    return {"method": "mean", "n": len(values), "value": mean, "ci95": ci, "sd": sd, "alpha": None}


def scores(records):
    attempts, sus_rows, sus_scores, umux = [], [], [], []
    for r in records:
        if r["status"] != "complete":
            continue
        a = r["answers"]
        for task, outcome in a.get("task_success", {}).items():
            attempts.append({"task": task, "ok": outcome == "completed", "seq": a["seq"][task],
                             "seconds": r["durations_ms"].get(f"task_done[{task}]", 0) / 1000})
        if all(i in a for i in SUS_ITEMS):
            parts = [(a[i] - 1) if n % 2 == 0 else (5 - a[i]) for n, i in enumerate(SUS_ITEMS)]
            sus_rows.append(parts)
            sus_scores.append(2.5 * sum(parts))
        if "umux_capabilities" in a and "umux_easy" in a:
            umux.append(((a["umux_capabilities"] - 1) + (a["umux_easy"] - 1)) / 12 * 100)
    tasks = list(MEDIAN_SECONDS)
    of = {t: [a for a in attempts if a["task"] == t] for t in tasks}
    out = {"task_completion": completion(attempts)}
    for t in tasks:
        out[f"{t}_completion"] = completion(of[t])
    out["task_time"] = time_on_task([a["seconds"] for a in attempts if a["ok"] and a["seconds"] > 0])
    for t in tasks:
        out[f"{t}_time"] = time_on_task([a["seconds"] for a in of[t] if a["ok"] and a["seconds"] > 0])
    out["task_time_all"] = time_on_task([a["seconds"] for a in attempts if a["seconds"] > 0])
    out["seq"] = mean_score([a["seq"] for a in attempts])
    for t in tasks:
        out[f"{t}_seq"] = mean_score([a["seq"] for a in of[t]])
    mean, sd, ci = t_summary(sus_scores)
    grade = None if mean is None else next(g for g, lowest in GRADES if mean >= lowest - 1e-9)
    out["sus"] = {"method": "sus", "n": len(sus_scores), "value": mean, "ci95": ci, "sd": sd,
                  "alpha": cronbach(sus_rows), "grade": grade}
    mean, sd, ci = t_summary(umux)
    out["umux_lite"] = {"method": "umux_lite", "n": len(umux), "value": mean, "ci95": ci, "sd": sd,
                        "adjusted": None if mean is None else 0.65 * mean + 22.9}
    return out


def main():
    source, folder = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    records = add_times(records, np.random.default_rng(20261214))
    with open(f"{folder}/timed.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    groups = []
    for segment in ["new", "existing"]:
        chosen = [r for r in records if r["meta"].get("segment") == segment]
        if chosen:
            groups.append({"by": {"meta.segment": segment}, "responses": len(chosen), "scores": scores(chosen)})
    expected = {"questionnaire": "usability_test", "responses": len(records), "scores": scores(records), "groups": groups}
    with open(f"{folder}/timed_expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
