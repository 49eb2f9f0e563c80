#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output (stdin): share of CPU samples
by the top frame's package group, and the hottest top frames and dev.scansion frames."""
import collections
import re
import sys

frame = re.compile(r"^\s+([\w$.<>]+)\(.*line:")
samples, cur = [], None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        cur = []
        samples.append(cur)
    elif cur is not None:
        m = frame.match(line)
        if m:
            cur.append(m.group(1))


def group(method):
    for prefix, name in [("dev.scansion.", "dev.scansion (ours)"), ("org.jivesoftware.", "Smack"),
                         ("org.xmlunit.", "XMLUnit"), ("picocli.", "picocli"), ("org.jxmpp", "jxmpp"),
                         ("org.minidns", "minidns"), ("java.", "JDK"), ("javax.", "JDK"),
                         ("sun.", "JDK"), ("jdk.", "JDK"), ("com.sun.", "JDK")]:
        if method.startswith(prefix):
            return name
    return "other"


n = len(samples)
print(f"{n} execution samples")
top = collections.Counter(group(s[0]) for s in samples if s)
print("by top frame (self time):")
for k, v in top.most_common():
    print(f"  {k:<22} {v:>6} {100 * v / n:5.1f} %")
incl = collections.Counter()
for s in samples:
    for g in {group(f) for f in s}:
        incl[g] += 1
print("stacks containing (inclusive):")
for k, v in incl.most_common():
    print(f"  {k:<22} {v:>6} {100 * v / n:5.1f} %")
print("hottest top frames:")
for k, v in collections.Counter(s[0] for s in samples if s).most_common(15):
    print(f"  {v:>5} {100 * v / n:5.1f} %  {k}")
print("hottest dev.scansion methods (inclusive, outermost excluded entry points):")
ours = collections.Counter()
for s in samples:
    for f in set(f for f in s if f.startswith("dev.scansion.")):
        ours[f] += 1
for k, v in ours.most_common(20):
    print(f"  {v:>5} {100 * v / n:5.1f} %  {k}")
