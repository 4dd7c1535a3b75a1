"""Differential test of touchpoint's pattern engine against Python's re.fullmatch.

Generates random patterns in the syntax both share, and texts for each (random ones and ones built to match),
asks TouchpointProbe (argv[1]) for each pair, and compares with re.fullmatch. Seeded: argv[2] (default 13).
Prints every disagreement with the seed, and exits 1 when there is one.
"""
import json
import random
import re
import subprocess
import sys

ALPHABET = ["a", "b", "c", "x", "1", "2", "_", " ", "-", ".", "中", "é", "\t"]
SPECIAL = set(".^$*+?()[]{}|\\-/")


def literal(ch):
    return "\\" + ch if ch in SPECIAL else ("\\t" if ch == "\t" else ch)


def gen(rng, depth):
    """A random pattern and a function that builds a text it matches."""
    kind = rng.choice(["lit", "lit", "dot", "class", "escape", "group", "alt", "seq"] if depth > 0 else ["lit", "dot", "class", "escape"])
    if kind == "lit":
        ch = rng.choice(ALPHABET)
        node = (literal(ch), lambda r, ch=ch: ch)
    elif kind == "dot":
        node = (".", lambda r: r.choice([c for c in ALPHABET if c != "\n"]))
    elif kind == "class":
        members = rng.sample(["a", "b", "x", "1", "_", " ", "中", "a-c", "0-9", "\\d", "\\s", "\\w", "\\-", "\\."], rng.randint(1, 3))
        negated = rng.random() < 0.3
        source = "[" + ("^" if negated else "") + "".join(members) + "]"
        rx = re.compile(source)
        pool = [c for c in ALPHABET if bool(rx.fullmatch(c))]
        node = (source, lambda r, pool=pool: r.choice(pool) if pool else "")
    elif kind == "escape":
        e = rng.choice(["\\d", "\\w", "\\s", "\\D", "\\W", "\\S"])
        rx = re.compile(e)
        pool = [c for c in ALPHABET if rx.fullmatch(c)]
        node = (e, lambda r, pool=pool: r.choice(pool))
    elif kind == "group":
        inner, make = gen(rng, depth - 1)
        node = (rng.choice(["(", "(?:"]) + inner + ")", make)
    elif kind == "alt":
        a, ma = gen(rng, depth - 1)
        b, mb = gen(rng, depth - 1) if rng.random() < 0.9 else ("", lambda r: "")
        node = ("(?:" + a + "|" + b + ")", lambda r, ma=ma, mb=mb: ma(r) if r.random() < 0.5 else mb(r))
    else:
        parts = [gen(rng, depth - 1) for _ in range(rng.randint(2, 3))]
        node = ("".join(p[0] for p in parts), lambda r, parts=parts: "".join(p[1](r) for p in parts))
    if rng.random() < 0.35:
        source, make = node
        q = rng.choice(["*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,2}"])
        lo, hi = {"*": (0, 3), "+": (1, 3), "?": (0, 1), "{2}": (2, 2), "{1,3}": (1, 3), "{2,}": (2, 4), "{0,2}": (0, 2)}[q]
        lazy = "?" if rng.random() < 0.15 else ""
        node = ("(?:" + source + ")" + q + lazy, lambda r, make=make, lo=lo, hi=hi: "".join(make(r) for _ in range(r.randint(lo, hi))))
    return node


def main():
    probe = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 13
    rng = random.Random(seed)
    pairs = []
    for _ in range(600):
        source, make = gen(rng, 3)
        texts = [make(rng) for _ in range(3)]
        texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6))) for _ in range(3)]
        pairs += [(source, t) for t in texts]
    lines = "".join(json.dumps([p, t]) + "\n" for p, t in pairs)
    out = subprocess.run([probe, "pattern"], input=lines, capture_output=True, text=True, check=True).stdout.split("\n")
    disagreements = 0
    matched = 0
    for (source, text), answer in zip(pairs, out):
        expected = "1" if re.fullmatch(source, text) else "0"
        matched += expected == "1"
        if answer != expected:
            disagreements += 1
            if disagreements <= 20:
                print(f"seed {seed}: pattern {source!r} text {text!r}: re says {expected}, touchpoint says {answer}")
    print(f"pattern_re: {len(pairs)} pairs ({matched} matching), {disagreements} disagreements (seed {seed})")
    sys.exit(1 if disagreements else 0)


main()
