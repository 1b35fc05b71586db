"""The document view that the structure rules share, and its neighbour queries.

:class:`LineLabels` is what stage 3 hands on (roles, pages, evidence per line);
:class:`DocView` is what the rules read while they label: the lines (with their optional
geometry, ``doc.lines.boxes``), the labels so far, and measurements of the whole document
(the trailing-space convention, the typical and the local line width, the document's own
phrases).  The navigation helpers look through furniture and captions as the boundary stage
does.  Above :mod:`reflow.structure.words`, below every rule.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import ge, itemgetter, lshift, mul, ne, not_, or_, sub
from zlib import crc32

from reflow.data.languages import function_words
from reflow.lines import Box, Lines
from reflow.model import Role
from reflow.structure.words import (
    BARE_TABLE,
    CLOSING_MARKS,
    SENTENCE_END,
    bare,
    byline_initials,
    closed,
    is_byline,
    starts_sentence,
)


@dataclass(slots=True)
class LineLabels:
    """Roles, pages and evidence for the lines of a document (parallel to :class:`Lines`).

    ``page_evidence`` says where the pages came from (form feeds, or the furniture that
    :func:`reflow.structure.furniture.infer_pages` found).
    """

    roles: list[Role | None]
    pages: list[int]
    notes: dict[int, tuple[str, str, float]] = field(default_factory=dict)
    page_evidence: str = ""
    #: Speakers' names of a dialogue (body lines; :func:`reflow.structure.lone.speaker_lines`),
    #: with the name: the boundary stage starts a paragraph at each.
    speakers: dict[int, str] = field(default_factory=dict)

    def label(self, i: int, role: Role, rule: str, evidence: str, confidence: float) -> None:
        self.roles[i] = role
        self.notes[i] = (rule, evidence, confidence)


@dataclass(slots=True)
class DocView:
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
    # The adjacent word pairs of the phrase text ("a b"), made once the phrase searches have
    # cost PHRASE_SCANS passes over it (see phrase_goes_on): searching the whole text for each
    # pair made the structure stage quadratic on long documents.
    _pairs: PairIndex | None = None
    # Characters of phrase text searched so far (the work that the pair index bounds).
    phrase_work: int = 0

    # Non-blank line indices and, per line, its position among them: for local widths.
    _nonblank: array[int] | None = None
    _lengths: list[int] | None = None
    _widths: dict[int, float] | None = None

    _bylines: list[int] | None = None
    _closed: list[bool] | None = None
    _stripped: list[str] | None = None
    _stripped_lengths: list[int] | None = None

    @property
    def stripped(self) -> list[str]:
        """``text.strip()`` of every line, in one C-level pass on first use (a line without
        whitespace at its ends is the same string object: the list costs a pointer a line)."""
        if self._stripped is None:
            self._stripped = list(map(str.strip, self.lines.texts))
        return self._stripped

    @property
    def lengths(self) -> list[int]:
        """``len(text.strip())`` of every line (0 for a blank line), in one C-level pass on
        first use: most rules bound a line's length before they look at its words."""
        if self._stripped_lengths is None:
            self._stripped_lengths = list(map(len, self.stripped))
        return self._stripped_lengths

    def maybe_caps(self) -> Iterator[int]:
        """The lines whose stripped text :func:`reflow.structure.words.is_caps` may accept, in
        order, picked in C: a line with more than a tenth of its characters in ASCII lower
        case cannot be 90 % capitals (``upper <= n - lower < 9 * lower``).  The ASCII lower
        case letters are counted as the bytes that ``bytes.translate`` deletes from the
        line's UTF-8 (no other character's bytes are ASCII), a lower bound of its lower case."""
        encoded = list(map(str.encode, self.stripped, repeat("utf-8"), repeat("surrogatepass")))
        kept = map(len, map(bytes.translate, encoded, repeat(None), repeat(_ASCII_LOWER)))
        lower = map(sub, map(len, encoded), kept)
        return compress(range(len(encoded)), map(ge, self.lengths, map(mul, repeat(10), lower)))

    def up_to(self, chars: float) -> Iterator[int]:
        """The lines of at most ``chars`` characters (:attr:`lengths`), in order, picked in
        C (no Python code runs for a longer line): the candidates of a rule that only a
        short line can meet."""
        return compress(range(len(self.lines.texts)), map(ge, repeat(chars), self.lengths))

    @property
    def bylines(self) -> list[int]:
        """Lines shaped like a byline (:func:`is_byline`), found in one pass on first use:
        the byline rules and the article heads above them visit only these."""
        if self._bylines is None:
            texts, language = self.lines.texts, self.language
            # is_byline is False unless the first character is a byline's: that test in C
            # for every line, the Python function for the few lines that pass it.
            initials = map(byline_initials(language).__contains__, map(_FIRST_CHAR, texts))
            self._bylines = [
                i for i in compress(range(len(texts)), initials) if is_byline(texts[i], language)
            ]
        return self._bylines

    @property
    def closed_lines(self) -> list[bool]:
        """:func:`closed` of every line, in one pass on first use: it depends on the text
        alone, and the rules that visit every line ask it of the line above each."""
        if self._closed is None:
            # closed(t) for every line, as C-level maps (a third of the time of a list
            # comprehension calling closed): strip, strip the closing marks, take the last
            # character ("" for an empty line), look it up among the sentence ends.
            ends = map(
                _LAST_CHAR,
                map(str.rstrip, map(str.rstrip, self.lines.texts), repeat(CLOSING_MARKS)),
            )
            self._closed = list(map(_SENTENCE_ENDS.__contains__, ends))
        return self._closed

    @property
    def boxes(self) -> list[Box | None] | None:
        """Each line's geometry (:class:`reflow.lines.Box`) when a PDF or OCR XML reader gave
        it, else None (text input).  No rule asks for it yet; a rule that does measures, say,
        ``box.x0 - column_x0`` and decides from the text alone when it is None."""
        return self.lines.boxes

    @property
    def phrases(self) -> str:
        if self._phrases is None:
            self._phrases = phrase_text(self.lines, self.labels)
        return self._phrases

    def local_width(self, i: int) -> float:
        """The column width around line *i*: the upper quartile of the lengths of the
        :data:`WIDTH_WINDOW` non-blank lines on either side (a constant window: linear).

        A page may hold columns of two widths (a second article set in fewer columns), and a
        headline or deck spans several columns, so one document-wide width misleads.
        """
        if self._nonblank is None:
            # An array: a list of ints held 36 bytes a line, more than a short line's text.
            self._nonblank = array(
                "q", compress(range(len(self.lines.blank)), map(not_, self.lines.blank))
            )
            self._lengths = list(map(self.lengths.__getitem__, self._nonblank))
            self._widths = {}
        assert self._nonblank is not None and self._widths is not None
        width = self._widths.get(i)
        if width is None:
            # Memoised: the short-line runs ask for a line and then for the line under it.
            # The line's place among the non-blank lines by bisection: a dictionary of every
            # line's place cost more memory than the text itself.
            p = bisect_left(self._nonblank, i)
            if p == len(self._nonblank) or self._nonblank[p] != i:
                raise KeyError(i)  # a blank line has no column width
            lengths = sorted(self._lengths[max(0, p - WIDTH_WINDOW) : p + WIDTH_WINDOW + 1])
            width = self._widths[i] = float(lengths[(3 * (len(lengths) - 1)) // 4])
        return width


_LAST_CHAR = itemgetter(slice(-1, None))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_FIRST_CHAR = itemgetter(slice(0, 1))
_SENTENCE_ENDS = frozenset(SENTENCE_END)


#: Where the trailing-space convention holds: share of non-blank lines with trailing spaces.
#: 0.3: the pdfminer-style shared example has 0.76, pdftotext output has 0.
TRAILING_SPACE_SHARE = 0.3
#: Below this many non-blank lines a quartile says little; the longest line is used instead.
MIN_LINES_FOR_WIDTH = 12
#: Lines on either side of a line whose lengths give its local column width.  20: measured on
#: the evaluation corpus, a window of 20 puts 0.8% of the open body lines of pdftotext -raw
#: output under headings.SHORT_FIT (12 puts 1.4% there); headings span at most 5 lines.
WIDTH_WINDOW = 20


def measure(lines: Lines) -> tuple[bool, float, bool]:
    """``(trailing_space_wraps, width, width_measured)`` of the document.

    >>> from reflow.lines import split_lines
    >>> measure(split_lines("A wrapped line \\nends here.\\n"))
    (True, 14.0, False)
    """
    # C-level maps over the non-blank lines (a Python loop here cost as much as a rule).
    texts = list(compress(lines.texts, map(not_, lines.blank)))
    stripped = list(map(str.rstrip, texts))
    lengths = list(map(len, stripped))
    trailing = sum(map(ne, stripped, texts))
    del texts, stripped
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


#: Runs of whitespace other than a line end, but not a lone space (most of the text: left as
#: it is, rather than replaced by itself match by match, which took twice as long).
_RUNS_OF_SPACE = re.compile(r" [^\S\n]+|[^\S\n ][^\S\n]*")
#: The characters BARE_TABLE deletes.
_BARE_MARKS = re.compile("[" + re.escape("".join(map(chr, BARE_TABLE))) + "]")


#: Lines of the phrase text made at a time: each piece passes through lower(), two regexes and
#: a replace, one copy after the other, so the copies are a piece's, not the whole text's
#: (three copies of the whole text at once were the structure stage's peak on long inputs;
#: 1,024 lines are about 40 KB of text).
_PHRASE_PIECE_LINES = 1 << 10


def phrase_text(lines: Lines, labels: LineLabels) -> str:
    """The unlabelled lines, lower case, marks removed, one space between words and a space on
    either side of every word, so that " a b " is found only where a and b stand side by side
    inside a line.  Built with C-level string operations (a per-word loop cost a tenth of the
    whole pipeline on the evaluation corpus).

    >>> from reflow.lines import split_lines
    >>> lines = split_lines("A  Wrapped line,\\n\\nthe   next.\\n")
    >>> phrase_text(lines, LineLabels([None] * 3, [0] * 3))
    ' a wrapped line \\n the next '
    """
    kept = [
        text
        for text, blank, role in zip(lines.texts, lines.blank, labels.roles, strict=True)
        if not blank and role is None
    ]
    pieces = []
    for k in range(0, len(kept), _PHRASE_PIECE_LINES):
        body = "\n".join(kept[k : k + _PHRASE_PIECE_LINES])
        # Deleting the marks with a regex character class: the same text as
        # str.translate(BARE_TABLE), five times faster on text that is not all ASCII.  A run
        # of spaces never crosses a line end, so pieces cut at line ends give the same text.
        body = _BARE_MARKS.sub("", body.lower())
        if "  " in body or not all(map(str.isprintable, kept[k : k + _PHRASE_PIECE_LINES])):
            # Every whitespace character but the space and the line end is non-printable
            # (checked over all of Unicode), so a piece of printable lines without a double
            # space has no run to collapse: the regex pass (half of this function's time on
            # the evaluation corpus) is skipped for most pieces.
            body = _RUNS_OF_SPACE.sub(" ", body)
        pieces.append(body.replace("\n", " \n "))
    del kept
    if not pieces:
        return "  "
    pieces[0] = " " + pieces[0]
    pieces[-1] += " "
    return " \n ".join(pieces)


#: Whole-text searches of the phrase text allowed before its word pairs are indexed.  A search
#: is a C-level scan (GB/s); building the index cost 140..250 of them on the evaluation corpus
#: (bench: 891 documents that ask, one process, 2026-11-29: index 0.68 s against 0.0049 s for
#: one search of a word pair of the text in each document, 0.0027 s for one of an absent
#: pair).  Below that break-even a search is cheaper: the documents of the corpus ask 1..45
#: questions, and at 8 the 183 that asked more built an index each (a tenth of the structure
#: stage).  64 keeps the scans before the index at under half its cost, so a long document
#: that asks many questions builds it once: the work stays linear in the document either way.
PHRASE_SCANS = 64
#: Phrase text cut into pieces of about this many characters (at line ends) when its pairs
#: are indexed, so that the pairs of one piece, not of the whole text, are in memory at once
#: (as bytes objects, about 8 bytes a character of text: 256 KB for a piece of 32 KB, a
#: small share of a 100 KB document's memory; a piece costs ~30 us more than a longer one).
_PAIR_CHUNK = 1 << 15
#: A space, then two words and the space after them (a lookahead: pairs overlap).  Words
#: hold neither space nor line end, so each start is tried once per space: linear.  On the
#: UTF-8 bytes of the text: a space and a line end are one byte each and never part of another
#: character's bytes, so the pairs found are those of the text, encoded.
_PAIR = re.compile(rb" (?=([^ \n]+ [^ \n]+) )")
_REVERSED = itemgetter(slice(None, None, -1))
#: The index keeps its keys in 2**_BUCKET_BITS arrays by their top bits while it is built, so
#: that sorting one array at a time needs a list of Python ints for a small part of the keys.
_BUCKET_BITS = 6


def _pair_keys(pairs: Iterable[bytes]) -> Iterator[int]:
    """A 64-bit key for each pair: CRC-32 of its bytes and CRC-32 of its bytes reversed.

    Two CRCs of the same polynomial over the text and its reverse are two independent
    32-bit checks (together, a difference between two pairs goes unseen only when it is a
    multiple of a degree-64 polynomial), and both run in C: the same speed as hashing the
    pair strings into a set.
    """
    pairs = list(pairs)
    return map(or_, map(lshift, map(crc32, pairs), repeat(32)), map(crc32, map(_REVERSED, pairs)))


def _key(last: str, first: str) -> int:
    return next(_pair_keys([f"{last} {first}".encode("utf-8", "surrogatepass")]))


class PairIndex:
    """Every "a b" that stands side by side in a line of the phrase text, as a sorted array
    of 64-bit keys (:func:`_pair_keys`): 8 bytes a distinct pair, where a set of the pair
    strings held about 120 (more than the document itself on a 4 MB input).

    A key stands for its pair: two different pairs of a document share a key with a
    probability of about 2**-64 each (a document of 10**7 distinct pairs asked 10**5 questions
    meets such a pair with a chance below 10**-7); the answer is the same on every run.
    """

    __slots__ = ("_keys",)

    def __init__(self, phrases: str) -> None:
        buckets = [array("Q") for _ in range(1 << _BUCKET_BITS)]
        clean = [0] * len(buckets)  # length of each bucket after its last de-duplication
        shift = 64 - _BUCKET_BITS
        start, n = 0, len(phrases)
        while start < n:
            end = phrases.find("\n", min(n, start + _PAIR_CHUNK))
            end = n if end < 0 else end + 1
            piece = phrases[start:end].encode("utf-8", "surrogatepass")
            keys = sorted(set(_pair_keys(_PAIR.findall(piece))))
            lo = 0
            for b, bucket in enumerate(buckets):
                hi = bisect_left(keys, (b + 1) << shift, lo)
                if hi > lo:
                    bucket.extend(keys[lo:hi])
                    if len(bucket) > 2 * clean[b] + 256:
                        # Pairs repeat from piece to piece: de-duplicate when a bucket has
                        # doubled, so it holds few more keys than distinct pairs (amortised
                        # linear).
                        buckets[b] = bucket = array("Q", sorted(set(bucket)))
                        clean[b] = len(bucket)
                lo = hi
            start = end
        self._keys = array("Q")
        for b in range(len(buckets)):
            self._keys.extend(sorted(set(buckets[b])))
            buckets[b] = array("Q")

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple):
            return False
        key = _key(*pair)
        k = bisect_left(self._keys, key)
        return k < len(self._keys) and self._keys[k] == key

    @property
    def nbytes(self) -> int:
        """Bytes of the keys (what a test bounds)."""
        return self._keys.itemsize * len(self._keys)


def lines_matching(lines: Lines, patterns: Iterable[str | re.Pattern[str]]) -> list[int]:
    """The lines in which one of ``patterns`` (a substring, or a regex) starts a match, in
    order: searches over the whole source in C, one per line found (the search goes on at
    the next line), not one per line of the document.  A rule that needs a rare character
    (a brace, a relation sign) asks this for its candidates; a substring is found with the
    fast substring search (a regex that starts with a literal, nearly as fast).

    >>> from reflow.lines import split_lines
    >>> lines_matching(split_lines("a = b\\nno\\nx = y = z\\n-"), ["=", re.compile("^-", re.M)])
    [0, 2, 3]
    """
    source, starts = lines.source, lines.starts
    n = len(starts)
    found: set[int] = set()
    for pattern in patterns:
        if isinstance(pattern, str):
            at = source.find(pattern)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = source.find(pattern, starts[i + 1]) if i + 1 < n else -1
            continue
        m = pattern.search(source)
        while m is not None:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            m = pattern.search(source, starts[i + 1]) if i + 1 < n else None
    return sorted(found)


def has_phrase(doc: DocView, last: str, first: str) -> bool:
    """Is " last first " in the phrase text (``last`` and ``first`` bare words, no spaces)?

    Within a line of the phrase text words stand one space apart, and every line has a space
    on both ends, so the substring is there exactly when the two words stand side by side in
    a line: the pair index answers the same as the search.
    """
    if doc._pairs is None:
        phrases = doc.phrases
        if doc.phrase_work < PHRASE_SCANS * len(phrases):
            doc.phrase_work += len(phrases)
            return f" {last} {first} " in phrases
        doc._pairs = PairIndex(phrases)
        doc.phrase_work += len(phrases)  # one pass to build the index
        doc._phrases = ""  # the index answers from now on: the text can go
    return (last, first) in doc._pairs


def phrase_goes_on(doc: DocView, i: int, nxt: int) -> bool:
    """Does the document print line *i*'s last word and line *nxt*'s first word side by side
    elsewhere ("Cooperation" / "Agency" when "Cooperation Agency" occurs in a line)?"""
    if nxt >= len(doc.lines):
        return False
    a, b = doc.lines.texts[i].split(), doc.lines.texts[nxt].split()
    if not (a and b):
        return False
    first = bare(b[0])
    if first in function_words(doc.language):
        return False  # "The", "Die", "Le" follow any word: no evidence of a phrase
    last, first = a[-1].lower().translate(BARE_TABLE), b[0].lower().translate(BARE_TABLE)
    return bool(last and first) and has_phrase(doc, last, first)


# ---------------------------------------------------------------------------------------------
# Navigation that looks through labelled lines (furniture, captions) as the boundary stage does.


def transparent(doc: DocView, i: int) -> bool:
    """Blank, or labelled as something the body flows around (not a heading)."""
    role = doc.labels.roles[i]
    return doc.lines.blank[i] or (role is not None and role is not Role.HEADING)


def prev_line(doc: DocView, i: int) -> int:
    """The nearest line before *i* that is body text or a heading, or -1.

    >>> from reflow.lines import split_lines
    >>> lines = split_lines("Body above.\\n\\n- 3 -\\nBody below.\\n")
    >>> labels = LineLabels([None, None, Role.PAGE_NUMBER, None], [0] * 4)
    >>> doc = DocView(lines, labels, "en", 12, *measure(lines))
    >>> prev_line(doc, 3), next_line(doc, 0), doc.boxes is None
    (0, 3, True)
    """
    blank, roles, heading = doc.lines.blank, doc.labels.roles, Role.HEADING
    j = i - 1
    # transparent(doc, j), inlined: the rules ask this for most lines, some more than once.
    while j >= 0 and (blank[j] or (roles[j] is not None and roles[j] is not heading)):
        j -= 1
    return j


def next_line(doc: DocView, i: int) -> int:
    """The nearest line after *i* that is body text or a heading, or len(lines)."""
    blank, roles, heading = doc.lines.blank, doc.labels.roles, Role.HEADING
    n = len(blank)
    j = i + 1
    while j < n and (blank[j] or (roles[j] is not None and roles[j] is not heading)):
        j += 1
    return j


def blank_before(doc: DocView, i: int) -> bool:
    """A blank line, a page edge or a labelled line directly above *i*."""
    return (
        i == 0
        or doc.lines.blank[i - 1]
        or doc.labels.pages[i - 1] != doc.labels.pages[i]
        or (doc.labels.roles[i - 1] is not None)
    )


def blank_after(doc: DocView, i: int) -> bool:
    n = len(doc.lines)
    return (
        i == n - 1
        or doc.lines.blank[i + 1]
        or doc.labels.pages[i + 1] != doc.labels.pages[i]
        or (doc.labels.roles[i + 1] is not None)
    )


def between_sentences(doc: DocView, i: int) -> bool:
    """The line above (the nearest non-blank one) ends a sentence or is labelled, or there is
    none; the line below starts a sentence or is labelled: a flat export's heading line."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    k = i - 1
    while k >= 0 and blank[k]:
        k -= 1
    if k >= 0 and roles[k] is None and not closed(texts[k]):
        return False
    k = i + 1
    while k < len(texts) and blank[k]:
        k += 1
    return k == len(texts) or roles[k] is not None or starts_sentence(texts[k])
