#!/bin/sh
# filter.sh RECKON MUST MUST_NOT COMMAND_ARGS...: runs `reckon COMMAND_ARGS`, fails unless
# it exits 0, its standard output matches the extended regex MUST and, when MUST_NOT
# is not "", has no line matching MUST_NOT (what the filter should have left out).
reckon="$1"; must="$2"; must_not="$3"; shift 3
out=$("$reckon" "$@" 2>/dev/null); got=$?
if [ "$got" -ne 0 ]; then printf 'exit %s from: reckon %s\n' "$got" "$*"; exit 1; fi
if ! printf '%s\n' "$out" | grep -Eq -- "$must"; then
  printf 'output does not match /%s/:\n%s\n' "$must" "$out" | head -c 4000; exit 1
fi
if [ -n "$must_not" ] && printf '%s\n' "$out" | grep -Eq -- "$must_not"; then
  printf 'output should not match /%s/:\n' "$must_not"; printf '%s\n' "$out" | grep -E -- "$must_not" | head -5; exit 1
fi
exit 0
