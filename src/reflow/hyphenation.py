"""Stage 4a: a hyphen at a line end: remove it (a line-break hyphen) or keep it (a real one)?

The evidence is tried strongest first, and the first rule that decides wins:

===========================  ==============================================  ==============
rule                         when                                            outcome
===========================  ==============================================  ==============
``soft-hyphen``              the hyphen is U+00AD (discretionary by          remove
                             definition)
``hyphen-nonbreaking``       U+2011 (cannot be a line-break hyphen)          keep
``suspended-hyphen``         next word is a conjunction: "pre- / and post"   keep, space
``hyphen-number``            a digit on either side: "2021- / 22"            keep
``hyphen-capital``           next part starts upper case (not all caps):     keep
                             "Kyrgyz- / Japan", "E- / Mail"
``document-joined``          the document spells the joined word elsewhere   remove
``document-hyphenated``      the document spells the hyphenated compound     keep
                             elsewhere
``lexicon-joined``           joined word is frequent, and not much rarer     remove
                             than both halves as separate words
``lexicon-compound``         both halves are words and the joined form is    keep
                             rare or much rarer than the halves
``pattern``                  joined word rare, one half a word (not both),   remove
                             the break is a hyphenation-pattern point
``hyphen-abstain``           nothing above decided                           keep, uncertain
===========================  ==============================================  ==============

Thresholds are Zipf frequencies (log10 per billion words, wordfreq's scale).
"""

from __future__ import annotations

from typing import NamedTuple

from reflow.data.languages import CONJUNCTIONS
from reflow.lexicon import DocumentVocabulary, Lexicon
from reflow.model import Action

#: Hyphen characters that may mark a line-break hyphen.  "¬" (U+00AC) and "⸗" (U+2E17) are what
#: OCR engines (ABBYY, Tesseract on Fraktur) print for a hyphen at a line end.
HYPHENS = "-\u2010\u00ad\u00ac\u2e17"
NONBREAKING_HYPHEN = "\u2011"
SOFT_HYPHEN = "\u00ad"

#: Zipf at or above which a joined word counts as an established word (1 occurrence per million
#: words).  "readers" 4.4, "contract" 4.9, "postwar" 3.4, "wellknown" 1.6 (wordfreq 3.1, en).
JOINED_COMMON = 3.0
#: Zipf below which a joined word counts as unseen in practice: typos and rare run-ons such as
#: "wellknown" (1.6) sit below it; real but rare words ("coauthor" 2.5) above.
JOINED_RARE = 2.0
#: Zipf at or above which a fragment is a word of its own ("con" 4.3, "eral" 1.6, "ers" 3.2).
FRAGMENT_WORD = 2.5
#: When both halves are words, the joined form must be at most this much rarer than the rarer
#: half to be preferred: "contract" 4.9 vs "tract" 3.7 (joined); "postwar" 3.4 vs "post"/"war"
#: ~5.2 (kept as "post-war"); "upto" 3.2 vs "up"/"to" > 6 (kept).
COMPOUND_MARGIN = 1.0


class HyphenDecision(NamedTuple):
    action: Action  # DEHYPHENATE, KEEP_HYPHEN, or JOIN (suspended hyphen: keep it, add a space)
    rule: str
    confidence: float
    evidence: str
    uncertain: bool = False


def left_fragment(line: str) -> str:
    """The letters (and digits) just before the final hyphen of ``line``.

    >>> left_fragment("to its read-")
    'read'
    >>> left_fragment("l'infor-")
    'infor'
    """
    end = len(line) - 1
    i = end
    while i > 0 and line[i - 1].isalnum():
        i -= 1
    return line[i:end]


def right_fragment(line: str) -> str:
    """The letters (and digits) that start ``line`` (after leading whitespace).

    >>> right_fragment("ers along with")
    'ers'
    >>> right_fragment("tion, and")
    'tion'
    """
    s = line.lstrip()
    i = 0
    while i < len(s) and s[i].isalnum():
        i += 1
    return s[:i]


def decide_hyphen(
    left_line: str,
    right_line: str,
    lexicon: Lexicon | None,
    vocabulary: DocumentVocabulary | None,
    dehyphenate: bool = True,
) -> HyphenDecision:
    """Decide the hyphen that ends ``left_line`` (already right-stripped) before ``right_line``.

    >>> en = Lexicon.get("en")
    >>> decide_hyphen("to its read-", "ers along", en, None).action
    <Action.DEHYPHENATE: 'dehyphenate'>
    >>> decide_hyphen("a well-", "known fact", en, None).rule
    'lexicon-compound'
    >>> decide_hyphen("the Kyrgyz-", "Japan talks", en, None).rule
    'hyphen-capital'
    >>> decide_hyphen("pre-", "and post-war", en, None).action
    <Action.JOIN: 'join'>
    >>> decide_hyphen("the zorb-", "quux", en, None).uncertain
    True
    """
    hyphen = left_line[-1]
    left = left_fragment(left_line)
    right = right_fragment(right_line)
    shown = f"{left}{hyphen} + {right}"
    if hyphen == SOFT_HYPHEN:
        return HyphenDecision(
            Action.DEHYPHENATE, "soft-hyphen", 1.0, f"{shown}: U+00AD soft hyphen"
        )
    if not dehyphenate:
        return HyphenDecision(Action.KEEP_HYPHEN, "dehyphenate-off", 1.0, f"{shown}: option off")
    if right.lower() in CONJUNCTIONS:
        return HyphenDecision(
            Action.JOIN, "suspended-hyphen", 0.9, f"{shown}: a conjunction follows the hyphen"
        )
    if not left or not right:
        return HyphenDecision(
            Action.KEEP_HYPHEN, "hyphen-abstain", 0.5, f"{shown}: no word on one side", True
        )
    if left[-1].isdigit() or right[0].isdigit():
        return HyphenDecision(Action.KEEP_HYPHEN, "hyphen-number", 0.95, f"{shown}: digits")
    if right[0].isupper() and not (right.isupper() and left.isupper()):
        return HyphenDecision(
            Action.KEEP_HYPHEN, "hyphen-capital", 0.9, f"{shown}: next part starts upper case"
        )
    joined = left + right
    compound = f"{left}-{right}"
    if vocabulary is not None:
        n_joined = vocabulary.count(joined)
        n_compound = vocabulary.count(compound)
        if n_joined > n_compound:
            return HyphenDecision(
                Action.DEHYPHENATE,
                "document-joined",
                0.95,
                f"{shown}: the document writes '{joined.lower()}' {n_joined}x, "
                f"'{compound.lower()}' {n_compound}x",
            )
        if n_compound > n_joined:
            return HyphenDecision(
                Action.KEEP_HYPHEN,
                "document-hyphenated",
                0.95,
                f"{shown}: the document writes '{compound.lower()}' {n_compound}x, "
                f"'{joined.lower()}' {n_joined}x",
            )
    if lexicon is None or not lexicon.has_frequencies:
        return HyphenDecision(
            Action.KEEP_HYPHEN,
            "hyphen-abstain",
            0.5,
            f"{shown}: no lexicon for this language",
            True,
        )
    zj, zl, zr = lexicon.zipf(joined), lexicon.zipf(left), lexicon.zipf(right)
    figures = f"zipf {joined.lower()}={zj:.1f}, {left.lower()}={zl:.1f}, {right.lower()}={zr:.1f}"
    both_words = zl >= FRAGMENT_WORD and zr >= FRAGMENT_WORD and len(left) > 1 and len(right) > 1
    if zj >= JOINED_COMMON and (not both_words or zj >= min(zl, zr) - COMPOUND_MARGIN):
        return HyphenDecision(Action.DEHYPHENATE, "lexicon-joined", 0.9, f"{shown}: {figures}")
    if both_words and (zj < JOINED_RARE or zj < min(zl, zr) - COMPOUND_MARGIN):
        return HyphenDecision(Action.KEEP_HYPHEN, "lexicon-compound", 0.8, f"{shown}: {figures}")
    point = lexicon.is_hyphenation_point(joined, len(left))
    # Patterns allow breaks in invented words too, so one half must be a word: the second part
    # of a compound ("Straßenbahn-/linie") or a syllable that is one ("Straßenbahnli-/nie").
    one_word = max(zl, zr) >= FRAGMENT_WORD
    if point and not both_words and (one_word or zj >= JOINED_RARE):
        confidence = 0.75 if zj >= JOINED_RARE else 0.65
        return HyphenDecision(
            Action.DEHYPHENATE,
            "pattern",
            confidence,
            f"{shown}: a hyphenation-pattern point; {figures}",
        )
    why = (
        "not a pattern point"
        if point is False
        else "no patterns"
        if point is None
        else "halves are words"
    )
    return HyphenDecision(
        Action.KEEP_HYPHEN, "hyphen-abstain", 0.5, f"{shown}: {figures}; {why}", True
    )
