"""A long PDF is read one page at a time: bounded by counting pages held and bytes allocated,
never by timing (issue 12).  The PDFs are written by tests/pdfgen.py from our own sentences.

The whole document's text and line table still grow with its length (the engine decides over
the whole document); bench/pdf_memory.py measures that growth per page on the corpus's PDFs.
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pdfgen import Page, Text, write_pdf

from reflow.readers.pdf import iter_pdf_pages

pdfium = pytest.importorskip("pypdfium2")

LINE = "The harbour festival opened with boats from every village along the coast"


def _pdf(pages: int) -> bytes:
    return write_pdf(
        [Page([Text(50, 80 + 14 * k, f"{LINE} {n}.{k}") for k in range(20)]) for n in range(pages)]
    )


def test_pdf_reader_holds_one_page_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    live: list[int] = []
    held = [0]
    opened = pdfium.PdfDocument.__getitem__
    closed = pdfium.PdfPage.close

    def get(self, i):
        held[0] += 1
        live.append(held[0])
        return opened(self, i)

    def close(self, *a, **k):
        held[0] -= 1
        return closed(self, *a, **k)

    monkeypatch.setattr(pdfium.PdfDocument, "__getitem__", get)
    monkeypatch.setattr(pdfium.PdfPage, "close", close)
    pages = 0
    for page in iter_pdf_pages(_pdf(12)):
        # When a page's lines reach the caller, its PDFium page is closed again.
        assert held[0] == 0 and len(page) == 20
        pages += 1
    assert pages == 12 and max(live) == 1


def _peak(pages: int) -> int:
    data = _pdf(pages)
    tracemalloc.start()
    try:
        for _ in iter_pdf_pages(data):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_pdf_reader_memory_does_not_grow_with_pages() -> None:
    # Python's own allocations while 4 and 16 pages of 20 lines are iterated (each page
    # dropped before the next): measured 2026-11-30 at 8 and 32 pages, 118 KB and 103 KB; a
    # reader that kept its pages' lines would hold about 4x more at 4x the pages.
    small, large = _peak(4), _peak(16)
    assert large < 1.3 * small + 20_000, (small, large)


def test_pdf_reader_opens_the_document_again_every_few_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PDFium keeps what it parsed for every loaded page until the document closes (491 MB over
    # 1,000 corpus pages, bench/pdf_memory.py): the reader reopens it, and reads the same lines.
    import reflow.readers.pdf as pdf

    data = _pdf(12)
    whole = [[ln.text for ln in page] for page in iter_pdf_pages(data)]
    opened = [0]
    real_open = pdf._open

    def counting_open(source, password):
        opened[0] += 1
        return real_open(source, password)

    monkeypatch.setattr(pdf, "REOPEN_PAGES", 5)
    monkeypatch.setattr(pdf, "_open", counting_open)
    again = [[ln.text for ln in page] for page in iter_pdf_pages(data)]
    assert again == whole and opened[0] == 3  # pages 1-5, 6-10, 11-12
