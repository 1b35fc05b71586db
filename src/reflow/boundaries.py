"""Stage 4: a decision for every boundary between two consecutive body lines.

Body lines are the non-blank lines the structure stage left unlabelled.  Between two of them
there may be nothing (a plain line break), blank lines, a page break, or labelled lines (furniture,
a caption, another article's headline): an *interruption*.  Each boundary is joined (with a space,
without a hyphen, or keeping a real hyphen) or breaks the paragraph.  The rules, first match wins:

First, wherever the lines stand:

==========================  ==================================================  =========
rule                        when                                                outcome
==========================  ==================================================  =========
``speaker-name``            the next line is a speaker's name of a dialogue     break
                            (:func:`reflow.structure.lone.speaker_lines`)
``speaker-name``            this line is one: the speech goes on after it       join
==========================  ==================================================  =========

Within a column (no blank line, same page, nothing between):

==========================  ==================================================  =========
rule                        when                                                outcome
==========================  ==================================================  =========
hyphen rules                the line ends in a hyphen after a letter or digit   see
                            (:mod:`reflow.hyphenation`)                         hyphenation
``bullet-item``             next line opens with a bullet glyph ("•", "▪"...)   break
``list-item``               next line starts with a bullet or "1." / "a)",      break
                            after a sentence end or a semicolon
``short-clause-end``        the line ends in a comma or semicolon, the next      break
                            word would have fit by 5, the line above is full,
                            in a justified column
``wrapped-line``            the line does not end a sentence                    join
``no-trailing-space``       the document leaves a space on wrapped lines and    break
                            this one has none
``trailing-space``          ... and this one has one                            join
``indent``                  next line is indented more                          break
``inside-block``            the document ends its paragraphs with blank lines   join
                            (:mod:`reflow.profile`), and this is not a short
                            line before a full one
``short-last-line``         the next line's first word would have fit           break
``next-syllable-fits``      its first syllable (the language's patterns) and a  break
                            hyphen would have fit, in a regular column
``full-line-sentence-end``  otherwise (a sentence ends at the full width): a    join
                            weak join that says so
==========================  ==================================================  =========

Across a blank line, a page break or an interruption (``heal-*`` rules join):

==========================  ==================================================  =========
``blank-line``              the line ends a sentence                            break
``list-item``               next line starts with a bullet or number            break
``heal-lone-full``          a lone line (below) that fills the column, before   join
                            a line starting lower case
``blank-line-lone``         no body line right above it and no trailing space:  break
                            not known to be a wrapped line (keeps reflowed
                            output unchanged when it is reflowed again)
hyphen rules                the line ends in a hyphen ("Sus-" / "tainable")     see above
``heal-lowercase``          next line starts lower case                         join
``blank-line-comma-capital`` the line ends in a comma, blank lines only         break
                            between, and the next line opens with a capital
                            word in a language that capitalises only sentence
                            starts and names (not German)
``heal-open-word``          the line ends in a comma or a word a sentence       join
                            cannot end with ("and", "the", "für"...)
``heal-trailing-space``     the document leaves a space on wrapped lines and    join
                            this one has one
``blank-line-unfinished``   otherwise (no evidence of continuation)             break
==========================  ==================================================  =========

Every confidence below is a prior set by hand and checked on the constructed cases in
``tests/cases``; the evaluation corpus (docs/evaluation.md) measures how the rules fare.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import not_

from reflow.config import Config
from reflow.data.languages import OPEN_WORDS
from reflow.hyphenation import (
    HYPHENS,
    LINE_END_MARKS,
    NONBREAKING_HYPHEN,
    decide_hyphen,
    word_goes_on,
)
from reflow.lexicon import DocumentVocabulary, Lexicon
from reflow.lines import Lines, trailing_space_convention
from reflow.model import Action, Decision
from reflow.profile import CLOSERS, Column, Profile, first_word, is_terminal, measure
from reflow.structure import LineLabels, PageGeometry
from reflow.structure.pagefoot import CATCH_WORD_UNMATCHED

_CLOSERS = CLOSERS
#: Opening quotes and brackets before a paragraph's first word ("„Großräumliche").
_OPENERS = "\"'“„«‹‘‚»([{¿¡"
#: Bullets, dialogue dashes and enumerators that start a list item or a new speaker.  Linear:
#: one alternation of bounded pieces, anchored at the start.
_LIST_ITEM = re.compile(r"\s*(?:[-–—•·▪●○◦*]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s)")

#: Bullet glyphs that open a list item whatever the line above ends with (no dash, no number:
#: those also stand inside sentences, so ``list-item`` asks for a sentence end before them).
#: Found on texlive-pdf: 232 list items the wrapped-line rule joined to the item above
#: ('• libXaw7 [needed by xdvi]' / '• ncurses ...'), none that was not an item, over the three
#: extractors; no line of the OCR sources starts with one.
BULLETS = "•▪●○◦■□►‣"
#: A line opening with a bullet (after spaces or a form feed); lines end at \n, \r\n or \r.
_BULLET_LINE = re.compile(rf"(?:^|(?<=\r))[ \t\x0c]*[{BULLETS}][ \t]", re.MULTILINE)

#: ``heal-lone-full``: a lone line before a blank line heals when the next line starts lower
#: case and its first word would not have fitted within this many spreads of the column (an
#: OCR engine or pdfminer put a blank line inside a paragraph, e.g. Tesseract on a
#: double-spaced typescript).  Tuned on impact-bhl/blank-lines and tapuscorpus-tesseract/
#: tesseract (0, 1 or 2 spreads; most net right joins at 2: 117 right, 1 wrong and 96 right,
#: 10 wrong, against 58/1 and 82/6 at 0).  Held out (eval/boundary_truth.py on the rule before
#: it, blank-line-lone): texlive-pdf/pdfminer 256 right, 14 wrong; ocrd-tesseract/tesseract
#: 5, 0; ocrd-structure/blank-lines 1, 1; hkb-newspaper/blank-lines 1, 0.
LONE_FULL_SPREADS = 2

#: Languages that capitalise their nouns: a capital after a comma says nothing there ("...,
#: Kinder"), so ``blank-line-comma-capital`` does not apply (on ocrd-tesseract, German, the
#: comma-and-capital boundaries across a blank line were 3 joins and 1 paragraph start).
NOUN_CAPITALS = frozenset({"de", "lb"})

#: How many body lines on each side of a line are looked at to estimate the column width.
#: Four on each side spans a paragraph's worth of lines in a newspaper column, short enough
#: to follow a change of column width (the shared example changes from ~20 to ~43 characters).
#: On the evaluation corpus, four lines and the second-longest gave paragraph F1 0.848; the
#: longest 0.843, eight lines 0.844, the upper quartile of eight 0.847, 3% slack 0.844.
WIDTH_WINDOW = 4

_ALL_OPEN_WORDS = frozenset().union(*OPEN_WORDS.values())
JOIN = Action.JOIN
DEHYPHENATE = Action.DEHYPHENATE


def ends_with_hyphen(text: str) -> bool:
    """A hyphen glued to a word at the end of ``text`` (right-stripped): 'read-', not 'well -'.

    >>> ends_with_hyphen("its read-"), ends_with_hyphen("a dash -"), ends_with_hyphen("-")
    (True, False, False)
    """
    return len(text) >= 2 and text[-1] in HYPHENS and text[-2].isalnum()


def _last_word(text: str) -> str:
    parts = text.rsplit(None, 1)
    return parts[-1].strip(_CLOSERS).lower() if parts else ""


def _opens_capital_word(text: str) -> bool:
    """The first word opens with a capital letter and is no lone "I" or initial ("I", "J.").

    >>> _opens_capital_word("Lorsque je"), _opens_capital_word("I think"), _opens_capital_word("et")
    (True, False, False)
    """
    word = first_word(text).strip(_CLOSERS + "«»„‚.,;:")
    return len(word) >= 2 and word[0].isupper() and word[1:2].isalpha()


def _starts_lower(text: str) -> bool:
    """The first letter or digit, within the first three characters, is a lower-case letter."""
    for ch in text[:3]:
        if ch.isalnum():
            return ch.islower()
    return False


class _Context:
    """What the rules need to know about the document, computed once."""

    def __init__(
        self, lines: Lines, body: list[int], pages: list[int], language: str, config: Config
    ) -> None:
        self.lines = lines
        # Pages from the structure stage: form feeds, or inferred from repeating furniture.
        self.pages = pages
        self.body = body
        self.config = config
        self.open_words = OPEN_WORDS.get(language, _ALL_OPEN_WORDS)
        # A capital opens a sentence or a name, not a noun (see NOUN_CAPITALS); "und": unknown.
        self.capital_opens_sentence = language not in NOUN_CAPITALS and language != "und"
        self.lexicon = Lexicon.get(language) if language != "und" else None
        # Lazy inside: counts are only made when a hyphen decision asks for them.
        self.vocabulary = DocumentVocabulary(lines.source)
        self.trailing_space_convention, self.convention_evidence = trailing_space_convention(lines)
        self._profile: Profile | None = None

    @property
    def profile(self) -> Profile:
        """The document's own layout (column widths, how its paragraphs end), measured once,
        on the first question: a document whose boundaries never ask (every sentence end
        decided by trailing spaces or an indent, or none within a column) does not pay."""
        if self._profile is None:
            lines = self.lines
            self._profile = measure(lines.texts, lines.blank, self.pages, self.body)
        return self._profile

    def width(self, k: int) -> int:
        """Column width near body line k: the second-longest line in a small window."""
        # The body lines' stripped lengths are the profile's (one list, measured once).
        lo, hi = max(0, k - WIDTH_WINDOW), min(len(self.body), k + WIDTH_WINDOW + 1)
        body, pages, lengths = self.body, self.pages, self.profile.lengths
        page = pages[body[k]]
        near = sorted([lengths[j] for j in range(lo, hi) if pages[body[j]] == page])
        return near[-2] if len(near) >= 2 else near[-1]


def decide_boundaries(
    lines: Lines, labels: LineLabels, language: str, config: Config
) -> tuple[list[int], list[Decision | None]]:
    """Return the body lines and one decision per boundary between consecutive body lines.

    A plain wrapped-line join is given as None (:class:`reflow.model.DecisionLog` makes it a
    :class:`Decision` when someone reads it).
    """
    roles, blank = labels.roles, lines.blank
    if any(r is not None for r in roles):
        body = [i for i in range(len(lines)) if not blank[i] and roles[i] is None]
    else:
        body = list(compress(range(len(lines)), map(not_, blank)))
    ctx = _Context(lines, body, labels.pages, language, config)
    n = len(body)
    bullets = _bullet_lines(lines)
    # None: a plain wrapped-line join (see DecisionLog), the decision of most boundaries.
    decisions: list[Decision | None] = [None] * max(0, n - 1)
    texts, starts, pages = lines.texts, lines.starts, labels.pages
    geometry = PageGeometry(lines) if lines.boxes is not None else None
    apart = {i for i, note in labels.notes.items() if note[0] == CATCH_WORD_UNMATCHED}
    todo = _boundaries_to_decide(texts, body, pages, ctx.trailing_space_convention)
    speakers = labels.speakers
    if bullets or speakers:
        # A line that opens with a bullet, and a speaker's name and the line after it, are
        # decided by the rules even after a plain join.
        todo = sorted(
            set(todo).union(
                k
                for k in range(n - 1)
                if body[k + 1] in bullets or body[k + 1] in speakers or body[k] in speakers
            )
        )
    for k in todo:
        a, b = body[k], body[k + 1]
        a_text = texts[a].rstrip()
        offset = starts[a] + len(a_text)
        b_text = texts[b].lstrip()
        if speakers and (a in speakers or (b in speakers and not ends_with_hyphen(a_text))):
            decisions[k] = _speaker_decision(a, b, offset, speakers)
            continue
        if geometry is not None and not ends_with_hyphen(a_text):
            # Boxes from a reader: measured first (reflow.structure.geometry); None: the text
            # rules decide.
            measured = geometry.boundary(a, b, a_text, b_text, b == a + 1, ctx.lexicon)
            if measured is not None:
                rule, action, conf, evidence = measured
                decisions[k] = Decision(action, rule, a, b, offset, conf, evidence)
                continue
        continued = (
            geometry.hyphen_continues(a, b, b_text)
            if geometry is not None and b != a + 1 and ends_with_hyphen(a_text)
            else None
        )
        if continued is not None:
            # A word cut before a break the reader wrote (an OCR engine's new block) where the
            # next line stands right below, flush left: the hyphen stage decides.
            rule, evidence = None, continued
        elif b == a + 1 and pages[a] == pages[b]:
            if a_text[-1] in LINE_END_MARKS and b_text[:1].isalnum() and a_text[-2:-1].isalnum():
                # A line-end hyphen after a letter or digit (ends_with_hyphen), a word goes on.
                rule, evidence = None, ""
            else:
                rule, action, conf, evidence = _within_column(ctx, k, a_text, b_text)
        elif apart and any(x in apart for x in range(a + 1, b)):
            # A catch-word that the next page does not open with (structure/pagefoot.py):
            # the pages do not follow each other, so neither does the text.
            rule, action, conf = "pages-apart", Action.BREAK, 0.7
            evidence = "a catch-word between names a page that does not follow"
        else:
            rule, action, conf, evidence = _across_gap(ctx, k, a, b, a_text, b_text)
        if rule is None:  # a hyphen at the line end: the hyphen stage decides
            typeset = geometry.hyphen(a_text, b_text) if geometry else None
            if typeset is not None:
                # How the PDF's typesetter hyphenates (reflow.structure.geometry).
                rule, action, conf, why = typeset
                why = f"{why}; {evidence}" if evidence else why
                decisions[k] = Decision(action, rule, a, b, offset, conf, why)
                continue
            decisions[k] = _hyphen_decision(ctx, a, b, offset, a_text, b_text, evidence)
        else:
            decisions[k] = Decision(action, rule, a, b, offset, conf, evidence)
    return body, decisions


def _speaker_decision(a: int, b: int, offset: int, speakers: dict[int, str]) -> Decision:
    """``speaker-name``: a turn of a dialogue starts a paragraph at the speaker's name
    (:func:`reflow.structure.lone.speaker_lines`), and the speech goes on after the name, as
    plays printed in prose set it ("MAITEN Ganis, tu te tais ?").  Joining after the name was
    right more often than breaking there on tapuscorpus, where the rule was tuned (paragraph F1
    0.526 against 0.503 on its text exports, 0.475 against 0.445 on Tesseract's output)."""
    if b in speakers:
        return Decision(
            Action.BREAK,
            "speaker-name",
            a,
            b,
            offset,
            0.75,
            f"next line is a speaker's name of this dialogue ({speakers[b]!r})",
        )
    return Decision(
        Action.JOIN,
        "speaker-name",
        a,
        b,
        offset,
        0.7,
        f"the speech of {speakers[a]!r} goes on after the name",
    )


def _boundaries_to_decide(
    texts: list[str], body: list[int], pages: list[int], convention: bool
) -> list[int]:
    """The boundaries (indices k into ``body``) that are not plain wrapped-line joins.

    A plain join is a line that ends inside a sentence (a letter or digit before any trailing
    whitespace) with the next line right below it on the same page; only the trailing-space
    convention can still break it (see _within_column): a line without a trailing space, unless
    the next one starts lower case.  Most boundaries are plain joins, so they are found in one
    comprehension, and the rules run only on the others.
    """
    nxt = body[1:]
    if convention:
        return [
            k
            for k, a, b in zip(range(len(nxt)), body, nxt, strict=False)
            if not (
                b == a + 1
                and (texts[a].rstrip()[-1].isalpha() or _digit_inside(texts[a]))
                and pages[a] == pages[b]
                and (texts[a][-1].isspace() or _starts_lower(texts[b].lstrip()))
            )
        ]
    return [
        k
        for k, a, b in zip(range(len(nxt)), body, nxt, strict=False)
        if not (
            b == a + 1
            and (texts[a].rstrip()[-1].isalpha() or _digit_inside(texts[a]))
            and pages[a] == pages[b]
        )
    ]


def _bullet_lines(lines: Lines) -> set[int]:
    """The lines that open with a bullet glyph (BULLETS); one search over the source, and only
    when it holds a bullet at all."""
    source = lines.source
    if not any(ch in source for ch in BULLETS):
        return set()
    starts = lines.starts
    return {bisect_right(starts, m.start()) - 1 for m in _BULLET_LINE.finditer(source)}


def _digit_inside(raw: str) -> bool:
    """A line that ends in a digit is a plain join (inside a sentence) unless the digit is a
    citation number or footnote mark after a sentence end ("homes. 9", "filet.1").  Only lines
    ending in a digit pay for the search."""
    text = raw.rstrip()
    return text[-1].isdigit() and not is_terminal(text)


def _hyphen_decision(
    ctx: _Context, a: int, b: int, offset: int, a_text: str, b_text: str, evidence: str
) -> Decision:
    """The decision on a line-end hyphen between body lines a and b (see hyphenation)."""
    config = ctx.config
    hd = decide_hyphen(a_text, b_text, ctx.lexicon, ctx.vocabulary, config.dehyphenate)
    action = hd.action
    if action is DEHYPHENATE and hd.confidence < config.min_hyphen_confidence:
        # Below the caller's bar: abstain, keep the hyphen as it was.
        hd = hd._replace(
            action=Action.KEEP_HYPHEN,
            evidence=f"{hd.evidence}; below min_hyphen_confidence, kept",
            uncertain=True,
        )
        action = hd.action
    removed = offset - 1 if action is DEHYPHENATE else -1
    text = f"{hd.evidence}; {evidence}" if evidence else hd.evidence
    return Decision(action, hd.rule, a, b, offset, hd.confidence, text, removed, hd.uncertain)


Outcome = tuple[str | None, Action, float, str]


def _within_column(ctx: _Context, k: int, a_text: str, b_text: str) -> Outcome:
    if ends_with_hyphen(a_text) and b_text[:1].isalnum():
        return None, Action.JOIN, 0.0, ""
    if a_text[-1:] == NONBREAKING_HYPHEN:
        return "hyphen-nonbreaking", Action.KEEP_HYPHEN, 0.95, "U+2011 cannot break a word"
    if b_text[:1] in BULLETS and b_text[1:2].isspace():
        return "bullet-item", Action.BREAK, 0.85, f"next line opens with a bullet: {b_text[:12]!r}"
    terminal = is_terminal(a_text)
    if _LIST_ITEM.match(b_text) and (terminal or a_text.endswith(";")):
        return "list-item", Action.BREAK, 0.8, f"next line starts a list item: {b_text[:12]!r}"
    if not terminal:
        if (
            ctx.trailing_space_convention
            and len(ctx.lines.texts[ctx.body[k]]) == len(a_text)
            and not _continues(ctx, a_text, b_text)
        ):
            return (
                "no-trailing-space",
                Action.BREAK,
                0.7,
                f"no space after an unfinished line; {ctx.convention_evidence}",
            )
        if a_text[-1] in ",;" and not ctx.trailing_space_convention:
            short = _short_clause_end(ctx, k, a_text, b_text)
            if short:
                return (
                    "short-clause-end",
                    Action.BREAK,
                    0.6,
                    f"{short}: a clause ends short after a full line, paragraph end",
                )
        return "wrapped-line", Action.JOIN, 0.95, ""
    if ctx.trailing_space_convention:
        if len(ctx.lines.texts[ctx.body[k]]) > len(a_text):
            return "trailing-space", Action.JOIN, 0.85, ctx.convention_evidence
        return "no-trailing-space", Action.BREAK, 0.9, ctx.convention_evidence
    a_raw, b_raw = ctx.lines.texts[ctx.body[k]], ctx.lines.texts[ctx.body[k + 1]]
    a_indent = len(a_raw) - len(a_raw.lstrip())
    b_indent = len(b_raw) - len(b_text)
    if b_indent > a_indent:
        return "indent", Action.BREAK, 0.75, f"next line indented by {b_indent}"
    needed = len(a_text.lstrip()) + 1 + len(first_word(b_text))
    width = ctx.width(k)
    profile = ctx.profile
    column = profile.column(k)
    measured = f"line {profile.lengths[k]} chars, next word needs {needed}, nearby width {width}"
    if column is not None:
        measured += f", {column.describe()}"
    short = needed <= width
    if profile.blank_line_paragraphs and not (short and profile.full[k + 1]):
        # The document ends its paragraphs with blank lines: a sentence end inside a block goes
        # on, unless a short line stands before a full one (two paragraphs an extractor put in
        # one text box).  Tuned on impact-bhl/blank-lines and the generated corpus
        # (ocrd-structure held out), against the short-last-line rule alone: 261 of its 477
        # false breaks inside blocks gone on impact-bhl, 28 of 117 (and 2 of its 6 right
        # ones) on ocrd-structure, 7 false breaks and no paragraph start on the generated
        # corpus; joining the short lines before a full one too would lose 10 paragraph
        # starts there (libreoffice/pdfminer).
        return (
            "inside-block",
            Action.JOIN,
            0.6,
            f"{measured}; the document ends its paragraphs with blank lines "
            f"({profile.paragraph_ends()}): a sentence end inside a block goes on",
        )
    if short:
        return (
            "short-last-line",
            Action.BREAK,
            0.8,
            f"{measured}: the next word would have fit, paragraph end",
        )
    syllable = _syllable_would_fit(ctx, column, len(a_text.lstrip()), width, b_text)
    if syllable:
        return (
            "next-syllable-fits",
            Action.BREAK,
            0.65,
            f"{measured}: {syllable} would have fit in this hyphenating column, paragraph end",
        )
    # A sentence ends at about full width.  The column's median and spread (Profile) and the
    # document's indent do not tell these apart well enough to break: see docs/evaluation.md
    # ("Paragraph ends without layout cues"); so this is a join that says it is weak.
    indent = ""
    if profile.indent and profile.full[k + 1]:
        short_by = profile.shortfall(k + 1)
        if short_by is not None:
            indent = (
                f"; next line {short_by} chars short of the column, this document's first "
                f"lines {profile.indent}"
            )
    return (
        "full-line-sentence-end",
        Action.JOIN,
        0.55,
        f"{measured}{indent}: a sentence ends at full width, no sign of a paragraph end; "
        "joined (weak)",
    )


#: ``next-syllable-fits``: the next word's first syllable, a hyphen and this many characters
#: more would have fitted on the line.  Measured with eval/boundary_truth.py on the sentence
#: ends the full-line rule joined, in columns of spread 1 (SYLLABLE_SPREAD), slack 0/1/2/3: on
#: the generated corpus (all its suites, 25 languages) 523/327/232/172 paragraph starts right
#: against 122/34/11/5 wrong; on the real pages, held out, 58/40/33/22 against 54/41/31/26
#: (at 3: hkb-newspaper 14/18, most "wrong" ones death notices and advertisements the gold
#: joins; impact-bhl 7/4; texlive-pdf 1/3).  At 1 the first six languages' suites lost boundary
#: precision below their floors (pdflatex/pdftotext-raw 0.936 < 0.938), so 3.
SYLLABLE_SLACK = 3
#: Only in a column whose full lines agree within this spread (Column.spread, at least 1): a
#: justified column set by a hyphenating typesetter.  With any spread the real pages lose
#: (247 right, 254 wrong: proportional type makes character counts a loose measure).
SYLLABLE_SPREAD = 1


def _syllable_would_fit(
    ctx: _Context, column: Column | None, length: int, width: int, b_text: str
) -> str:
    """A line that ends a sentence short of the column by more than the next word's first
    syllable and a hyphen (by the language's patterns): a hyphenating typesetter fills a
    justified line before it leaves that much room, so the paragraph ended there ("nie jest
    optymalny." / "Zazwyczaj ...": "Za-" would have fit).  Longer words make this the commoner
    case (Polish, Indonesian, Hungarian), where the whole word would not have fitted.  Returns
    the syllable shown with its hyphen, or ""."""
    lexicon = ctx.lexicon
    if lexicon is None or column is None or column.spread > SYLLABLE_SPREAD:
        return ""
    word = first_word(b_text)
    letters = word.lstrip(_OPENERS)
    lead = len(word) - len(letters)
    letters = letters.rstrip(_CLOSERS + ".,;:!?")
    if not letters.isalpha():
        return ""
    position = lexicon.first_break(letters)
    if position is None or length + 1 + lead + position + 1 + SYLLABLE_SLACK > width:
        return ""
    return f"'{word[: lead + position]}-'"


#: ``short-clause-end``: the next word would have fitted with this many characters to spare
#: (against the column's median full line).  Measured with eval/boundary_truth.py on the lines
#: ending in a comma or semicolon that wrapped-line joined, in columns of spread 1 after a full
#: line (CLAUSE_SPREAD): see docs/evaluation.md (issue 14, "short-clause-end").
CLAUSE_SPARE = 5
#: Only in a column whose full lines agree within this spread: a justified column, where a
#: short line is the typesetter's paragraph end, not the text's own line (verse, an address).
CLAUSE_SPREAD = 1


def _short_clause_end(ctx: _Context, k: int, a_text: str, b_text: str) -> str:
    """Body line k ends in a comma or semicolon, clearly short of its justified column, right
    below a full line of the same column: a paragraph ended on a clause (the UDHR's preamble:
    "frihed," / "da tilsidesættelse ...").  Verse, addresses and lists end short in a comma
    too, but in runs of short lines: the full line above tells a paragraph's last line from
    them.  Returns the evidence, or ""."""
    if k == 0:
        return ""
    lines, body = ctx.lines, ctx.body
    a, above = body[k], body[k - 1]
    length = len(a_text.lstrip())
    needed = length + 1 + len(first_word(b_text))
    above_text = lines.texts[above].strip()
    # Cheap test first (no profile): the line above, if full, gives the width.
    if above != a - 1 or needed + CLAUSE_SPARE > len(above_text) + CLAUSE_SPREAD:
        return ""
    if ctx.pages[above] != ctx.pages[a] or is_terminal(above_text):
        return ""
    profile = ctx.profile
    column = profile.column(k)
    if column is None or column.spread > CLAUSE_SPREAD:
        return ""
    if needed + CLAUSE_SPARE > column.width or len(above_text) < column.width - column.spread:
        return ""
    return f"line {length} chars, next word needs {needed}, {column.describe()}, line above full"


def _continues(ctx: _Context, a_text: str, b_text: str) -> bool:
    """Evidence that an unfinished line goes on: lower-case next line, comma, open word."""
    return _starts_lower(b_text) or a_text.endswith(",") or _last_word(a_text) in ctx.open_words


def _wrapped(ctx: _Context, k: int, a: int) -> bool:
    """Line ``a`` (body line k) is part of a wrapped paragraph: a body line stands above it on
    its page with only labelled lines between, or it ends in a space where the document leaves
    spaces on wrapped lines."""
    lines = ctx.lines
    if ctx.trailing_space_convention and lines.texts[a][-1:].isspace():
        return True
    if k == 0:
        return False
    # Labelled lines right above (a caption, a running head) are looked through: they stand in
    # the column, not between blocks, as a blank line would.
    prev = ctx.body[k - 1]
    return ctx.pages[prev] == ctx.pages[a] and all(not lines.blank[i] for i in range(prev + 1, a))


def _fills_column(ctx: _Context, k: int, b_text: str) -> str:
    """Evidence that body line k was wrapped because it filled the column: the next line's first
    word would not have fitted on it, within LONE_FULL_SPREADS spreads of the column's median
    width (:class:`reflow.profile.Column`), or "" when it would have or no column is known.

    Reflowed output (one paragraph per line between blank lines) has no known full line, so
    no column, and is never healed by this (idempotence)."""
    profile = ctx.profile
    column = profile.column(k)
    if column is None:
        return ""
    needed = profile.lengths[k] + 1 + len(first_word(b_text))
    if needed + LONE_FULL_SPREADS * column.spread <= column.width:
        return ""
    return f"its next word needs {needed} chars, {column.describe()}: the line is full"


def _only_labels_between(ctx: _Context, a: int, b: int) -> bool:
    blank = ctx.lines.blank
    return all(not blank[i] for i in range(a + 1, b))


def _across_gap(ctx: _Context, k: int, a: int, b: int, a_text: str, b_text: str) -> Outcome:
    lines = ctx.lines
    if ctx.pages[a] != ctx.pages[b]:
        where = "a page break"
    elif any(not lines.blank[i] for i in range(a + 1, b)):
        where = f"{sum(not lines.blank[i] for i in range(a + 1, b))} labelled line(s)"
    else:
        where = f"{b - a - 1} blank line(s)"
    if is_terminal(a_text):
        return "blank-line", Action.BREAK, 0.9, f"sentence ends before {where}"
    if _LIST_ITEM.match(b_text):
        return "list-item", Action.BREAK, 0.8, f"list item after {where}"
    if ends_with_hyphen(a_text) and _starts_lower(b_text) and _only_labels_between(ctx, a, b):
        # A word cut by furniture or a caption (no blank line): "Die Imker be-" / page number /
        # running head / "fragt".  Reflowed output always has a blank line between blocks, so
        # this never joins two blocks of it.
        return None, Action.JOIN, 0.0, f"healed across {where}"
    if not _wrapped(ctx, k, a) and not (
        # A word cut at the end of a lone line: when the hyphen stage is sure the halves are
        # one word (reflow.hyphenation.word_goes_on), the line was wrapped whatever stands
        # around it (OCR engines print a block per few lines: "col-" / blank / "lègues").
        ends_with_hyphen(a_text)
        and _starts_lower(b_text)
        and word_goes_on(a_text, b_text, ctx.lexicon, ctx.vocabulary)
    ):
        # A lone line (no body line above it in its column, no trailing space) is not known to
        # have been wrapped: it may be a whole block of its own, as every line of reflowed
        # output is.  Healing needs a line that is known to be part of a wrapped paragraph,
        # or one that fills the document's column (below).
        if _starts_lower(b_text):
            filled = _fills_column(ctx, k, b_text)
            if filled and ends_with_hyphen(a_text):
                # The line was wrapped, so its hyphen is a line-end hyphen like any other: the
                # hyphen stage decides it (joined with a space here, "Gra- cien" stayed split).
                return None, Action.JOIN, 0.0, f"healed across {where}: {filled}"
            if filled:
                return (
                    "heal-lone-full",
                    Action.JOIN,
                    0.7,
                    f"a lone line before {where}, but {filled}, and lower case goes on",
                )
        return "blank-line-lone", Action.BREAK, 0.6, f"a lone line before {where}"
    if ends_with_hyphen(a_text) and b_text[:1].isalnum():
        return None, Action.JOIN, 0.0, f"healed across {where}"
    if _starts_lower(b_text):
        return "heal-lowercase", Action.JOIN, 0.85, f"unfinished line, lower case after {where}"
    if (
        a_text.endswith(",")
        and ctx.capital_opens_sentence
        and ctx.pages[a] == ctx.pages[b]
        and all(lines.blank[a + 1 : b])
        and _opens_capital_word(b_text)
    ):
        # A comma before a blank line and a capital: an OCR engine's paragraph gap after a
        # sentence end it misread ("mon amour ," / "Lorsque je"), a verse or list line, or a
        # date line ("April, 1848." is printed under the text).  Tuned on impact-bhl
        # /blank-lines (32 paragraph starts, 0 joins) and tapuscorpus-tesseract/tesseract
        # (15 / 5); held out: texlive-pdf 5 / 1, ocrd-structure/blank-lines 2 / 0 before the
        # German exclusion (docs/evaluation.md).  Page breaks and labelled lines between are
        # left to heal-open-word: a sentence cut by a page goes on with a name as often.
        return (
            "blank-line-comma-capital",
            Action.BREAK,
            0.6,
            f"a comma before {where}, and the next line opens with {first_word(b_text)!r}: "
            "a capital after a comma and a blank line starts a paragraph (weak)",
        )
    if a_text.endswith(",") or _last_word(a_text) in ctx.open_words:
        return (
            "heal-open-word",
            Action.JOIN,
            0.8,
            f"line ends in {_last_word(a_text) or ','!r}, which cannot end a sentence; {where}",
        )
    if ctx.trailing_space_convention and len(lines.texts[a]) > len(a_text):
        return (
            "heal-trailing-space",
            Action.JOIN,
            0.7,
            f"unfinished line ends in a space ({ctx.convention_evidence}); {where}",
        )
    return "blank-line-unfinished", Action.BREAK, 0.6, f"no sign of continuation across {where}"
