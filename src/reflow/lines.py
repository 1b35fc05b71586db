"""Stage 1: cut the source into lines and pages, keeping offsets into the source.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, so line numbers are the ones an editor shows.  A form
feed (pdftotext's page separator, printed at the start of the next page's first line) starts a
new page; it stays in the line's text as whitespace.  Nothing is rewritten: a line's text is the
exact source slice ``source[starts[i]:starts[i] + len(texts[i])]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

_CR_TERMINATOR = re.compile(r"\r\n?|\n")


@dataclass(slots=True)
class Lines:
    """The source as a table of lines (parallel lists, for speed on large inputs).

    ``texts[i]`` is line *i* without its terminator, starting at ``starts[i]`` in ``source``;
    ``pages[i]`` is its page (pages are cut by form feeds; 0 when there are none); ``blank[i]``
    says it holds only whitespace.

    >>> t = split_lines("one\\r\\ntwo\\n\\x0cthree")
    >>> t.texts, t.starts, t.pages, t.page_count
    (['one', 'two', '\\x0cthree'], [0, 5, 9], [0, 0, 1], 2)
    """

    source: str
    texts: list[str]
    starts: list[int]
    pages: list[int]
    blank: list[bool]
    page_count: int

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
        return Lines(source, [], [], [], [], 0)
    if "\r" in source:
        texts = _CR_TERMINATOR.split(source)
        starts = [0, *(m.end() for m in _CR_TERMINATOR.finditer(source))]
    else:
        texts = source.split("\n")
        starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
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
