"""Lines that are no prose: numbers alone, signature marks, catch-words, lone capital lines.

Part of stage 3 (:mod:`reflow.structure`).  Printed books carry furniture that the page-edge
rules of :mod:`reflow.structure.furniture` do not see when the export has no form feeds, or
when the page is too short to compare: a page number on a line of its own, a printer's
signature mark at the page foot (``A 2``, ``B iij``), a catch-word (the first word of the next
page, printed under the last line), and in blank-line exports a line in capitals set apart
from the text.  None of these is ever a line of body text; each rule here needs the line's
whole text to have the shape, so a line of prose never does.

Measured on the real pages (eval/real, blank-line export, one-line regions; tuned on
``impact-bhl``, checked on ``ocrd-structure``): a one-line region without a letter is a body
paragraph 44 times in 1347 (impact-bhl; ocrd-structure 5 in 119); a signature-mark shape 0 in
66 (0 in 38); a lone line in capitals without a comma 108 in 1760 (3 in 21).

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> from reflow.structure import label_lines
>>> text = "Body text of a page that ends here\\nB 2\\n12\\nand so it goes on.\\n"
>>> labels = label_lines(split_lines(text), Config(), "en")
>>> [labels.notes[i][0] if labels.roles[i] else None for i in range(4)]
[None, 'signature-mark', 'page-number-line', None]

A catch-word needs the document's width (``tests/cases/structure/de-oldprint-flat``).

The opposite case is here too: a speaker's name in a play or a dialogue ("MAITEN", "La
chanteuse") looks like a heading or a running head to the rules above, but it is text;
:func:`rule_speaker_names` runs after them and takes their labels back.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate, compress, pairwise, repeat
from operator import and_, ge, not_, or_

from reflow.model import Role
from reflow.structure.furniture import page_number
from reflow.structure.view import DocView, between_sentences, blank_after, blank_before
from reflow.structure.words import closed, is_caps

#: A printer's signature mark: capitals and a number ("A 2", "F2", "2A", "Bb 5"), capitals and
#: a lower-case roman numeral after a space ("A iij"), or lower case and a number or numeral
#: after a space ("a ij", "b 3"); the space is needed there, else the tail of a word cut at a
#: line end would pass ("pre-" / "fix.").  Linear: bounded pieces, one alternation.
_SIGNATURE = re.compile(
    r"(?:[A-Z]{1,2} ?\d{1,2}|\d{1,2}[A-Z]{1,2}|[A-Z]{1,2} [ijv]{1,5}"
    r"|[a-z]{1,2} (?:\d{1,2}|[ijv]{1,5}))\.?"
)
_DIGIT = re.compile(r"\d")
#: A page number in lower-case roman numerals, old spellings with a final j included ("xvj").
_ROMAN_LOWER = re.compile(r"[ivxlc]{1,7}j?\.?")
#: A page number on a line of its own, when no form feed or edge comparison vouches for it:
#: at most three digits (a year on a line of its own is four), or a dashed number.
_MAX_LONE_NUMBER = 999
#: A catch-word line has at most this many words (one in every catch-word of the OCR-D pages;
#: two allow "A ij nicht"-like lines printed with the signature).
MAX_CATCH_WORDS = 2
#: ... and its twin, the first word of the next page's text, is at most this many non-blank
#: lines below it: a running head and a page number may stand between.
CATCH_LOOKAHEAD = 4
#: Lines between a catch-word and its twin are the next page's head: short lines only.
MAX_HEAD_CHARS = 80
#: Words of a lone capital line taken as a heading (the longest in impact-bhl has 8).
MAX_CAPS_WORDS = 10


#: A text of fewer non-blank lines is no page: its one line ("x", "XII.") is what the user gave,
#: not furniture around a body.
MIN_PAGE_LINES = 3

#: The labels :func:`rule_speaker_names` takes back from a speaker's name.
_SPEAKER_UNLABEL = frozenset({Role.HEADING, Role.PAGE_HEADER, Role.PAGE_FOOTER})


def _too_short(doc: DocView) -> bool:
    return doc.lines.blank.count(False) < MIN_PAGE_LINES  # non-blank lines, counted in C


def _beside_no_letters(doc: DocView, i: int) -> bool:
    """The nearest non-blank line above or below has no letter either: a column of figure
    numbers or table cells ("450." / "452."), not the number of a list item set apart from its
    text ("1" / "Share the water by village.")."""
    texts, blank = doc.lines.texts, doc.lines.blank
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(texts) and blank[k]:
            k += step
        if 0 <= k < len(texts) and _no_letters(texts[k]):
            return True
    return False


def _no_letters(text: str) -> bool:
    return not any(map(str.isalpha, text))


def _lone_number(text: str) -> bool:
    """A bare or dashed page number that a wrapped sentence would hardly leave on a line.

    >>> _lone_number("95"), _lone_number("— 180 —"), _lone_number("1852"), _lone_number("7.")
    (True, True, False, False)
    """
    parsed = page_number(text)
    if parsed is None or parsed[1] not in ("arabic", "dashed"):
        return False
    return parsed[1] == "dashed" or parsed[0] <= _MAX_LONE_NUMBER


#: Two number lines fewer than this many non-blank lines apart are a column of numbers.  10,
#: the shortest page of the generated corpus without form feeds (furniture.MIN_PERIOD).
MIN_NUMBER_GAP = 10
#: Page numbers of one document advance by at most this much between two of its pages (our
#: real documents are up to four pages; a head and a foot number may both be printed).
MAX_PAGES_APART = 4
#: Number lines each fewer than MIN_NUMBER_GAP lines from the next, this many or more: a column
#: of numbers (an index's page references, a table), not page numbers.  Two are a page's head
#: and foot numbers, or facing-page numbers printed together (impact-bhl "57" / "58").
MIN_COLUMN_NUMBERS = 3


def _near(doc: DocView, a: int, b: int) -> bool:
    """Fewer than :data:`MIN_NUMBER_GAP` non-blank lines from line a to line b."""
    if b - a < MIN_NUMBER_GAP:
        return True
    blank = doc.lines.blank
    count = 0
    for k in range(a + 1, b):
        count += not blank[k]
        if count >= MIN_NUMBER_GAP:
            return False
    return True


def _apart(nonblank_before: array[int], a: int, b: int) -> bool:
    """At least :data:`MIN_NUMBER_GAP` non-blank lines between line a and line b (a < b): not
    :func:`_near`.  ``nonblank_before[k]`` counts the non-blank lines above line k."""
    return nonblank_before[b] - nonblank_before[a + 1] >= MIN_NUMBER_GAP


def _partners(doc: DocView, found: list[tuple[int, int]]) -> dict[int, str]:
    """Evidence for the lone numbers that have a partner: a number further on, larger by 1 to
    :data:`MAX_PAGES_APART`, not :func:`_near`.  A number with partners after it names the last
    of them; one with partners only before it names the last of those.

    Per value, its lines in order: a line's candidates are the last line of each of the four
    values above its own (the farthest, so the most likely to be apart), and the last line not
    too near among each of the four below (a bisection).  The work is linear in the number of
    lines; comparing every number with every other, as this did, was quadratic in the count
    of number lines (a column of thousands of numbers).
    """
    out: dict[int, str] = {}
    if len(found) < 2:
        return out
    at: dict[int, list[int]] = defaultdict(list)  # value -> its lines, in order
    for i, v in found:
        at[v].append(i)
    # A C-level prefix count: _apart in constant time.
    nonblank_before = array("q", accumulate(map(not_, doc.lines.blank), initial=0))
    value = dict(found)
    for i, v in found:
        after = [
            where[-1]
            for w in range(v + 1, v + MAX_PAGES_APART + 1)
            if (where := at.get(w)) and where[-1] > i and _apart(nonblank_before, i, where[-1])
        ]
        if after:
            j = max(after)
            w = value[j]
            out[i] = f"page number {v} alone on its line; {w} on line {j + 1} follows it"
            continue
        before = []
        # Line h is apart from line i when nonblank_before[h + 1] <= limit.
        limit = nonblank_before[i] - MIN_NUMBER_GAP
        for u in range(v - MAX_PAGES_APART, v):
            where = at.get(u)
            if not where:
                continue
            k = bisect_right(where, limit, key=lambda line: nonblank_before[line + 1]) - 1
            if k >= 0:
                before.append(where[k])
        if before:
            h = max(before)
            u = value[h]
            out[i] = f"page number {v} alone on its line; {u} on line {h + 1} precedes it"
    return out


def _page_number_lines(doc: DocView) -> dict[int, str]:
    """Lines that are a page number alone, with the evidence: a partner number further on that
    continues the sequence (the value grows with the position, by at most
    :data:`MAX_PAGES_APART`, at least :data:`MIN_NUMBER_GAP` lines away), or, without one, not in a
    column of numbers (:data:`MIN_COLUMN_NUMBERS` lines each near the next are a table column
    or an index's page references: "33" / "94" / "116" under the entries of a register).
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    found: list[tuple[int, int]] = []  # (line, value)
    digits: list[int] = []  # every line that is a number alone, four digits included
    # Candidates picked in C: lines of at most 40 characters with a digit (\d, or one of
    # str.isdigit's wider digits): a number alone, or a page number, has one.
    maybe = map(
        and_,
        map(ge, repeat(40), map(len, texts)),
        map(or_, map(bool, map(_DIGIT.search, texts)), map(str.isdigit, doc.stripped)),
    )
    for k in compress(range(len(texts)), maybe):
        text = texts[k]
        if blank[k]:
            continue
        t = text.strip()
        if t.isdigit():
            digits.append(k)
        if roles[k] is None and _lone_number(t):
            parsed = page_number(t)
            assert parsed is not None
            found.append((k, parsed[0]))
    out = _partners(doc, found)
    # Runs of number lines each near the next; a run of three or more is a column.
    crowded: set[int] = set()
    run = digits[:1]
    for a, b in pairwise(digits):
        if _near(doc, a, b):
            run.append(b)
            continue
        if len(run) >= MIN_COLUMN_NUMBERS:
            crowded.update(run)
        run = [b]
    if len(run) >= MIN_COLUMN_NUMBERS:
        crowded.update(run)
    for i, _ in found:
        if i not in out and i not in crowded:
            out[i] = f"{texts[i].strip()!r} is a number alone on its line, no other number near it"
    return out


def rule_lone_furniture(doc: DocView) -> None:
    """Rules ``page-number-line``, ``signature-mark``, ``catch-word``, ``no-letters-alone``.

    Runs with the furniture pass, before the heading rules.
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    if _too_short(doc):
        return
    numbers = _page_number_lines(doc)
    for i in doc.up_to(24):
        if blank[i] or roles[i] is not None:
            continue
        t = texts[i].strip()
        if i in numbers:
            doc.labels.label(i, Role.PAGE_NUMBER, "page-number-line", numbers[i], 0.7)
        elif _ROMAN_LOWER.fullmatch(t) and blank_before(doc, i) and blank_after(doc, i):
            doc.labels.label(
                i,
                Role.PAGE_NUMBER,
                "page-number-roman-alone",
                f"{t!r}: a lower-case roman numeral alone between blocks",
                0.7,
            )
        elif _SIGNATURE.fullmatch(t):
            doc.labels.label(
                i,
                Role.PAGE_FOOTER,
                "signature-mark",
                f"{t!r} has the shape of a printer's signature mark, alone on its line",
                0.75,
            )
        elif (
            _no_letters(t)
            and blank_before(doc, i)
            and blank_after(doc, i)
            and _beside_no_letters(doc, i)
        ):
            doc.labels.label(
                i,
                Role.OTHER,
                "no-letters-alone",
                f"{t!r}: no letter, alone between blocks, beside another such line",
                0.7,
            )
    _catch_words(doc)
    _heads_beside_numbers(doc)


def _heads_beside_numbers(doc: DocView) -> None:
    """Rule ``running-head-beside-number``: a short line in capitals right above or below a
    page number line ("THE TREE-SPARROW." / "95"), the running head of a page without form
    feeds."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    for i in range(n):
        if roles[i] is not Role.PAGE_NUMBER:
            continue
        for k in (i - 1, i + 1):
            if not 0 <= k < n or blank[k] or roles[k] is not None:
                continue
            t = texts[k].strip()
            if len(t.split()) > MAX_CAPS_WORDS or t.endswith("-") or not is_caps(t):
                continue
            doc.labels.label(
                k,
                Role.PAGE_HEADER,
                "running-head-beside-number",
                f"in capitals, right beside the page number on line {i + 1}",
                0.7,
            )


def _catch_words(doc: DocView) -> None:
    """A short line whose words open the next page's text, with only short furniture lines
    (or a page break) between: the catch-word at the foot of a page.  Those lines between are
    the next page's head."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    pages = doc.labels.pages
    n = len(texts)
    if not doc.width_measured:
        return  # no line is short enough to be a catch-word (its limit would be 0)
    for i in doc.up_to(0.5 * doc.width):
        if blank[i] or roles[i] is not None:
            continue
        t = texts[i].strip()
        words = t.split()
        if not 0 < len(words) <= MAX_CATCH_WORDS or closed(t):
            continue
        between: list[int] = []
        j, seen = i + 1, 0
        twin = -1
        while j < n and seen <= CATCH_LOOKAHEAD:
            if blank[j]:
                j += 1
                continue
            s = texts[j].strip()
            if s.startswith(t) and (len(s) == len(t) or not s[len(t)].isalnum()):
                twin = j
                break
            if len(s) > MAX_HEAD_CHARS:
                break
            between.append(j)
            seen += 1
            j += 1
        if twin < 0 or twin == i + 1 or not (between or pages[twin] != pages[i]):
            continue
        if pages[twin] == pages[i] and not all(
            roles[k] is not None or len(texts[k].strip()) <= 0.6 * doc.width for k in between
        ):
            continue
        doc.labels.label(
            i,
            Role.PAGE_FOOTER,
            "catch-word",
            f"{t!r} opens the next page's text (line {twin + 1})",
            0.8,
        )
        for k in between:
            if roles[k] is None:
                doc.labels.label(
                    k,
                    Role.PAGE_HEADER,
                    "head-after-catch-word",
                    f"between the catch-word on line {i + 1} and its twin on line {twin + 1}",
                    0.7,
                )


def rule_lone_caps(doc: DocView) -> None:
    """Rule ``heading-caps-alone``: a line in capitals, set apart by blank lines (or labelled
    lines, or page edges) on both sides, without a comma, is a heading even when it ends in a
    full stop ("THE TREE-SPARROW.", "CHAPITRE XXI.", "LIBER I.").

    Older print closes its headings with a full stop, which the heading rules refuse.
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    if _too_short(doc):
        return
    for i in doc.maybe_caps():
        if blank[i] or roles[i] is not None:
            continue
        t = texts[i].strip()
        # Cheapest first: most lines leave at is_caps's look at their first characters,
        # before the split.
        if "," in t or t.endswith("-") or not is_caps(t) or len(t.split()) > MAX_CAPS_WORDS:
            continue
        if blank_before(doc, i) and blank_after(doc, i):
            doc.labels.label(
                i, Role.HEADING, "heading-caps-alone", "in capitals, alone between blocks", 0.7
            )
        elif between_sentences(doc, i):
            doc.labels.label(
                i,
                Role.HEADING,
                "heading-caps-between",
                "in capitals, after a closed sentence and before a line that starts one",
                0.65,
            )


#: ``speaker-name``: a speaker's name in a play or a dialogue ("MAITEN", "La chanteuse",
#: "HASTOY (parant le coup)") is a name of one to three words, at most this many characters,
#: on a line of its own (a stage direction in brackets may follow it).
MAX_SPEAKER_CHARS = 25
MAX_SPEAKER_WORDS = 3
#: ... that the document repeats at least this many times ...
MIN_SPEAKER_TURNS = 3
#: ... at most this many non-blank lines apart in the median (one turn of dialogue): a running
#: head repeats once a page, 20 lines apart or more.  A first try (the closest two at most 12
#: apart, one letter allowed) passed running heads of short BHL pages (impact-bhl, "THE COMMON
#: CROSSBILL") and texlive-pdf's one-letter lines; with the median at most 8 (and 2 letters)
#: none did.
MAX_SPEAKER_GAP = 8
#: ... in a document with at least this many such names (a dialogue has two speakers or more).
MIN_SPEAKERS = 2
#: Tuned on tapuscorpus (both exports and Tesseract's output of its pages: the plays and the
#: dialogues of its typescripts, where the structure stage labelled 82-85 speaker lines per
#: export as headings and 17-31 as running heads or feet); it finds no line on the held-out
#: sources (ocrd-structure, ocrd-tesseract, impact-bhl, hkb-newspaper, texlive-pdf) nor on the
#: generated corpus (docs/evaluation.md, "Speakers' names").


def _speaker_key(text: str) -> str | None:
    """The name a line gives when it is a speaker's name alone (see MAX_SPEAKER_CHARS), case
    folded, or None.

    >>> _speaker_key("HASTOY (parant le coup)"), _speaker_key("_La _chanteuse")
    ('hastoy', 'la chanteuse')
    >>> _speaker_key("Moi."), _speaker_key("F.M.")
    ('moi', 'f.m')
    >>> _speaker_key("12 rue"), _speaker_key("He said so, then"), _speaker_key("(ricanant)")
    (None, None, None)
    """
    head, bracket, rest = text.partition("(")
    if bracket and not rest.rstrip().endswith(")"):
        return None
    # Typists underline names ("_La _chanteuse": an underscore before each underlined word).
    name = head.replace("_", "").strip().strip(" .:-—–")
    if not name or len(name) > MAX_SPEAKER_CHARS or not name[0].isupper():
        return None
    # Two letters at least: initials ("F.M."), not one letter (a list's "a", "V").
    if len(name.split()) > MAX_SPEAKER_WORDS or sum(map(str.isalpha, name)) < 2:
        return None
    if not all(ch.isalpha() or ch in " '’-." for ch in name):
        return None
    return name.casefold()


def speaker_lines(doc: DocView) -> dict[int, str]:
    """The lines that are speakers' names of a dialogue (see MAX_SPEAKER_CHARS and below), with
    their name; empty for a document without a dialogue.  One pass over the short lines."""
    stripped, blank, pages = doc.stripped, doc.lines.blank, doc.labels.pages
    # Limit for the whole line: the name and a stage direction in brackets.
    longest = 3 * MAX_SPEAKER_CHARS
    turns: dict[str, list[int]] = defaultdict(list)
    seen = 0  # non-blank lines so far: a line's position among them
    where: dict[int, int] = {}
    for i, t in enumerate(stripped):
        if blank[i]:
            continue
        seen += 1
        if len(t) > longest or not t[:2].strip("_")[:1].isupper():
            continue
        if len(t) > MAX_SPEAKER_CHARS + 4 and "(" not in t:
            continue  # too long for a name alone (+4: a typist's underscores, a stop)
        key = _speaker_key(t)
        if key is not None:
            turns[key].append(i)
            where[i] = seen
    names: dict[str, list[int]] = {}
    for key, at in turns.items():
        if len(at) < MIN_SPEAKER_TURNS:
            continue
        gaps = sorted(where[b] - where[a] for a, b in pairwise(at))
        # Two in a row are a list or a table's column, not turns of a dialogue; a name once a
        # page is a running head of short pages, not a speaker (who speaks twice on a page).
        if (
            gaps[0] > 1
            and gaps[len(gaps) // 2] <= MAX_SPEAKER_GAP
            and any(pages[a] == pages[b] for a, b in pairwise(at))
        ):
            names[key] = at
    if len(names) < MIN_SPEAKERS:
        return {}
    return {i: key for key, at in names.items() for i in at}


def rule_speaker_names(doc: DocView) -> None:
    """Rule ``speaker-name``: a speaker's name in a dialogue is part of the text, not a heading
    or a running head.  Runs after every labelling rule and takes back the heading and
    furniture labels they gave such lines ("MAITEN" / "Ganis, tu te tais ?": a short line in
    capitals between sentences, a repeated line read as a running head); the boundary stage
    then starts a paragraph at the name (:mod:`reflow.boundaries`, ``speaker-name``)."""
    speakers = speaker_lines(doc)
    if not speakers:
        return
    roles, notes = doc.labels.roles, doc.labels.notes
    for i in speakers:
        if roles[i] in _SPEAKER_UNLABEL:
            roles[i] = None
            notes.pop(i, None)
    doc.labels.speakers = speakers
