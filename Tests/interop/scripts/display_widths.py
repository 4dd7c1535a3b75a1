"""Differential test of touchpoint's display widths against wcwidth (pinned in pip/display_width.txt).

Compares DisplayWidth.of(scalar), asked of TouchpointProbe (argv[1]), with wcwidth.wcwidth(c) at its newest Unicode (the tables' source) for
every printable code point, and DisplayWidth.of(text) with wcwidth.wcswidth for generated strings of them.
Where the two differ by design (listed in POLICY below, each with its reason) the difference is allowed;
any other prints and fails.
"""
import json
import random
import subprocess
import sys
import unicodedata

import wcwidth

VERSION = "auto"


def policy(cp, ours, theirs):
    """The reason a difference is by design, or None."""
    c = chr(cp)
    cat = unicodedata.category(c)
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return "conjoining Hangul vowels and finals join the syllable before them"
    if 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069:
        return "bidirectional controls are shown in their visible form (TerminalSanitizer), so text cannot be reordered"
    if 0x1F3FB <= cp <= 0x1F3FF:
        return "skin-tone modifiers are drawn inside the emoji they follow, so on their own they add nothing"
    if cat == "Cn" or cat == "Co":
        return "unassigned or private use: no width to agree on"
    return None


def main():
    probe = sys.argv[1]
    cps = [cp for cp in range(0x20, 0x110000)
           if not (0xD800 <= cp <= 0xDFFF) and not (0x7F <= cp < 0xA0)]
    out = subprocess.run([probe, "scalars"], input="".join(f"{cp}\n" for cp in cps),
                         capture_output=True, text=True, check=True).stdout.split("\n")
    failures, allowed = [], {}
    for cp, answer in zip(cps, out):
        ours = int(answer)
        theirs = wcwidth.wcwidth(chr(cp), VERSION)
        if ours == theirs:
            continue
        reason = policy(cp, ours, theirs)
        if reason:
            allowed[reason] = allowed.get(reason, 0) + 1
        else:
            failures.append(f"U+{cp:04X} {unicodedata.name(chr(cp), '?')} ({unicodedata.category(chr(cp))}): touchpoint {ours}, wcwidth {theirs}")
    print(f"display_width: {len(cps)} code points, {len(failures)} unexplained differences")
    for reason, n in sorted(allowed.items()):
        print(f"  allowed: {n} where {reason}")
    for f in failures[:40]:
        print("  " + f)

    # Strings: wide, narrow and combining scalars in sequence (no ZWJ or flags, which wcswidth does not model).
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 13)
    pool = ["a", "Z", "1", " ", "é", "中", "한", "カ", "ｶ", "\u0301", "\u200b", "😀", "Ａ", "\u3000", "ß", "ॐ", "\u0928\u093f"]
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    texts = [t for t in texts if not unicodedata.combining(t[0]) and t[0] != "\u200b"]
    out = subprocess.run([probe, "width"], input="".join(json.dumps(t) + "\n" for t in texts),
                         capture_output=True, text=True, check=True).stdout.split("\n")
    string_failures = [(t, o, wcwidth.wcswidth(t, unicode_version=VERSION)) for t, o in zip(texts, out)
                       if int(o) != wcwidth.wcswidth(t, unicode_version=VERSION)]
    print(f"display_width: {len(texts)} strings, {len(string_failures)} differences")
    for t, o, w in string_failures[:20]:
        print(f"  {t!r}: touchpoint {o}, wcswidth {w}")
    sys.exit(1 if failures or string_failures else 0)


main()
