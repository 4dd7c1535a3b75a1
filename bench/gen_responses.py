#!/usr/bin/env python3
"""Writes N seeded, valid response records of questionnaires/customer_journey.yaml as JSON lines.

    python3 bench/gen_responses.py --count 1000000 --seed 20261123 --out bench/out/responses_1m.jsonl

Every record is what `touchpoint run` would write for a respondent who follows the questionnaire's rules
(SPEC section 5): the screener ends about 7% of interviews as screened_out; the stage questions are
asked once per chosen stage; `reason` only for detractors (and may be skipped); purchases may be
"dont_know" or "refused"; a soft-check warning is recorded when a promoter says their needs were not
met; `computed` holds promoter, mean_effort and mean_emotion as the engine computes them. The same
--count and --seed always give the same bytes. Only the standard library is used.
"""
import argparse
import hashlib
import json
import os
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

STAGES = ["awareness", "understanding", "acquisition", "use", "feedback"]
SEGMENTS = [("new", 0.30), ("regular", 0.50), ("high_value", 0.20)]
STORES = ["Shanghai Nanjing Road", "Beijing Sanlitun", "Guangzhou Tianhe", "上海南京路店", "北京三里屯店", "Online"]
REASONS = [
    "Delivery took three weeks and nobody answered my emails.",
    "The app kept logging me out.",
    "Prices went up without notice.",
    "客服电话一直打不通。",
    "送货太慢了，包装也破损了。",
    "Too many steps to return a product.",
]
INTERVIEWERS = [None, "li", "wang", "garcia"]
SOFT_WARNING = ("recommend: You said we did not meet your needs, yet you are very likely to recommend us. "
                "Is {0} the score you meant?")
START = datetime(2026, 10, 1, tzinfo=timezone.utc)


def number(x):
    """A float that is a whole number as an int, so the JSON reads `5`, as touchpoint writes it."""
    return int(x) if float(x).is_integer() else x


def record(rng, sha):
    segment = rng.choices([s for s, _ in SEGMENTS], [w for _, w in SEGMENTS])[0]
    meta = {"segment": segment, "store": rng.choice(STORES)}
    language = "zh" if rng.random() < 0.4 else "en"
    started = START + timedelta(seconds=rng.randrange(0, 61 * 86400))
    answers, missing, computed, path, durations = {}, {}, {}, [], {}
    warnings = []

    def ask(qid, key=None, ms=None):
        path.append(qid if key is None else f"{qid}[{key}]")
        durations[qid] = durations.get(qid, 0) + (ms if ms is not None else rng.randrange(1500, 9000))

    customer = rng.random() >= 0.07
    ask("customer_12m")
    answers["customer_12m"] = customer
    status = "complete"
    if not customer:
        status = "screened_out"
    else:
        ask("purchases")
        roll = rng.random()
        purchases = None
        if roll < 0.05:
            missing["purchases"] = "dont_know"
        elif roll < 0.07:
            missing["purchases"] = "refused"
        else:
            purchases = min(int(rng.expovariate(1 / 6)), 500)
            answers["purchases"] = purchases
        stages = [s for s in STAGES if rng.random() < 0.5]
        if purchases == 0 and "acquisition" in stages:
            stages.remove("acquisition")
        if not stages:
            stages = [rng.choice([s for s in STAGES if not (purchases == 0 and s == "acquisition")])]
        ask("stages")
        answers["stages"] = stages
        success, effort, emotion = {}, {}, {}
        for stage in stages:
            ask("stage_success", stage)
            if rng.random() < 0.05:
                missing.setdefault("stage_success", {})[stage] = "dont_know"
            else:
                success[stage] = rng.random() < 0.75
            ask("stage_effort", stage)
            effort[stage] = max(1, min(7, round(rng.gauss(5.0, 1.5))))
            ask("stage_emotion", stage)
            emotion[stage] = max(1, min(5, round(rng.gauss(3.6, 1.0))))
        if success:
            answers["stage_success"] = success
        answers["stage_effort"] = effort
        answers["stage_emotion"] = emotion
        mean_effort = sum(effort.values()) / len(effort)
        mean_emotion = sum(emotion.values()) / len(emotion)
        ask("need_met")
        need_met = rng.random() < 0.2 + 0.1 * mean_effort
        answers["need_met"] = need_met
        ask("recommend")
        base = 1.2 * mean_effort + 0.8 * mean_emotion - 1.0 + (1.5 if need_met else -1.0)
        recommend = max(0, min(10, round(rng.gauss(base, 1.8))))
        answers["recommend"] = recommend
        if recommend >= 9 and not need_met:
            warnings.append(SOFT_WARNING.format(recommend))
        if recommend <= 6:
            ask("reason", ms=rng.randrange(8000, 40000))
            if rng.random() < 0.6:
                answers["reason"] = rng.choice(REASONS)
            else:
                missing["reason"] = "skipped"
        computed = {"promoter": recommend >= 9, "mean_effort": number(mean_effort),
                    "mean_emotion": number(mean_emotion)}
    # The answers object lists questions in the order they were asked, as the engine writes it.
    order = ["customer_12m", "purchases", "stages", "stage_success", "stage_effort", "stage_emotion", "need_met",
             "recommend", "reason"]
    answers = {k: answers[k] for k in order if k in answers}
    missing = {k: missing[k] for k in order if k in missing}
    completed = started + timedelta(seconds=sum(durations.values()) // 1000 + 1)
    return {
        "questionnaire": "customer_journey", "version": "2026.11", "questionnaire_sha256": sha,
        "response_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "status": status,
        "respondent": None, "interviewer": rng.choice(INTERVIEWERS), "mode": "headless", "language": language,
        "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "completed_at": completed.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "meta": meta, "answers": answers, "missing": missing, "computed": computed, "path": path,
        "durations_ms": dict(sorted(durations.items())), "option_order": {}, "warnings": warnings,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", required=True)
    parser.add_argument("--questionnaire", default=os.path.join(os.path.dirname(__file__), "..", "questionnaires",
                                                                "customer_journey.yaml"))
    args = parser.parse_args()
    with open(args.questionnaire, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    temporary = args.out + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as out:
        batch = []
        for _ in range(args.count):
            batch.append(json.dumps(record(rng, sha), ensure_ascii=False, separators=(",", ":")))
            if len(batch) == 10_000:
                out.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            out.write("\n".join(batch) + "\n")
    os.replace(temporary, args.out)
    print(f"wrote {args.count:,} responses to {args.out} ({os.path.getsize(args.out) / 1e6:.0f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
