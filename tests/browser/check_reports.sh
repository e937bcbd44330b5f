#!/bin/sh
# Renders reckon's HTML reports in headless Chromium (Debian's package, installed by
# scripts/setup) and checks what a reader sees: the index with its filters, seed
# incident A with 38 and 28 side by side, its SOHR self-contradiction and the copy
# 004 -> 000, and an article carrying a <script> that must not run. Screenshots are
# saved in OUT for a person to look at.
#
# usage: check_reports.sh RECKON SEEDS_DIR RULES OUT
set -eu
reckon="$1"; seeds="$2"; rules="$3"; out="$4"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "SKIP: chromium is not installed (scripts/setup installs Debian's)" >&2; exit 77; fi
rm -rf "$out"; mkdir -p "$out/html" "$out/evil" "$out/profile"

fail() { echo "FAIL: $*" >&2; exit 1; }
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" "$@" 2>/dev/null
}

"$reckon" report "$seeds" --all --format html --rules "$rules" -o "$out/html" 2>"$out/report.log" || fail "reckon report failed: $(cat "$out/report.log")"
# Incident A: the one holding 000's 38.
"$reckon" audit "$seeds" --format json --rules "$rules" > "$out/audit.json" 2>/dev/null || true
incident=$(python3 -c '
import json,sys
a=json.load(open(sys.argv[1]))
for i in a["incidents"]:
    if any(c["article"].startswith("000") and c["low"]==38 for c in i["claims"]): print(i["id"]); break
' "$out/audit.json")
[ -n "$incident" ] || fail "no incident holds 000's 38"

chrome --dump-dom "file://$out/html/index.html" > "$out/index.dom"
grep -q '<table id="incidents">' "$out/index.dom" || fail "index has no incidents table"
grep -q '<select id="f-place">' "$out/index.dom" || fail "index has no place filter"
grep -q '<select id="f-sev">' "$out/index.dom" || fail "index has no severity filter"
grep -q "href=\"$incident.html\"" "$out/index.dom" || fail "index does not link incident A ($incident)"

chrome --dump-dom "file://$out/html/$incident.html" > "$out/incident.dom"
grep -q '<mark>38</mark>' "$out/incident.dom" || fail "incident A does not show 38 in its sentence"
grep -q '<mark>28</mark>' "$out/incident.dom" || fail "incident A does not show 28 in its sentence"
grep -q 'data-kind="self_contradiction"' "$out/incident.dom" || fail "incident A lacks the self-contradiction finding"
grep -q '004_e7699034f6b04b7f &rarr; 000_018dbaf100e42a40\|004_e7699034f6b04b7f → 000_018dbaf100e42a40' "$out/incident.dom" \
  || fail "incident A does not show 004 -> 000 as copies"
grep -q 'aria-label="claim graph"' "$out/incident.dom" || fail "incident A has no claim graph"
grep -q 'aria-label="figures by source"' "$out/incident.dom" || fail "incident A has no chart of figures"

# An article with a script in it: shown as text, never run.
mkdir -p "$out/evil/corpus"
printf ' date 2018-11-14 <script>document.title="pwned"</script> Air strikes killed 12 people in Hajin, the Syrian Observatory for Human Rights said.\n' \
  > "$out/evil/corpus/evil.txt"
"$reckon" report "$out/evil/corpus" --all --format html --rules "$rules" -o "$out/evil/html" 2>/dev/null || fail "report on the script article failed"
page=$(ls "$out/evil/html" | grep -v index.html | head -n 1)
[ -n "$page" ] || fail "no incident page for the script article"
chrome --dump-dom "file://$out/evil/html/$page" > "$out/evil.dom"
grep -q '<title>pwned</title>' "$out/evil.dom" && fail "the article's script ran"
grep -q '&lt;script&gt;document.title' "$out/evil.dom" || fail "the article's script is not shown as text"

chrome --screenshot="$out/index.png" --window-size=1280,900 "file://$out/html/index.html" >/dev/null
chrome --screenshot="$out/incident-a.png" --window-size=1280,2400 "file://$out/html/$incident.html" >/dev/null
chrome --screenshot="$out/incident-a-phone.png" --window-size=390,1800 "file://$out/html/$incident.html" >/dev/null
[ -s "$out/incident-a.png" ] || fail "no screenshot written"
echo "browser checks passed; screenshots in $out"
