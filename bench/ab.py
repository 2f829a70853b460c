#!/usr/bin/env python3
"""Compare two (or more) commands by running them alternately and printing medians.

    python3 bench/ab.py 300 "OLD/kvs render F --ud D" "NEW/kvs render F --ud D"

On a shared virtual machine the host drifts between batches more than most changes move
one run (bench/RESULTS.md §6), so a batch of A followed by a batch of B measures the drift.
Alternating A and B, in swapped order every other round, lets both see the same host.
Times include Python's process start (about 1 ms); compare the commands, not the numbers
with hyperfine's.
"""
import os
import statistics
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    times = [[] for _ in commands]
    with open(os.devnull, "w") as devnull:
        for r in range(rounds):
            order = range(len(commands)) if r % 2 == 0 else reversed(range(len(commands)))
            for i in order:
                start = time.perf_counter()
                subprocess.run(commands[i].split(), stdout=devnull, stderr=devnull, check=False)
                times[i].append(time.perf_counter() - start)
    for command, t in zip(commands, times):
        t.sort()
        print(f"median {statistics.median(t) * 1000:7.2f} ms   p25 {t[len(t) // 4] * 1000:7.2f}"
              f"   p75 {t[3 * len(t) // 4] * 1000:7.2f}   {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
