"""Peak memory of reading and reflowing a long PDF, by its number of pages (issue 12).

    python bench/pdf_memory.py [--pages 125 250 500 1000] [--write]

A PDF of N pages is made by concatenating the corpus's pdflatex PDFs (eval/build/pdf, typeset by
eval/pdf_suite.py or eval/run.py) with pypdfium2, in a temporary folder.  Each measurement runs
in a fresh process (``ru_maxrss`` only grows), after a warm-up that loads the lexicons and
PDFium, so what grows is the document's own:

- ``reader``: the pages iterated one at a time (:func:`reflow.readers.iter_pages`), each page's
  lines dropped before the next: the reader's own memory, which must not grow with pages;
- ``lines``: the engine's line table with boxes (:func:`reflow.readers.read`);
- ``reflow``: the whole document (:func:`reflow.reflow_file`) and its text output.

With ``--write`` the table goes to bench/results/pdf-memory-DATE.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from report import publish, short_commit, stamp  # noqa: E402

BUILT = ROOT / "eval" / "build" / "pdf"

PROBE = """
import json, resource, sys
import reflow
from reflow.readers import iter_pages, read
warm = reflow.reflow_file({warm!r}, language="auto")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
mode = {mode!r}
chars = lines = 0
if mode == "reader":
    for page in iter_pages({pdf!r}, "pdf"):
        lines += len(page)
        chars += sum(len(ln.text) for ln in page)
elif mode == "lines":
    table, _ = read({pdf!r}, "pdf")
    lines, chars = len(table), len(table.source)
else:
    doc = reflow.reflow_file({pdf!r}, language="auto")
    out = doc.to_text()
    lines, chars = len(doc.source.splitlines()), len(out)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"grew_kib": peak - before, "lines": lines, "chars": chars}}))
"""


def make_pdf(pages: int, out: Path) -> int:
    """A PDF of ``pages`` pages from the built pdflatex PDFs, taken in name order, again and
    again; returns the page count written."""
    import pypdfium2 as pdfium

    sources = sorted(BUILT.glob("latex-*.pdf"))
    if not sources:
        raise SystemExit("no built PDFs in eval/build/pdf: run eval/pdf_suite.py first")
    doc = pdfium.PdfDocument.new()
    k = 0
    while len(doc) < pages:
        src = pdfium.PdfDocument(sources[k % len(sources)])
        take = min(len(src), pages - len(doc))
        doc.import_pages(src, list(range(take)))
        src.close()
        k += 1
    doc.save(out)
    n = len(doc)
    doc.close()
    return n


def measure(pdf: Path, mode: str, warm: Path) -> dict[str, int]:
    code = PROBE.format(pdf=str(pdf), mode=mode, warm=str(warm))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900
    )
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[125, 250, 500, 1000])
    ap.add_argument("--modes", nargs="+", default=["reader", "lines", "reflow"])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.pdf"
        make_pdf(1, warm)
        for n in args.pages:
            pdf = Path(tmp) / f"doc-{n}.pdf"
            pages = make_pdf(n, pdf)
            size = pdf.stat().st_size
            for mode in args.modes:
                r = measure(pdf, mode, warm)
                rows.append((pages, size, mode, r))
                print(pages, mode, r, file=sys.stderr, flush=True)
    lines = [
        f"# Peak memory reading a long PDF (commit {short_commit()}, {stamp()})",
        "",
        "`bench/pdf_memory.py`: growth of the peak RSS over a warmed-up process (KiB), one fresh "
        "process per cell; the PDF is the corpus's pdflatex PDFs concatenated.",
        "",
        "| pages | PDF KiB | what | lines | output chars | RSS growth KiB | KiB per page |",
        "|---|---|---|---|---|---|---|",
    ]
    for pages, size, mode, r in rows:
        lines.append(
            f"| {pages} | {size // 1024} | {mode} | {r['lines']} | {r['chars']} | "
            f"{r['grew_kib']} | {r['grew_kib'] / pages:.1f} |"
        )
    publish("\n".join(lines) + "\n", "pdf-memory", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
