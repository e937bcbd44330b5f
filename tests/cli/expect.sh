#!/bin/sh
# expect.sh CODE REGEX COMMAND...: runs COMMAND, fails unless it exits with CODE and
# its combined output matches the extended REGEX ("" to skip the match).
code="$1"; regex="$2"; shift 2
out=$("$@" 2>&1); got=$?
if [ "$got" -ne "$code" ]; then
  printf 'expected exit %s, got %s from: %s\n%s\n' "$code" "$got" "$*" "$out" | head -c 4000; exit 1
fi
if [ -n "$regex" ] && ! printf '%s' "$out" | grep -Eq -- "$regex"; then
  printf 'output does not match /%s/:\n%s\n' "$regex" "$out" | head -c 4000; exit 1
fi
exit 0
