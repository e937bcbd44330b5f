#!/usr/bin/env python3
"""Splits a CSV corpus (FA-KES layout: a M/D/YYYY or YYYY-MM-DD `date` column) into
the rows dated before a cut and the rest, in file order, and writes the two parts and
their concatenation (early rows first: the order a store that took them in two runs
keeps), so a test can compare a living store with one run.

usage: split_csv_by_date.py CORPUS.csv FRACTION OUT_DIR   (FRACTION of rows in the first part)"""
import csv
import os
import sys


def key(value):
    value = value.strip()
    if "/" in value:
        m, d, y = (value.split("/") + ["0", "0"])[:3]
        return (int(y or 0), int(m or 0), int(d or 0)) if y.isdigit() and m.isdigit() and d.isdigit() else (0, 0, 0)
    parts = value.split("-")
    return tuple(int(p) if p.isdigit() else 0 for p in (parts + ["0", "0", "0"])[:3])


def main():
    path, fraction, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    with open(path, newline="", encoding="utf-8", errors="surrogateescape") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    column = header.index("date")
    dates = sorted(key(r[column]) if len(r) > column else (0, 0, 0) for r in rows)
    cut = dates[min(len(dates) - 1, int(len(dates) * fraction))]
    early = [r for r in rows if (key(r[column]) if len(r) > column else (0, 0, 0)) < cut]
    late = [r for r in rows if (key(r[column]) if len(r) > column else (0, 0, 0)) >= cut]
    os.makedirs(out, exist_ok=True)
    for name, part in (("early.csv", early), ("late.csv", late), ("all.csv", early + late)):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8", errors="surrogateescape") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(part)
    print(f"{len(early)} rows before {cut}, {len(late)} from it on")


main()
