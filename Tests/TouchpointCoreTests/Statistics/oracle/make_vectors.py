#!/usr/bin/env python3
# README: oracle for Tests/TouchpointCoreTests/Statistics. Regenerate the fixture, from this folder, with
#   python3 -m venv /tmp/touchpoint-oracle && /tmp/touchpoint-oracle/bin/pip install numpy scipy statsmodels pingouin pandas
#   /tmp/touchpoint-oracle/bin/python make_vectors.py > ../vectors.json
# (keep the venv outside the repository: SwiftPM would see its files as part of the test target). The script
# only writes JSON to stdout; it fails loudly if any cross-check between packages and formulas disagrees.
"""Expected values for touchpoint's statistics, from the packages analysts trust.

Sources: scipy (normal and t distributions, incomplete beta, Pearson r and its Fisher-z interval),
statsmodels (Wilson interval, weighted means and correlations via DescrStatsW), pingouin (Cronbach's alpha,
Pearson cross-check), numpy (NPS by its formula: no package has an NPS function). Every section is
cross-checked against a second computation before it is written.
"""
import json
import math
import sys
import warnings

# ---------------------------------------------------------------------------------------------------------------
# Plain-Python cross-checks by formula (only `math`): the package-based values below must agree with these.
# ---------------------------------------------------------------------------------------------------------------
Z95 = 1.959963984540054  # norm.isf(0.025), as statsmodels uses it


def wilson_by_formula(p, n):
    """Wilson score interval for share p on n cases, clipped to [0, 1], as (low, high) shares."""
    z2 = Z95 * Z95
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return min(max(centre - half, 0.0), 1.0), min(max(centre + half, 0.0), 1.0)


def nps_by_formula(p, d, n):
    """(NPS, low, high) in points for promoter share p, detractor share d on n cases; Wald, clipped."""
    diff = p - d
    half = Z95 * math.sqrt(max(p + d - diff * diff, 0.0) / n)
    return 100 * diff, 100 * max(diff - half, -1.0), 100 * min(diff + half, 1.0)


def agree(a, b, tol=1e-12, what=""):
    if a is None or b is None:
        if a is not None or b is not None:
            sys.exit(f"cross-check failed for {what}: {a!r} vs {b!r}")
        return
    if not abs(a - b) <= tol * max(1.0, abs(b)):
        sys.exit(f"cross-check failed for {what}: {a!r} vs {b!r}")


# ---------------------------------------------------------------------------------------------------------------
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pingouin as pg  # noqa: E402
import scipy  # noqa: E402
import scipy.special as sp  # noqa: E402
import scipy.stats as st  # noqa: E402
import statsmodels  # noqa: E402
from statsmodels.stats.proportion import proportion_confint  # noqa: E402
from statsmodels.stats.weightstats import DescrStatsW  # noqa: E402

warnings.filterwarnings("ignore", message="Sample size is too small")  # pingouin's power, unused here
pg.options["round.column.CI95"] = None  # pingouin rounds this column to 2 decimals by default
rng = np.random.default_rng(20261123)


def f(x):
    """A float for JSON, or None for an undefined value."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def kish(w):
    w = np.asarray(w, dtype=float)
    return float(w.sum() ** 2 / (w ** 2).sum())


# --- distributions ---------------------------------------------------------------------------------------------
def normal_section():
    ps = [1e-300, 1e-100, 1e-20, 1e-12, 1.4e-11, 1e-5, 0.001, 0.025, 0.05, 0.0749, 0.0751, 0.3, 0.5,
          0.7, 0.925, 0.975, 0.995, 0.999, 1 - 1e-10]
    quantile = [{"p": p, "x": f(st.norm.ppf(p))} for p in ps]
    xs = [-37.5, -20, -8, -3, -1.959963984540054, -1, -0.1, 0, 0.5, 1.96, 4, 9]
    cdf = [{"x": x, "p": f(st.norm.cdf(x))} for x in xs]
    agree(st.norm.ppf(0.975), Z95, 1e-15, "z95")
    return quantile, cdf


def t_quantile_section():
    rows = []
    for df in range(1, 1001):
        for p in (0.975, 0.995):  # 0.025 mirrors 0.975 and is covered below
            rows.append({"p": p, "df": float(df), "t": f(st.t.ppf(p, df))})
    few = list(range(1, 31)) + list(range(40, 1001, 60)) + [1.5, 2.5, 3.7, 10.3, 99.99, 1234.5]
    big = [1e4, 1e5, 3e5, 1e6, 1e7, 1e8, 1e10, 1e12]
    for df in few + big:
        for p in (1e-10, 1e-6, 0.001, 0.1, 0.4, 0.6, 0.9, 0.975, 0.999):
            rows.append({"p": p, "df": float(df), "t": f(st.t.ppf(p, df))})
    for row in rows:  # the quantile must invert scipy's CDF too
        agree(st.t.cdf(row["t"], row["df"]), row["p"], 1e-9, f"t.cdf(t.ppf) {row}")
    return rows


def t_cdf_section():
    rows = []
    for df in [1, 2, 3, 4.5, 7, 12, 30, 100, 250, 1000, 1e4, 1e6, 1e9]:
        for t in [-60, -12, -4, -2.2, -1, -0.25, 0, 0.3, 1.5, 2.0, 3.3, 8, 25]:
            rows.append({"t": float(t), "df": float(df), "p": f(st.t.cdf(t, df))})
    return rows


def incomplete_beta_section():
    rows = []
    for a, b in [(0.5, 0.5), (1, 1), (2, 3), (0.3, 7), (10, 0.5), (50, 0.5), (500, 0.5), (5e5, 0.5),
                 (25, 40), (0.5, 250)]:
        for x in [1e-8, 0.01, 0.2, 0.5, 0.77, 0.95, 0.999, 0.999999]:
            rows.append({"x": x, "a": float(a), "b": float(b), "value": f(sp.betainc(a, b, x))})
    return rows


# --- proportions -----------------------------------------------------------------------------------------------
def wilson_section():
    cases = [(0, 1), (1, 1), (0, 2), (1, 2), (0, 10), (10, 10), (5, 10), (1, 3), (37, 120), (1, 1000),
             (999, 1000), (500, 1000), (0, 100000)]
    cases += [(int(k), int(n)) for n, k in
              ((n, rng.integers(0, n + 1)) for n in rng.integers(2, 400, size=6))]
    rows = []
    for k, n in cases:
        low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
        flow, fhigh = wilson_by_formula(k / n, n)
        agree(low, flow, 1e-12, f"wilson low {k}/{n}")
        agree(high, fhigh, 1e-12, f"wilson high {k}/{n}")
        rows.append({"name": f"{k} of {n}", "successes": k, "n": n, "value": f(100 * k / n),
                     "low": f(100 * low), "high": f(100 * high)})
    return rows


def weighted_wilson_section():
    cases = []
    outcomes = rng.random(40) < 0.3
    cases.append(("equal weights equal the unweighted interval", outcomes, np.full(40, 2.5)))
    cases.append(("random weights", outcomes, rng.uniform(0.2, 3.0, 40)))
    cases.append(("zero weights drop cases", np.array([True, False, True, True, False]),
                  np.array([1.0, 0.0, 2.0, 0.0, 1.0])))
    cases.append(("single case", np.array([True]), np.array([0.7])))
    cases.append(("all successes", np.ones(12, dtype=bool), rng.uniform(0.5, 2, 12)))
    big = rng.random(500) < 0.62
    cases.append(("large weighted sample", big, rng.lognormal(0, 0.6, 500)))
    rows = []
    for name, o, w in cases:
        share = float((w * o).sum() / w.sum())
        neff = kish(w)
        low, high = proportion_confint(share * neff, neff, alpha=0.05, method="wilson")
        flow, fhigh = wilson_by_formula(share, neff)
        agree(low, flow, 1e-12, f"weighted wilson low {name}")
        agree(high, fhigh, 1e-12, f"weighted wilson high {name}")
        rows.append({"name": name, "outcomes": [bool(x) for x in o], "weights": [float(x) for x in w],
                     "value": f(100 * share), "low": f(100 * low), "high": f(100 * high), "n_eff": f(neff)})
    return rows


# --- NPS ------------------------------------------------------------------------------------------------------
def nps_row(name, ratings, weights):
    r = np.asarray(ratings)
    w = np.ones(len(r)) if weights is None else np.asarray(weights, dtype=float)
    promoter, passive, detractor = r >= 9, (r >= 7) & (r <= 8), r <= 6
    total = w.sum()
    p, m, d = (w * promoter).sum() / total, (w * passive).sum() / total, (w * detractor).sum() / total
    n = len(r) if weights is None else kish(w)
    # Wald: the variance of the +1/0/-1 coding is p + d - (p - d)^2 (statsmodels, ddof 0).
    coded = promoter.astype(float) - detractor.astype(float)
    var = p + d - (p - d) ** 2
    agree(DescrStatsW(coded, weights=w).var, var, 1e-12, f"NPS variance {name}")
    half = Z95 * np.sqrt(max(var, 0.0) / n)
    value = 100 * (p - d)
    wald = (100 * np.clip(p - d - half, -1, 1), 100 * np.clip(p - d + half, -1, 1))
    fv, flow, fhigh = nps_by_formula(p, d, n)
    agree(value, fv, 1e-12, f"NPS value {name}")
    agree(wald[0], flow, 1e-12, f"NPS wald low {name}")
    agree(wald[1], fhigh, 1e-12, f"NPS wald high {name}")
    # Adjusted Wald: 0.75 / 1.5 / 0.75 added, n + 3; the interval is centred on the adjusted NPS.
    pa, da, na = (p * n + 0.75) / (n + 3), (d * n + 0.75) / (n + 3), n + 3
    half_a = Z95 * np.sqrt((pa + da - (pa - da) ** 2) / na)
    adjusted = (100 * np.clip(pa - da - half_a, -1, 1), 100 * np.clip(pa - da + half_a, -1, 1))
    _, flow, fhigh = nps_by_formula(pa, da, na)
    agree(adjusted[0], flow, 1e-12, f"NPS adjusted low {name}")
    agree(adjusted[1], fhigh, 1e-12, f"NPS adjusted high {name}")
    return {"name": name, "ratings": [int(x) for x in r],
            "weights": None if weights is None else [float(x) for x in w],
            "promoters": int(promoter.sum()), "passives": int(passive.sum()), "detractors": int(detractor.sum()),
            "promoter_percent": f(100 * p), "passive_percent": f(100 * m), "detractor_percent": f(100 * d),
            "value": f(value), "n_eff": None if weights is None else f(n),
            "wald": {"low": f(wald[0]), "high": f(wald[1])},
            "adjusted_wald": {"low": f(adjusted[0]), "high": f(adjusted[1])}}


def nps_section():
    rows = [
        nps_row("one promoter", [10], None),
        nps_row("one detractor", [0], None),
        nps_row("one passive", [7], None),
        nps_row("a promoter and a detractor", [9, 6], None),
        nps_row("all promoters", [9, 10, 10, 9, 10, 9, 9, 10, 10, 10], None),
        nps_row("all detractors", [0, 3, 6, 5, 1, 2], None),
        nps_row("all passives", [7, 8, 8, 7, 7], None),
        nps_row("boundaries 6 7 8 9", [6, 7, 8, 9, 6, 7, 8, 9], None),
        nps_row("small mixed sample", [10, 9, 3, 8, 7, 10, 2, 9, 9, 5, 8, 10], None),
        nps_row("random 0-10, 50 cases", rng.integers(0, 11, 50), None),
        nps_row("random 0-10, 800 cases", rng.integers(0, 11, 800), None),
    ]
    mixed = rng.integers(0, 11, 60)
    rows.append(nps_row("equal weights equal unweighted", mixed, np.full(60, 0.4)))
    rows.append(nps_row("random weights", mixed, rng.uniform(0.3, 2.5, 60)))
    rows.append(nps_row("weighted with zero weights", [10, 2, 8, 9, 0], [1.0, 0.0, 2.0, 1.5, 0.5]))
    rows.append(nps_row("weighted all promoters", [9, 10, 10], [0.5, 1.0, 2.0]))
    rows.append(nps_row("weighted single case", [4], [3.0]))
    return rows


# --- means ------------------------------------------------------------------------------------------------------
def mean_row(name, values, weights):
    x = np.asarray(values, dtype=float)
    if weights is None:
        n = len(x)
        mean = x.mean()
        if n < 2:
            sd, low, high = None, None, None
        else:
            d = DescrStatsW(x)
            low, high = d.tconfint_mean(alpha=0.05)
            sd = x.std(ddof=1)
            # scipy's interval cannot take a zero scale; a constant sample's interval is the point itself.
            slow, shigh = st.t.interval(0.95, n - 1, loc=mean, scale=sd / math.sqrt(n)) if sd > 0 else (mean, mean)
            agree(low, slow, 1e-12, f"mean low {name}")
            agree(high, shigh, 1e-12, f"mean high {name}")
        return {"name": name, "values": [float(v) for v in x], "weights": None, "mean": f(mean), "sd": f(sd),
                "low": f(low), "high": f(high), "n_eff": None}
    w = np.asarray(weights, dtype=float)
    neff = kish(w)
    mean = (w * x).sum() / w.sum()
    if neff <= 1:
        sd, low, high = None, None, None
    else:
        d = DescrStatsW(x, weights=w * neff / w.sum(), ddof=1)
        agree(d.mean, mean, 1e-12, f"weighted mean {name}")
        low, high = d.tconfint_mean(alpha=0.05)
        sd = d.std
        # The definition, by hand: var = sum w (x-m)^2 / sum w * neff / (neff - 1), se = sd / sqrt(neff).
        var = (w * (x - mean) ** 2).sum() / w.sum() * neff / (neff - 1)
        agree(sd, math.sqrt(var), 1e-12, f"weighted sd {name}")
        half = st.t.ppf(0.975, neff - 1) * math.sqrt(var / neff)
        agree(low, mean - half, 1e-12, f"weighted mean low {name}")
        agree(high, mean + half, 1e-12, f"weighted mean high {name}")
    return {"name": name, "values": [float(v) for v in x], "weights": [float(v) for v in w], "mean": f(mean),
            "sd": f(sd), "low": f(low), "high": f(high), "n_eff": f(neff)}


def mean_section():
    likert = rng.integers(1, 8, 100)
    rows = [
        mean_row("one value", [4.0], None),
        mean_row("two values", [3.0, 6.0], None),
        mean_row("constant values", [5.0] * 7, None),
        mean_row("ties on a 1-5 scale", [1, 2, 2, 3, 3, 3, 4, 4, 5, 5], None),
        mean_row("normal sample of 30", rng.normal(3.4, 1.1, 30), None),
        mean_row("likert sample of 100", likert, None),
        mean_row("sum scale scores", rng.integers(3, 22, 45), None),
        mean_row("large magnitudes", 1e6 + rng.normal(0, 250, 25), None),
        mean_row("negative values", rng.normal(-40, 12, 12), None),
        mean_row("equal weights equal unweighted", likert, np.full(100, 3.0)),
        mean_row("random weights", likert, rng.uniform(0.2, 4.0, 100)),
        mean_row("skewed weights, fractional df", [2, 5, 7, 1, 4, 6], [0.1, 5.0, 0.3, 0.2, 0.4, 1.0]),
        mean_row("two weighted cases", [2.0, 9.0], [1.0, 3.0]),
        mean_row("weight on one case only", [2.0, 9.0, 4.0], [0.0, 2.0, 0.0]),
        mean_row("weighted single case", [6.5], [2.0]),
    ]
    return rows


# --- Cronbach's alpha ---------------------------------------------------------------------------------------------
def alpha_row(name, matrix):
    m = np.asarray(matrix, dtype=float)
    alpha, _ = pg.cronbach_alpha(data=pd.DataFrame(m), nan_policy="listwise")
    complete = m[~np.isnan(m).any(axis=1)]
    k = m.shape[1]
    by_hand = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / complete.sum(axis=1).var(ddof=1))
    agree(alpha, by_hand, 1e-12, f"alpha {name}")
    cases = [[None if math.isnan(v) else float(v) for v in row] for row in m]
    return {"name": name, "cases": cases, "alpha": f(alpha), "n": int(len(complete)), "items": k}


def alpha_section():
    def scale(n, k, loading, lo=1, hi=5):
        trait = rng.normal(0, 1, (n, 1))
        raw = loading * trait + rng.normal(0, 1, (n, k))
        return np.clip(np.round(3 + raw), lo, hi)

    with_missing = scale(40, 4, 1.0)
    holes = rng.choice(40 * 4, 18, replace=False)
    with_missing.flat[holes] = np.nan
    rows = [
        alpha_row("two items", [[1, 2], [2, 2], [3, 4], [4, 3], [5, 5]]),
        alpha_row("two complete cases", [[1, 2, 2], [4, 5, 4]]),
        alpha_row("consistent five-item scale", scale(120, 5, 1.2)),
        alpha_row("weak three-item scale", scale(60, 3, 0.3)),
        alpha_row("missing answers, listwise", with_missing),
        alpha_row("negatively related items", [[1, 5], [2, 4], [3, 3], [4, 2], [5, 2], [2, 4]]),
        alpha_row("identical items", [[1, 1, 1], [3, 3, 3], [2, 2, 2], [5, 5, 5]]),
    ]
    return rows


# --- Pearson ---------------------------------------------------------------------------------------------------
def pearson_row(name, x, y, weights=None):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    if weights is None:
        result = st.pearsonr(x, y)
        r = float(result.statistic)
        if n >= 4:
            ci = result.confidence_interval(confidence_level=0.95)
            low, high = float(ci.low), float(ci.high)
            check = pg.corr(x, y)
            agree(float(check["r"].iloc[0]), r, 1e-12, f"pingouin r {name}")
            pl, ph = check["CI95"].iloc[0]
            agree(float(pl), low, 1e-6, f"pingouin CI low {name}")  # pingouin rounds to 6 decimals
            agree(float(ph), high, 1e-6, f"pingouin CI high {name}")
        else:
            low, high = None, None  # scipy gives the trivial [-1, 1]; touchpoint reports no interval
        return {"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y], "weights": None,
                "r": f(r), "low": f(low), "high": f(high), "n_eff": None}
    w = np.asarray(weights, dtype=float)
    neff = kish(w)
    r = float(DescrStatsW(np.column_stack([x, y]), weights=w).corrcoef[0, 1])
    mx, my = (w * x).sum() / w.sum(), (w * y).sum() / w.sum()
    by_hand = (w * (x - mx) * (y - my)).sum() / math.sqrt((w * (x - mx) ** 2).sum() * (w * (y - my) ** 2).sum())
    agree(r, by_hand, 1e-12, f"weighted r {name}")
    if neff > 3:
        z, se = np.arctanh(r), 1 / math.sqrt(neff - 3)
        low, high = np.tanh(z - Z95 * se), np.tanh(z + Z95 * se)
    else:
        low, high = None, None
    return {"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y], "weights": [float(v) for v in w],
            "r": f(r), "low": f(low), "high": f(high), "n_eff": f(neff)}


def pearson_section():
    x100 = rng.normal(0, 1, 100)
    y100 = 0.55 * x100 + rng.normal(0, 1, 100)
    likert_x = rng.integers(1, 6, 80)
    likert_y = np.clip(likert_x + rng.integers(-1, 2, 80), 1, 5)
    rows = [
        pearson_row("two pairs", [1, 2], [3, 5]),
        pearson_row("three pairs, no interval", [1, 2, 3], [2, 1, 7]),
        pearson_row("four pairs, smallest interval", [1, 2, 3, 4], [2, 1, 7, 3]),
        pearson_row("perfect positive", [1, 2, 3, 4, 5], [2, 4, 6, 8, 10]),
        pearson_row("perfect negative", [1, 2, 3, 4, 5, 6], [12, 10, 8, 6, 4, 2]),
        pearson_row("moderate, 100 pairs", x100, y100),
        pearson_row("negative correlation", x100[:40], -0.8 * x100[:40] + rng.normal(0, 0.7, 40)),
        pearson_row("ties on 1-5 scales", likert_x, likert_y),
        pearson_row("near zero", rng.normal(0, 1, 200), rng.normal(0, 1, 200)),
        pearson_row("equal weights equal unweighted", x100, y100, np.full(100, 1.7)),
        pearson_row("random weights", x100, y100, rng.uniform(0.2, 3, 100)),
        pearson_row("weighted ties", likert_x, likert_y, rng.lognormal(0, 0.5, 80)),
        pearson_row("weighted, too few effective cases", [1, 2, 3, 4, 5], [2, 1, 4, 3, 5],
                    [0.1, 0.1, 5.0, 0.1, 4.0]),
    ]
    return rows


# --- differences between groups (score --by: vs_rest and pairwise) -----------------------------------------
# A generator of its own, so that the sections above keep their vectors whatever is added here.
diff_rng = np.random.default_rng(20261201)


def nps_difference_row(name, a, b):
    """NPS of counts a = (promoters, passives, detractors) minus b's: SE of two independent multinomials."""
    def parts(c):
        n = sum(c)
        return c[0] / n, c[2] / n, n

    def coded(c):
        return np.r_[np.ones(c[0]), np.zeros(c[1]), -np.ones(c[2])]

    p1, d1, n1 = parts(a)
    p2, d2, n2 = parts(b)
    v1 = DescrStatsW(coded(a)).var / n1  # ddof 0: the multinomial variance p + d - (p - d)^2, over n
    v2 = DescrStatsW(coded(b)).var / n2
    agree(v1, (p1 + d1 - (p1 - d1) ** 2) / n1, 1e-12, f"NPS variance {name}")
    se = 100 * math.sqrt(v1 + v2)
    difference = 100 * ((p1 - d1) - (p2 - d2))
    z = difference / se
    p = 2 * st.norm.sf(abs(z))
    agree(p, math.erfc(abs(z) / math.sqrt(2)), 1e-12, f"NPS difference p {name}")
    return {"name": name, "a": list(a), "b": list(b), "difference": f(difference), "se": f(se), "z": f(z), "p": f(p)}


def nps_difference_section():
    rows = [nps_difference_row("SPEC oracle", (90, 60, 50), (70, 60, 70)),
            nps_difference_row("equal groups", (40, 30, 30), (40, 30, 30)),
            nps_difference_row("small against large", (6, 2, 4), (310, 220, 170)),
            nps_difference_row("all promoters against mixed", (25, 0, 0), (30, 40, 30))]
    for k in range(3):
        a = tuple(int(x) for x in diff_rng.integers(5, 300, 3))
        b = tuple(int(x) for x in diff_rng.integers(5, 300, 3))
        rows.append(nps_difference_row(f"random counts {k + 1}", a, b))
    return rows


def two_proportion_row(name, x1, n1, x2, n2):
    """Two-proportion z test with the pooled standard error (statsmodels' proportions_ztest default)."""
    from statsmodels.stats.proportion import proportions_ztest
    z, p = proportions_ztest([x1, x2], [n1, n2])
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    difference = x1 / n1 - x2 / n2
    agree(z, difference / se, 1e-12, f"two-proportion z {name}")
    return {"name": name, "x1": x1, "n1": n1, "x2": x2, "n2": n2, "difference": f(100 * difference),
            "se": f(100 * se), "z": f(z), "p": f(p)}


def two_proportion_section():
    rows = [two_proportion_row("textbook", 45, 100, 30, 100),
            two_proportion_row("unequal sizes", 12, 40, 260, 600),
            two_proportion_row("no difference", 50, 200, 25, 100),
            two_proportion_row("near the edge", 1, 50, 9, 60)]
    for k in range(3):
        n1, n2 = (int(x) for x in diff_rng.integers(20, 900, 2))
        x1, x2 = int(diff_rng.integers(1, n1)), int(diff_rng.integers(1, n2))
        rows.append(two_proportion_row(f"random {k + 1}", x1, n1, x2, n2))
    return rows


def welch_row(name, a, b):
    """Welch's unequal-variance t test (scipy), cross-checked with statsmodels' ttest_ind(usevar='unequal')."""
    from statsmodels.stats.weightstats import ttest_ind
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    result = st.ttest_ind(a, b, equal_var=False)
    t2, p2, df2 = ttest_ind(a, b, usevar="unequal")
    agree(result.statistic, t2, 1e-10, f"Welch t {name}")
    agree(result.pvalue, p2, 1e-10, f"Welch p {name}")
    agree(result.df, df2, 1e-10, f"Welch df {name}")
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    return {"name": name, "a": [float(x) for x in a], "b": [float(x) for x in b],
            "mean_a": f(a.mean()), "sd_a": f(a.std(ddof=1)), "mean_b": f(b.mean()), "sd_b": f(b.std(ddof=1)),
            "difference": f(a.mean() - b.mean()), "se": f(se), "t": f(result.statistic), "df": f(result.df),
            "p": f(result.pvalue)}


def welch_section():
    rows = [welch_row("small samples", [4, 5, 3, 4, 5, 2], [3, 2, 2, 4, 1, 3, 2, 3]),
            welch_row("unequal variances", [1, 7, 1, 7, 2, 6, 1, 7, 4], [4, 4, 5, 4, 4, 3, 4])]
    for k in range(3):
        a = np.round(diff_rng.normal(5, 1.2, int(diff_rng.integers(10, 200))), 2)
        b = np.round(diff_rng.normal(5.3, 0.8, int(diff_rng.integers(10, 200))), 2)
        rows.append(welch_row(f"random normal {k + 1}", a, b))
    return rows


def main():
    normal_quantile, normal_cdf = normal_section()
    document = {
        "generator": {
            "script": "Tests/TouchpointCoreTests/Statistics/oracle/make_vectors.py",
            "seed": 20261123,
            "python": sys.version.split()[0],
            "numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
            "pingouin": pg.__version__, "pandas": pd.__version__,
            "notes": "Percentages are 0-100. null marks an undefined value (no interval, r undefined). "
                     "NPS intervals are clipped to [-100, 100]; the adjusted-Wald interval is centred on the "
                     "adjusted NPS. Weighted intervals use Kish n_eff.",
        },
        "normal_quantile": normal_quantile,
        "normal_cdf": normal_cdf,
        "t_quantile": t_quantile_section(),
        "t_cdf": t_cdf_section(),
        "incomplete_beta": incomplete_beta_section(),
        "wilson": wilson_section(),
        "wilson_weighted": weighted_wilson_section(),
        "nps": nps_section(),
        "mean": mean_section(),
        "alpha": alpha_section(),
        "pearson": pearson_section(),
        "nps_difference": nps_difference_section(),
        "two_proportion": two_proportion_section(),
        "welch": welch_section(),
    }
    # One record a line: compact, yet a regenerated file diffs line by line.
    out = ["{"]
    sections = list(document.items())
    for index, (key, value) in enumerate(sections):
        comma = "," if index < len(sections) - 1 else ""
        if isinstance(value, list):
            lines = [json.dumps(item, allow_nan=False) for item in value]
            out.append(f" {json.dumps(key)}: [\n  " + ",\n  ".join(lines) + f"\n ]{comma}")
        else:
            nested = json.dumps(value, indent=2, allow_nan=False).replace("\n", "\n ")
            out.append(f" {json.dumps(key)}: {nested}{comma}")
    out.append("}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
