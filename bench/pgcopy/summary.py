#!/usr/bin/env python3
"""Summarises a pg-copy benchmark CSV: medians per data set and method (warm-up round 0 left out),
ratios to the floor's median, throughput in MB/s of the source database size, and the verification's own cost."""
import csv
import statistics
import sys
from collections import defaultdict

path = sys.argv[1]
sizes = {}
for arg in sys.argv[2:]:
    name, value = arg.split("=")
    sizes[name] = int(value)

runs = defaultdict(list)
checks = defaultdict(list)
with open(path) as f:
    for row in csv.DictReader(f):
        if int(row["round"]) == 0:
            continue
        runs[(row["set"], row["method"])].append(float(row["seconds"]))
        checks[(row["set"], row["method"])].append(row["check"])

order = ["ferry", "ferry_in_jvm", "dump_fc", "dump_fd_j2", "floor", "ferry_verify"]
labels = {
    "ferry": "Ferry copy, whole process (jobs 2)",
    "ferry_in_jvm": "Ferry copy inside the JVM (no JVM start)",
    "dump_fc": "pg_dump -Fc | pg_restore",
    "dump_fd_j2": "pg_dump -Fd -j2 + pg_restore -j2",
    "floor": "floor: server COPY FROM file + indexes",
    "ferry_verify": "Ferry verification (apart)",
}
for data_set in sorted({s for s, _ in runs}):
    mb = sizes.get(data_set, 0) / 1e6
    floor = statistics.median(runs[(data_set, "floor")]) if runs[(data_set, "floor")] else None
    print(f"\n== {data_set}: source database {mb:.0f} MB ==")
    print(f"{'method':42} {'n':>2} {'median s':>9} {'min':>7} {'max':>7} {'MB/s':>7} {'vs floor':>9}  runs (s)  checks")
    for method in order:
        values = runs.get((data_set, method))
        if not values:
            continue
        median = statistics.median(values)
        ratio = f"{median / floor:.2f}x" if floor and method != "ferry_verify" else ""
        rate = f"{mb / median:.1f}" if method != "ferry_verify" else ""
        bad = [c for c in checks[(data_set, method)] if c != "ok"]
        print(f"{labels[method]:42} {len(values):>2} {median:>9.2f} {min(values):>7.2f} {max(values):>7.2f} {rate:>7} {ratio:>9}  "
              f"{' '.join(f'{v:.1f}' for v in values)}  {'all ok' if not bad else 'FAILED: ' + '; '.join(bad)}")
    for mine in ["ferry", "ferry_in_jvm"]:
        ferry = runs.get((data_set, mine))
        if ferry:
            for other in ["dump_fc", "dump_fd_j2"]:
                if runs.get((data_set, other)):
                    print(f"{labels[mine]} / {labels[other]}: {statistics.median(ferry) / statistics.median(runs[(data_set, other)]):.2f}")
