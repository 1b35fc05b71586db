"""Benchmark: stage 3 (structure) on long documents with a running head on every page.

Builds a synthetic book of N pages, deterministically (no randomness, no downloads): each page
has a running head that alternates between odd and even pages with the page number glued to
it, 30 lines of body text that never repeat, a caption, and a page number at the foot.  Two
shapes: with form feeds (pdftotext) and without (pages must be inferred).  Times
``label_lines`` alone and the whole ``reflow``; best of ``--repeat`` runs.

    python bench/bench_structure.py                 # 30, 100, 300, 1000 pages
    python bench/bench_structure.py --pages 300 --repeat 5

Prints a Markdown table; ``bench/results/structure.md`` keeps the recorded runs.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

from reflow import __version__, reflow
from reflow.config import Config
from reflow.lines import split_lines
from reflow.structure import label_lines

_WORDS = """honey valley river bridge truck jar horse buyer season harvest comb hive queen worker
    drone wax nectar flower meadow mountain village road market price winter summer spring
    autumn cooperative director letter shipment station railway ford water rain snow field"""
WORDS = _WORDS.split()


def _sentence(n: int) -> str:
    """A body sentence that differs from every other one (its words depend on n)."""
    picks = [WORDS[(n * 7 + k * 13 + (n // 37) * k) % len(WORDS)] for k in range(9)]
    return (
        f"The {picks[0]} and the {picks[1]} of the {picks[2]} met {picks[3]} {n} times "
        f"near {picks[4]}."
    )


def build(pages: int, form_feeds: bool) -> str:
    """A synthetic book of ``pages`` pages."""
    out: list[str] = []
    n = 0
    for p in range(1, pages + 1):
        head = f"{p} A HISTORY OF BEES" if p % 2 == 0 else f"CHAPTER {p // 40 + 1}: THE HIVE {p}"
        lines = [head]
        for _ in range(30):
            lines.append(_sentence(n)[:72])
            n += 1
        lines.append(f"Photo: A hive on page {p}.")
        lines.append(str(p))
        out.append("\n".join(lines) + "\n")
    return ("\x0c" if form_feeds else "").join(out)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="*", default=[30, 100, 300, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"reflow {__version__}, Python {platform.python_version()}, {platform.machine()}")
    print()
    print(
        "| pages | form feeds | lines | label_lines s | µs/line | reflow s | "
        "furniture found | body lines labelled |"
    )
    print("|---:|---|---:|---:|---:|---:|---|---:|")
    for pages in args.pages:
        for ff in (True, False):
            text = build(pages, ff)
            lines = split_lines(text)
            config = Config(language="en")
            t_label = best(
                lambda lines=lines, config=config: label_lines(lines, config, "en"), args.repeat
            )
            labels = label_lines(lines, config, "en")
            t_all = best(
                lambda text=text: reflow(text, language="en"), 1 if pages > 300 else args.repeat
            )
            heads = sum(1 for r in labels.roles if r is not None and r.value == "page-header")
            numbers = sum(1 for r in labels.roles if r is not None and r.value == "page-number")
            inferred = max(labels.pages) + 1
            # Precision: every body sentence starts "The "; none may be labelled.
            wrong = sum(
                1
                for t, r in zip(lines.texts, labels.roles, strict=True)
                if r is not None and t.startswith("The ")
            )
            print(
                f"| {pages} | {'yes' if ff else 'no'} | {len(lines)} | {t_label:.3f} | "
                f"{1e6 * t_label / len(lines):.1f} | {t_all:.3f} | "
                f"{heads} heads, {numbers} numbers, {inferred} pages | {wrong} |"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
