"""Size sweep: time per MB and peak memory of reflow on ONE document, from 100 KB to 64 MB.

    .venv/bin/python bench/bench_scaling.py                       # 0.1 .. 64 MB
    .venv/bin/python bench/bench_scaling.py --sizes 0.1 1 4 --record

The document is built from the pages of every committed extraction in eval/cases (pdftotext,
pdfminer.six and pypdf output of the generated corpus, six languages), cut at their form feeds,
put in one seeded random order (so a 100 KB prefix has the same mix of kinds as 64 MB), and
joined with form feeds; past the 17 MB of distinct pages the order starts again.

Each size runs in fresh subprocesses, one after another (never two at once):

* a timed one: ``reflow.reflow(text).to_text()`` repeated until at least ``--min-seconds``
  (and at least once), the median run reported, with the process's peak RSS growth (after the
  text is loaded and the lexicon warmed) from ``resource.getrusage``;
* a traced one: one run under ``tracemalloc``, peak of Python allocations after the text is
  loaded (tracing slows Python several times, so it is not timed).

"Flat" means time per MB at every size within 1.3x of the smallest time per MB of the sweep;
peak memory is reported as a multiple of the input's UTF-8 size.  ``--record`` writes the table
to bench/results/scaling-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import publish, stamp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (0.1, 0.4, 1.0, 4.0, 16.0, 64.0)

CHILD = r"""
import json, resource, statistics, sys, time
mode, path, warm = sys.argv[1], sys.argv[2], sys.argv[5]
structure, min_seconds = sys.argv[3] == "1", float(sys.argv[4])
with open(path, encoding="utf-8") as f:
    text = f.read()
import reflow
# Load the tables of the languages (word frequencies, patterns) before measuring: a one-time
# cost per process and language, not a cost per document.  On other pages than the
# document's, so that no cache holds the document's own words.
with open(warm, encoding="utf-8") as f:
    reflow.reflow(f.read(), detect_structure=structure).to_text()
from reflow.language import detect_language
from reflow.lexicon import Lexicon
lex = Lexicon.get(detect_language(text)[0])
lex.has_frequencies, lex.has_patterns, lex.zipf("the")
import gc; gc.collect()
if mode == "memory":
    import tracemalloc
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out = reflow.reflow(text, detect_structure=structure).to_text()
    peak = tracemalloc.get_traced_memory()[1] - base
    print(json.dumps({"traced_peak": peak}))
    raise SystemExit
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times, cpus = [], []
start = time.perf_counter()
while not times or time.perf_counter() - start < min_seconds:
    t0, c0 = time.perf_counter(), time.process_time()
    out = reflow.reflow(text, detect_structure=structure).to_text()
    times.append(time.perf_counter() - t0)
    cpus.append(time.process_time() - c0)
    del out
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": statistics.median(times), "cpu": statistics.median(cpus),
                  "runs": len(times), "rss_growth": (peak - base) * 1024}))
"""


def pages() -> list[str]:
    """Every page of every committed extraction, in one seeded random order."""
    found: list[str] = []
    for path in sorted((ROOT / "eval" / "cases").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.extend(p if p.endswith("\n") else p + "\n" for p in text.split("\x0c") if p.strip())
    random.Random(10).shuffle(found)
    return found


def build(megabytes: float, all_pages: list[str]) -> str:
    """One document of at least ``megabytes`` MB of UTF-8: pages joined by form feeds."""
    target = int(megabytes * 1e6)
    out: list[str] = []
    size = 0
    while size < target:
        for p in all_pages:
            out.append(p)
            size += len(p.encode("utf-8")) + 1
            if size >= target:
                break
    return "\x0c".join(out)


def run_child(mode: str, path: str, structure: bool, min_seconds: float, warm: str) -> dict:
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            mode,
            path,
            "1" if structure else "0",
            str(min_seconds),
            warm,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(r.stdout)


def cli_peak(path: str, fmt: str) -> int:
    """Peak RSS in bytes of ``reflow --format FMT path -o ...`` run as a user runs it."""
    out = path + ".out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "reflow", "--format", fmt, path, "-o", out],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"reflow --format {fmt} failed on {path}")
    os.remove(out)
    return usage.ru_maxrss * 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=list(SIZES), help="MB")
    ap.add_argument("--no-structure", action="store_true", help="detect_structure=False")
    ap.add_argument("--no-memory", action="store_true", help="skip the traced runs")
    ap.add_argument(
        "--trace-max",
        type=float,
        default=float("inf"),
        help="no traced run above this size (MB): tracing is 3-4x slower; RSS is still shown",
    )
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument(
        "--cli",
        action="store_true",
        help="also the peak RSS of the CLI (text and JSON output to a file), over a tiny input's",
    )
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    import reflow

    structure = not args.no_structure
    all_pages = pages()
    rows = []
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        cli_base = {}
        if args.cli:
            tiny = os.path.join(tmp, "tiny.txt")
            Path(tiny).write_text("A warm-up doc-\nument.\n", encoding="utf-8")
            cli_base = {fmt: cli_peak(tiny, fmt) for fmt in ("text", "json")}
        # The warm-up document: 100 KB of the pages in the opposite order (others than the
        # first pages of every document measured, unless it is longer than all the pages).
        warm = os.path.join(tmp, "warm.txt")
        Path(warm).write_text(build(0.1, all_pages[::-1]), encoding="utf-8")
        for mb in args.sizes:
            text = build(mb, all_pages)
            size = len(text.encode("utf-8"))
            path = os.path.join(tmp, "doc.txt")
            Path(path).write_text(text, encoding="utf-8")
            del text
            timed = run_child("time", path, structure, args.min_seconds, warm)
            skip = args.no_memory or mb > args.trace_max
            traced = {} if skip else run_child("memory", path, structure, 0, warm)
            row = {"bytes": size, **timed, **traced}
            for fmt in cli_base:
                row["cli_" + fmt] = cli_peak(path, fmt) - cli_base[fmt]
            rows.append(row)
            print(
                f"{size / 1e6:8.2f} MB  {timed['cpu']:8.2f} CPU s  "
                f"{timed['cpu'] / (size / 1e6):6.3f} s/MB  "
                f"RSS +{timed['rss_growth'] / size:.1f}x  "
                + (f"traced {traced['traced_peak'] / size:.1f}x" if traced else ""),
                file=sys.stderr,
                flush=True,
            )
    # CPU time: the machine is shared, and wall time moves with the other jobs on it.
    best = min(r["cpu"] / (r["bytes"] / 1e6) for r in rows)
    when = stamp()
    lines = [
        f"### {when}, reflow {reflow.__version__}"
        + (" --no-structure" if not structure else "")
        + f", Python {platform.python_version()}",
        "",
        "One document of eval/cases pages (form feeds between them, seeded order), "
        f"`python bench/bench_scaling.py {' '.join(sys.argv[1:])}`; "
        f"load average {load:.1f} on {os.cpu_count()} shared cores at the start. "
        "Time: CPU time (the cores are shared), median of the runs that fit in "
        f"{args.min_seconds:g} s (at least one). Memory: peak growth over the loaded input, "
        "as a multiple of its UTF-8 size"
        + (
            "; CLI: peak RSS of `reflow --format text|json FILE -o OUT` over the same command "
            "on a one-line file (the interpreter and the tables)."
            if cli_base
            else "."
        ),
        "",
        "| size (MB) | runs | wall s | CPU s | CPU s/MB | x best s/MB | MB/s (CPU) "
        "| peak RSS growth | traced peak |" + (" CLI text | CLI JSON |" if cli_base else ""),
        "|---|---|---|---|---|---|---|---|---|" + ("---|---|" if cli_base else ""),
    ]
    for r in rows:
        mb = r["bytes"] / 1e6
        per = r["cpu"] / mb
        traced = (
            f"{r['traced_peak'] / 1e6:.0f} MB ({r['traced_peak'] / r['bytes']:.1f}x)"
            if "traced_peak" in r
            else "not run"
        )
        lines.append(
            f"| {mb:.2f} | {r['runs']} | {r['seconds']:.3f} | {r['cpu']:.3f} | {per:.3f} "
            f"| {per / best:.2f} | {mb / r['cpu']:.2f} | {r['rss_growth'] / 1e6:.0f} MB "
            f"({r['rss_growth'] / r['bytes']:.1f}x) | "
            + traced
            + " |"
            + "".join(
                f" {r['cli_' + fmt] / 1e6:.0f} MB ({r['cli_' + fmt] / r['bytes']:.1f}x) |"
                for fmt in cli_base
            )
        )
    worst = max(r["cpu"] / (r["bytes"] / 1e6) for r in rows) / best
    lines += ["", f"Slowest s/MB is {worst:.2f}x the fastest (target: at most 1.3x)."]
    publish("\n".join(lines) + "\n", "scaling", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
