"""Stage 4, first step: what the document tells about its own layout, measured once.

Real exports often carry no layout cue at all: one text line per printed line, no indentation,
no trailing spaces, no blank lines.  Then a paragraph end can only be told from how this
document sets its lines, so before the boundary rules (:mod:`reflow.boundaries`) decide anything
the document's body lines are measured in one pass:

- **its column width near every line**: the median length of the *known full* lines around it
  (lines that end inside a sentence with the next line right below: the next word did not fit),
  and their spread (half the interquartile range).  Character counts of a proportional font
  vary by several characters between full lines; the median and the spread say by how much in
  this document, where the longest line of a window overstates the column;
- **how its paragraphs end**: after a sentence end, a blank line, or a short last line within
  the column (and how many of each);
- **whether it indents its paragraphs**, seen in the text alone: the first line of a paragraph
  after a clearly short last line is shorter than a full line by the indent (the export drops
  the indent's spaces but the printed line still held fewer characters);
- which line-end hyphen marks it prints and whether wrapped lines end in a space.

Every number the rules use is in :class:`Profile` and is quoted in their evidence.  The pass is
linear: each line is looked at a constant number of times (windows of fixed size).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, pairwise

from reflow.hyphenation import HYPHENS

#: Closing quotes and brackets that may follow the end of a sentence: 'in the garden.”'.  German
#: closes „…“ and ‚…‘ with “ and ‘, and »…« with «: without them, 'zu führen.“' was no
#: sentence end (found on hkb-newspaper: 37 and 38 paragraph starts the wrapped-line rule
#: joined in its two exports, against 2 false breaks in each; docs/evaluation.md).
CLOSERS = "\"'”’»›)]*“‘«‹"
#: What :func:`is_terminal` looks through at a line's end: closers, and the spaces that French
#: typists leave before them ('bataille ? "', 'Peut-être ... "').
_END_PAD = CLOSERS + " \t"
#: Characters that end a sentence (or introduce a block, for the colon).
TERMINALS = ".!?…:"
#: What may stand after a sentence end and before the line end without continuing the sentence:
#: a footnote mark glued to it after a letter ("filet.1", "birds.”†"; not "1.2"), a citation
#: number of one or two digits after a word of four lower-case letters or more ("homes. 9"; not
#: "Fig. 2", "p. 129", "Vol. 3", "Hauptstr. 135"),
#: or one character of OCR debris ("dienen. _").  Searched in a line's last 24 characters only;
#: linear (bounded pieces anchored at the end, each starting after a fixed lookbehind).
_TAIL = re.compile(
    r"(?:(?<=[^\W\d_][.!?…])[\"'”’»)\]]?(?:\d{1,3}|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})"
    r"|(?<=[^\W\d_]{4}[.!?])\s+\d{1,2}"
    r"|(?<=[.!?…:\"'”’»)\]])\s+[_|~¬■•·^]{1,2})\Z"
)

#: The last characters a tail can end in (besides digits), for a quick test before the search.
_TAIL_ENDS = frozenset("*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰_|~¬■•·^")

#: Known full lines on each side of a line that give its column width: 8 + 8 is a page's worth
#: of a narrow column, and enough for the median and quartiles to hold against a few odd lines.
#: Not tuned: the same window as the structure stage's local width would do; 8 keeps the
#: median from following one odd paragraph.
WIDTH_WINDOW = 8
#: Fewer known full lines than this in the window: no measured width (the old rule decides).
MIN_FULL_LINES = 4
#: A document "ends its paragraphs with blank lines" when sentence ends before a blank line are
#: at least this many times the clearly short last lines inside a column (and at least 3).
#: Measured per document (eval/real impact-bhl/blank-lines and the generated corpus, ocrd held
#: out): at a ratio of 3 or more, 0 of 475 (impact-bhl) and 18 of 119 (generated) short lines
#: inside a block were paragraph ends; between 2 and 3, 15 of 22 on the generated corpus were.
BLANK_LINE_RATIO = 3
#: A document indents when the first lines after clear paragraph ends are shorter than its full
#: lines by at least this many characters (median over at least INDENT_MIN_SEEN of them, against
#: the median of a sample of full lines inside paragraphs).  Tuned on impact-bhl/flat: after a
#: sentence end at about full width, a full next line 3 to 10 characters short of the column's
#: median was a paragraph start 381 of 482 times, one within 2 characters 291 of 742 times.
INDENT_MIN_CHARS = 2
INDENT_MIN_SEEN = 3
#: Body lines stripped at a time by :func:`measure` (memory only: any size gives the same
#: profile; 4,096 lines are a few hundred KB, against the whole text again).
MEASURE_CHUNK = 4096


def strip_tail(text: str) -> str:
    """``text`` (right-stripped) without a footnote mark, citation number or debris after a
    sentence end.

    >>> strip_tail("homes. 9"), strip_tail("dienen. _"), strip_tail("filet.1"), strip_tail("Fig. 2")
    ('homes.', 'dienen.', 'filet.', 'Fig. 2')
    >>> strip_tail("Mittelstr. 36"), strip_tail("des Geistes. 12")
    ('Mittelstr. 36', 'des Geistes. 12')
    """
    text = text.rstrip()
    m = _TAIL.search(text, max(0, len(text) - 24))
    if m is None:
        return text
    head = text[: m.start()]
    if m.group(0)[-1].isdigit() and m.group(0)[0].isspace():
        # A number apart from the sentence end cites only after a word in lower case: "homes.
        # 9", not "Hauptstr. 135" (a street, 3 false breaks in hkb-newspaper) nor "Abb. 4".
        word = head.rsplit(None, 1)[-1] if head.strip() else ""
        if not word[:-1].isalpha() or not word[:-1].islower():
            return text
    return head.rstrip()


def is_terminal(text: str) -> bool:
    """Does ``text`` (right-stripped) end a sentence?  A footnote mark, a citation number or a
    character of OCR debris after the sentence end is looked through (:func:`strip_tail`).

    >>> is_terminal("in the garden.”"), is_terminal("living"), is_terminal("(see above).")
    (True, False, True)
    >>> is_terminal("their homes. 9"), is_terminal("see Fig. 2"), is_terminal("dienen. _")
    (True, False, True)
    >>> is_terminal("version 1.2"), is_terminal("un filet.1")
    (False, True)
    >>> is_terminal("zu führen.“"), is_terminal('livré bataille ? "'), is_terminal("word “")
    (True, True, False)
    """
    s = text.rstrip(_END_PAD)
    if not s:
        return False
    if s[-1] in TERMINALS:
        return True
    if not (s[-1].isdigit() or s[-1] in _TAIL_ENDS):
        return False  # most lines: no tail to look through, no search
    s = strip_tail(text).rstrip(_END_PAD)
    return bool(s) and s[-1] in TERMINALS


def first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[0] if parts else ""


@dataclass(frozen=True, slots=True)
class Column:
    """The column width near one line, measured on the known full lines around it."""

    width: int  # median length of the known full lines in the window
    spread: int  # half their interquartile range, at least 1
    lines: int  # how many known full lines were measured

    def describe(self) -> str:
        return f"column {self.width}±{self.spread} ({self.lines} full lines)"


@dataclass(slots=True)
class Profile:
    """The document's own layout, measured on its body lines (see the module docstring).

    ``body`` are the body line numbers in order; ``lengths[k]`` is body line k's length without
    surrounding whitespace; ``full[k]`` says it is a known full line.
    """

    body: list[int]
    lengths: list[int]
    full: list[bool]
    blank_ends: int = 0  # sentence ends before a blank line (body on both sides, same page)
    short_ends: int = 0  # sentence ends on a clearly short line inside a column
    indent: int = 0  # characters the first line of a paragraph is short by (0: no indent)
    indent_seen: int = 0  # first lines after clear ends it was measured on
    hyphen_marks: dict[str, int] = field(default_factory=dict)
    #: k of every known full line (8 bytes each: a list of them held 40, most lines are full).
    _full_at: array[int] = field(default_factory=lambda: array("q"))
    _full_lengths: list[int] = field(default_factory=list)  # their lengths, in order
    _windows: dict[int, Column | None] = field(default_factory=dict)  # by window position

    @property
    def blank_line_paragraphs(self) -> bool:
        """Does the document end its paragraphs with blank lines (not short lines)?"""
        return self.blank_ends >= 3 and self.blank_ends >= BLANK_LINE_RATIO * self.short_ends

    def paragraph_ends(self) -> str:
        """How the document ends its paragraphs, for evidence."""
        return (
            f"{self.blank_ends} sentence ends before a blank line, "
            f"{self.short_ends} on a short line"
        )

    def column(self, k: int) -> Column | None:
        """The column near body line k, or None when too few full lines were measured."""
        j = bisect_left(self._full_at, k)
        # Lines between the same two full lines share their window: one sort for them all (a
        # cache by window, not by line: one by line held a dictionary entry per line asked).
        col = self._windows.get(j, False)
        if col is False:
            window = sorted(self._full_lengths[max(0, j - WIDTH_WINDOW) : j + WIDTH_WINDOW])
            n = len(window)
            col = None
            if n >= MIN_FULL_LINES:
                spread = max(1, (window[(3 * n) // 4] - window[n // 4]) // 2)
                col = Column(window[n // 2], spread, n)
            self._windows[j] = col
        return col

    def shortfall(self, k: int) -> int | None:
        """How many characters body line k is short of its column (None: no column known)."""
        col = self.column(k)
        return None if col is None else col.width - self.lengths[k]


def measure(texts: list[str], blank: list[bool], pages: list[int], body: list[int]) -> Profile:
    """The :class:`Profile` of a document: one pass over its body lines.

    >>> lines = ["A full line of text that goes", "on and on to the end of the", "column, and",
    ...          "then it stops here.", "Next one starts here and is", "full again."]
    >>> p = measure(lines, [False] * 6, [0] * 6, list(range(6)))
    >>> p.full, p.lengths[:2]
    ([True, True, True, False, True, False], [29, 27])
    """
    n = len(body)
    lengths: list[int] = []
    terminal: list[bool] = []
    marks: Counter[str] = Counter()
    # The stripped lines a chunk at a time: a list of all of them was another copy of the body
    # text (lines with a trailing space strip to new strings), the peak of a long document.
    for lo in range(0, n, MEASURE_CHUNK):
        hi = min(n, lo + MEASURE_CHUNK)
        # One line more than the chunk: the hyphen marks look at the next line's start.
        stripped = [texts[i].strip() for i in body[lo : hi + 1]]
        lengths += map(len, stripped[: hi - lo])
        terminal += map(is_terminal, stripped[: hi - lo])
        # Line-end hyphen marks before a letter (one comprehension: only lines ending in one).
        marks.update(
            s[-1]
            for s, nxt in pairwise(stripped)
            if s[-1:] in HYPHENS and s[-2:-1].isalpha() and nxt[:1].isalpha()
        )
    within = [b == a + 1 and pages[a] == pages[b] for a, b in pairwise(body)] + [False] * min(n, 1)
    full = [w and not t for w, t in zip(within, terminal, strict=True)]
    full_at = array("q", compress(range(n), full))
    profile = Profile(
        body, lengths, full, _full_at=full_at, _full_lengths=[lengths[k] for k in full_at]
    )
    profile.hyphen_marks = dict(marks)
    first_shortfalls: list[int] = []
    # A sample of full lines inside paragraphs (every 4th), for the indent's baseline.
    inner_shortfalls = [
        s
        for k in range(0, n - 1, 4)
        if full[k] and full[k + 1] and (s := profile.shortfall(k + 1)) is not None
    ]
    for k in [k for k in range(n - 1) if terminal[k]]:
        if not within[k]:
            a, b = body[k], body[k + 1]
            if pages[a] == pages[b] and all(blank[a + 1 : b]):
                profile.blank_ends += 1
            continue
        if _clearly_short(profile, k, texts[body[k + 1]]):
            profile.short_ends += 1
            if full[k + 1]:
                s = profile.shortfall(k + 1)
                if s is not None:
                    first_shortfalls.append(s)
    if len(first_shortfalls) >= INDENT_MIN_SEEN and inner_shortfalls:
        first_shortfalls.sort()
        inner_shortfalls.sort()
        indent = (
            first_shortfalls[len(first_shortfalls) // 2]
            - inner_shortfalls[len(inner_shortfalls) // 2]
        )
        if indent >= INDENT_MIN_CHARS:
            profile.indent = indent
        profile.indent_seen = len(first_shortfalls)
    return profile


#: A last line is clearly short when the next line's first word and a space would have fitted
#: with this many spreads of the column to spare.  Only for counting the document's paragraph
#: ends (blank_ends against short_ends) and its first lines (the indent): the counts should hold
#: clear cases, not the ones the rules are unsure of.  Not tuned.
CLEAR_SPREADS = 2


def _clearly_short(profile: Profile, k: int, nxt: str) -> bool:
    col = profile.column(k)
    if col is None:
        return False
    needed = profile.lengths[k] + 1 + len(first_word(nxt))
    return needed + CLEAR_SPREADS * col.spread <= col.width
