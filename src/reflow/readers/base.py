"""What every reader shares: the line record, the error, and the text built from the lines.

A reader turns its format into pages of :class:`PageLine` records (a line's text and box, and
whatever the format says about it).  :func:`build_lines` puts each page in reading order
(:mod:`reflow.readers.layout`) and writes the text the engine sees: one line per printed line,
a blank line between two segments of the page (a column change, or a spanning element), a form
feed at the start of each new page, as pdftotext writes it.  The offsets of everything the
engine reports point into that text, and :attr:`Lines.boxes` says where each line stood.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from reflow.decode import InputError
from reflow.lines import Box, Lines, split_lines
from reflow.readers.layout import reading_order


class ReaderError(InputError):
    """A PDF or OCR file reflow cannot read; the message is one line and says why."""


class PageLine(NamedTuple):
    """One printed line as a reader found it (top grows downwards; see :class:`Box`)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    font_size: float | None = None
    bold: bool | None = None
    ref: str | None = None
    confidence: float | None = None
    region: str | None = None
    hyphen_mark: bool = False
    stretch: float | None = None


# Characters that would cut a line or a page inside the engine's text; a reader's line never
# holds them (a PDF's text can carry any code point).
_BREAKERS = dict.fromkeys(map(ord, "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x00"), " ")


def clean(text: str) -> str:
    """A line's text made safe for the engine: no line or page breaks inside, no NULs.

    >>> clean("a\\x0cb\\r\\nc ")
    'a b  c'
    """
    return text.translate(_BREAKERS).strip()


def _columns(segments: list[list[PageLine]]) -> list[int]:
    """Column index of each segment: the rank of its left edge among the left edges of the
    page's segments of two lines or more (a lone page number or running head defines no
    column), edges closer than one line height counted as one column."""
    lefts = [min(ln.x0 for ln in seg) for seg in segments]
    heights = sorted(ln.bottom - ln.top for seg in segments for ln in seg)
    tol = max(heights[len(heights) // 2], 1.0)
    edges: list[float] = []
    tall = [x for x, seg in zip(lefts, segments, strict=True) if len(seg) > 1] or lefts
    for x in sorted(tall):
        if not edges or x - edges[-1] > tol:
            edges.append(x)
    return [max(sum(1 for e in edges if e <= x + tol) - 1, 0) for x in lefts]


class FileOrder(list):  # type: ignore[type-arg]
    """A page whose lines are already in reading order (a PAGE-XML ``ReadingOrder``): kept."""


def build_lines(pages: Iterable[list[PageLine]], ordered: bool = True) -> Lines:
    """The engine's :class:`Lines` for a document given page by page.

    With ``ordered`` each page is put in reading order from its geometry, except a
    :class:`FileOrder` page; otherwise the lines stay in the order given.

    >>> p0 = [PageLine(0, 0, 90, 10, "Left column,"), PageLine(110, 0, 200, 10, "right.")]
    >>> p1 = [PageLine(0, 0, 50, 10, "Page two.")]
    >>> t = build_lines([p0, p1])
    >>> t.texts, t.pages
    (['Left column,', '', 'right.', '\\x0cPage two.'], [0, 0, 0, 1])
    >>> [b and (b.page, b.column) for b in t.boxes]
    [(0, 0), None, (0, 1), (1, 0)]
    """
    texts: list[str] = []
    boxes: list[Box | None] = []
    feeds = ""
    for p, page_lines in enumerate(pages):
        if p:
            feeds += "\x0c"
        kept = [ln for ln in page_lines if clean(ln.text)]
        if not kept:
            continue
        geometric = reading_order(kept)
        seg_columns = _columns(geometric)
        column_of = {id(ln): c for seg, c in zip(geometric, seg_columns, strict=True) for ln in seg}
        # A page in the file's order (FileOrder, or ordered=False) keeps it; its lines still get
        # the column the geometry puts them in.
        segments = [kept] if not ordered or isinstance(page_lines, FileOrder) else geometric
        for s, seg in enumerate(segments):
            region = seg[0].region
            for k, ln in enumerate(seg):
                if (s and not k) or (k and ln.region != region):
                    # A segment or an engine's region ends: a blank line, as an extractor
                    # writes between blocks (the engine heals across it when the text runs on).
                    texts.append("")
                    boxes.append(None)
                region = ln.region
                texts.append(feeds + clean(ln.text))
                feeds = ""
                boxes.append(
                    Box(
                        p,
                        ln.x0,
                        ln.top,
                        ln.x1,
                        ln.bottom,
                        ln.font_size,
                        ln.bold,
                        column_of[id(ln)],
                        ln.ref,
                        ln.confidence,
                        ln.region,
                        ln.hyphen_mark,
                        ln.stretch,
                    )
                )
    if feeds:
        # Trailing pages without text still count as pages.
        texts.append(feeds)
        boxes.append(None)
    source = "\n".join(texts) + "\n" if texts else ""
    lines = split_lines(source)
    if len(lines) != len(boxes):  # pragma: no cover - clean() guarantees one line per entry
        raise AssertionError("reader lines and engine lines disagree")
    lines.boxes = boxes
    return lines
