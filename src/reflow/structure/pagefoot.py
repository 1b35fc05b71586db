"""The foot of a printed page in an export without form feeds: catch-words and lone capitals.

Part of stage 3 (:mod:`reflow.structure`).  Old books print under the last line of a page the
first word of the next page (the catch-word), often beside the printer's signature (``A ij``,
``C``).  :mod:`reflow.structure.lone` finds a catch-word by its twin, the same word opening the
next page; but a document made of pages that do not follow each other (or whose next page
opens with a drop capital, ``W`` / ``As Griechen-Land``) has no twin.  The position in the page
cycle is the evidence here: the line stands right before the next page's furniture (a page
number, a running head, a form feed) or ends the text.

Rules (``page-end-word``, ``catch-word-unmatched``, ``signature-capital``):

* a line of one or two words (after an optional signature mark: ``A ij nicht``, ``C der``),
  open (no sentence end), at most half the document's line width, whose next non-blank line is
  a labelled page number, running head or foot, or on another page, or which ends the text;
* a single capital letter alone on its line in that position, or right above such a
  page-end word (``A`` / ``Was`` / ``2``), that is not a drop capital: the capital and the
  next line's first word together are not a word of the language (``W`` / ``As`` is ``WAs``,
  ``was``: a drop capital).

Tuned on ``impact-bhl`` (flat export): the page-end word picks 34 lines of gold furniture and
8 others (2 body, 2 table cells, 4 captions/notes); the signature capital 6 of 6.  Checked on
``ocrd-structure`` (held out): 62 of 67 and 8 of 8.

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> from reflow.structure import label_lines
>>> text = ("Der Anfang einer Seite, die hier wie eine\\nandere Zeile lang genug ist und so\\n"
...         "weiter geht bis zum Ende der Seite hin.\\nA\\nWas\\n2\\n"
...         "Das ist die naechste Seite.\\n")
>>> labels = label_lines(split_lines(text), Config(), "de")
>>> [labels.notes[i][0] for i in (3, 4, 5)]
['signature-capital', 'catch-word-unmatched', 'page-number-line']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import itemgetter, not_

from reflow.data.languages import ISSUE_WORDS
from reflow.lexicon import Lexicon
from reflow.model import Role
from reflow.structure.view import DocView
from reflow.structure.words import alternation, closed, is_caps

#: Roles that mark the next page's start in a flat export.
_PAGE_FURNITURE = (Role.PAGE_NUMBER, Role.PAGE_HEADER, Role.PAGE_FOOTER)
#: Words of a page-end line at most, signature mark left out: every catch-word of the OCR-D
#: and BHL pages is one word (or the two halves around a line-end hyphen's gap); two allow
#: "C der" read as a letter and a word.
MAX_WORDS = 2
#: Share of the document's width a page-end word may fill at most (as lone.py's catch-word).
MAX_WIDTH = 0.5
#: A signature mark before the catch-word: capitals or lower case with a number or a roman
#: numeral ("A ij", "a iij", "B 2"), or one capital.  Bounded pieces: linear.
_SIGNATURE_PREFIX = re.compile(r"(?:[A-Za-z]{1,2} (?:\d{1,2}|[ijv]{1,5})\.?|[A-Z]) ")
#: A signature mark that is one by its shape alone: capitals and a number or roman numeral
#: ("A 2", "A ij"), lower case and a roman numeral ("a ij"); a line of it and a word is a page
#: foot wherever it stands ("A ij nicht" before a page that does not follow).  Not lower case
#: and a number ("in 3 Tagen").
_STRONG_SIGNATURE = re.compile(r"(?:[A-Z]{1,2} (?:\d{1,2}|[ijv]{1,5})|[a-z]{1,2} [ijv]{1,5})\.? ")
#: A signature of the preliminary leaves, printed with brackets, asterisks or colons and a
#: number: ") : ( 4", "( : ) ij", "* * ij", ") ( 2" (OCR-D pages; tuned there, impact-bhl has
#: none).
_SYMBOL_SIGNATURE = re.compile(r"(?:[()*:†] ?){1,5}(?:\d{1,2}|[ijv]{1,5})\.?")
#: Zipf frequency from which the capital and the next line's first word make a word, so that
#: the capital is a drop capital (``E`` / ``S giebet``: "es" is 7.5 in German; the least
#: frequent drop-capital words of the real pages are above 3).
DROP_CAPITAL_ZIPF = 3.0
_WORD = re.compile(r"\w+")
#: The rule of a catch-word whose next page opens with another word; read by the boundary
#: stage (reflow.boundaries), which breaks the paragraph there.
CATCH_WORD_UNMATCHED = "catch-word-unmatched"
#: Rules of the signature marks that may stand under a catch-word.
_SIGNATURE_RULES = ("signature-mark", "signature-capital", "signature-symbols", "signature-volume")
#: The volume line of a book's or a periodical's page foot (the "direction line" beside the
#: signature): the volume alone ("VOL. II.", "Bd. 3") or after a title of one or two words
#: closed by a full stop or comma ("Zoologica. Heft 64."; not "Hauptstraße Nr. 105", an address
#: in an advertisement, hkb-newspaper), the words of every language
#: (reflow.data.languages.ISSUE_WORDS), the number arabic or roman.  Bounded pieces and a word
#: list: linear.
_VOLUME_LINE = re.compile(
    r"(?:(?:[^\W\d_][\w'’-]{0,30} )?[^\W\d_][\w'’-]{0,30}[.,] )?"
    rf"(?:{alternation(ISSUE_WORDS)})"
    r" ?(?:\d{1,4}|[IVXLC]{1,6}|[ivxlc]{1,6})\.?",
    re.IGNORECASE,
)

#: The last character of a number of _VOLUME_LINE (its classes, with its flags): a volume
#: line ends with one, or with one and a full stop.
_VOLUME_NUMBER_END = re.compile(r"\d|[IVXLC]|[ivxlc]", re.IGNORECASE)
_LAST_CHAR = itemgetter(slice(-1, None))


def _next_nonblank(doc: DocView, i: int) -> int:
    blank = doc.lines.blank
    j = i + 1
    while j < len(blank) and blank[j]:
        j += 1
    return j


def _before_page(doc: DocView, i: int, numbered: bool) -> bool:
    """The next non-blank line is the next page's furniture or on another page; or there is
    none, in a text whose pages are numbered (``numbered``: a page number was labelled) or
    after a closed sentence or a label.  The last line of an unnumbered snippet is as often
    the end of a wrapped sentence (``con un solo`` / ``comando:``)."""
    j = _next_nonblank(doc, i)
    if j >= len(doc.lines.texts):
        if numbered:
            return True
        k = i - 1
        while k >= 0 and doc.lines.blank[k]:
            k -= 1
        return k >= 0 and (doc.labels.roles[k] is not None or closed(doc.lines.texts[k]))
    pages, role = doc.labels.pages, doc.labels.roles[j]
    if pages[j] != pages[i]:
        return True
    note = doc.labels.notes.get(j)
    if (role is Role.PAGE_NUMBER and any(map(str.isalpha, doc.lines.texts[j]))) or (
        note is not None and note[0] == "dateline"
    ):
        # A worded page number ("Strana 2") or a date line is a modern page's foot or head;
        # old print, which has catch-words, numbers its pages bare (generated corpus, sk, sl).
        return False
    if doc.lines.page_count > 1:
        # Form feeds cut the pages: furniture on the line's own page is that page's foot
        # (or a head the extractor moved), and a short line above it is the page's last text
        # line, a heading cut by the page break as often as a catch-word (generated corpus,
        # pdftotext -raw: "Navigazione" / "1"; pdfminer, sl: a date line).  Only a signature
        # mark may stand under a catch-word on its page.
        return note is not None and note[0] in _SIGNATURE_RULES
    if role is Role.PAGE_FOOTER:
        # A running foot is the foot of the line's own page, with the catch-word under it;
        # only a signature mark may stand below a catch-word.
        return note is not None and note[0] in _SIGNATURE_RULES
    return role in _PAGE_FURNITURE


def _after_text(doc: DocView, i: int) -> bool:
    """The line above is no running head: a page foot is under the page's text (fuzz
    finding: a page-end word under a repeated head made a second pass read the lines after
    it otherwise)."""
    k = i - 1
    while k >= 0 and doc.lines.blank[k]:
        k -= 1
    if k < 0:
        return False
    # Nor a heading or a line in capitals (the heading rules run later): a heading at a page
    # foot is followed by its own text, not by a catch-word (generated corpus, bg: "ПРЕАМБЮЛ"
    # / "от Всеобщата" / a head inferred from repetition).
    return doc.labels.roles[k] not in (Role.PAGE_HEADER, Role.HEADING) and not is_caps(
        doc.lines.texts[k]
    )


def _page_end_word(doc: DocView, i: int, numbered: bool) -> bool:
    if doc.labels.roles[i] is not None or doc.lines.blank[i]:
        return False
    if doc.trailing_space_wraps and doc.lines.texts[i][-1:].isspace():
        # The extractor leaves a space on wrapped lines (pdfminer): this one goes on.
        return False
    t = doc.lines.texts[i].strip()
    if len(t) > 40 or (doc.width_measured and len(t) > MAX_WIDTH * doc.width) or closed(t):
        return False
    if t.endswith(":"):
        # The line before a listing or a quotation that the extractor moved or dropped
        # (generated corpus, libreoffice: "container:", "exemple :" at a page foot).
        return False
    m = _SIGNATURE_PREFIX.match(t)
    words = t[m.end() :].split() if m else t.split()
    if not 0 < len(words) <= MAX_WORDS or not any(map(str.isalpha, t)):
        return False
    if m is not None and _STRONG_SIGNATURE.match(t):
        return True
    return _after_text(doc, i) and _before_page(doc, i, numbered)


def is_drop_capital(letter: str, next_text: str, language: str) -> bool:
    """Do a capital alone on its line and the next line's first word make a word?

    >>> is_drop_capital("W", "As Griechen-Land zu erſt betrift/", "de")
    True
    >>> is_drop_capital("A", "Was", "de")
    False
    """
    m = _WORD.match(next_text.lstrip())
    if m is None:
        return False
    word = (letter + m.group(0)).lower().replace("ſ", "s")
    return Lexicon.get(language).zipf(word) >= DROP_CAPITAL_ZIPF


#: Non-blank lines after a volume line in which the next page's number may stand: the volume
#: line, the next page's running head and its number (impact-bhl, flat: "VOL. II." / "THE
#: WOODCHAT SHRIKE" / "14"; the head is labelled by a later rule).
VOLUME_TO_NUMBER = 2


def _label_volume_lines(doc: DocView, numbered: bool) -> None:
    """Rule ``signature-volume``: a volume line (:data:`_VOLUME_LINE`) at a page foot: right
    before the next page's furniture or its page number (within :data:`VOLUME_TO_NUMBER`
    non-blank lines), or ending the text.  Tuned on ``impact-bhl`` (flat and blank-line
    exports); a volume line on a title page ("VOLUME II." above the title, 4 gold headings)
    is followed by the title, not by a page's furniture, and stays."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    # Candidates picked in C (issue 10: the join and the pattern on every short line cost as
    # much as a rule): lines that end with a number's last character, a full stop aside.
    ends = map(_LAST_CHAR, map(str.removesuffix, map(str.rstrip, texts), repeat(".")))
    for i in compress(range(n), map(_VOLUME_NUMBER_END.fullmatch, ends)):
        if blank[i] or roles[i] is not None or len(texts[i]) > 60:
            continue
        t = " ".join(texts[i].split())
        if len(t) > 40 or not _VOLUME_LINE.fullmatch(t):
            continue
        j, ahead = i, []
        for _ in range(VOLUME_TO_NUMBER):
            j = _next_nonblank(doc, j)
            if j >= n:
                break
            ahead.append(j)
        if not (_before_page(doc, i, numbered) or any(roles[j] is Role.PAGE_NUMBER for j in ahead)):
            continue
        doc.labels.label(
            i,
            Role.PAGE_FOOTER,
            "signature-volume",
            f"{t!r}: a volume line (volume or issue number) at the page foot, right before the "
            "next page's furniture or at the end of the text",
            0.75,
        )


def rule_page_foot(doc: DocView) -> None:
    """Rules ``page-end-word``, ``catch-word-unmatched`` and ``signature-capital`` (module
    docstring)."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    if blank.count(False) < 3:
        return
    numbered = Role.PAGE_NUMBER in roles
    # Every rule below needs a short line, stripped: _page_end_word one of at most 40
    # characters and MAX_WIDTH of a measured width, a symbol signature one of at most 13
    # (_SYMBOL_SIGNATURE), a signature capital one of 1.  Those lines picked in C.
    limit = min(40.0, MAX_WIDTH * doc.width) if doc.width_measured else 40.0
    _label_volume_lines(doc, numbered)  # first: a signature capital may stand above one
    for i in doc.up_to(max(limit, 13.0)):
        # Cheap prefilter: short lines only (a catch-word, a signature).
        if blank[i] or roles[i] is not None or len(texts[i]) > 60:
            continue
        t = texts[i].strip()
        if t[:1] in "()*:†" and _SYMBOL_SIGNATURE.fullmatch(t):
            doc.labels.label(
                i,
                Role.PAGE_FOOTER,
                "signature-symbols",
                f"{t!r}: a signature mark of the preliminary leaves, alone on its line",
                0.75,
            )
            continue
        if len(t) == 1 and t.isupper():
            j = _next_nonblank(doc, i)
            if j < n and is_drop_capital(t, texts[j], doc.language):
                continue
            if _after_text(doc, i) and (
                _before_page(doc, i, numbered) or (j < n and _page_end_word(doc, j, numbered))
            ):
                doc.labels.label(
                    i,
                    Role.PAGE_FOOTER,
                    "signature-capital",
                    f"{t!r} alone at the page foot, no drop capital "
                    "(it makes no word with the next line)",
                    0.7,
                )
            continue
        if _page_end_word(doc, i, numbered):
            if _next_nonblank(doc, i) < n:
                # lone.py's catch-word rule found no twin opening the next page: the next
                # page is not the one this word announces (a document of pages far apart).
                # The boundary stage breaks the paragraph across this line (``pages-apart``).
                doc.labels.label(
                    i,
                    Role.PAGE_FOOTER,
                    CATCH_WORD_UNMATCHED,
                    f"{t!r}: a short open line right before the next page's furniture (a "
                    "catch-word), and the next page does not open with it: the pages do not "
                    "follow each other",
                    0.7,
                )
            else:
                doc.labels.label(
                    i,
                    Role.PAGE_FOOTER,
                    "page-end-word",
                    f"{t!r}: a short open line at the end of numbered pages (a catch-word)",
                    0.7,
                )


#: Non-blank lines after the next page's start searched for a catch-word's twin: the page
#: number, a running head and the first text line (or a footnote's continuation first).
#: 4, as :data:`reflow.structure.lone.CATCH_LOOKAHEAD`.
TWIN_LINES = 4
#: The twin is a full text line, at least this share of the line width: a short line after a
#: page number is the page's running head ("Herrnhuterey" on a title page opens the head
#: "Herrnhuterey in ihrer Schalkheit" of the next page, ocrd-structure, flat).
TWIN_WIDTH = 0.6
#: A catch-word stands at most this many non-blank lines before the next page's start: a page
#: of footnotes set after it in reading order (ocrd-structure, flat: "geſtalt" above 28 lines
#: of notes) is shorter than this.
MAX_CATCH_DISTANCE = 60


def _twin_prefix(word: str, line: str) -> bool:
    """Does ``line`` open with the catch-word ``word`` (a catch-word cut by a line-end hyphen,
    ``Stan-``, opens the word it begins)?

    >>> _twin_prefix("geſtalt", "geſtalt vor ihren"), _twin_prefix("Stan-", "Stande, da")
    (True, True)
    >>> _twin_prefix("der", "derselbe"), _twin_prefix("der", "Der")
    (False, False)
    """
    if word.endswith(("-", "⸗", "¬")):
        stem = word[:-1]
        return len(stem) >= 2 and line.startswith(stem)
    return line.startswith(word) and (len(line) == len(word) or not line[len(word)].isalnum())


def rule_catch_word_across(doc: DocView) -> None:
    """Rule ``catch-word-across``: a short open line (one or two words, at most
    :data:`MAX_WIDTH` of the line width) whose text opens one of the first :data:`TWIN_LINES`
    lines of the next page, the next page found by its start (a form feed or an inferred page)
    or by the next labelled page number, whatever lines stand between.

    lone.py's ``catch-word`` looks only a few lines ahead; in an export of a book page in
    reading order, the page's footnotes come after its catch-word, so the twin is far below.
    The twin right after the next page's start (page number, running head) is the evidence.

    Tuned on ``ocrd-structure`` (both exports; ``impact-bhl`` prints no catch-words).
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    pages = doc.labels.pages
    n = len(texts)
    if not doc.width_measured or blank.count(False) < 3:
        return
    # Page starts: the first non-blank line of each page, and every labelled page number.
    starts: list[int] = []
    prev_page = -1
    for i in range(n):
        if blank[i]:
            continue
        if pages[i] != prev_page or roles[i] is Role.PAGE_NUMBER:
            starts.append(i)
        prev_page = pages[i]
    if len(starts) < 2:
        return
    nonblank = list(compress(range(n), map(not_, blank)))
    # Only a line of at most MAX_WIDTH of the width can be a catch-word: those picked in C;
    # the next page start after each (s) and each line's place among the non-blank lines
    # (k) by bisection, instead of a walk over every line and a dictionary of every place.
    for i in doc.up_to(MAX_WIDTH * doc.width):
        if blank[i]:
            continue
        s = bisect_right(starts, i)
        if s >= len(starts) or roles[i] is not None:
            continue
        t = texts[i].strip()
        if len(t) > MAX_WIDTH * doc.width or closed(t) or t.endswith(":"):
            continue
        words = t.split()
        if not 0 < len(words) <= MAX_WORDS or sum(map(str.isalpha, t)) < 2:
            continue  # a capital alone is a signature or a drop capital (rules above)
        start = starts[s]
        k, at_start = bisect_left(nonblank, i), bisect_left(nonblank, start)
        if at_start - k > MAX_CATCH_DISTANCE:
            continue
        window = nonblank[at_start : at_start + TWIN_LINES]
        twin = next(
            (
                j
                for j in window
                if roles[j] is None
                and len(texts[j].strip()) >= TWIN_WIDTH * doc.width
                and _twin_prefix(t, texts[j].strip())
            ),
            -1,
        )
        if twin < 0:
            continue
        doc.labels.label(
            i,
            Role.PAGE_FOOTER,
            "catch-word-across",
            f"{t!r} opens line {twin + 1}, at the start of the next page (line {start + 1})",
            0.75,
        )


#: A printer's signature at the end of a foot line, after the book's short title (the
#: "norm"): one capital, maybe repeated in lower case ("H h", "C c c"), maybe with a number or
#: a roman numeral ("A 2", "E ij").  Searched in the last :data:`_TAIL` characters only, with
#: bounded pieces: linear.
_SIGNATURE_TAIL = re.compile(
    r"(?:^|\s)(?P<sig>[A-Z](?: [a-z]){0,3}(?: (?:\d{1,2}|[ijv]{1,5}))?)\.?$"
)
_TAIL = 16
#: Words on a norm-and-signature line at most ("B. Monatsſchr. IV. B. 6. St. H h" has 9 with
#: the signature; ocrd-structure).
NORM_WORDS = 9
#: Non-blank lines from the norm line to the next page's start at most: a catch-word and a
#: running head may stand between (ocrd-structure, flat: "II teil. E" / "der" / head / "67").
NORM_TO_PAGE = 3


def norm_signature(text: str) -> str | None:
    """The signature mark at the end of a page's foot line after the book's short title, else
    None: ``Herrnh. IV. Theil. A``, ``II teil. E``, ``Januar. 1696. B``, ``C c c 2``.

    >>> norm_signature("Herrnh. IV. Theil. A"), norm_signature("C c c 2")
    ('A', 'C c c 2')
    >>> norm_signature("A") is None, norm_signature("Page 7") is None
    (True, True)
    >>> norm_signature("and download the Short Introduction to L") is None
    True

    A body line may end so too ("the vitamin A"): :func:`rule_norm_signature` also wants the
    next page to start right below.
    """
    t = text.strip()
    m = _SIGNATURE_TAIL.search(t, max(0, len(t) - _TAIL))
    if m is None:
        return None
    sig = m.group("sig")
    before = t[: m.start("sig")].split()
    if not before:
        # A capital alone is signature-capital's case (drop capitals); "C c c 2" is whole.
        return sig if len(sig.split()) >= 2 else None
    # The short title ends with a full stop ("Theil.", "1696.", "St.") and has a word: a line
    # ending in "e.g., L" or "The A" is LaTeX's logo cut by an extractor (texlive-pdf).
    if not before[-1].endswith(".") or not any(sum(map(str.isalpha, w)) >= 3 for w in before):
        return None
    return sig


def rule_norm_signature(doc: DocView) -> None:
    """Rules ``signature-norm`` and ``catch-word-under-signature``.

    ``signature-norm``: a short open line that ends in a signature mark after a few
    words (the book's short title printed at the foot of a quire's first page), with the next
    page's start (a labelled page number, a page break, the end of the text) at most
    :data:`NORM_TO_PAGE` non-blank lines below.

    ``catch-word-under-signature``: a line of one word (every catch-word on the OCR-D pages is
    one; "Papiers CURIE" under a typescript's "OO3" is not one: tapuscorpus), open, at most
    :data:`MAX_WIDTH` of the line width, right below a signature mark (``signature-mark``,
    ``signature-norm``, ``signature-capital``): nothing but the catch-word is printed below
    the signature on a page ("E 2" / "mit", "II teil. E" / "der"; the next page need not be
    the one it announces).

    Tuned on ``ocrd-structure`` (flat export: "Herrnh. IV. Theil. A", "II teil. E", "B.
    Monatsſchr. IV. B. 6. St. H h").
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    pages = doc.labels.pages
    n = len(texts)
    if blank.count(False) < 3:
        return
    limit = 0.6 * doc.width if doc.width_measured else 40.0
    # Only a line of at most ``limit`` characters stripped can be one: those picked in C.
    for i in doc.up_to(limit):
        if blank[i] or roles[i] is not None or len(texts[i]) > 80:
            continue
        t = texts[i].strip()
        if len(t) > limit or len(t.split()) > NORM_WORDS or t.endswith((",", ";", ":")):
            continue
        sig = norm_signature(t)
        if sig is None:
            continue
        j, seen, page_next = i + 1, 0, False
        while seen <= NORM_TO_PAGE:
            while j < n and blank[j]:
                j += 1
            if j >= n or pages[j] != pages[i] or roles[j] is Role.PAGE_NUMBER:
                page_next = True
                break
            seen += 1
            j += 1
        if not page_next:
            continue
        where = "the end of the text" if j >= n else f"the next page's start (line {j + 1})"
        doc.labels.label(
            i,
            Role.PAGE_FOOTER,
            "signature-norm",
            f"ends in the signature mark {sig!r} after a short title, {seen} line(s) before "
            f"{where}",
            0.75,
        )
    signatures = ("signature-mark", "signature-norm", "signature-capital")
    # The signature lines, in order, from the labels (few): the loop labels only unlabelled
    # lines, with another rule, so the list does not change while it runs.
    marked = sorted(i for i, note in doc.labels.notes.items() if note[0] in signatures)
    for i in marked:
        if blank[i]:
            continue
        j = i + 1
        while j < n and blank[j]:
            j += 1
        if j >= n or roles[j] is not None or pages[j] != pages[i]:
            continue
        t = texts[j].strip()
        if (
            len(t.split()) != 1
            or sum(map(str.isalpha, t)) < 2
            or closed(t)
            or t.endswith(":")
            or (doc.width_measured and len(t) > MAX_WIDTH * doc.width)
        ):
            continue
        why = f"{t!r}: a short open line right below the signature mark on line {i + 1}"
        start = _next_start(doc, j)
        if start is not None and not any(
            _twin_prefix(t, texts[k].strip()) for k in _lines_from(doc, start, TWIN_LINES)
        ):
            # The next page does not open with the catch-word: the pages do not follow each
            # other, and the boundary stage breaks the paragraph across (``pages-apart``;
            # ocrd-structure, flat: "gerichte" before a page opening "dungen, ...").
            doc.labels.label(
                j,
                Role.PAGE_FOOTER,
                CATCH_WORD_UNMATCHED,
                f"{why}; the next page (line {start + 1}) does not open with it",
                0.7,
            )
            continue
        doc.labels.label(j, Role.PAGE_FOOTER, "catch-word-under-signature", why, 0.7)


def _lines_from(doc: DocView, i: int, count: int) -> list[int]:
    """Up to ``count`` non-blank lines from line ``i`` on."""
    out: list[int] = []
    blank = doc.lines.blank
    while i < len(blank) and len(out) < count:
        if not blank[i]:
            out.append(i)
        i += 1
    return out


def _next_start(doc: DocView, i: int) -> int | None:
    """The next page's start within :data:`NORM_TO_PAGE` non-blank lines after line ``i``: a
    labelled page number or a line on another page; None when there is none that near."""
    roles, pages = doc.labels.roles, doc.labels.pages
    for k in _lines_from(doc, i + 1, NORM_TO_PAGE + 1):
        if roles[k] is Role.PAGE_NUMBER or pages[k] != pages[i]:
            return k
    return None
