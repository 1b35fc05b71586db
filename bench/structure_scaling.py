"""Size sweep of the structure stage alone: CPU seconds per MB of ``label_lines`` on ONE document.

    .venv/bin/python bench/structure_scaling.py [--sizes 0.5 2 8] [--record]

The document is bench/bench_scaling.py's (pages of every committed extraction in eval/cases,
one seeded order, form feeds between them); lines and language are made once per size, then
``label_lines`` runs once, timed (CPU seconds, one process, sizes one after another).  The
whole-pipeline sweep (bench/bench_scaling.py) cannot tell which stage grows faster than the
input; this one isolates the structure stage.  ``--record`` writes
bench/results/structure-scaling-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reflow.config import Config
from reflow.language import detect_languages
from reflow.lines import split_lines
from reflow.structure import label_lines

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scaling
from report import load_note, publish, short_commit, stamp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.5, 2.0, 8.0], help="MB")
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    pages = bench_scaling.pages()
    config = Config()
    rows = []
    for mb in args.sizes:
        text = bench_scaling.build(mb, pages)
        lines, language = split_lines(text), detect_languages(text)[0]
        label_lines(split_lines(text[:100_000]), config, language)  # caches warmed
        t0 = time.process_time()
        label_lines(lines, config, language)
        spent = time.process_time() - t0
        size = len(text.encode("utf-8")) / 1e6
        rows.append((size, len(lines), spent))
    best = min(s / size for size, _, s in rows)
    when = stamp()
    out = [
        f"### {when}: structure stage alone by document size (reflow at {short_commit()})",
        "",
        f"`python bench/structure_scaling.py --sizes {' '.join(map(str, args.sizes))}`: one "
        "document of eval/cases pages (bench/bench_scaling.py's), `label_lines` once per size, "
        f"CPU seconds; {load_note()}.",
        "",
        "| size (MB) | lines | CPU s | CPU s/MB | x best s/MB |",
        "|---|---|---|---|---|",
    ]
    for size, n, spent in rows:
        out.append(
            f"| {size:.2f} | {n} | {spent:.3f} | {spent / size:.3f} | {spent / size / best:.2f} |"
        )
    worst = max(s / size for size, _, s in rows)
    out += ["", f"Slowest s/MB is {worst / best:.2f}x the fastest (target: at most 1.3x)."]
    publish("\n".join(out) + "\n", "structure-scaling", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
