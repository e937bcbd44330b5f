#!/bin/sh
# CLI tests of the living audit (reckon audit --store, reckon changes): one case per
# call. usage: living.sh CASE RECKON SOURCE_DIR WORK_DIR [GENERATED_CORPUS]
# Exit 77 is a skip (FA-KES absent).
set -eu
case_name=$1 reckon=$2 src=$3 work=$4 generated=${5:-}
here=$src/tests/store
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export SOURCE_DATE_EPOCH=1700000000  # the run's time in the store and the report
rules=$src/rules/default.rules

# audit_in_two STORE FIRST SECOND FULL [extra audit options]: a store from FIRST, updated
# with SECOND, against one run over FULL; the audits must be the same, ids aside where
# the lineage explains them, and untouched incidents keep their ids.
audit_in_two() {
    store=$1 first=$2 second=$3 full=$4
    shift 4
    "$reckon" audit "$first" --store "$store" --rules "$rules" --format json -o first.json -j 2 "$@" 2>first.err || [ $? -eq 1 ]
    "$reckon" audit "$second" --store "$store" --rules "$rules" --format json -o second.json -j 2 "$@" 2>second.err || [ $? -eq 1 ]
    # One run weighing words with the statistics the store's update weighed them with
    # (the store's own when the update took them again); rules that read no words
    # (words=no) keep none.
    if [ "${words:-yes}" = yes ]; then statistics="--statistics $store"; else statistics=; fi
    # shellcheck disable=SC2086
    "$reckon" audit "$full" --rules "$rules" $statistics --format json -o full.json -j 2 "$@" 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes "$store" --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" second.json full.json lineage.json first.json
    "$reckon" changes "$store" --check
}

# seeds_in_two_runs STORE: a store of the seeds, 3 articles in run 1 (folder a), 2 in run 2 (b).
seeds_in_two_runs() {
    mkdir a b
    for f in "$src"/examples/seeds/00[012]_*.txt; do cp "$f" a/; done
    for f in "$src"/examples/seeds/00[34]_*.txt; do cp "$f" b/; done
    "$reckon" audit a --store "$1" --rules "$rules" -o /dev/null 2>/dev/null
    "$reckon" audit b --store "$1" --rules "$rules" -o /dev/null 2>/dev/null
}

case $case_name in
generated_90_10)
    head -n 1800 "$generated" > first.jsonl
    tail -n +1801 "$generated" > rest.jsonl
    audit_in_two g.db first.jsonl rest.jsonl "$generated" --timings
    grep -q "run 2: 200 articles added, 0 changed, 200 extracted" second.err
    # 200 articles on 1,800 outgrow the store's word statistics (by more than a tenth):
    # the update matches the whole corpus, takes them again, and says so; it then equals
    # one run without frozen statistics too.
    grep -q "reckon: store: matched the whole corpus: the corpus has grown by more than 10 % since its word statistics were taken (run 1, 1800 articles)" second.err
    "$reckon" audit "$generated" --rules "$rules" --format json -o plain.json -j 2 2>/dev/null || [ $? -eq 1 ]
    python3 "$here/same_audit.py" second.json plain.json lineage.json
    # The update wrote the incidents that changed, not all of them (the store still
    # equals one run: same_audit.py above, --check); and it measured the new claims' reach.
    python3 - <<'PY'
import re
err = open("second.err").read()
written, total, removed = map(int, re.search(r"store: (\d+) of (\d+) incidents written \(new or changed\), (\d+) removed", err).groups())
assert 0 < written < total, (written, total)
new, mates, stored = map(int, re.search(r"reach of the new articles: (\d+) new claims are compared in blocks with (\d+) of (\d+) stored claims", err).groups())
assert new > 0 and 0 < mates <= stored, (new, mates, stored)
print(f"{written} of {total} incidents written, {removed} removed; {new} new claims reach {mates} of {stored} stored")
PY
    ;;
incremental)
    # Under a ruleset that reads no words (fields.rules), an update matches again only
    # the components its new articles reach, and keeps the stored grouping elsewhere:
    # two such updates in a row, each equal to one run over what the store holds; then
    # a changed ruleset matches the whole corpus and says why.
    rules=$here/fields.rules
    words=no
    head -n 1940 "$generated" > first.jsonl
    sed -n 1941,1970p "$generated" > second_part.jsonl
    head -n 1970 "$generated" > upto_second.jsonl
    sed -n 1971,1990p "$generated" > third_part.jsonl
    head -n 1990 "$generated" > upto_third.jsonl
    tail -n +1991 "$generated" > fourth_part.jsonl
    audit_in_two i.db first.jsonl second_part.jsonl upto_second.jsonl
    mv second.err update1.err
    "$reckon" audit third_part.jsonl --store i.db --rules "$rules" --format json -o third.json -j 2 2>update2.err || [ $? -eq 1 ]
    "$reckon" audit upto_third.jsonl --rules "$rules" --format json -o full.json -j 2 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes i.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" third.json full.json lineage.json second.json
    sed "s|\.\./\.\./rules/|$src/rules/|" "$rules" > changed.rules
    echo "# changed" >> changed.rules
    "$reckon" audit fourth_part.jsonl --store i.db --rules changed.rules --format json -o fourth.json -j 2 2>update3.err || [ $? -eq 1 ]
    "$reckon" audit "$generated" --rules changed.rules --format json -o full.json -j 2 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes i.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" fourth.json full.json lineage.json third.json
    grep -q "reckon: store: matched the whole corpus: the ruleset changed" update3.err
    python3 - <<'PY'
import re
for name in ("update1.err", "update2.err"):
    m = re.search(r"matched again (\d+) of (\d+) claims", open(name).read())
    assert m, name + ": the update matched the whole corpus"
    again, units = map(int, m.groups())
    assert 0 < again < units / 4, (name, again, units)
    print(f"{name}: matched again {again} of {units} claims")
PY
    "$reckon" changes i.db --check
    ;;
incremental_words)
    # Under the default rules, which weigh words by their rarity: updates that grow the
    # corpus by less than a tenth weigh the new articles' words against the store's
    # frozen statistics and match again only what they reach (with the stored articles
    # whose weights they move): each update equals one run given the same statistics
    # (--statistics), and matches again a small part of the store. A one run without
    # them weighs otherwise (the equality holds for the statistics, not without them).
    head -n 1940 "$generated" > first.jsonl
    sed -n 1941,1970p "$generated" > second_part.jsonl
    head -n 1970 "$generated" > upto_second.jsonl
    sed -n 1971,2000p "$generated" > third_part.jsonl
    audit_in_two w.db first.jsonl second_part.jsonl upto_second.jsonl --timings
    mv second.err update1.err
    mv second.json update1.json
    # Every incident row the second update deletes or inserts is logged (triggers).
    python3 - <<'PY'
import sqlite3
db = sqlite3.connect("w.db")
db.executescript("""
CREATE TABLE written (id TEXT);
CREATE TRIGGER incident_in AFTER INSERT ON incidents BEGIN INSERT INTO written VALUES (new.id); END;
CREATE TRIGGER incident_out AFTER DELETE ON incidents BEGIN INSERT INTO written VALUES (old.id); END;
""")
db.commit()
db.close()
PY
    cp w.db before_update2.db
    "$reckon" audit third_part.jsonl --store w.db --rules "$rules" --format json -o third.json -j 2 --timings 2>update2.err || [ $? -eq 1 ]
    "$reckon" audit "$generated" --rules "$rules" --statistics w.db --format json -o full.json -j 2 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes w.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" third.json full.json lineage.json update1.json
    "$reckon" changes w.db --check
    python3 - <<'PY'
import re
for name in ("update1.err", "update2.err"):
    err = open(name).read()
    m = re.search(r"matched again (\d+) of (\d+) claims .* and of (\d+) whose words' weights they move", err)
    assert m, name + ": the update matched the whole corpus"
    again, units, moved = map(int, m.groups())
    # The update kept the stored grouping of what its new articles do not reach. In
    # this small corpus (one war, few places) the blocks of names() are wide and 30
    # articles reach about half of the claims (at 100,000 articles 1.5 %,
    # docs/performance.md); the words the new articles move weigh anew in only a few
    # stored articles (not every article, as when words were counted live).
    assert 0 < again < units * 0.6, (name, again, units)
    assert moved < 1940 / 50, (name, moved)
    print(f"{name}: matched again {again} of {units} claims ({moved} stored articles' weights moved)")
    # The block index the previous run wrote gives the new claims' block mates by
    # indexed lookups alone, the same stored claims the audit finds comparing every claim.
    mates = int(re.search(r"compared in blocks with (\d+) of \d+ stored claims", err).group(1))
    m = re.search(r"block index: the new claims' (\d+) cells hold (\d+) stored claims compared with them; (\d+) rows read, \d+ steps \((\d+) in full scans\), [0-9.e-]+ s; outside the stored articles matched again (\d+) \(comparing every stored claim in memory: (\d+)\)", err)
    assert m, name + ": no block index lookup"
    cells, held, rows, full_scan, kept, in_memory = map(int, m.groups())
    # Outside the stored articles matched again (their cells may move), exactly the
    # claims comparing in memory finds; with them, about the audit's own reach.
    assert kept == in_memory and kept <= held, (name, kept, in_memory, held)
    assert abs(held - mates) <= mates / 20, (name, held, mates)
    assert full_scan == 0, (name, full_scan)
    print(f"{name}: block index: {cells} cells, {held} stored claims compared ({mates} in the audit's reach), {rows} rows read")
    # The load plan: the block mates' components closed in the store by its indexes (no
    # full scan) hold the same claims as the closure over the stored incidents in memory,
    # and lie in part of the stored articles.
    m = re.search(r"load plan: the block mates lie in (\d+) stored components \((\d+) incidents, (\d+) claims\) of (\d+) of (\d+) stored articles; \d+ steps \((\d+) in full scans\), [0-9.e-]+ s; the same closure over the stored incidents in memory: (\d+) claims\n", err)
    assert m, name + ": no load plan"
    components, incidents, planned, articles, stored_articles, plan_full_scan, plan_memory = map(int, m.groups())
    assert planned == plan_memory and plan_full_scan == 0, (name, planned, plan_memory, plan_full_scan)
    assert 0 < components <= incidents and 0 < articles < stored_articles, (name, components, incidents, articles, stored_articles)
    print(f"{name}: load plan: {components} components, {incidents} incidents, {planned} claims, {articles} of {stored_articles} articles")
# An update leaves the rows of the incidents it did not write as they were: only the
# incidents written (new or changed) have another row or snapshot than before it.
import sqlite3
def rows(path):
    return {i: (r, s) for i, r, s in sqlite3.connect(path).execute("SELECT id, rowid, snapshot FROM incidents")}
before, after = rows("before_update2.db"), rows("w.db")
written, total, removed = map(int, re.search(r"store: (\d+) of (\d+) incidents written \(new or changed\), (\d+) removed", open("update2.err").read()).groups())
touched = {i for (i,) in sqlite3.connect("w.db").execute("SELECT DISTINCT id FROM written")}
assert 0 < written < total / 2, (written, total)
# The incidents written and removed are the only ones whose rows were deleted or inserted.
assert len(touched) <= written + removed, (len(touched), written, removed)
kept = [i for i in after if i not in touched]
assert len(kept) == total - written and all(before.get(i) == after[i] for i in kept), (len(kept), total, written)
print(f"update2: {len(kept)} of {total} incident rows untouched, {len(touched)} deleted or inserted ({written} written, {removed} removed)")
PY
    ;;
fakes_by_date)
    fakes=$src/../shared/corpus/fakes/FA-KES-Dataset.csv
    [ -f "$fakes" ] || { echo "FA-KES absent: skipped"; exit 77; }
    python3 "$here/split_csv_by_date.py" "$fakes" 0.9 parts
    audit_in_two f.db parts/early.csv parts/late.csv parts/all.csv
    ;;
same_articles_again)
    # The same corpus twice: nothing extracted again, nothing changes.
    "$reckon" audit "$src/examples/seeds" --store s.db --rules "$rules" -o /dev/null 2>/dev/null
    "$reckon" audit "$src/examples/seeds" --store s.db --rules "$rules" -o /dev/null 2>err
    grep -q "run 2: 0 articles added, 0 changed, 0 extracted; 0 new incidents, 0 merges, 0 splits" err
    "$reckon" audit "$src/examples/seeds" --store s.db --rules "$rules" -o /dev/null --timings 2>err
    grep -q "store: 0 of [1-9][0-9]* incidents written (new or changed), 0 removed" err
    "$reckon" changes s.db --check
    "$reckon" changes s.db --format json > changes.json
    python3 -c "import json,sys; c=json.load(open('changes.json')); sys.exit(any(c[k] for k in ('new_incidents','new_figures','tolls_moved','findings_raised','findings_resolved','merges','splits','retired')))"
    ;;
ruleset_changed)
    # A ruleset that no longer keeps apart figures naming different means of attack:
    # the stored claims are regrouped (nothing extracted again), incidents merge, and
    # the audit equals one run with the new rules.
    # The first 1,000 articles of the generated corpus: enough for merges, and three audits
    # of the whole 2,000 cost minutes under the sanitizers.
    mkdir rules2 && cp "$src"/rules/* rules2/
    grep -v "and compatible(a.attack, b.attack)" "$rules" > rules2/default.rules
    head -n 1000 "$generated" > part.jsonl
    "$reckon" audit part.jsonl --store r.db --rules "$rules" --format json -o first.json -j 2 2>/dev/null
    "$reckon" audit --store r.db --rules rules2/default.rules --format json -o second.json -j 2 2>err
    grep -q "run 2: 0 articles added, 0 changed, 0 extracted" err
    "$reckon" audit part.jsonl --rules rules2/default.rules --format json -o full.json -j 2 2>/dev/null
    "$reckon" changes r.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" second.json full.json lineage.json first.json
    "$reckon" changes r.db --format json -o changes.json
    python3 - <<'PY'
import json, sys
c = json.load(open("changes.json"))
lineage = json.load(open("lineage.json"))
assert c["ruleset_changed"] is True, c["ruleset_changed"]
assert c["merges"], "a looser ruleset merged nothing"
merged = [e for e in lineage if e["run"] == 2 and e["kind"] == "merged"]
assert merged and all(e["cause"] == "ruleset changed" for e in merged), merged[:3]
print(f"{len(c['merges'])} merges, {len(merged)} ids merged, by a changed ruleset")
PY
    ;;
streams_without_words)
    # A store written before article records carried the words scored matching reads
    # (docs/formats.md): its articles are extracted again from the stored texts, the run
    # says the extraction changed, and the audit equals one run over the corpus.
    "$reckon" audit "$src/examples/seeds" --store w.db --rules "$rules" --format json -o first.json 2>/dev/null || [ $? -eq 1 ]
    python3 - <<'PY'
import re, sqlite3
db = sqlite3.connect("w.db")
for rowid, stream in db.execute("SELECT rowid, stream FROM articles").fetchall():
    record, rest = stream.split("\n", 1)
    old = re.sub(r',"lead_words":"[^"]*","names":"[^"]*"', "", record)
    assert old != record, record[:200]
    db.execute("UPDATE articles SET stream = ? WHERE rowid = ?", (old + "\n" + rest, rowid))
db.commit()
PY
    "$reckon" audit --store w.db --rules "$rules" --format json -o second.json 2>err || [ $? -eq 1 ]
    grep -q "run 2: 0 articles added, 0 changed, 5 extracted" err
    "$reckon" audit "$src/examples/seeds" --rules "$rules" --format json -o full.json 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes w.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" second.json full.json lineage.json first.json
    "$reckon" changes w.db --format json -o changes.json
    python3 -c "import json,sys; sys.exit(json.load(open('changes.json'))['extraction_changed'] is not True)"
    python3 - <<'PY'
import sqlite3
db = sqlite3.connect("w.db")
assert all('"lead_words":' in s.split("\n", 1)[0] for (s,) in db.execute("SELECT stream FROM articles")), "streams not written again"
PY
    ;;
offset_ids)
    # A store written when claim ids were byte offsets (offset_ids.py turns a store of the
    # seeds, in two runs, into one): the next run extracts its articles again and carries
    # its incidents over under their ids, with the claims of each named as now; nothing
    # else changes.
    seeds_in_two_runs s.db
    snapshots='import json, sqlite3, sys; print(json.dumps({i: json.loads(s)["claims"] for i, s in sqlite3.connect(sys.argv[1]).execute("SELECT id, snapshot FROM incidents")}, sort_keys=True))'
    python3 -c "$snapshots" s.db > before.json
    python3 "$here/offset_ids.py" s.db
    python3 -c "$snapshots" s.db > older.json
    grep -q '"000_018dbaf100e42a40@[0-9]*"' older.json
    "$reckon" audit --store s.db --rules "$rules" -o /dev/null 2>err
    grep -q "run 3: 0 articles added, 0 changed, 5 extracted; 0 new incidents, 0 merges, 0 splits" err
    python3 -c "$snapshots" s.db > after.json
    cmp before.json after.json
    "$reckon" changes s.db --format json > changes.json
    python3 -c "import json,sys; c=json.load(open('changes.json')); assert c['run'] == 3 and c['extraction_changed'], c; sys.exit(any(c[k] for k in ('new_incidents','new_figures','tolls_moved','findings_raised','findings_resolved','merges','splits','retired')))"
    "$reckon" changes s.db --check
    ;;
changes_golden)
    # The seeds in two runs (3 articles, then 2): the changes report, text and JSON,
    # and the lineage against golden files.
    seeds_in_two_runs s.db
    "$reckon" changes s.db > changes.txt
    "$reckon" changes s.db --format json > changes.json
    "$reckon" changes s.db --lineage > lineage.txt
    "$reckon" changes s.db --run 1 > run1.txt
    golden=$src/tests/golden/store
    status=0
    for f in changes.txt changes.json lineage.txt run1.txt; do
        if ! cmp -s "$f" "$golden/seeds_$f"; then
            cp "$f" "$golden/seeds_$f.unapproved" 2>/dev/null || true
            diff "$golden/seeds_$f" "$f" | head -20
            status=1
        fi
    done
    exit $status
    ;;
dataset)
    # UCDP and ACLED rows (--dataset) in a store: the seeds first, then the two data sets;
    # the audit equals one run over the seeds and the data sets. The same rows again
    # change nothing; a changed registry extracts the articles again but not the rows
    # (their claims come from the rows' columns).
    ucdp=$src/tests/data/exchange/ucdp_seeds.csv acled=$src/tests/data/exchange/acled_seeds.csv
    "$reckon" audit "$src/examples/seeds" --store d.db --rules "$rules" --format json -o first.json 2>/dev/null
    "$reckon" audit --store d.db --dataset "$ucdp" --dataset "$acled" --rules "$rules" --format json -o second.json 2>err || [ $? -eq 1 ]
    grep -q "run 2: 5 articles added, 0 changed, 0 extracted" err || { cat err; exit 1; }
    "$reckon" audit "$src/examples/seeds" --dataset "$ucdp" --dataset "$acled" --rules "$rules" --format json -o full.json 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes d.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" second.json full.json lineage.json first.json
    python3 - second.json <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
ids = {c["article"] for i in a["incidents"] for c in i["claims"]}
assert {"ucdp:900001", "ucdp:900002", "acled:SYR9001", "acled:YEM9003"} <= ids, sorted(ids)
PY
    "$reckon" audit --store d.db --dataset "$ucdp" --dataset "$acled" --rules "$rules" -o /dev/null 2>err || [ $? -eq 1 ]
    grep -q "run 3: 0 articles added, 0 changed, 0 extracted; 0 new incidents, 0 merges, 0 splits" err || { cat err; exit 1; }
    cp "$src/rules/places.yaml" places.yaml && echo "# changed" >> places.yaml
    "$reckon" audit --store d.db --places places.yaml --rules "$rules" --format json -o fourth.json 2>err || [ $? -eq 1 ]
    grep -q "run 4: 0 articles added, 0 changed, 5 extracted" err || { cat err; exit 1; }
    "$reckon" audit "$src/examples/seeds" --dataset "$ucdp" --dataset "$acled" --places places.yaml --rules "$rules" --format json -o full2.json 2>/dev/null || [ $? -eq 1 ]
    "$reckon" changes d.db --lineage --format json -o lineage.json
    python3 "$here/same_audit.py" fourth.json full2.json lineage.json second.json
    "$reckon" changes d.db --check
    ;;
decisions_by_id)
    # Analyst decisions naming the store's incidents: merge two incidents of run 1 by
    # their ids (run 2), then split them apart again naming the same ids (run 3, the
    # split after the merge in the file): each comes back with the claims it had and its
    # id. An id the store never issued is a
    # located error (exit 65) and leaves the store as it was; without --store such a
    # decision is skipped with a warning.
    mkdir rules2 && cp "$src"/rules/* rules2/
    "$reckon" audit "$src/examples/seeds" --store s.db --rules "$rules" -o /dev/null 2>/dev/null || [ $? -eq 1 ]
    # two incidents of different sizes: the larger keeps its id through the merge
    python3 - <<'PY' > pair.txt
import json, sqlite3
rows = [(i, json.loads(s)["claims"]) for i, s in sqlite3.connect("s.db").execute("SELECT id, snapshot FROM incidents ORDER BY id")]
rows.sort(key=lambda r: (-len(r[1]), r[0]))
big = rows[0]
small = next(r for r in rows if len(r[1]) < len(big[1]))
print(big[0], small[0])
json.dump({big[0]: big[1], small[0]: small[1]}, open("pair.json", "w"))
PY
    read -r big small < pair.txt
    # a store written before incident_history was kept gets it, from its current incidents
    python3 -c "import sqlite3; db = sqlite3.connect('s.db'); db.execute('DROP TABLE incident_history'); db.commit()"
    printf 'include "default.rules"\nmerge "%s", "%s" because "one strike, per the analyst"\n' "$small" "$big" > rules2/merge.rules
    "$reckon" audit --store s.db --rules rules2/merge.rules --format json -o merged.json 2>err || [ $? -eq 1 ]
    grep -q "run 2: 0 articles added, 0 changed, 0 extracted; 0 new incidents, 1 merges" err || { cat err; exit 1; }
    "$reckon" changes s.db --lineage --format json -o lineage.json
    python3 - "$big" "$small" <<'PY'
import json, sqlite3, sys
big, small = sys.argv[1:]
pair = json.load(open("pair.json"))
now = {i: json.loads(s) for i, s in sqlite3.connect("s.db").execute("SELECT id, snapshot FROM incidents")}
assert small not in now and sorted(now[big]["claims"]) == sorted(pair[big] + pair[small]), now.get(big)
assert any(d.startswith("merge (rules2/merge.rules:2): one strike") for d in now[big]["decisions"]), now[big]["decisions"]
merged = [e for e in json.load(open("lineage.json")) if e["run"] == 2 and e["kind"] == "merged"]
assert [(e["from"], e["to"]) for e in merged] == [(small, big)], merged
assert "decision: merge (rules2/merge.rules:2)" in merged[0]["cause"], merged[0]["cause"]
audit = json.load(open("merged.json"))
inc = next(i for i in audit["incidents"] if i["id"] == big)
assert inc["decisions"], inc.get("decisions")
PY
    # The merge stays in the file; a split after it names the same ids (the smaller one
    # merged away: resolved to the claims it held when it was last current).
    cp rules2/merge.rules rules2/split.rules
    printf 'split "%s", "%s" because "two strikes after all"\n' "$small" "$big" >> rules2/split.rules
    "$reckon" audit --store s.db --rules rules2/split.rules -o /dev/null 2>err || [ $? -eq 1 ]
    grep -q "run 3: 0 articles added, 0 changed, 0 extracted; 1 new incidents, 0 merges, 1 splits" err || { cat err; exit 1; }
    "$reckon" changes s.db --lineage --format json -o lineage.json
    python3 - "$big" "$small" <<'PY'
import json, sqlite3, sys
big, small = sys.argv[1:]
pair = json.load(open("pair.json"))
now = {i: json.loads(s)["claims"] for i, s in sqlite3.connect("s.db").execute("SELECT id, snapshot FROM incidents")}
for i in (big, small):
    assert sorted(now.get(i, [])) == sorted(pair[i]), (i, now.get(i))
split = [e for e in json.load(open("lineage.json")) if e["run"] == 3 and e["kind"] == "split"]
assert [(e["from"], e["to"]) for e in split] == [(big, small)], split
assert "decision: split (rules2/split.rules:3)" in split[0]["cause"], split[0]["cause"]
PY
    "$reckon" changes s.db --check
    # an id the store never issued: located, with the closest issued id
    typo=$(printf '%s' "$small" | sed 's/.$/x/')
    printf 'include "default.rules"\nmerge "%s", "%s" because "a typo"\n' "$typo" "$big" > rules2/typo.rules
    before=$(python3 "$here/store_digest.py" s.db)
    status=0
    "$reckon" audit --store s.db --rules rules2/typo.rules -o /dev/null 2>err || status=$?
    [ "$status" -eq 65 ] || { echo "exit $status, not 65"; cat err; exit 1; }
    grep -q "^rules2/typo.rules:2:7: error: 'merge' names incident '$typo', which this store never issued" err || { cat err; exit 1; }
    grep -q "did you mean '$small'?" err || { cat err; exit 1; }
    grep -q "the store is as it was" err
    [ "$(python3 "$here/store_digest.py" s.db)" = "$before" ]
    # no store: skipped, with a warning at the id
    status=0
    "$reckon" audit "$src/examples/seeds" --rules rules2/merge.rules -o /dev/null 2>err || status=$?
    [ "$status" -eq 0 ] || { echo "exit $status, not 0 (a warning, as for an unknown claim)"; cat err; exit 1; }
    grep -q "^rules2/merge.rules:2:7: warning: 'merge' names incident '$small', an incident id of a living audit's store; without the store the decision is skipped for it" err || { cat err; exit 1; }
    ;;
*)
    echo "unknown case '$case_name'" >&2
    exit 2
    ;;
esac
