#!/usr/bin/env python3
"""Compare two (or more) commands by running them alternately and printing medians.

    python3 bench/ab.py 300 "OLD/kvs render F --ud D" "NEW/kvs render F --ud D"
    python3 bench/ab.py --before "bash bench/prepare.sh new bench/out/all-98" 40 \\
        "OLD/kvs compare bench/out/corpus-98 --dokumenter --ud bench/out/all-98" \\
        "NEW/kvs compare bench/out/corpus-98 --dokumenter --ud bench/out/all-98" \\
        "cmark bench/out/md-98/*.md > bench/out/cmark-alle.html"

On a shared virtual machine the host drifts between batches more than most changes move
one run (bench/RESULTS.md §6), so a batch of A followed by a batch of B measures the drift.
Alternating A and B, in swapped order every other round, lets both see the same host.

A command runs without a shell: it is split like a shell would split it, a word with * or ?
is expanded as a file pattern, and a trailing "> FILE" sends its output to FILE (otherwise
to /dev/null). --before runs a shell command, untimed, before every run (a new output folder,
say: `prepare.sh new` moves the last one into bench/out/.bench-trash, which is yours to remove
afterwards; see prepare.sh for why it does not delete it). The last lines give each command's median over the last command's, so with cmark last
they are the ratios of bench/RESULTS.md. Times include Python's process start (about 1 ms);
compare the commands, not the numbers with hyperfine's.
"""
import argparse
import glob
import os
import shlex
import statistics
import subprocess
import sys
import time


def parse_command(text: str):
    """The argument list and the output file of one command."""
    out = os.devnull
    if " > " in text:
        text, out = text.rsplit(" > ", 1)
        out = out.strip()
    argv = []
    for word in shlex.split(text):
        argv += sorted(glob.glob(word)) if any(c in word for c in "*?") else [word]
    return argv, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="shell command run, untimed, before every run")
    parser.add_argument("rounds", type=int)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    if len(args.commands) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    commands = [parse_command(c) for c in args.commands]
    times = [[] for _ in commands]
    for r in range(args.rounds):
        order = range(len(commands)) if r % 2 == 0 else reversed(range(len(commands)))
        for i in order:
            if args.before:
                subprocess.run(args.before, shell=True, check=True)
            argv, out = commands[i]
            with open(out, "w") as sink:
                start = time.perf_counter()
                subprocess.run(argv, stdout=sink, stderr=subprocess.DEVNULL, check=False)
                times[i].append(time.perf_counter() - start)
    medians = []
    for text, t in zip(args.commands, times):
        t.sort()
        medians.append(statistics.median(t))
        print(f"median {medians[-1] * 1000:7.2f} ms   p25 {t[len(t) // 4] * 1000:7.2f}"
              f"   p75 {t[3 * len(t) // 4] * 1000:7.2f}   {text}")
    for text, m in zip(args.commands[:-1], medians[:-1]):
        print(f"{m / medians[-1]:5.2f}x the last command   {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
