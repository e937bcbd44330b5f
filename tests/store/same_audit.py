#!/usr/bin/env python3
"""Checks that the audit a living store wrote equals the audit of one run over all its
articles, byte for byte, ids aside where the store's lineage explains them.

usage: same_audit.py STORE_AUDIT.json FULL_AUDIT.json LINEAGE.json [EARLIER_STORE_AUDIT.json]

Incidents are in the same order in both (the audit sorts them before ids are mapped).
Every incident whose store id differs from the single run's id must appear in the
lineage (as the `to` of an event: changed, merged or split; or, for an id issued again
after a clash, new). The single run's text with its ids replaced by the store's must
then be byte-identical to the store's from the "incidents" key on (the "reckon" key
holds the input paths and hashes, which differ by design).

With an earlier audit of the same store: every incident of it whose claims are all
still together and alone (untouched by the update) kept its id."""
import json
import sys


def main():
    store_text = open(sys.argv[1], encoding="utf-8").read()
    full_text = open(sys.argv[2], encoding="utf-8").read()
    lineage = json.load(open(sys.argv[3], encoding="utf-8"))
    store = json.loads(store_text)["incidents"]
    full = json.loads(full_text)["incidents"]
    if len(store) != len(full):
        sys.exit(f"incident counts differ: store {len(store)}, single run {len(full)}")
    explained = {e["to"] for e in lineage if e["to"]}
    mapping = {}
    for s, f in zip(store, full):
        if s["id"] != f["id"]:
            if s["id"] not in explained:
                sys.exit(f"{s['id']} (single run: {f['id']}) has no lineage")
            mapping[f["id"]] = s["id"]
    start = full_text.index('"incidents":')
    renamed = full_text[start:]
    for old, new in mapping.items():
        renamed = renamed.replace('"' + old + '"', '"' + new + '"')
    if renamed != store_text[store_text.index('"incidents":'):]:
        sys.exit("the audits differ beyond the ids")
    untouched = 0
    if len(sys.argv) > 4:
        now = {frozenset(c["id"] for c in i["claims"]): i["id"] for i in store}
        for i in json.load(open(sys.argv[4], encoding="utf-8"))["incidents"]:
            key = frozenset(c["id"] for c in i["claims"])
            if key in now:
                untouched += 1
                if now[key] != i["id"]:
                    sys.exit(f"untouched incident {i['id']} became {now[key]}")
        print(f"{untouched} untouched incidents kept their ids")
    print(f"same audit: {len(store)} incidents, {len(mapping)} under lineage ids, {len(store) - len(mapping)} under the single run's ids")


main()
