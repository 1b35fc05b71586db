"""Stage 2: which language the document is in, offline and deterministic.

Each supported language has a table of its most frequent function words
(:data:`reflow.data.languages.FUNCTION_WORDS`); the language whose words cover most of the
document's word tokens wins.  No model is loaded: the tables are a few hundred words.
"""

from __future__ import annotations

import re
from collections import Counter

from reflow.data.languages import FUNCTION_WORDS

#: Characters of the document that are read for detection.  20,000 characters hold about 3,000
#: words; in the constructed cases, the share of function words is stable long before that.
SAMPLE_CHARS = 20_000

#: Fewer hits than this and the document is "und" (undetermined): a line of numbers does not say
#: its language.  Two hits let one English sentence through; the margin below keeps related
#: languages apart.
MIN_HITS = 2

#: The winner must beat the runner-up by this factor.  Related languages (es/pt, nl/de, sv/da)
#: share words; 1.25 kept the es and pt constructed cases apart.
MIN_MARGIN = 1.25

UNDETERMINED = "und"

#: A run of letters.  The first alternative is the same for the common case (a word of ASCII
#: and Latin-1 letters) and runs faster in the regex engine; possessive, so a word that goes on
#: in another script falls through to the second without backtracking (linear).
_WORD = re.compile(r"[a-zß-öø-ÿ]++(?![^\W\d_])|[^\W\d_]+")

# word -> the languages it is a function word of: one lookup per distinct word of the sample.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _table in FUNCTION_WORDS.items():
    for _w in _table:
        _LANGUAGES_OF[_w] = (*_LANGUAGES_OF.get(_w, ()), _lang)


def detect_language(text: str) -> tuple[str, str]:
    """Return ``(code, evidence)`` for ``text``; code is ``"und"`` when it cannot tell.

    >>> detect_language("The cat sat on the mat and it was happy with the view.")[0]
    'en'
    >>> detect_language("Der Hund ist nicht mit dem Auto in die Stadt gefahren.")[0]
    'de'
    >>> detect_language("12345")[0]
    'und'
    """
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return UNDETERMINED, "no words"
    scores = dict.fromkeys(FUNCTION_WORDS, 0)
    # Only function words are counted (a filter in C): the other words only add to the total.
    for word, n in Counter(filter(_LANGUAGES_OF.__contains__, words)).items():
        for lang in _LANGUAGES_OF[word]:
            scores[lang] += n
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, hits), (second, second_hits) = ranked[0], ranked[1]
    evidence = (
        f"{hits} of {len(words)} words are {best} function words (next: {second} {second_hits})"
    )
    if hits < MIN_HITS or hits < MIN_MARGIN * second_hits:
        return UNDETERMINED, evidence
    return best, evidence
