"""Turns `touchpoint simulate --out` records into test data with the edge cases `touchpoint sql` must handle.

  python make_data.py IN.jsonl OUT.jsonl SEED

Seeded. Adds: completion times over three months (some with a +08:00 offset, some absent), meta weights with
zeros, a region that only screened-out respondents have (a group with no complete response, which score leaves out), respondents
without a region (the missing group), the `never` item removed everywhere (items all null), and lines that must
not be scored: another questionnaire's record, bad JSON, a blank line, a duplicate response_id, a record
without a weight (rejected when weighted only, so weighted runs differ there by design). Some complete
high-value customer-journey records become `quota_full` (the status its quota declares; simulate itself treats
quotas as open), so the status counts cover a quota's status too.
"""
import datetime
import json
import random
import sys

source, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
quota_rng = random.Random(seed + 1)  # its own stream, so the other edge cases stay as they were
lines = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
out = []
for index, record in enumerate(lines):
    meta = record.setdefault("meta", {})
    answers = record.get("answers", {})
    missing = record.setdefault("missing", {})
    if (record.get("questionnaire") == "customer_journey" and record.get("status") == "complete"
            and meta.get("segment") == "high_value" and quota_rng.random() < 0.3):
        record["status"] = "quota_full"
    if "never" in answers:
        del answers["never"]
        missing["never"] = "skipped"
    if record.get("questionnaire") == "sql_scores":
        if record.get("status") == "screened_out" and rng.random() < 0.5:
            meta["region"] = "east"
        elif meta.get("region") == "east":
            meta["region"] = rng.choice(["north", "south"])
        if record.get("status") == "complete" and rng.random() < 0.1:
            meta.pop("region", None)
        meta["weight"] = rng.choice([0, 0, 0.5, 1, 1, 2.5, 3.75, round(rng.uniform(0, 10), 6)])
    day = rng.randrange(0, 95)
    second = rng.randrange(0, 86400)
    base = 1764547200 + day * 86400 + second  # from 2025-12-01
    moment = datetime.datetime.fromtimestamp(base, datetime.timezone.utc)
    roll = rng.random()
    if roll < 0.05:
        record.pop("completed_at", None)
    elif roll < 0.25:
        local = moment.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
        record["completed_at"] = local.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    else:
        record["completed_at"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    out.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    if index == 7:
        other = dict(record, questionnaire="another_survey", response_id="other-1")
        out.append(json.dumps(other, separators=(",", ":")))
        out.append("{not json at all")
        out.append("")
    if index == 11:
        out.append(out[-1])  # the same response_id again: only the first is kept
    if index == 13 and record.get("questionnaire") == "sql_scores":
        unweighted = json.loads(out[-1])
        unweighted["response_id"] += "-noweight"
        unweighted["meta"].pop("weight", None)
        out.append(json.dumps(unweighted, separators=(",", ":")))
with open(target, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
