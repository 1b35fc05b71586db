"""Stage 1: cut the source into lines and pages, keeping offsets into the source.

Lines end at ``\\n``, ``\\r\\n``, ``\\r``, form feed and the other terminators
:meth:`str.splitlines` knows.  A form feed (pdftotext's page separator) also ends a page.
Nothing is rewritten: a line's text is the exact source slice ``source[start:start+len(text)]``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters str.splitlines() treats as line ends; a line's content is its text without them.
_TERMINATORS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@dataclass(slots=True)
class Lines:
    """The source as a table of lines (parallel lists, for speed on large inputs).

    ``texts[i]`` is line *i* without its terminator, starting at ``starts[i]`` in ``source``;
    ``pages[i]`` is its page (pages are cut by form feeds; 0 when there are none); ``blank[i]``
    says it holds only whitespace.

    >>> t = split_lines("one\\r\\ntwo\\n\\x0cthree")
    >>> t.texts, t.starts, t.pages, t.page_count
    (['one', 'two', '', 'three'], [0, 5, 9, 10], [0, 0, 0, 1], 2)
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
    """Cut ``source`` into a :class:`Lines` table in one linear pass."""
    texts: list[str] = []
    starts: list[int] = []
    pages: list[int] = []
    blank: list[bool] = []
    pos = 0
    page = 0
    for raw in source.splitlines(keepends=True):
        content = raw.rstrip(_TERMINATORS)
        # rstrip may eat a \r or \n that belongs to the content only when the terminator is
        # made of several characters ("\r\n"); splitlines never leaves two line ends in one
        # piece except "\r\n", so the terminator is the stripped tail.
        texts.append(content)
        starts.append(pos)
        pages.append(page)
        blank.append(not content or content.isspace())
        if "\x0c" in raw[len(content) :]:
            page += 1
        pos += len(raw)
    return Lines(source, texts, starts, pages, blank, pages[-1] + 1 if texts else 0)
