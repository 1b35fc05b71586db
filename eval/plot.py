"""Accuracy against throughput, one point per system: docs/img/quality-speed.png.

    .venv/bin/python eval/plot.py [--date YYYY-MM-DD]

Reads eval/results/<date>-quality.json and <date>-speed.json (the newest pair by default).
Accuracy is the share of gold paragraphs reproduced exactly, over all suites a system ran on.
Throughput of text systems is from the speed run (same >= 50 MB for all); the PDF systems'
throughput is from the quality run and counts PDF bytes, so their x position is only indicative.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from reflow.metrics import Counts  # noqa: E402


def newest(kind: str) -> Path:
    return sorted((HERE / "results").glob(f"*-{kind}.json"))[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--date")
    ap.add_argument("--out", default=str(HERE.parent / "docs" / "img" / "quality-speed.png"))
    args = ap.parse_args()
    qpath = HERE / "results" / f"{args.date}-quality.json" if args.date else newest("quality")
    spath = HERE / "results" / f"{args.date}-speed.json" if args.date else newest("speed")
    quality = json.loads(qpath.read_text())
    speed = {r["system"]: r["mb_per_s"] for r in json.loads(spath.read_text())["rows"]}
    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=120)
    for name, per in quality.items():
        total = Counts()
        for counts in per.values():
            total += Counts(**counts)
        pdf = all(k.split("|")[0].endswith("/pdf") for k in per)
        x = total.mb_per_s if pdf else speed.get(name)
        if x is None or name == "raw input":
            continue
        y = total.exact * 100
        is_reflow = name.startswith("reflow")
        ax.scatter(
            [x],
            [y],
            s=90 if is_reflow else 45,
            marker="x" if pdf else "o",
            color="#c0392b" if is_reflow else "#34495e",
            zorder=3,
        )
        ax.annotate(
            name + (" (PDF in)" if pdf else ""),
            (x, y),
            textcoords="offset points",
            xytext=(6, 4),
            fontsize=7.5,
        )
    ax.set_xscale("log")
    ax.set_xlabel("throughput, MB/s (log scale; text systems: same 50 MB, median of 3 passes)")
    ax.set_ylabel("paragraphs exactly right, %")
    ax.set_title(
        f"reflow and peers, newspaper corpus (pdflatex + LibreOffice), {qpath.stem[:10]}",
        fontsize=10,
    )
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
