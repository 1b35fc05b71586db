"""Throughput of reflow against one ``re.sub`` pass and the text peers, on the same >= 50 MB.

    .venv/bin/python eval/speed.py [--mb 50] [--repeats 3]

The corpus is every committed extraction, repeated until it reaches ``--mb`` megabytes, each
extraction one document (so per-document costs count as they do in batch use).  Every system
makes ``--repeats`` full passes; the median pass time gives MB/s, reported also as a ratio to
the ``re.sub`` pass (the floor of the work: one regex over the same bytes).  Peak memory is
traced on one pass over the committed cases (tracing slows Python, so it is not timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import load_cases  # noqa: E402

LINE_END = re.compile(r"(\w)-\n(?=\w)")


def resub(text: str) -> str:
    """The floor: one regex pass that drops every line-end hyphen."""
    return LINE_END.sub(r"\1", text)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def timed(
    fn: Callable[[str], object], docs: list[str], repeats: int
) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each pass (CPU time moves less with other jobs on the cores)."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            fn(d)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def peak_mb(fn: Callable[[str], object], docs: list[str]) -> float:
    tracemalloc.start()
    for d in docs:
        fn(d)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "results"))
    args = ap.parse_args()
    base = [c.text for c in load_cases(HERE / "cases")]
    base_bytes = sum(len(t.encode("utf-8")) for t in base)
    docs: list[str] = []
    size = 0
    while size < args.mb * 1e6:
        for t in base:
            docs.append(t)
            size += len(t.encode("utf-8"))
    text_peers, missing = peers.text_peers()
    systems: dict[str, Callable[[str], object]] = {
        "re.sub one pass": resub,
        f"reflow {reflow.__version__}": lambda t: reflow.reflow(t).to_text(),
        f"reflow {reflow.__version__} --no-structure": lambda t: reflow.reflow(
            t, detect_structure=False
        ).to_text(),
    }
    systems.update({k: v for k, v in text_peers.items() if k != "raw input"})
    rows = []
    for name, fn in systems.items():
        times, cpu = timed(fn, docs, args.repeats)
        med = statistics.median(times)
        rows.append(
            {
                "system": name,
                "seconds": times,
                "cpu_seconds": cpu,
                "median_s": med,
                "mb_per_s": size / 1e6 / med,
                "cpu_mb_per_s": size / 1e6 / statistics.median(cpu),
                "peak_mb": peak_mb(fn, base),
            }
        )
        print(f"{name}: {size / 1e6 / med:.2f} MB/s", file=sys.stderr, flush=True)
    floor, cpu_floor = rows[0]["mb_per_s"], rows[0]["cpu_mb_per_s"]
    for r in rows:
        r["ratio_to_resub"] = r["mb_per_s"] / floor
        r["cpu_ratio_to_resub"] = r["cpu_mb_per_s"] / cpu_floor
    meta = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "corpus_mb": round(size / 1e6, 1),
        "documents": len(docs),
        "distinct_mb": round(base_bytes / 1e6, 2),
        "repeats": args.repeats,
        "not_run": missing,
        "command": "python eval/speed.py" + (f" --mb {args.mb:g}" if args.mb != 50 else ""),
    }
    lines = [
        f"# Speed run {meta['date']}",
        "",
        f"{meta['corpus_mb']} MB in {len(docs)} documents (the {meta['distinct_mb']} MB of "
        f"committed extractions, repeated), {args.repeats} passes per system, median pass; "
        f"Python {meta['python']} on {meta['cpu']} ({meta['cores']} cores, shared), one process.",
        "",
        "| system | MB/s | × re.sub | MB/s CPU time | × re.sub, CPU | peak traced MB "
        "(one document at a time) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['system']} | {r['mb_per_s']:.2f} | {r['ratio_to_resub']:.4f} | "
            f"{r['cpu_mb_per_s']:.2f} | {r['cpu_ratio_to_resub']:.4f} | {r['peak_mb']:.1f} |"
        )
    text = "\n".join(lines)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{meta['date']}-speed"
    (out / f"{stem}.md").write_text(text + "\n", encoding="utf-8")
    (out / f"{stem}.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
