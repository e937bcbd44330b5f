#!/bin/sh
# UCDP GED and ACLED rows read in as claims beside the seed articles (reckon audit
# --dataset, engine/exchange/datasets.hpp). The two CSVs under tests/data/exchange were
# written for this test: UCDP rows about seed incidents A (38 killed in Al-Shaafa,
# within the articles' figures) and C (35 civilians in Al-Soussa, above SOHR's 28), and
# a row whose best is not a number; ACLED rows about F (43 killed in Abu Hassan, within
# "at least 40"), C with no fatalities coded, and a clash in Saada, Yemen.
# usage: datasets_in.sh RECKON SOURCE_DIR WORK_DIR
set -eu
reckon=$1 src=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
cd "$src"
ucdp=tests/data/exchange/ucdp_seeds.csv acled=tests/data/exchange/acled_seeds.csv
fail() { echo "FAIL: $*" >&2; exit 1; }

# A skipped row is a warning at its line, and the run exits 1 as for a skipped record.
code=0
"$reckon" audit examples/seeds --dataset "$ucdp" --dataset "$acled" --format json -o "$work/audit.json" 2>"$work/err" || code=$?
[ "$code" -eq 1 ] || fail "exit $code, expected 1 (one row skipped): $(cat "$work/err")"
grep -q "^$ucdp:4: warning: row 3: best 'many' is not a count; row skipped" "$work/err" || fail "no located warning for the bad row: $(cat "$work/err")"

python3 - "$work/audit.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))
def incident_of(claim_prefix):
    for i in a["incidents"]:
        if any(c["id"].startswith(claim_prefix) for c in i["claims"]):
            return i
    sys.exit("FAIL: no incident holds " + claim_prefix)
def articles(i):
    return {c["article"][:3] if c["article"][0].isdigit() else c["article"] for c in i["claims"]}
A = incident_of("ucdp:900001@")
assert {"000", "004", "ucdp:900001"} <= articles(A), ("UCDP's Al-Shaafa row does not join incident A", articles(A))
best = [c for c in A["claims"] if c["article"] == "ucdp:900001" and c["category"] == "people"][0]
assert (best["low"], best["high"], best["source"], best["source_type"]) == (28, 38, "UCDP GED", "monitor"), best
assert best["source_text"] == "UCDP GED, citing SOHR; AFP", best
C = incident_of("ucdp:900002@")
assert "002" in articles(C), ("UCDP's Al-Soussa row does not join incident C", articles(C))
ucdp_c = [c for c in C["claims"] if c["article"] == "ucdp:900002" and c["category"] == "civilians"][0]
# A finding rule reports one pair per incident, outcome and category: the pair may be
# UCDP's 35 against SOHR's 28, or SANA's "more than 30" against the same 28 (the answer
# key's conflict). Either way UCDP's row must sit above the conflict's lower figure.
conflicts = [f for f in C["findings"] if f["kind"] == "conflict"]
by_id = {c["id"]: c for c in C["claims"]}
assert any(ucdp_c["id"] in f["claims"] or
           any(by_id[i]["category"] == "civilians" and by_id[i]["high"] is not None and by_id[i]["high"] < ucdp_c["low"]
               for i in f["claims"])
           for f in conflicts), \
    ("UCDP's 35 civilians against the article's 28 is no conflict", [f["message"] for f in C["findings"]])
F = incident_of("acled:SYR9001@")
assert "004" in articles(F), ("ACLED's Abu Hassan row does not join incident F", articles(F))
assert not any(f["kind"] == "conflict" for f in F["findings"]), [f["message"] for f in F["findings"]]
Y = incident_of("acled:YEM9003@")
assert articles(Y) == {"acled:YEM9003"} and Y["country"] == "YE", (articles(Y), Y["country"])
assert a["summary"]["articles_without_claims"] == ["acled:SYR9002"], a["summary"]["articles_without_claims"]
assert any(h.get("role") == "dataset" and h.get("path") == "tests/data/exchange/acled_seeds.csv"
           for h in a["reckon"]["inputs"]), a["reckon"].get("inputs")
EOF

# Bad input: a CSV in neither layout, a missing file. (Rows in a store: store.dataset.)
code=0
"$reckon" audit examples/seeds --dataset tests/data/ingest/csv/good.csv >/dev/null 2>"$work/err" || code=$?
[ "$code" -eq 65 ] || fail "a CSV in neither layout exits $code, expected 65"
grep -q "tests/data/ingest/csv/good.csv:1:1: error: neither a UCDP GED nor an ACLED header" "$work/err" || fail "$(cat "$work/err")"
code=0
"$reckon" audit examples/seeds --dataset "$work/none.csv" >/dev/null 2>"$work/err" || code=$?
[ "$code" -eq 2 ] || fail "a missing data set exits $code, expected 2 (usage)"
echo ok
