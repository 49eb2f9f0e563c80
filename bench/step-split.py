#!/usr/bin/env python3
"""Aggregates the per-step durations of `scansion run -v` output ("ok 11: T sends 10 ms")
by verb: count, sum, median, max (ms). Reads the -v output on stdin.
The first script of a run pays the JVM's warm-up (class loading, interpretation), so
the split is also printed without the first script."""
import re
import statistics
import sys

step = re.compile(r"^\s+(?:ok|FAIL|fail)\s+\d+: .*? (connects|disconnects|sends|receives(?:: nothing)?) ([0-9.]+) (ms|s)\b")
script = re.compile(r"^(PASS|FAIL|ERROR)\s")
per_script, current = [], {}
for line in sys.stdin:
    m = step.match(line)
    if m:
        v = float(m.group(2)) * (1000 if m.group(3) == "s" else 1)
        current.setdefault(m.group(1), []).append(v)
    elif script.match(line):
        per_script.append(current)
        current = {}


def show(title, scripts):
    print(title)
    verbs = {}
    for s in scripts:
        for k, v in s.items():
            verbs.setdefault(k, []).extend(v)
    total = sum(sum(v) for v in verbs.values())
    for k, v in sorted(verbs.items()):
        print(f"  {k:<12} n={len(v):<6} sum={sum(v):>9.0f} ms ({100 * sum(v) / total:4.1f} %)  "
              f"median={statistics.median(v):6.1f}  max={max(v):7.1f}")
    print(f"  {'all steps':<12} sum={total:.0f} ms over {len(scripts)} scripts")


show("all scripts", per_script)
if len(per_script) > 1:
    show("without the first script (JVM warm)", per_script[1:])
