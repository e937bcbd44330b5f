#!/bin/sh
# Golden tests of the UCDP and ACLED layouts (reckon audit --format ucdp|acled).
# usage: golden.sh CORPUS_NAME FORMAT RECKON SOURCE_DIR
# The seeds' rows are kept whole (tests/golden/exchange/seeds.FORMAT.csv); FA-KES's only
# as a row count and SHA-256 (its titles are FA-KES text, which stays out of the
# project), and the case is skipped (77) when FA-KES is absent. A difference writes
# the new output beside the golden file as .unapproved, for review.
set -eu
name=$1 format=$2 reckon=$3 src=$4
golden=$src/tests/golden/exchange
case $name in
seeds) corpus=$src/examples/seeds ;;
fakes) corpus=$src/../shared/corpus/fakes/FA-KES-Dataset.csv
       [ -f "$corpus" ] || { echo "FA-KES absent: skipped"; exit 77; } ;;
*) echo "unknown corpus '$name'" >&2; exit 2 ;;
esac
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$src"
"$reckon" audit "$corpus" --format "$format" -j 2 -o "$out" 2>/dev/null || [ $? -eq 1 ]
if [ "$name" = seeds ]; then
    expected=$golden/$name.$format.csv
    actual=$out
else
    expected=$golden/$name.$format.sha256
    actual=$(mktemp)
    printf '%s lines, sha256 %s\n' "$(wc -l < "$out")" "$(sha256sum < "$out" | cut -d' ' -f1)" > "$actual"
fi
if ! cmp -s "$actual" "$expected"; then
    cp "$actual" "$expected.unapproved"
    diff "$expected" "$actual" | head -20
    echo "differs from $expected (new output in $expected.unapproved)"
    exit 1
fi
echo "$name $format: as the golden file"
