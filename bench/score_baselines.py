#!/usr/bin/env python3
"""The `touchpoint score` benchmark's baselines and its agreement check.

    score_baselines.py duckdb  RESPONSES [--threads 2]   NPS, CES and counts per segment with DuckDB
    score_baselines.py python  RESPONSES                 the same with a plain `json.loads` loop
    score_baselines.py compare TOUCHPOINT.json DUCKDB.json [PYTHON.json]

The first two print JSON: {"overall": F, "segments": {segment: F}} where F holds responses, nps_n,
promoters, passives, detractors, nps, ces_n and ces_mean. NPS is 100 (promoters - detractors) / nps_n
(9-10 promote, 0-6 detract); CES is the mean of every stage_effort answer (one per loop answer).
`compare` reads `touchpoint score --by meta.segment --format json` output and the two baselines and exits 1
unless every count is equal and NPS and CES agree to 1e-6 (touchpoint prints six decimals); without the
Python file it compares touchpoint with DuckDB only.
"""
import argparse
import json
import sys


def finish(groups):
    out = {}
    for key, g in groups.items():
        g = dict(g)
        g["nps"] = 100.0 * (g["promoters"] - g["detractors"]) / g["nps_n"] if g["nps_n"] else None
        g["ces_mean"] = g.pop("ces_sum") / g["ces_n"] if g["ces_n"] else None
        out[key] = g
    return {"overall": out.pop("__all__"), "segments": out}


def empty():
    return {"responses": 0, "nps_n": 0, "promoters": 0, "passives": 0, "detractors": 0, "ces_n": 0, "ces_sum": 0}


def with_python(path):
    groups = {"__all__": empty()}
    with open(path, "rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            segment = record.get("meta", {}).get("segment") or "(missing)"
            answers = record.get("answers", {})
            for g in (groups["__all__"], groups.setdefault(segment, empty())):
                g["responses"] += 1
                rating = answers.get("recommend")
                if rating is not None:
                    g["nps_n"] += 1
                    if rating >= 9:
                        g["promoters"] += 1
                    elif rating >= 7:
                        g["passives"] += 1
                    else:
                        g["detractors"] += 1
                for value in (answers.get("stage_effort") or {}).values():
                    g["ces_n"] += 1
                    g["ces_sum"] += value
    return finish(groups)


def with_duckdb(path, threads):
    import duckdb

    connection = duckdb.connect()
    connection.execute(f"SET threads={int(threads)}")
    # Only the fields needed, typed up front: the fastest way DuckDB reads this file.
    rows = connection.execute(
        """
        SELECT meta.segment AS segment, count(*) AS responses, count(answers.recommend) AS nps_n,
               count(*) FILTER (WHERE answers.recommend >= 9) AS promoters,
               count(*) FILTER (WHERE answers.recommend BETWEEN 7 AND 8) AS passives,
               count(*) FILTER (WHERE answers.recommend <= 6) AS detractors,
               coalesce(sum(len(map_values(answers.stage_effort))), 0) AS ces_n,
               coalesce(sum(list_sum(map_values(answers.stage_effort))), 0) AS ces_sum,
               grouping(meta.segment) AS is_total
        FROM read_json(?, format = 'newline_delimited',
                       columns = {'meta': 'STRUCT(segment VARCHAR)',
                                  'answers': 'STRUCT(recommend INTEGER, stage_effort MAP(VARCHAR, INTEGER))'})
        GROUP BY GROUPING SETS ((meta.segment), ())
        """,
        [path],
    ).fetchall()
    groups = {}
    for segment, responses, nps_n, promoters, passives, detractors, ces_n, ces_sum, is_total in rows:
        key = "__all__" if is_total else (segment or "(missing)")
        groups[key] = {"responses": responses, "nps_n": nps_n, "promoters": promoters, "passives": passives,
                       "detractors": detractors, "ces_n": int(ces_n), "ces_sum": int(ces_sum)}
    return finish(groups)


def from_touchpoint(report):
    def figures(responses, scores):
        nps, ces = scores["nps"], scores["ces"]
        return {"responses": responses, "nps_n": nps["n"], "promoters": nps["promoters"], "passives": nps["passives"],
                "detractors": nps["detractors"], "nps": nps["value"], "ces_n": ces["n"], "ces_mean": ces["value"]}

    segments = {g["by"]["meta.segment"]: figures(g["responses"], g["scores"]) for g in report["groups"]}
    return {"overall": figures(report["responses"]["scored"], report["scores"]), "segments": segments}


def compare(paths):
    names = ["touchpoint", "duckdb", "python"][:len(paths)]
    results = []
    for name, path in zip(names, paths):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        results.append(from_touchpoint(data) if name == "touchpoint" else data)
    problems = []
    keys = sorted(set().union(*(r["segments"].keys() for r in results)))
    rows = [("overall", [r["overall"] for r in results])]
    rows += [(k, [r["segments"].get(k) for r in results]) for k in keys]
    for label, figures in rows:
        if any(f is None for f in figures):
            problems.append(f"{label}: missing from {[n for n, f in zip(names, figures) if f is None]}")
            continue
        for field in ["responses", "nps_n", "promoters", "passives", "detractors", "ces_n"]:
            values = [f[field] for f in figures]
            if len(set(values)) != 1:
                problems.append(f"{label} {field}: {dict(zip(names, values))}")
        for field in ["nps", "ces_mean"]:
            values = [f[field] for f in figures]
            if max(values) - min(values) > 1e-6 * max(1.0, abs(values[0])):
                problems.append(f"{label} {field}: {dict(zip(names, values))}")
        print(f"  {label:<11} responses {figures[0]['responses']:>9,}  NPS {figures[0]['nps']:+.6f} (n {figures[0]['nps_n']:,})"
              f"  CES {figures[0]['ces_mean']:.6f} (n {figures[0]['ces_n']:,})")
    if problems:
        print("the three disagree:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    tools = "touchpoint, DuckDB and Python" if len(paths) == 3 else "touchpoint and DuckDB"
    print(f"  {tools} agree on every count, NPS and CES (to 1e-6)")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["duckdb", "python", "compare"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if args.mode == "compare":
        sys.exit(compare(args.paths))
    result = with_duckdb(args.paths[0], args.threads) if args.mode == "duckdb" else with_python(args.paths[0])
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
