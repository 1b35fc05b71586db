"""Evidence sources for hyphen decisions: the document's own words, word frequencies, patterns.

* :class:`DocumentVocabulary` counts the words of the document itself (strongest evidence: if the
  author writes "approved" elsewhere, "ap-/proved" is "approved").
* :class:`Lexicon` gives Zipf frequencies from wordfreq (data shipped in its wheel) and
  hyphenation points from Pyphen's Liang patterns (shipped in its wheel).  Loaded lazily, once
  per process and language.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from operator import methodcaller

from reflow.data.languages import LANGUAGES, PYPHEN_DICTS


class DocumentVocabulary:
    """How often the document writes a word, and a hyphenated compound, anywhere in it.

    Two indexes, each built on first use: hyphenated compounds ("well-known") are found from
    the hyphens alone (a few per hundred words), so asking for them is cheap; plain words need a
    pass over every word of the text, which is only made when a decision needs it.

    >>> v = DocumentVocabulary("It was approved. A well-known well-known fact.")
    >>> v.count("approved"), v.compound_count("well-known"), v.count("wellknown")
    (1, 2, 0)
    """

    __slots__ = (
        "_broken",
        "_compounds",
        "_coverage",
        "_lowered",
        "_marks",
        "_pairs",
        "_prefixes",
        "_scanned",
        "_sorted",
        "_suffixes",
        "_text",
        "_words",
        "mark_verdicts",
    )

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: Counter[str] | None = None
        self._compounds: Counter[str] | None = None
        self._prefixes: tuple[Counter[str], Counter[str]] | None = None
        self._sorted: tuple[list[str], list[str]] | None = None
        self._suffixes: Counter[str] | None = None
        self._broken: Counter[str] | None = None
        self._coverage: float | None = None
        self._pairs: list[tuple[str, str]] = []
        self._marks: dict[str, list[tuple[str, str]]] = {}
        #: (mark, language) -> why the mark is the document's hyphen, or "" (filled by
        #: reflow.hyphenation, which judges the pairs of :meth:`mark_pairs` once per mark).
        self.mark_verdicts: dict[tuple[str, str], str] = {}
        self._lowered: list[str] | None = None
        self._scanned = 0

    def count(self, word: str) -> int:
        key = word.lower().replace("\u2010", "-")
        if self._words is None:
            # A counted word is a substring of the lower-cased text, so a word that is not one
            # is counted 0 without tokenising the document: on the evaluation corpus 1,252 of
            # the 1,380 words asked for are not in their document at all.  Each such test scans
            # the text once; past SCAN_BUDGET texts' worth of scanning, the index is built
            # (so the work stays linear in the document, however many words are asked for).
            if self._lowered is None:
                self._lowered = _lowered_slices(self._text)
            if self._scanned < SCAN_BUDGET * len(self._text):
                self._scanned += len(self._text)
                # The slices are cut before a space: a key without one that is in the whole
                # lower-cased text is inside one slice.
                lowered = self._lowered if " " not in key else ["".join(self._lowered)]
                if not any(key in piece for piece in lowered):
                    return 0
            self._words = self._index_words()
            self._lowered = None
        return self._words.get(key, 0)

    def compound_count(self, compound: str) -> int:
        """Occurrences of ``left-right`` inside a line (a line-end hyphen does not count)."""
        if self._compounds is None:
            self._compounds = self._index_compounds()
        return self._compounds.get(compound.lower().replace("\u2010", "-"), 0)

    def prefix_count(self, left: str) -> int:
        """Compounds inside a line whose first part is ``left`` ("opaco-albâ" for "opaco").

        >>> DocumentVocabulary("opaco-albâ, opaco-fuscâ; well-known").prefix_count("Opaco")
        2
        """
        return self._prefix_index()[0].get(left.lower(), 0)

    def prefix_words(self, left: str) -> int:
        """Distinct compounds inside lines whose first part is ``left``.

        >>> DocumentVocabulary("virt-install, virt-install; virt-viewer").prefix_words("virt")
        2
        """
        return self._prefix_index()[1].get(left.lower(), 0)

    def _prefix_index(self) -> tuple[Counter[str], Counter[str]]:
        if self._prefixes is None:
            if self._compounds is None:
                self._compounds = self._index_compounds()
            found: Counter[str] = Counter()
            distinct: Counter[str] = Counter()
            for compound, n in self._compounds.items():
                first = compound.split("-", 1)[0]
                found[first] += n
                distinct[first] += 1
            self._prefixes = (found, distinct)
        return self._prefixes

    def closed_prefix(self, left: str) -> tuple[int, int]:
        """Words of the document that begin with ``left`` written closed, with three letters or
        more after it ("subovatâ", "subtilis" for "sub"): how often the document writes
        ``left`` as the first part of a closed word, to weigh against :meth:`prefix_count`.
        (distinct words, occurrences).

        >>> v = DocumentVocabulary("subovatâ subtilis subtilis; sub-depressâ, subs, sub")
        >>> v.closed_prefix("Sub"), v.prefix_count("sub")
        ((2, 3), 1)
        """
        return self._closed(left.lower(), reverse=False)

    def closed_suffix(self, right: str) -> tuple[int, int]:
        """Words of the document that end in ``right`` written closed, with three letters or
        more before it: (distinct words, occurrences).  Weighed against :meth:`suffix_count`.

        >>> DocumentVocabulary("fuscâ, corneo-fuscâ, nigrofuscâ").closed_suffix("fuscâ")
        (1, 1)
        """
        return self._closed(right.lower()[::-1], reverse=True)

    def suffix_count(self, right: str) -> int:
        """Compounds inside a line whose last part is ``right`` ("corneo-fuscâ" for "fuscâ").

        >>> DocumentVocabulary("opaco-fuscâ, corneo-fuscâ; well-known").suffix_count("Fuscâ")
        2
        """
        if self._suffixes is None:
            if self._compounds is None:
                self._compounds = self._index_compounds()
            self._suffixes = Counter()
            for compound, n in self._compounds.items():
                self._suffixes[compound.rsplit("-", 1)[1]] += n
        return self._suffixes.get(right.lower(), 0)

    def _closed(self, key: str, reverse: bool) -> tuple[int, int]:
        if self._words is None:
            self._words = self._index_words()
        if self._sorted is None:
            # Only whole words of letters: "sub-depressâ" is a compound, "3rd" no word.
            closed = [w for w in self._words if w.isalpha()]
            self._sorted = (sorted(closed), sorted(w[::-1] for w in closed))
        words = self._sorted[1 if reverse else 0]
        distinct = n = 0
        # The words that begin with key are one run of the sorted list.
        for i in range(bisect_left(words, key), len(words)):
            word = words[i]
            if not word.startswith(key):
                break
            if len(word) >= len(key) + CLOSED_REST:
                distinct += 1
                n += self._words[word[::-1] if reverse else word]
        return distinct, n

    def standalone_count(self, word: str) -> int:
        """Occurrences of ``word`` not as a half of a word broken at a line end.

        >>> DocumentVocabulary("a ldap b libpam-\\nldap c longi-\\ntudo").standalone_count("ldap")
        1
        """
        return self.count(word) - self._broken_halves().get(word.lower(), 0)

    def _broken_halves(self) -> Counter[str]:
        if self._broken is None:
            text, broken = self._text, Counter()
            for m in _BREAK.finditer(text):
                pos = m.start()
                left = _word_before(text, pos)
                if left:
                    a, b = left.lower(), m.group(1).lower()
                    broken[a] += 1
                    broken[b] += 1
                    self._pairs.append((a, b))
            # A first half whose second half is not on the next line (a page number, a running
            # head or a blank line between: "crowdfun-" / "2" / ... / "ding") is no more a
            # word of its own than one whose second half is.
            for m in _ORPHAN_BREAK.finditer(text):
                pos = m.start()
                left = _word_before(text, pos)
                if left:
                    broken[left.lower()] += 1
            self._broken = broken
        return self._broken

    def mark_pairs(self, mark: str) -> list[tuple[str, str]]:
        """The words cut at line ends by ``mark`` (an OCR engine's ``=`` or ``—``) glued to a
        letter before a lower-case letter on the next line: (first part, second part),
        lower-cased.  A mark after a space is a dash, not a cut.

        >>> v = DocumentVocabulary("se presse toute—\\nfois en Alle—\\nmagne; 1917 —\\nla fin")
        >>> v.mark_pairs("—")
        [('toute', 'fois'), ('alle', 'magne')]
        """
        found = self._marks.get(mark)
        if found is None:
            found = self._marks[mark] = []
            if mark in self._text:
                text = self._text
                pattern = re.compile(
                    f"{re.escape(mark)}[ \t]*\n[ \t\f]*([^\\W\\d_](?:[^\\W\\d_]|{_MARK})*)"
                )
                for m in pattern.finditer(text):
                    left, right = _word_before(text, m.start()), m.group(1)
                    if left and right[0].islower():
                        found.append((left.lower(), right.lower()))
        return found

    def break_profile(self) -> tuple[int, int]:
        """How the document's own words broken at line ends are written elsewhere in it: (pairs
        written joined elsewhere and never as a compound, pairs written as a compound).

        >>> v = DocumentVocabulary("approved; it was ap-\\nproved, well-\\nknown, well-known")
        >>> v.break_profile()
        (1, 1)
        """
        self._broken_halves()
        joined = compound = 0
        for a, b in self._pairs:
            if self.compound_count(f"{a}-{b}"):
                compound += 1
            elif self.count(a + b):
                joined += 1
        return joined, compound

    def coverage(self, lexicon: Lexicon) -> float:
        """Share of the document's words (4 letters or more, by occurrence) the lexicon knows.

        Low on pages with much text in another language or an old spelling, where the
        language's patterns and frequencies cannot judge a word (see hyphenation.FOREIGN).
        """
        if self._coverage is None:
            if self._words is None:
                self._words = self._index_words()
            total = known = 0
            for word, n in self._words.items():
                if len(word) >= 4 and word.isalpha():
                    total += n
                    known += n if lexicon.zipf(word) >= 1.0 else 0
            # Too few words say nothing about the document: the lexicon is trusted.
            self._coverage = known / total if total >= COVERAGE_SAMPLE else 1.0
        return self._coverage

    def _index_words(self) -> Counter[str]:
        # Whitespace tokens with their punctuation stripped, apostrophes cut ("l'environnement"
        # counts as "l" and "environnement"): all of it C-level loops, 1.5x faster than a
        # tokenising regex on the benchmark text.  In slices cut at whitespace, so that the
        # tokens of one slice, not of the whole text, are in memory at once (a whole 5 MB text
        # makes ~1 M token strings, ~60 MB).
        words: Counter[str] = Counter()
        strip = methodcaller("strip", _PUNCTUATION)
        for piece in _space_slices(self._text):
            chunk = piece.lower().replace("'", " ").replace("\u2019", " ")
            words.update(map(strip, chunk.split()))
        return words

    def _index_compounds(self) -> Counter[str]:
        text = self._text
        found: Counter[str] = Counter()
        for m in _HYPHEN.finditer(text):
            pos = m.start()
            right = _WORD_AT.match(text, pos + 1)
            if right is None:  # cannot happen: the pattern looked ahead for a letter
                continue
            left = _word_before(text, pos)
            if left:
                found[f"{left.lower()}-{right.group().lower()}"] += 1
        return found


def _lowered_slices(text: str) -> list[str]:
    """``text.lower()`` in slices of about :data:`_SLICE` characters, each cut before a space
    (``"".join`` of them is ``text.lower()``: a space is neither cased nor case-ignorable, so
    no case mapping looks across it, the final sigma included).

    Lower-casing a whole text that is not all ASCII takes 12 bytes a character for the
    moment (CPython maps into a buffer of three 4-byte characters per character): 14 times
    a 4 MB input, the peak of the whole pipeline on bench/make_text.py's text.  Slices are
    also kept one byte a character when they are ASCII.

    >>> _lowered_slices("ΟΔΟΣ ΟΔΟΣ") == ["οδος οδος"]
    True
    >>> "".join(_lowered_slices("Aİ ΣΑΣ " * 20_000)) == ("Aİ ΣΑΣ " * 20_000).lower()
    True
    """
    return [piece.lower() for piece in _space_slices(text)]


def _space_slices(text: str) -> Iterator[str]:
    """``text`` in slices of about :data:`_SLICE` characters, each cut before a space, so that
    per-slice work (lower-casing, splitting) never holds a whole-text copy.

    >>> "".join(_space_slices("a b " * 30_000)) == "a b " * 30_000
    True
    """
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + _SLICE)
        if end < n:
            space = text.find(" ", end)
            end = n if space < 0 else space
        yield text[start:end]
        start = end


def _word_before(text: str, pos: int) -> str:
    """The letters right before ``pos``, at most :data:`WORD_BEFORE_CHARS` of them ("" when
    none): one match at the start of the reversed window, where a search for a run ending at
    ``pos`` tried every start in the window (twice as slow on the evaluation corpus).

    >>> _word_before("a well-known", 6), _word_before("2-x", 1), _word_before("x" * 70 + "-", 70)
    ('well', '', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')
    """
    stop = pos - WORD_BEFORE_CHARS - 1
    window = text[pos - 1 : stop if stop >= 0 else None : -1] if pos > 0 else ""
    m = _WORD_AT.match(window)
    return m.group()[::-1] if m else ""


#: Words (4 letters or more) a document needs before its lexicon coverage is measured at all:
#: on a few lines one unknown name is a large share.
COVERAGE_SAMPLE = 50
#: Letters a closed word needs after a first part before it counts in
#: DocumentVocabulary.closed_prefix_count: three, so that inflections ("subs", "subbed") are
#: not taken for compounds.
CLOSED_REST = 3
#: Punctuation stripped from both ends of a whitespace token before it is counted.
_PUNCTUATION = '.,;:!?"()[]{}<>“”„‘’‚«»‹›…*/\\|#%&+=~^`@$§¶•·–—-\u2010\u00ad¬⸗'
#: Words Pyphen may keep in its cache (about 250 bytes each: Python ints for the points)
#: before it is emptied: 65,536 words are ~16 MB (a 4 MB document of bench_scaling.py asked
#: for 18,000; bench/results/memory-profile-*.md).
PYPHEN_CACHE_WORDS = 1 << 16
#: Characters of text tokenised at once when counting words (see _index_words): the tokens
#: of 64 K characters are ~0.7 MB of strings (those of 1 M characters, 10 MB, were the
#: boundary stage's peak on a 400 KB document).
_SLICE = 1 << 16
#: Combining marks (a word goes on through them: "haͤtte" with an e above the a, U+0364).
_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
#: A line-end hyphen and the word after the line break (the word before it is found with
#: _word_before in a bounded window, so that a long run of letters is not scanned again and
#: again: linear time).
_BREAK = re.compile(
    f"[-\u2010\u2011\u00ad\u00ac\u2e17][ \t]*\n[ \t\f]*([^\\W\\d_](?:[^\\W\\d_]|{_MARK})*)"
)
#: A line-end hyphen not followed by a word on the next line (see _broken_halves).
_ORPHAN_BREAK = re.compile("[-\u2010\u2011\u00ad\u00ac\u2e17][ \t]*\n(?![ \t\f]*[^\\W\\d_])")
#: Substring tests (each a scan of the text) allowed before the word index is built: building
#: it costs about ten scans (str.find runs at GB/s, the tokenising at ~10 MB/s).
SCAN_BUDGET = 8
#: A hyphen with a letter right after it: line-end hyphens (most hyphens of a justified text)
#: are skipped inside the regex engine.
_HYPHEN = re.compile(r"[-\u2010](?=[^\W\d_])")
_WORD_AT = re.compile(f"(?:[^\\W\\d_]|{_MARK})+")
#: A word before a hyphen is read at most this far back (a longer run of letters is no word).
WORD_BEFORE_CHARS = 64


#: Historical letter forms read as their modern letter for lexicon and pattern look-ups only
#: (the text keeps them): long s, r rotunda, and e written above a vowel (the older umlaut).
#: Folding long s alone took one German newspaper suite from 92.4 % to 98.9 % of line-end
#: hyphens right (issue 9).
_FOLD = str.maketrans({"ſ": "s", "ꝛ": "r"})
_SUPERSCRIPT_E = re.compile("([aouAOU])\u0364")
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def fold(word: str) -> str:
    """``word`` in modern letters, for look-ups.

    >>> fold("Unterweiſung"), fold("aͤndert")
    ('Unterweisung', 'ändert')
    """
    word = word.translate(_FOLD)
    if "\u0364" in word:
        word = _SUPERSCRIPT_E.sub(lambda m: _UMLAUT[m.group(1)], word)
    return word


def zipf(freq: float) -> float:
    """wordfreq's Zipf scale: log10 of occurrences per billion words (0 when unseen)."""
    return math.log10(freq * 1e9) if freq > 0 else 0.0


# Letters that look alike across Latin, Cyrillic and Greek, as OCR mixes them inside one word
# ("Mосква" with a Latin M, "cтатья" with a Latin c).  Folding is for lexicon and pattern look-ups
# only: the text itself is never changed.  Pairs chosen by shape (upper and lower case forms
# that share a glyph in common fonts); bench/bench_language.py measures how many mixed words the
# fold gives back to the lexicon.
_LATIN_CYRILLIC = {
    "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н", "I": "І",
    "i": "і", "K": "К", "k": "к", "M": "М", "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т",
    "X": "Х", "x": "х", "Y": "У", "y": "у",
}  # fmt: skip
_LATIN_GREEK = {
    "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο",
    "o": "ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ", "v": "ν", "u": "υ", "k": "κ",
}  # fmt: skip
_FOLD_TO = {
    "Cyrillic": str.maketrans(_LATIN_CYRILLIC),
    "Greek": str.maketrans(_LATIN_GREEK),
    "Latin": str.maketrans(
        {v: k for k, v in _LATIN_CYRILLIC.items()} | {v: k for k, v in _LATIN_GREEK.items()}
    ),
}


def fold_confusables(word: str, script: str) -> str:
    """``word`` with letters of another script that look like letters of ``script`` replaced by
    those; unchanged unless it mixes ASCII and non-ASCII letters (the only case OCR makes).

    >>> fold_confusables("Mосква", "Cyrillic"), fold_confusables("Москва", "Cyrillic")
    ('Москва', 'Москва')
    >>> fold_confusables("nаtion", "Latin"), fold_confusables("naïve", "Latin")
    ('nation', 'naïve')
    """
    if word.isascii() or script not in _FOLD_TO:
        return word
    has_ascii = has_other = False
    for ch in word:
        if ch.isascii():
            has_ascii = has_ascii or ch.isalpha()
        elif "\u0370" <= ch <= "\u04ff":  # Greek and Cyrillic letters
            has_other = True
    if not (has_ascii and has_other):
        return word
    return word.translate(_FOLD_TO[script])


#: Greek vowels with the acute accent (tonos, also the older oxia), without it: for pattern
#: look-ups only (see Lexicon.is_hyphenation_point).  The vowels with both diaeresis and
#: accent keep the diaeresis.
_GREEK_TONOS = str.maketrans(
    "\u03ac\u03ad\u03ae\u03af\u03cc\u03cd\u03ce\u0390\u03b0"
    "\u1f71\u1f73\u1f75\u1f77\u1f79\u1f7b\u1f7d",
    "αεηιουωϊϋαεηιουω",
)

# Romanian s and t with a comma below, as wordfreq keys them (texts often have the cedilla forms).
_ROMANIAN_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")

#: Verdicts kept per language (see Lexicon.verdicts): ~100 bytes each, so ~10 MB at most.
VERDICT_CACHE = 100_000


class _BoundedDict(dict):
    """A dict that forgets everything when it grows past its bound (simple, and enough here)."""

    def __init__(self, bound: int) -> None:
        super().__init__()
        self.bound = bound

    def __setitem__(self, key: object, value: object) -> None:
        if len(self) >= self.bound:
            self.clear()
        super().__setitem__(key, value)


class Lexicon:
    """Word frequencies and hyphenation patterns for one language.

    >>> en = Lexicon.get("en")
    >>> en.zipf("approved") > 3.0, en.zipf("wellknown") < 2.0
    (True, True)
    >>> en.is_hyphenation_point("participating", 10)
    True
    """

    def __init__(self, language: str) -> None:
        self.language = language
        known = LANGUAGES.get(language)
        self.script = known.script if known else "Latin"
        self._freq: dict[str, float] | None = None
        self._pyphen: object | None = None
        self._pyphen_loaded = False
        self._elision: object | None = None
        # (left, right) -> verdict of the hyphenation stage: a word broken once is often broken
        # the same way again in a corpus, and the verdict depends on nothing else.  Bounded.
        self.verdicts: dict[tuple[str, str], object] = _BoundedDict(VERDICT_CACHE)
        # word -> Zipf, as asked (folding and two look-ups per word otherwise): the coverage of
        # a document asks for each of its words once, and a corpus shares most of them.
        self._zipfs: dict[str, float] = _BoundedDict(VERDICT_CACHE)

    @staticmethod
    @lru_cache(maxsize=64)
    def get(language: str) -> Lexicon:
        return Lexicon(language)

    @property
    def has_frequencies(self) -> bool:
        return bool(self._frequencies())

    def _frequencies(self) -> dict[str, float]:
        if self._freq is None:
            try:
                import wordfreq

                if self.language in wordfreq.available_languages():
                    self._freq = wordfreq.get_frequency_dict(self.language, wordlist="best")
                else:
                    self._freq = {}
            except (ImportError, LookupError, OSError):
                # A broken or missing wordfreq install degrades to "no lexicon", which makes
                # the hyphen stage abstain more; it never guesses.
                self._freq = {}
        return self._freq

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` (any case; old letter forms and look-alike letters of
        another script folded).

        >>> ru = Lexicon.get("ru")
        >>> ru.zipf("Москве") > 4.0, ru.zipf("Mоскве") == ru.zipf("Москве")  # Latin "M"
        (True, True)
        """
        z = self._zipfs.get(word)
        if z is None:
            z = self._zipfs[word] = self._zipf(word)
        return z

    def _zipf(self, word: str) -> float:
        freq = self._frequencies()
        word = fold(word)
        # casefold, as wordfreq keys its lists: "Straße" is "strasse", final "ς" is "σ".
        low = word.casefold()
        if self.language == "ro":
            low = low.translate(_ROMANIAN_COMMA)
        f = freq.get(low)
        folded = fold_confusables(word, self.script).casefold()
        if folded != low:
            # A word that mixes scripts is looked up as its own script's letters too, and the
            # more frequent spelling counts: the web text behind wordfreq has the Latin-i
            # spellings that PDFs of Ukrainian text give back (T2A sets "і" as the Latin "i"),
            # rarely ("освiта" 1.4 against "освіта" 4.9).
            f = max(f or 0.0, freq.get(folded, 0.0))
        return zipf(f or 0.0)

    def _hyphenator(self) -> object | None:
        if not self._pyphen_loaded:
            self._pyphen_loaded = True
            name = PYPHEN_DICTS.get(self.language)
            if name:
                known = LANGUAGES.get(self.language)
                left, right = known.hyphen_min if known else (2, 2)
                try:
                    import pyphen

                    self._pyphen = pyphen.Pyphen(lang=name, left=left, right=right)
                except (ImportError, KeyError, OSError):
                    self._pyphen = None
        return self._pyphen

    def _elision_hyphenator(self) -> object | None:
        """The patterns with one letter allowed before a break (see is_hyphenation_point)."""
        if self._elision is None:
            import pyphen

            base = self._hyphenator()
            self._elision = pyphen.Pyphen(
                lang=PYPHEN_DICTS[self.language], left=1, right=base.right
            )  # type: ignore[attr-defined]
        return self._elision

    @property
    def has_patterns(self) -> bool:
        return self._hyphenator() is not None

    def first_break(self, word: str) -> int | None:
        """The first position in ``word`` where the language's patterns allow a break: the
        length of its first syllable as a typesetter would hyphenate it; None without patterns
        or without a break.

        >>> Lexicon.get("pl").first_break("Zazwyczaj")
        2
        """
        if self._hyphenator() is None:
            return None
        for position in range(1, len(word)):
            if self.is_hyphenation_point(word, position):
                return position
        return None

    def is_hyphenation_point(
        self, word: str, position: int, after_elision: bool = False
    ) -> bool | None:
        """Do the language's patterns allow a break in ``word`` before ``position``?

        None when the language has no patterns.  ``after_elision``: an elided word stands
        before ``word`` ("d’adreces"), so one letter of it may stand before the break.

        >>> ca = Lexicon.get("ca")
        >>> ca.is_hyphenation_point("adreces", 1), ca.is_hyphenation_point("adreces", 1, True)
        (False, True)
        """
        hyph = self._hyphenator()
        if hyph is None:
            return None
        if after_elision and position == 1:
            hyph = self._elision_hyphenator() or hyph
        folded = fold(word)
        if len(folded) != len(word):
            position = len(fold(word[:position]))
        # The look-alike fold keeps the length: the position stays.
        folded = fold_confusables(folded, self.script).lower()
        cache = getattr(getattr(hyph, "hd", None), "cache", None)
        if isinstance(cache, dict) and len(cache) > PYPHEN_CACHE_WORDS:
            # Pyphen keeps every word it was asked in a dictionary for the life of the process:
            # a batch worker asked for millions of words would grow without end.
            cache.clear()
        if self.script == "Cyrillic":
            # Pyphen's Russian patterns have no "ё" (they hyphenate "удаленной", not
            # "удалённой"); "е" hyphenates the same way.
            folded = folded.replace("ё", "е")
        positions = hyph.positions(folded)  # type: ignore[attr-defined]
        if position in positions or self.script != "Greek":
            return position in positions
        # Pyphen's Greek patterns cover few accented vowels: "αμερόληπτο" gets no break in
        # "ρό-λη".  Without the acute accent (tonos) the same letters get the breaks Greek rules
        # give; the accented word still gives the breaks the accent makes (the hiatus in
        # "πρωτοβουλί-α"), so a break allowed in either spelling counts.  Diaeresis is kept
        # ("προϊόν").  Both spellings have the same length.
        plain = folded.translate(_GREEK_TONOS)
        return plain != folded and position in hyph.positions(plain)  # type: ignore[attr-defined]
