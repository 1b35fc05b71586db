"""Throughput (MB/s of raw input, one core) and peak memory of reflow on a large input.

Usage: python bench/bench_speed.py [--mb 20] [--runs 3] [--record]

Each measurement runs in a fresh subprocess so that peak memory (ru_maxrss) belongs to it alone.
Reported: the median of --runs runs, for one large document and for the same text cut into
page-sized documents (4 KB, where per-document costs show), and for the one document without
the structure stage (``--no-structure``: lines, hyphens and paragraphs only).  --record
appends the result to
bench/results/speed.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {here!r})
from make_text import make_text
import reflow
mode, mb = sys.argv[1], float(sys.argv[2])
text = make_text(mb)
size = len(text.encode("utf-8"))
reflow.reflow("warm up the lexicon: ap-\nproved.\n", language="en").to_text()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
if mode == "document":
    doc = reflow.reflow(text)
    out = doc.to_text()
elif mode == "no-structure":
    out = reflow.reflow(text, detect_structure=False).to_text()
else:
    pages = [text[i:i + 4000] for i in range(0, len(text), 4000)]
    out = "".join(reflow.reflow(p).to_text() for p in pages)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = {{"bytes": size, "seconds": elapsed, "cpu": cpu, "peak_kb": peak, "base_kb": base}}
print(json.dumps(result))
"""


def measure(mode: str, mb: float) -> dict:
    code = CHILD.format(here=str(HERE))
    r = subprocess.run(
        [sys.executable, "-c", code, mode, str(mb)], capture_output=True, text=True, check=True
    )
    return json.loads(r.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    import reflow

    rows = []
    for mode in ("document", "no-structure", "pages"):
        runs = [measure(mode, args.mb) for _ in range(args.runs)]
        mbps = statistics.median(r["bytes"] / 1e6 / r["seconds"] for r in runs)
        cpu_mbps = statistics.median(r["bytes"] / 1e6 / r["cpu"] for r in runs)
        size_mb = runs[0]["bytes"] / 1e6
        growth = statistics.median((r["peak_kb"] - r["base_kb"]) / 1024 for r in runs)
        each = [round(r["bytes"] / 1e6 / r["seconds"], 2) for r in runs]
        rows.append((mode, size_mb, mbps, cpu_mbps, growth, each))
    stamp = (
        f"{date.today().isoformat()}, reflow {reflow.__version__}, "
        f"Python {platform.python_version()}, {platform.machine()}"
    )
    lines = [
        f"### {stamp}",
        "",
        f"Synthetic English newspaper-style text (bench/make_text.py), {args.runs} runs, median. "
        f"Machine load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(CPU time is less sensitive to other jobs than wall time).",
        "",
        "| input | size (MB) | MB/s wall (median) | MB/s CPU time (median) | runs (MB/s wall) "
        "| peak memory growth (MB) | growth / input |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode, size_mb, mbps, cpu_mbps, growth, each in rows:
        what = {
            "document": "one document",
            "no-structure": "one document, --no-structure",
            "pages": "4 KB documents",
        }[mode]
        lines.append(
            f"| {what} | {size_mb:.1f} | {mbps:.2f} | {cpu_mbps:.2f} | {each} | {growth:.0f} "
            f"| {growth / size_mb:.1f}x |"
        )
    report = "\n".join(lines) + "\n"
    print(report)
    if args.record:
        out = HERE / "results" / "speed.md"
        old = (
            out.read_text(encoding="utf-8")
            if out.exists()
            else "# Speed results (newest first)\n\n"
        )
        head, _, rest = old.partition("\n\n")
        out.write_text(f"{head}\n\n{report}\n{rest}", encoding="utf-8")


if __name__ == "__main__":
    main()
