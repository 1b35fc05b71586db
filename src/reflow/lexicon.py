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
from collections import Counter
from functools import lru_cache

from reflow.data.languages import PYPHEN_DICTS

# A word, or a hyphenated compound of words ("well-known"); letters only, so digits and
# punctuation end a token.  Linear: the group must start with a hyphen, so there is one way to
# match any string.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


class DocumentVocabulary:
    """Lowercased word and compound counts of a text.

    >>> v = DocumentVocabulary("It was approved. A well-known well-known fact.")
    >>> v.count("approved"), v.count("well-known"), v.count("wellknown")
    (1, 2, 0)
    """

    __slots__ = ("_counts",)

    def __init__(self, text: str) -> None:
        self._counts = Counter(_TOKEN.findall(text.lower()))

    def count(self, word: str) -> int:
        return self._counts.get(word.lower().replace("\u2010", "-"), 0)


def zipf(freq: float) -> float:
    """wordfreq's Zipf scale: log10 of occurrences per billion words (0 when unseen)."""
    return math.log10(freq * 1e9) if freq > 0 else 0.0


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
        self._freq: dict[str, float] | None = None
        self._pyphen: object | None = None
        self._pyphen_loaded = False

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
        return zipf(self._frequencies().get(word.lower(), 0.0))

    def _hyphenator(self) -> object | None:
        if not self._pyphen_loaded:
            self._pyphen_loaded = True
            name = PYPHEN_DICTS.get(self.language)
            if name:
                try:
                    import pyphen

                    self._pyphen = pyphen.Pyphen(lang=name)
                except (ImportError, KeyError, OSError):
                    self._pyphen = None
        return self._pyphen

    @property
    def has_patterns(self) -> bool:
        return self._hyphenator() is not None

    def is_hyphenation_point(self, word: str, position: int) -> bool | None:
        """Do the language's patterns allow a break in ``word`` before ``position``?

        None when the language has no patterns.
        """
        hyph = self._hyphenator()
        if hyph is None:
            return None
        return position in hyph.positions(word.lower())  # type: ignore[attr-defined]
