# touchpoint's display widths against wcwidth (pinned): every printable code point, and generated strings.
set -euo pipefail
probe=.build/debug/TouchpointProbe
[ -x "$probe" ] || swift build --product TouchpointProbe
"$PYTHON" Tests/interop/scripts/display_widths.py "$probe" 13
