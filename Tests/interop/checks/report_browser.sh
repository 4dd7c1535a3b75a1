#!/usr/bin/env bash
# `touchpoint report` in a real browser: headless Chromium (Debian's package) loads the page made from the seeded
# journey fixture, in English and in Chinese, through the DevTools protocol. It checks that the page renders with no
# error, loads nothing but itself, shows every chart's <svg> with a size above zero and an accessible title, and
# prints to PDF; it writes full-page screenshots to bench/out/report.png and bench/out/report-zh.png (ignored by git).
set -euo pipefail
fixture=Tests/TouchpointReportTests/Fixtures/customer_journey.jsonl
mkdir -p bench/out
"$TOUCHPOINT" report questionnaires/customer_journey.yaml "$fixture" --by meta.segment --out bench/out/report.html
"$TOUCHPOINT" report questionnaires/customer_journey.yaml "$fixture" --by meta.segment --lang zh --out bench/out/report-zh.html
"$PYTHON" Tests/interop/checks/report_browser.py bench/out/report.html bench/out/report.png bench/out/report.pdf 15
"$PYTHON" Tests/interop/checks/report_browser.py bench/out/report-zh.html bench/out/report-zh.png bench/out/report-zh.pdf 15
