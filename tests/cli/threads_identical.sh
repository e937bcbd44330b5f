#!/bin/sh
# The audit of a generated 2,000-article corpus is byte-identical with one thread and
# with two (JSON and text), and is not trivially empty. Usage: threads_identical.sh RECKON SOURCE_DIR
set -eu
reckon=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$src/bench/generate" --articles 2000 --seed 11 --out "$out/corpus" --quiet
cd "$src"
"$reckon" audit "$out/corpus/articles.jsonl" --format json -j 1 -o "$out/1.json" 2>/dev/null
"$reckon" audit "$out/corpus/articles.jsonl" --format json -j 2 -o "$out/2.json" 2>/dev/null
cmp "$out/1.json" "$out/2.json"
"$reckon" audit "$out/corpus/articles.jsonl" --format text -j 1 > "$out/1.txt" 2>/dev/null
"$reckon" audit "$out/corpus/articles.jsonl" --format text -j 2 > "$out/2.txt" 2>/dev/null
cmp "$out/1.txt" "$out/2.txt"
# Not vacuous: many claims, incidents and copies were found.
python3 - "$out/1.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["articles"] == 2000, s
assert s["claims"] > 4000 and s["incidents"] > 400 and s["copies"] > 100, s
PY
echo "identical with 1 and 2 threads"
