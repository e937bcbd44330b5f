#!/usr/bin/env python3
"""Turns a store into one written when claim ids were byte offsets (ARTICLE@<offset of the
figure>): the claim ids of its stored claims stream chunks (and the parents naming them),
of its incidents' snapshots and of incident_claims, and an extraction hash of another
reckon. The next run must carry it over: its incidents keep their ids.

usage: offset_ids.py STORE"""
import json, sqlite3, sys

def main():
    db = sqlite3.connect(sys.argv[1])
    older = {}
    streams = []
    for article_id, stream in db.execute("SELECT id, stream FROM articles"):
        lines = []
        claims = [json.loads(line) for line in stream.splitlines() if line]
        for c in claims:
            if "record" not in c:
                older[c["id"]] = "%s@%d" % (c["article"], c["span"][0])
        for c in claims:
            if "record" not in c:
                c["id"] = older[c["id"]]
                if c.get("parent"):
                    c["parent"] = older.get(c["parent"], c["parent"])
            lines.append(json.dumps(c, ensure_ascii=False, separators=(",", ":")))
        streams.append(("".join(line + "\n" for line in lines), article_id))
    db.executemany("UPDATE articles SET stream = ? WHERE id = ?", streams)
    snapshots = []
    for incident, snapshot in db.execute("SELECT id, snapshot FROM incidents"):
        s = json.loads(snapshot)
        s["claims"] = sorted(older[c] for c in s["claims"])
        snapshots.append((json.dumps(s, ensure_ascii=False, separators=(",", ":")), incident))
    db.executemany("UPDATE incidents SET snapshot = ? WHERE id = ?", snapshots)
    db.executemany("UPDATE incident_claims SET claim = ? WHERE claim = ?", [(o, n) for n, o in older.items()])
    db.execute("UPDATE runs SET extraction_hash = 'written by a reckon of offset claim ids'")
    db.commit()
    print("%d claim ids made offsets, %d incidents" % (len(older), len(snapshots)))

if __name__ == "__main__":
    main()
