#!/usr/bin/env python3
"""Measurement helpers for bench/run.sh (issue 8). Only the Python standard library.

    bench.py measure  --results F --id ID --label L --group G --n N --reps R [--shell] -- CMD...
    bench.py latency  --results F --id ID --label L --runs R -- CMD   (hyperfine, one command line)
    bench.py callgrind --results F --id ID --label L --out DIR [--top 10] -- CMD...
    bench.py report   --results F --out bench/RESULTS.md --command "…"

`measure` runs CMD R times, each under `/usr/bin/time -v`, and appends one JSON line to the
results file: per run the wall time (perf_counter around the process), the CPU time (user + sys
of the process and all its children, from wait4 — microsecond resolution, where /usr/bin/time
prints 1/100 s), and the peak RSS as /usr/bin/time -v reports it (the largest single process).
`report` turns the results file into RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME = "/usr/bin/time"
KEEP_MARKER = "<!-- analysis: everything below this line is kept when run.sh rewrites the file -->"


def append(results: str, rec: dict) -> None:
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def parse_time_v(text: str) -> dict:
    out = {}
    for key, pat in (("maxrss_kb", r"Maximum resident set size \(kbytes\): (\d+)"),
                     ("user_s", r"User time \(seconds\): ([\d.]+)"),
                     ("sys_s", r"System time \(seconds\): ([\d.]+)"),
                     ("exit", r"Exit status: (\d+)")):
        m = re.search(pat, text)
        if m:
            out[key] = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        parts = [float(x) for x in m.group(1).split(":")]
        secs = 0.0
        for p in parts:
            secs = secs * 60 + p
        out["time_v_wall_s"] = secs
    return out


def run_once(argv: list[str], cwd: str | None, log, stdout_path: str | None = None) -> dict:
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen([TIME, "-v", "-o", tpath, *argv], stdout=out, stderr=log, cwd=cwd)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if stdout_path:
        out.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    text = Path(tpath).read_text()
    os.unlink(tpath)
    rec = parse_time_v(text)
    rec.update(wall_s=wall, cpu_s=ru.ru_utime + ru.ru_stime, utime_s=ru.ru_utime, stime_s=ru.ru_stime)
    rec.setdefault("exit", p.returncode)
    return rec


def cmd_measure(a) -> int:
    argv = a.cmd
    if argv and argv[0] == "--":
        argv = argv[1:]
    shown = a.show or (argv[-1] if a.shell else " ".join(shlex.quote(x) for x in argv))
    if a.shell:
        argv = ["bash", "-c", argv[-1]]
    runs = []
    log = open(a.log, "a") if a.log else subprocess.DEVNULL
    for r in range(a.reps):
        if a.before:
            subprocess.run(["bash", "-c", a.before], check=True)
        rec = run_once(argv, a.cwd, log, a.stdout)
        runs.append(rec)
        if rec["exit"] not in a.ok:
            print(f"  !! {a.id}: exit {rec['exit']} (see {a.log})", file=sys.stderr)
            return 1
    if a.merge and Path(a.results).exists():
        # One more repetition of a row measured before in this run: the earlier ones count too.
        earlier = [json.loads(l) for l in Path(a.results).read_text().splitlines() if l.strip()]
        earlier = [r for r in earlier if r.get("kind") == "measure" and r.get("id") == a.id]
        if earlier:
            runs = earlier[-1]["runs"] + runs
    walls = [r["wall_s"] for r in runs]
    cpus = [r["cpu_s"] for r in runs]
    rec = {
        "kind": "measure", "id": a.id, "label": a.label, "group": a.group, "n": a.n, "files": a.files,
        "command": shown, "reps": len(runs),
        "wall_s": statistics.median(walls), "wall_min_s": min(walls), "wall_max_s": max(walls),
        "cpu_s": statistics.median(cpus), "user_s": statistics.median(r["utime_s"] for r in runs),
        "maxrss_kb": max(r.get("maxrss_kb", 0) for r in runs),
        "runs": runs,
    }
    append(a.results, rec)
    print(f"  {a.id:<28} wall {rec['wall_s']:8.3f} s  cpu {rec['cpu_s']:8.3f} s  "
          f"rss {rec['maxrss_kb'] / 1024:7.1f} MB  (median of {len(runs)})")
    return 0


def cmd_latency(a) -> int:
    cmdline = a.cmd[-1]
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as tf:
        jpath = tf.name
    hf = ["hyperfine", "--runs", str(a.runs), "--warmup", str(a.warmup), "--export-json", jpath,
          "--style", "none", "-i"]
    if not a.shell:
        hf += ["-N"]
    if a.prepare:
        hf += ["--prepare", a.prepare]
    log = open(a.log, "a") if a.log else None
    subprocess.run([*hf, cmdline], check=True, stdout=subprocess.DEVNULL, stderr=log, cwd=a.cwd)
    if log:
        log.close()
    data = json.loads(Path(jpath).read_text())["results"][0]
    os.unlink(jpath)
    append_latency(a, cmdline, data["times"], prepare=a.prepare, shell=a.shell, mean=data["mean"],
                   user=data.get("user"), system=data.get("system"))
    return 0


def append_latency(a, command, times, prepare=None, shell=False, mean=None, user=None, system=None, unit="runs"):
    """One record of kind "latency" (median, p90, min, max of `times` in seconds) for the report's §3."""
    times = sorted(times)

    def pct(p):
        k = (len(times) - 1) * p
        lo, hi = int(k), min(int(k) + 1, len(times) - 1)
        return times[lo] + (times[hi] - times[lo]) * (k - lo)

    rec = {"kind": "latency", "id": a.id, "label": a.label, "command": command, "prepare": prepare, "runs": len(times),
           "shell": shell, "median_s": pct(0.5), "p90_s": pct(0.9), "min_s": times[0], "max_s": times[-1],
           "mean_s": mean if mean is not None else statistics.mean(times), "user_s": user, "system_s": system}
    append(a.results, rec)
    print(f"  {a.id:<28} median {rec['median_s'] * 1e3:7.2f} ms  p90 {rec['p90_s'] * 1e3:7.2f} ms  "
          f"({len(times)} {unit})")


def cmd_follow(a) -> int:
    """`kvs check --foelg`: the time from a save of the followed file (its close) to the last line
    of the round it starts (the DOCX listed), read from kvs's stdout as it comes. Each save adds
    a comment line, so the fingerprint and both documents change, as in the rows run after
    `prepare.sh change`. One record of kind "latency", so the report lists it with the others."""
    import signal
    work, out = Path(a.work), Path(a.out)
    work.mkdir(parents=True, exist_ok=True)
    followed = work / Path(a.source).name
    base = Path(a.source).read_bytes()
    followed.write_bytes(base)
    cmd = [a.kvs, "check", "--foelg", str(followed), "--ud", str(out), "--dato", a.dato]
    log = open(a.log, "a") if a.log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, bufsize=0)
    fd = proc.stdout.fileno()
    done = re.compile("^(skrev|uændret) .*".encode() + re.escape(followed.stem.encode()) + rb"\.docx$", re.M)
    pending = b""

    def round_end():  # reads kvs's output in blocks until a round's last line has come
        nonlocal pending
        while True:
            m = done.search(pending)
            if m:
                pending = pending[m.end():]
                return
            block = os.read(fd, 1 << 16)
            if not block:
                raise SystemExit(f"follow: kvs stopped (exit {proc.wait()}); see {a.log}")
            pending += block

    round_end()  # the first round over the file as copied
    times = []
    for i in range(a.warmup + a.runs):
        with open(followed, "wb") as f:
            f.write(base + f"# gemt {i}\n".encode())
        t0 = time.perf_counter()  # the save is complete: the close above is the event kvs waits for
        round_end()
        if i >= a.warmup:
            times.append(time.perf_counter() - t0)
    proc.send_signal(signal.SIGINT)
    rc = proc.wait()
    if log is not subprocess.DEVNULL:
        log.close()
    if rc != 0:
        raise SystemExit(f"follow: kvs check --foelg ended with exit {rc}")
    shown = " ".join(cmd) + " (each run: the file saved, timed until the round has listed the DOCX)"
    append_latency(a, shown, times, unit="saves")
    return 0


def annotate(out_file: str, inclusive: bool, top: int) -> list[dict]:
    args = ["callgrind_annotate", "--threshold=100"]
    if inclusive:
        args.append("--inclusive=yes")
    text = subprocess.run([*args, out_file], capture_output=True, text=True, check=True).stdout
    rows = []
    started = False
    for line in text.splitlines():
        if "file:function" in line:
            started = True
            continue
        if not started or not line.strip():
            continue
        m = re.match(r"\s*([\d,]+)\s+(?:\(\s*([\d.]+)%\)\s+)?(.*)", line)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        where = m.group(3)
        obj = re.search(r"\[([^\]]*)\]\s*$", where)
        obj = obj.group(1).rsplit("/", 1)[-1] if obj else ""
        where = re.sub(r"\s*\[[^\]]*\]\s*$", "", where)  # the object file in brackets
        func = where.split(":", 1)[1] if ":" in where and not where.startswith("operator") else where
        func = func.strip()
        if re.fullmatch(r"0x[0-9a-f]+", func):
            func = f"{obj}: {func} (no symbols)"
        elif obj and not obj.startswith("kvs"):
            func = f"{func} ({obj})"
        rows.append({"ir": ir, "function": func, "file": where.split(":", 1)[0], "object": obj})
        if len(rows) >= top:
            break
    return rows


def cmd_callgrind(a) -> int:
    argv = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    cg = out / f"callgrind.{a.id}.out"
    log = out / f"callgrind.{a.id}.log"
    with open(log, "w") as lf:
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", *argv],
                              stdout=subprocess.DEVNULL, stderr=lf, cwd=a.cwd)
    text = log.read_text()
    m = re.search(r"Collected : (\d+)", text)
    if not m:
        print(f"  !! callgrind {a.id} failed (exit {proc.returncode}), see {log}", file=sys.stderr)
        append(a.results, {"kind": "callgrind", "id": a.id, "label": a.label, "failed": True,
                           "command": a.show or " ".join(shlex.quote(x) for x in argv), "log": str(log)})
        return 0
    rec = {"kind": "callgrind", "id": a.id, "label": a.label, "ir": int(m.group(1)),
           "command": a.show or " ".join(shlex.quote(x) for x in argv), "out": str(cg)}
    if a.top:
        rec["top_inclusive"] = annotate(str(cg), True, a.top + 25)
        rec["top_self"] = annotate(str(cg), False, a.top)
    append(a.results, rec)
    print(f"  {a.id:<28} {rec['ir'] / 1e6:10.1f} M instructions")
    return 0


def cmd_fsync(a) -> int:
    """What one durable write costs on this disk: write 20 KB to a temporary file, fsync,
    rename (as kvs does for a file on its own, compiler/driver/atomic_file.cpp), against the same
    without fsync."""
    d = Path(a.dir)
    d.mkdir(parents=True, exist_ok=True)
    data = os.urandom(20 * 1024)
    out = {}
    for mode in ("fsync", "plain"):
        times = []
        for i in range(a.files):
            t0 = time.perf_counter()
            tmp = d / f"f{i}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.write(fd, data)
            if mode == "fsync":
                os.fsync(fd)
            os.close(fd)
            os.rename(tmp, d / f"f{i}.bin")
            times.append(time.perf_counter() - t0)
        out[mode] = statistics.median(times)
    for f in d.iterdir():
        f.unlink()
    append(a.results, {"kind": "meta", "fsync_ms": out["fsync"] * 1e3, "nofsync_ms": out["plain"] * 1e3})
    print(f"  one 20 KB file written and renamed: {out['fsync'] * 1e3:.2f} ms with fsync, "
          f"{out['plain'] * 1e3:.3f} ms without (median of {a.files})")
    return 0


SPIN = "x = 0\nfor i in range(3_000_000):\n    x += i * i\n"


def cmd_cores(a) -> int:
    """How much two cores give on this machine: the same CPU-bound loop (a python3 process)
    alone, then two at once; speed-up = 2 x alone / together (2.0 = two real cores)."""
    def one():
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", SPIN], check=True)
        return time.perf_counter() - t0

    def two():
        t0 = time.perf_counter()
        ps = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(2)]
        for p in ps:
            p.wait()
        return time.perf_counter() - t0

    alone_t, together_t = [], []
    for _ in range(a.reps):  # interleaved, and the fastest of each: the least disturbed
        alone_t.append(one())
        together_t.append(two())
    alone, together = min(alone_t), min(together_t)
    speedup = 2 * alone / together
    append(a.results, {"kind": "meta", "cores_alone_s": alone, "cores_together_s": together,
                       "cores_speedup": speedup})
    print(f"  one CPU-bound process {alone:.3f} s; two at once {together:.3f} s: 2 cores give {speedup:.2f}x")
    return 0


def cmd_verify(a) -> int:
    """Every file of the corpus compared (none skipped) and no language error (KVS-L/P/S) among
    the findings of kvs compare: the generator's promise, checked on the whole corpus."""
    import csv
    with open(a.fund, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    lang = [r for r in rows if re.match(r"KVS-[LPS]\d", r["regel"])]
    skipped = {r["fil"] for r in rows if r["status"] != "sammenlignet"}
    rules = {}
    for r in rows:
        rules[r["regel"]] = rules.get(r["regel"], 0) + 1
    append(a.results, {"kind": "verify", "n": a.n, "findings": len(rows), "language_errors": len(lang),
                       "skipped_files": len(skipped), "rules": len(rules)})
    print(f"  corpus-{a.n}: {len(rows)} findings of {len(rules)} rules, {len(lang)} language errors "
          f"(KVS-L/P/S), {len(skipped)} files skipped")
    for r in lang[:20]:
        print(f"    {r['fil']}:{r['linje']}: {r['regel']} {r['besked']}")
    return 1 if lang or skipped else 0


def cmd_perf(a) -> int:
    """A sampled profile in real time (perf, cpu-clock): where the wall time goes, kernel
    included — callgrind counts instructions (and counts each byte of `rep stosb`/`rep movsb`
    as one, so memset/memcpy look larger there than they are)."""
    argv = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    data = out / f"perf.{a.id}.data"
    rec = subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "4999", "-o", str(data), "--", *argv],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=a.cwd)
    if rec.returncode != 0 or not data.exists():
        print(f"  perf not usable here ({rec.stderr.strip().splitlines()[-1:] or '?'}); skipped", file=sys.stderr)
        return 0

    def rows(sort, n):
        text = subprocess.run(["perf", "report", "-i", str(data), "--sort", sort, "--stdio"],
                              capture_output=True, text=True).stdout
        res = []
        for line in text.splitlines():
            m = re.match(r"\s*([\d.]+)%\s+(.*)$", line)
            if m and not line.lstrip().startswith("#"):
                res.append({"pct": float(m.group(1)), "what": re.sub(r"\s+", " ", m.group(2)).strip()})
            if len(res) >= n:
                break
        return res

    samples = re.search(r"\((\d+) samples\)", rec.stderr)
    r = {"kind": "perf", "id": a.id, "label": a.label, "command": a.show or " ".join(shlex.quote(x) for x in argv),
         "samples": int(samples.group(1)) if samples else None, "by_dso": rows("dso", 12), "by_symbol": rows("dso,sym", a.top)}
    append(a.results, r)
    print(f"  perf {a.id}: {r['samples']} samples; " + ", ".join(f"{d['what']} {d['pct']:.0f} %" for d in r["by_dso"][:4]))
    return 0


# ---------------------------------------------------------------------------------------------
# The report.

def machine() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    osname = "?"
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "os": osname, "kernel": platform.release()}


def versions() -> dict:
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return {"pandoc": first(["pandoc", "--version"]), "cmark": first(["cmark", "--version"]),
            "hyperfine": first(["hyperfine", "--version"]), "valgrind": first(["valgrind", "--version"]),
            "gcc": first(["c++", "--version"])}


def fmt_s(x):
    return "–" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def fmt_ratio(x):
    return "–" if x is None else (f"{x:.1f}×" if x < 100 else f"{x:.0f}×")


def cmd_report(a) -> int:
    recs = [json.loads(l) for l in Path(a.results).read_text().splitlines() if l.strip()]
    meas = {r["id"]: r for r in recs if r["kind"] == "measure"}
    lat = {r["id"]: r for r in recs if r["kind"] == "latency"}
    cg = {r["id"]: r for r in recs if r["kind"] == "callgrind"}
    meta = {}
    for r in recs:
        if r["kind"] == "meta":
            meta.update(r)
    mach = machine()
    ver = versions()

    def m(id_, key="wall_s"):
        r = meas.get(id_)
        return r[key] if r else None

    def ratio(x, y):
        return x / y if x is not None and y else None

    L = []
    w = L.append
    w("# Benchmark results: kvs against pandoc and cmark (issue 8)")
    w("")
    w("Generated by `bench/run.sh`; how to run it and what each number means: `bench/README.md`.")
    w("The corpora are synthetic (`bench/generate.py`, fixed seed), made from the four real standards.")
    w("")
    w("## Machine and run")
    w("")
    w(f"* date: {meta.get('date', dt.datetime.now().isoformat(timespec='seconds'))}, run took "
      f"{meta.get('duration_s', 0) / 60:.1f} min")
    w(f"* command: `{a.command}`")
    w(f"* machine: {mach['nproc']} cores (`nproc`), CPU `{mach['cpu']}` (/proc/cpuinfo), RAM {mach['mem']}, "
      f"{mach['os']}, Linux {mach['kernel']}")
    w(f"* {meta.get('kvs_version', 'kvs ?')} (git {meta.get('git', '?')}), Release build in `build-bench/` "
      f"({ver['gcc']}); {ver['pandoc']}; cmark {ver['cmark']}; {ver['hyperfine']}; {ver['valgrind']}")
    w(f"* output folders: disk = `bench/out/` on `{meta.get('disk_fs', '?')}`; tmpfs = `{meta.get('tmpfs', '?')}`. "
      "kvs makes a file durable before it replaces an earlier version with other bytes (one syncfs per run, "
      "an fsync each for eight files or fewer), leaves a file that already holds the bytes alone, and does not "
      "wait for the disk for a file it creates (`compiler/driver/output_batch.cpp`); so each disk row says "
      "which case it is: a new folder, the same folder again with nothing changed, or every document changed. "
      "pandoc and cmark never sync.")
    if "cores_speedup" in meta:
        w(f"* parallel throughput: a CPU-bound process takes {meta['cores_alone_s']:.3f} s alone and "
          f"{meta['cores_together_s']:.3f} s when two run at once: the 2 cores give "
          f"**{meta['cores_speedup']:.2f}×** the throughput of one (2.00 = two independent cores; fastest of 7 each, `bench.py cores`).")
    if "fsync_ms" in meta:
        w(f"* this disk: writing and renaming one 20 KB file takes {meta['fsync_ms']:.2f} ms with fsync and "
          f"{meta['nofsync_ms']:.3f} ms without (median of 100, `bench.py fsync`); kvs render writes 2 files "
          "per standard (HTML, DOCX).")
    w(f"* wall = median of the repetitions given; CPU = user + sys of the process and its children; "
      "peak RSS = the largest single process (`/usr/bin/time -v`). The three rows the cmark target divides "
      "(kvs total to disk and to tmpfs, cmark) take turns, one repetition each, the order reversed every other "
      "round, so that the host's drift falls on all three alike.")
    w("")

    # ---- corpus
    ver_recs = {r["n"]: r for r in recs if r["kind"] == "verify"}
    w("## 0. The corpora")
    w("")
    w("| N | .kvs MB | Markdown MB (kvs render --format md) | findings (kvs compare) | language errors KVS-L/P/S | files skipped |")
    w("|---|---|---|---|---|---|")
    for n in sorted(ver_recs):
        v = ver_recs[n]
        kb = meta.get(f"corpus_bytes_{n}")
        mb = meta.get(f"md_bytes_{n}")
        w(f"| {n} | {'?' if kb is None else f'{kb / 1e6:.1f}'} | {'?' if mb is None else f'{mb / 1e6:.1f}'} | "
          f"{v['findings']} ({v['rules']} rules) | {v['language_errors']} | {v['skipped_files']} |")
    w("")
    if "pandoc_lua_identical" in meta:
        w(f"The one-process pandoc run (Lua filter) gave the same output as pandoc per file for "
          f"{int(meta['pandoc_lua_identical'])} of {int(meta['pandoc_lua_identical'] + meta.get('pandoc_lua_differ', 0))} "
          "standards (HTML byte for byte, DOCX `word/document.xml` byte for byte).")
        w("")

    # ---- main table
    w("## 1. The 98-standard corpus, same bytes, same machine, same run")
    w("")
    w("| # | what | reps | wall s | CPU s | peak RSS MB | wall ms / standard |")
    w("|---|---|---|---|---|---|---|")
    order = [r for r in meas.values() if r["group"] == "main"]
    for i, r in enumerate(order, 1):
        per = r["wall_s"] / r["files"] * 1e3 if r.get("files") else None
        w(f"| {i} | {r['label']} | {r['reps']} | {fmt_s(r['wall_s'])} | {fmt_s(r['cpu_s'])} | "
          f"{r['maxrss_kb'] / 1024:.1f} | {'–' if per is None else f'{per:.2f}'} |")
    w("")
    w("Commands (run from the repository root; `$K` = `build-bench/kvs`, `$O` = `bench/out`):")
    w("")
    for i, r in enumerate(order, 1):
        w(f"{i}. `{r['command']}`")
    w("")

    kvs_cmp, kvs_ren, kvs_ren_t = m("kvs_compare_98"), m("kvs_render_98"), m("kvs_render_98_tmpfs")
    kvs_cmp_t = m("kvs_compare_98_tmpfs")
    # kvs total: everything the issue asks of kvs, in the one process an evaluator runs.
    kvs_total, kvs_total_t = m("kvs_all_98"), m("kvs_all_98_tmpfs")
    kvs_again, kvs_changed = m("kvs_all_98_again"), m("kvs_all_98_changed")
    kvs_total_cpu = m("kvs_all_98", "cpu_s")
    kvs_html = m("kvs_render_98_html_tmpfs")
    pd_lua, pd_lua_cpu = m("pandoc_lua_98"), m("pandoc_lua_98", "cpu_s")
    pd_file = (m("pandoc_file_html_98") or 0) + (m("pandoc_file_docx_98") or 0) if m("pandoc_file_html_98") else None
    pd_file_cpu = (m("pandoc_file_html_98", "cpu_s") or 0) + (m("pandoc_file_docx_98", "cpu_s") or 0) if pd_file else None
    pd_cat = (m("pandoc_concat_html_98") or 0) + (m("pandoc_concat_docx_98") or 0) if m("pandoc_concat_html_98") else None
    cm, cm_cpu = m("cmark_98"), m("cmark_98", "cpu_s")

    w("### Ratios")
    w("")
    w("pandoc ÷ kvs: how many times faster kvs is. kvs ÷ cmark: how many times slower kvs is than the floor.")
    w("")
    w("kvs total = row `kvs compare --dokumenter`: one process that parses every standard once, checks it "
      "against the law, writes the national report (HTML, CSV, SQLite) and HTML + DOCX of every standard. "
      "kvs render = parse, language check and HTML + DOCX only. CPU ratios compare work done; wall ratios "
      "include kvs's use of both cores (pandoc and cmark use one).")
    w("")
    w("| comparison | wall | CPU |")
    w("|---|---|---|")
    rows = [
        ("pandoc one process (Lua filter, HTML+DOCX) / kvs total (disk)", ratio(pd_lua, kvs_total), ratio(pd_lua_cpu, kvs_total_cpu)),
        ("pandoc one process (Lua filter, HTML+DOCX) / kvs total (tmpfs)", ratio(pd_lua, kvs_total_t), None),
        ("pandoc one process (Lua filter, HTML+DOCX) / kvs render HTML+DOCX (disk)", ratio(pd_lua, kvs_ren), ratio(pd_lua_cpu, m("kvs_render_98", "cpu_s"))),
        ("pandoc one process (Lua filter, HTML+DOCX) / kvs render HTML+DOCX (tmpfs)", ratio(pd_lua, kvs_ren_t), ratio(pd_lua_cpu, m("kvs_render_98_tmpfs", "cpu_s"))),
        ("pandoc one process per file (HTML+DOCX) / kvs total (disk)", ratio(pd_file, kvs_total), ratio(pd_file_cpu, kvs_total_cpu)),
        ("pandoc concatenated input, one process (HTML+DOCX) / kvs total (disk)", ratio(pd_cat, kvs_total), None),
        ("kvs total (disk, new folder) / cmark", ratio(kvs_total, cm), ratio(kvs_total_cpu, cm_cpu)),
        ("kvs total (disk, run again, nothing changed) / cmark", ratio(kvs_again, cm), ratio(m("kvs_all_98_again", "cpu_s"), cm_cpu)),
        ("kvs total (disk, every document changed: 196 replaced and synced) / cmark", ratio(kvs_changed, cm), ratio(m("kvs_all_98_changed", "cpu_s"), cm_cpu)),
        ("kvs total (tmpfs) / cmark", ratio(kvs_total_t, cm), None),
        ("kvs render HTML+DOCX (tmpfs) / cmark", ratio(kvs_ren_t, cm), ratio(m("kvs_render_98_tmpfs", "cpu_s"), cm_cpu)),
        ("kvs render HTML+DOCX on one thread (tmpfs) / cmark", ratio(m("kvs_render_98_j1_tmpfs"), cm), ratio(m("kvs_render_98_j1_tmpfs", "cpu_s"), cm_cpu)),
        ("kvs render HTML only (tmpfs) / cmark (HTML)", ratio(kvs_html, cm), ratio(m("kvs_render_98_html_tmpfs", "cpu_s"), cm_cpu)),
    ]
    for label, rw, rc in rows:
        w(f"| {label} | {fmt_ratio(rw)} | {fmt_ratio(rc)} |")
    w("")

    # ---- scaling
    w("## 2. Scaling: N = 98, 980, 9 800")
    w("")
    w("| what | N | reps | wall s | CPU s | wall ms / standard | CPU ms / standard | peak RSS MB | RSS KB / standard |")
    w("|---|---|---|---|---|---|---|---|---|")
    scal = sorted((r for r in meas.values() if r["group"] == "scale"), key=lambda r: (r["label"], r["n"]))
    for r in scal:
        w(f"| {r['label']} | {r['n']} | {r['reps']} | {fmt_s(r['wall_s'])} | {fmt_s(r['cpu_s'])} | "
          f"{r['wall_s'] / r['n'] * 1e3:.2f} | {r['cpu_s'] / r['n'] * 1e3:.2f} | {r['maxrss_kb'] / 1024:.1f} | "
          f"{r['maxrss_kb'] / r['n']:.1f} |")
    w("")
    w("Commands: as in §1 with `corpus-N`; every row of one N ran on the same files.")
    w("")

    # ---- latency
    w("## 3. Writer latency: one standard")
    w("")
    w("| what | runs | median ms | p90 ms | min ms | command |")
    w("|---|---|---|---|---|---|")
    for r in lat.values():
        w(f"| {r['label']} | {r['runs']} | {r['median_s'] * 1e3:.2f} | {r['p90_s'] * 1e3:.2f} | "
          f"{r['min_s'] * 1e3:.2f} | `{r['command']}` |")
    w("")
    w("hyperfine: one-process rows with `-N` (no shell); rows of two commands run through `sh -c`, and "
      "hyperfine subtracts the shell's own start-up. Median and p90 computed from hyperfine's `times`. "
      "Rows where the standard changed run `bash bench/prepare.sh change FOLDER` (untimed) before each run, "
      "so both documents differ and are replaced, as after an edit.")
    w("")
    one, two = lat.get("check_ud_tmpfs"), lat.get("check_ud_two_tmpfs")
    if one and two:
        more = (two["median_s"] - one["median_s"]) * 1e3
        w(f"One more standard in the same process costs {more:.2f} ms (`check --ud` of two standards to tmpfs, "
          f"{two['median_s'] * 1e3:.2f} ms, less one, {one['median_s'] * 1e3:.2f} ms): the other "
          f"{one['median_s'] * 1e3 - more:.2f} ms of a one-standard run are the process's start and end, "
          "loading the law and the templates, and the first touch of every page it uses (§6).")
        w("")

    # ---- callgrind
    w("## 4. Instruction counts (callgrind; stable where wall time is noisy)")
    w("")
    w("| what | instructions (M) | command |")
    w("|---|---|---|")
    for r in cg.values():
        if r.get("failed"):
            w(f"| {r['label']} | failed under valgrind (see `{r['log']}`) | `{r['command']}` |")
        else:
            w(f"| {r['label']} | {r['ir'] / 1e6:.1f} | `{r['command']}` |")
    w("")
    def ir(id_):
        r = cg.get(id_)
        return r["ir"] if r and not r.get("failed") else None

    kvs_one, pd_one = ir("cg_render"), (ir("cg_pandoc") or 0) + (ir("cg_pandoc_docx") or 0)
    kvs_98 = ir("cg_all_98") or ((ir("cg_render_98") or 0) + (ir("cg_compare_98") or 0))
    w("Ratios by instruction count (they do not move with the machine's load):")
    w("")
    w("| comparison | ratio |")
    w("|---|---|")
    w(f"| one standard, HTML+DOCX, process start included: pandoc (2 processes) ÷ kvs render | "
      f"{fmt_ratio(ratio(pd_one or None, kvs_one))} |")
    w(f"| one standard: kvs render HTML+DOCX ÷ cmark HTML | {fmt_ratio(ratio(kvs_one, ir('cg_cmark')))} |")
    w(f"| one standard: kvs check --ud (findings and documents) ÷ cmark HTML | "
      f"{fmt_ratio(ratio(ir('cg_check_ud'), ir('cg_cmark')))} |")
    w(f"| one standard: kvs render --byraad (check + render + appendix) ÷ cmark HTML | "
      f"{fmt_ratio(ratio(ir('cg_byraad'), ir('cg_cmark')))} |")
    w(f"| 98 standards: kvs total (compare --dokumenter) ÷ cmark on the 98 Markdown files | "
      f"{fmt_ratio(ratio(kvs_98 or None, ir('cg_cmark_98')))} |")
    w(f"| 98 standards: kvs render alone ÷ cmark | {fmt_ratio(ratio(ir('cg_render_98'), ir('cg_cmark_98')))} |")
    w("")

    prof = [r for r in cg.values() if r.get("top_self")]
    for r in prof:
        total = r["ir"]
        w(f"### Where the instructions go: {r['label']}")
        w("")
        w(f"Total {total / 1e6:.1f} M instructions. Top functions by **self** cost "
          "(callgrind_annotate; `file:function`):")
        w("")
        w("| # | self % | function |")
        w("|---|---|---|")
        for i, t in enumerate(r["top_self"], 1):
            fn = t["function"].replace("|", "\\|")
            if len(fn) > 140:
                fn = fn[:137] + "…"
            w(f"| {i} | {t['ir'] / total * 100:.1f} | `{fn}` |")
        w("")
        w("Inclusive (a function and everything it calls), kvs functions only, largest first:")
        w("")
        w("| inclusive % | function |")
        w("|---|---|")
        shown = 0
        for t in r["top_inclusive"]:
            fn = t["function"]
            if "kvs::" not in fn and "main" != fn.strip():
                continue
            fn = fn.replace("|", "\\|")
            if len(fn) > 140:
                fn = fn[:137] + "…"
            w(f"| {t['ir'] / total * 100:.1f} | `{fn}` |")
            shown += 1
            if shown >= 12:
                break
        w("")

    perfs = [r for r in recs if r["kind"] == "perf"]
    if perfs:
        w("## 4b. Real time, sampled (perf, cpu-clock at 4 999 Hz)")
        w("")
        w("callgrind counts instructions; perf samples where the time goes, kernel included. callgrind also counts "
          "each byte of `rep stosb`/`rep movsb` as an instruction, so `memset`/`memcpy` look larger there than here.")
        w("")
        for r in perfs:
            w(f"### {r['label']}")
            w("")
            w(f"`{r['command']}`, {r['samples']} samples. By shared object: "
              + ", ".join(f"{d['what']} {d['pct']:.1f} %" for d in r["by_dso"] if d["pct"] >= 0.5) + ".")
            w("")
            w("| # | % of samples | object and function |")
            w("|---|---|---|")
            for i, d in enumerate(r["by_symbol"], 1):
                what = d["what"].replace("|", "\\|")
                if len(what) > 140:
                    what = what[:137] + "…"
                w(f"| {i} | {d['pct']:.1f} | `{what}` |")
            w("")

    # ---- targets
    w("## 5. Targets of issue 8")
    w("")
    w("| target | measured | met? |")
    w("|---|---|---|")

    def yes(b):
        return "–" if b is None else ("**yes**" if b else "**no**")

    t1 = kvs_total
    w(f"| 98 standards in < 0.2 s wall on 2 cores (kvs total = `compare --dokumenter`: check, report, HTML+DOCX) | "
      f"{fmt_s(t1)} s on disk; {fmt_s(kvs_total_t)} s with output on tmpfs | "
      f"{yes(None if t1 is None else t1 < 0.2)} (tmpfs: {yes(None if kvs_total_t is None else kvs_total_t < 0.2)}) |")
    r2, r2t = ratio(pd_lua, kvs_total), ratio(pd_lua, kvs_total_t)
    r2b, r2c = ratio(pd_lua, kvs_ren), ratio(pd_lua, kvs_ren_t)
    w(f"| ≥ 20× faster than pandoc in one process (rendering only) | pandoc {fmt_s(pd_lua)} s ÷ kvs total: "
      f"{fmt_ratio(r2)} (disk), {fmt_ratio(r2t)} (tmpfs); ÷ kvs render alone: {fmt_ratio(r2b)} (disk), "
      f"{fmt_ratio(r2c)} (tmpfs) | {yes(None if r2 is None else r2 >= 20)} (tmpfs: {yes(None if r2t is None else r2t >= 20)}; "
      f"render alone, tmpfs: {yes(None if r2c is None else r2c >= 20)}) |")
    r3, r3t = ratio(kvs_total, cm), ratio(kvs_total_t, cm)
    r3a, r3c = ratio(kvs_again, cm), ratio(kvs_changed, cm)
    r3b = ratio(kvs_html, cm)
    w(f"| within 5× of cmark alone on the same bytes | kvs total ÷ cmark {fmt_s(cm)} s: {fmt_ratio(r3)} (disk, new folder), "
      f"{fmt_ratio(r3t)} (tmpfs); run again on disk: {fmt_ratio(r3a)} (nothing changed), {fmt_ratio(r3c)} (every "
      f"document changed, replaced and synced); kvs render HTML only (tmpfs) ÷ cmark: {fmt_ratio(r3b)} | "
      f"{yes(None if r3 is None else r3 <= 5)} (tmpfs: {yes(None if r3t is None else r3t <= 5)}; "
      f"nothing changed: {yes(None if r3a is None else r3a <= 5)}; every document changed: "
      f"{yes(None if r3c is None else r3c <= 5)}; HTML only: {yes(None if r3b is None else r3b <= 5)}) |")
    start = lat.get("start")

    def ms(id_):
        r = lat.get(id_)
        return "–" if not r else f"{r['median_s'] * 1e3:.2f}"

    def under5(id_):
        r = lat.get(id_)
        return yes(None if not r else r["median_s"] < 0.005)

    w(f"| one standard in < 5 ms (check + render HTML+DOCX, median; the standard changed, so both documents are "
      f"replaced) | one process, `check --ud` (the writer's command): {ms('check_ud')} ms disk, "
      f"{ms('check_ud_tmpfs')} ms tmpfs; `render --byraad` (check + render + appendix): {ms('render_byraad')} ms "
      f"disk, {ms('render_byraad_tmpfs')} ms tmpfs; two processes `check; render`: {ms('check_then_render')} ms "
      f"disk, {ms('check_then_render_tmpfs')} ms tmpfs | `check --ud`: {under5('check_ud')} (tmpfs: "
      f"{under5('check_ud_tmpfs')}); `render --byraad`: {under5('render_byraad')} (tmpfs: "
      f"{under5('render_byraad_tmpfs')}); two processes: {under5('check_then_render')} (tmpfs: "
      f"{under5('check_then_render_tmpfs')}) |")
    if lat.get("follow") or lat.get("follow_tmpfs"):
        w(f"| (another way) the writer's command kept running, `check --foelg`: a save to the end of its round "
          f"(check + render HTML+DOCX, both documents replaced) | {ms('follow')} ms disk, {ms('follow_tmpfs')} ms "
          f"tmpfs | {under5('follow')} (tmpfs: {under5('follow_tmpfs')}); not a fresh process: the law and the "
          f"templates were loaded at its start |")
    w(f"| (of which) rendering alone, `render` HTML+DOCX | {ms('render')} ms disk (documents replaced), "
      f"{ms('render_tmpfs')} ms tmpfs, {ms('render_same')} ms disk with nothing changed | "
      f"{under5('render')} (tmpfs: {under5('render_tmpfs')}; nothing changed: {under5('render_same')}) |")
    if start:
        w(f"| (of which) process start, `kvs --version` | {ms('start')} ms per process "
          f"(render → tmpfs: {ms('render_tmpfs')} ms in all) | |")
    # Judged on user CPU: the program's own work. System time is shown beside it; on disk it
    # holds the kernel's writeback of every file (1.2 GB of documents at 9 800), which grows
    # with how much the page cache already holds, not with what kvs does per standard.
    lin = []
    for label in sorted({r["label"] for r in scal if r["label"].startswith("kvs")}):
        rs = {r["n"]: r for r in scal if r["label"] == label}
        if 980 in rs and 9800 in rs:
            f = (rs[9800]["cpu_s"] / 9800) / (rs[980]["cpu_s"] / 980)
            u = None
            if rs[9800].get("user_s") and rs[980].get("user_s"):
                u = (rs[9800]["user_s"] / 9800) / (rs[980]["user_s"] / 980)
            lin.append((label, f, u))
    if lin:
        txt = "; ".join(f"{l}: {u:.2f} user ({f:.2f} user + sys)" if u is not None else f"{l}: {f:.2f}"
                        for l, f, u in lin)
        ok = all((u if u is not None else f) <= 1.2 for _, f, u in lin)
        cm_lin = [r for r in scal if r["label"].startswith("cmark")]
        cm_txt = ""
        cms = {r["n"]: r for r in cm_lin}
        if 980 in cms and 9800 in cms:
            cm_txt = f" (cmark, for comparison: {(cms[9800]['cpu_s'] / 9800) / (cms[980]['cpu_s'] / 980):.2f})"
        w(f"| linear growth to 9 800 (user CPU per standard at 9 800 ÷ at 980; ≤ 1.2 counts as linear) | {txt}{cm_txt} | {yes(ok)} |")
    else:
        w("| linear growth to 9 800 | not measured in this run (`--quick`) | – |")
    w("")

    keep = ""
    out = Path(a.out)
    if out.exists():
        old = out.read_text(encoding="utf-8")
        if KEEP_MARKER in old:
            keep = old.split(KEEP_MARKER, 1)[1]
    w(KEEP_MARKER)
    out.write_text("\n".join(L) + keep if keep else "\n".join(L) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("measure")
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--group", default="main")
    p.add_argument("--n", type=int, default=0)
    p.add_argument("--files", type=int, default=0)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--shell", action="store_true", help="CMD is one bash command line")
    p.add_argument("--before", help="bash command line run (untimed) before each repetition")
    p.add_argument("--merge", action="store_true",
                   help="add these repetitions to the row's earlier ones in --results (sizes taking turns)")
    p.add_argument("--ok", type=int, nargs="*", default=[0, 1])
    p.add_argument("--cwd")
    p.add_argument("--log")
    p.add_argument("--show", help="the command as shown in the report (e.g. with the glob unexpanded)")
    p.add_argument("--stdout", help="file for the command's standard output (default: /dev/null)")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("fsync")
    p.add_argument("--results", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--files", type=int, default=100)
    p = sub.add_parser("cores")
    p.add_argument("--results", required=True)
    p.add_argument("--reps", type=int, default=7)
    p = sub.add_parser("verify")
    p.add_argument("--results", required=True)
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--fund", required=True, help="fund.csv of kvs compare")
    def timed(name):  # the arguments every latency-like measurement takes
        q = sub.add_parser(name)
        q.add_argument("--results", required=True)
        q.add_argument("--id", required=True)
        q.add_argument("--label", required=True)
        q.add_argument("--runs", type=int, default=200)
        q.add_argument("--warmup", type=int, default=10)
        q.add_argument("--log")
        return q

    p = timed("latency")
    p.add_argument("--shell", action="store_true")
    p.add_argument("--prepare", help="command hyperfine runs (untimed) before each run")
    p.add_argument("--cwd")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = timed("follow")
    p.add_argument("--kvs", required=True)
    p.add_argument("--source", required=True, help="the standard to follow (copied into --work)")
    p.add_argument("--work", required=True, help="folder of the followed copy")
    p.add_argument("--out", required=True, help="kvs check --ud folder")
    p.add_argument("--dato", required=True)
    p = sub.add_parser("callgrind")
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--top", type=int, default=0)
    p.add_argument("--show")
    p.add_argument("--cwd")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("perf")
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--show")
    p.add_argument("--cwd")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("report")
    p.add_argument("--results", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--command", default="bash bench/run.sh")
    p = sub.add_parser("meta")
    p.add_argument("--results", required=True)
    p.add_argument("pairs", nargs="*")
    a = ap.parse_args()
    if a.what == "measure":
        return cmd_measure(a)
    if a.what == "latency":
        return cmd_latency(a)
    if a.what == "follow":
        return cmd_follow(a)
    if a.what == "callgrind":
        return cmd_callgrind(a)
    if a.what == "verify":
        return cmd_verify(a)
    if a.what == "fsync":
        return cmd_fsync(a)
    if a.what == "cores":
        return cmd_cores(a)
    if a.what == "perf":
        return cmd_perf(a)
    if a.what == "report":
        return cmd_report(a)
    if a.what == "meta":
        rec = {"kind": "meta"}
        for p in a.pairs:
            k, v = p.split("=", 1)
            # A number, except the commit: a hash of digits only (9554436) is still a hash.
            rec[k] = float(v) if k != "git" and re.fullmatch(r"[\d.]+", v) else v
        append(a.results, rec)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
