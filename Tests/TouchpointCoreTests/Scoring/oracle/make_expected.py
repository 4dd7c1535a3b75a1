#!/usr/bin/env python3
# README: oracle for Tests/TouchpointCoreTests/Scoring. It writes the fixture responses and the values the
# scoring tests expect, computed from the same raw data with the packages analysts use. From this folder:
#   python3 -m venv /tmp/touchpoint-oracle && /tmp/touchpoint-oracle/bin/pip install numpy scipy statsmodels pingouin
#   /tmp/touchpoint-oracle/bin/python make_expected.py
# (keep the venv outside the repository). It rewrites ../../Fixtures/scoring/responses.jsonl and expected.json.
"""Expected scores of ../../Fixtures/scoring/scoring.yaml over seeded respondents.

Each respondent is drawn first as plain Python values; the response records are written from them, and the
expected figures are computed from them independently of touchpoint: scipy (Pearson r with its Fisher-z
interval), statsmodels (Wilson intervals, t intervals and weighted statistics through DescrStatsW), pingouin
(Cronbach's alpha, listwise), numpy (NPS by its formula: no package has one). The case definitions are those
of SPEC section 6 as touchpoint documents them: loop items give one case per loop answer, a whole grid one
per row; `percent` counts the respondents asked a question its rule names; `min_answered` cases of a scale.
"""
import hashlib
import json
import math
import os
import random
import uuid

import numpy as np
import pandas as pd
import pingouin as pg
import scipy.stats as st
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Fixtures", "scoring")
Z95 = 1.959963984540054
CHANNELS = ["app", "store", "web"]


def draw(rng, count):
    people = []
    for index in range(count):
        p = {"index": index}
        roll = rng.random()
        p["segment"] = "new" if roll < 0.45 else ("regular" if roll < 0.92 else None)
        p["region"] = rng.choice(["north", "south", "东部"])
        p["weight"] = 0.0 if index == 7 else round(rng.uniform(0.3, 3.0), 3)
        p["eligible"] = rng.random() >= 0.1
        if p["eligible"]:
            p["solved"] = rng.random() < 0.7
            p["ease"] = rng.randint(1, 7)
            p["effort_hard"] = max(1, min(7, 8 - p["ease"] + rng.randint(-2, 2)))
            p["clarity"] = None if rng.random() < 0.2 else max(1, min(7, p["ease"] + rng.randint(-2, 2)))
            p["recommend"] = max(0, min(10, p["ease"] + (2 if p["solved"] else -1) + rng.randint(-2, 3)))
            p["tier"] = rng.randint(1, 3)
            used = [c for c in CHANNELS if rng.random() < 0.55] or [rng.choice(CHANNELS)]
            p["used"] = used
            p["channel_sat"] = {c: rng.randint(1, 5) for c in used}
            p["channel_nps"] = {c: rng.randint(0, 10) for c in used}
            p["service"] = {"speed": rng.randint(1, 5), "staff": rng.randint(1, 5)}
        people.append(p)
    return people


def record(p, rng, sha):
    answers, missing, computed = {"eligible": p["eligible"]}, {}, {}
    path = ["eligible"]
    status = "screened_out"
    if p["eligible"]:
        status = "complete"
        for key in ["solved", "ease", "effort_hard"]:
            answers[key] = p[key]
        if p["clarity"] is None:
            missing["clarity"] = "skipped"
        else:
            answers["clarity"] = p["clarity"]
        answers["recommend"] = p["recommend"]
        answers["tier"] = p["tier"]
        answers["used"] = p["used"]
        answers["channel_sat"] = p["channel_sat"]
        answers["channel_nps"] = p["channel_nps"]
        answers["service"] = p["service"]
        computed = {"promoter": p["recommend"] >= 9}
        path += ["solved", "ease", "effort_hard", "clarity", "recommend", "tier", "used"]
        for c in p["used"]:
            path += [f"channel_sat[{c}]", f"channel_nps[{c}]"]
        path += ["service"]
    meta = {"region": p["region"], "weight": p["weight"]}
    if p["segment"] is not None:
        meta["segment"] = p["segment"]
    day = 1 + p["index"] % 28
    return {"questionnaire": "scoring_fixture", "version": "1", "questionnaire_sha256": sha,
            "response_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "status": status,
            "respondent": f"R{p['index'] + 1}", "interviewer": None, "mode": "headless", "language": "",
            "started_at": f"2026-11-{day:02d}T09:00:00Z", "completed_at": f"2026-11-{day:02d}T09:05:00Z",
            "meta": dict(sorted(meta.items())), "answers": answers, "missing": missing, "computed": computed,
            "path": path, "durations_ms": {}, "option_order": {}, "warnings": []}


# --- cases, as SPEC section 6 defines them ----------------------------------------------------------------------
def cases(people):
    """Per score, the list of (value(s), weight) cases over the given respondents."""
    c = {k: [] for k in ["nps", "channel_nps", "ease_top2", "ease_bottom3", "csat", "tier_top", "success",
                         "loyal_new", "ces", "ces_sum", "channel_mean", "channel_service", "service"]}
    alpha = {"ces": [], "ces_sum": [], "channel_service": []}
    drivers = {k: [] for k in ["ease", "solved", "clarity", "channel_sat", "promoter"]}
    targets = []
    for p in people:
        if not p["eligible"]:
            continue
        w = p["weight"]
        c["nps"].append((p["recommend"], w))
        targets.append(w)
        for ch in p["used"]:
            c["channel_nps"].append((p["channel_nps"][ch], w))
            c["csat"].append((p["channel_sat"][ch] >= 4, w))
            c["channel_mean"].append((p["channel_sat"][ch], w))
            pair = [p["channel_sat"][ch], p["service"]["speed"]]
            c["channel_service"].append((sum(pair) / 2, w))
            alpha["channel_service"].append(pair)
            drivers["channel_sat"].append((p["channel_sat"][ch], p["recommend"], w))
        c["ease_top2"].append((p["ease"] >= 6, w))
        c["ease_bottom3"].append((p["ease"] <= 3, w))
        c["tier_top"].append((p["tier"] == 3, w))
        c["success"].append((p["solved"], w))
        c["loyal_new"].append((p["segment"] == "new" and p["recommend"] >= 9, w))
        items = [p["ease"], 8 - p["effort_hard"], p["clarity"]]
        answered = [x for x in items if x is not None]
        if len(answered) >= 2:
            c["ces"].append((sum(answered) / len(answered), w))
        alpha["ces"].append(items)
        c["ces_sum"].append((p["ease"] + 8 - p["effort_hard"], w))
        alpha["ces_sum"].append([p["ease"], 8 - p["effort_hard"]])
        for row in ["speed", "staff"]:
            c["service"].append((p["service"][row], w))
        drivers["ease"].append((p["ease"], p["recommend"], w))
        drivers["solved"].append((1.0 if p["solved"] else 0.0, p["recommend"], w))
        if p["clarity"] is not None:
            drivers["clarity"].append((p["clarity"], p["recommend"], w))
        drivers["promoter"].append((1.0 if p["recommend"] >= 9 else 0.0, p["recommend"], w))
    return c, alpha, drivers, targets


def kish(w):
    w = np.asarray(w, dtype=float)
    return float(w.sum() ** 2 / (w ** 2).sum())


def fl(x):
    return None if x is None else float(x)


def nps(case, weighted, adjusted):
    r = np.array([x for x, _ in case])
    w = np.array([w for _, w in case]) if weighted else np.ones(len(case))
    promoter, passive, detractor = r >= 9, (r >= 7) & (r <= 8), r <= 6
    p, d = (w * promoter).sum() / w.sum(), (w * detractor).sum() / w.sum()
    n = kish(w) if weighted else len(r)
    # The Wald variance p + d - (p - d)^2 is the variance of the +1/0/-1 coding (statsmodels, ddof 0).
    coded = promoter.astype(float) - detractor.astype(float)
    var = DescrStatsW(coded, weights=w).var
    if adjusted:
        pa, da, na = (p * n + 0.75) / (n + 3), (d * n + 0.75) / (n + 3), n + 3
        centre, var, size = pa - da, pa + da - (pa - da) ** 2, na
    else:
        centre, size = p - d, n
    half = Z95 * math.sqrt(max(var, 0.0) / size)
    return {"n": len(r), "promoters": int(promoter.sum()), "passives": int(passive.sum()),
            "detractors": int(detractor.sum()), "value": 100 * (p - d),
            "low": 100 * max(centre - half, -1.0), "high": 100 * min(centre + half, 1.0),
            "n_eff": kish(w) if weighted else None}


def share(case, weighted):
    hits = np.array([bool(x) for x, _ in case])
    w = np.array([w for _, w in case]) if weighted else np.ones(len(case))
    n = len(hits)
    if n == 0:
        return {"n": 0, "count": 0, "value": None, "low": None, "high": None, "n_eff": None}
    value = (w * hits).sum() / w.sum()
    size = kish(w) if weighted else n
    low, high = proportion_confint(value * size, size, alpha=0.05, method="wilson")
    return {"n": n, "count": int(hits.sum()), "value": 100 * value, "low": 100 * low, "high": 100 * high,
            "n_eff": size if weighted else None}


def mean(case, weighted, alpha_rows):
    x = np.array([v for v, _ in case], dtype=float)
    w = np.array([w for _, w in case]) if weighted else np.ones(len(case))
    if weighted:
        neff = kish(w)
        d = DescrStatsW(x, weights=w * neff / w.sum(), ddof=1)
    else:
        neff = None
        d = DescrStatsW(x)
    low, high = d.tconfint_mean(alpha=0.05)
    result = {"n": len(x), "value": float(d.mean), "sd": float(d.std if weighted else x.std(ddof=1)),
              "low": low, "high": high, "n_eff": neff, "alpha": None}
    if not weighted:
        check = st.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=x.std(ddof=1) / math.sqrt(len(x)))
        assert abs(check[0] - low) < 1e-9 and abs(check[1] - high) < 1e-9
    if alpha_rows is not None and len(alpha_rows[0]) >= 2:
        frame = pd.DataFrame([[np.nan if v is None else v for v in row] for row in alpha_rows], dtype=float)
        result["alpha"], _ = pg.cronbach_alpha(data=frame, nan_policy="listwise")
        result["alpha_n"] = int(frame.dropna().shape[0])
    return result


def pearson(pairs, weighted):
    x = np.array([a for a, _, _ in pairs], dtype=float)
    y = np.array([b for _, b, _ in pairs], dtype=float)
    w = np.array([c for _, _, c in pairs], dtype=float) if weighted else np.ones(len(pairs))
    if not weighted:
        result = st.pearsonr(x, y)
        ci = result.confidence_interval(confidence_level=0.95)
        return {"n": len(x), "r": float(result.statistic), "low": float(ci.low), "high": float(ci.high), "n_eff": None}
    r = float(DescrStatsW(np.column_stack([x, y]), weights=w).corrcoef[0, 1])
    neff = kish(w)
    z, se = math.atanh(r), 1 / math.sqrt(neff - 3)
    return {"n": len(x), "r": r, "low": math.tanh(z - Z95 * se), "high": math.tanh(z + Z95 * se), "n_eff": neff}


def scores(people, weighted=False, adjusted=False):
    c, alpha, drivers, targets = cases(people)
    out = {"responses": len(people)}
    out["nps"] = nps(c["nps"], weighted, adjusted)
    out["channel_nps"] = nps(c["channel_nps"], weighted, adjusted)
    for key in ["ease_top2", "ease_bottom3", "csat", "tier_top", "success", "loyal_new"]:
        out[key] = share(c[key], weighted)
    for key in ["ces", "ces_sum", "channel_mean", "channel_service", "service"]:
        out[key] = mean(c[key], weighted, alpha.get(key))
    out["drivers"] = {"n": len(targets), "items": {k: pearson(v, weighted) for k, v in drivers.items()}}
    return out


def clean(value):
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def main():
    rng = random.Random(20261123)
    people = draw(rng, 90)
    with open(os.path.join(FIXTURES, "scoring.yaml"), "rb") as source:
        sha = hashlib.sha256(source.read()).hexdigest()
    with open(os.path.join(FIXTURES, "responses.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for p in people:
            out.write(json.dumps(record(p, rng, sha), ensure_ascii=False, separators=(",", ":")) + "\n")
    groups = {}
    for label in ["new", "regular", None]:
        members = [p for p in people if p["segment"] == label]
        groups["(missing)" if label is None else label] = scores(members)
    expected = {
        "unweighted": scores(people),
        "by_segment": groups,
        "weighted": scores(people, weighted=True),
        "adjusted_wald": scores(people, adjusted=True),
        "weighted_adjusted_wald": scores(people, weighted=True, adjusted=True),
    }
    with open(os.path.join(FIXTURES, "expected.json"), "w", encoding="utf-8") as out:
        json.dump(clean(expected), out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
