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


#: The extractor "leaves a space on wrapped lines" when at least this share of the document's
#: clear continuations (see trailing_space_convention) end in whitespace, over at least
#: CONVENTION_MIN_LINES of them.  pdfminer.six output has a space on 100% of them, pdftotext -raw
#: and pypdf on none; 0.9 leaves room for a few lines an OCR engine trimmed.
CONVENTION_SHARE = 0.9
CONVENTION_MIN_LINES = 5
#: The convention is a property of the extractor, the same on every page: the first 5,000 lines
#: say it as well as all of them, and a 100 MB input does not pay a second full pass.
CONVENTION_SCAN = 5000
_HYPHEN_END = "-\u2010\u00ad\u00ac\u2e17"
_SENTENCE_END = ".!?…:;\"'”’»)]"


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
    total = with_space = 0
    for i in range(min(len(texts) - 1, CONVENTION_SCAN)):
        if blank[i] or blank[i + 1] or pages[i] != pages[i + 1]:
            continue
        raw = texts[i]
        stripped = raw.rstrip()
        if stripped[-1] in _SENTENCE_END or stripped[-1] in _HYPHEN_END:
            continue
        total += 1
        with_space += len(raw) > len(stripped)
    holds = total >= CONVENTION_MIN_LINES and with_space >= CONVENTION_SHARE * total
    return holds, f"{with_space} of {total} wrapped lines end in a space"
