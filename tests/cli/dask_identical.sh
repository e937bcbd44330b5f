#!/bin/sh
# The audit as tasks on a local Dask cluster of two worker processes (scripts/dask-audit,
# docs/scaling.md): a generated 2,000-article corpus in 4 pieces and 3 shards gives
#   1. the same bytes as one `reckon audit --claims` run over the same claims pieces;
#   2. the JSON of one `reckon audit CORPUS` run, apart from the inputs block;
#   3. and the work was shared: both workers ran tasks.
# Usage: dask_identical.sh RECKON SOURCE_DIR
set -eu
reckon=$1
src=$2
/usr/bin/python3 -c 'import distributed' 2>/dev/null || {
    echo "Dask distributed is not installed for /usr/bin/python3: run scripts/setup (Debian python3-distributed)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$src"
python3 bench/generate --articles 2000 --seed 5 --out "$out/corpus" --quiet
RECKON="$reckon" scripts/dask-audit "$out/corpus/articles.jsonl" 4 3 "$out/work" --workers 2 --timings-json "$out/timings.json"
"$reckon" audit --claims "$out"/work/claims/part-*.jsonl --format json -o "$out/single.json" 2>/dev/null || [ $? -eq 1 ]
cmp "$out/single.json" "$out/work/audit.json"
"$reckon" audit "$out/corpus/articles.jsonl" --format json -o "$out/corpus.json" 2>/dev/null || [ $? -eq 1 ]
python3 - "$out/corpus.json" "$out/work/audit.json" "$out/timings.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
del a["reckon"]["inputs"], b["reckon"]["inputs"]
assert a == b, "the Dask audit differs from one run"
assert len(a["incidents"]) > 400, len(a["incidents"])
tasks = json.load(open(sys.argv[3]))
assert [t["stage"] for t in tasks].count("extract") == 4 and [t["stage"] for t in tasks].count("audit") == 3, tasks
assert len({t["worker"] for t in tasks}) == 2, ("one worker did all the work", tasks)
PY
echo "the Dask audit is the single run's"
