#!/bin/sh
# The audit of a generated 2,000-article corpus is byte-identical with one thread and
# with two (JSON and text), and is not trivially empty; so is `reckon extract` (JSON Lines
# streamed, and a folder of text files loaded whole) with one, two and three threads. Usage: threads_identical.sh RECKON SOURCE_DIR
set -eu
reckon=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$src/bench/generate" --articles 2000 --seed 11 --out "$out/corpus" --quiet
python3 "$src/bench/generate" --articles 300 --seed 12 --out "$out/texts" --format text --quiet
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
for j in 1 2 3; do
    "$reckon" extract "$out/corpus/articles.jsonl" -j $j -o "$out/x$j.jsonl" 2>/dev/null
    "$reckon" extract "$out/texts/articles" --format text -j $j > "$out/c$j.txt" 2>/dev/null
done
cmp "$out/x1.jsonl" "$out/x2.jsonl"
cmp "$out/x1.jsonl" "$out/x3.jsonl"
cmp "$out/c1.txt" "$out/c3.txt"
[ "$(grep -c '"low"' "$out/x1.jsonl")" -gt 4000 ]
[ "$(wc -l < "$out/c1.txt")" -gt 500 ]
echo "identical for 1, 2 and 3 threads"
