# touchpoint's pattern engine against Python's re.fullmatch on generated pattern/text pairs (seeded; five seeds).
set -euo pipefail
probe=.build/debug/TouchpointProbe
[ -x "$probe" ] || swift build --product TouchpointProbe
for seed in 13 1 2 3 4; do
  "$PYTHON" Tests/interop/scripts/pattern_pairs.py "$probe" "$seed"
done
