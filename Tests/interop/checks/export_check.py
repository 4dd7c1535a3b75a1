"""Helper of export.sh: enrich simulated responses, then compare an export as three readers see it.

`enrich QUESTIONNAIRE JSONL` rewrites some simulated records in place so that the data hold Chinese text,
a very long text (over 255 bytes, so the .sav needs segments), text that looks like a spreadsheet formula,
and every missing reason wherever the questionnaire allows it.

`compare JSONL BASE` reads BASE.csv (pandas), BASE.sav (pyreadstat) and BASE.pspp.csv (PSPP's DISPLAY
DICTIONARY and LIST), derives each cell independently from the JSON lines and BASE.codebook.json, and fails
on the first disagreement.
"""
import csv
import datetime
import io
import json
import math
import re
import sys

MISSING = {"dont_know": -97, "refused": -98, "skipped": -99}


def fail(message):
    sys.exit(f"export check: {message}")


def enrich(questionnaire, path):
    text = open(questionnaire, encoding="utf-8").read()
    lines = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    extra = ["客户服务很好，但是等待时间太长了。" * 30, "=HYPERLINK(\"http://x\",\"y\")", "+1 call me", "@user, \"quoted\", comma", "-5 stars\nsecond line"]
    k = 0
    for number, record in enumerate(lines):
        # simulate does not honour a meta text pattern (service_contact's case_id: [A-Z]{2}\d{6}) yet.
        if "case_id" in (record.get("meta") or {}):
            record["meta"]["case_id"] = f"SH{number:06d}"
        if record["status"] != "complete":
            continue
        for key, value in list(record["answers"].items()):
            if isinstance(value, str) and re.search(rf"id: {re.escape(key)}\n\s+type: text", text) and k < 40:
                record["answers"][key] = extra[k % len(extra)]
                k += 1
    print(f"export check: {path}: {k} text answers made Chinese, long or formula-like")
    with open(path, "w", encoding="utf-8") as out:
        for record in lines:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def descend(value, keys):
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def as_key(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def expected_cell(record, column):
    """('sysmis'|'num'|'str'|'date', value) for one column of one record, from the record alone."""
    source = column["source"]
    codes = {v["value"]: v["code"] for v in column["values"] if "value" in v}
    missing = column["missing"]

    def convert(value):
        if column["storage"] == "string":
            return ("str", value if isinstance(value, str) else as_key(value))
        if column["storage"] == "date":
            return ("date", value)
        if codes:
            return ("num", codes[as_key(value)])
        if isinstance(value, bool):
            return ("num", 1 if value else 0)
        return ("num", value)

    def reason(value):
        if value is None or value not in missing:
            return ("sysmis", None)
        code = missing[value]
        return ("str", as_key(code)) if column["storage"] == "string" else ("num", code)

    frm, key = source["from"], source["key"]
    if frm == "field":
        value = record.get(key)
        return ("str", value) if value is not None else ("str", "")
    if frm == "meta":
        value = (record.get("meta") or {}).get(key)
        return convert(value) if value is not None else ("sysmis", None)
    if frm == "computed":
        value = descend((record.get("computed") or {}).get(key), source["loop"])
        return convert(value) if value is not None else ("sysmis", None)
    part = source["part"]
    answer_key = key + "_other" if part == "other_text" else key
    value = descend(record["answers"].get(answer_key), source["loop"])
    if value is not None:
        if part in ("value", "other_text"):
            return convert(value)
        if part == "option":
            return ("num", 1 if source["of"] in [as_key(v) for v in value] else 0)
        if part == "row" and source["of"] in value:
            return convert(value[source["of"]])
    why = descend((record.get("missing") or {}).get(answer_key), source["loop"])
    if part == "row" and isinstance(why, dict):
        why = why.get(source["of"])
    return reason(why)


def pspp_tables(path):
    """The tables of PSPP's CSV output, by title: lists of rows."""
    tables, current = {}, None
    for row in csv.reader(open(path, encoding="utf-8")):
        if len(row) == 1 and row[0].startswith("Table: "):
            current = tables.setdefault(row[0][7:], [])
        elif not row or row == [""]:
            current = None
        elif current is not None:
            current.append(row)
    return tables


def spss_number(value):
    """A missing code as pyreadstat gives it: a number, a string, or for date columns a date or datetime."""
    if isinstance(value, datetime.datetime):
        return (value - datetime.datetime(1582, 10, 14)).total_seconds()
    if isinstance(value, datetime.date):
        return (value - datetime.date(1582, 10, 14)).total_seconds()
    return float(value)


def pspp_number(text, column):
    """A missing code as PSPP's dictionary shows it (a date such as 09-JUL-1582 in date columns)."""
    text = text.strip().strip('"').strip()
    if column["storage"] == "date":
        if re.fullmatch(r"-?[0-9.]+", text):
            return float(text) / 86400
        return (datetime.datetime.strptime(text.title(), "%d-%b-%Y").date() - datetime.date(1582, 10, 14)).days
    return float(text)


def number_text(x):
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def compare(jsonl, base):
    import pandas as pd
    import pyreadstat

    records = [json.loads(l) for l in open(jsonl, encoding="utf-8") if l.strip()]
    book = json.load(open(base + ".codebook.json", encoding="utf-8"))["columns"]
    names = [c["name"] for c in book]
    raw = open(base + ".csv", "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("--bom did not start the CSV with a byte order mark")
    frame = pd.read_csv(base + ".csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if list(frame.columns) != names:
        fail(f"CSV header {list(frame.columns)[:5]}... is not the codebook's columns")
    data, meta = pyreadstat.read_sav(base + ".sav", user_missing=True)
    if list(data.columns) != names:
        fail("the .sav variables are not the codebook's columns")
    if len(frame) != len(records) or len(data) != len(records):
        fail(f"{len(records)} records but {len(frame)} CSV rows and {len(data)} .sav cases")
    tables = pspp_tables(base + ".pspp.csv")
    err = open(base + ".pspp.err", encoding="utf-8").read()
    # PSPP 1.6 reads the long string missing values record only in its own older layout, not in the one SPSS
    # and ReadStat write (which this export follows); it warns, and those codes are checked with pyreadstat.
    other = [l for l in err.splitlines() if l.strip() and "subtype 22" not in l]
    if other:
        fail("PSPP warned: " + "\n".join(other))
    variables = {row[0]: row for row in tables["Variables"][1:]}
    listing = tables["Data List"]
    if listing[0] != names or len(listing) - 1 != len(records):
        fail("PSPP's LIST does not show every variable and case")
    labels_by_var = {}
    current = None
    for row in tables.get("Value Labels", [])[1:]:
        if len(row) < 3:
            continue
        if row[0]:
            current = row[0]
        labels_by_var.setdefault(current, {})[re.sub(r"\[a\]$", "", row[1])] = row[2]
    checked = 0
    for index, column in enumerate(book):
        name = column["name"]
        measure = {"nominal": "nominal", "ordinal": "ordinal", "scale": "scale"}[column["measure"]]
        if meta.variable_measure[name] != measure or variables[name][3].lower() != measure:
            fail(f"{name}: measurement level is not {measure}")
        if meta.column_names_to_labels[name] != column["label"][: len(meta.column_names_to_labels[name] or "")] or \
                not column["label"].startswith(meta.column_names_to_labels[name] or ""):
            fail(f"{name}: variable label {meta.column_names_to_labels[name]!r} is not {column['label']!r}")
        if variables[name][2] != (meta.column_names_to_labels[name] or ""):
            fail(f"{name}: PSPP's variable label {variables[name][2]!r} differs")
        codes = sorted(column["missing"].values())
        scale = 86400 if column["storage"] == "date" else 1
        ranges = sorted(spss_number(r["lo"]) / scale for r in meta.missing_ranges.get(name, []))
        if ranges != [float(c) for c in codes]:
            fail(f"{name}: pyreadstat's missing codes {ranges} are not {codes}")
        pspp_missing = sorted(pspp_number(v, column) for v in variables[name][9].split(";") if v.strip())
        if pspp_missing != [float(c) for c in codes] and not (column["storage"] == "string" and not pspp_missing):
            fail(f"{name}: PSPP's missing codes {pspp_missing} are not {codes}")
        if column["storage"] == "numeric":
            want = {float(v["code"]): v["label"] for v in column["values"]}
            got = {float(k): v for k, v in meta.variable_value_labels.get(name, {}).items()}
            if got != want:
                fail(f"{name}: pyreadstat's value labels {got} are not {want}")
            shown_as = variables[name][2] or name
            unique = sum(1 for v in variables.values() if (v[2] or v[0]) == shown_as) == 1
            pspp = {float(k): v for k, v in labels_by_var.get(shown_as, {}).items()} if want else {}
            if unique and pspp != want:
                fail(f"{name}: PSPP's value labels {pspp} are not {want}")
        for row, record in enumerate(records):
            kind, value = expected_cell(record, column)
            cell_csv = frame.iat[row, index]
            cell_sav = data.iat[row, index]
            cell_pspp = listing[row + 1][index]
            where = f"{name}, {record['response_id']}"
            if kind == "sysmis":
                ok = cell_csv == "" and (cell_sav is None or cell_sav == "" or (isinstance(cell_sav, float) and math.isnan(cell_sav))) \
                    and cell_pspp.strip() in (".", "")
            elif kind == "num" and column["storage"] != "date":
                shown = cell_pspp.strip()
                places = len(shown.split(".")[1]) if "." in shown else 0
                ok = cell_csv == number_text(value) and float(cell_sav) == float(value) \
                    and abs(float(shown) - float(value)) <= 0.5 * 10 ** -places + 1e-12 * max(1, abs(value))
            elif kind == "num" and column["storage"] == "date":
                # A missing code in a date column is a date that many days before 14 October 1582; PSPP's LIST
                # shows dates that early as ".", so PSPP's side of it is its dictionary's missing values above.
                ok = cell_csv == number_text(value) and cell_pspp.strip() == "." and \
                    (cell_sav - datetime.date(1582, 10, 14)).days == value
            elif kind == "date":
                day = datetime.date.fromisoformat(value)
                ok = cell_csv == value and cell_sav == day and cell_pspp == day.strftime("%d-%b-%Y").upper()
            else:
                shown = value
                if column["storage"] == "string" and column["source"]["from"] != "field" and shown[:1] in ("=", "+", "-", "@", "\t", "\r") \
                        and shown not in [number_text(c) for c in codes]:
                    shown = "'" + shown
                if column["source"]["from"] == "field" or column["storage"] == "string":
                    ok = cell_csv == (shown if column["source"]["from"] != "field" else value) and (cell_sav or "") == value \
                        and cell_pspp.rstrip() == value.rstrip()
                else:
                    ok = False
            if not ok:
                fail(f"{where}: expected {kind} {value!r}; CSV {cell_csv!r}, pyreadstat {cell_sav!r}, PSPP {cell_pspp!r}")
            checked += 1
    seen = {reason for r in records for reason in json.dumps(r.get("missing", {})).split('"') if reason in MISSING}
    print(f"export check: {base}: {checked} cells of {len(book)} columns agree; missing kinds in the data: {sorted(seen)}")


if __name__ == "__main__":
    if sys.argv[1] == "enrich":
        enrich(sys.argv[2], sys.argv[3])
    else:
        compare(sys.argv[2], sys.argv[3])
