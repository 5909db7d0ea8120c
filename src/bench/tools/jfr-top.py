#!/usr/bin/env python3
"""Sums JFR samples (execution + native, i.e. on-CPU and waiting on the database) of one thread by the frames they
pass through: usage: jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 200 X.jfr |
jfr-top.py THREAD PATTERN... Prints, for each PATTERN group, how many samples contain a frame matching it."""
import re, sys, collections
thread, patterns = sys.argv[1], sys.argv[2:]
events, cur, name = [], [], None
for line in sys.stdin:
    line = line.rstrip()
    if line.startswith('jdk.'):
        if cur and name == thread:
            events.append(cur)
        cur, name = [], None
    m = re.search(r'sampledThread = "([^"]+)"', line)
    if m:
        name = m.group(1)
    m = re.match(r'\s+([\w$.<>]+)\(', line)
    if m:
        cur.append(m.group(1))
if cur and name == thread:
    events.append(cur)
print(f"{len(events)} samples of thread {thread}")
for p in patterns:
    rx = re.compile(p)
    counts = collections.Counter()
    for stack in events:
        hit = next((f for f in stack if rx.search(f)), None)  # innermost match
        if hit:
            counts[hit] += 1
    total = sum(counts.values())
    print(f"\n== {p}: {total} samples ({100*total/max(1,len(events)):.0f}%)")
    for f, c in counts.most_common(25):
        print(f"{c:6d} {100*c/max(1,len(events)):5.1f}% {f}")
