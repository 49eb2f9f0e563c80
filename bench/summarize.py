#!/usr/bin/env python3
"""Median and spread (min–max) per column of a TSV of repeated measurements (header row first)."""
import statistics
import sys

with open(sys.argv[1]) as f:
    rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
head, data = rows[0], rows[1:]
print(f"{'measure':<22} {'median':>9} {'min':>9} {'max':>9}  (n={len(data)})")
for i, name in enumerate(head):
    vals = [float(r[i]) for r in data if i < len(r) and r[i]]
    if vals:
        print(f"{name:<22} {statistics.median(vals):>9.1f} {min(vals):>9.1f} {max(vals):>9.1f}")
