"""Which PDF library reads lines for reflow: pypdfium2 against pdfminer.six, on the corpus's PDFs.

Both give lines with boxes and fonts to the same reading-order code and the same engine
(reflow.readers.base.build_lines, reflow.pipeline.reflow_lines), so the scores differ only by
what the library read: words, their order inside a line, line boxes.  Speed is the library's
part alone (CPU seconds of this process, one core), per page.

    .venv/bin/python bench/bench_pdf_readers.py [--limit N]   # prints a Markdown report

PDFs: eval/build/pdf (built from eval/cases by eval/pdf_suite.py or eval/run.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import reflow  # noqa: E402
from reflow.metrics import Counts, Prediction, load_cases, score, table  # noqa: E402
from reflow.pipeline import reflow_lines  # noqa: E402
from reflow.readers.base import PageLine, build_lines  # noqa: E402
from reflow.readers.pdf import iter_pdf_pages  # noqa: E402


def pdfminer_pages(pdf: Path) -> Iterator[list[PageLine]]:
    """pdfminer.six's text lines (default LAParams) as reflow's page lines."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    for page_no, page in enumerate(extract_pages(str(pdf))):
        height = page.height
        out = []
        for el in page:
            if not isinstance(el, LTTextContainer):
                continue
            for k, line in enumerate(el):
                if not isinstance(line, LTTextLine):
                    continue
                chars = [c for c in line if isinstance(c, LTChar)]
                if not chars:
                    continue
                sizes = sorted(c.size for c in chars)
                bold = sum("Bold" in c.fontname for c in chars) * 2 > len(chars)
                out.append(
                    PageLine(
                        line.x0,
                        height - line.y1,
                        line.x1,
                        height - line.y0,
                        line.get_text().rstrip("\n"),
                        sizes[len(sizes) // 2],
                        bold,
                        f"p{page_no + 1}:l{k + 1}",
                    )
                )
        yield out


def pdfium_pages(pdf: Path) -> Iterator[list[PageLine]]:
    return iter_pdf_pages(pdf)


READERS = {"pypdfium2": pdfium_pages, "pdfminer.six": pdfminer_pages}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    from importlib.metadata import version

    reflow.reflow("warm up the lexicons ap-\nproved.\n")
    cases = [
        c
        for c in load_cases(ROOT / "eval" / "cases")
        if c.suite == "pdflatex/pdftotext-raw" and c.pdf is not None and c.pdf.exists()
    ][: args.limit]
    counts = {name: Counts() for name in READERS}
    per_page: dict[str, list[float]] = {name: [] for name in READERS}
    pages_total = 0
    for case in cases:
        pdf = case.pdf.resolve()
        for name, reader in READERS.items():
            t0 = time.process_time()
            page_lines = list(reader(pdf))
            seconds = time.process_time() - t0
            per_page[name].append(seconds / max(len(page_lines), 1))
            doc = reflow_lines(build_lines(page_lines), reflow.Config())
            pred = Prediction(
                paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
                headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
            )
            counts[name] += score(pred, case.gold)
        pages_total += len(page_lines)
    rows = {f"{n} {version(n)}": c for n, c in counts.items()}
    print(f"{len(cases)} pdflatex documents, {pages_total} pages\n")
    print(table(rows, first="library (same layout code and engine)"))
    print("\n| library | median CPU ms per page | pages/s (median) |\n|---|---|---|")
    for n, xs in per_page.items():
        med = statistics.median(xs)
        print(f"| {n} {version(n)} | {med * 1000:.1f} | {1 / med:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
