"""Page furniture: pages, running heads and footers, page numbers.

Part of stage 3 (:mod:`reflow.structure`), run before the other rules.  Everything here works
on the edges of pages: the first and last :data:`EDGE` non-blank lines of each page, compared
with the same edge of the :data:`LOOKBACK` pages before.  That window is a constant, so the
whole pass is linear in the number of lines, however many pages there are.

Pages come from form feeds when the extractor wrote them.  Without form feeds,
:func:`infer_pages` looks for a line (digits masked) or a page number that recurs with a
regular period of at least :data:`MIN_PERIOD` lines, and cuts pages there.

>>> from reflow.lines import split_lines
>>> lines = split_lines("THE DAILY EXAMPLE 7\\nBody one.\\n\\x0cTHE DAILY EXAMPLE 8\\nBody two.\\n")
>>> [mask(t) for t in lines.texts[:2]]
['the daily example #', 'body one.']
>>> page_number("- 12 -"), page_number("Page 7 of 40"), page_number("xiv"), page_number("12.")
((12, 'dashed'), (7, 'worded'), (14, 'roman'), None)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress, pairwise, repeat
from operator import and_, ge, not_, or_
from statistics import median

from reflow.data.languages import (
    ISSUE_AFTER_ORDINAL,
    ISSUE_WORDS,
    PAGE_WORDS,
    date_words,
    function_words,
)
from reflow.lines import Lines
from reflow.model import Role
from reflow.structure.view import LineLabels
from reflow.structure.words import alternation, closed, is_caps, is_title_case

#: Non-blank lines looked at on each edge of a page.  3: the constructed pages in
#: tests/cases/structure put at most a running head, a page number and a date line above the
#: body (or below it); a larger window only adds chances to match body text.
EDGE = 3
#: Pages a page's edges are compared with, backwards.  2, so that a running head that differs
#: between odd and even pages (book title / chapter title) still meets its twin.
LOOKBACK = 2
#: Longer lines are never furniture (the longest running head in tests/cases/structure has 36
#: characters; 120 leaves room for a long date and section name, and bounds every comparison).
MAX_FURNITURE_CHARS = 120
#: The longest page-number line read here, with room for spacing: "Página 123 de 456" is 17.
MAX_PAGE_NUMBER_CHARS = 60
#: Without form feeds, a recurring line with more words is not taken for a running head (body
#: lines of a document that repeats itself run 12..16 words; the longest head in our cases has 7).
MAX_HEAD_WORDS = 10
#: Masked lines at least this similar (difflib ratio) are the same running head with small
#: differences.  Measured: a head whose date changes ("... Tuesday, May 3" / "... Wednesday, May
#: 4") scores 0.885..0.917, "chapter # · the hive" / "... the queen" 0.829; the unlabelled edge
#: lines of consecutive pages in tests/cases/structure score at most 0.465.  Templated body
#: lines of 13 words (bench/bench_structure.py) reach 0.81, hence also MAX_HEAD_WORDS below.
SIMILAR = 0.8
#: Without form feeds, a page must hold at least this many lines for a recurring line to count as
#: furniture.  10: a numbered list or a refrain recurs every 1..4 lines; the pages of the two
#: cases without form feeds run 16..17 lines (their short last pages 11..14).
MIN_PERIOD = 10
#: ... and the line must recur at least this often (two occurrences are a coincidence).
MIN_REPEATS = 3
#: Gaps between occurrences may vary by this fraction of the median gap (pdfminer output puts
#: a varying number of blank lines on a page), or be about twice the median (a chapter opening
#: without a running head).
PERIOD_TOLERANCE = 0.25

# Separators between the parts of a running head ("THE DAILY EXAMPLE — Sports — 7").
_SEPARATORS = re.compile(r"\s[—–|·•-]\s|:\s")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

# Page-number shapes, matched against the whitespace-normalised line (re.fullmatch).  No nested
# quantifiers: every pattern is linear on any input.
_BARE = re.compile(r"(\d{1,4})")
_DASHED = re.compile(r"[-–—] ?(\d{1,4}) ?[-–—]")
# "Page 3", "Seite 3 von 12", "стр. 5", "σελ. 7": the page words of every language
# (reflow.data.languages.PAGE_WORDS; a short line of a word and a number only).
_PAGE_WORDS = alternation(PAGE_WORDS)
_WORDED = re.compile(
    rf"(?:{_PAGE_WORDS}) ?(\d{{1,4}})"
    r"(?: ?(?:of|/|von|de|sur|di|из|з|od|z|af|av) ?\d{1,4})?",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"(\d{1,4}) ?/ ?\d{1,4}")
_ROMAN = re.compile(r"[ivxlcdm]{1,8}|[IVXLCDM]{1,8}")
_ROMAN_VALUES = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def mask(text: str) -> str:
    """The comparison key of a line: lower case, digits masked as ``#``, spaces collapsed.

    >>> mask("  THE DAILY  Example — 12 May 2022 ")
    'the daily example — # may #'
    """
    return _DIGITS.sub("#", _SPACES.sub(" ", text.strip()).lower())


def _roman_value(token: str) -> int | None:
    """The value of a canonical roman numeral ("xiv" -> 14), else None ("iiii", "mix" is fine)."""
    low = token.lower()
    value, rest = 0, low
    for number, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            value += number
            rest = rest[len(letters) :]
    if rest or not value:
        return None
    # Re-encode to reject non-canonical spellings such as "iiii" or "vx".
    out, left = "", value
    for number, letters in _ROMAN_VALUES:
        while left >= number:
            out += letters
            left -= number
    return value if out == low else None


def page_number(text: str) -> tuple[int, str] | None:
    """``(value, style)`` when the whole line reads as a page number, else None.

    Styles: ``arabic`` ("7"), ``dashed`` ("- 7 -"), ``worded`` ("Page 7 of 40", "Seite 7"),
    ``slashed`` ("7/40"), ``roman`` ("xiv").  A numbered-list item ("7.") is not one.

    >>> page_number("Seite 3 von 12"), page_number("7 / 40"), page_number("7"), page_number("iiii")
    ((3, 'worded'), (7, 'slashed'), (7, 'arabic'), None)
    """
    if len(text) > MAX_PAGE_NUMBER_CHARS:
        return None  # no page number is this long: spare a long line the split and join
    return _short_page_number(text)


@lru_cache(maxsize=4096)
def _short_page_number(text: str) -> tuple[int, str] | None:
    # Memoised: the furniture rules ask this of the same line up to four times (429,239 calls
    # for 197,194 lines on the evaluation corpus), and the answer depends on the text alone.
    if _DIGIT.search(text) is None:
        # Every shape but the roman one has a digit (most lines end here, before the split
        # and join); a roman numeral is one word, so the stripped line is all of it.
        word = text.strip()
        if len(word) <= 8 and _ROMAN.fullmatch(word):
            value = _roman_value(word)
            if value is not None:
                return value, "roman"
        return None
    norm = " ".join(text.split())
    if not norm or len(norm) > 20:
        return None
    for pattern, style in (
        (_BARE, "arabic"),
        (_DASHED, "dashed"),
        (_WORDED, "worded"),
        (_SLASHED, "slashed"),
    ):
        m = pattern.fullmatch(norm)
        if m:
            return int(m.group(1)), style
    if _ROMAN.fullmatch(norm):
        value = _roman_value(norm)
        if value is not None:
            return value, "roman"
    return None


def head_key(text: str) -> str:
    """:func:`mask` without a page number at either end: odd and even heads carry the number
    on opposite sides.

    >>> head_key("21 THE DAILY EXAMPLE"), head_key("THE DAILY EXAMPLE 22")
    ('the daily example', 'the daily example')
    """
    key = mask(text)
    if key.startswith("# "):
        key = key[2:]
    if key.endswith(" #"):
        key = key[:-2]
    return key


#: Runs of whitespace inside a line (the line ends of a batch of lines are kept).
_INNER_SPACES = re.compile(r"[^\S\n]+")


def head_keys(texts: list[str]) -> list[str]:
    """:func:`head_key` of each line, made in one batch: the lines joined by line ends pass
    through each regex and ``lower`` once (a line end is neither a space nor a cased letter
    nor a digit, so no step reaches across it; three C calls per line cost more).

    >>> head_keys(["21 THE  DAILY EXAMPLE", "Chapter 3 ", "7"])
    ['the daily example', 'chapter', '#']
    """
    if not texts:
        return []
    joined = "\n".join(map(str.strip, texts))
    if joined.count("\n") != len(texts) - 1:
        return [head_key(t) for t in texts]  # a line with a line end of its own: one by one
    masks = _DIGITS.sub("#", _INNER_SPACES.sub(" ", joined).lower()).split("\n")
    return [_unnumbered(m) for m in masks]


def _unnumbered(key: str) -> str:
    if key.startswith("# "):
        key = key[2:]
    if key.endswith(" #"):
        key = key[:-2]
    return key


def glued_number(text: str) -> int | None:
    """The page number printed on the same line as a running head, first or last, else None.

    pdftotext -raw prints the head and the number of a page as one line.

    >>> glued_number("THE DAILY EXAMPLE — Regional News 7"), glued_number("12 Chapter One")
    (7, 12)
    >>> glued_number("Chapter 7 of the book") is None
    True
    """
    parts = text.split()
    if len(parts) < 2:
        return None
    for token in (parts[-1], parts[0]):
        if token.isdigit() and len(token) <= 4:
            return int(token)
    return None


def _furniture_shaped(text: str) -> bool:
    """Short enough, with a letter, not cut by a line-break hyphen: a running head candidate."""
    stripped = text.strip()
    if not 0 < len(stripped) <= MAX_FURNITURE_CHARS or stripped.endswith("-"):
        return False
    return any(map(str.isalpha, stripped))


def similar(a: str, b: str) -> str | None:
    """Why two masked lines are the same running head (small differences allowed), or None.

    >>> similar("the daily example — regional news #", "the daily example — sports #")
    'same first part "the daily example"'
    >>> similar("chapter one #", "chapter one #")
    'same text with digits masked'
    >>> similar("the kyrgyz republic and", "the kyrgyz republic has") is None
    True
    """
    if a == b:
        return "same text with digits masked"
    pa, pb = _SEPARATORS.split(a), _SEPARATORS.split(b)
    if len(pa) > 1 and len(pb) > 1:
        for x, y, where in ((pa[0], pb[0], "first"), (pa[-1], pb[-1], "last")):
            x, y = x.strip(), y.strip()
            # Two words at least: "photo" / "source" alone is a caption's prefix, not a head.
            if x == y and len(x.split()) >= 2 and sum(map(str.isalpha, x)) >= 4:
                return f'same {where} part "{x}"'
    # Fuzzy only when the lines agree at both ends (a date changes in the middle): two body
    # lines that begin alike ("the kyrgyz republic and" / "... has") part at the end.
    if a[:3] != b[:3] or a[-2:] != b[-2:]:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
        ratio = matcher.ratio()
        if ratio >= SIMILAR:
            return f"similar text ({ratio:.2f})"
    return None


def _page_lines(pages: list[int], blank: list[bool], page_count: int) -> list[list[int]]:
    """Indices of the non-blank lines of each page."""
    # The non-blank lines in one C-level pass; on one page (most documents) that is the answer.
    nonblank = list(compress(range(len(pages)), map(not_, blank)))
    if page_count == 1:
        return [nonblank]
    out: list[list[int]] = [[] for _ in range(page_count)]
    for i in nonblank:
        out[pages[i]].append(i)
    return out


def _edges(page: list[int]) -> tuple[list[int], list[int]]:
    return page[:EDGE], page[-EDGE:]


def _sentence(text: str) -> bool:
    """Ends like a sentence: two such lines that are merely alike are body, not a head."""
    return text.rstrip().rstrip("\"'”’»)]").endswith((".", "!", "?", ","))


def _outward(edge: list[int], side: int) -> list[int]:
    """Edge lines ordered from the page edge inwards (the bottom edge is reversed)."""
    return edge if side == 0 else edge[::-1]


def label_running_heads(
    lines: Lines, labels: LineLabels, pages: list[int], page_count: int, language: str = "en"
) -> None:
    """Rules ``running-head`` and ``running-foot``: a line at a page edge echoed on a nearby page.

    Each page's top :data:`EDGE` lines are compared with the tops of the :data:`LOOKBACK`
    pages before it (bottoms with bottoms), digits masked, with :func:`similar`, at the same
    distance from the edge give or take one line.  A line that ends like a sentence must be
    met on two other pages (a body sentence repeated once is not a head), and only exactly.
    A line repeated in the body is never compared: only edges are.  A page number glued to
    the head is named in the evidence.
    """
    if page_count < 2:
        return
    texts = lines.texts
    per_page = _page_lines(pages, lines.blank, page_count)
    keys: dict[int, str] = {}
    for page in per_page:
        for i in (*page[:EDGE], *page[-EDGE:]):
            if i not in keys and _furniture_shaped(texts[i]):
                keys[i] = head_key(texts[i])
    found: dict[int, tuple[Role, str, int]] = {}  # line -> (role, why, partner line)
    partners: dict[int, set[int]] = defaultdict(set)  # line -> pages it was met on
    for side, role in ((0, Role.PAGE_HEADER), (1, Role.PAGE_FOOTER)):
        for p in range(page_count):
            here = _outward(_edges(per_page[p])[side], side)
            for q in range(max(0, p - LOOKBACK), p):
                there = _outward(_edges(per_page[q])[side], side)
                for k, i in enumerate(here):
                    for m, j in enumerate(there):
                        # Furniture keeps its place: the same distance from the page edge,
                        # give or take one line (a date line present on some pages only).
                        if abs(k - m) > 1 or i not in keys or j not in keys:
                            continue
                        why = similar(keys[i], keys[j])
                        if why is None:
                            continue
                        if not why.startswith("same text") and (
                            _sentence(texts[i]) or len(texts[i].split()) > MAX_HEAD_WORDS
                        ):
                            continue  # merely alike: only short, open lines may differ
                        for a, b, pa in ((i, j, q), (j, i, p)):
                            partners[a].add(pa)
                            if a not in found:
                                found[a] = (
                                    role,
                                    f"{why} as line {b + 1} on page {pa + 1}",
                                    b,
                                )
    for i, (role, why, partner) in sorted(found.items()):
        if labels.roles[i] is not None:
            continue
        if _sentence(texts[i]) and len(partners[i]) < 2:
            continue  # a sentence met on one other page only: a repeated body line
        where = "top" if role is Role.PAGE_HEADER else "bottom"
        evidence = f"at the {where} of page {pages[i] + 1}; {why}"
        # A glued page number advances with the pages (a year in a date line does not).
        number, other = glued_number(texts[i]), glued_number(texts[partner])
        if (
            number is not None
            and other is not None
            and other - number == (pages[partner] - pages[i])
        ):
            evidence += f"; page number {number} on the same line"
        rule = "running-head" if role is Role.PAGE_HEADER else "running-foot"
        labels.label(i, role, rule, evidence, 0.9)
    _label_head_slots(lines, labels, per_page, language)


def _label_head_slots(
    lines: Lines, labels: LineLabels, per_page: list[list[int]], language: str
) -> None:
    """Rule ``running-head-slot``: the first line of a page, where the pages on both sides open
    with a running head, set in capitals or title case and open (no closing punctuation).

    Odd and even pages often carry different heads; in a short document the odd one may
    occur only once, so it has no twin to be compared with.  The page's neighbours vouch for
    the slot, the shape for the line.  The first and last pages have one neighbour only and
    are left alone (a chapter opening is a heading, not a head).
    """
    texts = lines.texts
    for p, page in enumerate(per_page):
        if not page or labels.roles[page[0]] is not None:
            continue
        i = page[0]
        text = texts[i]
        if not _furniture_shaped(text) or closed(text) or len(text.split()) > 10:
            continue
        if not (is_caps(text) or is_title_case(text, language)):
            continue
        sides = [q for q in (p - 1, p + 1) if 0 <= q < len(per_page) and per_page[q]]
        if len(sides) < 2 or not all(
            labels.roles[per_page[q][0]] is Role.PAGE_HEADER for q in sides
        ):
            continue
        pages = " and ".join(str(q + 1) for q in sides)
        labels.label(
            i,
            Role.PAGE_HEADER,
            "running-head-slot",
            f"first line of page {p + 1}, open and in capitals or title case; pages {pages} "
            "open with a running head",
            0.7,
        )


def label_page_numbers(lines: Lines, labels: LineLabels, pages: list[int], page_count: int) -> None:
    """Rules ``page-number-sequence`` and ``page-number-format``.

    A line at a page edge that reads as a page number (:func:`page_number`) is labelled when a
    nearby page has one of the same style on the same edge whose value differs by the distance
    between the pages (7 on page 3, 8 on page 4): a numbered list or a table column does not
    advance with the pages.  Without such a partner, only the unmistakable shapes ("Page 7 of
    40", "- 7 -") on the outermost line of a page are labelled.
    """
    texts = lines.texts
    per_page = _page_lines(pages, lines.blank, page_count)
    # (page, side) -> list of (line, distance from the page edge, value, style)
    found: dict[tuple[int, int], list[tuple[int, int, int, str]]] = defaultdict(list)
    for p, page in enumerate(per_page):
        for side, edge in enumerate(_edges(page)):
            for k, i in enumerate(_outward(edge, side)):
                parsed = page_number(texts[i])
                if parsed is not None and labels.roles[i] is None:
                    found[(p, side)].append((i, k, parsed[0], parsed[1]))
    chosen: dict[int, tuple[str, str, float]] = {}
    for (p, side), items in found.items():
        for i, k, value, style in items:
            for q in range(max(0, p - LOOKBACK), min(page_count, p + LOOKBACK + 1)):
                if q == p:
                    continue
                for j, m, other, other_style in found.get((q, side), ()):
                    # Same style, same place (give or take a line), and the value advances
                    # with the pages: a numbered list has the first two, never the third.
                    same_place = abs(k - m) <= 1
                    if same_place and other_style == style and other - value == q - p:
                        chosen[i] = (
                            "page-number-sequence",
                            f"{style} page number {value} on page {p + 1}; "
                            f"{other} on page {q + 1} (line {j + 1}) continues the sequence",
                            0.9,
                        )
                        break
                if i in chosen:
                    break
            outermost = i == (per_page[p][0] if side == 0 else per_page[p][-1])
            if i not in chosen and outermost and style in ("worded", "dashed"):
                chosen[i] = (
                    "page-number-format",
                    f'"{texts[i].strip()}" reads as a page number and is the '
                    f"{'first' if side == 0 else 'last'} line of page {p + 1}",
                    0.75,
                )
    for i, (rule, evidence, confidence) in sorted(chosen.items()):
        labels.label(i, Role.PAGE_NUMBER, rule, evidence, confidence)


def _regular(gaps: list[int]) -> bool:
    """Gaps that come from a page period: near the median, or near twice it.

    The last gap may be short (a footer on a short last page) and so may the first (a head
    on a short first page); the median is taken without them when there are enough gaps.
    """
    inner = gaps[1:-1] if len(gaps) >= 4 else gaps
    m = median(inner)
    if m < MIN_PERIOD:
        return False
    for k, g in enumerate(gaps):
        r = g / m
        if abs(r - 1) <= PERIOD_TOLERANCE or abs(r - 2) <= 2 * PERIOD_TOLERANCE:
            continue
        if (k == 0 or k == len(gaps) - 1) and MIN_PERIOD <= g < m:
            continue
        return False
    return True


def infer_pages(lines: Lines) -> tuple[list[int], int, str]:
    """Pages cut at furniture that recurs with a regular period, for input without form feeds.

    Returns ``(pages, page_count, evidence)``; with nothing periodic, one page and an empty
    evidence.  Page numbers must also advance with their occurrences.  A recurring line that
    mostly follows other furniture (or opens the document) is a running head: a page starts
    at it; one that is mostly followed by other furniture (or ends the document) is a footer:
    a page ends after it.  On a tie, a line whose first occurrence is nearer the start of the
    document than its last is to the end is a head.

    >>> from reflow.lines import split_lines
    >>> body = "A line of body text, wrapped.\\n" * 12
    >>> text = "".join(f"MY BOOK {n}\\n{body}" for n in range(1, 5))
    >>> pages, count, why = infer_pages(split_lines(text))
    >>> count, pages[0], pages[13], why
    (4, 0, 1, '"my book" every 13 lines (4 times), running head')
    """
    texts, blank = lines.texts, lines.blank
    n = len(texts)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    numbers: dict[int, int] = {}
    # Each candidate line's group, in line order; the head keys of the "line" groups are made
    # afterwards in one batch (head_keys), the groups filled in line order as before.
    order: list[tuple[int, tuple[str, str] | None]] = []
    # page_number is None for a line without a digit that is longer than a roman numeral
    # (8 characters stripped, _short_page_number): the lines it may accept picked in C, so
    # that most lines skip its call and its cache.
    numeric = list(
        map(
            or_,
            map(bool, map(_DIGIT.search, texts)),
            map(ge, repeat(8), map(len, map(str.strip, texts))),
        )
    )
    for i in range(n):
        if blank[i] or len(texts[i]) > MAX_FURNITURE_CHARS + 40:
            continue
        parsed = page_number(texts[i]) if numeric[i] else None
        if parsed is not None:
            numbers[i] = parsed[0]
            order.append((i, ("number", parsed[1])))
        elif _furniture_shaped(texts[i]) and len(texts[i].split()) <= MAX_HEAD_WORDS:
            order.append((i, None))
    keys = iter(head_keys([texts[i] for i, group in order if group is None]))
    for i, group in order:
        groups[group if group is not None else ("line", next(keys))].append(i)
    nonblank = [i for i in range(n) if not blank[i]]
    if not nonblank:
        return [0] * n, 1 if n else 0, ""
    first, last = nonblank[0], nonblank[-1]
    periodic: list[tuple[str, list[int], int]] = []  # (name, occurrences, period)
    for (kind, key), where in groups.items():
        if len(where) < MIN_REPEATS:
            continue
        gaps = [b - a for a, b in pairwise(where)]
        if not _regular(gaps):
            continue
        if kind == "number":
            steps = [numbers[b] - numbers[a] for a, b in pairwise(where)]
            period = median(gaps)
            if any(s != round(g / period) or s < 1 for s, g in zip(steps, gaps, strict=False)):
                continue
        name = f"{key} page numbers" if kind == "number" else f'"{key}"'
        periodic.append((name, where, round(median(gaps))))
    if not periodic:
        return [0] * n, 1 if n else 0, ""
    group_of = {i: g for g, (_, where, _) in enumerate(periodic) for i in where}
    # The nearest non-blank line before and after each occurrence, in one pass each way.
    before: dict[int, int] = {}
    after: dict[int, int] = {}
    prev = -1
    for i in nonblank:
        if i in group_of:
            before[i] = prev
        if prev in group_of:
            after[prev] = i
        prev = i
    side: dict[int, bool] = {}  # line -> True for a head (page starts), False for a foot
    reasons: list[str] = []
    for g, (name, where, period) in enumerate(periodic):
        # A head follows the previous page's furniture (or opens the document); a foot is
        # followed by the next page's.  Votes decide; a tie falls back to the document's ends.
        head_votes = sum(1 for i in where if before[i] < 0 or group_of.get(before[i], g) != g)
        foot_votes = sum(1 for i in where if i not in after or group_of.get(after[i], g) != g)
        if head_votes != foot_votes:
            head = head_votes > foot_votes
        else:
            head = where[0] - first <= last - where[-1]
        for i in where:
            side[i] = head
        reasons.append(
            f"{name} every {period} lines ({len(where)} times), "
            f"{'running head' if head else 'running foot'}"
        )
    if not side:
        return [0] * n, 1 if n else 0, ""
    pages = [0] * n
    page = 0
    body_seen = False  # the current page has a line that is not its furniture
    prev_furniture_head = False
    for i in range(n):
        if not blank[i] and side.get(i) is True and not prev_furniture_head and body_seen:
            page += 1
            body_seen = False
        pages[i] = page
        if blank[i]:
            continue
        if i in side:
            prev_furniture_head = side[i]
            if side[i] is False and not _next_is_foot(i, nonblank, side):
                page += 1 if i != last else 0
                body_seen = False
        else:
            prev_furniture_head = False
            body_seen = True
    return pages, pages[-1] + 1, "; ".join(sorted(reasons))


def _next_is_foot(i: int, nonblank: list[int], side: dict[int, bool]) -> bool:
    """Is the next non-blank line after *i* also a footer line (foot + page number)?"""
    # nonblank is sorted; a bisect keeps this O(log n) per footer line.
    k = bisect_right(nonblank, i)
    return k < len(nonblank) and side.get(nonblank[k]) is False


# ---------------------------------------------------------------------------------------------
# Furniture away from the page edges.  pdfminer moves running heads, date lines and page numbers
# into the middle of a page (each a text box of its own, between blank lines); pypdf prints no
# page separator at all, so a short document has no pages to compare.  The rules below need no
# page edge: a date line's shape, a line repeated as a box of its own, a number beside a head.


class _DatePatterns:
    """Weekday and month names of one language and English (CLDR, see
    :func:`reflow.data.languages.date_words`; every language's for an unknown one), and the
    date at the end of a line built from them."""

    def __init__(self, language: str) -> None:
        self.weekdays, self.months = date_words(language)
        wd = alternation(self.weekdays)
        mo = alternation(self.months)
        # A full date at the end of a line: "Friday, 14 November 2025", "Montag, 3. März 2025",
        # "Lunes, 3 de marzo de 2025", "Friday, November 14, 2025", "3 mars 2025",
        # "14 d’octubre de 2025", "14 ноября 2025 г.", and year first: "2025. november 14."
        # (Hungarian), "2025 m. lapkričio 14 d." (Lithuanian), "2025. gada 14. novembris"
        # (Latvian), these two with the weekday after the date ("2025. július 6., vasárnap",
        # "2025 m. liepos 6 d., sekmadienis").  No nested quantifiers; the alternatives are
        # word lists, so matching is linear.
        self.date_at_end = re.compile(
            rf"(?:^|\s)(?P<date>(?:(?P<wd>{wd}),? )?"
            rf"(?:\d{{1,2}}\.? (?:de |d['’])?(?:{mo})(?:(?: de)?,? (?P<y1>\d{{4}})(?: [гр]\.)?)?"
            rf"|(?:{mo}) \d{{1,2}}(?:,? (?P<y2>\d{{4}}))?"
            rf"|(?P<y3>\d{{4}})(?:\.| m\.) (?:{mo}) \d{{1,2}}(?:\.| d\.)?(?:,? (?P<wd3>{wd}))?"
            rf"|(?P<y4>\d{{4}})\. gada \d{{1,2}}\. (?:{mo})))$",
            re.IGNORECASE,
        )
        # A day and month anywhere in a line, the year after them if printed: the issue date
        # of a masthead, often with more on its line ("DONNERSTAG, 1. APRIL 1943 ‧
        # EINZELVERKAUFSPREIS 10 RPF.") or its year on the next line ("10. Januar" / "1931").
        # Word lists and bounded digit runs, no nested quantifiers: linear.
        self.date_inside = re.compile(
            rf"(?<!\w)(?:\d{{1,2}}\.? (?:de |d['’])?(?:{mo})(?!\w)(?:,? (?P<y1>\d{{4}})(?!\d))?"
            rf"|(?:{mo}) \d{{1,2}}(?!\d)(?:,? (?P<y2>\d{{4}})(?!\d))?)",
            re.IGNORECASE,
        )


@lru_cache(maxsize=64)
def _date_patterns(language: str) -> _DatePatterns:
    return _DatePatterns(language)


_DIGIT = re.compile(r"\d")
#: What may follow the day or the year of a date: "г." (Russian, Bulgarian year), "р."
#: (Ukrainian year), "d." (Lithuanian day).
_DATE_SUFFIXES = frozenset({"г.", "р.", "d.", "Г.", "Р."})
#: Characters at the end of a line searched for a date: the longest date form read here
#: ("Wednesday, 14 September 2025", "miércoles, 14 de septiembre de 2025") is 37 characters.
DATE_TAIL_CHARS = 48
#: A date line has at most this many words before its date (a publication name; the longest
#: name in our constructed cases and the evaluation corpus has 4 words).
MAX_DATELINE_PREFIX_WORDS = 6


def dateline(text: str, language: str = "en") -> str | None:
    """The date when ``text`` reads as a newspaper's date line, else None.

    The line ends with a date (day and month name, and a year unless a weekday leads it:
    "Domingo, 6 de julio"), and either the date has a weekday or the line is only the date;
    what stands before the date (a publication name) has at most
    :data:`MAX_DATELINE_PREFIX_WORDS` words and does not end with a function word (a wrapped
    body line "... released on Friday, 14 May 2021" does).

    >>> dateline("THE DAILY EXAMPLE Friday, 14 November 2025")
    'Friday, 14 November 2025'
    >>> dateline("Montag, 3. März 2025", "de"), dateline("3 mars 2025", "fr")
    ('Montag, 3. März 2025', '3 mars 2025')
    >>> dateline("El Correo Domingo, 6 de julio", "es"), dateline("6 de julio", "es")
    ('Domingo, 6 de julio', None)
    >>> dateline("was released on Friday, 14 May 2021") is None
    True
    >>> dateline("ВЕСТИ Пятница, 14 ноября 2025 г.", "ru"), dateline("2025. november 14.", "hu")
    ('Пятница, 14 ноября 2025 г.', '2025. november 14.')
    >>> dateline("Heti Közlöny 2025. július 6., vasárnap", "hu")
    '2025. július 6., vasárnap'
    """
    if len(text) > 2 * MAX_FURNITURE_CHARS:
        return None  # far too long for a date line; spare a long line the split and join
    if _DIGIT.search(text) is None:
        # Every date this reads has a day number: most lines end here, before the split and
        # join (the normalised line has the same digits).
        return None
    norm = " ".join(text.split())
    if not norm or len(norm) > MAX_FURNITURE_CHARS:
        return None
    last_word = norm[norm.rfind(" ") + 1 :]
    dates = _date_patterns(language)
    if not (
        last_word.rstrip(".").isdigit()
        or last_word in _DATE_SUFFIXES
        or last_word.lower() in dates.months
        or last_word.lower() in dates.weekdays  # "2025. július 6., vasárnap"
    ):
        return None  # every date read here ends in its year, its day or its month name
    # The date is at the end: search only the last words (a word-list alternation tried at
    # every position of a long line is the costliest regex of the stage).
    tail = norm.find(" ", max(0, len(norm) - DATE_TAIL_CHARS))
    m = dates.date_at_end.search(norm, tail if tail > 0 and len(norm) > DATE_TAIL_CHARS else 0)
    if m is None:
        return None
    before = norm[: m.start("date")].split()
    has_year = any(m.group(y) for y in ("y1", "y2", "y3", "y4"))
    if m.group("wd") is None and m.group("wd3") is None and (before or not has_year):
        return None  # without a weekday, only a whole line of day, month and year
    if len(before) > MAX_DATELINE_PREFIX_WORDS:
        return None
    if before:
        last = before[-1].lower()
        if last in function_words(language) or last in function_words("en") or last[-1] in ",;:-":
            return None
    return m.group("date")


def _neighbours(lines: Lines, i: int) -> tuple[int, int]:
    """The nearest non-blank lines before and after *i* (-1 / len(lines) when none)."""
    blank, n = lines.blank, len(lines)
    a = i - 1
    while a >= 0 and blank[a]:
        a -= 1
    b = i + 1
    while b < n and blank[b]:
        b += 1
    return a, b


def _alone(lines: Lines, i: int) -> bool:
    """A text box of its own: a blank line (or the text's edge) directly above and below."""
    n = len(lines)
    return (i == 0 or lines.blank[i - 1]) and (i == n - 1 or lines.blank[i + 1])


#: Other lines named in the evidence of a repeated line; the rest are counted ("and 3,995
#: more").  Listing all of them made the evidence of k repeats k*k numbers: a fuzz run found
#: 4,000 repeats of one line giving 94 MB of evidence (tests/test_hostile.py).  With six, no
#: evidence changed on the 784 committed inputs (eval/same_output.py --check: 0 differences).
MAX_LISTED = 6


def _line_list(listed: list[int], total: int) -> str:
    """1-based line numbers of ``listed[:MAX_LISTED]``, and how many of ``total`` are left.

    >>> _line_list([3, 9], 2), _line_list(list(range(10)), 10)
    ('4, 10', '1, 2, 3, 4, 5, 6 and 4 more')
    """
    shown = listed[:MAX_LISTED]
    text = ", ".join(str(j + 1) for j in shown)
    return f"{text} and {total - len(shown):,} more" if total > len(shown) else text


def label_loose_furniture(
    lines: Lines, labels: LineLabels, pages: list[int], page_count: int, language: str = "en"
) -> None:
    """Rules ``dateline``, ``masthead``, ``running-head-repeated``, ``page-number-alone``,
    ``page-number-beside-head`` and ``page-number-last``: furniture found without comparing
    page edges.

    * ``dateline``: a line that reads as a date line (:func:`dateline`) at a page edge, or
      standing alone between blank lines, or beside a line shaped like a page number.
    * ``masthead``: the first line of a page right above a date line, short and open.
    * ``running-head-repeated``: a short open line that stands alone (between blank lines, or
      at a page edge), recurs the same (digits masked) at least :data:`MIN_LOOSE_GAP` lines
      away also alone, and one of its occurrences is at a page edge.
    * ``page-number-alone``: a worded page number ("Seite 2") alone between blank lines.
    * ``page-number-beside-head``: a page number right above or below a labelled head or foot.
    * ``page-number-last``: a bare number as the last line of a page of at least
      :data:`MIN_PERIOD` lines, the line above it not a number too.

    One pass over the lines plus a dictionary of keys: linear.
    """
    texts, blank = lines.texts, lines.blank
    n = len(texts)
    per_page = _page_lines(pages, blank, max(page_count, 1))
    edge: set[int] = set()
    first_of_page: set[int] = set()
    last_of_page: set[int] = set()
    for page in per_page:
        edge.update(page[:EDGE])
        edge.update(page[-EDGE:])
        if page:
            first_of_page.add(page[0])
            last_of_page.add(page[-1])
    # Every date line and every page number but a roman one has a digit: the lines that do,
    # picked in C, are all that the date and page-number loops visit (speed, issue 10).
    digit_lines = list(compress(range(n), map(_DIGIT.search, texts)))
    # Date lines.
    for i in digit_lines:
        if blank[i] or labels.roles[i] is not None:
            continue
        date = dateline(texts[i], language)
        if date is None:
            continue
        a, b = _neighbours(lines, i)
        where = (
            "at a page edge"
            if i in edge
            else "alone between blank lines"
            if _alone(lines, i)
            else "beside a page number"
            if any(0 <= j < n and page_number(texts[j]) for j in (a, b))
            else None
        )
        if where is None:
            continue
        labels.label(i, Role.PAGE_HEADER, "dateline", f'ends with the date "{date}", {where}', 0.8)
        # The publication's name printed above the date, at the top of the page.
        if a >= 0 and a in first_of_page and labels.roles[a] is None:
            head = texts[a].strip()
            if (
                _furniture_shaped(head)
                and len(head.split()) <= MAX_DATELINE_PREFIX_WORDS
                and not _sentence(head)
                and page_number(head) is None
            ):
                labels.label(
                    a,
                    Role.PAGE_HEADER,
                    "masthead",
                    f"first line of page {pages[a] + 1}, right above the date line",
                    0.7,
                )
    # Lines repeated as boxes of their own.
    groups: dict[str, list[int]] = defaultdict(list)
    # The lines _alone passes (blank or the text's edge above and below), in C, and the edges.
    alone = map(and_, [True, *blank[:-1]], [*blank[1:], True])
    for i in sorted(edge.union(compress(range(n), alone))):
        if blank[i] or not (_alone(lines, i) or i in edge):
            continue
        text = texts[i]
        if not _furniture_shaped(text) or _sentence(text) or len(text.split()) > MAX_HEAD_WORDS:
            continue
        if page_number(text) is not None:
            continue
        groups[head_key(text)].append(i)
    for key, where in groups.items():
        if len(where) < 2 or where[-1] - where[0] < MIN_LOOSE_GAP:
            continue
        if not any(i in edge for i in where):
            continue
        for i in where:
            if labels.roles[i] is None:
                others = _line_list([j for j in where[: MAX_LISTED + 1] if j != i], len(where) - 1)
                labels.label(
                    i,
                    Role.PAGE_HEADER,
                    "running-head-repeated",
                    f'"{key}" stands alone here and again on line(s) {others}, once at a page edge',
                    0.75,
                )
    # Page numbers: a line with a digit, or a roman numeral (at most 8 characters stripped).
    short = compress(range(n), map(ge, repeat(8), map(len, map(str.strip, texts))))
    for i in sorted(set(digit_lines).union(short)):
        if blank[i] or labels.roles[i] is not None:
            continue
        parsed = page_number(texts[i])
        if parsed is None:
            continue
        value, style = parsed
        a, b = _neighbours(lines, i)
        beside = [j for j in (a, b) if 0 <= j < n and labels.roles[j] in _HEADS]
        if style == "worded" and _alone(lines, i):
            rule, why = "page-number-alone", "a worded page number alone between blank lines"
        elif beside and style != "roman":
            rule, why = (
                "page-number-beside-head",
                f"next to the running head on line {beside[0] + 1}",
            )
        elif (
            style == "arabic"
            and i in last_of_page
            and len(per_page[pages[i]]) >= MIN_PERIOD
            and not (a >= 0 and page_number(texts[a]))
        ):
            rule, why = "page-number-last", f"a bare number ending page {pages[i] + 1}"
        else:
            continue
        labels.label(i, Role.PAGE_NUMBER, rule, f'"{value}": {why}', 0.7)


#: Two occurrences of a repeated box are at least this many lines apart (a page holds at least
#: MIN_PERIOD lines; a heading repeated in the next paragraph is nearer).
MIN_LOOSE_GAP = MIN_PERIOD
_HEADS = frozenset({Role.PAGE_HEADER, Role.PAGE_FOOTER})


# ---------------------------------------------------------------------------------------------
# A newspaper's masthead on its first page: the title, the imprint (publisher, prices,
# subscription terms) and the issue line, above the first article.

#: A volume or issue number, the one thing every newspaper prints in its masthead: "Jahrgang 1",
#: "7. Jahrgang", "Jahrg. 1", "Nummer 242", "Nr. 539", "No. 12", "Vol. 3", "N° 5", "Année 12".
#: The words are every language's (reflow.data.languages.ISSUE_WORDS: the Citation Style
#: Language's locale terms and a few more, each list says where it came from).  Word lists are
#: alternations and the number is bounded: linear.  Tuned on hkb-newspaper.
_ISSUE_WORD = alternation(ISSUE_WORDS)
_ISSUE = re.compile(
    rf"(?:(?<!\w)(?:{_ISSUE_WORD})\s?\d{{1,4}}\b"
    rf"|\b\d{{1,3}}\.\s?(?:{'|'.join(sorted(ISSUE_AFTER_ORDINAL))})\b)",
    re.IGNORECASE,
)
_ANY_DIGIT = re.compile(r"\d")
#: Non-blank lines from the start of the text in which the issue line must stand: the
#: mastheads of hkb-newspaper run 2..18 lines above it (title, imprint of up to 12 lines).
MASTHEAD_LINES = 24
#: A masthead needs this many issue-number hits in that zone (volume and number: "Jahrgang 1"
#: / "Nummer 1", or "7. Jahrgang ... A/Nr. 539" on one line): one "Nr. 5" alone is as often
#: a reference in the text.
MASTHEAD_HITS = 2
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _issue_hits(text: str) -> int:
    """Volume and issue numbers in a line, their word printed with a capital ("Nummer 1",
    "NR. 5", "7. Jahrgang"): in prose the same words are lower case ("line number 3 of the
    page", "volume 2 of the report"), and the data's words include English "number", "issue"
    and "volume" (tests/test_readers.py: six body lines "... number 0 of the page ..." made a
    masthead of a page).

    >>> _issue_hits("7. Jahrgang / A/Nr. 539"), _issue_hits("body line number 3 of the page")
    (2, 0)
    """
    return sum(1 for m in _ISSUE.finditer(text) if not m.group(0)[0].islower())


#: Non-blank lines under a newspaper's issue line in which the issue's date must stand for the
#: lines between to be its imprint (rule ``masthead-imprint``): the imprints of hkb-newspaper
#: (1931: prices, subscription and liability terms, the place) run 14 lines between the issue
#: line and the date; 16 leaves two lines of slack and stays inside one column's first article.
IMPRINT_LINES = 16
#: An issue line found away from the top of the text (a later issue's front page in the same
#: text, rule ``masthead-issue``) has at most this many characters and no comma: "Nr. 3" /
#: "Jahrg. 1", "HAUPTAUSGABE MANNHEIM ‧ 13. JAHRGANG ‧ NUMMER 92" (48) on hkb-newspaper; a
#: reference "J. Chem. Phys. Vol. 12, No. 3" holds both words too, and its comma.
ISSUE_LINE_CHARS = 60


def _norm_line(text: str) -> str:
    return " ".join(text.split())


def _imprint_end(texts: list[str], below: list[int], language: str) -> int | None:
    """The line that ends a masthead's imprint: the first line among ``below`` (the non-blank
    lines under the issue line, at most :data:`IMPRINT_LINES`) that holds a day and a month,
    when that date has its year, on its line or as the whole next line ("10. Januar" /
    "1931"); None when the first date has no year (an article's date line, "Berlin, 31.
    August.": the masthead ended above it) or no date comes.

    >>> texts = ["Erscheint wöchentlich.", "Mannheim", "10. Januar", "1931", "Body."]
    >>> _imprint_end(texts, [0, 1, 2, 3, 4], "de")
    3
    >>> _imprint_end(["Berlin, 31. August.", "DONNERSTAG, 1. APRIL 1943"], [0, 1], "de") is None
    True
    """
    dates = _date_patterns(language)
    for k, i in enumerate(below[:IMPRINT_LINES]):
        text = texts[i]
        if len(text) > 2 * MAX_FURNITURE_CHARS or _ANY_DIGIT.search(text) is None:
            continue
        norm = _norm_line(text)
        m = dates.date_inside.search(norm)
        if m is None:
            continue
        if m.group("y1") or m.group("y2"):
            return i
        if m.end() == len(norm) and k + 1 < len(below):
            nxt = below[k + 1]
            if _YEAR.fullmatch(texts[nxt].strip()):
                return nxt
        return None
    return None


def _label_imprint(
    lines: Lines, labels: LineLabels, nonblank: list[int], k: int, issue: str, language: str
) -> None:
    """Rule ``masthead-imprint``: the lines under the issue line ``nonblank[k]`` down to the
    issue's date (:func:`_imprint_end`) are the masthead's imprint and date: page header."""
    texts = lines.texts
    below = nonblank[k + 1 : k + 2 + IMPRINT_LINES]
    end = _imprint_end(texts, below, language)
    if end is None:
        return
    for i in below:
        if i > end:
            break
        if labels.roles[i] is None:
            labels.label(
                i,
                Role.PAGE_HEADER,
                "masthead-imprint",
                f"between the issue line ({issue}) and the issue's date on line {end + 1}",
                0.7,
            )


#: Non-blank lines by which the repeated title of a masthead may stand nearer to or farther
#: from its issue line than on the first front page (an imprint line more or less).
TITLE_SLACK = 2


def _label_title_again(
    lines: Lines, labels: LineLabels, nonblank: list[int], k: int, title: list[int]
) -> None:
    """Rule ``masthead-again``: above a later issue line (``nonblank[k]``), the first front
    page's masthead repeated: a line like the first line of the text (:func:`similar`, digits
    masked), about as far above this issue line as the first masthead's title stood above its
    own, and every line from it down to the issue line."""
    if not title:
        return
    texts = lines.texts
    key = head_key(texts[title[0]])
    if not key or len(texts[title[0]]) > MAX_FURNITURE_CHARS:
        return
    span = len(title)
    for j in range(max(0, k - span - TITLE_SLACK), max(0, k - span + TITLE_SLACK + 1)):
        i = nonblank[j]
        if i <= title[-1] or len(texts[i]) > MAX_FURNITURE_CHARS:
            continue
        why = similar(head_key(texts[i]), key)
        if why is None:
            continue
        for b in range(j, k):
            if labels.roles[nonblank[b]] is None:
                labels.label(
                    nonblank[b],
                    Role.PAGE_HEADER,
                    "masthead-again",
                    f"the masthead of line {title[0] + 1} again ({why}), above the issue line "
                    f"on line {nonblank[k] + 1}",
                    0.7,
                )
        return


def label_masthead(lines: Lines, labels: LineLabels, language: str = "en") -> None:
    """Rule ``masthead-block``: the first lines of a text, down to its issue line (a volume and
    an issue number, :data:`MASTHEAD_HITS` hits among the first :data:`MASTHEAD_LINES` non-blank
    lines), and a place-and-date line right under it ("Mannheim, 21. November 1937": a year,
    at most 5 words), are the newspaper's masthead: page header.  Lines already labelled
    furniture keep their label; it runs before the heading rules (the masthead's title is set
    like a headline).

    Rule ``masthead-issue``: away from the top, :data:`MASTHEAD_HITS` hits on one line or two
    adjacent ones, each short (:data:`ISSUE_LINE_CHARS`) without a comma ("Nr. 3" / "Jahrg.
    1"), are the issue line of another front page in the same text (an export of several
    pages without form feeds), when the issue's date follows (:func:`_imprint_end`).

    Rule ``masthead-imprint``: under either issue line, the lines down to the issue's date
    with its year (:func:`_imprint_end`): the imprint (prices, subscription terms, place)
    that some mastheads print between the issue line and the date.

    Tuned on ``hkb-newspaper`` (the only newspaper among the real sources; the imprint and
    issue rules on its 1931 and 1943 front pages).
    """
    texts, blank, roles = lines.texts, lines.blank, labels.roles
    nonblank = list(compress(range(len(texts)), map(not_, blank)))
    top = nonblank[:MASTHEAD_LINES]
    # Every match of _ISSUE holds a digit: a line without one (most) has no hit, told by a
    # C-level search instead of the issue-word alternation tried at every position (issue 10).
    hits = [
        (i, _issue_hits(texts[i]) if _ANY_DIGIT.search(texts[i]) else 0)
        for i in top
        if len(texts[i]) <= 200
    ]
    top_end = -1
    title: list[int] = []  # the first masthead's lines above its issue line
    if sum(h for _, h in hits) >= MASTHEAD_HITS:
        last = max(i for i, h in hits if h)
        k = top.index(last)
        title = top[: top.index(min(i for i, h in hits if h))]
        dated = False
        if k + 1 < len(top):
            nxt = texts[top[k + 1]].strip()
            if len(nxt.split()) <= 5 and _YEAR.search(nxt[-12:]):
                last = top[k + 1]
                dated = True
        issue = "; ".join(texts[i].strip() for i, h in hits if h)[:80]
        for i in top:
            if i > last:
                break
            if roles[i] is None:
                labels.label(
                    i,
                    Role.PAGE_HEADER,
                    "masthead-block",
                    f"line {i + 1} of the text, above or on its issue line ({issue})",
                    0.75,
                )
        if not dated:
            _label_imprint(lines, labels, nonblank, k, issue, language)
        top_end = last
    # Issue lines of later front pages: short lines with a digit, no comma (picked in C).
    short = [
        k
        for k, i in enumerate(nonblank)
        if i > top_end
        and len(texts[i]) <= ISSUE_LINE_CHARS
        and "," not in texts[i]
        and _ANY_DIGIT.search(texts[i])
    ]
    line_hits = {k: _issue_hits(texts[nonblank[k]]) for k in short}
    k_done = -1
    for k in short:
        if k <= k_done or not line_hits[k]:
            continue
        block = [k]
        if line_hits[k] < MASTHEAD_HITS and line_hits.get(k + 1):
            block.append(k + 1)
        if sum(line_hits[b] for b in block) < MASTHEAD_HITS:
            continue
        k_done = block[-1]
        issue = "; ".join(texts[nonblank[b]].strip() for b in block)[:80]
        below = nonblank[k_done + 1 : k_done + 2 + IMPRINT_LINES]
        if _imprint_end(texts, below, language) is None:
            continue  # no issue date under it: a reference or a table, not a masthead
        for b in block:
            i = nonblank[b]
            if roles[i] is None:
                labels.label(
                    i,
                    Role.PAGE_HEADER,
                    "masthead-issue",
                    f"volume and issue number ({issue}), the issue's date below",
                    0.7,
                )
        _label_imprint(lines, labels, nonblank, k_done, issue, language)
        _label_title_again(lines, labels, nonblank, k, title)
    _label_issue_heads(lines, labels, nonblank)


#: Non-blank lines between a worded page number and the issue line of the same running head
#: at most ("Nr. 3/1931" / "Das Hakenkreuz⸗Banner" / "Seite 3" on hkb-newspaper: one, the
#: paper's name).
ISSUE_HEAD_GAP = 1


def _label_issue_heads(lines: Lines, labels: LineLabels, nonblank: list[int]) -> None:
    """Rule ``issue-beside-page-number``: a worded page number alone on its line ("Seite 3")
    with an issue line ("Nr. 3/1931": one issue hit, short, no comma) at most
    :data:`ISSUE_HEAD_GAP` lines away: the running head of a newspaper's inner page, page
    number, issue line and the short line between them (the paper's name).  Either alone is
    as often in the text (a reference "S. 5", an address "Nr. 7"); the two together are the
    head.  Tuned on ``hkb-newspaper``."""
    texts, roles = lines.texts, labels.roles
    n = len(nonblank)
    for k, i in enumerate(nonblank):
        text = texts[i]
        if len(text) > 20 or _ANY_DIGIT.search(text) is None:
            continue
        parsed = page_number(text)
        if parsed is None or parsed[1] != "worded" or roles[i] not in (None, Role.PAGE_NUMBER):
            continue
        for step in (-1, 1):
            for gap in range(ISSUE_HEAD_GAP + 1):
                j = k + step * (gap + 1)
                if not 0 <= j < n:
                    break
                t = texts[nonblank[j]]
                if len(t) > ISSUE_LINE_CHARS or "," in t or not _issue_hits(t):
                    continue
                between = [nonblank[b] for b in range(min(j, k) + 1, max(j, k))]
                if any(len(texts[b].split()) > MAX_DATELINE_PREFIX_WORDS for b in between):
                    continue
                issue = t.strip()
                if roles[i] is None:
                    labels.label(
                        i,
                        Role.PAGE_NUMBER,
                        "issue-beside-page-number",
                        f'"{parsed[0]}": a worded page number, the issue line "{issue}" beside it',
                        0.75,
                    )
                for b in [*between, nonblank[j]]:
                    if roles[b] is None:
                        labels.label(
                            b,
                            Role.PAGE_HEADER,
                            "issue-beside-page-number",
                            f'running head with the issue line "{issue}" and the page number on '
                            f"line {i + 1}",
                            0.75,
                        )
                break
