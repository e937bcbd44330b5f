#!/bin/sh
# Ctrl-C and SIGKILL: reckon stops cleanly with exit code 130 and writes nothing on
# SIGINT; killed outright while writing reports, it leaves only complete files.
# usage: interrupt.sh RECKON FAKES_CSV WORKDIR
set -u
reckon="$1"; fakes="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
# A corpus big enough to still be running after a moment: FA-KES twenty times over.
big="$work/big.csv"
head -n 1 "$fakes" > "$big"
i=0; while [ $i -lt 20 ]; do tail -n +2 "$fakes" >> "$big"; i=$((i + 1)); done

"$reckon" audit "$big" --format json --timings -o "$work/audit.json" 2>"$work/audit.err" &
pid=$!
# Signal once reckon is at work (--timings prints "reckon: load" when the corpus is read and
# extraction starts). A background job of a non-interactive shell ignores SIGINT until it
# execs reckon, so a signal sent after a fixed second on a loaded machine could come before
# the handler and be lost: the audit then ran to its end (25 minutes under AddressSanitizer).
n=0
while [ $n -lt 6000 ] && ! grep -q "^reckon: load" "$work/audit.err" 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
kill -INT $pid
wait $pid; code=$?
[ "$code" -eq 130 ] || fail "SIGINT: exit $code, expected 130 ($(tail -n 2 "$work/audit.err"))"
[ ! -e "$work/audit.json" ] || fail "SIGINT: an output file was written"
grep -q "interrupted; nothing written" "$work/audit.err" || fail "SIGINT: no message"

"$reckon" report "$fakes" --all --format html -o "$work/reports" 2>/dev/null &
pid=$!
n=0
while [ $n -lt 600 ] && [ -z "$(ls "$work/reports" 2>/dev/null | head -n 1)" ]; do sleep 0.05; n=$((n + 1)); done
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
for f in "$work"/reports/*.html; do
  [ -e "$f" ] || continue
  tail -c 8 "$f" | grep -q "</html>" || fail "SIGKILL left a partial file: $f"
done
echo "interrupt checks passed ($(ls "$work/reports" 2>/dev/null | grep -c '\.html$') complete reports before the kill)"
