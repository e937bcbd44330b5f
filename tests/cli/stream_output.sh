#!/bin/sh
# Streamed output: `audit -o FILE` gives the same bytes as standard output, replaces the
# target atomically, and on a failed write exits 74 leaving no temporary file behind.
# Usage: stream_output.sh RECKON SOURCE_DIR
set -u
reckon=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$src"
fail() { echo "FAIL: $*"; exit 1; }
for f in json text markdown; do
  "$reckon" audit examples/seeds --format $f > "$out/stdout.$f" 2>/dev/null || fail "audit --format $f"
  echo old > "$out/file.$f"
  "$reckon" audit examples/seeds --format $f -o "$out/file.$f" 2>/dev/null || fail "audit -o ($f)"
  cmp "$out/stdout.$f" "$out/file.$f" || fail "-o differs from stdout ($f)"
done
# The JSON is laid out exactly as one dump(2) of the whole tree.
python3 -c 'import json,sys; d=open(sys.argv[1]).read(); assert json.dumps(json.loads(d), indent=2, ensure_ascii=False) + "\n" == d' "$out/stdout.json" || fail "json layout"
"$reckon" audit examples/seeds --format json -o /dev/full 2>/dev/null
[ $? -eq 74 ] || fail "/dev/full: expected exit 74"
mkdir "$out/ro" && chmod 500 "$out/ro"
if [ "$(id -u)" != 0 ]; then
  "$reckon" audit examples/seeds --format json -o "$out/ro/a.json" 2>/dev/null
  [ $? -eq 74 ] || fail "read-only folder: expected exit 74"
fi
"$reckon" extract examples/seeds > "$out/claims.jsonl" 2>/dev/null
"$reckon" extract examples/seeds -o "$out/claims2.jsonl" 2>/dev/null
cmp "$out/claims.jsonl" "$out/claims2.jsonl" || fail "extract -o differs from stdout"
[ -s "$out/claims.jsonl" ] || fail "no claims"
ls -a "$out" | grep -q '\.tmp\.' && fail "temporary file left behind"
echo "streamed output ok"
