#!/usr/bin/env python3
# README: oracle for the usability-test scores (Tests/TouchpointCoreTests/Statistics/UsabilityStatisticsTests.swift).
# Regenerate the fixture, from the repository root, with the interop environment:
#   bash Tests/interop/run.sh usability          (makes .venv-interop/ and checks the committed file)
#   .venv-interop/bin/python Tests/TouchpointCoreTests/Statistics/oracle/make_usability_vectors.py \
#       > Tests/TouchpointCoreTests/Statistics/oracle/usability_vectors.json
# The script only writes JSON to stdout; it stops with a message if a package and the formula disagree.
"""Expected values for touchpoint's usability-test scores (SUS, UMUX-Lite, completion, time on task).

Sources: statsmodels (the adjusted-Wald interval is its `agresti_coull`), scipy (normal and t quantiles, the
t interval, the geometric mean), and plain Python for what no package computes: SUS item scoring (Brooke
1996), the Sauro-Lewis curved grading scale, UMUX-Lite and its regression adjustment (Lewis et al. 2013).
Every package result is cross-checked against the formula before it is written.
"""
import json
import math
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.proportion import proportion_confint

rng = np.random.default_rng(20261214)
Z95 = float(st.norm.ppf(0.975))


def agree(a, b, tol=1e-12, what=""):
    if not abs(a - b) <= tol * max(1.0, abs(b)):
        sys.exit(f"cross-check failed for {what}: {a!r} vs {b!r}")


# --- plain-Python definitions -----------------------------------------------------------------------------------
def sus_score(answers):
    """Brooke's scoring: odd items x - 1, even items 5 - x, the sum times 2.5; None unless ten 1-5 answers."""
    if len(answers) != 10 or any(a is None or not 1 <= a <= 5 for a in answers):
        return None
    return 2.5 * sum((a - 1) if i % 2 == 0 else (5 - a) for i, a in enumerate(answers))


# Sauro & Lewis (2016), Quantifying the User Experience, 2nd ed., the curved grading scale: lowest score per grade.
CURVED_GRADING_SCALE = [("A+", 84.1), ("A", 80.8), ("A-", 78.9), ("B+", 77.2), ("B", 74.1), ("B-", 72.6),
                        ("C+", 71.1), ("C", 65.0), ("C-", 62.7), ("D", 51.7), ("F", 0.0)]


def sus_grade(mean):
    for grade, lowest in CURVED_GRADING_SCALE:
        if mean >= lowest - 1e-9:
            return grade
    return None


def umux_lite(a, b):
    return ((a - 1) + (b - 1)) / 12 * 100


def umux_adjusted(value):
    return 0.65 * value + 22.9


def t_interval(values):
    """Mean, sd and the 95% t interval (scipy), or None bounds with fewer than two values."""
    x = np.asarray(values, dtype=float)
    mean = float(x.mean())
    if len(x) < 2:
        return mean, None, None, None
    sd = float(x.std(ddof=1))
    if sd == 0:
        return mean, sd, mean, mean
    low, high = st.t.interval(0.95, len(x) - 1, loc=mean, scale=sd / math.sqrt(len(x)))
    half = float(st.t.ppf(0.975, len(x) - 1)) * sd / math.sqrt(len(x))
    agree(low, mean - half, 1e-12, "t low")
    agree(high, mean + half, 1e-12, "t high")
    return mean, sd, float(low), float(high)


# --- adjusted Wald ------------------------------------------------------------------------------------------------
def adjusted_wald_by_formula(p, n):
    z2 = Z95 * Z95
    adjusted = (p * n + z2 / 2) / (n + z2)
    half = Z95 * math.sqrt(adjusted * (1 - adjusted) / (n + z2))
    return min(max(adjusted - half, 0.0), 1.0), min(max(adjusted + half, 0.0), 1.0)


def adjusted_wald_section():
    cases = [(7, 10), (0, 1), (1, 1), (0, 5), (5, 5), (1, 5), (4, 5), (3, 8), (9, 12), (10, 20), (0, 30),
             (29, 30), (50, 100), (1, 1000)]
    cases += [(int(k), int(n)) for n, k in ((n, rng.integers(0, n + 1)) for n in rng.integers(2, 60, size=6))]
    rows = []
    for k, n in cases:
        low, high = proportion_confint(k, n, alpha=0.05, method="agresti_coull")
        low, high = min(max(float(low), 0.0), 1.0), min(max(float(high), 0.0), 1.0)
        flow, fhigh = adjusted_wald_by_formula(k / n, n)
        agree(low, flow, 1e-12, f"adjusted wald low {k}/{n}")
        agree(high, fhigh, 1e-12, f"adjusted wald high {k}/{n}")
        rows.append({"name": f"{k} of {n}", "successes": k, "n": n, "value": 100 * k / n,
                     "low": 100 * low, "high": 100 * high})
    return rows


def weighted_adjusted_wald_section():
    cases = []
    outcomes = rng.random(15) < 0.6
    cases.append(("equal weights equal the unweighted interval", outcomes, np.full(15, 1.7)))
    cases.append(("random weights", outcomes, rng.uniform(0.3, 2.5, 15)))
    cases.append(("zero weights drop attempts", np.array([True, False, True, True]), np.array([1.0, 0.0, 2.0, 1.0])))
    rows = []
    for name, o, w in cases:
        share = float((w * o).sum() / w.sum())
        neff = float(w.sum() ** 2 / (w ** 2).sum())
        low, high = proportion_confint(share * neff, neff, alpha=0.05, method="agresti_coull")
        low, high = min(max(float(low), 0.0), 1.0), min(max(float(high), 0.0), 1.0)
        flow, fhigh = adjusted_wald_by_formula(share, neff)
        agree(low, flow, 1e-12, f"weighted adjusted wald low {name}")
        agree(high, fhigh, 1e-12, f"weighted adjusted wald high {name}")
        rows.append({"name": name, "outcomes": [bool(x) for x in o], "weights": [float(x) for x in w],
                     "value": 100 * share, "low": 100 * low, "high": 100 * high, "n_eff": neff})
    return rows


# --- SUS -------------------------------------------------------------------------------------------------------
def sus_section():
    respondents = [
        [3] * 10,
        [5, 1, 5, 1, 5, 1, 5, 1, 5, 1],
        [1, 5, 1, 5, 1, 5, 1, 5, 1, 5],
        [4, 2, 4, 1, 4, 2, 5, 2, 4, 1],
        [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ] + [[int(v) for v in rng.integers(1, 6, 10)] for _ in range(5)]
    scores = [{"answers": r, "score": sus_score(r)} for r in respondents]
    incomplete = [{"answers": [4, 2, 4, 1, None, 2, 5, 2, 4, 1], "score": None},
                  {"answers": [4, 2, 4, 1, 4, 2, 5, 2, 4], "score": None},
                  {"answers": [6, 2, 4, 1, 4, 2, 5, 2, 4, 1], "score": None}]
    samples = []
    for name, size, lean in [("twelve participants", 12, 0.8), ("five participants", 5, 0.5),
                             ("thirty participants", 30, 1.2), ("two participants", 2, 0.0)]:
        rows = []
        for _ in range(size):
            trait = rng.normal(lean, 1)
            rows.append([int(np.clip(round(3 + (trait if i % 2 == 0 else -trait) + rng.normal(0, 0.7)), 1, 5))
                         for i in range(10)])
        values = [sus_score(r) for r in rows]
        mean, sd, low, high = t_interval(values)
        samples.append({"name": name, "respondents": rows, "scores": values, "mean": mean, "sd": sd,
                        "low": low, "high": high, "grade": sus_grade(mean)})
    grades = [{"mean": m, "grade": sus_grade(m)} for m in
              [100, 84.1, 84.09999999999, 84.05, 84.0, 80.8, 80.7, 78.9, 77.2, 74.1, 72.6, 71.1, 68, 65.0, 64.9,
               62.7, 62.6, 51.7, 51.6, 30, 0]]
    return {"scores": scores + incomplete, "samples": samples, "grades": grades}


# --- UMUX-Lite ---------------------------------------------------------------------------------------------------
def umux_section():
    pairs = [{"a": a, "b": b, "value": umux_lite(a, b), "adjusted": umux_adjusted(umux_lite(a, b))}
             for a, b in [(1, 1), (7, 7), (4, 4), (6, 5), (2, 7), (7, 3)]]
    samples = []
    for name, size in [("ten participants", 10), ("twenty-five participants", 25), ("three participants", 3)]:
        raw = [(int(a), int(b)) for a, b in zip(rng.integers(3, 8, size), rng.integers(2, 8, size))]
        values = [umux_lite(a, b) for a, b in raw]
        mean, sd, low, high = t_interval(values)
        samples.append({"name": name, "pairs": [list(p) for p in raw], "mean": mean, "sd": sd, "low": low,
                        "high": high, "adjusted": umux_adjusted(mean)})
    return {"pairs": pairs, "samples": samples}


# --- time on task ------------------------------------------------------------------------------------------------
def geometric_row(name, seconds):
    x = np.asarray(seconds, dtype=float)
    value = float(st.gmean(x))
    logs = np.log(x)
    agree(value, math.exp(float(logs.mean())), 1e-12, f"gmean {name}")
    if len(x) < 2:
        return {"name": name, "seconds": [float(v) for v in x], "value": value, "low": None, "high": None}
    if logs.std(ddof=1) == 0:  # scipy cannot take a zero scale; the interval of equal times is the time itself
        return {"name": name, "seconds": [float(v) for v in x], "value": value, "low": value, "high": value}
    low, high = st.t.interval(0.95, len(x) - 1, loc=logs.mean(), scale=logs.std(ddof=1) / math.sqrt(len(x)))
    return {"name": name, "seconds": [float(v) for v in x], "value": value, "low": math.exp(low), "high": math.exp(high)}


def geometric_section():
    rows = [
        geometric_row("the issue's oracle: 40, 55, 62, 80, 120 s", [40, 55, 62, 80, 120]),
        geometric_row("two attempts", [12.5, 50]),
        geometric_row("one attempt, no interval", [33.0]),
        geometric_row("equal times", [20.0, 20.0, 20.0]),
        geometric_row("lognormal sample of 8", rng.lognormal(math.log(45), 0.5, 8)),
        geometric_row("lognormal sample of 20", rng.lognormal(math.log(90), 0.8, 20)),
        geometric_row("sub-second times", [0.4, 0.9, 1.3, 0.25]),
    ]
    return rows


def main():
    document = {
        "generator": {
            "script": "Tests/TouchpointCoreTests/Statistics/oracle/make_usability_vectors.py",
            "seed": 20261214,
            "python": sys.version.split()[0],
            "numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
            "notes": "Percentages are 0-100; times in seconds; null marks an undefined value (no interval, a "
                     "respondent who is not scored).",
        },
        "adjusted_wald": adjusted_wald_section(),
        "adjusted_wald_weighted": weighted_adjusted_wald_section(),
        "sus": sus_section(),
        "umux_lite": umux_section(),
        "geometric_mean": geometric_section(),
    }
    json.dump(document, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
