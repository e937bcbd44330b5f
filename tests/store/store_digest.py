#!/usr/bin/env python3
"""Prints a digest of a store's content: every table's rows in a fixed order, so two
stores (or one store before and after) can be compared. usage: store_digest.py STORE"""
import hashlib
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
digest = hashlib.sha256()
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
for table in tables:
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    order = ", ".join(str(i + 1) for i in range(len(columns)))
    digest.update(table.encode())
    for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
        digest.update(repr(row).encode())
print(digest.hexdigest()[:16])
