"""Stage 2: which language the document (and each of its paragraphs) is in, offline and
deterministic.

A naive Bayes vote over words, with profiles derived from wordfreq's word lists
(``src/reflow/data/language_profiles.json``, written by ``eval/make_language_data.py``): per
language its 600 most frequent words with their Zipf frequency, and its alphabet.  A word scores
its Zipf frequency in every language whose profile holds it, and a floor (the frequency of a word
outside the profile) in every other; a letter outside a language's alphabet costs that language
:data:`FOREIGN_LETTER` (Cyrillic text is not Latin-script Polish, "ř" is not Slovak).  The best
language must lead the next by :data:`MIN_MARGIN`, else the answer is ``und`` (undetermined).

Measured on the UDHR set of the 25 languages (bench/bench_language.py; results in
bench/results/language-*.md): accuracy, speed and the alternatives tried (py3langid).
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import filterfalse, repeat
from operator import add, mul, sub
from typing import NamedTuple

from reflow.data.languages import LANGUAGES

#: Characters of the document that are read for detection.  20,000 characters hold about 3,000
#: words: far more than the ~40 words the UDHR pages need for a sure answer.
SAMPLE_CHARS = 20_000

#: Words of a profile that the sample must hold before any answer: one word ("de") says little.
MIN_HITS = 2

#: The winner's lead over the runner-up, in log10 units of likelihood (1.0: ten times
#: likelier).  On the UDHR pages (bench/results/language-2026-11-29-1347.md, sweep): 1.0 gets
#: 348 of 350 single-language pages right, 2.0 347, 3.0 344, none wrong at any of them; 2.0
#: also left "The parties are tak-/ing joint steps." (7 words, 2 in the profile) undetermined.
MIN_MARGIN = 1.0

#: Share of the words that the winner's profile must hold: text in a language reflow has no
#: profile for (Finnish, Turkish, Belarusian) still has a best fit, but few of its words are in
#: that profile.  UDHR sweep (same file, at a margin of 2.0): 0.2 makes 22 of 24 Finnish,
#: Turkish, Estonian and Basque pages "und" and costs no supported page; 0.25 makes all 24,
#: untested on real OCR pages.
MIN_COVERAGE = 0.2

#: Share of all the sample's words that the decided segments' profiles must hold for the document
#: to get a language.  Text in an unrelated language without a profile: 3 % or less (Finnish,
#: Estonian long UDHR pages), Belarusian 9 %; real OCR pages of 19th-century books full of Latin
#: species names and numbers: 14-20 % in English and German (eval/real).  0.1 keeps those.
MIN_EXPLAINED = 0.1

#: log10 cost of one letter outside a language's alphabet (a word rarer by that factor).
FOREIGN_LETTER = 3.0

#: Word types assumed outside a profile when pricing an unseen word: the floor is
#: log10(uncovered share / OTHER_TYPES) on the Zipf scale.
OTHER_TYPES = 100_000

#: A paragraph gets its own language when it has at least this many words and the detector is
#: sure of it (the same margin as a document).
MIN_BLOCK_WORDS = 8
#: Characters of a paragraph read for its language (about 60 words).
BLOCK_SAMPLE_CHARS = 400

UNDETERMINED = "und"

#: A run of letters.  The first alternative is the same for the common case (a word of ASCII
#: and Latin-1 letters) and runs faster in the regex engine; possessive, so a word that goes on
#: in another script falls through to the second without backtracking (linear).
_WORD = re.compile(r"[a-zß-öø-ÿ]++(?![^\W\d_])|[^\W\d_]+")


#: Gains are added as integers in units of 2**-GAIN_BITS (see _Profiles): integer sums are
#: exact in any order, so a segment's words are summed in one C-level ``sum`` instead of a
#: Python loop over (word, language) pairs.  The profiles' gains lie in [1.37, 4.33]: at 2**46
#: a gain is rounded by at most 2**-47 (7e-15, a few units in the last place of a double) and
#: TOKENS_PER_SUM of them fit a 64-bit field (see _Profiles.__init__).
GAIN_BITS = 46
#: Words summed in one packed integer; at most half the characters of a piece are words, so a
#: segment of the 20,000-character sample (60,000 after case folding) needs at most two sums.
TOKENS_PER_SUM = 1 << 14
#: Letters summed in one packed integer of 16-bit counts.
LETTERS_PER_SUM = (1 << 16) - 1
_SCALE = 2.0**-GAIN_BITS


class _Tally(NamedTuple):
    """What a text's words say, per language (profile order), in integers: sums of tallies are
    exact, so the whole sample's is the sum of its segments'."""

    #: Words read.
    words: int
    #: Sum of the words' gains over the floor, in units of 2**-GAIN_BITS.
    gains: list[int]
    #: Words found in the language's profile.
    hits: list[int]
    #: Letters the language's alphabet or script lacks (each costs FOREIGN_LETTER).
    foreign: list[int]


class _Layout:
    """How a packed integer holds its fields: runs of fields of one array type code (``"Q"``:
    64 bits, ``"H"``: 16 bits), from the lowest bits up."""

    def __init__(self, *runs: tuple[str, int]) -> None:
        self.parts = tuple((t, array(t).itemsize * k) for t, k in runs)
        self.size = sum(width for _, width in self.parts)
        self.fields = sum(k for _, k in runs)
        if [array(t).itemsize for t, _ in runs] != [{"Q": 8, "H": 2}[t] for t, _ in runs]:
            raise RuntimeError("unsigned 64-bit and 16-bit arrays are needed")


class _ForeignLetters(dict[str, int]):
    """character -> its packed letter counts (see _Profiles.letter_code), made on first sight."""

    def __init__(self, profiles: _Profiles) -> None:
        super().__init__()
        self.profiles = profiles

    def __missing__(self, ch: str) -> int:
        code = self[ch] = self.profiles.letter_code(ch)
        return code


class _Profiles:
    """The profiles, loaded once.

    ``packed`` maps a profile word to one integer holding, per language, its gain (score over
    the floor, in units of 2**-GAIN_BITS; 0 outside that language's profile) in a 64-bit field
    and a hit (1 or 0) in a 16-bit field: adding two packed integers adds every language's
    gain and hit count at once (no field overflows, see TOKENS_PER_SUM), and the sum of a
    text's words unpacks with one ``to_bytes`` into two arrays.
    """

    def __init__(self) -> None:
        raw = json.loads(
            resources.files("reflow.data").joinpath("language_profiles.json").read_text("utf-8")
        )["languages"]
        self.codes: tuple[str, ...] = tuple(sorted(raw))
        self.scripts = [LANGUAGES[c].script for c in self.codes]
        # Each alphabet within its own script (wordfreq's Russian list has English words, so
        # its letters include "e", "o", "t"): letters of other scripts are priced by script.
        self.alphabets = [
            frozenset(ch for ch in raw[c]["alphabet"] if _script_of(ch) == script)
            for c, script in zip(self.codes, self.scripts, strict=True)
        ]
        self.by_script = {
            script: tuple(i for i, s in enumerate(self.scripts) if s == script)
            for script in _SCRIPTS
        }
        self.floors: list[float] = []
        table: dict[str, list[tuple[int, float]]] = {}
        for i, code in enumerate(self.codes):
            words: dict[str, float] = raw[code]["words"]
            covered = sum(10 ** (z - 9) for z in words.values())
            floor = math.log10(max(1e-6, 1 - covered) / OTHER_TYPES) + 9
            self.floors.append(floor)
            for word, z in words.items():
                table.setdefault(word, []).append((i, z - floor))
        n = len(self.codes)
        #: The packing of ``packed``: a 64-bit gain per language, then a 16-bit hit count.
        self.word_fields = _Layout(("Q", n), ("H", n))
        hit_shift = 64 * n
        packed: dict[str, int] = {}
        top = 0
        for word, entries in table.items():
            code = 0
            for i, gain in entries:
                units = round(gain * 2**GAIN_BITS)
                top = max(top, units)
                code |= (units << (64 * i)) | (1 << (hit_shift + 16 * i))
            packed[word] = code
        # Every field of a sum of TOKENS_PER_SUM words stays below its width.
        if top * TOKENS_PER_SUM >= 1 << 64 or TOKENS_PER_SUM >= 1 << 16:
            raise ValueError("language profile gains too large for GAIN_BITS")
        self.packed = packed
        #: Non-ASCII character -> 16-bit counts, per language "lacks it" (its script's
        #: languages whose alphabet does not hold it), then one per script (the letter's).
        self.foreign = _ForeignLetters(self)
        self.letter_fields = _Layout(("H", n + len(_SCRIPTS)))

    def letter_code(self, ch: str) -> int:
        """The packed counts of one character: 0 for a non-letter and an ASCII letter."""
        if ch.isascii() or not ch.isalpha():
            return 0
        script = _script_of(ch)
        code = 1 << (16 * (len(self.codes) + _SCRIPTS.index(script)))
        for i in self.by_script[script]:
            if ch not in self.alphabets[i]:
                code |= 1 << (16 * i)
        return code


_SCRIPTS = ("Latin", "Cyrillic", "Greek")


_NON_ASCII = re.compile("[^\x00-\x7f]")


def _script_of(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "Cyrillic"
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return "Greek"
    return "Latin"


@lru_cache(maxsize=1)
def _profiles() -> _Profiles:
    return _Profiles()


def languages() -> tuple[str, ...]:
    """The codes detection chooses among.

    >>> len(languages()), languages()[:3]
    (25, ('bg', 'ca', 'cs'))
    """
    return _profiles().codes


def _tally(text: str) -> _Tally:
    """What the words of ``text`` (already case-folded) say per language (see _Tally)."""
    p = _profiles()
    n = len(p.codes)
    found = _WORD.findall(text)
    # One integer sum adds every word's gain and hit in every language (the words outside
    # every profile are left out by filter): no Python code runs per word.
    fields = _field_sums(found, p.packed.get, TOKENS_PER_SUM, p.word_fields)
    gains, hits = fields[:n], fields[n:]
    letters = sum(map(len, found))
    # Letters of another script cost every language of this one; letters that only some
    # languages of a script have cost the others.  Only non-ASCII letters are looked at (ASCII
    # letters belong to every Latin alphabet: loanwords bring "w" and "y" everywhere), and
    # every letter is in a word: the characters of the words that are not all ASCII.
    if text.isascii():
        foreign = [0] * n
        cyrillic = greek = 0
    else:
        chars = "".join(filterfalse(str.isascii, found))
        counts = _field_sums(chars, p.foreign.__getitem__, LETTERS_PER_SUM, p.letter_fields)
        foreign = counts[:n]
        cyrillic, greek = counts[n + 1 :]
    # Latin letters: every letter of the words that is not Cyrillic or Greek (ASCII ones too);
    # each language pays for the letters of the other scripts.
    latin = letters - cyrillic - greek
    for others, members in zip(
        (letters - latin, letters - cyrillic, letters - greek), p.by_script.values(), strict=True
    ):
        if others:
            for i in members:
                foreign[i] += others
    return _Tally(len(found), gains, hits, foreign)


def _field_sums(
    items: Sequence[str],
    code: Callable[[str], int | None],
    per_sum: int,
    layout: _Layout,
) -> list[int]:
    """Field by field, the sum of the packed codes of ``items`` (a missing or 0 code adds
    nothing); ``layout`` is the packing (see _Layout).  Summed ``per_sum`` items at a time,
    so that no field of a packed sum overflows."""
    out: list[int] | None = None
    for lo in range(0, len(items), per_sum):
        piece = items if len(items) <= per_sum else items[lo : lo + per_sum]
        total = sum(filter(None, map(code, piece)))
        if not total:
            continue
        raw = total.to_bytes(layout.size, sys.byteorder)
        fields: list[int] = []
        at = 0
        for typecode, width in layout.parts:
            fields += array(typecode, raw[at : at + width]).tolist()
            at += width
        out = fields if out is None else list(map(add, out, fields))
    return out if out is not None else [0] * layout.fields


def _sum_tallies(tallies: list[_Tally]) -> _Tally:
    """The tally of the texts of ``tallies`` together: their sums, field by field (C-level
    ``sum`` over the columns)."""
    return _Tally(
        sum(t.words for t in tallies),
        list(map(sum, zip(*(t.gains for t in tallies), strict=True))),
        list(map(sum, zip(*(t.hits for t in tallies), strict=True))),
        list(map(sum, zip(*(t.foreign for t in tallies), strict=True))),
    )


def _scores(tally: _Tally) -> tuple[list[float], int, list[int]]:
    """Log10 likelihood per language (profile order), words read, and per language the words
    found in its profile: every word scores the floor, plus its gain where the profile holds
    it, minus FOREIGN_LETTER per foreign letter (the integer gain sum scaled once: exact up to
    the last rounding)."""
    n = tally.words
    floors = _profiles().floors
    base = map(add, map(mul, repeat(n), floors), map(mul, tally.gains, repeat(_SCALE)))
    scores = list(map(sub, base, map(mul, repeat(FOREIGN_LETTER), tally.foreign)))
    return scores, n, tally.hits


def detect_language(text: str) -> tuple[str, str]:
    """Return ``(code, evidence)`` for ``text``; code is ``"und"`` when it cannot tell.

    See :func:`detect_languages`.

    >>> code, evidence = detect_language("The cat sat on the mat and it was happy.")
    >>> code, evidence.startswith("en leads")
    ('en', True)
    """
    code, evidence, _ = detect_languages(text)
    return code, evidence


def detect_languages(text: str) -> tuple[str, str, tuple[str, ...]]:
    """Return ``(code, evidence, languages seen)``: the document's language (``"und"`` when it
    cannot tell), why, and every language a segment of the sample was sure of.

    >>> detect_language("The cat sat on the mat and it was happy with the view.")[0]
    'en'
    >>> detect_language("Der Hund ist nicht mit dem Auto in die Stadt gefahren.")[0]
    'de'
    >>> detect_language("Собака не поехала с нами в город на машине.")[0]
    'ru'
    >>> detect_language("Собака не поїхала з нами до міста.")[0]
    'uk'
    >>> detect_language("12345")[0]
    'und'

    The sample is read in segments (paragraphs, long ones cut every
    :data:`SEGMENT_WORDS` words), each decided on its own; the document's language is the one
    of most characters in decided segments, so that a page with a neighbouring article or a long
    quotation in another language is not decided by the other language's letters.  The evidence
    names the other languages found.
    """
    sample = text[:SAMPLE_CHARS].casefold()
    votes: Counter[str] = Counter()
    segments = _segments(sample)
    if not segments:
        return UNDETERMINED, "no words", ()
    explained = 0  # words in the profile of their segment's language
    codes = _profiles().codes
    tallies = list(map(_tally, segments))
    for segment, tally in zip(segments, tallies, strict=True):
        best = _winner(*_scores(tally))
        if best is not None:
            votes[codes[best]] += len(segment)
            explained += tally.hits[best]
    # Tallies add up over segments (integers: exactly): the whole sample's come for free.
    whole = _sum_tallies(tallies)
    overall = _verdict(*_scores(whole))
    seen = tuple(sorted(votes))
    if not votes or len(segments) == 1:
        return (*overall, seen)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(votes.values())
    if len(ranked) == 1:
        evidence = (
            f"{overall[1]}; every decided segment ({len(segments)} in all) says {ranked[0][0]}"
        )
    else:
        shares = ", ".join(f"{c} {100 * n / total:.0f} %" for c, n in ranked)
        evidence = f"{shares} of the text in {len(segments)} segments; {overall[1]}"
    if explained < MIN_EXPLAINED * whole.words:
        # A few segments fit a profile, most do not (Finnish text has Slovak-looking pieces).
        return UNDETERMINED, f"{evidence}; only {explained} of {whole.words} words explained", seen
    return ranked[0][0], evidence, seen


#: Words per segment of a long paragraph (see detect_language): enough for a sure answer in
#: every language on the UDHR set (the short pages, 10-40 words, are 99 % right).
SEGMENT_WORDS = 80
#: Paragraphs shorter than this join the next one (headings, furniture, short lines between
#: blank lines in pdfminer output): fewer segments to score, and a few words decide nothing.
MIN_SEGMENT_WORDS = 8

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _segments(sample: str) -> list[str]:
    """Paragraphs of the sample, short ones joined and long ones cut so that each segment has
    about :data:`SEGMENT_WORDS` words (fewer segments, less overhead; a segment that holds the
    end of one article and the start of the next is decided by its larger part)."""
    out: list[str] = []
    words: list[str] = []
    for para in _BLANK_LINE.split(sample):
        words += para.split()
        while len(words) >= SEGMENT_WORDS:
            out.append(" ".join(words[:SEGMENT_WORDS]))
            words = words[SEGMENT_WORDS:]
        if len(words) >= MIN_SEGMENT_WORDS:
            out.append(" ".join(words))
            words = []
    if words:
        out.append(" ".join(words))
    return out


def _decide(sample: str) -> tuple[str, str]:
    return _verdict(*_scores(_tally(sample.casefold())))


def _winner(scores: list[float], n: int, hits: list[int]) -> int | None:
    """The index of the language :func:`_verdict` names, or None for ``und``, without its
    evidence (a segment's verdict needs no sentence)."""
    if n == 0:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    # The runner-up's score is the second largest value (the best's own when two tie).
    if hits[best] < MIN_HITS or scores[best] - sorted(scores)[-2] < MIN_MARGIN:
        return None
    if hits[best] / n < MIN_COVERAGE:
        return None
    return best


def _verdict(scores: list[float], n: int, hits: list[int]) -> tuple[str, str]:
    if n == 0:
        return UNDETERMINED, "no words"
    codes = _profiles().codes
    # The two best (ties to the first code in order): two C-level max() calls, no sort.
    best = max(range(len(codes)), key=scores.__getitem__)
    second = max((i for i in range(len(codes)) if i != best), key=scores.__getitem__)
    margin = scores[best] - scores[second]
    coverage = hits[best] / n
    evidence = (
        f"{codes[best]} leads {codes[second]} by {margin:.1f} (log10 likelihood) over {n} words,"
        f" {hits[best]} of them in its profile"
    )
    if hits[best] < MIN_HITS or margin < MIN_MARGIN:
        return UNDETERMINED, evidence
    if coverage < MIN_COVERAGE:
        return UNDETERMINED, evidence + f": too few for {codes[best]} (another language?)"
    return codes[best], evidence


def block_language(text: str, document_language: str) -> str:
    """The language of one paragraph when it is sure and differs from the document's, else "".

    >>> block_language("Der Hund ist nicht mit dem Auto in die Stadt gefahren, sagte er.", "en")
    'de'
    >>> block_language("The dog did not go to town by car with us today, he said.", "en")
    ''
    >>> block_language("Ja, danke.", "en")  # too short to tell
    ''
    """
    sample = text[:BLOCK_SAMPLE_CHARS]
    if sample.count(" ") + 1 < MIN_BLOCK_WORDS:
        return ""
    code, _ = _decide(sample)
    return "" if code in (UNDETERMINED, document_language) else code
