"""Rules for captions, photo credits, source notes, agency credits and jump lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, not_, or_

from reflow.data.languages import caption_words
from reflow.model import Role
from reflow.structure.headings import section_numbers
from reflow.structure.view import DocView, blank_before
from reflow.structure.words import closed

_AGENCIES = (
    "Reuters|AP|AFP|dpa|DPA|EFE|Kyodo|Xinhua|ANSA|Bloomberg|UPI|Europa Press|Jiji|Yonhap|KNA"
)
_PHOTO_BY = re.compile(r"(?:Photo by|Photos by|Foto von|Photo de|Foto de|Foto:) ?\S", re.I)
_AGENCY_CREDIT = re.compile(rf"\((?:{_AGENCIES})(?: ?/ ?[A-Za-z]{{2,20}})?\)")
_PHOTO_CREDIT = re.compile(
    rf"(?:{_AGENCIES.upper()}|{_AGENCIES}|Getty Images|AP Photo) ?/ ?[^\s/][^/]{{0,40}}"
    r"|(?:©|\(c\)|Copyright) ?\S.{0,60}"
)
_JUMP = re.compile(
    r"\(?(?:Continued|Cont'd|Continues|See|Fortsetzung|Weiter|Suite|Voir|Continúa|Sigue)"
    r"\b.{0,40}\b(?:page|p\.|Seite|S\.|página|pág\.) ?[A-Z]?\d{1,3}\)?\.?",
    re.IGNORECASE,
)


def _alternation(words: list[str], capitalise: bool = False) -> str:
    """Longest first, so that "Photos" is tried before "Photo"; word lists only, so matching
    stays linear."""
    if capitalise:
        words = [w[:1].upper() + w[1:] for w in words]
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class _Patterns:
    """The caption patterns of one language (its words and the earlier lists' words; every
    language's for an unknown one): see :func:`reflow.data.languages.caption_words`."""

    def __init__(self, language: str) -> None:
        caption, numbered, source = caption_words(language)
        self.caption = re.compile(
            rf"(?:{_alternation(caption)})(?: \d{{1,3}}[a-z]?)? ?[:|—–] ?\S", re.IGNORECASE
        )
        # Case-sensitive: "Figure 3. ..." and "Tabelle 2: ..." start upper case.
        self.numbered = re.compile(
            rf"(?:{_alternation(numbered, capitalise=True)}) \d{{1,3}}(?:\.\d{{1,3}})?[a-z]?[.:] \S"
        )
        # Real forms of a numbered caption (issue 9): "Fig. 1 Distribution ..." without a stop,
        # "FIGURE 1.", "Fig. (1).", "Tab. II", "Scheme 1." alone or before a capital.  A lower
        # case word after the number is body that cites the figure ("Fig. 1 shows ..."); a
        # section number ("Tableau 11.2.", "Table 3.1 is") is left to the strict pattern.
        self.loose = re.compile(
            rf"(?:{_alternation(numbered, capitalise=True)}|{_alternation(_upper(numbered))})"
            r" (?:\(\d{1,3}\)|\d{1,3}[a-z]?|[IVXLC]{1,6})"
            r"(?:[.:]? (?=[A-Z])|[.:]?$)"
        )
        # "Sources: ...", "Quelle: ..." (upper case first letter, as before).
        self.source = re.compile(rf"(?:{_alternation(source, capitalise=True)}) ?: ?\S")
        #: Every caption pattern as one alternation, tried with ``match`` first: one C-level
        #: call settles the common line (no caption, credit, note or jump line starts there); a
        #: line that a pattern fully matches also matches it at its start, so nothing is lost.
        self.any_start = re.compile(
            "|".join(
                f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
                for p in (
                    self.caption,
                    self.numbered,
                    self.loose,
                    _PHOTO_BY,
                    self.source,
                    _AGENCY_CREDIT,
                    _PHOTO_CREDIT,
                    _JUMP,
                )
            )
        )


def _after_block(doc: DocView, i: int) -> bool:
    """A blank line, a label or a closed sentence above line i: a loose caption form
    ("Figure 2.", "Fig. 1 Honey") there starts a caption, not the last line of a sentence
    that cites the figure ("as shown in" / "Figure 2.")."""
    k = i - 1
    while k >= 0 and doc.lines.blank[k]:
        k -= 1
    return k < 0 or k < i - 1 or doc.labels.roles[k] is not None or doc.closed_lines[k]


def _upper(words: list[str]) -> list[str]:
    """The words in capitals ("FIGURE", "FIG.", "TAB."): captions set in capitals."""
    return [w.upper() for w in words]


@lru_cache(maxsize=64)
def _patterns(language: str) -> _Patterns:
    return _Patterns(language)


def rule_captions(doc: DocView) -> None:
    """Rules ``caption-prefix``, ``credit``, ``source-note``, ``agency-credit``, ``jump-line``.

    A line that begins like a caption ("Photo: ...", "Figure 3. ...", "Abb. 2: ...") is a
    caption; a photo credit ("REUTERS/Jane Doe", "© 2022 ...") too.  "Source: ..." and an
    agency credit alone on a line ("(Reuters)") are ``other``; so is a jump line ("Continued on
    page 7").  A caption that stands as a block of its own (blank lines or labelled lines
    around it) takes its next lines with it, up to 3 in all, when they do not start a sentence
    of the body (precision: inside running text only the first line is labelled).
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    p = _patterns(doc.language)
    stripped = doc.stripped
    # Candidates picked in C: a line whose stripped text any_start matches, or one that the
    # loop normalises first (doubled spaces, tabs, no-break spaces: not printable), whose
    # normalised text may match where its stripped text does not.  Every other line is left
    # by the loop's any_start test on its stripped text, so the loop need not visit it (the
    # regex still runs on every line, but from C, without the loop's other steps).
    # Most documents have neither kind of line: two C-level scans of the lines joined by a
    # printable non-space character say so (no "  " forms across a join), and then the
    # regex alone picks the candidates, without the four per-line steps of the other test.
    joined = "a".join(stripped)
    maybe: Iterable[object]
    if "  " in joined or not joined.isprintable():
        maybe = map(
            or_,
            map(bool, map(p.any_start.match, stripped)),
            map(
                or_,
                map(not_, map(str.isprintable, stripped)),
                map(contains, stripped, repeat("  ")),
            ),
        )
    else:
        maybe = map(p.any_start.match, stripped)
    del joined
    for i in compress(range(len(texts)), maybe):
        if blank[i] or roles[i] is not None:
            continue
        text = texts[i]
        t = text.strip()
        if "  " in t or not t.isprintable():
            t = " ".join(t.split())  # tabs, no-break or doubled spaces: one space each
        if len(t) > 300:
            continue  # a whole paragraph on one line
        if not p.any_start.match(t):
            continue
        found: tuple[Role, str, str, float] | None = None
        if (
            p.caption.match(t)
            or p.numbered.match(t)
            or _PHOTO_BY.match(t)
            or (p.loose.match(t) and _after_block(doc, i))
        ):
            found = (Role.CAPTION, "caption-prefix", f'begins "{t.split()[0]}"', 0.85)
        elif _PHOTO_CREDIT.fullmatch(t):
            found = (Role.CAPTION, "credit", "reads as a photo credit", 0.8)
        elif p.source.match(t):
            found = (Role.OTHER, "source-note", f'begins "{t.split()[0]}"', 0.8)
        elif _AGENCY_CREDIT.fullmatch(t):
            found = (Role.OTHER, "agency-credit", "a news agency alone in brackets", 0.8)
        elif len(t) <= 80 and _JUMP.fullmatch(t):
            found = (Role.OTHER, "jump-line", "points to another page", 0.85)
        if found is None:
            continue
        role, rule, why, confidence = found
        doc.labels.label(i, role, rule, why, confidence)
        if role is Role.CAPTION and rule == "caption-prefix":
            if blank_before(doc, i):
                _extend_caption(doc, i)
            if i + 1 < len(texts) and doc.labels.roles[i + 1] is None:
                _run_on_caption(doc, i)


#: A caption block is at most this many lines (the longest caption block in our cases has 2;
#: one more for a narrow column).
MAX_CAPTION_LINES = 3


#: A caption printed without blank lines around it (pdftotext -raw) runs on to its first closed
#: line within this many lines.  Measured on the evaluation corpus: its captions (up to 150
#: characters) wrap to at most 6 lines in its narrowest columns; 8 leaves a margin.
MAX_RUNON_CAPTION_LINES = 8


def _run_on_caption(doc: DocView, i: int) -> None:
    """Rule ``caption-run-on``: the lines after a caption's first line, up to and including the
    first line that ends a sentence, when no blank line sets the caption apart.

    A caption is a sentence (or a few); its last line is closed, or ends short of the
    caption's first line (:data:`CAPTION_LAST_LINE_WIDTH`).
    Without such a line within :data:`MAX_RUNON_CAPTION_LINES` lines, or with the next caption
    first (a line that opens like one), only the first line stays labelled: precision first.
    """
    texts, blank = doc.lines.texts, doc.lines.blank
    if closed(texts[i]):
        return
    n = len(texts)
    p = _patterns(doc.language)
    end = None
    for j in range(i + 1, min(n, i + MAX_RUNON_CAPTION_LINES)):
        if (
            blank[j]
            or doc.labels.roles[j] is not None
            or doc.labels.pages[j] != doc.labels.pages[i]
            or p.any_start.match(doc.stripped[j])
            or any(len(x) > 1 for x in section_numbers(doc.stripped[j]))
        ):
            # A blank line, a label, the next caption or a section title numbered on two
            # levels ("8.4 Paketoptionen anwenden"; one level, "7 im Jahre", may be a wrapped
            # date or count) before any end: abstain.
            return
        if closed(texts[j]) or _ends_short(doc, i, j):
            end = j
            break
    if end is None:
        return
    for j in range(i + 1, end + 1):
        doc.labels.label(
            j, Role.CAPTION, "caption-block", f"runs on from the caption on line {i + 1}", 0.65
        )


#: A caption line narrower than this share of the caption's first line is its last line,
#: closed or not ("Obrázek 3: ... tlačítko ,Advanced‘ způsobí něco jako" / "na obr. 4"): the
#: lines of a wrapped caption are about as wide as each other except the last.  Found on
#: texlive-pdf (held-out family texlive-cz), where run-on captions without a full stop took the
#: next paragraph's lines.  0.5, not the heading rules' 0.8: the generated corpus sets captions
#: ragged in narrow columns, and 0.8 ended 20 of its caption blocks early (pdflatex/pdftotext-raw
#: paragraph precision 0.940 -> 0.938, WER 0.28 -> 0.31 %); 0.5 ends none of them early.  (Against
#: the body's column instead of the caption's first line: 0.920, captions set narrower.)
CAPTION_LAST_LINE_WIDTH = 0.5


def _ends_short(doc: DocView, first: int, j: int) -> bool:
    """Is line *j* of the caption opening on line *first* short of the caption's width?"""
    return len(doc.stripped[j]) < CAPTION_LAST_LINE_WIDTH * len(doc.stripped[first])


def _extend_caption(doc: DocView, i: int) -> None:
    """Label the rest of a caption block that blank lines set apart from the body."""
    texts, blank = doc.lines.texts, doc.lines.blank
    n = len(texts)
    end = i
    while end + 1 < n and not blank[end + 1] and doc.labels.pages[end + 1] == doc.labels.pages[i]:
        end += 1
        if end - i + 1 > MAX_CAPTION_LINES:
            return  # too long for a caption block: abstain on the continuation
    if end == i or not (end + 1 >= n or blank[end + 1]):
        return
    for j in range(i + 1, end + 1):
        if doc.labels.roles[j] is None:
            doc.labels.label(
                j, Role.CAPTION, "caption-block", f"continues the caption on line {i + 1}", 0.7
            )
