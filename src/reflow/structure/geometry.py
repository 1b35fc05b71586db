"""Decisions measured on the page: the rules that run when a reader gave boxes (PDF, OCR XML).

Text input has no boxes, and nothing here runs for it: its answers stay what the text rules
give.  With boxes, two kinds of decision are measured instead of guessed from characters:

Labels (after the text rules of the structure stage; every label names what was measured):

=============================  ==========================================================
rule                           when
=============================  ==========================================================
``geometry-heading``           font size at least 1.15 x the body size (headline, deck),
                               or a bold line not smaller than the body with few words and
                               no sentence end (a subhead, 1.0-1.1x in the corpus); the
                               following lines of the same size and weight continue it
                               (``geometry-heading-continued``)
``geometry-caption``           font size at most 0.93 x the body size, inside the text
                               area (a caption; further lines ``geometry-caption-continued``)
``geometry-footnote``          small type below the last body line of the page
``geometry-top-of-page``       the first line(s) of a page on one baseline, 1.5 em or more
                               above the rest, not larger than the body, not bold, <= 12
                               words: a running head (a page number when it is one)
``geometry-foot-of-page``      the same at the page's foot, <= 4 words: running foot or
                               page number
``geometry-ocr-heading``       (OCR, line heights) a region of at most 3 lines whose median
                               height is 1.5x the document's, few words, no sentence end,
                               where the engine's regions are paragraphs (median 4 lines)
``geometry-body``              a line the text rules labelled a heading, set in the body's
                               size and weight, filling its column: body text (captions
                               keep their label: the corpus sets some in the body size)
=============================  ==========================================================

Boundaries between two body lines (before the text rules; a line-end hyphen always goes to the
hyphen rules, and where nothing here applies the text rules decide):

=============================  ==========================================================
``geometry-indent``            the next line starts indented (>= 0.6 em) against its
                               column's left edge: break
``geometry-gap``               a sentence ends and the white gap to the next line is at
                               least half a line taller than the column's usual gap: break
``geometry-short-line``        a sentence ends and the next line's first word (or its
                               first part up to a hyphenation point, with the hyphen)
                               would have fitted before the column's right edge, with
                               0.15 em to spare: break
``geometry-last-line``         a sentence ends further from the column's right edge than
                               the document's lines that wrap inside a sentence ever stop
                               (98th percentile + 0.25 em; justified text: about 0, ragged
                               text its raggedness): break
``geometry-full-line``         a sentence ends at the column's right edge, the next line is
                               neither indented nor set apart: join
``geometry-column-continues``  across a column or page break (or labelled lines): an
                               unfinished line that fills its column, the next line flush
                               left: join; in a document that indents its paragraphs, also
                               a finished one (an indented next line: break)
``geometry-natural-width``     in a document that stretches its type to fill lines (pdfTeX's
                               font expansion: its lines wrapped inside a sentence are set
                               wider than natural), a line set at its natural width that
                               stops short of the column's right edge: a paragraph's last
                               line, break (also across a column or page break)
``geometry-stretched``         there, a sentence-ending line set wider than natural: not a
                               paragraph's last line, join
=============================  ==========================================================

Line-end hyphens, in a PDF whose ``Producer`` is TeX's classic line breaker (pdfTeX, XeTeX's
xdvipdfmx; not LuaTeX, which hyphenates the parts of hyphenated words): TeX puts its own hyphens
only at its patterns' points, and never inside a word that already holds a hyphen.  The second
fact is used (the first is not: the patterns TeX was given are not the ones reflow has; see
:meth:`PageGeometry.hyphen`):

=============================  ==========================================================
``geometry-tex-compound``      the word broken at the line end holds another hyphen
                               ("apt-show-|versions", "kant-|en-klaar"): the hyphen is
                               the word's own, kept
``geometry-tex-word``          the part before the hyphen is no TeX word of two letters
                               or more ("e-|mail", "Datei.d-|sc"): typed, kept
=============================  ==========================================================

In any PDF, and on OCR input (the marks are the reader's :attr:`reflow.lines.Box.hyphen_mark`):

=============================  ==========================================================
``geometry-hyphen-apart``      the PDF writes the line's final hyphen as a text object of
                               its own (LibreOffice's added hyphens): removed
``geometry-hyphen-in-word``    (after the hyphen rules removed it) the document writes 3
                               or more hyphens apart, this one inside its run: typed, kept
``engine-hyphen-mark``         (OCR) the engine marked the hyphen (ALTO ``HYP``,
                               ``HypPart1``, ``¬``) and the hyphen rules abstained:
                               removed (0.62); elsewhere the mark is named in the evidence
=============================  ==========================================================

Elsewhere (and for a break TeX could have made) the hyphen rules decide as for text.  A word
cut before a break the reader wrote (an OCR engine's block ends after one or two lines) goes to
the hyphen rules, instead of the rules for lines around a blank line, when the next line stands
right below in the same column, flush left (:meth:`PageGeometry.hyphen_continues`; its evidence
is in the hyphen decision's).

Columns are the reader's (:attr:`reflow.lines.Box.column`, per page); a column's left edge is
the 20th percentile of its body lines' left ends (most lines are flush left, a few indented),
its right edge the 90th percentile of their right ends (justified lines all reach it; in ragged
text a wrapped line ends less than the next word's width before it), both measured on the
:data:`WINDOW` body lines around the line in its column.  The body size is the font size of
the most characters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from reflow.data.languages import CONJUNCTIONS
from reflow.lexicon import Lexicon
from reflow.lines import Box, Lines
from reflow.model import Action, Role

#: Headline and deck: at least this much larger than the body.  The corpus sets decks at
#: 1.2x the body and headlines at 1.7-2.4x; bold subheads at 1.0-1.1x (they are caught by
#: weight).
HEADING_SIZE = 1.15
#: Captions and footnotes: at most this much of the body size (the corpus: 0.85-0.9x).
SMALL_SIZE = 0.93
#: A document with more distinct sizes than this has measured line heights (OCR), not font
#: sizes: the generated PDFs have 4-7 sizes, an OCR-D ground-truth page dozens of pixel heights.
TYPESET_SIZES = 12
#: With line heights, lines of one size vary by 10-20 % (descenders, accents, skew) and old
#: prints far more; sizes then label nothing, and "body size" is a line within 20 % of the
#: median height.
OCR_HEADING_SIZE = 1.5
OCR_SMALL_SIZE = 0.7
#: On OCR input, a heading is a region (the engine's block) of at most this many lines whose
#: median line height is at least OCR_HEADING_HEIGHT times the document's median; a title of
#: at most OCR_TITLE_WORDS words may end in a full stop ("Vorrede.").  Set, not tuned: 1.5x is
#: OCR_HEADING_SIZE; measured on all the real XML sources (eval/real_xml.py, docs/evaluation.md).
OCR_HEADING_LINES = 3
OCR_HEADING_HEIGHT = 1.5
OCR_TITLE_WORDS = 4
#: ...in a document whose regions hold at least this many lines (median): its regions are
#: paragraphs, not the one- or two-line blocks Tesseract makes.
OCR_REGION_LINES = 4
#: A first line indented this many ems (or more) against its column's left edge starts a
#: paragraph.  The corpus indents by 1-1.5 em; OCR boxes jitter by a few pixels (< 0.2 em).
INDENT_EM = 0.6
#: ...but not more than this: a line further in is centred or a table cell, not an indent.
MAX_INDENT_EM = 5.0
#: A document indents its paragraphs when at least this share of its body lines (and at least
#: three) are indented first lines.  Corpus documents set that way have 5-12 %; spaced ones 0.
INDENT_SHARE = 0.02
#: A paragraph gap is at least this many body line heights taller than the usual line gap.
GAP_LINES = 0.5
#: A line's column is measured on this many body lines above and below it (in its column):
#: a column's worth in the corpus (30-60 lines), short enough to follow a change of width.
WINDOW = 12
#: The next word must fit with this many ems to spare to call it left off (its width is
#: estimated from the line's mean character width).  Measured on the 158 pdflatex PDFs
#: (eval/pdf_suite.py): 0 em gave paragraph P 0.983 / R 0.971, 0.15 em 0.986 / 0.970, 0.3 em
#: 0.986 / 0.969 (the misses were estimates a hair above the need: 12.5 against 12.3).
SHORT_MARGIN = 0.15
#: On OCR input a sentence end counts as a full line only this close (ems) to the column's
#: right edge; further in, the text rules decide.  OCR-D ground truth (eval/real_xml.py, the
#: only real source with line polygons): 0.3 em gave exact 56.5 %, paragraph P/R 0.475/0.808;
#: 0.6 em 56.9 %, 0.479/0.808; 1.0 em 57.0 %, 0.480/0.806; no limit 57.3 %, 0.485/0.805 (text
#: export: 56.4 %, 0.470/0.806).
OCR_FULL = 0.6
#: A sentence-ending line that stops further from its column's right edge than the lines that
#: wrap inside a sentence ever do ends its paragraph.  "Ever": this quantile of the document's
#: own wrapped lines (a line ending without a sentence end whose next line, in the same column,
#: starts lower case), in ems; justified text gives about 0, ragged right text its raggedness
#: (TeX's ragged2e about 2 em).  Measured on the 158 pdflatex PDFs of eval/cases
#: (/tmp analysis of sentence-end boundaries without indent or gap, eval/pdf_errors.py): the
#: 98th percentile plus 0.25 em found 22 more of the 512 paragraph ends there for 1 false
#: break; the maximum found 16 for 2, the 90th percentile 22 for 2 (+0.5 em).
WRAP_QUANTILE = 0.98
WRAP_MARGIN = 0.25
#: ...measured only on a document with at least this many wrapped lines (a column's worth).
WRAP_LINES = 20
#: A line whose type is scaled by less than this (|stretch - 1|) is set at its natural width.
#: pdfTeX's font expansion moves in steps of 0.1 % (microtype's default ``step=1``: the
#: corpus's lines show 1.005, 1.009, 1.014...); a PDF without expansion writes exactly 1.
NATURAL_STRETCH = 0.0005
#: A document stretches its type to fill its lines when at least this share of its lines that
#: wrap inside a sentence (and :data:`WRAP_LINES` of them) are stretched or shrunk.  Then a
#: line set at its natural width is a paragraph's last line, and a stretched one is not:
#: TeX's \parfillskip gives the last line infinite stretch, so nothing is expanded there.
#: Measured on the 158 pdflatex PDFs (microtype's expansion on): 96.4-100 % of each
#: document's wrapped lines are stretched; on the LibreOffice PDFs every line is at 1.0
#: (share 0 in all 39 built): the rules stay off there.  Tuned on pdflatex only
#: (eval/pdf_errors.py: paragraph starts missed 72 -> 7, invented 17 -> 4).
STRETCH_SHARE = 0.8
#: ...but a natural-width line that reaches its column's right edge (within this many ems) may
#: be a wrapped line that happened to need no stretch: three such lines in the corpus
#: (latex-de-003, latex-en-026, latex-nl-025) ended sentences inside a paragraph, 0.00-0.01
#: em short; the text rules decide there.
NATURAL_FULL_EM = 0.1
#: Running heads, feet and page numbers stand this many ems (body size) apart from the rest
#: of the page: the corpus sets them 2 line heights (2.4 em) off; headlines and bylines sit
#: closer to what they head.
EDGE_GAP = 1.5
#: ...and have at most this many words (a publication's name and a date).
EDGE_WORDS = 12
#: At the foot, at most this many: a page number or a short running foot.  A new article
#: that starts on the page's last line stands apart too (latex-es-007: 8 words, 3 em below).
FOOT_WORDS = 4
#: A page number: digits, perhaps with a word or dashes around ("- 4 -", "Page 4", "Seite 2").
_PAGE_NUMBER = re.compile(r"[-–— ]{0,3}(?:[A-Za-zÀ-ÿ.]{1,10} )?\d{1,4}[-–— ]{0,3}")
#: Subheads have at most this many words.
SUBHEAD_WORDS = 12
_TERMINAL = ".!?…:"
_CLOSERS = "\"'”’»›)]*"


#: A PDF shows that its typesetter writes its own line-break hyphens apart from their words
#: when at least this many of its line-end hyphens stand apart; then a hyphen inside its word's
#: run is one typed in the text.  The corpus's LibreOffice documents have 10-60 each (pdfTeX:
#: none); three keeps one stray object from speaking for a whole document.
APART_MIN = 3
#: TeX puts no hyphen of its own after fewer letters than this (\\lefthyphenmin: 2 in every
#: babel language of the corpus; some set 1 for nothing).
TEX_LEFTHYPHENMIN = 2
#: The PDF producers that break lines with TeX's classic algorithm (a PDF's ``Producer``:
#: "pdfTeX-1.40.24", "xdvipdfmx (20220710)"); LuaTeX is left out on purpose (it hyphenates
#: inside words with explicit hyphens).
_TEX_PRODUCER = re.compile(r"pdftex|xdvipdfmx|xetex", re.I)
#: Punctuation around a word at a line's end or start (quotes, brackets).
_WORD_EDGE = "\"'“”‘’«»‹›()[]{}.,;:!?…*"
_HYPHEN_CHARS = "-\u2010"
_LINE_HYPHENS = ("-", "\u2010", "\u00ac", "\u2e17", "=")
_ALL_CONJUNCTIONS = frozenset().union(*CONJUNCTIONS.values())


@dataclass(slots=True)
class _Column:
    left: float
    right: float
    gap: float  # the usual white gap between two lines of the column


def _by(producer: str | None) -> str:
    return f", by {producer}" if producer else ""


def _percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def _first_piece(word: str, lexicon: Lexicon | None) -> str:
    """The shortest start of ``word`` a typesetter could have put on the line above: up to
    its first hyphen, or its first hyphenation point (with the hyphen it would print).

    >>> _first_piece("RPC-Dienste", None), _first_piece("word", None)
    ('RPC-', 'word')
    """
    k = word.find("-", 1)
    if 0 < k < len(word) - 1:
        return word[: k + 1]
    hyph = lexicon._hyphenator() if lexicon is not None else None
    if hyph is not None and word.isalpha():
        positions = hyph.positions(word)  # type: ignore[attr-defined]
        if positions:
            return word[: positions[0]] + "-"
    return word


def _terminal(text: str) -> bool:
    s = text.rstrip().rstrip(_CLOSERS)
    return bool(s) and s[-1] in _TERMINAL


class PageGeometry:
    """What the page rules need, measured once per document from the boxes."""

    def __init__(self, lines: Lines) -> None:
        assert lines.boxes is not None
        self.lines = lines
        self.boxes: list[Box | None] = lines.boxes
        sizes: Counter[float] = Counter()
        for text, box in zip(lines.texts, self.boxes, strict=True):
            if box is not None and box.font_size:
                sizes[round(box.font_size, 1)] += len(text)
        # Sizes a typesetter chose come in a few values (PDF: the corpus has 4-7 per
        # document); OCR line heights (pixels, with and without descenders) in dozens.  Then
        # the body size is the character-weighted median and only large differences count.
        # An OCR reader's boxes (they name the engine's region or carry its confidence) have
        # line heights or the engine's estimates, never a typesetter's sizes, however few
        # distinct values a short document shows: on the OCR-D ground truth (eval/real_xml.py)
        # 77 lines of short documents with <= 12 heights were called headings by size.
        ocr = any(
            b is not None and (b.region is not None or b.confidence is not None) for b in self.boxes
        )
        self.ocr = ocr
        # A PDF's line-end hyphens written apart from their words (the reader's hyphen_mark):
        # a producer that does so for the hyphens it adds shows which ones it added.
        self.apart_hyphens = 0 if ocr else sum(b is not None and b.hyphen_mark for b in self.boxes)
        self.typeset = len(sizes) <= TYPESET_SIZES and not ocr
        if not sizes:
            self.body_size = 0.0
        elif self.typeset:
            self.body_size = sizes.most_common(1)[0][0]
        else:
            half, seen = sum(sizes.values()) / 2, 0
            for value in sorted(sizes):
                seen += sizes[value]
                if seen >= half:
                    self.body_size = value
                    break
        self.heading_size = HEADING_SIZE if self.typeset else OCR_HEADING_SIZE
        self.small_size = SMALL_SIZE if self.typeset else OCR_SMALL_SIZE
        self.size_tolerance = 0.07 if self.typeset else 0.2
        # Body-size lines of each (page, column), in text order: a line's column is measured
        # on its neighbours there (a second article on the page may set wider columns).
        self._members: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._position: dict[int, int] = {}
        # The reader's segment of each line (a run of lines one under the other, between two
        # of the blank lines it writes at a column change or a spanning element): two articles
        # on one page share a column index but not their widths.
        self._segment: list[int] = []
        segment = 0
        for box in self.boxes:
            segment += box is None
            self._segment.append(segment)
        for i, box in enumerate(self.boxes):
            if box is not None and self.is_body_size(box):
                key = (box.page, box.column or 0)
                self._position[i] = len(self._members[key])
                self._members[key].append(i)
        self._columns: dict[int, _Column | None] = {}
        indented = total = 0
        for i in self._position:
            col = self.column_of(i)
            total += 1
            box = self.boxes[i]
            indented += (
                col is not None and box is not None and self._indent_em(box, col.left) >= INDENT_EM
            )
        self.indent_style = indented >= 3 and indented >= INDENT_SHARE * max(total, 1)
        self.indent_evidence = f"{indented} of {total} body lines start indented"
        self._wrap_limit: float | bool | None = False  # measured when first asked
        self._wrap_count = 0
        self._line_gap: float | None = None
        self._region_heights: dict[str, tuple[float, int]] | None = None
        self._median_height = 0.0
        self._stretched = 0  # of the wrapped lines with a known stretch
        self._stretch_known = 0
        self.tex = bool(lines.producer and _TEX_PRODUCER.search(lines.producer))

    # -- measurements ---------------------------------------------------------------------

    def em(self, box: Box) -> float:
        return box.font_size or self.body_size or max(box.bottom - box.top, 1.0)

    def is_body_size(self, box: Box) -> bool:
        return bool(
            box.font_size
            and self.body_size
            and abs(box.font_size - self.body_size) <= self.size_tolerance * self.body_size
        )

    def column_of(self, i: int) -> _Column | None:
        """The column around line *i*: its body-size neighbours in the same (page, column)
        within :data:`WINDOW` lines that overlap it horizontally by half the narrower."""
        if i in self._columns:
            return self._columns[i]
        box = self.boxes[i]
        col = None
        if box is not None:
            key = (box.page, box.column or 0)
            members = self._members.get(key, [])
            p = self._position.get(i)
            if p is None:  # not body size: look around where it would be
                p = next((k for k, j in enumerate(members) if j > i), len(members))
            near = []
            own = []
            for j in members[max(0, p - WINDOW) : p + WINDOW + 1]:
                nb = self.boxes[j]
                assert nb is not None
                overlap = min(nb.x1, box.x1) - max(nb.x0, box.x0)
                if overlap >= 0.5 * min(nb.x1 - nb.x0, box.x1 - box.x0):
                    near.append(nb)
                    if self._segment[j] == self._segment[i]:
                        own.append(nb)
            # The line's own segment when it holds enough lines: a wider column of another
            # article above (same column index, its lines overlapping this one) set the right
            # edge 7 ems too far out in latex-es-020 and invented breaks after full lines.
            if len(own) >= 3:
                near = own
            if len(near) >= 3:
                left = _percentile([b.x0 for b in near], 0.2)
                right = _percentile([b.x1 for b in near], 0.9)
                ordered = sorted(near, key=lambda b: b.top)
                gaps = [
                    y.top - x.bottom
                    for x, y in pairwise(ordered)
                    if 0 <= y.top - x.bottom < 2 * self.em(x)
                ]
                col = _Column(left, right, _percentile(gaps, 0.5) if gaps else 0.0)
        self._columns[i] = col
        return col

    @property
    def wrap_limit(self) -> float | None:
        """How far short of its column's right edge (in ems) a line that wraps inside a
        sentence stops at most in this document (:data:`WRAP_QUANTILE`), or None with too few
        wrapped lines to tell."""
        if self._wrap_limit is False:
            texts = self.lines.texts
            shorts = []
            stretched = known = 0
            for a, b in pairwise(self._position):
                ba, bb = self.boxes[a], self.boxes[b]
                if (
                    b != a + 1
                    or ba is None
                    or bb is None
                    or ba.page != bb.page
                    or ba.column != bb.column
                    or not texts[b].lstrip()[:1].islower()
                    or _terminal(texts[a])
                ):
                    continue
                if ba.stretch is not None:
                    known += 1
                    stretched += abs(ba.stretch - 1) >= NATURAL_STRETCH
                col = self.column_of(a)
                if col is not None:
                    shorts.append((col.right - ba.x1) / self.em(ba))
            self._wrap_limit = (
                _percentile(shorts, WRAP_QUANTILE) if len(shorts) >= WRAP_LINES else None
            )
            self._wrap_count = len(shorts)
            self._stretched, self._stretch_known = stretched, known
        return self._wrap_limit  # type: ignore[return-value]

    @property
    def stretches(self) -> bool:
        """The document stretches its type to fill lines (:data:`STRETCH_SHARE`)."""
        _ = self.wrap_limit  # measured in the same pass
        return (
            self._stretch_known >= WRAP_LINES
            and self._stretched >= STRETCH_SHARE * self._stretch_known
        )

    def _stretch_rule(
        self, box: Box, short: float, at: str, terminal: bool = True
    ) -> tuple[str, Action, float, str] | None:
        """Break after a sentence-ending line set at its natural width, join after a stretched
        one, in a document that stretches its lines (None elsewhere)."""
        if box.stretch is None or not self.stretches:
            return None
        share = f"{self._stretched} of {self._stretch_known} lines wrapped inside a sentence"
        if abs(box.stretch - 1) < NATURAL_STRETCH:
            if short < NATURAL_FULL_EM * self.em(box):
                return None
            return (
                "geometry-natural-width",
                Action.BREAK,
                0.85,
                f"{'sentence' if terminal else 'line'} ends{at} on a line set at its natural "
                f"width ({box.stretch:.3f}), "
                f"{short / self.em(box):.2f} em before the column's right edge, where {share} "
                "are stretched: a paragraph's last line",
            )
        if box.stretch < 1:
            return None
        return (
            "geometry-stretched",
            Action.JOIN,
            0.85,
            f"sentence ends{at} on a line stretched to fill it ({box.stretch:.3f}), as {share} "
            "are: not a paragraph's last line",
        )

    def _indent_em(self, box: Box, left: float) -> float:
        em = self.em(box)
        d = (box.x0 - left) / em
        return d if d <= MAX_INDENT_EM else 0.0

    def indent(self, i: int, box: Box) -> float:
        """How far the line starts right of its column's left edge, in ems."""
        col = self.column_of(i)
        return self._indent_em(box, col.left) if col else 0.0

    # -- labels ---------------------------------------------------------------------------

    def label(self, labels, max_words: int) -> None:
        """Label headings, captions and footnotes by size and weight (see the module table)."""
        texts, boxes, roles = self.lines.texts, self.boxes, labels.roles
        if not self.body_size:
            return
        self._label_page_edges(labels)
        prev: tuple[str, float, bool | None] | None = None  # rule, size, bold of the line above
        for i, box in enumerate(boxes):
            if box is None or self.lines.blank[i]:
                prev = None if box is None else prev
                continue
            if roles[i] in (Role.PAGE_HEADER, Role.PAGE_FOOTER, Role.PAGE_NUMBER):
                prev = None
                continue
            text = texts[i].strip()
            size = box.font_size or 0.0
            ratio = size / self.body_size
            words = len(text.split())
            what = None
            if not self.typeset:
                # Line heights, not font sizes: too noisy, line by line, to call a heading or
                # small type (on OCR-D ground truth a body line's polygon is up to 2x the
                # median height); a whole region of tall lines is measured instead.
                prev = None
                ocr = self._ocr_heading(i, box, text, words)
                j = i - 1
                while j >= 0 and self.lines.blank[j]:  # past the blank line of a region break
                    j -= 1
                above = texts[j].rstrip() if j >= 0 else ""
                if ocr is not None and above.endswith(_LINE_HYPHENS):
                    # The word cut at the end of the line above goes on here: not a heading.
                    ocr = None
                if ocr is not None and roles[i] in (None, Role.HEADING):
                    labels.label(i, Role.HEADING, "geometry-ocr-heading", ocr, 0.7)
                continue
            if ratio >= self.heading_size and words <= 3 * max_words:
                what = (Role.HEADING, "geometry-heading", 0.9)
                why = f"font {size:.1f} against body {self.body_size:.1f}"
            elif (
                box.bold
                and ratio >= 0.97
                and words <= SUBHEAD_WORDS
                and not _terminal(text)
                and not text.endswith(",")
            ):
                what = (Role.HEADING, "geometry-heading", 0.8)
                why = (
                    f"bold, font {size:.1f} (body {self.body_size:.1f}), {words} words, "
                    "no sentence end"
                )
            elif ratio <= self.small_size and size:
                below = self._below_column(box)
                if below:
                    what = (Role.OTHER, "geometry-footnote", 0.75)
                    why = f"font {size:.1f} against body {self.body_size:.1f}, below the column"
                else:
                    what = (Role.CAPTION, "geometry-caption", 0.8)
                    why = f"font {size:.1f} against body {self.body_size:.1f}"
            if what is None:
                prev = None
                if roles[i] is Role.HEADING and self._body_like(i, box):
                    roles[i] = None
                    labels.notes.pop(i, None)
                continue
            role, rule, conf = what
            key = (rule, round(size, 1), box.bold)
            if prev is not None and prev == key:
                rule = rule + "-continued"
                why = "same size and weight as the line above"
            labels.label(i, role, rule, why, conf)
            prev = key

    def _ocr_heading(self, i: int, box: Box, text: str, words: int) -> str | None:
        """On OCR input, a heading by line height, where the engine gives no font size: the
        line's region (the engine's block) holds at most :data:`OCR_HEADING_LINES` lines,
        their median height is at least :data:`OCR_HEADING_HEIGHT` times the document's
        median line height, and the line has few words and no sentence end but a short
        title's full stop.  One tall polygon alone says nothing (skew, a descender)."""
        if box.region is None or words > SUBHEAD_WORDS or text.endswith((",", ";", *_LINE_HYPHENS)):
            return None
        if _terminal(text) and words > OCR_TITLE_WORDS:
            return None
        if self._region_heights is None:
            heights: dict[str, list[float]] = defaultdict(list)
            for b in self.boxes:
                if b is not None and b.region is not None:
                    heights[b.region].append(b.bottom - b.top)
            self._region_heights = {r: (_percentile(h, 0.5), len(h)) for r, h in heights.items()}
            every = sorted(h for hs in heights.values() for h in hs)
            self._median_height = _percentile(every, 0.5) if every else 0.0
            # A short region stands out only where the engine's regions are paragraphs:
            # Tesseract makes a block of every one or two typed lines (its TSV), where the
            # rule labelled body lines (ocrd-tesseract: paragraph recall 0.708 -> 0.688).
            sizes = [n for _, n in self._region_heights.values()]
            if not sizes or _percentile(sizes, 0.5) < OCR_REGION_LINES:
                self._median_height = 0.0
        height, count = self._region_heights.get(box.region, (0.0, 0))
        if count > OCR_HEADING_LINES or not self._median_height:
            return None
        ratio = height / self._median_height
        if ratio < OCR_HEADING_HEIGHT:
            return None
        return (
            f"its region's {count} line(s) are {ratio:.1f}x the document's median line height "
            f"({height:.0f} against {self._median_height:.0f}), {words} words"
        )

    def _ocr_line_gap(self) -> float:
        """On OCR input, the document's usual white gap between two lines of a column (0 for
        typeset input): a typescript set double-spaced leaves 1-1.5 line heights between any
        two lines, so a running head must stand further off than that.  Measured on the
        Tesseract TSV of tapuscorpus-tesseract (eval/real_xml.py): with EDGE_GAP alone, first
        lines of a page's text ("Les décisions des jurys sont sans appel") were running
        heads."""
        if self.typeset:
            return 0.0
        if self._line_gap is None:
            gaps = []
            for members in self._members.values():
                ordered = sorted((self.boxes[j] for j in members), key=lambda b: b.top)  # type: ignore[union-attr]
                for x, y in pairwise(ordered):
                    g = y.top - x.bottom  # type: ignore[union-attr]
                    if 0 <= g < 3 * self.body_size:
                        gaps.append(g)
            self._line_gap = _percentile(gaps, 0.5) if gaps else 0.0
        return self._line_gap

    def _label_page_edges(self, labels) -> None:
        """Running heads, feet and page numbers by position: the first (or last) line(s) of a
        page, on one baseline, set off from everything else by a white gap of at least
        :data:`EDGE_GAP` ems, in type no larger than the body's, not bold, few words."""
        by_page: dict[int, list[int]] = defaultdict(list)
        for i, box in enumerate(self.boxes):
            if box is not None and not self.lines.blank[i]:
                by_page[box.page].append(i)
        for members in by_page.values():
            if len(members) < 3:
                continue
            boxes = [self.boxes[i] for i in members]
            top = min(b.top for b in boxes)  # type: ignore[union-attr]
            bottom = max(b.bottom for b in boxes)  # type: ignore[union-attr]
            em = self.body_size
            first = [i for i in members if self.boxes[i].top <= top + 0.5 * em]  # type: ignore[union-attr]
            last = [i for i in members if self.boxes[i].bottom >= bottom - 0.5 * em]  # type: ignore[union-attr]
            for group, at_top in ((first, True), (last, False)):
                rest = [self.boxes[i] for i in members if i not in group]
                if not rest or len(group) > 3:
                    continue
                gb = [self.boxes[i] for i in group]
                if at_top:
                    gap = min(b.top for b in rest) - max(b.bottom for b in gb)  # type: ignore[union-attr]
                else:
                    gap = min(b.top for b in gb) - max(b.bottom for b in rest)  # type: ignore[union-attr]
                if gap < EDGE_GAP * em + self._ocr_line_gap():
                    continue
                for i in group:
                    box = self.boxes[i]
                    assert box is not None
                    text = self.lines.texts[i].strip()
                    if (
                        labels.roles[i] in (Role.PAGE_HEADER, Role.PAGE_FOOTER, Role.PAGE_NUMBER)
                        or box.bold
                        or (box.font_size or 0) > 1.05 * self.body_size
                        or len(text.split()) > (EDGE_WORDS if at_top else FOOT_WORDS)
                    ):
                        continue
                    where = "top" if at_top else "foot"
                    if _PAGE_NUMBER.fullmatch(text):
                        role = Role.PAGE_NUMBER
                    else:
                        role = Role.PAGE_HEADER if at_top else Role.PAGE_FOOTER
                    labels.label(
                        i,
                        role,
                        f"geometry-{where}-of-page",
                        f"at the {where} of page {box.page + 1}, {gap:.1f} apart from the rest "
                        f"(body {self.body_size:.1f})",
                        0.85,
                    )

    def _body_like(self, i: int, box: Box) -> bool:
        """Set in the body's size and weight, and filling its column: not a heading."""
        col = self.column_of(i)
        return (
            col is not None
            and self.is_body_size(box)
            and not box.bold
            and box.x1 >= col.right - 2 * self.em(box)
            and box.x0 <= col.left + 2 * self.em(box)
        )

    def _below_column(self, box: Box) -> bool:
        """Below every body-size line of the page (a caption under the last paragraph of a
        short column is not: other columns run on beside it)."""
        bottoms = [
            b.bottom
            for b in self.boxes
            if b is not None and b.page == box.page and self.is_body_size(b)
        ]
        return bool(bottoms) and box.top > max(bottoms)

    # -- boundaries -----------------------------------------------------------------------

    def hyphen_apart(self, a: int) -> tuple[str, Action, float, str] | None:
        """A PDF line whose final hyphen the typesetter wrote apart from its word (a text object
        of its own, :attr:`reflow.lines.Box.hyphen_mark`): the hyphen it added when it broke the
        line, removed.  Measured on the corpus's LibreOffice PDFs (/tmp probe over the built
        ones, eval/pdf_errors.py): 3,436 of 3,436 line-break hyphens stood apart, none of the
        91 real ones; pdfTeX writes none apart, so the rule is silent there.  On OCR input the
        mark is the engine's (see :meth:`engine_hyphen`).

        >>> from reflow.lines import split_lines
        >>> lines = split_lines("she had to be-\\ncome\\n")
        >>> lines.boxes = [Box(0, 0, 0, 50, 10, 10.0, hyphen_mark=True), None]
        >>> PageGeometry(lines).hyphen_apart(0)[:2]
        ('geometry-hyphen-apart', <Action.DEHYPHENATE: 'dehyphenate'>)
        """
        box = self.boxes[a]
        if self.ocr or box is None or not box.hyphen_mark:
            return None
        return (
            "geometry-hyphen-apart",
            Action.DEHYPHENATE,
            0.95,
            f"the PDF writes this hyphen apart from its word ({self.apart_hyphens} line-end "
            f"hyphens of the document so{_by(self.lines.producer)}): the typesetter added it "
            "at the line break",
        )

    def hyphen_in_word(self, a: int) -> str | None:
        """Evidence that a line-end hyphen is the word's own: the document writes the hyphens
        its typesetter adds apart from their words (:meth:`hyphen_apart`, at least
        :data:`APART_MIN` of them), and this one inside the word's run: a hyphen typed in the
        text.  None when the PDF says nothing (pdfTeX; OCR input)."""
        box = self.boxes[a]
        if self.ocr or box is None or box.hyphen_mark or self.apart_hyphens < APART_MIN:
            return None
        return (
            f"the PDF writes this hyphen inside its word's run, the {self.apart_hyphens} it added "
            f"at line breaks apart{_by(self.lines.producer)}: a hyphen typed in the text"
        )

    def engine_hyphen(self, a: int) -> str | None:
        """On OCR input, the engine marked the line's final hyphen a line-break hyphen (ALTO
        ``HYP``, PAGE-XML's ``¬``): evidence, not truth (engines mark real hyphens too)."""
        box = self.boxes[a]
        if not self.ocr or box is None or not box.hyphen_mark:
            return None
        return "the OCR engine marked it a line-break hyphen (ALTO HYP or ¬)"

    def hyphen(self, a_text: str, b_text: str) -> tuple[str, Action, float, str] | None:
        """Keep a line-end hyphen TeX cannot have put there (see the module's table), or None
        to let the hyphen rules decide.  ``a_text`` ends with the hyphen.

        >>> from reflow.lines import split_lines
        >>> lines = split_lines("apt-show-\\nversions\\n")
        >>> lines.boxes, lines.producer = [Box(0, 0, 0, 50, 10, 10.0)] * 2, "pdfTeX-1.40.24"
        >>> PageGeometry(lines).hyphen("apt-show-", "versions")[:2]
        ('geometry-tex-compound', <Action.KEEP_HYPHEN: 'keep-hyphen'>)
        >>> lines.producer = "LibreOffice 7.4"
        >>> PageGeometry(lines).hyphen("apt-show-", "versions") is None
        True

        Measured on the gold line-end hyphens of the 158 pdflatex documents of eval/cases
        (pdftotext -raw): of 9,433 TeX breaks inside alphabetic words none was in a word with
        another hyphen; of 377 kept hyphens 51 were (3 of them wrongly removed before,
        eval/pdf_errors.py).  LibreOffice breaks inside hyphenated words (215 of its 9,812
        breaks): the rule stays off there.  No rule for a break at no pyphen point: tried,
        it kept 18 of TeX's own hyphens ("pro-|cess", Italian "l'u-|tilizzo") and fixed
        next to none (pdf_errors: 102 hyphen errors with it, 86 before).
        """
        if not self.tex:
            return None
        left_token = a_text.split()[-1][:-1].lstrip(_WORD_EDGE) if a_text.split() else ""
        right_token = b_text.split(None, 1)[0].rstrip(_WORD_EDGE) if b_text.split() else ""
        if not left_token or not right_token:
            return None
        shown = f"{left_token}-|{right_token}"
        if any(h in left_token or h in right_token for h in _HYPHEN_CHARS):
            return (
                "geometry-tex-compound",
                Action.KEEP_HYPHEN,
                0.9,
                f"{self.lines.producer} breaks a word that holds a hyphen only at its hyphens: "
                f"{shown!r} is the word's own",
            )
        # TeX hyphenates a word of letters only (an apostrophe counts as one in the languages
        # that elide: "l'u-|tilizzo"), after at least \\lefthyphenmin letters (2 in every
        # babel language): "E-|Mail", "Datei.d-|sc" are typed hyphens.  Not before a
        # conjunction (a suspended hyphen, which the hyphen rules join with a space).
        # TeX skips what is not a letter before a word (quotes, brackets) to find its start.
        start = next((k for k, ch in enumerate(left_token) if ch.isalpha()), len(left_token))
        word = left_token[start:].replace("'", "").replace("\u2019", "")
        if (not word.isalpha() or len(word) < TEX_LEFTHYPHENMIN) and (
            right_token.lower() not in _ALL_CONJUNCTIONS
        ):
            return (
                "geometry-tex-word",
                Action.KEEP_HYPHEN,
                0.85,
                f"{self.lines.producer} hyphenates only words of letters, after "
                f"{TEX_LEFTHYPHENMIN} letters or more: {shown!r} is a typed hyphen",
            )
        return None

    def hyphen_continues(self, a: int, b: int, b_text: str) -> str | None:
        """Evidence that the word cut at the end of line ``a`` goes on in line ``b`` across a
        break the reader wrote between them (an engine's block or paragraph ends), or None.

        The next line must start lower case, stand in the same column of the same page, right
        below (a white gap no taller than the column's usual one plus :data:`GAP_LINES` line
        heights) and flush left (less than :data:`INDENT_EM` in).  Measured on the Tesseract
        TSV of tapuscorpus-tesseract (eval/real_xml.py): Tesseract makes a block of one or
        two typed lines, and words cut there ("Gra-" / "cien") were joined with their hyphen
        by the lone-line rules, or kept apart.
        """
        ba, bb = self.boxes[a], self.boxes[b]
        if (
            ba is None
            or bb is None
            or not ba.font_size
            or not bb.font_size
            or ba.page != bb.page
            or ba.column != bb.column
            or not b_text[:1].islower()
        ):
            return None
        col = self.column_of(a)
        if col is None:
            return None
        em = self.em(ba)
        gap = bb.top - ba.bottom
        indent = self.indent(b, bb)
        if not (-0.5 * em <= gap <= col.gap + GAP_LINES * em) or indent >= INDENT_EM:
            return None
        return (
            f"next line right below in the same column (white gap {gap:.0f}, usually "
            f"{col.gap:.0f}), {indent:.1f} em in: the word goes on across the reader's break"
        )

    def boundary(
        self, a: int, b: int, a_text: str, b_text: str, within: bool, lexicon: Lexicon | None
    ) -> tuple[str, Action, float, str] | None:
        """A decision between body lines ``a`` and ``b`` from their boxes, or None to let the
        text rules decide.  ``within``: nothing but a line break stands between them.
        ``lexicon`` gives the hyphenation points of the next line's first word: a ragged line
        could have taken its first part with a hyphen."""
        ba, bb = self.boxes[a], self.boxes[b]
        if ba is None or bb is None or not ba.font_size or not bb.font_size:
            # No box, or a box the reader estimated (a region's slice, without a size).
            return None
        col_a, col_b = self.column_of(a), self.column_of(b)
        if col_a is None or col_b is None:
            return None
        terminal = _terminal(a_text)
        em = self.em(ba)
        indent_b = self.indent(b, bb)
        indent_a = self.indent(a, ba)
        short = col_a.right - ba.x1
        same_column = ba.page == bb.page and ba.column == bb.column and bb.top > ba.top
        indent_ev = (
            f"next line starts {indent_b:.1f} em right of its column's left edge "
            f"({bb.x0:.1f} against {col_b.left:.1f})"
        )
        if same_column and within:
            if indent_b >= INDENT_EM and indent_b > indent_a + 0.3 and (terminal or short > em):
                return "geometry-indent", Action.BREAK, 0.9, indent_ev
            if not terminal:
                natural = self._stretch_rule(ba, short, "", terminal=False)
                return natural if natural is not None and natural[1] is Action.BREAK else None
            gap = bb.top - ba.bottom
            if gap >= col_a.gap + GAP_LINES * em:
                return (
                    "geometry-gap",
                    Action.BREAK,
                    0.85,
                    f"white gap of {gap:.1f} before the next line, usually {col_a.gap:.1f}",
                )
            stretch = self._stretch_rule(ba, short, "")
            if stretch is not None:
                return stretch
            first = b_text.split(None, 1)[0] if b_text.split() else ""
            char = (ba.x1 - ba.x0) / max(len(a_text.strip()), 1)
            piece = _first_piece(first, lexicon)
            need = (len(piece) + 1) * char
            # Word widths from a line's mean character width, and a wrapped line's shortfall,
            # hold for type, not for OCR polygons of old prints (ligatures, long s, skew): on
            # the OCR-D ground truth (eval/real_xml.py) these two rules cost 1.2 points of
            # exact documents and 0.009 paragraph precision, so on OCR input a line they
            # would call short, or one that stops OCR_FULL ems or more short, goes to the text
            # rules.
            limit = self.wrap_limit
            if not self.typeset and (
                short > need + SHORT_MARGIN * em
                or (limit is not None and short > (limit + WRAP_MARGIN) * em)
                or short > OCR_FULL * em
            ):
                return None
            if short > need + SHORT_MARGIN * em:
                what = "word" if piece == first else f"word's first part {piece!r}"
                return (
                    "geometry-short-line",
                    Action.BREAK,
                    0.85,
                    f"line ends {short:.1f} before the column's right edge; the next {what} "
                    f"needs {need:.1f}",
                )
            if limit is not None and short > (limit + WRAP_MARGIN) * em:
                return (
                    "geometry-last-line",
                    Action.BREAK,
                    0.8,
                    f"sentence ends {short / em:.2f} em before the column's right edge; lines "
                    f"wrapped inside a sentence here stop at most {limit:.2f} em short "
                    f"({WRAP_QUANTILE:.0%} of {self._wrap_count})",
                )
            return (
                "geometry-full-line",
                Action.JOIN,
                0.8,
                f"sentence ends {max(short, 0):.1f} from the column's right edge; "
                "next line flush left, no gap",
            )
        # A column or page break between them, or labelled lines (a caption, a subhead).
        if ba.region is not None and bb.region is not None and ba.region != bb.region:
            # The OCR engine ended a region here: its evidence, weighed by the text rules as a
            # blank line (measured on OCR-D ground truth, whose regions are paragraphs,
            # eval/real_xml.py: joining across them by width cost 0.08 paragraph F1).
            return None
        if terminal and indent_b < INDENT_EM:
            stretch = self._stretch_rule(ba, short, " at a column's or page's foot")
            if stretch is not None:
                return stretch
        char = (ba.x1 - ba.x0) / max(len(a_text.strip()), 1)
        first = b_text.split(None, 1)[0] if b_text.split() else ""
        # Across a break, "fills its column" is measured on one line; on OCR polygons that
        # joined paragraphs the text rules keep apart (OCR-D ground truth, eval/real_xml.py:
        # without it 0.4 points more exact documents, paragraph recall 0.801 -> 0.805).
        fills = self.typeset and short <= (len(first) + 1) * char
        if not terminal and fills and indent_b < INDENT_EM:
            # An unfinished sentence that fills its column runs on, whatever the style.
            return (
                "geometry-column-continues",
                Action.JOIN,
                0.85,
                f"unfinished line fills its column ({max(short, 0):.1f} from the right edge); "
                "the next line starts flush left after the break",
            )
        if not self.indent_style:
            return None
        if indent_b >= INDENT_EM:
            return "geometry-indent", Action.BREAK, 0.85, indent_ev + "; " + self.indent_evidence
        if fills and indent_b < INDENT_EM / 2:
            return (
                "geometry-column-continues",
                Action.JOIN,
                0.8,
                f"the line fills its column ({max(short, 0):.1f} from the right edge) and the "
                f"next line starts flush left after the break; {self.indent_evidence}",
            )
        return None
