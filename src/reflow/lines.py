"""Stage 1: cut the source into lines and pages, keeping offsets into the source.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, so line numbers are the ones an editor shows.  A form
feed (pdftotext's page separator, printed at the start of the next page's first line) starts a
new page; it stays in the line's text as whitespace.  Nothing is rewritten: a line's text is the
exact source slice ``source[starts[i]:starts[i] + len(texts[i])]``.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

_CR_TERMINATOR = re.compile(r"\r\n?|\n")


class Box(NamedTuple):
    """Where a line stood on its page, when the input had geometry (PDF, ALTO, PAGE-XML, hOCR).

    Coordinates are in the reader's units (PDF points, or image pixels for OCR XML), with ``top``
    growing downwards, as pdfplumber and pdfminer.six name them.  Every field but the box itself
    is optional: a reader fills what its format knows.  Text input has no boxes at all
    (:attr:`Lines.boxes` is ``None``), and every rule then decides from the text alone.

    ``page``
        0-based page of the input the line is on.
    ``x0``, ``top``, ``x1``, ``bottom``
        The line's bounding box.
    ``font_size``
        Median font size of the line's characters (PDF), or the line height (OCR XML).
    ``bold``
        Most of the line's characters are in a bold face, when the format says.
    ``column``
        0-based column the reader placed the line in (reading order), or ``None``.
    ``ref``
        Where the line came from in the input: an XML element id, or ``"p3:l17"`` for a PDF.
    ``confidence``
        The OCR engine's word confidence for the line (0..1), when it gave one.
    ``region``
        The engine's own region (block) id and type, as evidence, e.g. ``"r12:paragraph"``.
    ``hyphen_mark``
        The engine said the line ends in a line-break hyphen (ALTO ``HYP``), whatever the
        character printed.
    ``stretch``
        How much wider than its natural width the line's type is set (PDF: the text matrix's
        horizontal scale, 1.0 natural): a typesetter that expands glyphs to fill its lines
        (pdfTeX's font expansion) leaves a paragraph's last line at 1.0.
    """

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    font_size: float | None = None
    bold: bool | None = None
    column: int | None = None
    ref: str | None = None
    confidence: float | None = None
    region: str | None = None
    hyphen_mark: bool = False
    stretch: float | None = None


@dataclass(slots=True)
class Lines:
    """The source as a table of lines (parallel lists, for speed on large inputs).

    ``texts[i]`` is line *i* without its terminator, starting at ``starts[i]`` in ``source``
    (an ``array`` of 64-bit offsets: 8 bytes a line, where a list of ``int`` held 36, more
    than the text of a line of a short-line extraction);
    ``pages[i]`` is its page (pages are cut by form feeds; 0 when there are none); ``blank[i]``
    says it holds only whitespace.  ``boxes[i]`` is line *i*'s :class:`Box` when the input had
    geometry (``None`` for a line the reader made up, such as a blank line between regions);
    ``boxes`` itself is ``None`` for text input, and then no rule asks for geometry.
    ``producer`` names the program that wrote the input when a reader knows it (a PDF's
    ``Producer``, e.g. ``"pdfTeX-1.40.24"``): how a typesetter hyphenates is evidence.

    >>> t = split_lines("one\\r\\ntwo\\n\\x0cthree")
    >>> t.texts, list(t.starts), t.pages, t.page_count
    (['one', 'two', '\\x0cthree'], [0, 5, 9], [0, 0, 1], 2)
    """

    source: str
    texts: list[str]
    starts: array[int]
    pages: list[int]
    blank: list[bool]
    page_count: int
    boxes: list[Box | None] | None = None
    producer: str | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def end(self, i: int) -> int:
        """Source offset just after line *i*'s content."""
        return self.starts[i] + len(self.texts[i])


def split_lines(source: str) -> Lines:
    """Cut ``source`` into a :class:`Lines` table in one linear pass.

    The common case (only ``\\n`` line ends) runs in C-level loops: ``str.split`` and
    ``itertools.accumulate``; no Python code runs per line.
    """
    if not source:
        return Lines(source, [], array("q"), [], [], 0)
    if "\r" in source:
        texts = _CR_TERMINATOR.split(source)
        starts = array("q", [0])
        starts.extend(m.end() for m in _CR_TERMINATOR.finditer(source))
    else:
        texts = source.split("\n")
        starts = array("q", accumulate(map((1).__add__, map(len, texts)), initial=0))
        del starts[-1]
    if not texts[-1]:
        # A final line end does not open another line.
        texts.pop()
        starts.pop()
    blank = [not t or t.isspace() for t in texts]
    if "\x0c" in source:
        pages = []
        page = 0
        for t in texts:
            if "\x0c" in t:
                lead = len(t) - len(t.lstrip(" \t\x0c"))
                head = t.count("\x0c", 0, lead)
                pages.append(page + head)
                page += t.count("\x0c")
            else:
                pages.append(page)
        page_count = page + 1
    else:
        pages = [0] * len(texts)
        page_count = 1 if texts else 0
    return Lines(source, texts, starts, pages, blank, page_count)


#: The extractor "leaves a space on wrapped lines" when at least this share of the document's
#: clear continuations (see trailing_space_convention) end in whitespace, over at least
#: CONVENTION_MIN_LINES of them.  pdfminer.six output has a space on 100% of them, pdftotext -raw
#: and pypdf on none; 0.9 leaves room for a few lines an OCR engine trimmed.
CONVENTION_SHARE = 0.9
CONVENTION_MIN_LINES = 5
#: The convention is a property of the extractor, the same on every page: the first 5,000 lines
#: say it as well as all of them, and a 100 MB input does not pay a second full pass.
CONVENTION_SCAN = 5000
_HYPHEN_END = "-\u2010\u2011\u00ad\u00ac\u2e17"
_SENTENCE_END = ".!?…:;\"'”’»)]"
_NOT_WRAPPED = frozenset(_SENTENCE_END + _HYPHEN_END)


def trailing_space_convention(lines: Lines) -> tuple[bool, str]:
    """Does the extractor leave a space at the end of every wrapped line?

    Then a line without one ends a text box: a paragraph's last line, or a heading.  Counted on
    clear continuations: a line followed directly by a non-blank line on the same page, that
    ends neither a sentence nor in a hyphen (German lines often start with a capital, so the
    next line's case is not asked).

    >>> trailing_space_convention(split_lines("a b \\nc d \\ne f \\ng h \\ni j \\nk l.\\n"))
    (True, '5 of 5 wrapped lines end in a space')
    >>> trailing_space_convention(split_lines("a b\\nc d\\ne f\\ng h\\ni j\\nk l.\\n"))[0]
    False
    """
    texts, blank, pages = lines.texts, lines.blank, lines.pages
    n = min(len(texts) - 1, CONVENTION_SCAN)
    # Clear continuations, raw text: followed by a non-blank line on the same page, not ending
    # a sentence nor in a hyphen (one comprehension: this runs on every document).
    pairs = zip(texts[:n], blank, blank[1 : n + 1], pages, pages[1 : n + 1], strict=False)
    wrapped = [
        raw
        for raw, b0, b1, p0, p1 in pairs
        if not (b0 or b1 or p0 != p1) and raw.rstrip()[-1] not in _NOT_WRAPPED
    ]
    total = len(wrapped)
    with_space = sum(raw[-1].isspace() for raw in wrapped)
    holds = total >= CONVENTION_MIN_LINES and with_space >= CONVENTION_SHARE * total
    return holds, f"{with_space} of {total} wrapped lines end in a space"
