#!/bin/sh
# The scale-out property (docs/scaling.md): for a corpus,
#   1. `extract | audit --claims -` gives the JSON of `audit CORPUS` apart from the
#      inputs block, which names the claims instead of the corpus;
#   2. for N in 1, 2 and 7, the N shard audits merged are byte-identical to the single
#      `audit --claims` run (JSON, text and Markdown; N shards given in any order);
#   3. and the property is not vacuous: incidents, series and copies were found, and
#      with 7 shards more than one shard holds incidents (on the generated corpus: the
#      five seed articles report one offensive and share rare names, which the default
#      rules' same_event blocks on, so all their claims are one component).
# Usage: shard_identical.sh RECKON SOURCE_DIR seeds|generated
set -eu
reckon=$1
src=$2
which=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$src"
if [ "$which" = seeds ]; then
    corpus=examples/seeds
else
    python3 bench/generate --articles 2000 --seed 5 --out "$out/corpus" --quiet
    corpus="$out/corpus/articles.jsonl"
fi
"$reckon" audit "$corpus" --format json -o "$out/corpus.json" 2>/dev/null || [ $? -eq 1 ]
# Streamed through a pipe: extract's output is audit's input.
"$reckon" extract "$corpus" 2>/dev/null | "$reckon" audit --claims - --format json -o "$out/piped.json" 2>/dev/null || [ $? -eq 1 ]
python3 - "$out/corpus.json" "$out/piped.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert [i["role"] for i in b["reckon"]["inputs"]][0] == "claims", b["reckon"]
del a["reckon"]["inputs"], b["reckon"]["inputs"]
assert a == b, "audit --claims differs from audit CORPUS"
PY
"$reckon" extract "$corpus" -o "$out/claims.jsonl" 2>/dev/null || [ $? -eq 1 ]
for format in json text markdown; do
    "$reckon" audit --claims "$out/claims.jsonl" --format $format -o "$out/single.$format" 2>/dev/null || [ $? -eq 1 ]
done
for n in 1 2 7; do
    shards=""
    i=$n
    while [ $i -ge 1 ]; do  # listed last to first: merge takes them in any order
        "$reckon" audit --claims "$out/claims.jsonl" --shard $i/$n -o "$out/shard-$i-of-$n.jsonl" 2>/dev/null || [ $? -eq 1 ]
        shards="$shards $out/shard-$i-of-$n.jsonl"
        i=$((i - 1))
    done
    for format in json text markdown; do
        "$reckon" merge --format $format $shards -o "$out/merged-$n.$format"
        cmp "$out/single.$format" "$out/merged-$n.$format"
    done
    echo "$which: $n shards merged = single run (json, text, markdown)"
done
python3 - "$out/single.json" "$out" "$which" <<'PY'
import json, sys, glob
s = json.load(open(sys.argv[1]))["summary"]
assert s["incidents"] > 2 and s["claims"] > 5, s
busy = 0
for path in glob.glob(sys.argv[2] + "/shard-*-of-7.jsonl"):
    header = json.loads(open(path).readline())
    busy += header["incidents"] > 0
assert busy >= 2 or sys.argv[3] == "seeds", "all incidents in one shard: the partition is vacuous"
print(f"{s['incidents']} incidents, {s['cumulative_series']} series, {s['copies']} copies; {busy} of 7 shards hold incidents")
PY
