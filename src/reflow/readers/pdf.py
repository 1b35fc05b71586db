"""PDF: lines with boxes, font size and weight, read with pypdfium2 (PDFium; Apache-2.0/BSD).

Why pypdfium2: on the corpus's PDFs it gave the same words as pdfminer.six, about 10 times faster
(bench/results/pdf-readers-2026-11-29.md).  It is an optional dependency: ``reflow[pdf]``.

PDFium gives every character with its box.  Lines are rebuilt here from the geometry rather than
taken from PDFium's own text (which joins a hyphenated line with the next one and runs the
columns of a row together when a file writes them row by row): a character starts a new line when
it sits below the current line, steps back to the left, or leaves a gap wider than
:data:`COLUMN_GAP` line heights.  Only one page is loaded at a time, so a document of a thousand
pages is read with the memory of one page plus its text.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from reflow.readers.base import PageLine, ReaderError

#: A gap wider than this many ems (font size) between two characters on one baseline is a
#: gutter between columns, not a word space.  Typesetters write a page column by column, so
#: within a column line the only wide gaps are stretched word spaces: TeX stretches an underfull
#: narrow line's spaces to 3.2 em in the corpus (latex-de-007, "Verschiedene CD-ROM-"), while
#: the running head's two halves (set apart with \hfill) are 20 em apart.  A file written row
#: by row across a narrower gutter keeps its columns joined (as PDFium's own text does).
COLUMN_GAP = 4.0
#: A gap wider than this many ems is a word space even where the PDF has no space
#: character.  PDFium already adds a space wherever the file moves the pen between words (all
#: of the corpus's spaces come that way); this is only the fallback.  Kerning next to a hyphen
#: or a digit reaches 0.15 em in Latin Modern, so it must stay above that.
WORD_GAP = 0.3
#: The document is opened again after this many pages.  PDFium keeps the objects it parsed
#: for each page it loaded (fonts, content streams) until the document is closed, closed pages
#: or not: a 1,000-page PDF made of the corpus's pdflatex PDFs grew the reader's peak RSS by
#: 491 MB, and by 32 MB when reopened every 50 pages (bench/pdf_memory.py, /tmp probe of bare
#: PDFium page loads).  Reopening costs one parse of the cross-reference table.
REOPEN_PAGES = 50
#: PDFium's code for a line-end hyphen it took for a soft one; ``\x02`` in older builds.
_PDFIUM_HYPHENS = {"\ufffe": "-", "\x02": "-"}
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "-bx", "cmbx")

NEEDS_PDF = (
    "reading PDF needs pypdfium2 (Apache-2.0/BSD): install it with pip install 'reflow[pdf]'"
)


@dataclass
class PdfReport:
    """What the reader saw besides the text: pages without a text layer, for the warnings."""

    pages: int = 0
    image_only: list[int] = field(default_factory=list)
    empty: list[int] = field(default_factory=list)
    #: The document information's ``Producer`` (the program that wrote the PDF), when given.
    producer: str | None = None

    def warnings(self) -> list[str]:
        out = []
        if self.image_only:
            out.append(
                f"{_pages(self.image_only)} only image(s) and no text layer: "
                "run OCR on them first (reflow reads the OCR's ALTO, PAGE-XML or hOCR)"
            )
        if self.empty:
            out.append(f"{_pages(self.empty)} no text")
        return out


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n + 1) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"page {shown}{more} {'has' if len(numbers) == 1 else 'have'}"


def _open(source: str | os.PathLike[str] | bytes, password: str | None):
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise ReaderError(NEEDS_PDF) from exc
    if isinstance(source, bytes | bytearray | memoryview):
        source = bytes(source)
    else:
        source = os.fspath(source)
    try:
        return pdfium.PdfDocument(source, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        import pypdfium2.raw as raw

        if code == raw.FPDF_ERR_PASSWORD:
            raise ReaderError(
                "the PDF is encrypted and needs a password: decrypt it first (qpdf --decrypt)"
            ) from exc
        if code == raw.FPDF_ERR_SECURITY:
            raise ReaderError("the PDF uses an encryption PDFium does not support") from exc
        if code == raw.FPDF_ERR_FILE:
            raise ReaderError("the PDF file could not be opened") from exc
        raise ReaderError(
            "the PDF is damaged (no readable page tree): repair it first (qpdf, mutool clean)"
        ) from exc


def _producer(doc) -> str | None:
    """The ``Producer`` entry of the document information, or None (absent, or unreadable)."""
    try:
        value = doc.get_metadata_value("Producer")
    except Exception:  # a damaged information dictionary is no reason to fail
        return None
    value = " ".join(str(value).split())[:200]
    return value or None


def _page_objects(page) -> tuple[int, int]:
    """(image objects, all objects) on a page: tells an image-only page from an empty one."""
    import pypdfium2.raw as raw

    n = raw.FPDFPage_CountObjects(page)
    images = sum(
        raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, i)) == raw.FPDF_PAGEOBJ_IMAGE
        for i in range(n)
    )
    return images, n


def _stretch(textpage, indices: list[int], matrix) -> float | None:
    """The horizontal scale of the line's type (the text matrix's a/d, 1.0 natural): the median
    of the sampled characters', None when PDFium gives no matrix (a character it made up)."""
    import pypdfium2.raw as raw

    scales = []
    for j in indices:
        if raw.FPDFText_GetMatrix(textpage, j, ctypes.byref(matrix)) and matrix.d:
            scales.append(matrix.a / matrix.d)
    if not scales:
        return None
    scales.sort()
    return round(scales[len(scales) // 2], 4)


def _font(textpage, index: int, buf) -> tuple[float, bool]:
    import pypdfium2.raw as raw

    size = raw.FPDFText_GetFontSize(textpage, index)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage, index, buf, len(buf), flags)
    name = buf.value.decode("latin-1").lower()
    weight = raw.FPDFText_GetFontWeight(textpage, index)
    return size, weight >= 600 or any(k in name for k in _BOLD_NAMES)


#: Characters a line-end hyphen may be, as PDFium gives them (its own marks included).
_LINE_END_HYPHENS = "-\u2010\u00ad" + "".join(_PDFIUM_HYPHENS)


def _apart(textpage, idx: list[int], text: str) -> bool:
    """The line's final hyphen is a text object of its own, while the glyphs before it (up
    to three, a letter or digit last) share one: the typesetter added the hyphen when it broke
    the line, apart from the text it had set.  LibreOffice writes its line-break hyphens so,
    and a hyphen typed in the text inside the text's run: on the corpus's LibreOffice PDFs
    3,436 of 3,436 line-break hyphens stood apart and 0 of 91 real ones did (pdfTeX writes
    both inside the word's string: never apart).  A producer that writes every glyph or word
    as an object of its own shows the glyphs before apart too, and then nothing is said."""
    import pypdfium2.raw as raw

    before = idx[-4:-1]
    if len(before) < 2 or text[idx[-1]] not in _LINE_END_HYPHENS or not text[before[-1]].isalnum():
        return False

    def obj(j: int) -> int | None:
        return ctypes.cast(raw.FPDFText_GetTextObject(textpage, j), ctypes.c_void_p).value

    hyphen = obj(idx[-1])
    word = {obj(j) for j in before}
    return hyphen is not None and len(word) == 1 and hyphen not in word


def page_lines(page, textpage, page_no: int) -> list[PageLine]:
    """The lines of one PDFium page, in the file's order (reading order comes later)."""
    import pypdfium2.raw as raw

    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: ask for each one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    height = page.get_height()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    bl, br, bb, bt = (ctypes.byref(v) for v in (left, right, bottom, top))
    get_box = raw.FPDFText_GetCharBox
    get_size = raw.FPDFText_GetFontSize
    get_origin = raw.FPDFText_GetCharOrigin
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.byref(origin_x), ctypes.byref(origin_y)
    # Each line: [x0, top, x1, bottom, pieces, char indices, first char's middle, font size,
    # baseline (PDF units, y up)]
    out: list[list] = []
    cur: list | None = None
    space = False
    last_box = (float("nan"), float("nan"))  # the previous glyph's x extent
    for i, ch in enumerate(text):
        if ch.isspace():
            # A line break is PDFium's guess at a new line, not a word space: where the next
            # glyph goes on along the same baseline (LibreOffice writes a line's final hyphen
            # as a text object of its own, after which PDFium breaks the line), the gap between
            # the glyphs decides.  Taken as a space it gave "sys -" for "sys-" on whole pages
            # of the corpus's LibreOffice PDFs (lo-fr-002: 25 line-end hyphens lost).
            space = space or ch not in "\r\n"
            continue
        get_box(textpage, i, bl, br, bb, bt)
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        mid = (y0 + y1) / 2
        if cur is not None and not space and x0 == last_box[0] and x1 == last_box[1]:
            # One glyph, several characters: a ligature ("fi") whose ToUnicode gives both
            # letters, each with the glyph's box.  LibreOffice writes them so (the corpus's
            # lo-* PDFs: "f irewall" read as a step back and a new word, 5 % WER before).
            cur[4].append(_PDFIUM_HYPHENS.get(ch, ch))
            cur[5].append(i)
            continue
        last_box = (x0, x1)
        if cur is not None:
            em = cur[7]
            gap = x0 - cur[2]
            # Below or above the line (half an em off its first glyph's middle: a comma or a
            # capital stays on the line, the next line is 1.2 em away), a step back to the
            # left, or a gutter.
            if gap < -0.5 * em or gap > COLUMN_GAP * em:
                cur = None
            elif abs(mid - cur[6]) > 0.5 * em:
                # A glyph far from the line's first one ("“" high, "," low): ask for the
                # baselines, which only a new line changes.
                get_origin(textpage, i, ox, oy)
                if abs(origin_y.value - cur[8]) > 0.5 * em:
                    cur = None
        if cur is None:
            get_origin(textpage, i, ox, oy)
            cur = [x0, y0, x1, y1, [], [i], mid, max(get_size(textpage, i), 1.0), origin_y.value]
            out.append(cur)
        else:
            if space or x0 - cur[2] > WORD_GAP * cur[7]:
                cur[4].append(" ")
            cur[0] = min(cur[0], x0)
            cur[2] = max(cur[2], x1)
            cur[1] = min(cur[1], y0)
            cur[3] = max(cur[3], y1)
            cur[5].append(i)
        cur[4].append(_PDFIUM_HYPHENS.get(ch, ch))
        space = False
    buf = ctypes.create_string_buffer(96)
    matrix = raw.FS_MATRIX()
    lines = []
    for k, (x0, y0, x1, y1, pieces, idx, *_) in enumerate(out):
        # The font of three characters (first, middle, last): one call per line, not per char.
        picks = sorted({idx[0], idx[len(idx) // 2], idx[-1]})
        samples = [_font(textpage, j, buf) for j in picks]
        sizes = sorted(s for s, _ in samples)
        bold = sum(b for _, b in samples) * 2 > len(samples)
        lines.append(
            PageLine(
                round(x0, 2),
                round(y0, 2),
                round(x1, 2),
                round(y1, 2),
                "".join(pieces),
                round(sizes[len(sizes) // 2], 2),
                bold,
                f"p{page_no + 1}:l{k + 1}",
                hyphen_mark=_apart(textpage, idx, text),
                stretch=_stretch(textpage, picks, matrix),
            )
        )
    return lines


def iter_pdf_pages(
    source: str | os.PathLike[str] | bytes,
    report: PdfReport | None = None,
    password: str | None = None,
) -> Iterator[list[PageLine]]:
    """The lines of each page, one page loaded at a time (bounded memory on long documents).

    ``report`` collects the pages without a text layer.  Raises :class:`ReaderError` for an
    encrypted or damaged file.  The document is opened again every :data:`REOPEN_PAGES`
    pages, so PDFium's own memory stays bounded too.
    """
    report = report if report is not None else PdfReport()
    doc = _open(source, password)
    try:
        report.pages = len(doc)
        report.producer = _producer(doc)
        for p in range(len(doc)):
            if p and p % REOPEN_PAGES == 0:
                # PDFium keeps what it parsed for every page it loaded until the document is
                # closed: open it again, so memory stays that of REOPEN_PAGES pages.
                doc.close()
                doc = _open(source, password)
            page = doc[p]
            textpage = page.get_textpage()
            try:
                lines = page_lines(page, textpage, p)
                if not lines:
                    images, _ = _page_objects(page)
                    (report.image_only if images else report.empty).append(p)
            finally:
                textpage.close()
                page.close()
            yield lines
    finally:
        doc.close()
