"""Word and casing predicates that every structure rule shares: the lowest layer of stage 3.

Nothing here looks at more than one line: sentence ends, capitals, title case, function words
and the shape of a byline.  The rules (:mod:`reflow.structure.headings` and its neighbours)
and the document view (:mod:`reflow.structure.view`) build on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reflow.data import languages as _data

# Closed-class words (articles, prepositions, conjunctions, auxiliaries) that a headline does
# not end with, but a wrapped line often does: per language in reflow.data.languages (English for
# a language without a list: harmless, it only abstains).
FUNCTION_WORDS = _data.FUNCTION_WORDS

# A line ending in one of these is not a heading: it closes a sentence, or goes on.
LINE_ENDINGS_NOT_HEADING = ".!?…:;,\"'”’»)]-–—&/("
SENTENCE_END = ".!?…"
# Quotation marks of every supported language (reflow.data.languages: "»...«" in Danish,
# "„...“" in German and Czech, "«...»" in French and Russian) and brackets.
CLOSING_MARKS = "".join(dict.fromkeys("\"'”’»)]" + _data.CLOSING_QUOTES))
OPENING_MARKS = "".join(dict.fromkeys("\"'“‘„«¿¡([" + _data.OPENING_QUOTES))
BARE_TABLE = str.maketrans("", "", OPENING_MARKS + CLOSING_MARKS + ".,;:!?…")
DIALOGUE_OPENERS = "".join(dict.fromkeys("—–-\"'“‘„«‹" + _data.OPENING_QUOTES))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` taken literally, longest first, so that a word that
    begins another ("Nr" / "Nr.") never wins over it.  A plain list of literals: linear.

    >>> print(alternation(["Nr", "Nr."]))
    Nr\\.|Nr
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def closed(text: str) -> bool:
    """Does the line end a sentence (closing quotes and brackets looked through)?

    >>> closed("in the garden.”"), closed("(cherry blossom)"), closed("Sus-")
    (True, False, False)
    """
    t = text.rstrip().rstrip(CLOSING_MARKS)
    return bool(t) and t[-1] in SENTENCE_END


def ordinal_goes_on(text: str, next_text: str, language: str) -> bool:
    """A line ending in a number and a period, in a language that writes ordinals so, before a
    line that goes on in lower case: the period is the ordinal's ("Egyetemes Nyilatkozat, 14."
    / "cikk"), not a sentence end (see ``ordinal_period`` in reflow.data.languages).

    >>> ordinal_goes_on("Splošna deklaracija, 14.", "člen", "sl")
    True
    >>> ordinal_goes_on("It was 1948.", "and then", "en"), ordinal_goes_on("Az 1948.", "Ez", "hu")
    (False, False)
    """
    if language not in _data.ORDINAL_PERIOD_LANGUAGES:
        return False
    t = text.rstrip()
    if len(t) < 2 or t[-1] != "." or not t[-2].isdigit():
        return False
    nxt = next_text.lstrip()
    return bool(nxt) and nxt[0].islower()


def numbered_division(text: str, language: str) -> bool:
    """Does the line end with a division of a text and its number: "14. člen", "Стаття 14",
    "Article 14", "Egyetemes Nyilatkozat, 14. cikk" (``section_words`` of ``language``)?

    >>> numbered_division("Splošna deklaracija, 14. člen", "sl")
    True
    >>> numbered_division("Visuotinė deklaracija, 14 straipsnis", "lt")
    True
    >>> numbered_division("Стаття 14 Загальної декларації", "uk")
    False
    >>> numbered_division("as set out in the article", "en")
    False
    """
    known = _data.LANGUAGES.get(language)
    if known is None or not known.section_words:
        return False
    words = text.split()
    if len(words) < 2:
        return False
    a, b = words[-2], words[-1]
    if known.ordinal_period and a[:-1].isdigit() and a[-1:] == ".":
        return b.lower() in known.section_words  # "14. člen"
    if a.isdigit():
        return b.lower() in known.section_words  # "14 straipsnis"
    return b.rstrip(".").isdigit() and a.lower() in known.section_words  # "Article 14"


def starts_sentence(text: str) -> bool:
    """Does the line begin like a sentence: an upper-case letter or digit, maybe after a quote?

    >>> starts_sentence("„Wir sind"), starts_sentence("2022 was"), starts_sentence("and so")
    (True, True, False)
    """
    t = text.lstrip().lstrip(OPENING_MARKS + "—–- ")
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def split_words(text: str) -> list[str]:
    return text.split()


def is_caps(text: str) -> bool:
    """Set in capitals: at least 3 letters, 90% or more upper case.

    >>> is_caps("EXPORTS BOOM IN 2022"), is_caps("Exports boom")
    (True, False)
    """
    n = len(text)
    if n > CAPS_HEAD and 10 * sum(map(str.islower, text[:CAPS_HEAD])) > n:
        # More lower-case letters among the first characters than a tenth of the line: the
        # capitals cannot reach 90 % (upper <= n - lower < 9 * lower), so the rest of the line
        # need not be counted.  Most body lines end here (half the time of this test).
        return False
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower >= 3 and upper >= 0.9 * (upper + lower)


#: Characters of a line that :func:`is_caps` counts first (its answer does not depend on it).
CAPS_HEAD = 20


def is_title_case(text: str, language: str) -> bool:
    """Every word that is not a function word starts upper case (not for German, whose nouns
    are always capitalised, so its body lines pass this test).

    >>> is_title_case("The State of the Union", "en"), is_title_case("The state of it", "en")
    (True, False)
    >>> is_title_case("Новости и События", "ru"), is_title_case("Der Hund und Die Katze", "de")
    (True, False)
    """
    known = _data.LANGUAGES.get(language)
    if known is not None and known.nouns_capitalised:
        return False
    stop = _data.function_words(language)
    # One pass that stops at the first content word with a letter and a lower-case start
    # (most lines that reach this test have one among their first words).
    seen = False  # a content word with a letter
    for w in split_words(text):
        if w.lower().strip(",.:;'\"“”") in stop:
            continue
        lead = w.lstrip(OPENING_MARKS)[:1]
        if lead.isupper() or lead.isdigit():
            seen = seen or any(map(str.isalpha, w))
        elif any(map(str.isalpha, w)):
            return False
    return seen


def ends_with_function_word(text: str, language: str) -> bool:
    """Does the line end with a closed-class word of ``language`` (English when unknown)?

    >>> ends_with_function_word("The Japan International Cooperation of", "en")
    True
    >>> ends_with_function_word("Honig aus dem", "de"), ends_with_function_word("Honey", "en")
    (True, False)
    """
    words = split_words(text)
    if not words:
        return False
    return words[-1].lower() in _data.function_words(language)


def bare(word: str) -> str:
    """The word in lower case without the quotes, brackets and punctuation around it.

    >>> bare("„Honig,“")
    'honig'
    """
    return word.strip(OPENING_MARKS + CLOSING_MARKS + ".,;:!?…").lower()


# ---------------------------------------------------------------------------------------------
# The shape of a byline (the rule that adds its context is reflow.structure.bylines).


class _Bylines:
    """The byline words of one language (see :func:`reflow.data.languages.by_words`)."""

    def __init__(self, language: str) -> None:
        self.words = _data.by_words(language)
        self.prefixes = tuple(sorted(w + " " for w in self.words))
        self.prefix_chars = max(map(len, self.prefixes))
        #: A byline's first character: its first word capitalised, or whitespace before it (a
        #: form feed, an indent).  One set lookup settles almost every line.
        self.initials = frozenset({w[0].upper() for w in self.words} | set(" \t\f\v\x0c"))


@lru_cache(maxsize=64)
def _bylines(language: str) -> _Bylines:
    return _Bylines(language)


def byline_initials(language: str = "") -> frozenset[str]:
    """The characters a byline of ``language`` can start with (:func:`is_byline` is False for
    a line whose first character, or "", is not among them)."""
    return _bylines(language).initials


def is_byline(text: str, language: str = "") -> bool:
    """ "By Jane Doe", "Von Anna Müller und Max Weber", "Par Jean Dupont", "Por Ana García",
    "Di Marco Rossi", "Door Jan de Vries", "Автор: Иван Петров" (the byline words of
    ``language``, every language's when it is not given).

    >>> is_byline("By Jane Doe"), is_byline("By the way"), is_byline("BY JANE DOE, STAFF")
    (True, False, True)
    >>> is_byline("Του Γιάννη Παπαδόπουλου", "el"), is_byline("Του Γιάννη Παπαδόπουλου", "en")
    (True, False)
    """
    by = _bylines(language)
    if text[:1] not in by.initials:
        return False  # the common case, decided on one character
    if not text.lstrip()[: by.prefix_chars].lower().startswith(by.prefixes):
        return False  # decided without splitting the line
    words = split_words(text)
    if not 2 <= len(words) <= 8 or words[0].lower() not in by.words:
        return False
    if not words[0][0].isupper() or text.rstrip()[-1] in ",;:":
        return False
    names = 0
    for w in words[1:]:
        core = w.rstrip(",")
        if core.lower() in _data.NAME_JOINERS:
            continue
        if not core[:1].isupper():
            return False
        names += 1
    return 1 <= names <= 5
