"""Stage 3: the page's structure, seen in the text alone.

Labels each line that is not body text: page furniture (running heads, footers, page numbers),
headings (headlines, decks, subheads, bylines), captions and other stray text.  Labelled lines
are kept, never deleted; the boundary stage heals body paragraphs across them.

Contract with the rest of the pipeline (``label_lines``):

* ``LineLabels.roles[i]`` is ``None`` for body text and blank lines, else the :class:`Role` of
  line *i* (never ``Role.PARAGRAPH``).
* ``LineLabels.notes[i]`` holds ``(rule, evidence, confidence)`` for every labelled line.
* ``LineLabels.pages[i]`` is line *i*'s page: the form-feed page when the extractor gave form
  feeds, else a page inferred from repeating furniture (0 when nothing says otherwise).

The rules run in a fixed order (:data:`RULES`); a line keeps the first label it gets.  The
decision table, with every default, is in ``docs/structure.md``.  Precision comes first: a body
line taken for a heading breaks a paragraph, a missed heading only stays glued to the text, so
every rule abstains when its evidence is incomplete.

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> text = ("Honey Exports Grow\\nBishkek sold 400 tons of honey to Japan this year.\\n"
...         "Photo: Kyrgyz beekeepers\\n")
>>> labels = label_lines(split_lines(text), Config(), "en")
>>> [(str(r), labels.notes[i][0]) for i, r in enumerate(labels.roles) if r]
[('heading', 'heading-line'), ('caption', 'caption-prefix')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reflow.config import Config
from reflow.furniture import (
    infer_pages,
    label_loose_furniture,
    label_page_numbers,
    label_running_heads,
)
from reflow.lines import Lines
from reflow.model import FURNITURE, Role


@dataclass(slots=True)
class LineLabels:
    """Roles, pages and evidence for the lines of a document (parallel to :class:`Lines`).

    ``page_evidence`` says where the pages came from (form feeds, or the furniture that
    :func:`reflow.furniture.infer_pages` found).
    """

    roles: list[Role | None]
    pages: list[int]
    notes: dict[int, tuple[str, str, float]] = field(default_factory=dict)
    page_evidence: str = ""

    def label(self, i: int, role: Role, rule: str, evidence: str, confidence: float) -> None:
        self.roles[i] = role
        self.notes[i] = (rule, evidence, confidence)


@dataclass(slots=True)
class _Doc:
    """What the rules share: the lines, the labels so far, and document-wide measurements."""

    lines: Lines
    labels: LineLabels
    language: str
    max_words: int
    # Does this extractor leave a space at the end of every wrapped line (pdfminer does)?
    # Then a line without one ends a text box: a paragraph's last line, or a heading.
    trailing_space_wraps: bool
    # Typical body line length in characters, to tell a short line from a full one.
    width: float
    # Was the width measured on enough lines (MIN_LINES_FOR_WIDTH) to call a line short?
    width_measured: bool
    # Adjacent word pairs seen inside unlabelled lines, lower case: the document's own
    # phrases.  Built on first use (after the furniture pass): most documents have few lines
    # that reach the phrase test.
    _phrases: str | None = None

    # Non-blank line indices and, per line, its position among them: for local widths.
    _nonblank: list[int] | None = None
    _position: dict[int, int] | None = None
    _lengths: list[int] | None = None
    _widths: dict[int, float] | None = None

    _bylines: list[int] | None = None

    @property
    def bylines(self) -> list[int]:
        """Lines shaped like a byline (:func:`is_byline`), found in one pass on first use:
        the byline rules and the article heads above them visit only these."""
        if self._bylines is None:
            self._bylines = [i for i, t in enumerate(self.lines.texts) if is_byline(t)]
        return self._bylines

    @property
    def phrases(self) -> str:
        if self._phrases is None:
            self._phrases = _phrase_text(self.lines, self.labels)
        return self._phrases

    def local_width(self, i: int) -> float:
        """The column width around line *i*: the upper quartile of the lengths of the
        :data:`WIDTH_WINDOW` non-blank lines on either side (a constant window: linear).

        A page may hold columns of two widths (a second article set in fewer columns), and a
        headline or deck spans several columns, so one document-wide width misleads.
        """
        if self._nonblank is None:
            self._nonblank = [k for k, b in enumerate(self.lines.blank) if not b]
            self._position = {k: p for p, k in enumerate(self._nonblank)}
            texts = self.lines.texts
            self._lengths = [len(texts[k].strip()) for k in self._nonblank]
            self._widths = {}
        assert self._position is not None and self._widths is not None
        width = self._widths.get(i)
        if width is None:
            # Memoised: the short-line runs ask for a line and then for the line under it.
            p = self._position[i]
            lengths = sorted(self._lengths[max(0, p - WIDTH_WINDOW) : p + WIDTH_WINDOW + 1])
            width = self._widths[i] = float(lengths[(3 * (len(lengths) - 1)) // 4])
        return width


def label_lines(lines: Lines, config: Config, language: str) -> LineLabels:
    """Label the non-body lines of ``lines``.

    >>> from reflow.lines import split_lines
    >>> page = "Some body text that runs on.\\n- 3 -\\n"
    >>> labels = label_lines(split_lines(page), Config(), "en")
    >>> labels.roles[1], labels.notes[1][0]
    (<Role.PAGE_NUMBER: 'page-number'>, 'page-number-format')
    >>> label_lines(split_lines(page), Config(detect_structure=False), "en").roles
    [None, None]
    """
    labels = LineLabels([None] * len(lines), list(lines.pages))
    if not config.detect_structure or not len(lines):
        return labels
    page_count = lines.page_count
    if page_count > 1:
        labels.page_evidence = f"{page_count} pages cut by form feeds"
    else:
        pages, page_count, why = infer_pages(lines)
        if page_count > 1:
            labels.pages = pages
            labels.page_evidence = f"{page_count} pages inferred: {why}"
    doc = _Doc(lines, labels, language, config.max_heading_words, *_measure(lines))
    # Page numbers first: "xii" / "xiii" are also alike enough to pass for a running head.
    label_page_numbers(lines, labels, labels.pages, max(page_count, 1))
    label_running_heads(lines, labels, labels.pages, max(page_count, 1), language)
    label_loose_furniture(lines, labels, labels.pages, max(page_count, 1), language)
    for rule in RULES:
        rule(doc)
    if lines.boxes is not None:
        # A reader gave geometry: sizes and weights decide what the characters could not.
        from reflow.geometry import PageGeometry

        PageGeometry(lines).label(labels, config.max_heading_words)
    return labels


#: Where the trailing-space convention holds: share of non-blank lines with trailing spaces.
#: 0.3: the pdfminer-style shared example has 0.76, pdftotext output has 0.
TRAILING_SPACE_SHARE = 0.3
#: Below this many non-blank lines a quartile says little; the longest line is used instead.
MIN_LINES_FOR_WIDTH = 12


def _measure(lines: Lines) -> tuple[bool, float, bool]:
    """``(trailing_space_wraps, width, width_measured)`` of the document."""
    lengths: list[int] = []
    trailing = 0
    for text, blank in zip(lines.texts, lines.blank, strict=True):
        if blank:
            continue
        stripped = text.rstrip()
        lengths.append(len(stripped))
        trailing += stripped != text
    if not lengths:
        return False, 0.0, False
    share = trailing / len(lengths)
    if len(lengths) >= MIN_LINES_FOR_WIDTH:
        # The upper quartile, not the median: short lines (paragraph ends, furniture, narrow
        # columns) are many.  In the shared example the wrapped lines of the main column run
        # 35..46 characters and the upper quartile is 42.
        lengths.sort()
        width = lengths[(3 * len(lengths)) // 4]
    else:
        width = max(lengths)
    return share >= TRAILING_SPACE_SHARE, float(width), len(lengths) >= MIN_LINES_FOR_WIDTH


def _bare(word: str) -> str:
    return word.strip(_OPENING_MARKS + _CLOSING_MARKS + ".,;:!?…").lower()


_RUNS_OF_SPACE = re.compile(r"[^\S\n]+")


def _phrase_text(lines: Lines, labels: LineLabels) -> str:
    """The unlabelled lines, lower case, marks removed, one space between words and a space on
    either side of every word, so that " a b " is found only where a and b stand side by side
    inside a line.  Built with C-level string operations (a per-word loop cost a tenth of the
    whole pipeline on the evaluation corpus)."""
    body = "\n".join(
        text
        for text, blank, role in zip(lines.texts, lines.blank, labels.roles, strict=True)
        if not blank and role is None
    )
    body = _RUNS_OF_SPACE.sub(" ", body.lower().translate(_BARE_TABLE))
    return " " + body.replace("\n", " \n ") + " "


def _phrase_goes_on(doc: _Doc, i: int, nxt: int) -> bool:
    """Does the document print line *i*'s last word and line *nxt*'s first word side by side
    elsewhere ("Cooperation" / "Agency" when "Cooperation Agency" occurs in a line)?"""
    if nxt >= len(doc.lines):
        return False
    a, b = doc.lines.texts[i].split(), doc.lines.texts[nxt].split()
    if not (a and b):
        return False
    first = _bare(b[0])
    if first in FUNCTION_WORDS.get(doc.language, FUNCTION_WORDS["en"]):
        return False  # "The", "Die", "Le" follow any word: no evidence of a phrase
    last, first = a[-1].lower().translate(_BARE_TABLE), b[0].lower().translate(_BARE_TABLE)
    return bool(last and first) and f" {last} {first} " in doc.phrases


# ---------------------------------------------------------------------------------------------
# Word lists.  Closed-class words (articles, prepositions, conjunctions, auxiliaries) that a
# headline does not end with, but a wrapped line often does; written by hand for the languages
# of our cases.  Other languages fall back to the English list (harmless: it only abstains).

_FUNCTION_WORDS = {
    "en": """a an the and or but nor of to in on at by for with from as into onto over under
        about after before between through during without within than that which who whom
        whose is are was were be been being has have had its their his her our your my this
        these those not no so if can will would could should may might must shall do does
        did very more most also such both each every any some many own other another".
        """,
    "de": """der die das den dem des ein eine einen einem einer eines und oder aber sondern
        von zu zum zur in im an am auf aus bei mit nach seit über unter vor für durch gegen
        ohne um als wie dass daß ist sind war waren hat haben wird werden kann können soll
        muss nicht kein keine sich sein seine ihr ihre es er sie wir auch noch sehr wenn ob
        weil da
        """,
    "fr": """le la les l' un une des du de d' et ou mais ni à au aux en dans sur sous par pour
        avec sans chez entre vers que qui dont où est sont était a ont sera ce cette ces son
        sa ses leur leurs ne pas plus très aussi se il elle ils elles nous vous comme si
        quand car
        """,
    "es": """el la los las lo un una unos unas y e o u pero ni de del a al en con por para sin
        sobre entre hacia desde hasta que quien cuyo es son era fue ha han será este esta
        estos estas ese esa su sus no más muy también se como si cuando porque
        """,
}
FUNCTION_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}

# A line ending in one of these is not a heading: it closes a sentence, or goes on.
_LINE_ENDINGS_NOT_HEADING = ".!?…:;,\"'”’»)]-–—&/("
_SENTENCE_END = ".!?…"
_CLOSING_MARKS = "\"'”’»)]"
_OPENING_MARKS = "\"'“‘„«¿¡(["
_BARE_TABLE = str.maketrans("", "", _OPENING_MARKS + _CLOSING_MARKS + ".,;:!?…")
_DIALOGUE_OPENERS = "—–-\"'“‘„«‹"


def closed(text: str) -> bool:
    """Does the line end a sentence (closing quotes and brackets looked through)?

    >>> closed("in the garden.”"), closed("(cherry blossom)"), closed("Sus-")
    (True, False, False)
    """
    t = text.rstrip().rstrip(_CLOSING_MARKS)
    return bool(t) and t[-1] in _SENTENCE_END


def _starts_sentence(text: str) -> bool:
    """Does the line begin like a sentence: an upper-case letter or digit, maybe after a quote?"""
    t = text.lstrip().lstrip(_OPENING_MARKS + "—–- ")
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def _words(text: str) -> list[str]:
    return text.split()


def is_caps(text: str) -> bool:
    """Set in capitals: at least 3 letters, 90% or more upper case.

    >>> is_caps("EXPORTS BOOM IN 2022"), is_caps("Exports boom")
    (True, False)
    """
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower >= 3 and upper >= 0.9 * (upper + lower)


def is_title_case(text: str, language: str) -> bool:
    """Every word that is not a function word starts upper case (not for German, whose nouns
    are always capitalised, so its body lines pass this test).

    >>> is_title_case("The State of the Union", "en"), is_title_case("The state of it", "en")
    (True, False)
    """
    if language == "de":
        return False
    stop = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    content = [w for w in _words(text) if w.lower().strip(",.:;'\"“”") not in stop]
    alpha = [w.lstrip(_OPENING_MARKS) for w in content if any(c.isalpha() for c in w)]
    return bool(alpha) and all(w[:1].isupper() or w[:1].isdigit() for w in alpha)


def _ends_with_function_word(text: str, language: str) -> bool:
    words = _words(text)
    if not words:
        return False
    stop = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    return words[-1].lower() in stop


def _heading_text_ok(doc: _Doc, text: str) -> bool:
    """The text-only conditions every heading meets: short, unclosed, not going on."""
    t = text.strip()
    if not t or not _starts_sentence(t):
        return False
    if t[-1] in _LINE_ENDINGS_NOT_HEADING and not (t[-1] == ")" and "(" in t):
        return False  # "Guides (HOWTO)" closes its own bracket: still a heading
    if t[0] in _DIALOGUE_OPENERS:
        return False  # "— Not yet", "“In a minute": dialogue, not a headline
    if len(_words(t)) > doc.max_words or sum(map(str.isalpha, t)) < 2:
        return False
    if "(" in t and t.count("(") > t.count(")"):
        return False  # "Il sistema NSS (Name Service Switch, si": a bracket left open goes on
    return not _ends_with_function_word(t, doc.language)


# ---------------------------------------------------------------------------------------------
# Navigation that looks through labelled lines (furniture, captions) as the boundary stage does.


def _transparent(doc: _Doc, i: int) -> bool:
    """Blank, or labelled as something the body flows around (not a heading)."""
    role = doc.labels.roles[i]
    return doc.lines.blank[i] or (role is not None and role is not Role.HEADING)


def _prev_line(doc: _Doc, i: int) -> int:
    """The nearest line before *i* that is body text or a heading, or -1."""
    j = i - 1
    while j >= 0 and _transparent(doc, j):
        j -= 1
    return j


def _next_line(doc: _Doc, i: int) -> int:
    """The nearest line after *i* that is body text or a heading, or len(lines)."""
    n = len(doc.lines)
    j = i + 1
    while j < n and _transparent(doc, j):
        j += 1
    return j


def _blank_before(doc: _Doc, i: int) -> bool:
    """A blank line, a page edge or a labelled line directly above *i*."""
    return (
        i == 0
        or doc.lines.blank[i - 1]
        or doc.labels.pages[i - 1] != doc.labels.pages[i]
        or (doc.labels.roles[i - 1] is not None)
    )


def _blank_after(doc: _Doc, i: int) -> bool:
    n = len(doc.lines)
    return (
        i == n - 1
        or doc.lines.blank[i + 1]
        or doc.labels.pages[i + 1] != doc.labels.pages[i]
        or (doc.labels.roles[i + 1] is not None)
    )


# ---------------------------------------------------------------------------------------------
# Captions, credits, notes.

_CAPTION = re.compile(
    r"(?:Photos?|Photograph|Picture|Image|Illustration|Graphic|Chart|Map|Figure|Fig\."
    r"|Foto|Fotos|Bild|Abbildung|Abb\.|Grafik|Karte|Carte|Figura|Imagen|Gráfico|Mapa"
    r"|Ilustración|Afbeelding|Figuur|Immagine|Illustrazione|Credit|Crédit|Crédito)"
    r"(?: \d{1,3}[a-z]?)? ?[:|—–] ?\S",
    re.IGNORECASE,
)
_NUMBERED_CAPTION = re.compile(
    r"(?:Figure|Fig\.|Abbildung|Abb\.|Figura|Figuur|Afbeelding|Table|Tabelle|Tableau|Tabla"
    r"|Tabel|Tabella) \d{1,3}(?:\.\d{1,3})?[a-z]?[.:] \S"
)
_PHOTO_BY = re.compile(r"(?:Photo by|Photos by|Foto von|Photo de|Foto de|Foto:) ?\S", re.I)
_SOURCE = re.compile(r"(?:Sources?|Quellen?|Fuentes?) ?: ?\S")
_AGENCIES = (
    "Reuters|AP|AFP|dpa|DPA|EFE|Kyodo|Xinhua|ANSA|Bloomberg|UPI|Europa Press|Jiji|Yonhap|KNA"
)
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


#: Every caption pattern above as one alternation, tried with ``match`` first: one C-level call
#: settles the common line (no caption, credit, note or jump line starts there); a line that
#: a pattern fully matches also matches it at its start, so nothing is lost.
_ANY_CAPTION_START = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for p in (
            _CAPTION,
            _NUMBERED_CAPTION,
            _PHOTO_BY,
            _SOURCE,
            _AGENCY_CREDIT,
            _PHOTO_CREDIT,
            _JUMP,
        )
    )
)


def rule_captions(doc: _Doc) -> None:
    """Rules ``caption-prefix``, ``credit``, ``source-note``, ``agency-credit``, ``jump-line``.

    A line that begins like a caption ("Photo: ...", "Figure 3. ...", "Abb. 2: ...") is a
    caption; a photo credit ("REUTERS/Jane Doe", "© 2022 ...") too.  "Source: ..." and an
    agency credit alone on a line ("(Reuters)") are ``other``; so is a jump line ("Continued on
    page 7").  A caption that stands as a block of its own (blank lines or labelled lines
    around it) takes its next lines with it, up to 3 in all, when they do not start a sentence
    of the body (precision: inside running text only the first line is labelled).
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    for i, text in enumerate(texts):
        if blank[i] or roles[i] is not None:
            continue
        t = text.strip()
        if "  " in t or not t.isprintable():
            t = " ".join(t.split())  # tabs, no-break or doubled spaces: one space each
        if len(t) > 300:
            continue  # a whole paragraph on one line
        if not _ANY_CAPTION_START.match(t):
            continue
        found: tuple[Role, str, str, float] | None = None
        if _CAPTION.match(t) or _NUMBERED_CAPTION.match(t) or _PHOTO_BY.match(t):
            found = (Role.CAPTION, "caption-prefix", f'begins "{t.split()[0]}"', 0.85)
        elif _PHOTO_CREDIT.fullmatch(t):
            found = (Role.CAPTION, "credit", "reads as a photo credit", 0.8)
        elif _SOURCE.match(t):
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
            if _blank_before(doc, i):
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


def _run_on_caption(doc: _Doc, i: int) -> None:
    """Rule ``caption-run-on``: the lines after a caption's first line, up to and including the
    first line that ends a sentence, when no blank line sets the caption apart.

    A caption is a sentence (or a few); its last line is closed.  Without a closed line within
    :data:`MAX_RUNON_CAPTION_LINES` lines (a caption without a period, glued to the body) only
    the first line stays labelled: precision first.
    """
    texts, blank = doc.lines.texts, doc.lines.blank
    if closed(texts[i]):
        return
    n = len(texts)
    end = None
    for j in range(i + 1, min(n, i + MAX_RUNON_CAPTION_LINES)):
        if (
            blank[j]
            or doc.labels.roles[j] is not None
            or doc.labels.pages[j] != doc.labels.pages[i]
        ):
            return
        if closed(texts[j]):
            end = j
            break
    if end is None:
        return
    for j in range(i + 1, end + 1):
        doc.labels.label(
            j, Role.CAPTION, "caption-block", f"runs on from the caption on line {i + 1}", 0.65
        )


def _extend_caption(doc: _Doc, i: int) -> None:
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


# ---------------------------------------------------------------------------------------------
# Bylines and headings.

_BY_WORDS = frozenset({"by", "von", "par", "por", "di", "door", "text:", "texto:", "tekst:"})
_NAME_JOINERS = frozenset(
    {"and", "und", "et", "y", "e", "en", "&", "van", "von", "de", "da", "del", "la", "le", "der"}
)


_BY_PREFIXES = tuple(sorted(w + " " for w in _BY_WORDS))
#: A byline's first character: its first word capitalised, or whitespace before it (a form
#: feed, an indent).  One set lookup settles almost every line.
_BY_INITIALS = frozenset({w[0].upper() for w in _BY_WORDS} | set(" \t\f\v\x0c"))


def is_byline(text: str) -> bool:
    """ "By Jane Doe", "Von Anna Müller und Max Weber", "Par Jean Dupont", "Por Ana García",
    "Di Marco Rossi", "Door Jan de Vries".

    >>> is_byline("By Jane Doe"), is_byline("By the way"), is_byline("BY JANE DOE, STAFF")
    (True, False, True)
    """
    if text[:1] not in _BY_INITIALS:
        return False  # the common case, decided on one character
    if not text.lstrip()[:7].lower().startswith(_BY_PREFIXES):
        return False  # decided without splitting the line
    words = _words(text)
    if not 2 <= len(words) <= 8 or words[0].lower() not in _BY_WORDS:
        return False
    if not words[0][0].isupper() or text.rstrip()[-1] in ",;:":
        return False
    names = 0
    for w in words[1:]:
        core = w.rstrip(",")
        if core.lower() in _NAME_JOINERS:
            continue
        if not core[:1].isupper():
            return False
        names += 1
    return 1 <= names <= 5


def rule_bylines(doc: _Doc) -> None:
    """Rule ``byline``: a byline after a closed sentence, a heading(-shaped line) or a page edge.

    Labelled ``heading`` (the issue counts bylines among headings); a byline never starts an
    article (:func:`article_starts`).
    """
    texts = doc.lines.texts
    for i in doc.bylines:
        text = texts[i]
        if doc.labels.roles[i] is not None:
            continue
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        prev = _prev_line(doc, i)
        if prev >= 0 and not (
            closed(texts[prev])
            or doc.labels.roles[prev] is Role.HEADING
            or _heading_shape(doc, prev) is not None
        ):
            continue
        if _next_line(doc, i) >= len(texts):
            continue
        doc.labels.label(i, Role.HEADING, "byline", "a name after By/Von/Par/Por", 0.8)


#: A heading line may fill at most this share of the typical line (wider ones are wrapped body
#: lines).  0.8: "The Japan International Cooperation " (the column break in the shared
#: example) fills 0.83 of its column (35 of 42 characters); the headlines of our cases that
#: pass by width fill 0.10..0.72 of theirs.
MAX_HEADING_WIDTH = 0.8
#: A heading line in any case (sentence case too) fills at most this share of its local column
#: width, and the line after it must fill at least MAX_HEADING_WIDTH of its own.  0.7: measured
#: on the evaluation corpus (open lines of >= 2 words after a closed sentence, before a full
#: line that starts a sentence): 14 heading lines and no body line fill <= 0.7 (the first body
#: line, "TCP und UDP nutzen" over "Ports, das sind", fills 0.72; 0.75 lets 4 in).
MAX_SHORT_HEADING_WIDTH = 0.7
#: At most this many headings in a row (headline + deck); a third is a list or verse.
MAX_HEADING_RUN = 2
#: The line after a heading is body when it has at least this many words or ends a sentence
#: (a list item or a line of verse is short and open).
MIN_BODY_WORDS = 6


def _body_like(doc: _Doc, j: int, narrow_column: bool = False) -> bool:
    """Does line *j* look like body text (or a byline) rather than another short open line?

    With ``narrow_column`` (under a line set apart, where no run of short lines can be cut
    wrong), a line that fills its column or breaks a word counts too, whatever its words.
    """
    if j >= len(doc.lines):
        return False
    if doc.labels.roles[j] is Role.HEADING:
        return doc.labels.notes[j][0] == "byline"
    text = doc.lines.texts[j]
    if doc.labels.roles[j] is None and is_byline(text):
        return True
    if not _starts_sentence(text):
        return False
    if len(_words(text)) >= MIN_BODY_WORDS or closed(text):
        return True
    if not narrow_column:
        return False
    # A narrow column holds fewer words ("Dynamisches Routing ermög-"): a line that fills its
    # column, or breaks a word, runs on as body does; a list item or verse line does neither.
    t = text.rstrip()
    if t.endswith("-") and t[-2:-1].isalpha():
        return True
    if not doc.width_measured:
        return False
    local = doc.local_width(j)
    return bool(local) and len(t.strip()) >= MAX_HEADING_WIDTH * local


def _fills_column(doc: _Doc, j: int) -> bool:
    """Does line *j* fill at least :data:`MAX_HEADING_WIDTH` of its local column width?"""
    local = doc.local_width(j)
    return bool(local) and len(doc.lines.texts[j].strip()) >= MAX_HEADING_WIDTH * local


def _heading_run(doc: _Doc, prev: int) -> int:
    """How many headings stand in a row ending at line *prev*."""
    run = 0
    while prev >= 0 and doc.labels.roles[prev] is Role.HEADING and run <= MAX_HEADING_RUN:
        run += 1
        prev = _prev_line(doc, prev)
    return run


def _heading_shape(doc: _Doc, i: int) -> tuple[str, str, bool] | None:
    """``(rule, evidence, needs_full_line_after)`` when line *i* is shaped like a heading
    (context aside), else None.

    * ``heading-block``: the line stands alone between blank lines (or labelled lines), and
      either it is in capitals, or it is narrow and in title case, or the extractor marks
      wrapped lines with a trailing space and this line has none (then a column break inside
      a sentence shows as a trailing space, whatever the width).
    * ``heading-line``: no blank line around it (pdftotext -raw), so the shape must speak:
      capitals, or title case and narrow, or (any case) short: at most
      :data:`MAX_SHORT_HEADING_WIDTH` of a measured line width; a short line then needs a full
      line after it (the first line of a paragraph), which the caller checks.
    """
    text = doc.lines.texts[i]
    if doc.lines.blank[i] or doc.labels.roles[i] is not None or not _heading_text_ok(doc, text):
        return None
    if doc.trailing_space_wraps and text != text.rstrip():
        return None  # a wrapped line of this extractor: never a heading
    caps = is_caps(text)
    title = is_title_case(text, doc.language)
    share = len(text.strip()) / doc.width if doc.width else 1.0
    narrow = share <= MAX_HEADING_WIDTH
    alone = _blank_before(doc, i) and _blank_after(doc, i)
    if alone and (caps or doc.trailing_space_wraps or (narrow and title)):
        shape = "capitals" if caps else "title case" if title else "no trailing space"
        return "heading-block", f"stands alone, {shape}, {share:.0%} of the line width", False
    if alone and doc.width_measured:
        # Any case (German subheads are sentence case): a line alone in its text box that
        # does not fill its column as a body line does, being narrower or spanning columns.
        local = doc.local_width(i)
        fill = len(text.strip()) / local if local else 1.0
        if fill <= MAX_HEADING_WIDTH or fill >= WIDE_HEADLINE:
            return "heading-block", f"stands alone, {fill:.0%} of its column", False
    if caps or (title and narrow):
        shape = "capitals" if caps else "title case"
        return "heading-line", f"{shape}, {share:.0%} of the line width", False
    if doc.width_measured and len(_words(text)) >= 2:
        # Against the local column width: a page may hold columns of two widths.
        local = doc.local_width(i)
        fill = len(text.strip()) / local if local else 1.0
        if fill <= MAX_SHORT_HEADING_WIDTH:
            return "heading-line", f"short ({fill:.0%} of its column)", True
    return None


def rule_headings(doc: _Doc) -> None:
    """Rules ``heading-line`` and ``heading-block``: a short open line between a closed sentence
    (or a page start, or a headline) and the start of body text.

    Every heading: at most ``max_heading_words`` words, at least 2 letters, starts upper
    case, does not end with punctuation or a function word, and the body line before it is
    closed (or it starts the document, or follows a headline).  The line after it must look
    like body (start a sentence, and be long or closed), or be a byline, or be a second
    heading-shaped line (a deck) followed by body.  It abstains when the document prints the
    line's last word and the next line's first word side by side elsewhere (a phrase that
    goes on across the line break, as "Cooperation" / "Agency").  Its shape is tested by
    :func:`_heading_shape`.  A line with a trailing space in a document where trailing spaces
    mark wrapped lines is never a heading.
    """
    texts = doc.lines.texts
    n = len(texts)
    for i in range(n):
        if doc.lines.blank[i] or doc.labels.roles[i] is not None:
            continue
        prev = _prev_line(doc, i)
        if prev >= 0 and doc.labels.roles[prev] is None and not closed(texts[prev]):
            continue  # the common case, a wrapped line: settled before any shape test
        shape = _heading_shape(doc, i)
        if shape is None:
            _multi_line_heading(doc, i)
            continue
        run = _heading_run(doc, prev) if prev >= 0 else 0
        if prev >= 0 and (run >= MAX_HEADING_RUN or (run == 0 and not closed(texts[prev]))):
            continue
        nxt = _next_line(doc, i)
        if _phrase_goes_on(doc, i, nxt):
            continue  # the document prints these two words as one phrase elsewhere
        rule, evidence, needs_full_line_after = shape
        if needs_full_line_after:
            if _body_like(doc, nxt, True) and _fills_column(doc, nxt):
                doc.labels.label(
                    i,
                    Role.HEADING,
                    rule,
                    f"{evidence}; after a closed sentence, before a full line of body",
                    0.6,
                )
            continue
        if _body_like(doc, nxt, rule == "heading-block"):
            before = (
                "a closed sentence"
                if run == 0 and prev >= 0
                else "a heading"
                if run
                else ("nothing (start of the text)")
            )
            doc.labels.label(
                i,
                Role.HEADING,
                rule,
                f"{evidence}; after {before}, before body",
                0.8 if rule == "heading-block" else 0.7,
            )
            continue
        # A deck: the next line is heading-shaped too, and body follows it.
        if (
            run == 0
            and nxt < n
            and _heading_shape(doc, nxt)
            and _body_like(doc, _next_line(doc, nxt))
        ):
            doc.labels.label(i, Role.HEADING, rule, f"{evidence}; before a deck and body", 0.7)


#: A headline block is at most this many lines (the longest in our cases wraps to 2; 3 leaves
#: room for a narrow column).
MAX_HEADING_LINES = 3


def _multi_line_heading(doc: _Doc, i: int) -> None:
    """Rule ``heading-block`` for a headline wrapped to 2..3 lines, set apart by blank lines.

    Line *i* must open the block (blank line, labelled line or page edge above) and start a
    sentence; the block ends at a blank line within :data:`MAX_HEADING_LINES` lines.  The
    whole block has at most ``max_heading_words`` words, no line of it ends a sentence, its
    last line meets the heading conditions of its end (no closing punctuation, no function
    word, no trailing space where trailing spaces mark wrapped lines).  Where the document has
    no trailing-space convention, the block must be in capitals, or in title case with every
    line narrow.  Context as for a one-line heading: a closed sentence (or the start) before,
    body after (or the end of the text, as for a headline at a page end), no phrase going on.
    """
    lines, labels = doc.lines, doc.labels
    texts, n = lines.texts, len(lines)
    if lines.blank[i] or labels.roles[i] is not None or not _blank_before(doc, i):
        return
    if not _starts_sentence(texts[i]):
        return
    end = i
    while end + 1 < n and not lines.blank[end + 1] and labels.roles[end + 1] is None:
        if labels.pages[end + 1] != labels.pages[i] or end + 1 - i >= MAX_HEADING_LINES:
            return
        if is_byline(texts[end + 1]):
            return  # a headline over its byline: two blocks (rule_article_heads)
        end += 1
    if end == i or not _blank_after(doc, end):
        return
    block = [texts[j] for j in range(i, end + 1)]
    joined = " ".join(t.strip() for t in block)
    last = block[-1]
    if len(_words(joined)) > doc.max_words or any(closed(t) for t in block):
        return
    t = last.strip()
    if t[-1] in _LINE_ENDINGS_NOT_HEADING or _ends_with_function_word(t, doc.language):
        return
    if doc.trailing_space_wraps:
        if last != last.rstrip():
            return
        shape = "no trailing space on its last line"
    else:
        narrow = all(len(x.strip()) <= MAX_HEADING_WIDTH * doc.width for x in block)
        if is_caps(joined):
            shape = "capitals"
        elif narrow and is_title_case(joined, doc.language):
            shape = "title case"
        elif _set_apart_block(doc, i, end):
            shape = "its last line short, no word cut"
        else:
            return
    prev = _prev_line(doc, i)
    if prev >= 0 and not closed(texts[prev]):
        return
    nxt = _next_line(doc, end)
    # At the very end of the text nothing can vouch for the block, but nothing can continue it
    # either: like a one-line headline at a page end, it heads the next article.
    if nxt < n and (_phrase_goes_on(doc, end, nxt) or not _body_like(doc, nxt, True)):
        return
    after = "before body" if nxt < n else "at the end of the text"
    for j in range(i, end + 1):
        labels.label(
            j,
            Role.HEADING,
            "heading-block" if j == i else "heading-block-continued",
            f"line {j - i + 1} of a {end - i + 1}-line block set apart, {shape}; "
            f"after a closed sentence, {after}",
            0.75,
        )


def _set_apart_block(doc: _Doc, i: int, end: int) -> bool:
    """Lines *i..end*, set apart by blank lines, in any case (a German or sentence-case subhead
    in a larger font fills its narrow column): no line breaks a word with a hyphen (headings
    are not hyphenated) and the last line fills at most :data:`MAX_HEADING_WIDTH` of its
    column.  A paragraph cut by a column break into a box of its own ends on a full line."""
    if not doc.width_measured:
        return False
    texts = doc.lines.texts
    for j in range(i, end + 1):
        t = texts[j].rstrip()
        if t.endswith("-") and t[-2:-1].isalpha():
            return False
    local = doc.local_width(end)
    return bool(local) and len(texts[end].strip()) <= MAX_HEADING_WIDTH * local


def rule_heading_in_sentence(doc: _Doc) -> None:
    """Rule ``heading-in-sentence``: a headline set between the two halves of a sentence of
    another article (pdfminer prints the other article's headline as a text box of its own
    where the columns meet: "... mismos es" / "Servidor Samba" / "llamada «partición» ...").

    The line stands alone between blank lines, meets the heading text conditions, is in
    capitals or in title case (not German), fills at most :data:`MAX_HEADING_WIDTH` of its
    column, the body line above it is open and the body line under it goes on in lower case.
    A body line cut off by a column break fills its column; a pull quote or caption is a
    sentence of lower-case words.
    """
    if not doc.width_measured:
        return
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    for i in range(1, n - 1):
        if blank[i] or roles[i] is not None or not (blank[i - 1] and blank[i + 1]):
            continue
        text = texts[i]
        if not _heading_text_ok(doc, text):
            continue
        if not (is_caps(text) or is_title_case(text, doc.language)):
            continue
        prev, nxt = _prev_line(doc, i), _next_line(doc, i)
        if prev < 0 or nxt >= n or roles[prev] is not None or roles[nxt] is not None:
            continue
        if closed(texts[prev]) or _starts_sentence(texts[nxt]):
            continue  # not inside a sentence (the other heading rules judge those)
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        local = doc.local_width(i)
        if not local or len(text.strip()) > MAX_HEADING_WIDTH * local:
            continue
        doc.labels.label(
            i,
            Role.HEADING,
            "heading-in-sentence",
            "alone between the halves of a sentence, title case or capitals, "
            f"{len(text.strip()) / local:.0%} of its column",
            0.6,
        )


def rule_headline_at_page_end(doc: _Doc) -> None:
    """Rule ``headline-at-page-end``: a lone line without closing punctuation that ends a page.

    It cannot finish the paragraph above (a blank line stands between, and that paragraph's
    last sentence is closed), so it is the headline of the next article, set at the page foot.
    Furniture below it is looked through.  It abstains when the next page's body starts in
    lower case (then the line is the start of a paragraph that goes on there), when the
    document prints the two words at the page break side by side elsewhere, and, where no
    trailing-space convention tells a finished line from a wrapped one, when the line is wide
    and more pages follow.
    """
    texts, blank, pages = doc.lines.texts, doc.lines.blank, doc.labels.pages
    n = len(texts)
    for i in range(n):
        if blank[i] or doc.labels.roles[i] is not None:
            continue
        nxt = _next_line(doc, i)
        if nxt < n and pages[nxt] == pages[i]:
            continue  # not the last body line of its page
        if nxt < n and not _starts_sentence(texts[nxt]):
            continue
        if i == 0 or not blank[i - 1]:
            continue
        prev = _prev_line(doc, i)
        if prev < 0 or not closed(texts[prev]):
            continue
        text = texts[i]
        if not _heading_text_ok(doc, text):
            continue
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        if nxt < n and _phrase_goes_on(doc, i, nxt):
            continue
        if (
            nxt < n
            and not doc.trailing_space_wraps
            and len(text.strip()) > (MAX_HEADING_WIDTH * doc.width)
        ):
            continue  # a full line with more pages to come may simply go on there
        doc.labels.label(
            i,
            Role.HEADING,
            "headline-at-page-end",
            f"last line of page {pages[i] + 1}, no closing punctuation, after a closed paragraph",
            0.8,
        )


#: Lines on either side of a line whose lengths give its local column width.  20: measured on
#: the evaluation corpus, a window of 20 puts 0.8% of the open body lines of pdftotext -raw
#: output under SHORT_FIT (12 puts 1.4% there); headings span at most 5 lines.
WIDTH_WINDOW = 20
#: A line is *short* when it and the first word of the next line together fill at most this
#: share of the local width: the typesetter broke the line although the next word would have
#: fitted, so the break is deliberate (a heading, a paragraph end).  Measured on the evaluation
#: corpus (share of lines at or under 0.9): open body lines 0.7..1.1% (pdftotext -raw, pypdf,
#: pdfminer), heading lines 62..68%, bylines 95%.  Proportional fonts make character counts
#: vary, hence the margin under 1.
SHORT_FIT = 0.9
#: The lines of a run after its first may fill this much: a subhead set in a larger font
#: than the body fits fewer characters in the column ("que hacen los demonios" + "Entender"
#: fills 0.94).  Measured on the evaluation corpus: 0.95 finds 2 subheads more and no body
#: line; 1.0 finds 3 and takes 4 body lines over an acronym ("When a user connects via" /
#: "SSH and starts a remote" / "X11 session").
LAST_LINE_FIT = 0.95
#: A heading wrapped over more lines than this is not taken (the longest subhead of the
#: evaluation corpus wraps to 5 lines in its narrowest column).
MAX_RUN_LINES = 5


#: A line at least this much wider than its local column spans several columns: a headline or
#: a deck set across the page.  Measured on the evaluation corpus (open lines after a closed
#: sentence, before a sentence start, still unlabelled): no body line reaches 1.2 times the
#: local width, 13 heading lines do (1.1 lets 4 body lines in).  It was 1.7 for decks (open
#: body lines reach 1.57 with the next word at the 99th percentile); 1.25 finds 8 headlines
#: and decks more and labels no body line more.
WIDE_HEADLINE = 1.25


def _short(doc: _Doc, i: int, nxt: int, fit: float = SHORT_FIT) -> float | None:
    """Line *i* and the next line's first word fill this share of the local width, when that
    is at most ``fit`` (:data:`SHORT_FIT`; else None)."""
    if nxt >= len(doc.lines):
        return None
    words = doc.lines.texts[nxt].split()
    if not words:
        return None
    width = doc.local_width(i)
    if not width:
        return None
    fill = (len(doc.lines.texts[i].strip()) + 1 + len(words[0])) / width
    return fill if fill <= fit else None


def _opens_body(doc: _Doc, j: int) -> bool:
    """Line *j* can open the body under a heading: a byline, or it starts a sentence."""
    if j >= len(doc.lines):
        return False
    if doc.labels.roles[j] is Role.HEADING:
        return doc.labels.notes[j][0] == "byline"
    text = doc.lines.texts[j]
    if doc.labels.roles[j] is not None or not (is_byline(text) or _starts_sentence(text)):
        return False
    # A bare number ("1", a page number the furniture pass left) opens no body.
    return not text.strip().isdigit()


def rule_short_lines(doc: _Doc) -> None:
    """Rule ``heading-short``: a run of 1..:data:`MAX_RUN_LINES` short lines (:func:`_short`:
    the next word would have fitted) between a closed sentence (or a page start, or a heading)
    and a full line of body.

    This is how a heading looks where no blank line sets it apart (pdftotext -raw, pypdf) and
    how a subhead in a larger font wraps in a narrow column ("Problembehandlung nach" / "einer
    Aktualisierung").  Every line of the run is open (no sentence end); the run as a whole
    meets the heading conditions (starts upper case, not dialogue, at most
    ``max_heading_words`` words, no closing punctuation or function word at its end); the line
    after it starts a sentence and is not short itself (a full first line of a paragraph), or
    is a byline.  Needs a measured width; a line with a trailing space where trailing spaces
    mark wrapped lines is never part of it.
    """
    if not doc.width_measured:
        return
    texts, blank, roles, pages = (
        doc.lines.texts,
        doc.lines.blank,
        doc.labels.roles,
        doc.labels.pages,
    )
    n = len(texts)
    i = 0
    while i < n:
        if blank[i] or roles[i] is not None:
            i += 1
            continue
        prev = _prev_line(doc, i)
        if prev >= 0 and roles[prev] is None and not closed(texts[prev]):
            i += 1
            continue
        if is_byline(texts[i]):
            i += 1
            continue  # left to rule_bylines, which runs again after this rule
        end, run_ok, words, colon_inside = i, True, 0, False
        while True:
            t = texts[end]
            words += len(t.split())
            last = t.rstrip()[-1]
            # Settled before any width test: too many words for a heading, a word cut by a
            # hyphen (headings are not hyphenated), a sentence end or a comma at its end.
            if words > doc.max_words or last in ";-" or closed(t):
                run_ok = False
                break
            if sum(map(str.isalpha, t)) < 2:
                run_ok = False
                break
            nxt = _next_line(doc, end)
            follows = (
                nxt == end + 1  # a heading's lines stand together, no blank line between
                and nxt < n
                and roles[nxt] is None
                and pages[nxt] == pages[i]
                and not closed(texts[nxt])
                and not is_byline(texts[nxt])  # a byline under a headline is its own block
            )
            fill = _short(doc, end, nxt, LAST_LINE_FIT if end > i else SHORT_FIT)
            if fill is None:
                # Not short: a wrapped line of a subhead in a larger font ("Den Boot-Loader" /
                # "konfigurieren") fills its narrow column as body does.  It may stand in the
                # run when a short line ends the run below it; never a word cut by a hyphen
                # (headings are not hyphenated), nor at the run's end.
                if follows and last != ":" and end - i + 1 < MAX_RUN_LINES:
                    end = nxt
                    continue
                run_ok = False
                break
            if last in ",:" and not follows:
                run_ok = False
                break
            colon_inside = colon_inside or last == ":"
            # A short line ends the run when the line under it opens the body (starts a
            # sentence, and is not short itself); otherwise the heading goes on there
            # ("Das System" / "für eine andere" / "Sprache" / "konfigurieren").
            if follows and (
                last in ",:"  # "Teams," / "Blends, and" / "Sub-Projects": the heading goes on
                or _short(doc, nxt, _next_line(doc, nxt)) is not None
                or not _starts_sentence(texts[nxt])
            ):
                if end - i + 1 >= MAX_RUN_LINES:
                    run_ok = False
                    break
                end = nxt
                continue
            break
        # Where trailing spaces mark wrapped lines, the heading's own wraps carry one; its
        # last line must not.
        if run_ok and doc.trailing_space_wraps and texts[end] != texts[end].rstrip():
            run_ok = False
        if not run_ok:
            i = end + 1 if end > i else i + 1
            continue
        nxt = _next_line(doc, end)
        joined = " ".join(texts[k].strip() for k in range(i, end + 1) if not blank[k])
        # The next line is not short (else the run would have taken it, or stopped above):
        # a full first line of a paragraph, or a closed one-line paragraph, or a byline.
        if not _heading_text_ok(doc, joined) or not _opens_body(doc, nxt):
            i = end + 1
            continue
        if colon_inside and not (is_caps(joined) or is_title_case(joined, doc.language)):
            # "Secure Remote Login:" / "SSH" is a heading; "The steps are:" / "Install it"
            # is a sentence and a list item: a colon inside a run needs the heading's case.
            i = end + 1
            continue
        if nxt < n and pages[nxt] != pages[end]:
            # Body under a heading stands on its page; a run cut by the page break is the end
            # of a paragraph that goes on (the last rule for headlines at a page's foot).
            i = end + 1
            continue
        if _phrase_goes_on(doc, end, nxt):
            i = end + 1
            continue
        count = sum(1 for k in range(i, end + 1) if not blank[k])
        fill = _short(doc, end, nxt) or 0.0
        for k in range(i, end + 1):
            if blank[k]:
                continue
            doc.labels.label(
                k,
                Role.HEADING,
                "heading-short" if k == i else "heading-block-continued",
                f"line {k - i + 1} of {count} short line(s) (with the next word, the last fills "
                f"{fill:.0%} of the column) after "
                + ("a closed sentence" if prev >= 0 and roles[prev] is None else "a page start")
                + ", before a full line of body",
                0.65,
            )
        i = end + 1


def rule_wide_lines(doc: _Doc) -> None:
    """Rule ``deck-wide``: right after a heading, lines that span several columns (at least
    :data:`WIDE_HEADLINE` times the local width), up to the first closed line, before body or a
    byline.

    A deck (standfirst) is set across the columns under the headline, often as a sentence
    with its period; its width tells it from the body, which is set in columns.
    """
    if not doc.width_measured:
        return
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    for i in range(n):
        if doc.lines.blank[i] or roles[i] is not None:
            continue
        prev = _prev_line(doc, i)
        if prev < 0 or roles[prev] is not Role.HEADING or doc.labels.notes[prev][0] == "byline":
            continue
        width = doc.local_width(i)
        if (
            not width
            or len(texts[i].strip()) < WIDE_HEADLINE * width
            or not _starts_sentence(texts[i])
        ):
            continue
        end = i
        while not closed(texts[end]):
            nxt = _next_line(doc, end)
            if nxt >= n or roles[nxt] is not None or end - i + 1 >= MAX_HEADING_LINES:
                break
            end = nxt
        if not closed(texts[end]):
            continue
        nxt = _next_line(doc, end)
        # The deck's width vouches for it: the body under it need only open (a narrow column
        # holds fewer than MIN_BODY_WORDS words: "Die Änderung der von verschiede-").
        if nxt < n and not _opens_body(doc, nxt):
            continue
        for k in range(i, end + 1):
            if doc.lines.blank[k]:
                continue
            doc.labels.label(
                k,
                Role.HEADING,
                "deck-wide" if k == i else "heading-block-continued",
                f"under the heading on line {prev + 1}, "
                f"{len(texts[i].strip()) / width:.1f} times the column width, to its period",
                0.7,
            )


#: Lines between a byline and the closed sentence (or page start) above it that are looked at
#: as its headline and deck: a headline of 1 line and a deck of up to MAX_HEADING_LINES.
MAX_ARTICLE_HEAD_LINES = 1 + MAX_HEADING_LINES


def _headline_text_ok(doc: _Doc, text: str) -> bool:
    """:func:`_heading_text_ok`, but a headline may also ask a question ("Why this book?").

    Only used where the context vouches for a headline (a byline or a deck under it).
    """
    t = text.rstrip()
    if t.endswith("?") and not t.endswith("??"):
        t = t[:-1].rstrip()
        return bool(t) and t[-1].isalnum() and _heading_text_ok(doc, t)
    return _heading_text_ok(doc, t)


def _label_run(doc: _Doc, run: list[int], rule: str, evidence: str, confidence: float) -> None:
    """Label the lines of one heading block: the first with ``rule``, the others as its
    continuation."""
    for k, j in enumerate(run):
        doc.labels.label(
            j,
            Role.HEADING,
            rule if k == 0 else "heading-block-continued",
            f"line {k + 1} of {len(run)}: {evidence}",
            confidence,
        )


def _open_group(doc: _Doc, last: int, page: int) -> tuple[list[int], int] | None:
    """The unlabelled lines from *last* back to the nearest closed sentence, heading, page
    start or start of the text (at most :data:`MAX_ARTICLE_HEAD_LINES`), and the line before
    them (-1 at the start); None when the group would be longer or crosses a page."""
    texts, roles, pages = doc.lines.texts, doc.labels.roles, doc.labels.pages
    group: list[int] = []
    j = last
    while j >= 0 and roles[j] is None and pages[j] == page:
        group.append(j)
        p = _prev_line(doc, j)
        if p < 0 or pages[p] != page or roles[p] is Role.HEADING or closed(texts[p]):
            group.reverse()
            return group, p
        if len(group) >= MAX_ARTICLE_HEAD_LINES:
            return None
        j = p
    return None


def rule_article_heads(doc: _Doc) -> None:
    """Rules ``headline-over-byline``, ``deck-over-byline``, ``headline-over-deck``: the head
    of an article, found from below.

    * Above a byline (labelled, or byline-shaped and opening body), the lines back to the
      nearest closed sentence, heading or page start are the article's head: its first line
      is the headline (open, or a question), the others its deck (a sentence, often closed);
      when a heading is already above them, they are all deck.  Two or three open lines with
      no deck are one headline wrapped.
    * A line after a closed sentence (or page start) followed by a line that spans the columns
      (at least :data:`WIDE_HEADLINE` times the local width) and starts a sentence is the headline
      over that deck (``rule_wide_lines`` then takes the deck).

    A byline and a cross-column deck are set only under a headline, so the context vouches
    for the text; German sentence-case headlines and question headlines pass here.
    """
    rule_heads_over_bylines(doc)
    if doc.width_measured:
        _heads_over_wide_lines(doc)


def rule_heads_over_bylines(doc: _Doc) -> None:
    """The byline half of :func:`rule_article_heads` (run again after ``rule_short_lines``)."""
    texts, roles = doc.lines.texts, doc.labels.roles
    for b in doc.bylines:
        if roles[b] is Role.HEADING:
            is_by = doc.labels.notes[b][0] == "byline"
        else:
            is_by = roles[b] is None and _opens_body(doc, _next_line(doc, b))
        if not is_by:
            continue
        last = _prev_line(doc, b)
        if last < 0 or roles[last] is not None:
            continue
        found = _open_group(doc, last, doc.labels.pages[b])
        if found is None:
            continue
        group, before = found
        if doc.trailing_space_wraps and any(texts[j] != texts[j].rstrip() for j in group[-1:]):
            continue
        if (
            before >= 0
            and roles[before] is Role.HEADING
            and doc.labels.notes[before][0] != "byline"
        ):
            if len(group) <= MAX_HEADING_LINES and _starts_sentence(texts[group[0]]):
                _label_run(doc, group, "deck-over-byline", "under a heading, over a byline", 0.7)
            continue
        # The deck starts at the first line that spans the columns, else on the second line.
        cut = next((k for k in range(1, len(group)) if _wide(doc, group[k])), 1)
        head = group[0]
        if cut > 1:
            joined = " ".join(texts[j].strip() for j in group[:cut])
            if cut > MAX_HEADING_LINES or not _headline_text_ok(doc, joined):
                continue
            _label_run(doc, group[:cut], "headline-over-byline", "wrapped headline, deck", 0.7)
            _label_run(doc, group[cut:], "deck-over-byline", "spans the columns", 0.7)
            continue
        if not _headline_text_ok(doc, texts[head]):
            continue
        deck = group[1:]
        if deck and not _starts_sentence(texts[deck[0]]):
            # No deck: a headline wrapped over two or three lines, all open.
            joined = " ".join(texts[j].strip() for j in group)
            if len(group) > MAX_HEADING_LINES or not _headline_text_ok(doc, joined):
                continue
            _label_run(doc, group, "headline-over-byline", "wrapped headline over a byline", 0.7)
            continue
        if deck and not (closed(texts[deck[-1]]) or _wide(doc, deck[0])):
            continue
        _label_run(doc, [head], "headline-over-byline", "article head over a byline", 0.75)
        if deck:
            _label_run(doc, deck, "deck-over-byline", "under the headline, over a byline", 0.7)


def _heads_over_wide_lines(doc: _Doc) -> None:
    """The width half of :func:`rule_article_heads`."""
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    # After a closed sentence or at the start: kept up to date in the one pass (the nearest
    # body or heading line above, as _prev_line finds it, without walking back each time).
    after_closed = True
    first = True  # no body or heading line yet
    for i in range(n):
        if _transparent(doc, i):
            continue
        at_start, first = first, False
        if roles[i] is not None:
            after_closed = False  # a heading: the line under it is not a headline
            continue
        ok, after_closed = after_closed, closed(texts[i])
        if not ok or not _starts_sentence(texts[i]):
            continue
        nxt = _next_line(doc, i)
        if nxt >= n or roles[nxt] is not None:
            continue
        if doc.trailing_space_wraps and texts[i] != texts[i].rstrip():
            continue
        if not _starts_sentence(texts[nxt]):
            # A headline wrapped over 2..3 lines, over a deck that spans the columns.
            run = _wrapped_over_deck(doc, i, nxt)
            if run:
                _label_run(doc, run, "headline-over-deck", "wrapped, over a deck", 0.7)
                after_closed = False
            continue
        if not _headline_text_ok(doc, texts[i]):
            continue
        if _wide(doc, nxt):
            _label_run(doc, [i], "headline-over-deck", "over a line spanning the columns", 0.7)
            after_closed = False
        elif _wide(doc, i) and not _wide(doc, nxt):
            _label_run(doc, [i], "headline-spanning", "open, wider than its column", 0.7)
            after_closed = False
        elif at_start and _under_masthead(doc, i) and not _phrase_goes_on(doc, i, nxt):
            _label_run(doc, [i], "headline-first", "first line under the page head", 0.65)
            after_closed = False


def _wrapped_over_deck(doc: _Doc, i: int, nxt: int) -> list[int]:
    """Lines *i*, *nxt*, ... (at most :data:`MAX_HEADING_LINES`, next to each other, open)
    when the line under them starts a sentence and spans the columns and together they meet
    the heading text conditions; else []."""
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    run = [i]
    j = nxt
    while j == run[-1] + 1 and j < n and roles[j] is None and len(run) < MAX_HEADING_LINES:
        if closed(texts[j]):
            return []
        run.append(j)
        j = _next_line(doc, j)
        if j < n and roles[j] is None and _starts_sentence(texts[j]):
            joined = " ".join(texts[k].strip() for k in run)
            if _wide(doc, j) and _headline_text_ok(doc, joined):
                return run
            return []
    return []


def _under_masthead(doc: _Doc, i: int) -> bool:
    """Is line *i* on the first page, with only page furniture (at least one line) above it?

    The first line under a newspaper's masthead, running head or date line is a headline;
    a text that starts mid-paragraph has no page head above its first line.
    """
    roles = doc.labels.roles
    if doc.labels.pages[i] != 0:
        return False
    heads = 0
    for k in range(i):
        if roles[k] is not None:
            if roles[k] not in FURNITURE:
                return False
            heads += 1
        elif not doc.lines.blank[k]:
            return False
    return heads > 0


def _wide(doc: _Doc, i: int, factor: float = WIDE_HEADLINE) -> bool:
    """Does line *i* span columns (at least ``factor`` times its local width)?"""
    width = doc.local_width(i)
    return bool(width) and len(doc.lines.texts[i].strip()) >= factor * width


#: Heading rules whose lines, when two stand right under each other, are one wrapped heading.
#: Measured on the evaluation corpus: every adjacent pair of these was one heading of the gold
#: (29 pairs); every pair that was two headings had a deck rule on its second line.
_JOINABLE_HEADINGS = frozenset({"heading-line", "heading-block", "heading-short"})


def rule_join_heading_lines(doc: _Doc) -> None:
    """Rule ``heading-block-continued`` for a heading wrapped over lines that the rules above
    took one by one ("Recommended" / "Procedure": each a title-case line, the first over a
    heading-shaped line): the line right under another, both open, the second not spanning
    the columns, on one page, within ``max_heading_words`` together.  A deck is a rule of
    its own (``deck-wide``, ``deck-over-byline``) and stays a block of its own."""
    texts, roles, notes, pages = (
        doc.lines.texts,
        doc.labels.roles,
        doc.labels.notes,
        doc.labels.pages,
    )
    words = 0
    for i in range(1, len(texts)):
        if roles[i] is not Role.HEADING or notes[i][0] not in _JOINABLE_HEADINGS:
            continue
        above = notes.get(i - 1)
        if above is None or roles[i - 1] is not Role.HEADING or pages[i - 1] != pages[i]:
            continue
        if above[0] not in _JOINABLE_HEADINGS and above[0] != "heading-block-continued":
            continue
        if above[0] in _JOINABLE_HEADINGS:
            words = len(_words(texts[i - 1]))
        words += len(_words(texts[i]))
        if closed(texts[i - 1]) or closed(texts[i]) or words > doc.max_words:
            continue
        if _wide(doc, i):
            continue
        doc.labels.label(
            i,
            Role.HEADING,
            "heading-block-continued",
            f"right under the heading line above, both open (was {notes[i][0]})",
            notes[i][2],
        )


#: The rules after the furniture pass, in order; a line keeps the first label it gets.
RULES: tuple[Callable[[_Doc], None], ...] = (
    rule_captions,
    rule_bylines,
    rule_headings,
    rule_heading_in_sentence,
    rule_article_heads,
    rule_headline_at_page_end,
    rule_short_lines,
    rule_heads_over_bylines,  # again: the deck and byline under a headline of short lines
    rule_wide_lines,
    rule_bylines,
    rule_join_heading_lines,
)


#: Rules whose line continues the block of the labelled line right above it (a caption or a
#: headline wrapped over several lines).  Every other labelled line is a block of its own.
CONTINUATION_RULES = frozenset(
    {
        "caption-block",
        "heading-block-continued",
        "geometry-heading-continued",
        "geometry-caption-continued",
        "geometry-footnote-continued",
    }
)


def joins_previous(labels: LineLabels, i: int) -> bool:
    """Does labelled line *i* continue the block of the labelled line above it?

    A headline and the byline under it are two blocks; a caption wrapped over two lines is one.

    >>> from reflow.lines import split_lines
    >>> text = ("The old story ends here.\\n\\nPhoto: A beekeeper checks a frame \\n"
    ...         "near Karakol.\\n\\nThe new story begins with a sentence of some length.\\n")
    >>> labels = label_lines(split_lines(text), Config(), "en")
    >>> [joins_previous(labels, i) for i in (2, 3)]
    [False, True]
    """
    note = labels.notes.get(i)
    return note is not None and note[0] in CONTINUATION_RULES


def article_starts(labels: LineLabels, lines: Lines) -> list[int]:
    """Lines that start a new article: the first of a run of headings, bylines excluded.

    A headline and its deck start one article, not two; a byline belongs to the article of the
    heading above it.  Furniture and captions between headings are looked through.

    >>> from reflow.lines import split_lines
    >>> text = "Old story ends here.\\n\\nNew Markets Open\\nExporters Look East\\nBy Jane Doe\\n"
    >>> text += "The first exports left this week for Tokyo.\\n"
    >>> lines = split_lines(text)
    >>> article_starts(label_lines(lines, Config(), "en"), lines)
    [2]
    """
    starts: list[int] = []
    in_run = False
    for i, role in enumerate(labels.roles):
        if lines.blank[i] or (role is not None and role in FURNITURE | {Role.CAPTION, Role.OTHER}):
            continue
        if role is Role.HEADING:
            if not in_run and labels.notes[i][0] not in ("byline", "heading-block-continued"):
                starts.append(i)
                in_run = True
        else:
            in_run = False
    return starts
