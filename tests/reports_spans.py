#!/usr/bin/env python3
"""Every number in every report resolves to a byte span of its article whose text
is that number as written. Reads the JSON reports that `reckon report --format json`
wrote and checks each claim against the article bytes taken independently from the
input: the .txt file itself for a folder corpus (spans are file offsets), the
article_content field (parsed here with Python's csv module) for a CSV corpus.

usage: reports_spans.py REPORT_DIR CORPUS
"""
import csv, glob, json, os, sys

def main():
    report_dir, corpus = sys.argv[1], sys.argv[2]
    texts = {}
    if os.path.isdir(corpus):
        for path in glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True):
            rel = os.path.relpath(path, corpus)[:-4]
            texts[rel] = open(path, "rb").read()
    else:
        csv.field_size_limit(1 << 30)
        seen = {}
        with open(corpus, encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.DictReader(f):
                uid = row["unit_id"]
                seen[uid] = seen.get(uid, 0) + 1
                key = uid if seen[uid] == 1 else "%s#%d" % (uid, seen[uid])
                texts[key] = row["article_content"].encode("utf-8")
    reports = [p for p in glob.glob(os.path.join(report_dir, "*.json")) if not p.endswith("index.json")]
    if not reports:
        print("no reports in " + report_dir); return 1
    checked, problems = 0, []
    for path in sorted(reports):
        model = json.load(open(path, encoding="utf-8"))
        numbers = {}
        for c in model["claims"]:
            art = c["article"]["id"]
            if art not in texts:
                problems.append("%s: article %s not in the corpus" % (path, art)); continue
            b, e = c["span"]["begin"], c["span"]["end"]
            written = texts[art][b:e].decode("utf-8", "replace")
            if written != c["value_text"]:
                problems.append("%s: claim %s: bytes %d-%d are %r, the report says %r" % (path, c["id"], b, e, written, c["value_text"]))
            sb, se = c["sentence"]["begin"], c["sentence"]["end"]
            if not (sb <= b and e <= se):
                problems.append("%s: claim %s: figure outside its sentence" % (path, c["id"]))
            numbers[c["id"]] = c
            checked += 1
        # Every reconciled figure and finding points only at claims that resolve.
        for f in model["figures"]:
            for cid in f["claims"]:
                if cid not in numbers: problems.append("%s: figure cites unknown claim %s" % (path, cid))
        for f in model["findings"]:
            for cid in f["claims"]:
                if cid not in numbers: problems.append("%s: finding cites unknown claim %s" % (path, cid))
    for p in problems[:20]: print(p)
    print("%d claims in %d reports checked, %d problems" % (checked, len(reports), len(problems)))
    return 1 if problems or checked == 0 else 0

sys.exit(main())
