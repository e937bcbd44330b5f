#!/bin/sh
# Fault tests of the living audit's store: one case per call.
# usage: faults.sh CASE RECKON SOURCE_DIR WORK_DIR GENERATED_CORPUS
#   kill9        20 updates, each killed with SIGKILL at a random moment (seeded): the
#                store is sound and either as it was or as after the update
#   disk_full    the output on /dev/full, and the store's file limited by RLIMIT_FSIZE
#                (ulimit -f, SIGXFSZ ignored so writes fail with EFBIG): exit 74 and
#                the old state intact
#   reader       a reader checks the store again and again while a writer updates it
#   version      a store of another schema version, an SQLite file that is not a store
#                and a file that is not SQLite are refused with a message (exit 65)
set -eu
case_name=$1 reckon=$2 src=$3 work=$4 generated=$5
here=$src/tests/store
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export SOURCE_DATE_EPOCH=1700000000
# RULES: another ruleset (store.fault_kill9_incremental: tests/store/fields.rules, under
# which an update matches again only what its new articles reach).
rules=${RULES:-$src/rules/default.rules}
digest() { python3 "$here/store_digest.py" "$1"; }
sound() { "$reckon" changes "$1" --check >/dev/null; }
update() { "$reckon" audit "$2" --store "$1" --rules "$rules" -o /dev/null -j 2 2>/dev/null; }

case $case_name in
kill9)
    head -n 100 "$generated" > base.jsonl
    for i in $(seq 1 20); do
        tail -n +$((96 + 5 * i)) "$generated" | head -n 5 > "batch$i.jsonl"
    done
    # The states after each uninterrupted update, for reference.
    update ref.db base.jsonl
    digest ref.db > ref0
    # Each kill comes at a seeded random moment within 1.1 times what the same update
    # took uninterrupted, so kills fall before, during and after the commit.
    for i in $(seq 1 20); do
        t0=$(date +%s.%N)
        update ref.db "batch$i.jsonl"
        echo "$t0 $(date +%s.%N)" >> durations
        digest ref.db > "ref$i"
    done
    update s.db base.jsonl
    delays=$(python3 -c "
import random
r = random.Random(20)
print(' '.join('%.3f' % r.uniform(0.0, 1.1 * (float(b) - float(a))) for a, b in (l.split() for l in open('durations'))))")
    before_commit=0 after_commit=0 i=0
    for delay in $delays; do
        i=$((i + 1))
        "$reckon" audit "batch$i.jsonl" --store s.db --rules "$rules" -o /dev/null -j 2 2>/dev/null &
        pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        sound s.db || { echo "update $i killed after ${delay}s: store not sound"; exit 1; }
        now=$(digest s.db)
        if [ "$now" = "$(cat "ref$((i - 1))")" ]; then
            before_commit=$((before_commit + 1))
            update s.db "batch$i.jsonl"   # not saved: run it again
            [ "$(digest s.db)" = "$(cat "ref$i")" ] || { echo "update $i after a kill differs from the reference"; exit 1; }
        elif [ "$now" = "$(cat "ref$i")" ]; then
            after_commit=$((after_commit + 1))
        else
            echo "update $i killed after ${delay}s: the store is neither as before nor as after"; exit 1
        fi
    done
    echo "20 updates killed: $before_commit left the store as it was, $after_commit as after the update; sound each time"
    ;;
disk_full)
    head -n 300 "$generated" > base.jsonl
    tail -n 200 "$generated" > batch.jsonl
    update s.db base.jsonl
    old=$(digest s.db)
    set +e
    "$reckon" audit batch.jsonl --store s.db --rules "$rules" -o /dev/full 2>err1
    code1=$?
    # The store's files may not grow past 1 MiB (ulimit counts 512-byte blocks in sh).
    sh -c "trap '' XFSZ; ulimit -f 2048; exec \"$reckon\" audit batch.jsonl --store s.db --rules \"$rules\" -o /dev/null" 2>err2
    code2=$?
    set -e
    cat err1 err2
    [ "$code1" -eq 74 ] && grep -q "cannot write '/dev/full'" err1 && grep -q "the store is as it was" err1
    [ "$code2" -eq 74 ] && grep -q "error: store 's.db'" err2 && grep -q "the store is as it was" err2
    sound s.db
    [ "$(digest s.db)" = "$old" ]
    # And with room again the same update goes through.
    update s.db batch.jsonl
    sound s.db
    [ "$("$reckon" changes s.db --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["run"])')" = 2 ]
    ;;
reader)
    # 600 stored articles and 300 new: the writer works for seconds (it reads the store,
    # extracts, matches and saves), time for many reads; the whole corpus cost minutes
    # under the sanitizers and reached no other code.
    head -n 600 "$generated" > base.jsonl
    sed -n 601,900p "$generated" > batch.jsonl
    update s.db base.jsonl
    "$reckon" audit batch.jsonl --store s.db --rules "$rules" -o /dev/null -j 1 2>/dev/null &
    writer=$!
    reads=0 saw_new=0
    while kill -0 "$writer" 2>/dev/null; do
        sound s.db
        run=$("$reckon" changes s.db --format json | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["run"])')
        case $run in 1) ;; 2) saw_new=1 ;; *) echo "reader saw run $run"; exit 1 ;; esac
        reads=$((reads + 1))
    done
    wait "$writer"
    sound s.db
    echo "$reads consistent reads while the writer worked (saw its run: $saw_new)"
    [ "$reads" -ge 1 ]
    ;;
version)
    head -n 50 "$generated" > base.jsonl
    update s.db base.jsonl
    python3 -c "import sqlite3; d = sqlite3.connect('s.db'); d.execute(\"UPDATE meta SET value = '99' WHERE key = 'schema_version'\"); d.commit()"
    set +e
    "$reckon" audit base.jsonl --store s.db --rules "$rules" -o /dev/null 2>err1; code1=$?
    "$reckon" changes s.db 2>err2; code2=$?
    python3 -c "import sqlite3; d = sqlite3.connect('other.db'); d.execute('CREATE TABLE t (x)'); d.commit()"
    "$reckon" audit base.jsonl --store other.db --rules "$rules" -o /dev/null 2>err3; code3=$?
    echo "not a database" > text.db
    "$reckon" audit base.jsonl --store text.db --rules "$rules" -o /dev/null 2>err4; code4=$?
    set -e
    cat err1 err2 err3 err4
    [ "$code1" -eq 65 ] && grep -q "store 's.db' has schema version 99, written by reckon .*; this reckon (.*) reads version 3 (and migrates versions 1 and 2) only" err1
    [ "$code2" -eq 65 ] && grep -q "has schema version 99" err2
    [ "$code3" -eq 65 ] && grep -q "'other.db' is an SQLite file but not a reckon store" err3
    [ "$code4" -eq 65 ] && grep -q "'text.db' is not a reckon store (file is not a database)" err4
    ;;
*)
    echo "unknown case '$case_name'" >&2
    exit 2
    ;;
esac
