"""Stage 4a: a hyphen at a line end: remove it (a line-break hyphen) or keep it (a real one)?

The evidence is tried strongest first, and the first rule that decides wins:

===========================  ==============================================  ==============
rule                         when                                            outcome
===========================  ==============================================  ==============
``soft-hyphen``              the hyphen is U+00AD (discretionary by          remove
                             definition)
``engine-mark``              ``=`` or ``—`` (an OCR engine's hyphen, or a     remove; else
                             dash) before a common or document word          keep, space
``engine-mark-document``     such a mark in a document that prints it for    remove
                             its hyphens (2+ cut words known), where the
                             lexicon would remove a hyphen
``suspended-hyphen``         next word is a conjunction: "pre- / and post"   keep, space
``closed-que``               (against a keep by the lexicon) next part is    remove
                             "que" or "qu" (Latin enclitic, Romance
                             conjunction): "quin- / que"
``hyphen-number``            a digit on either side: "2021- / 22"            keep
``hyphen-script``            one half in Latin letters, the other Cyrillic   keep
                             or Greek: "PXE- / загрузка" (not look-alike
                             letters read by OCR)
``document-joined``          (upper case next part) the document writes the  remove
                             name joined: "Network- / Manager"
``camel-case``               (upper case next part) the first part is        remove
                             CamelCase: "AllowAccessFromWebTo- / Following"
``hyphen-capital``           next part starts upper case (not all caps):     keep
                             "Kyrgyz- / Japan", "E- / Mail"
``document-joined``          the document spells the joined word elsewhere   remove
                             more often than the compound
``document-hyphenated``      the document spells the hyphenated compound     keep
                             elsewhere more often than the joined word
``hyphenated-token``         the word has another hyphen ("apt-show-" /      keep
                             "versions") and both halves are words, unless
                             the lexicon is sure
``hyphen-particle``          a particle the language joins with a hyphen     keep
                             ("кто-/то", "будь-/який"), a prefix it always
                             hyphenates ("recém-/criado"), an enclitic
                             pronoun after its verb ("reinstalá-/lo")
``acronym-compound``         (languages with closed and long compounds,      keep
                             when the lexicon would remove with less than
                             0.9) an acronym before a word: "EFI-/
                             partisjonen", "IP-/adres"
``loan-compound``            (languages that hyphenate loans: nb, sv, when   keep
                             the lexicon would remove with less than 0.9) a
                             name or foreign word first: "Debian- /
                             prosjektet", "route- / kommandoen"
``lexicon-joined``           the joined word is frequent (Zipf >= 3)         remove
``off-pattern-word``         the patterns do not break the joined word       remove
                             there, but it is a word (Zipf >= 1) and a half
                             is none: old print ("Coleop- / teren")
``not-a-pattern-point``      the hyphenation patterns do not break the        keep
                             joined word there
``closed-ending``            both halves are words, the second an ending     remove
                             the language never puts after a hyphen
                             (Romanian "rituri- / lor")
``closed-prefix``            both halves are words, the first a prefix the   remove
                             language writes closed: "ne- / přejdou",
                             "απο- / βλέπουν" (Slavic, Greek, Baltic)
``closed-short-part``        both halves are words, one of three letters or  remove
                             fewer (lower case), in those languages:
                             "упражняване- / то", "zlo- / činmi"
``closed-compound``          both halves are words, the language writes      remove
                             compounds closed (de, nl, sv...)
``lexicon-joined-rare``      both halves are words, joined word seen          remove
                             (Zipf >= 2)
``lexicon-compound``         both halves are words, joined form rare         keep
``pattern``                  a pattern point, and one half is a word or the  remove
                             joined word was seen (Zipf >= 1)
``pattern-unknown-word``     a pattern point in a word no lexicon knows      remove (0.62)
``foreign-word``             the patterns do not break it there, but neither remove (0.62)
                             the word nor a half is known: the patterns of
                             the document's language cannot judge it
``document-prefix``          (after the two above, or without a lexicon) the keep
                             document writes compounds with this first part
                             inside lines ("opaco-albâ" for "opaco-/fuscâ"),
                             not far fewer than closed words with it
``document-suffix``          (after the two above) the document writes       keep
                             compounds with this second part ("corneo-fuscâ"
                             for "castaneo-/fuscâ"), more than closed words
                             ending in it, never the joined word
``noun-compound``            (de: nouns capitalised, compounds closed) not   remove
                             a pattern point, lower-case second part after a
                             capitalised first part, or in old print
``combining-form``           (instead of ``foreign-word``) the first part    keep, uncertain
                             ends in the combining vowel "-o" of a compound
                             adjective: "castaneo-/fusco"
``document-closed-prefix``   (a keep by lexicon or patterns alone, in a      remove
                             document the lexicon knows badly, or a known
                             word off the patterns) the document writes
                             closed words with this first part ("subovatâ"
                             for "sub-/incrassato", "con-/cave")
``unknown-language``         no lexicon for the language, lower-case next    remove (0.62)
                             part, both parts two letters or more
``hyphen-abstain``           nothing above decided                           keep, uncertain
===========================  ==============================================  ==============

The mark may be any of :data:`HYPHENS`, the non-breaking hyphen U+2011 included: a real U+2011
cannot end a line, so one that does was printed by a tool that does not honour it (OCR ground
truth and exports; in the IMPACT BHL pages 210 of 212 line-end U+2011 were line breaks).

When the lexicon says "remove" and the document never writes the compound, the document's own
count can only agree, so the rule reported is ``lexicon-joined`` and the document's words are not
counted (counting them is the costliest step on a large input).

Thresholds are Zipf frequencies (log10 per billion words, wordfreq's scale).  They and the
order of the rules come from the 30,000 line-end hyphens of the evaluation corpus
(docs/evaluation.md), counted by bucket: joined Zipf >= 3 is a line break in 16,500 of 16,520
cases; a break where Pyphen's patterns allow none is a real hyphen in 144 of 144; both halves
words with a joined Zipf in [2, 3) is a line break in 319 of 327 (outside de/nl).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from reflow.data.languages import (
    CLOSED_LANGUAGES,
    COMPOUNDING_LANGUAGES,
    CONJUNCTIONS,
    LANGUAGES,
)
from reflow.lexicon import DocumentVocabulary, Lexicon
from reflow.model import Action

#: Hyphen characters that may mark a line-break hyphen.  "¬" (U+00AC) and "⸗" (U+2E17) are what
#: OCR engines (ABBYY, Tesseract on Fraktur) print for a hyphen at a line end.
_ALL_CONJUNCTIONS = frozenset().union(*CONJUNCTIONS.values())

HYPHENS = "-\u2010\u2011\u00ad\u00ac\u2e17"
#: Marks that OCR engines print for a line-end hyphen but that are also real marks: ``=`` (a
#: Fraktur double hyphen, or a formula) and ``—`` (a typewriter hyphen, or an em dash).
#: Only :func:`decide_hyphen` reads them as hyphens, on strong evidence (``engine-mark``).
ENGINE_MARKS = "=\u2014"
#: Every mark after a letter at a line end that asks for a hyphen decision.
LINE_END_MARKS = HYPHENS + ENGINE_MARKS
NONBREAKING_HYPHEN = "\u2011"
SOFT_HYPHEN = "\u00ad"

#: Second parts that no hyphen ever joins to a word: Latin's enclitic "-que" ("quinque",
#: "labroque") and the Romance conjunction "que" / "qu'", always written closed ("lorsque",
#: "quoiqu'il", "porque").  Measured over the real and generated corpora: all 93 line-end
#: hyphens before them were line breaks; 14 were kept before (``closed-que``, tuned on
#: impact-bhl and tapuscorpus-tesseract: "quin-" / "que", "quoi-" / "qu'il", "bas-" /
#: "qu&ise").
CLOSED_SECOND_PARTS = frozenset({"que", "qu"})
#: Zipf at or above which a joined word counts as an established word (1 occurrence per million
#: words).  "readers" 4.4, "contract" 4.9, "postwar" 3.4, "wellknown" 1.6 (wordfreq 3.1, en).
JOINED_COMMON = 3.0
#: Zipf below which a joined word counts as unseen in practice: typos and rare run-ons such as
#: "wellknown" (1.6) sit below it; real but rare words ("coauthor" 2.5) above.
JOINED_RARE = 2.0
#: Zipf at or above which a joined word has been seen at all in wordfreq's sources.
JOINED_SEEN = 1.0
#: Zipf at or above which a fragment is a word of its own ("con" 4.3, "eral" 1.6, "ers" 3.2).
FRAGMENT_WORD = 2.5
#: Internal capitals that make the first part a CamelCase identifier; two, so that names such
#: as "McDonald-" (one) keep their hyphen before an upper-case second part.  The second part must
#: have an inner capital too: "OpenSSL-/Projekts" is a German compound of a name and a noun.
CAMEL_CAPITALS = 2
#: Zipf a word needs before a suffix particle ("кто" 6.2 before "-то") for the hyphen between
#: them to count as real: the particle "то" also ends words broken by syllables ("ле-/то", whose
#: first half is no common word).
PARTICLE_HOST = 4.0
#: ... and the joined word must be rarer than this: "час-/то" is "часто" (5.3), "ле-/то" is "лето"
#: (4.5), while the misspelt joined particles are rare ("ктото" 3.0, "чтото" 3.3, "както" 2.9).
#: Measured on the 50,000 most frequent Russian words: of the 9 that split before a particle
#: after a word of Zipf >= 4, the 5 real words have Zipf >= 3.8; "тито" and "кото" (3.4) are
#: the rare words this keeps wrongly.
PARTICLE_JOINED = 3.5
#: Letters of a half that, in the languages with ``closed_prefixes``, is part of a word even
#: when it is also a word: an ending ("ние", "то", "но") or a first syllable ("zlo-/činmi",
#: "ин-/валидност"); see reflow.data.languages.
SHORT_PART = 3
#: Confidence of ``pattern-unknown-word``, just above the default Config.min_hyphen_confidence
#: (0.6): raise that to 0.65 and these become abstentions.
PATTERN_UNKNOWN_CONFIDENCE = 0.62
#: Confidence at and above which a "remove" is sure enough to show that a lone line was wrapped
#: (``word_goes_on``): the rules that read the word in the lexicon or the document.
SURE = 0.9
#: Below this confidence a "remove" is weak enough for the document's own compounds to overrule.
WEAK = 0.7
#: Letters the second part needs before ``document-suffix`` looks for it in the document's
#: compounds: an ending of two letters ("-in" of "built-in") says nothing.
SUFFIX_MIN = 3
#: Keeps that the document's closed words overrule in a document the lexicon knows badly
#: (``document-closed-prefix``): the ones decided by the lexicon or the patterns alone.
_WEAK_KEEPS = frozenset(
    {
        "not-a-pattern-point",
        "lexicon-compound",
        "hyphenated-token",
        "hyphen-abstain",
        "combining-form",
    }
)
#: Letters the first and second part need before a first part in "-o" counts as the combining
#: form of a compound (``combining-form``): "rufo-/fusco", "opaco-/albo"; shorter halves are
#: syllables as often ("pro-", "-ter").
COMBINING_FORM = (4, 4)
#: Distinct closed words that begin with a first part before they overrule a keep: two.
#: Tuned on impact-bhl and ocrd-structure (counted over both exports, before the rule): with
#: one, 40 wrong keeps would be removed and 4 right ones lost ("six-" / "ridged" where the
#: book writes "sixth"); with two, 28 and none.  The generated corpus has no document below
#: FOREIGN coverage, so it is untouched.
CLOSED_PREFIX_WORDS = 2
#: Letters a first part needs before, in a document the lexicon knows well, its closed words
#: overrule a ``not-a-pattern-point`` keep of a known word (old print breaks "con-/cave" off
#: the patterns; ``document-closed-prefix``).  Three: the two-letter first parts begin
#: thousands of words ("ge-/upgrade" beside Dutch "ge..." words, generated corpus).
OLD_PRINT_PREFIX = 3
#: How many times more closed words than compounds with a first part it takes before the
#: document's compounds with it stop counting (``document-prefix``): see _writes_prefix.
CLOSED_PREFIX_LEAD = 2
#: Lexicon coverage (DocumentVocabulary.coverage) below which a document counts as one with much
#: text the lexicon does not know.  Every generated document is at 0.88 or above; half of the
#: IMPACT BHL documents (Latin descriptions in English books) and of the OCR-D pages are below.
FOREIGN = 0.85
# Which languages write compounds closed, and which have long words that no list holds, is
# language data: reflow.data.languages (fields ``closed_compounds`` and ``long_compounds``).  The
# closed-compound rule for two word-like halves was measured on the evaluation corpus: right
# 3 times in 18 in Spanish and 15 in 39 in Italian when the hyphen was kept, against 40 in 63 in
# English and 33 in 41 in French.


class HyphenDecision(NamedTuple):
    action: Action  # DEHYPHENATE, KEEP_HYPHEN, or JOIN (suspended hyphen: keep it, add a space)
    rule: str
    confidence: float
    evidence: str
    uncertain: bool = False


def _in_word(ch: str) -> bool:
    """A letter, a digit, or a combining mark on one: early modern print writes the umlaut as
    an e above the vowel ("haͤt-" / "te" is "hätte", U+0364), and a fragment cut at such a mark
    ("t" + "te") is no word at all.  On the OCR-D pages 40 of the 52 line-end hyphens kept by
    ``not-a-pattern-point`` were such cut fragments."""
    return ch.isalnum() or unicodedata.category(ch) in _COMBINING


_COMBINING = frozenset({"Mn", "Mc"})


def left_fragment(line: str) -> str:
    """The letters (and digits) just before the final hyphen of ``line``.

    >>> left_fragment("to its read-")
    'read'
    >>> left_fragment("l'infor-")
    'infor'
    >>> left_fragment("ohnmaͤch-")  # an e above the a (an old umlaut) is part of the word
    'ohnmaͤch'
    """
    end = len(line) - 1
    word = line[line.rfind(" ") + 1 : end]
    if word.isalnum():
        # The common case, "read-": the last token is the fragment, without a loop per letter.
        return word
    i = end
    while i > 0 and _in_word(line[i - 1]):
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
    word = s.split(None, 1)[0] if s else s
    if word.isalnum():
        # The common case, "ers along": the first token is the fragment.
        return word
    i = 0
    while i < len(s) and _in_word(s[i]):
        i += 1
    # A combining mark belongs to the letter before it: none can start a word.
    return s[:i] if not s[:1] or s[0].isalnum() else ""


def _joined_word(language: str, conjunction: str) -> float:
    """The Zipf at which the two halves around a conjunction make a word, not a suspension:
    lower for a conjunction that is also a frequent word ending (Ukrainian "розгляну-/та", 2.6)."""
    known = LANGUAGES.get(language)
    if known is not None and conjunction.lower() in known.ending_conjunctions:
        return JOINED_RARE
    return JOINED_COMMON


def _weak_join(lexical: HyphenDecision | None) -> bool:
    """The lexicon would join, but not surely (below 0.9): the language's own compound habits
    (acronym compounds, hyphenated loans) may still keep the hyphen."""
    return lexical is not None and lexical.action is Action.DEHYPHENATE and lexical.confidence < 0.9


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
    >>> decide_hyphen("the blor-", "vatine", en, None).rule
    'pattern-unknown-word'
    >>> decide_hyphen("the frob-", "nitz", None, None).uncertain  # no lexicon: abstain
    True
    >>> decide_hyphen("the frob-", "Nitz", None, None).rule
    'hyphen-capital'
    >>> decide_hyphen("ſei-", "nen", Lexicon.get("de"), None).rule  # long s read as s
    'lexicon-joined'
    >>> decide_hyphen("quin-", "que digitis", en, None).rule  # Latin's enclitic "-que"
    'closed-que'
    >>> decide_hyphen("con‑", "tracted", en, None).action  # U+2011 at a line end
    <Action.DEHYPHENATE: 'dehyphenate'>
    >>> decide_hyphen("die Style-", "sheet ist", Lexicon.get("de"), None).rule
    'noun-compound'

    The document's own compounds and closed words (Latin descriptions in an English book):

    >>> latin = DocumentVocabulary("corneo-fuscâ, rufo-fuscâ; testâ subovatâ")
    >>> decide_hyphen("testâ castaneo-", "fuscâ, ovatâ", en, latin).rule
    'document-suffix'
    >>> latin = DocumentVocabulary("testâ interstitiis lutescente interioribus nigra. " * 12)
    >>> decide_hyphen("testâ inter-", "dum albâ", en, None).rule
    'lexicon-compound'
    >>> decide_hyphen("testâ inter-", "dum albâ", en, latin).rule
    'document-closed-prefix'
    >>> decide_hyphen("testâ castaneo-", "nigris, ovatâ", en, latin).rule  # a compound's "-o"
    'combining-form'

    Old print broke known words off the patterns; the page's closed words say so:

    >>> fr, old = Lexicon.get("fr"), DocumentVocabulary("le contour et la convexité, considérable.")
    >>> decide_hyphen("une face con-", "cave en dessous", fr, None).rule
    'not-a-pattern-point'
    >>> decide_hyphen("une face con-", "cave en dessous", fr, old).rule
    'document-closed-prefix'
    """
    hyphen = left_line[-1]
    left = left_fragment(left_line)
    right = right_fragment(right_line)
    shown = f"{left}{hyphen} + {right}"
    if hyphen == SOFT_HYPHEN:
        return HyphenDecision(
            Action.DEHYPHENATE, "soft-hyphen", 1.0, f"{shown}: U+00AD soft hyphen"
        )
    if hyphen in ENGINE_MARKS:
        return _engine_mark(left, right, shown, lexicon, vocabulary, dehyphenate, hyphen)
    if not dehyphenate:
        return HyphenDecision(Action.KEEP_HYPHEN, "dehyphenate-off", 1.0, f"{shown}: option off")
    conjunctions = CONJUNCTIONS.get(lexicon.language if lexicon else "", _ALL_CONJUNCTIONS)
    if (
        right.lower() in conjunctions
        and len(right_line.split(None, 2)) > 1
        # A conjunction in a suspension is followed by the word it completes, never by
        # punctuation: "ζω-/ή," is "ζωή" (life), "Python-/а." a Russian case ending.
        and right_line.lstrip()[len(right) : len(right) + 1].isspace()
        # ... unless the two halves make a common word and the conjunction has two letters or
        # more: English "vend-/or" is "vendor".  A one-letter conjunction stays a suspended
        # hyphen even then (Bulgarian "пред- и следвоенния" although "преди" is a word).
        and not (
            len(right) > 1
            and lexicon is not None
            and lexicon.zipf(left + right) >= _joined_word(lexicon.language, right)
        )
    ):
        return HyphenDecision(
            Action.JOIN, "suspended-hyphen", 0.9, f"{shown}: a conjunction follows the hyphen"
        )
    if not left or not right:
        return HyphenDecision(
            Action.KEEP_HYPHEN, "hyphen-abstain", 0.5, f"{shown}: no word on one side", True
        )
    if left[-1].isdigit() or right[0].isdigit():
        return HyphenDecision(Action.KEEP_HYPHEN, "hyphen-number", 0.95, f"{shown}: digits")
    joined = left + right
    compound = f"{left}-{right}"
    if _other_scripts(left, right):
        return HyphenDecision(
            Action.KEEP_HYPHEN,
            "hyphen-script",
            0.9,
            f"{shown}: the halves are in different scripts; no word is cut across scripts",
        )
    if right[0].isupper() and not (right.isupper() and left.isupper()):
        return _capital(left, joined, compound, shown, vocabulary)
    # An elided article or pronoun before the word ("d’a-/dreçes", "l’a-/bri"): typesetters
    # count its letters with the word's, so one letter of the word may stand before the break.
    before = len(left_line) - 2 - len(left)
    elided = len(left) == 1 and before > 0 and left_line[before] in "’'"
    lexical = _lexicon_verdict(left, right, joined, shown, lexicon, elided)
    if right in CLOSED_SECOND_PARTS and (
        # ... where the lexicon would keep it, or only guess ("foreign-word", which the
        # document's coverage may still turn into a keep below).
        lexical is None or lexical.action is Action.KEEP_HYPHEN or lexical.rule == "foreign-word"
    ):
        return HyphenDecision(
            Action.DEHYPHENATE,
            "closed-que",
            0.85,
            f"{shown}: '{right}' never follows a hyphen (Latin's enclitic, the Romance"
            f" conjunction, elided or not): a word is cut"
            + (f"; not {lexical.rule} ({lexical.evidence})" if lexical else ""),
        )
    # "apt-show-" / "versions", "x-" / "window-manager": a token with another hyphen in it is a
    # hyphenated name or compound, whatever its halves look like.
    multi = "-" in left_line[left_line.rfind(" ") + 1 : -1] or "-" in right_line.split(None, 1)[0]
    # ... but a compound with a hyphen elsewhere is also cut inside one of its words
    # ("Nachrichten-Indizie-" / "rungssystem"): there the halves are not both words.
    if multi and lexicon is not None and lexicon.has_frequencies:
        multi = (
            min(lexicon.zipf(left), lexicon.zipf(right)) >= FRAGMENT_WORD
            # ... and a joined word the lexicon knows is the word cut ("très-oblique-" /
            # "ment", "porte-lan-" / "cette", "ob-" / "long-square"): on the IMPACT BHL pages
            # 6 of the 13 wrong hyphenated-token keeps, none of the right ones ("c'est-" /
            # "à-dire" joins to "està", Zipf 1.8).
            and lexicon.zipf(joined) < JOINED_RARE
        )
    if multi and not (lexical is not None and lexical.confidence >= 0.9):
        lexical = HyphenDecision(
            Action.KEEP_HYPHEN, "hyphenated-token", 0.8, f"{shown}: the word has another hyphen"
        )
    if (
        _weak_join(lexical)
        and lexicon is not None
        and lexicon.language in COMPOUNDING_LANGUAGES
        and lexicon.language in CLOSED_LANGUAGES
        # Not in German: it capitalises nouns, and old German prints names in capitals
        # ("GOT-/tes"); on the OCR-D pages the rule cost 0.2 points of line breaks removed.
        and lexicon.language in LANGUAGES
        and not LANGUAGES[lexicon.language].nouns_capitalised
        and len(left) >= 2
        and left.isupper()
        # The rest of a word cut inside an acronym would be in capitals too.
        and len(right) >= 3
        and right.islower()
    ):
        # Measured on the added-language corpus: Norwegian real hyphens kept 31.9 % -> 45.1 %,
        # line-break hyphens removed unchanged (100 %); no change in the other 10 languages.
        return HyphenDecision(
            Action.KEEP_HYPHEN,
            "acronym-compound",
            0.75,
            f"{shown}: an acronym joined to a word, as {lexicon.language} writes it",
        )
    if (
        _weak_join(lexical)
        and lexicon is not None
        and lexicon.language in LANGUAGES
        and LANGUAGES[lexicon.language].hyphenated_loans
        and len(right) >= 3
        and right.islower()
    ):
        loan = _loan(left, right, left_line, lexicon, vocabulary)
        if loan:
            return HyphenDecision(
                Action.KEEP_HYPHEN,
                "loan-compound",
                0.75,
                f"{shown}: {loan}, and {lexicon.language} writes such a compound with a hyphen",
            )
    if (
        vocabulary is not None
        and lexical is not None
        and lexical.action is Action.DEHYPHENATE
        and lexical.confidence < WEAK
        and _writes_prefix(left, vocabulary)
    ):
        return _prefix(left, shown, vocabulary)
    if (
        vocabulary is not None
        and lexical is not None
        and lexical.action is Action.DEHYPHENATE
        and lexical.confidence < WEAK
        and len(right) >= SUFFIX_MIN
    ):
        suffix = _writes_suffix(left, right, joined, vocabulary)
        if suffix:
            return HyphenDecision(Action.KEEP_HYPHEN, "document-suffix", 0.7, f"{shown}: {suffix}")
    if (
        lexical is not None
        and lexical.rule == "foreign-word"
        and lexicon is not None
        and (
            vocabulary is None
            or vocabulary.coverage(lexicon) >= FOREIGN
            or vocabulary.standalone_count(left) > 0
            or vocabulary.standalone_count(right) > 0
        )
    ):
        # The patterns are trusted unless the document is one the lexicon knows badly (much
        # text in another language or an old spelling) and neither half stands alone in it
        # ("ldap" in "libpam-/ldap" does): in a document the lexicon knows, such a pair is two
        # names it does not know ("transmission-/gtk"), a real hyphen in all 19 cases of the
        # generated corpus.
        lexical = HyphenDecision(
            Action.KEEP_HYPHEN,
            "not-a-pattern-point",
            0.75,
            lexical.evidence.replace(
                "no lexicon knows the word or a half",
                f"the patterns do not break '{joined.lower()}' there",
            ),
        )
    if (
        lexical is not None
        and lexical.rule == "foreign-word"
        and len(left) >= COMBINING_FORM[0]
        and len(right) >= COMBINING_FORM[1]
        and left[-1] == "o"
        and left.islower()
    ):
        # ... in a document the lexicon knows badly, a first part in the combining vowel "-o"
        # of Latin and Romance compound adjectives ("castaneo-/fusco", "plano-/convexis",
        # "subquadrato-/ovali"), off the patterns, in a word nobody knows: the form speaks
        # for a compound, so the guess of a line break is dropped and the hyphen kept, as an
        # abstention (the document's own words may still overrule it, below).  Tuned on
        # impact-bhl: of the ``foreign-word`` removals with this form 22 were real hyphens and
        # 2 line breaks ("pytho-/gaster"); with a first part in "-i" it was 4 and 33, so only
        # "-o".
        lexical = HyphenDecision(
            Action.KEEP_HYPHEN,
            "combining-form",
            PATTERN_UNKNOWN_CONFIDENCE,
            lexical.evidence.replace(
                "no lexicon knows the word or a half",
                f"no lexicon knows the word or a half, the patterns do not break it there, and"
                f" '{left.lower()}' ends in the combining vowel of a compound",
            ),
            True,
        )
    n_compound = vocabulary.compound_count(compound) if vocabulary is not None else 0
    if (
        n_compound == 0
        and lexical is not None
        and lexical.action is Action.DEHYPHENATE
        and lexical.rule != "foreign-word"  # a guess: the document's own spelling goes first
    ):
        # The document never writes the compound, so its own evidence could only say "join"
        # too: the outcome is the same as asking it first, without counting every word.
        return lexical
    if vocabulary is not None:
        n_joined = vocabulary.count(joined)
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
    if (
        vocabulary is not None
        and lexical is not None
        and lexical.action is Action.KEEP_HYPHEN
        and lexical.rule in _WEAK_KEEPS
        and lexicon is not None
        and len(left) >= 2
        and n_compound == 0
        and (
            vocabulary.coverage(lexicon) < FOREIGN
            or (
                lexical.rule == "not-a-pattern-point"
                and len(left) >= OLD_PRINT_PREFIX
                and lexicon.zipf(joined) >= JOINED_SEEN
            )
        )
    ):
        closed, n_closed = vocabulary.closed_prefix(left)
        if closed >= CLOSED_PREFIX_WORDS and closed > vocabulary.prefix_words(left):
            # In a document the lexicon knows badly (Latin descriptions in an English book),
            # its word lists and patterns are no evidence of a compound ("sub-" / "inflatâ"
            # off the patterns, "inter-" / "dum" two "words"); the document's own habit is:
            # it writes "sub..." closed (17 words), never "sub-..." inside a line.  In any
            # document, the patterns' "no" is no evidence either when the joined word is a word
            # of the language: old print broke "con-" / "cave" off them (Cuvier, where "con..."
            # is closed in 4 to 7 words of the page).  Tuned on impact-bhl: 14 wrong keeps
            # removed, none right lost; on ocrd-structure and the generated corpus nothing
            # changes (with two-letter first parts, "ge-" / "upgrade" in Dutch was lost).
            return HyphenDecision(
                Action.DEHYPHENATE,
                "document-closed-prefix",
                0.7,
                f"{shown}: the document writes {closed} closed word(s) '{left.lower()}...' "
                f"({n_closed}x), {vocabulary.prefix_words(left)} compound(s) "
                f"'{left.lower()}-...' inside lines; {lexical.rule} ({lexical.evidence})",
            )
    if (
        lexical is not None
        and lexical.rule == "not-a-pattern-point"
        and lexicon is not None
        and lexicon.language in CLOSED_LANGUAGES
        and lexicon.language in LANGUAGES
        and LANGUAGES[lexicon.language].nouns_capitalised
        and right[0].islower()
        and len(left) >= 2
        and (
            (left[0].isupper() and left[1:].islower())
            or (vocabulary is not None and vocabulary.coverage(lexicon) < FOREIGN)
        )
    ):
        # German writes a compound closed, or with a capital after the hyphen (a noun): a
        # capitalised first part before a lower-case second part is one word cut off the
        # patterns ("Da-" / "teisicherungen", "Style-" / "sheet": 13 of 13 on the generated
        # corpus, where the lower-case or all-capital first parts were real hyphens, 11 of
        # 11: "dist-upgrade", "NP-vollständiges").  In old print the lexicon knows badly, a
        # lower-case first part too ("mach-" / "et", "dar-" / "ob": 4 of 4 on ocrd-structure).
        return HyphenDecision(
            Action.DEHYPHENATE,
            "noun-compound",
            0.7,
            f"{shown}: {lexicon.language} writes no hyphen before a lower-case part here; "
            f"{lexical.evidence}",
        )
    if lexical is not None:
        return lexical
    if vocabulary is not None and _writes_prefix(left, vocabulary):
        return _prefix(left, shown, vocabulary)
    if vocabulary is not None and right[0].islower() and len(left) >= 2 and len(right) >= 2:
        # No lexicon, but the document shows how its line-end hyphens go: when the other words
        # it breaks at line ends are written joined elsewhere in it, and (nearly) never as
        # compounds, its line-end hyphens are line breaks.
        joined_n, compound_n = vocabulary.break_profile()
        # Measured on the tuned-on real pages (IMPACT BHL, OCR-D; Latin, no lexicon): all 214
        # line-end hyphens that came this far were line breaks, 183 decided when at least
        # three of the document's broken words were written joined elsewhere, 31 abstentions
        # where fewer were (21 of them with two letters or more on each side and at least
        # one such word, decided now).  So one word of the document written joined is
        # enough, if no compound speaks against it (ten joined words per compound); with
        # none at all there is no evidence, and the hyphen is kept (an abstention).
        if joined_n >= 1 and compound_n * 10 <= joined_n:
            return HyphenDecision(
                Action.DEHYPHENATE,
                "unknown-language",
                PATTERN_UNKNOWN_CONFIDENCE,
                f"{shown}: no lexicon for this language; {joined_n} other words broken at line "
                f"ends are written joined elsewhere in the document, {compound_n} as compounds",
            )
    return HyphenDecision(
        Action.KEEP_HYPHEN, "hyphen-abstain", 0.5, f"{shown}: no lexicon for this language", True
    )


def word_goes_on(
    left_line: str, right_line: str, lexicon: Lexicon | None, vocabulary: DocumentVocabulary | None
) -> bool:
    """The hyphen that ends ``left_line`` is surely a line break before ``right_line``: the
    strongest rules (``lexicon-joined``, ``document-joined``, ``soft-hyphen``: 0.9 and above)
    remove it.  Used across a blank line or a page break after a line that stands alone, where
    only a word cut in two shows that the line was wrapped.

    >>> en = Lexicon.get("en")
    >>> word_goes_on("so we read-", "ers along", en, None)
    True
    >>> word_goes_on("a well-", "known fact", en, None), word_goes_on("a frob-", "nitz", en, None)
    (False, False)
    """
    d = decide_hyphen(left_line, right_line, lexicon, vocabulary)
    return d.action is Action.DEHYPHENATE and d.confidence >= SURE


def _engine_mark(
    left: str,
    right: str,
    shown: str,
    lexicon: Lexicon | None,
    vocabulary: DocumentVocabulary | None,
    dehyphenate: bool,
    mark: str = "\u2014",
) -> HyphenDecision:
    """A line that ends in ``=`` or ``—`` glued to a word: OCR engines print a typewriter's or
    a Fraktur hyphen so (on the TAPUSCORPUS pages Tesseract printed ``—`` 8 times and ``=``
    once at line ends over a GT hyphen), but both are also real marks (an em dash, a
    formula).  Removed only on strong evidence that one word goes on: the joined word is a
    common word (Zipf >= 3) or the document writes it, and never as a compound; otherwise the
    lines are joined with a space, the mark kept, as for any line that ends in punctuation.

    >>> fr = Lexicon.get("fr")
    >>> _engine_mark("toute", "fois", "toute— + fois", fr, None, True).rule
    'engine-mark'
    >>> _engine_mark("travail", "pour", "travail— + pour", fr, None, True).action
    <Action.JOIN: 'join'>
    >>> _engine_mark("perniis", "sion", "perniis— + sion", fr, None, True).rule
    'engine-mark-unknown'
    >>> page = DocumentVocabulary("toute—\\nfois en Alle—\\nmagne, en perniis—\\nsion")
    >>> _engine_mark("perniis", "sion", "perniis— + sion", fr, page, True).rule
    'engine-mark-document'
    """
    if (
        dehyphenate
        and len(left) >= 2
        and len(right) >= 2
        and left.isalpha()
        and right.isalpha()
        and right[0].islower()
    ):
        joined = left + right
        n_compound = vocabulary.compound_count(f"{left}-{right}") if vocabulary else 0
        zj = lexicon.zipf(joined) if lexicon is not None and lexicon.has_frequencies else 0.0
        n_joined = vocabulary.count(joined) if vocabulary is not None and zj < JOINED_COMMON else 0
        if n_compound == 0 and (zj >= JOINED_COMMON or n_joined > 0):
            why = (
                f"zipf {joined.lower()}={zj:.1f}"
                if zj >= JOINED_COMMON
                else (f"the document writes '{joined.lower()}' {n_joined}x")
            )
            return HyphenDecision(
                Action.DEHYPHENATE,
                "engine-mark",
                0.8,
                f"{shown}: an OCR engine's line-end hyphen; {why}",
            )
        sure = _mark_is_hyphen(mark, lexicon, vocabulary)
        if sure and lexicon is not None:
            verdict = _lexicon_verdict(left, right, joined, shown, lexicon)
            if verdict is not None and verdict.action is Action.DEHYPHENATE:
                return HyphenDecision(
                    Action.DEHYPHENATE,
                    "engine-mark-document",
                    min(verdict.confidence, 0.7),
                    f"{shown}: the document's OCR prints '{mark}' for its line-end hyphens"
                    f" ({sure}); {verdict.rule}: {verdict.evidence.split(': ', 1)[-1]}",
                )
    return HyphenDecision(
        Action.JOIN,
        "engine-mark-unknown",
        0.5,
        f"{shown}: a dash or an OCR engine's hyphen; no word known across it, kept with a space",
        True,
    )


#: Words of a document cut by a line-end engine mark that the lexicon or the document itself
#: shows to be one word ("toute—" / "fois", "Alle—" / "magne") before the mark counts as the
#: document's hyphen, so that its other cuts get the ordinary evidence (``engine-mark-document``).
#: Two: found on tapuscorpus-tesseract, whose Tesseract output prints "—" for the typewriter's
#: hyphen (3 such words on the page with "perniis—" / "sion"); with one, a single em dash
#: between two words that happen to make a word would do.
ENGINE_MARK_WORDS = 2


def _mark_is_hyphen(
    mark: str, lexicon: Lexicon | None, vocabulary: DocumentVocabulary | None
) -> str:
    """Why the document's line-end ``mark`` is its OCR engine's hyphen, or "": at least
    :data:`ENGINE_MARK_WORDS` of the words it cuts are common words or written joined in the
    document, and none is written as a compound (a dash between two words would be).

    >>> fr = Lexicon.get("fr")
    >>> v = DocumentVocabulary("toute—\\nfois en Alle—\\nmagne, en perniis—\\nsion")
    >>> _mark_is_hyphen("—", fr, v)
    "2 of its 3 words cut by '—' are words"
    >>> _mark_is_hyphen("—", fr, DocumentVocabulary("toute—\\nfois, en perniis—\\nsion"))
    ''
    """
    if lexicon is None or not lexicon.has_frequencies or vocabulary is None:
        return ""
    # Once per document and mark: a page of thousands of such lines asks for each of them.
    key = (mark, lexicon.language)
    why = vocabulary.mark_verdicts.get(key)
    if why is None:
        why = vocabulary.mark_verdicts[key] = _judge_mark(mark, lexicon, vocabulary)
    return why


def _judge_mark(mark: str, lexicon: Lexicon, vocabulary: DocumentVocabulary) -> str:
    pairs = vocabulary.mark_pairs(mark)
    if len(pairs) < ENGINE_MARK_WORDS:
        return ""
    words = 0
    for a, b in pairs:
        if vocabulary.compound_count(f"{a}-{b}"):
            return ""
        if lexicon.zipf(a + b) >= JOINED_COMMON or vocabulary.count(a + b):
            words += 1
    if words < ENGINE_MARK_WORDS:
        return ""
    return f"{words} of its {len(pairs)} words cut by '{mark}' are words"


def _writes_prefix(left: str, vocabulary: DocumentVocabulary) -> bool:
    """The document writes compounds with ``left`` as their first part inside lines
    ("opaco-albâ"), at least as many different ones as closed words that begin with it
    ("subovatâ", "subtilis"... against one "sub-depressâ").  Tuned on impact-bhl: of the 248
    ``document-prefix`` keeps, the 44 wrong ones were Latin prefixes the document writes
    closed far more often than hyphenated ("sub-" / "inflatâ": 10 to 17 closed words, 1
    compound; "tri", "Meta"), and none of the 204 right ones was ("chesnut-brown",
    "opaco-albâ": none closed; "four-ridged": 1 and 1).  Different words, not occurrences,
    and more than twice as many (CLOSED_PREFIX_LEAD): "virt-install", "virt-viewer",
    "virt-manager" are three compounds against "virtuel", "virtuelle", "virtuelles",
    "virtualisation", ordinary words that begin with the same letters (generated corpus)."""
    n = vocabulary.prefix_words(left)
    return n > 0 and vocabulary.closed_prefix(left)[0] <= CLOSED_PREFIX_LEAD * n


def _writes_suffix(left: str, right: str, joined: str, vocabulary: DocumentVocabulary) -> str:
    """Why the document shows ``right`` as the second part of hyphenated compounds ("corneo-
    fuscâ", "rufo-fuscâ" for "castaneo-" / "fuscâ"), or "": it writes compounds that end in
    "-right" inside lines more often than closed words that end in it, never the joined word,
    and the first part is not one it writes closed (:meth:`DocumentVocabulary.closed_prefix`).

    Only against a weak "remove" (below WEAK: a pattern point in a word no lexicon knows, a
    foreign word).  Tuned on impact-bhl (Latin colour compounds in English books): of the 40
    such removes it overturns, 38 were real hyphens; the two wrong are "albi-" / "zonatâ".
    """
    n = vocabulary.suffix_count(right)
    if n == 0:
        return ""
    n_closed = vocabulary.closed_suffix(right)[1]
    if n <= n_closed or vocabulary.count(joined):
        return ""
    if vocabulary.closed_prefix(left)[0] > vocabulary.prefix_words(left):
        return ""
    return (
        f"the document writes {n} compound(s) '...-{right.lower()}' inside lines, {n_closed} "
        f"closed word(s) '...{right.lower()}', never '{joined.lower()}'"
    )


def _prefix(left: str, shown: str, vocabulary: DocumentVocabulary) -> HyphenDecision:
    n = vocabulary.prefix_words(left)
    closed = vocabulary.closed_prefix(left)[0]
    return HyphenDecision(
        Action.KEEP_HYPHEN,
        "document-prefix",
        0.7,
        f"{shown}: the document writes {n} compound(s) '{left.lower()}-...' inside lines, "
        f"{closed} closed word(s) '{left.lower()}...'",
    )


def _capital(
    left: str, joined: str, compound: str, shown: str, vocabulary: DocumentVocabulary | None
) -> HyphenDecision:
    """The second part starts upper case: a real hyphen ("Kyrgyz-/Japan"), unless the document
    writes the name joined ("Network-/Manager" where it writes "NetworkManager") or the first
    part is a CamelCase identifier ("AllowAccessFromWebTo-/FollowingIPAddresses")."""
    if vocabulary is not None:
        n_joined = vocabulary.count(joined)
        # Twice at least: extractors sometimes drop a hyphen once ("KernelVersionen" in one
        # pypdf extraction of the corpus), and an upper-case second part is a real hyphen in
        # 240 of 250 cases of the evaluation corpus.
        if n_joined >= 2 and n_joined > vocabulary.compound_count(compound):
            return HyphenDecision(
                Action.DEHYPHENATE,
                "document-joined",
                0.95,
                f"{shown}: the document writes '{joined}' {n_joined}x",
            )
    right = joined[len(left) :]
    if (
        sum(ch.isupper() for ch in left[1:]) >= CAMEL_CAPITALS
        and not left.isupper()
        and any(ch.isupper() for ch in right[1:])
    ):
        return HyphenDecision(
            Action.DEHYPHENATE, "camel-case", 0.7, f"{shown}: a CamelCase identifier goes on"
        )
    return HyphenDecision(
        Action.KEEP_HYPHEN, "hyphen-capital", 0.9, f"{shown}: next part starts upper case"
    )


def _lexicon_verdict(
    left: str, right: str, joined: str, shown: str, lexicon: Lexicon | None, elided: bool = False
) -> HyphenDecision | None:
    """What word frequencies and hyphenation patterns say; None without a lexicon."""
    if lexicon is None or not lexicon.has_frequencies:
        return None
    key = (left, right, elided)
    verdict = lexicon.verdicts.get(key)
    if verdict is None:
        verdict = lexicon.verdicts[key] = _judge(left, right, joined, shown, lexicon, elided)
    return verdict


def _judge(
    left: str, right: str, joined: str, shown: str, lexicon: Lexicon, elided: bool = False
) -> HyphenDecision:
    zj, zl, zr = lexicon.zipf(joined), lexicon.zipf(left), lexicon.zipf(right)
    figures = f"zipf {joined.lower()}={zj:.1f}, {left.lower()}={zl:.1f}, {right.lower()}={zr:.1f}"
    known = LANGUAGES.get(lexicon.language)
    if (
        known is not None
        and (
            (right.lower() in known.hyphen_suffixes and zl >= PARTICLE_HOST)
            or (left.lower() in known.hyphen_prefixes and zr >= FRAGMENT_WORD)
            # Portuguese "reinstalá-/lo": a verb form no list holds before its pronoun.
            or (right.lower() in known.enclitics and left.lower().endswith(known.enclitic_hosts))
        )
        and zj < PARTICLE_JOINED
    ):
        return HyphenDecision(
            Action.KEEP_HYPHEN,
            "hyphen-particle",
            0.85,
            f"{shown}: {lexicon.language} joins this particle with a hyphen; {figures}",
        )
    if zj >= JOINED_COMMON:
        return HyphenDecision(Action.DEHYPHENATE, "lexicon-joined", 0.9, f"{shown}: {figures}")
    point = lexicon.is_hyphenation_point(joined, len(left), elided)
    if point is False and known is not None and known.morpheme_breaks:
        # The patterns know the syllables, the language breaks at morphemes too ("celoteh-/an"):
        # their "no" is no evidence, and the word's other evidence decides.
        point = True
    if point is False and zj < JOINED_SEEN and min(zl, zr) < FRAGMENT_WORD and len(right) >= 2:
        # Neither the word nor one of its halves is known: a word of another language (Latin
        # names in an English text) or an old spelling, which the patterns of the document's
        # language cannot judge.  On the IMPACT BHL pages these were line breaks 2.4 times in
        # 3.4 (246 of 351 not-a-pattern-point decisions were wrong, nearly all of this kind).
        return HyphenDecision(
            Action.DEHYPHENATE,
            "foreign-word",
            PATTERN_UNKNOWN_CONFIDENCE,
            f"{shown}: no lexicon knows the word or a half; {figures}",
        )
    if point is False and zj >= JOINED_SEEN and min(zl, zr) < FRAGMENT_WORD:
        # The patterns do not break the word there, but the joined word is a word and a half
        # is none: the typesetter did not use these patterns (older print breaks "Coleop-/
        # teren", "North-/amptonshire", "Untermen-/schentum").  A real hyphen off the pattern
        # points joins two words ("ear-/coverts").  On the IMPACT BHL pages this was a line
        # break in 96 of 96 not-a-pattern-point decisions.  Two
        # words off the patterns stay a compound even when the joined word is known
        # ("never-/ending", 2.5; "CD-/ROM", 2.1, in the generated corpus, which TeX broke only
        # at its pattern points), though old print breaks such words too ("con-/cave", 14 of
        # the IMPACT BHL decisions): no document-level measure told the two kinds of
        # typesetting apart (pyphen's patterns are not TeX's: a quarter of some generated
        # documents' sure breaks are off pyphen's points).
        return HyphenDecision(
            Action.DEHYPHENATE,
            "off-pattern-word",
            0.7,
            f"{shown}: the patterns do not break '{joined.lower()}' there, but it is a word; "
            f"{figures}",
        )
    if point is False:
        return HyphenDecision(
            Action.KEEP_HYPHEN,
            "not-a-pattern-point",
            0.75,
            f"{shown}: the patterns do not break '{joined.lower()}' there; {figures}",
        )
    both_words = zl >= FRAGMENT_WORD and zr >= FRAGMENT_WORD and len(left) > 1 and len(right) > 1
    if both_words and point and known is not None and right.casefold() in known.closed_endings:
        return HyphenDecision(
            Action.DEHYPHENATE,
            "closed-ending",
            0.75,
            f"{shown}: '{right.lower()}' is an ending {lexicon.language} never puts after a"
            f" hyphen; {figures}",
        )
    if both_words and point and known is not None and left.casefold() in known.closed_prefixes:
        return HyphenDecision(
            Action.DEHYPHENATE,
            "closed-prefix",
            0.75,
            f"{shown}: '{left.lower()}' is a prefix {lexicon.language} writes closed; {figures}",
        )
    if (
        both_words
        and point
        and known is not None
        and known.closed_prefixes
        and left.islower()
        and (len(right) <= SHORT_PART or len(left) <= SHORT_PART)
        and right.casefold() not in known.hyphen_suffixes
    ):
        return HyphenDecision(
            Action.DEHYPHENATE,
            "closed-short-part",
            0.75,
            f"{shown}: {lexicon.language} joins no short word with a hyphen but its particles;"
            f" '{(right if len(right) <= SHORT_PART else left).lower()}' is part of a word;"
            f" {figures}",
        )
    if both_words:
        if lexicon.language in CLOSED_LANGUAGES and point:
            return HyphenDecision(
                Action.DEHYPHENATE,
                "closed-compound",
                0.75,
                f"{shown}: {lexicon.language} writes compounds closed; {figures}",
            )
        if zj >= JOINED_RARE:
            return HyphenDecision(
                Action.DEHYPHENATE, "lexicon-joined-rare", 0.7, f"{shown}: {figures}"
            )
        return HyphenDecision(Action.KEEP_HYPHEN, "lexicon-compound", 0.8, f"{shown}: {figures}")
    if lexicon.language in COMPOUNDING_LANGUAGES and point:
        # Long compounds are the rule there and most are in no word list: "Hardwarespezifika-/
        # tionen", "toegangsme-/thode".
        return HyphenDecision(
            Action.DEHYPHENATE,
            "closed-compound",
            0.7,
            f"{shown}: a pattern point, and {lexicon.language} writes compounds closed; {figures}",
        )
    # Patterns allow breaks in invented words too, so one half must be a word (the second part
    # of a compound, "Straßenbahn-/linie"; a syllable that is one, "Straßenbahnli-/nie") or the
    # joined word must be known at all.
    if point and (max(zl, zr) >= FRAGMENT_WORD or zj >= JOINED_SEEN):
        confidence = 0.75 if zj >= JOINED_RARE else 0.65
        return HyphenDecision(
            Action.DEHYPHENATE,
            "pattern",
            confidence,
            f"{shown}: a hyphenation-pattern point; {figures}",
        )
    if point and len(left) >= 3 and len(right) >= 2:
        # A word no list knows, broken where the patterns allow: in the evaluation corpus such
        # breaks are line breaks 9 times in 10 once hyphenated names are set aside.  The lowest
        # confidence of all rules: Config.min_hyphen_confidence above it turns these into
        # abstentions.
        return HyphenDecision(
            Action.DEHYPHENATE,
            "pattern-unknown-word",
            PATTERN_UNKNOWN_CONFIDENCE,
            f"{shown}: a hyphenation-pattern point in a word no lexicon knows; {figures}",
        )
    why = "no patterns for the language" if point is None else "halves too short to judge"
    return HyphenDecision(
        Action.KEEP_HYPHEN, "hyphen-abstain", 0.5, f"{shown}: {figures}; {why}", True
    )


#: A name before a hyphen (``loan-compound``) is one that is no common word of the language:
#: "Debian" is at Zipf 2.7 in Norwegian, "Linux" 3.8, "Internett" (which Norwegian writes in
#: lower case) 4.9, while the capitalised first halves of words broken at a line start
#: ("Den-/ne", "Av-/hengig") are at 6 and above.
LOAN_NAME_ZIPF = 5.0
#: A lower-case first part is a foreign word when the language hardly knows it (below this)...
LOAN_RARE_ZIPF = 2.5
#: ... or when English knows it this much better (log10 units): "route" 3.2 in Norwegian, 4.7
#: in English; "remove" 2.0 and 4.7.  Norwegian words on the same corpus ("system", "standard",
#: "program") are within 1.0 of English.
LOAN_ENGLISH_LEAD = 1.0
#: A capitalised first part this long, which the language hardly knows, before a second part
#: this long counts as a name even when the document writes it nowhere else and the second
#: part is a compound of its own ("Zeroconf-/protokollsuiten"); the first half of a name broken
#: at a syllable is shorter ("Debi-/an").
LOAN_NAME_LETTERS = (5, 6)
#: Vowels: a lower-case first part without one is an abbreviation ("cd-/kommandoen", "tv-",
#: "pc-"), which Norwegian and Swedish write with a hyphen before a compound's head
#: (Språkrådet's rule for abbreviations in compounds).
_VOWELS = frozenset("aeiouyæøåäöéèêáàíóúü")
#: ... and English knows it as a word (an English fragment, "distribu" 1.3, "diverge" 2.8 in
#: "diverge-/rende", is no evidence).
LOAN_ENGLISH_WORD = 3.0
#: Letters a stem needs before a linking "s" counts (Swedish "installation-s", 12, measured on
#: the Swedish documents; "cup-s" in "cups-/browsed", 3, is an English plural).
LINKED_STEM = 4
_SENTENCE_END = ".!?:;"
#: Compounds inside the document's lines that end in the second part, at least, before that
#: part counts as a head the document hyphenates to names (``loan-compound``): two, measured on
#: the Norwegian documents (the three that break "X-/kommandoen" write 2, 2 and 7 other
#: "...-kommandoen" inside lines; every other second part after a line-end hyphen there is
#: written so at most once).


def _loan(
    left: str,
    right: str,
    left_line: str,
    lexicon: Lexicon,
    vocabulary: DocumentVocabulary | None,
) -> str:
    """Why the first part before a line-end hyphen is a name or a foreign word, or "".

    Tuned on the Norwegian documents of eval/cases/languages-pdflatex (the only language with
    ``hyphenated_loans`` measured).
    """
    zl = lexicon.zipf(left)
    if left.lower().endswith(LANGUAGES[lexicon.language].linking_endings):
        # A suffix with the linking "s" (Swedish "partitions-/verktyget", "Paketerings-/
        # verktyg"): a compound of the language's own words, even when English knows the
        # form ("partitions") or it is capitalised in a title.
        return ""
    standalone = vocabulary.standalone_count(left) if vocabulary is not None else 0
    # The part after a name is a word of its own ("Unix-/maskin"), or the document writes the
    # name alone ("Debian"): "Debi-/ans" is neither.
    word_after = lexicon.zipf(right) >= FRAGMENT_WORD and len(right) >= 4
    long_name = (
        zl < LOAN_RARE_ZIPF
        and len(left) >= LOAN_NAME_LETTERS[0]
        and len(right) >= LOAN_NAME_LETTERS[1]
    )
    if (
        left[0].isupper()
        and left[1:].islower()
        and zl < LOAN_NAME_ZIPF
        and (standalone or word_after or long_name)
    ):
        before = left_line[: len(left_line) - len(left) - 1].rstrip()
        # A capital in the middle of a sentence: a name ("for Debian-/prosjektet"); at a
        # sentence or line start it may be any word.
        if before and before[-1] not in _SENTENCE_END and before[-1].isalnum():
            return f"'{left}' is a name (capitalised inside a sentence, Zipf {zl:.1f})"
    if not left.islower() or len(left) < 2:
        return ""
    if left.isalpha() and len(left) <= 4 and not _VOWELS.intersection(left):
        return f"'{left}' is an abbreviation (no vowel)"
    if left.endswith("s") and len(left) > LINKED_STEM and lexicon.zipf(left[:-1]) >= FRAGMENT_WORD:
        # The linking "s" of a compound of the language's own words ("installations-/
        # programmet", "partisjons-/tabellen"), not an English plural ("cups-/browsed").
        return ""
    if zl < LOAN_RARE_ZIPF and standalone:
        return (
            f"'{left}' is no {lexicon.language} word (Zipf {zl:.1f}) but stands alone in the text"
        )
    en = Lexicon.get("en")
    ze = en.zipf(left) if lexicon.language != "en" else 0.0
    if (
        ze >= LOAN_ENGLISH_WORD
        and ze >= zl + LOAN_ENGLISH_LEAD
        and zl < 3.5
        # ... unless the joined form is an English word, broken at a line end ("local-/host":
        # "localhost" 2.0 in English; "stable-/backports" 0).
        and en.zipf(left + right) < JOINED_RARE
    ):
        return f"'{left}' is an English word (Zipf {ze:.1f}; {zl:.1f} in {lexicon.language})"
    return ""


_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")
#: Latin letters with a Cyrillic or Greek look-alike (OCR mixes these inside one word).
_LOOKALIKE = frozenset("ABCEHIKMOPTXYZabcehikmnopuvxy")


def _other_scripts(left: str, right: str) -> bool:
    """One half in Latin letters, the other in Cyrillic or Greek: "PXE-/загрузка",
    "Python-/а".  Not when the Latin half could be look-alike letters of the other script read
    by OCR, unless it is an acronym (capitals before a lower-case half).

    >>> _other_scripts("PXE", "загрузка"), _other_scripts("Python", "а")
    (True, True)
    >>> _other_scripts("Mос", "ква")  # a Latin "M" read by OCR
    False
    """
    lg = _GREEK_OR_CYRILLIC.search(left) is not None
    rg = _GREEK_OR_CYRILLIC.search(right) is not None
    if lg == rg:
        return False
    latin, other = (right, left) if lg else (left, right)
    if not latin.isascii() or _GREEK_OR_CYRILLIC.search(latin) or not latin.isalpha():
        return False
    if any(ch not in _LOOKALIKE for ch in latin):
        return True
    return len(latin) >= 2 and latin.isupper() and other.islower()
