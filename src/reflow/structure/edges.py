"""Lines set apart at the top of a page: running heads found by their position.

Real pages carry running heads that change from page to page (the section or species on that
page: "THE GOLDEN ORIOLE.", "LIVRE DOUZIÈME."); repetition does not find them.  Their
position does, once the page is known (a form feed, or pages inferred from furniture): the
first lines of a page, each a block of its own, short, not a sentence.  Measured on the IMPACT
BHL pages (the tuning source, eval/real/; blank lines between regions, form feeds between pages):
running heads and page numbers inside paragraphs 49.6 % -> 15.9 %, paragraph-start precision
0.658 -> 0.729, recall 0.961 -> 0.954, word error rate 5.98 % -> 4.91 %.

Not done, on purpose: the last line of a page, alone and short, is *not* taken for a foot line
(signature mark, catch-word): on those pages it was a paragraph 178 times (dates such as
"March, 1849." under a plate description) against 102, and paragraph-start F1 fell 0.827 ->
0.822 with it.  Nor is a short line alone between blank lines anywhere on the page taken out of
the body.  On those pages annotators typed 1,434 such lines as paragraphs
("Hab. St. Helena.", "SOWERBY, Pro. Zool. Soc., 1833. p. 37.") against 768 that were headings,
captions or furniture; labelling them all cost 0.15 of paragraph-start recall.

For exports without form feeds or blank lines (one line per printed line), two more rules find
pages by a number sequence: bare numbers counting up by one through the document are page
numbers wherever they stand (:func:`rule_page_number_runs`), and a line in capitals beside one
is the running head (:func:`rule_heads_beside_numbers`).

The rules run last (:data:`reflow.structure.RULES`): they label only what no rule before them
labelled, so a heading stays a heading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress, pairwise, repeat
from operator import ge, itemgetter, or_

from reflow.model import Role
from reflow.structure.furniture import MAX_FURNITURE_CHARS, similar
from reflow.structure.view import DocView

#: A line counts as short here below this share of the document's typical line length.  Running
#: heads on the BHL pages are up to about two thirds of the line ("A REVISION OF CERTAIN BARBUS
#: SPECIES FROM AFRICA" on a 90-character line); body lines that end a paragraph alone between
#: blank lines do not occur in the generated corpus at all.
EDGE_SHORT = 0.75
#: Lines at the top of a page that may be furniture: running head, page number, a second head.
TOP_LINES = 3
#: A lone line with at least this many words that ends a sentence reads as a one-line paragraph.
SENTENCE_WORDS = 4


def _alone(doc: DocView, i: int) -> bool:
    """Line *i* is a block of its own: blank lines or page edges on both sides."""
    lines, pages = doc.lines, doc.labels.pages
    n = len(lines)
    above = i == 0 or lines.blank[i - 1] or pages[i - 1] != pages[i]
    below = i == n - 1 or lines.blank[i + 1] or pages[i + 1] != pages[i]
    return above and below


def _short(doc: DocView, i: int, share: float = EDGE_SHORT) -> bool:
    return doc.width_measured and len(doc.lines.texts[i].strip()) < share * doc.width


def _sentence(text: str) -> bool:
    """Reads as a sentence: starts upper case, not all capitals, ends with . ! ? and has words."""
    t = text.strip().rstrip("\"'”»)")
    words = t.split()
    letters = list(filter(str.isalpha, t))
    return (
        len(words) >= SENTENCE_WORDS
        and t[-1:] in ".!?"
        and bool(letters)
        and letters[0].isupper()
        and sum(map(str.islower, letters)) > len(letters) // 2
    )


def rule_page_edges(doc: DocView) -> None:
    """The first lines of a page, each alone and short and not a sentence, are running heads
    (or the page number beside them)."""
    pages = doc.labels.pages
    if len(set(pages)) < 2:
        return
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    starts = [i for i in range(n) if i == 0 or pages[i] != pages[i - 1]]
    for s, start in enumerate(starts):
        end = starts[s + 1] if s + 1 < len(starts) else n
        body = [i for i in range(start, end) if not blank[i]]
        if len(body) < 2 * TOP_LINES:
            continue  # a page this short has no room for furniture and body both
        for i in body[:TOP_LINES]:
            if not _alone(doc, i) or not _short(doc, i) or texts[i].strip()[:1].islower():
                break
            if roles[i] is None and not _sentence(texts[i]):
                doc.labels.label(
                    i,
                    Role.PAGE_HEADER,
                    "page-edge-head",
                    f"line {i - start + 1} of page {pages[i]}, alone and short",
                    0.7,
                )


#: Lines between two members of a page-number run at least (a page holds more lines than this).
RUN_GAP = 10
#: Words in a running head beside a page number at most.
HEAD_WORDS = 8


#: A page number in a printed frame: ``(12)``, ``( 12 )``, ``[12]``, ``- 12 -`` (any dash,
#: ``―`` and ``‐`` included, as the BHL and TAPUSCORPUS transcriptions print them), ``12.``.
#: Fixed pieces around one bounded digit run: linear.
_FRAMED = re.compile(
    r"(?:\( ?(\d{1,4}) ?\)|\[ ?(\d{1,4}) ?\]|[-‐–—―] ?(\d{1,4}) ?[-‐–—―]|(\d{1,4})\.)"
)
#: Members a run of framed numbers needs ("(2)", "(3)", "(4)"; "2.", "3.", "4."): two such
#: lines are as often two equation numbers or two numbered sections (texlive-pdf: "(4)" /
#: "(5)"; ocrd-structure: "1." / "103.").  A dashed number ("- 2 -") is a page number's shape
#: alone and needs two, as bare numbers do.
MIN_FRAMED_RUN = 3


def _bare_number(text: str) -> int | None:
    """The value of a line that is only a number of 1-4 digits (``216``), else None."""
    t = text.strip().lstrip("\f")
    return int(t) if t.isdecimal() and len(t) <= 4 else None


def number_shape(text: str) -> tuple[int, str] | None:
    """``(value, shape)`` of a line that is a page number alone, bare or framed, else None.

    >>> number_shape("216"), number_shape("( 128 )"), number_shape("― 2 ―"), number_shape("3.")
    ((216, 'bare'), (128, '()'), (2, '--'), (3, '.'))
    >>> number_shape("2a") is None and number_shape("(1") is None
    True
    """
    value = _bare_number(text)
    if value is not None:
        return value, "bare"
    t = text.strip(" \t\f")
    if len(t) > 12:
        return None
    m = _FRAMED.fullmatch(t)
    if m is None:
        return None
    for group, shape in zip(m.groups(), ("()", "[]", "--", "."), strict=True):
        if group is not None:
            return int(group), shape
    return None


def rule_page_number_runs(doc: DocView) -> None:
    """Numbers of one shape that count up by one through the document, each at least
    ``RUN_GAP`` lines after the one before, are page numbers wherever they stand (an export
    without form feeds puts them between two lines of a paragraph).

    Bare numbers as they were.  Framed ones (in brackets, between dashes, with a full stop) only
    in a text without form feeds (with form feeds, the page-edge rules of furniture.py see
    them), only when no two lines of that shape in the document are closer than ``RUN_GAP``
    (equation numbers, list items and a catalogue's entries crowd), and, but for dashed ones,
    in runs of :data:`MIN_FRAMED_RUN`.  Tuned on ``tapuscorpus`` (flat: "(2)", "( 1 )", "2.")
    and ``impact-bhl`` ("― 2 ―"); the guards from ``texlive-pdf`` (equation numbers).
    """
    texts, roles = doc.lines.texts, doc.labels.roles
    framed = doc.lines.page_count <= 1
    by_shape: dict[str, list[tuple[int, int]]] = {}
    for i, t in enumerate(texts):
        parsed = number_shape(t) if len(t) <= 16 else None
        if parsed is not None and (parsed[1] == "bare" or framed):
            by_shape.setdefault(parsed[1], []).append((i, parsed[0]))
    for shape, numbers in by_shape.items():
        need = 2 if shape in ("bare", "--") else MIN_FRAMED_RUN
        if shape != "bare" and any(b[0] - a[0] < RUN_GAP for a, b in pairwise(numbers)):
            continue
        run: list[int] = []
        last_line, last_value = -RUN_GAP, None
        runs: list[list[int]] = []
        for i, v in numbers:
            if last_value is not None and v == last_value + 1 and i - last_line >= RUN_GAP:
                run.append(i)
            else:
                if len(run) >= need:
                    runs.append(run)
                run = [i]
            last_line, last_value = i, v
        if len(run) >= need:
            runs.append(run)
        for run in runs:
            for i in run:
                if roles[i] is None:
                    doc.labels.label(
                        i,
                        Role.PAGE_NUMBER,
                        "page-number-run",
                        f"{texts[i].strip()!r}: one of {len(run)} numbers counting up by one, "
                        f"{RUN_GAP}+ lines apart",
                        0.8,
                    )


def rule_heads_beside_numbers(doc: DocView) -> None:
    """A short line right above or below a page number, in capitals, is a running head."""
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    for i in range(n):
        if roles[i] is not Role.PAGE_NUMBER:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < n or roles[j] is not None or doc.lines.blank[j]:
                continue
            t = texts[j].strip().lstrip("\f")
            letters = list(filter(str.isalpha, t))
            if (
                letters
                and len(t.split()) <= HEAD_WORDS
                and sum(map(str.isupper, letters)) >= 0.8 * len(letters)
                and _short(doc, j)
            ):
                doc.labels.label(
                    j,
                    Role.PAGE_HEADER,
                    "head-beside-page-number",
                    f"a line in capitals beside the page number {texts[i].strip()!r}",
                    0.7,
                )


#: Words of a running head found by its twin beside another page number at most
#: (furniture.MAX_HEAD_WORDS: body lines of a document that repeats itself run 12+ words).
TWIN_HEAD_WORDS = 10
#: ... and its length at most this share of the line width (old books set the head almost
#: as wide as the text: "von den erbſchaften one lezten willen." is 38 of 50 characters,
#: ocrd-structure).
TWIN_HEAD_SHARE = 0.95
_HEAD_END = ".,;:·"
#: Non-blank lines around a page number that hold no other number line (see
#: :func:`rule_head_twins_beside_numbers`); 5: the foot of an old page (signature, catch-word,
#: page number) and the next page's head stand within 3 lines of a page number, and no other
#: number stands there on the ocrd-structure pages.
SPARSE_NUMBERS = 5
#: Lone head candidates compared fuzzily with each one: those beside the next 4 page numbers
#: (two candidates each), as furniture.LOOKBACK compares a page with the 2 before it.
FUZZY_PAIRS = 8


def _head_twin_key(text: str) -> str:
    """The comparison key of a head beside a page number: lower case, spaces collapsed, without
    closing punctuation ("Herrnhuterey in ihrer Schalkheit." / "... Schalkheit" are one head).
    Digits are kept: the page number stands on a line of its own here, so a number in the
    line is no page number ("Hauptstraße 102" / "Hauptstraße 129" are two addresses in two
    advertisements, hkb-newspaper).

    >>> _head_twin_key("Herrnhuterey in ihrer  Schalkheit."), _head_twin_key("Hauptstraße 102")
    ('herrnhuterey in ihrer schalkheit', 'hauptstraße 102')
    """
    return " ".join(text.lower().split()).rstrip(_HEAD_END + " ")


def rule_head_twins_beside_numbers(doc: DocView) -> None:
    """Rule ``running-head-twin``: a short line right beside a labelled page number (the
    nearest non-blank line above or below) whose text, digits masked and closing punctuation
    left out, is also right beside another page number: the running head of those pages, in
    whatever case it is set (``head-beside-page-number`` wants capitals).  Fuzzy matching
    (:func:`reflow.structure.furniture.similar`) lets OCR noise through ("Herrnhuterey in ihrer
    Schalkheit" / "... Schalkheit.").

    Tuned on ``ocrd-structure`` and ``hkb-newspaper`` (flat exports: "vom verlohrnen Sohn.",
    "Das Hakenkreuz⸗Banner").
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    numbers = [i for i in range(n) if roles[i] is Role.PAGE_NUMBER]
    if len(numbers) < 2:
        return
    limit = TWIN_HEAD_SHARE * doc.width if doc.width_measured else float(MAX_FURNITURE_CHARS)
    # A page number stands alone: another number line within SPARSE_NUMBERS non-blank lines
    # makes it a column of numbers (a catalogue's entry numbers, a register's page
    # references, a table's row labels: tapuscorpus, ocrd-structure), whose neighbours
    # repeat as table cells do.
    nonblank = [i for i in range(n) if not blank[i]]
    number_ranks = [
        k
        for k, i in enumerate(nonblank)
        if roles[i] is Role.PAGE_NUMBER or (len(texts[i]) <= 16 and number_shape(texts[i]))
    ]
    crowded = {
        nonblank[a] for a, b in pairwise(number_ranks) if b - a <= SPARSE_NUMBERS for a in (a, b)
    }
    beside: dict[int, int] = {}  # candidate line -> its page number line
    for p in numbers:
        if p in crowded:
            continue
        for step in (-1, 1):
            j = p + step
            while 0 <= j < n and blank[j]:
                j += step
            # A heading rule may have taken the head (a short line set apart): the twin
            # beside another page number outweighs the shape.
            if not 0 <= j < n or roles[j] not in (None, Role.HEADING) or j in beside:
                continue
            t = texts[j].strip(" \t\f")
            if (
                not t
                or len(t) > limit
                or len(t.split()) > TWIN_HEAD_WORDS
                or t.endswith(("-", "⸗", "¬"))
                or not any(map(str.isalpha, t))
            ):
                continue
            beside[j] = p
    keys = {j: _head_twin_key(texts[j]) for j in beside}
    groups: dict[str, list[int]] = defaultdict(list)
    for j, key in keys.items():
        if sum(map(str.isalpha, key)) >= 3:
            groups[key].append(j)
    found: dict[int, str] = {}
    for key, where in groups.items():
        if len({beside[j] for j in where}) >= 2:
            for j in where:
                found[j] = f'"{key}" also beside page number line(s) ' + ", ".join(
                    str(beside[k] + 1) for k in where[:6] if beside[k] != beside[j]
                )
    # Fuzzy: heads read with OCR noise.  Each lone key is compared with the next FUZZY_PAIRS
    # lone keys only (the heads of nearby pages): linear in the number of page numbers.
    singles = sorted(j for key, where in groups.items() if len(where) == 1 for j in where)
    pairs = ((a, b) for x, a in enumerate(singles) for b in singles[x + 1 : x + 1 + FUZZY_PAIRS])
    for a, b in pairs:
        if (a in found and b in found) or beside[a] == beside[b]:
            continue
        why = similar(keys[a], keys[b])
        if why is not None:
            found.setdefault(a, f"{why} as line {b + 1}, beside page number line {beside[b] + 1}")
            found.setdefault(b, f"{why} as line {a + 1}, beside page number line {beside[a] + 1}")
    for j, why in sorted(found.items()):
        note = doc.labels.notes.get(j)
        if note is not None:
            why += f"; was {note[0]}"
        doc.labels.label(
            j,
            Role.PAGE_HEADER,
            "running-head-twin",
            f"beside the page number on line {beside[j] + 1}; {why}",
            0.8,
        )


#: Lines between two heads of a numbered run at least, per page the number advances: a page
#: holds more lines than this (RUN_GAP) ...
NUMBERED_HEAD_GAP = RUN_GAP
#: ... and the number advances by one (every page carries the head) or two (odd and even pages
#: carry different heads: "6 Schwarz et al." / "AASTeX v6.31 Sample article 7").
MAX_HEAD_STEP = 2
#: Words of the head without its number at least: a numbered heading repeats one word
#: ("CHAPTER I." / "CHAPTER II.", "Table 3" / "Table 4"); a running head that carries a page or
#: plate number names its book, author or section ("Schwarz et al.", "BULIMUS.—PLATE", "3
#: INSTALLAZIONE": a section number counts as a word).
NUMBERED_HEAD_WORDS = 2
_HEAD_WORD_SPLIT = re.compile(r"[\s—–]+")
#: A short abbreviation with a full stop ("p.", "Pl.", "f.", "No."): the word before a number
#: that refers to a page, a plate or a figure.
_ABBREVIATION = re.compile(r"[^\W\d_]{1,3}\.")
_NUMBER_TOKEN = re.compile(r"\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7}")
#: A line whose first word is a number token with the marks that _head_number strips around
#: it: every line for which _head_number finds a number has this at its start, or at the start
#: of the line reversed (the pattern reads the same backwards).  Anchored, bounded: linear.
_NUMBER_WORD_FIRST = re.compile(
    r"\s*[.,;:)\]\[]*(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})[.,;:)\]\[]*(?:\s|$)"
)
_REVERSED = itemgetter(slice(None, None, -1))


def _head_number(text: str) -> tuple[str, str, int] | None:
    """``(key, end, value)`` of a short line that carries a number (arabic or roman) first or
    last: the rest of the line, lower case, as the key; ``end`` is ``first`` or ``last``.

    >>> _head_number("16 Schwarz et al."), _head_number("BULIMUS.—PLATE XXII.")
    (('schwarz et al', 'first', 16), ('bulimus.—plate', 'last', 22))
    >>> _head_number("Chapter seven"), _head_number("SOWERBY, Pro. Zool. Soc., 1833, p. 37.")
    (None, None)
    >>> _head_number("Vispārējā deklarācija, 16.") is None
    True
    """
    from reflow.structure.furniture import _roman_value

    t = text.strip(" \t\f")
    if not t or len(t) > MAX_FURNITURE_CHARS or t.endswith(("-", "⸗", "¬")):
        return None  # a wrapped line goes on: no head
    parts = t.split()
    if len(parts) < 2 or len(parts) > TWIN_HEAD_WORDS + 1:
        return None
    for end, token, rest in (("last", parts[-1], parts[:-1]), ("first", parts[0], parts[1:])):
        if end == "first" and token.endswith("."):
            continue  # "1. Die Sozialdemokraten ...": a list item (hkb-newspaper)
        if end == "last" and token.endswith(".") and token[:1].isdigit():
            # "Vispārējā deklarācija, 16." (/ "pants"): an ordinal, a numbered heading cut by
            # the extractor (generated corpus, lv, pdfminer); a page number takes no full stop.
            continue
        m = _NUMBER_TOKEN.fullmatch(token.strip(".,;:)]["))
        if m is None or (end == "last" and _ABBREVIATION.fullmatch(rest[-1])):
            # "..., 1842, p. 152.", "Cassis, Pl. V.", "pl. 4. f. 5.": a reference to a page,
            # plate or figure (impact-bhl), not a page's head.
            continue
        word = m.group(0)
        value = int(word) if word.isdigit() else _roman_value(word)
        if value is None:
            continue
        key = " ".join(rest).lower().strip(" .,;:—–-")
        return key, end, value
    return None


def rule_numbered_heads(doc: DocView) -> None:
    """Rule ``running-head-numbered``: short lines that carry a page (or plate) number at one end
    and the same words otherwise (:func:`_head_number`), whose numbers advance by one or two
    from one to the next while at least :data:`NUMBERED_HEAD_GAP` lines per step lie between
    them, are the running heads of those pages, wherever the export put them.  The words must
    be at least :data:`NUMBERED_HEAD_WORDS` (a numbered heading repeats one word).

    The page cycle comes from the number sequence, not from the repetition: the same words
    with numbers that do not advance with the lines (a table's rows, a list) are left alone.
    Tuned on ``texlive-pdf`` (pypdf and pdftotext-raw: "6 Schwarz et al.", "RUNNING AMS-LATEX
    7") and ``impact-bhl`` (flat: "BULIMUS.—PLATE V." / "... VI.").
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    # Candidates picked in C (issue 10: _head_number on every short line was a tenth of the
    # structure stage): short lines whose first or last word is a number token.
    short = list(compress(range(len(texts)), map(ge, repeat(MAX_FURNITURE_CHARS), map(len, texts))))
    short_texts = list(map(texts.__getitem__, short))
    numbered = map(
        or_,
        map(bool, map(_NUMBER_WORD_FIRST.match, short_texts)),
        map(bool, map(_NUMBER_WORD_FIRST.match, map(_REVERSED, short_texts))),
    )
    for i in compress(short, numbered):
        t = texts[i]
        # A line a heading rule took stays a heading: the BHL annotators typed the same plate
        # heads ("BULIMUS.—PLATE XI.") heading on some pages and furniture on others.
        if blank[i] or roles[i] is not None or len(t) > MAX_FURNITURE_CHARS:
            continue
        parsed = _head_number(t)
        if parsed is None:
            continue
        key, end, value = parsed
        # The section number of a head counts as a word ("3 INSTALLAZIONE 7").
        if len(_HEAD_WORD_SPLIT.split(key)) < NUMBERED_HEAD_WORDS or not any(
            c.isalpha() for c in key
        ):
            continue
        groups[(key, end)].append((i, value))
    for (key, _end), members in groups.items():
        run: list[int] = []
        for (a, va), (b, vb) in pairwise(members):
            step = vb - va
            if 1 <= step <= MAX_HEAD_STEP and b - a >= NUMBERED_HEAD_GAP * step:
                run.extend(x for x in (a, b) if x not in run)
        for i in run:
            doc.labels.label(
                i,
                Role.PAGE_HEADER,
                "running-head-numbered",
                f'"{key}" with a number that advances with the pages ({len(run)} lines)',
                0.8,
            )


#: Share of letters among the non-space characters of the line above a page number that breaks
#: a sentence at least: prose.  An equation number stands under a formula ("a1ˆa2 · · ·
#: ˆanu(p1, σ1)," has 7 letters in 20 characters, texlive-pdf), and its next line may well
#: go on in lower case ("where p and σ label ...").
PROSE_LETTERS = 0.6
_SENTENCE_END = (".", "!", "?", ":", ";", "»", "«", "“", "”", '"')
#: A line of OCR debris above the page number is at most this long ("=", "|", ".@").
DEBRIS_CHARS = 3


def _prose(text: str) -> bool:
    chars = "".join(text.split())
    return bool(chars) and sum(map(str.isalpha, chars)) >= PROSE_LETTERS * len(chars)


def rule_page_number_in_sentence(doc: DocView) -> None:
    """Rule ``page-number-in-sentence``: a page number in a printed frame ("(128)", "( 484 )",
    "[7]", "- 522 -") alone on a line, in a text without form feeds, between two lines of one
    sentence: the line above is prose (:data:`PROSE_LETTERS`) or ends in a line-end hyphen, and
    does not end a sentence (or there is none: the text opens with the number; a line of OCR
    debris between is looked past, :data:`DEBRIS_CHARS`), and the line below goes on in lower
    case.
    The export put the page's number where the page broke the sentence.  No other framed or
    bare number within ``RUN_GAP`` lines (equation numbers and list items crowd); a framed
    number alone needs no run (:func:`rule_page_number_runs` does), its place in the sentence
    is the evidence.  Framed with a full stop ("3.") is left out: a numbered item.

    Tuned on no source: the rule was written from the position statistics of number lines on
    all real sources (``eval/furniture_leaks.py``) and its guards from texlive-pdf's equation
    numbers; see docs/evaluation.md for what it takes on each.
    """
    if doc.lines.page_count > 1:
        return
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    nonblank = [i for i in range(len(texts)) if not blank[i]]
    shaped = [
        (k, parsed)
        for k, i in enumerate(nonblank)
        if len(texts[i]) <= 16 and (parsed := number_shape(texts[i])) is not None
    ]
    for x, (k, (value, shape)) in enumerate(shaped):
        i = nonblank[k]
        if shape not in ("()", "[]", "--") or roles[i] is not None:
            continue
        near = [nonblank[s[0]] for s in shaped[max(0, x - 1) : x + 2] if s[0] != k]
        if any(abs(j - i) < RUN_GAP for j in near):
            continue
        if k + 1 >= len(nonblank):
            continue
        after = texts[nonblank[k + 1]].strip(" \t\f")
        if not after[:1].islower():
            continue
        b = k - 1
        # OCR debris between ("=", "|": no letter, at most 3 characters) is looked past.
        if (
            b >= 0
            and len(t := texts[nonblank[b]].strip()) <= DEBRIS_CHARS
            and not any(map(str.isalpha, t))
        ):
            b -= 1
        if b >= 0:
            before = texts[nonblank[b]].rstrip()
            if before.endswith(_SENTENCE_END):
                continue
            # A line-end hyphen is an open sentence whatever the letters ("(na-").
            if not before.endswith(("-", "⸗", "¬")) and not _prose(before):
                continue
        doc.labels.label(
            i,
            Role.PAGE_NUMBER,
            "page-number-in-sentence",
            f'"{value}" in a frame, between two lines of one sentence',
            0.7,
        )
