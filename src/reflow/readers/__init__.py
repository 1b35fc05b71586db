"""Readers: PDF, ALTO, PAGE-XML, hOCR and Tesseract TSV into reflow's line model, with geometry.

One module per format (:mod:`.pdf`, :mod:`.alto`, :mod:`.pagexml`, :mod:`.hocr`, :mod:`.tsv`),
each turning
its input into pages of :class:`~reflow.readers.base.PageLine`; :func:`read` picks the module by
the input's content (never by its file name alone) and builds the engine's
:class:`~reflow.lines.Lines` with :attr:`~reflow.lines.Lines.boxes` filled.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Literal

from reflow.lines import Lines
from reflow.readers.base import PageLine, ReaderError, build_lines

Kind = Literal["pdf", "alto", "page", "hocr", "tsv", "text"]
KINDS: tuple[Kind, ...] = ("pdf", "alto", "page", "hocr", "tsv", "text")

#: How much of the input is looked at to tell its kind.  A PDF's header must be in its first
#: 1024 bytes (ISO 32000-1, 7.5.2, implementation note); XML roots and their namespaces, and
#: hOCR's first ocr_page/ocr_line, sit in the first few kilobytes of every file we have seen.
SNIFF_BYTES = 65536

# Fixed strings and bounded classes only: linear on any input.
_ALTO = re.compile(r"<(?:[A-Za-z_][\w.-]{0,40}:)?alto[\s>/]|loc\.gov/standards/alto", re.I)
_PAGE = re.compile(r"<(?:[A-Za-z_][\w.-]{0,40}:)?PcGts[\s>/]|schema\.primaresearch\.org/PAGE", re.I)
_HOCR = re.compile(r"class=[\"'][^\"'<>]{0,200}\bocr(?:_page|_line|x_line|x_word)\b", re.I)


def detect_kind(data: bytes) -> Kind:
    """What the bytes are, from their content: ``pdf``, ``alto``, ``page``, ``hocr``, ``tsv``
    (Tesseract's TSV, by its header) or ``text``.

    >>> detect_kind(b"%PDF-1.7\\n...")
    'pdf'
    >>> detect_kind(b'<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">')
    'alto'
    >>> detect_kind(b'<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">')
    'page'
    >>> detect_kind(b"<html><body><span class='ocr_line' title='bbox 1 2 3 4'>x</span>")
    'hocr'
    >>> detect_kind(b"level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop"
    ...             b"\\twidth\\theight\\tconf\\ttext\\n")
    'tsv'
    >>> detect_kind(b"<p>Some HTML, no OCR.</p>"), detect_kind(b"plain text")
    ('text', 'text')
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    else:
        text = head.decode("utf-8", "ignore")
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        from reflow.readers.tsv import is_tsv

        return "tsv" if is_tsv(text) else "text"
    if _ALTO.search(text):
        return "alto"
    if _PAGE.search(text):
        return "page"
    if _HOCR.search(text):
        return "hocr"
    return "text"


def _head(source: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source[:SNIFF_BYTES])
    with open(source, "rb") as fh:
        return fh.read(SNIFF_BYTES)


def _data(source: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    with open(source, "rb") as fh:
        return fh.read()


def iter_pages(
    source: str | os.PathLike[str] | bytes,
    kind: Kind,
    warnings: list[str] | None = None,
    info: dict[str, str] | None = None,
) -> Iterator[list[PageLine]]:
    """The lines of each page of a PDF or OCR file, one page at a time (file order).

    ``warnings`` receives what a reader wants said (pages without text) once the pages are
    read; ``info`` what the file says of itself (``"producer"``: the program that wrote a PDF).
    Raises :class:`ReaderError` when the file cannot be read.
    """
    if kind == "pdf":
        from reflow.readers.pdf import PdfReport, iter_pdf_pages

        report = PdfReport()
        yield from iter_pdf_pages(source, report)
        if info is not None and report.producer:
            info["producer"] = report.producer
        if warnings is not None:
            warnings.extend(report.warnings())
        if not report.pages:
            raise ReaderError("the PDF has no pages")
        if len(report.image_only) == report.pages:
            raise ReaderError(
                "the PDF has only images and no text layer: it needs OCR first "
                "(reflow reads the OCR's ALTO, PAGE-XML or hOCR)"
            )
        if len(report.image_only) + len(report.empty) == report.pages:
            raise ReaderError("the PDF has no text on any page")
    elif kind == "alto":
        from reflow.readers.alto import iter_alto_pages

        yield from iter_alto_pages(_data(source))
    elif kind == "page":
        from reflow.readers.pagexml import iter_page_pages

        yield from iter_page_pages(_data(source))
    elif kind == "hocr":
        from reflow.readers.hocr import iter_hocr_pages

        yield from iter_hocr_pages(_data(source))
    elif kind == "tsv":
        from reflow.readers.tsv import TsvReport, iter_tsv_pages

        tsv_report = TsvReport()
        yield from iter_tsv_pages(_data(source), tsv_report)
        if warnings is not None:
            warnings.extend(tsv_report.warnings())
    else:
        raise ValueError(f"no reader for kind {kind!r}")


def read(
    source: str | os.PathLike[str] | bytes, kind: Kind | None = None
) -> tuple[Lines, list[str]]:
    """The engine's lines (with boxes) for a PDF or OCR file given as a path or bytes, and the
    reader's warnings.  ``kind`` defaults to :func:`detect_kind` on the content.

    >>> alto = (b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="p1">'
    ...         b'<PrintSpace><TextBlock ID="b1"><TextLine ID="l1" HPOS="10" VPOS="10" '
    ...         b'WIDTH="200" HEIGHT="20"><String CONTENT="Hello" HPOS="10" VPOS="10" WIDTH="80"'
    ...         b' HEIGHT="20"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>')
    >>> lines, warnings = read(alto)
    >>> lines.texts, lines.boxes[0].ref
    (['Hello'], 'l1')
    """
    if kind is None:
        kind = detect_kind(_head(source))
    if kind == "text":
        raise ReaderError("this is text, not a PDF or OCR file: use reflow.reflow()")
    warnings: list[str] = []
    info: dict[str, str] = {}
    # PDF pages come in the file's order and stay so; OCR engines order their lines, but the
    # reading order is found again from the geometry (the engine's regions are kept as
    # evidence on each line).
    lines = build_lines(iter_pages(source, kind, warnings, info))
    lines.producer = info.get("producer")
    if kind != "pdf" and not any(t.strip() for t in lines.texts):
        raise ReaderError(f"the {_NAMES[kind]} file has no text lines")
    return lines, warnings


_NAMES = {"pdf": "PDF", "alto": "ALTO", "page": "PAGE-XML", "hocr": "hOCR", "tsv": "Tesseract TSV"}

__all__ = ["KINDS", "Kind", "PageLine", "ReaderError", "detect_kind", "iter_pages", "read"]
