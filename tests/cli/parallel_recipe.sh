#!/bin/sh
# The GNU parallel recipe (scripts/parallel-audit, docs/scaling.md) on a generated
# 2,000-article corpus: 5 pieces extracted in parallel, 3 shards audited in parallel,
# merged: the JSON equals `audit CORPUS` apart from the inputs block, and the text
# equals `audit CORPUS --format text`. Skipped (exit 77) only when parallel is missing.
# Usage: parallel_recipe.sh RECKON SOURCE_DIR
set -eu
reckon=$1
src=$2
if ! command -v parallel >/dev/null 2>&1; then
    echo "SKIPPED: GNU parallel is not installed (scripts/setup installs the Debian package 'parallel')"
    exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$src"
python3 bench/generate --articles 2000 --seed 5 --out "$out/corpus" --quiet
"$reckon" audit "$out/corpus/articles.jsonl" --format json -o "$out/single.json" 2>/dev/null || [ $? -eq 1 ]
"$reckon" audit "$out/corpus/articles.jsonl" --format text -o "$out/single.txt" 2>/dev/null || [ $? -eq 1 ]
RECKON=$reckon JOBS=2 scripts/parallel-audit "$out/corpus/articles.jsonl" 5 3 "$out/json" 2>/dev/null
RECKON=$reckon JOBS=2 scripts/parallel-audit "$out/corpus/articles.jsonl" 5 3 "$out/text" --format text 2>/dev/null
test "$(ls "$out/json/claims" | wc -l)" -eq 5
test "$(ls "$out/json/shards" | wc -l)" -eq 3
cmp "$out/single.txt" "$out/text/audit.text"
python3 - "$out/single.json" "$out/json/audit.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
roles = [i["role"] for i in b["reckon"]["inputs"]]
assert roles[:5] == ["claims"] * 5, roles
del a["reckon"]["inputs"], b["reckon"]["inputs"]
assert a == b, "the parallel recipe's audit differs from the single run"
assert a["summary"]["incidents"] > 400, a["summary"]
print("parallel recipe: 5 pieces, 3 shards, merged = single run;", a["summary"]["incidents"], "incidents")
PY
