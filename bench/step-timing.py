#!/usr/bin/env python3
"""Where the steps' time goes, from a `scansion run --json FILE` report: per verb, the step
durations, and the timing fields (docs/reports.md): orderingMs (waiting for cross-actor
order), toSocketMs (sends: writing to the socket), toVerdictMs (receives: stanza arrival,
or step start, to verdict). The first script is left out (JVM warm-up) when there are several.

    bench/step-timing.py REPORT.json"""
import json
import statistics
import sys


def q(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * len(v)))]


def line(name, values):
    if not values:
        return
    print(f"  {name:<28} n={len(values):<5} sum={sum(values):9.1f} ms  median={statistics.median(values):7.3f}"
          f"  p90={q(values, 0.9):7.3f}  max={max(values):8.3f}")


report = json.load(open(sys.argv[1]))
scripts = report["scripts"][1:] if len(report["scripts"]) > 1 else report["scripts"]
by = {}
for s in scripts:
    for st in s["steps"]:
        if st["status"] != "passed":
            continue
        v = st["verb"]
        by.setdefault((v, "step"), []).append(float(st["durationMs"]))
        for f in ("orderingMs", "toSocketMs", "toVerdictMs"):
            if st.get(f) is not None:
                by.setdefault((v, f), []).append(float(st[f]))
print(f"{len(scripts)} scripts" + (" (the first left out)" if len(report["scripts"]) > 1 else ""))
for verb in ("connects", "sends", "receives", "receives: nothing", "disconnects"):
    for f in ("step", "orderingMs", "toSocketMs", "toVerdictMs"):
        line(f"{verb} {'' if f == 'step' else f}", by.get((verb, f), []))
