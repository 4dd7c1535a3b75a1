"""Compares the rows of a `touchpoint sql` query with `touchpoint score --format json --decimals 17`.

  compare(score_json, rows, dims, label) -> list of problems (empty when every figure agrees)

`rows` are dicts keyed by the query's column names. Counts must be equal; every other figure must agree to
1e-9, absolutely below 1 and relatively above (|a - b| <= 1e-9 * max(1, |b|)); a null must be null on both sides.
"""
TOLERANCE = 1e-9


def group_text(value):
    """A group value of score's JSON as the query shows it: text, true/false, whole numbers without .0."""
    if value == "(missing)":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(1.0, abs(b))


def compare(report, rows, dims, label):
    problems = []
    checked = [0]

    def check(what, got, want, exact=False):
        checked[0] += 1
        ok = (got == want) if exact else close(got, want)
        if not ok:
            problems.append(f"{label}: {what}: sql {got!r}, score {want!r}")

    def key(row):
        return (row["level"],) + tuple(row.get(d) for d in dims)

    by_group = {}
    for row in rows:
        by_group.setdefault(key(row), []).append(row)
    wanted = {("all",) + (None,) * len(dims): (report["scores"], None)}
    for group in report["groups"]:
        k = ("group",) + tuple(group_text(group["by"][d]) for d in dims)
        wanted[k] = (group["scores"], group["responses"])
    if set(by_group) != set(wanted):
        problems.append(f"{label}: groups differ: sql {sorted(map(str, by_group))}, score {sorted(map(str, wanted))}")
        return problems, checked[0]
    overall = by_group[("all",) + (None,) * len(dims)]
    lines = [r for r in overall if r["method"] == "lines"][0]
    check("lines read", lines["n"], report["responses"]["read"], exact=True)
    check("lines rejected", lines["count"], report["responses"]["rejected"], exact=True)
    for k, (scores, responses) in wanted.items():
        group_rows = by_group[k]
        responses_row = [r for r in group_rows if r["method"] == "responses"][0]
        check(f"{k} responses", responses_row["n"], report["responses"]["scored"] if responses is None else responses, exact=True)
        for score_id, score in scores.items():
            mine = [r for r in group_rows if r["score"] == score_id]
            head = [r for r in mine if r["item"] is None]
            if len(head) != 1:
                problems.append(f"{label}: {k} {score_id}: {len(head)} rows")
                continue
            row = head[0]
            where = f"{k} {score_id}"
            check(f"{where} method", row["method"], score["method"], exact=True)
            check(f"{where} n", row["n"], score["n"], exact=True)
            if score["method"] == "drivers":
                items = [r for r in mine if r["item"] is not None]
                # Items are sorted by r; r that tie to the last bits may come in either order.
                check(f"{where} items", sorted(r["item"] for r in items), sorted(i["item"] for i in score["items"]), exact=True)
                for a, b in zip(items, items[1:]):
                    if a["value"] is None and b["value"] is not None or (
                            a["value"] is not None and b["value"] is not None and a["value"] < b["value"] - TOLERANCE):
                        problems.append(f"{label}: {where}: items not sorted by r: {a['item']} before {b['item']}")
                named = {r["item"]: r for r in items}
                for item in score["items"]:
                    r = named.get(item["item"])
                    if r is None:
                        continue
                    w = f"{where} {item['item']}"
                    check(f"{w} n", r["n"], item["n"], exact=True)
                    check(f"{w} r", r["value"], item["r"])
                    ci = item["ci95"] or [None, None]
                    check(f"{w} ci low", r["ci_low"], ci[0])
                    check(f"{w} ci high", r["ci_high"], ci[1])
                    if "n_eff" in item:
                        check(f"{w} n_eff", r["n_eff"], item["n_eff"])
                continue
            check(f"{where} value", row["value"], score["value"])
            ci = score.get("ci95") or [None, None]
            check(f"{where} ci low", row["ci_low"], ci[0])
            check(f"{where} ci high", row["ci_high"], ci[1])
            if "n_eff" in score:
                check(f"{where} n_eff", row["n_eff"], score["n_eff"])
            for field in ["promoters", "passives", "detractors", "count"]:
                if field in score:
                    check(f"{where} {field}", row[field], score[field], exact=True)
            for field in ["sd", "alpha"]:
                if field in score:
                    check(f"{where} {field}", row[field], score[field])
    return problems, checked[0]
