#!/bin/sh
# Writes the seeds' HTML reports and clicks through their index in headless Chromium
# (Debian's package) with playwright-core (tests/browser/package-lock.json, installed
# by scripts/setup with npm ci --ignore-scripts: it downloads no browser). Skips (exit
# 77) with a message when Chromium, Node.js or playwright-core is missing.
#
# usage: index_clicks.sh RECKON SEEDS_DIR RULES OUT
set -eu
reckon="$1"; seeds="$2"; rules="$3"; out="$4"
here=$(cd "$(dirname "$0")" && pwd)
browser=${RECKON_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then echo "SKIP: chromium is not installed (scripts/setup installs Debian's)" >&2; exit 77; fi
if ! command -v node >/dev/null; then echo "SKIP: node is not installed (scripts/setup installs it)" >&2; exit 77; fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "SKIP: playwright-core is not installed: run scripts/setup (npm ci --ignore-scripts in tests/browser)" >&2; exit 77
fi
rm -rf "$out"; mkdir -p "$out"
"$reckon" report "$seeds" --all --format html --rules "$rules" -o "$out/html" 2>"$out/report.log" \
  || { echo "FAIL: reckon report failed: $(cat "$out/report.log")" >&2; exit 1; }
RECKON_CHROMIUM="$browser" exec node "$here/index_clicks.mjs" "$out/html"
