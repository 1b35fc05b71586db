"""Word and casing predicates that every structure rule shares: the lowest layer of stage 3.

Nothing here looks at more than one line: sentence ends, capitals, title case, function words
and the shape of a byline.  The rules (:mod:`reflow.structure.headings` and its neighbours)
and the document view (:mod:`reflow.structure.view`) build on these.
"""

from __future__ import annotations

# Closed-class words (articles, prepositions, conjunctions, auxiliaries) that a
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
LINE_ENDINGS_NOT_HEADING = ".!?…:;,\"'”’»)]-–—&/("
_SENTENCE_END = ".!?…"
CLOSING_MARKS = "\"'”’»)]"
OPENING_MARKS = "\"'“‘„«¿¡(["
BARE_TABLE = str.maketrans("", "", OPENING_MARKS + CLOSING_MARKS + ".,;:!?…")
DIALOGUE_OPENERS = "—–-\"'“‘„«‹"


def closed(text: str) -> bool:
    """Does the line end a sentence (closing quotes and brackets looked through)?

    >>> closed("in the garden.”"), closed("(cherry blossom)"), closed("Sus-")
    (True, False, False)
    """
    t = text.rstrip().rstrip(CLOSING_MARKS)
    return bool(t) and t[-1] in _SENTENCE_END


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
    content = [w for w in split_words(text) if w.lower().strip(",.:;'\"“”") not in stop]
    alpha = [w.lstrip(OPENING_MARKS) for w in content if any(c.isalpha() for c in w)]
    return bool(alpha) and all(w[:1].isupper() or w[:1].isdigit() for w in alpha)


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
    stop = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    return words[-1].lower() in stop


def bare(word: str) -> str:
    """The word in lower case without the quotes, brackets and punctuation around it.

    >>> bare("„Honig,“")
    'honig'
    """
    return word.strip(OPENING_MARKS + CLOSING_MARKS + ".,;:!?…").lower()


# ---------------------------------------------------------------------------------------------
# The shape of a byline (the rule that adds its context is reflow.structure.bylines).

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
    words = split_words(text)
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
