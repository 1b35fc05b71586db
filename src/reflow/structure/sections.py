"""Section headings of older print, which close with a full stop.

Part of stage 3 (:mod:`reflow.structure`).  The heading rules of
:mod:`reflow.structure.headings` refuse a line that ends a sentence, since a one-line paragraph
ends so too; but books and newspapers before the 20th century close their headings with a full
stop: ``Das I. Capitel.``, ``Vierter Theil.``, ``§. 15.``, ``CHAPITRE XXI.``, ``Von den
Manufacturen.``, ``Des Acanthures.``.  What tells them from a sentence is their words, never
the stop alone:

* ``heading-section``: every word is a section word (``Capitel``, ``Theil``, ``Abschnitt``,
  ``Vorrede``, ``Chapter``, ``Livre``, ``Caput`` ...), a number (arabic or roman), an ordinal
  (``Erſter``, ``Vierter``, ``Second``) or an article (``Das I. Capitel.``); at most
  :data:`MAX_SECTION_WORDS` words, at least one section word; or ``§`` and numbers alone
  (``§. 15.``, ``§ 3011``);
* ``heading-topic``: ``Von``/``Vom``/``Van`` (German, Low German, Dutch), ``De``/``Des``/``Du``
  (French, Latin) and a capitalised word, up to :data:`MAX_TOPIC_WORDS` words, no comma: the
  "about ..." title of a chapter (``Von den namen.``, ``De Comparatione.``).  English ``Of``
  and French ``On`` are left out: on impact-bhl they open body sentences (``Of a uniform
  horn colour.``, ``On le mange.``) as often as headings.

Both need the line set apart: blank lines (or labels or page edges) on both sides, or, in a
flat export, a closed sentence (or a label) above and a line that starts a sentence below.

Measured (eval/real, lines the rule takes; gold region of the line): ``heading-section`` on
impact-bhl 1 heading of 1 (blank-line export), 2 of 2 (flat); on ocrd-structure 26 headings,
2 body, 1 other, 1 running head (blank-line export).  The section words were written down after
reading the heading misses of ocrd-structure, so ocrd-structure is not held out for this rule:
its held-out check is impact-bhl, where it seldom fires.  ``heading-topic``: tuned on
impact-bhl (the ``Of`` and ``On`` exclusion: 10 headings, 1 other left); ocrd-structure (held
out): 10 headings, 4 running heads, 2 other.

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> from reflow.structure import label_lines
>>> text = "Ende des Kapitels.\\n\\nDas I. Capitel.\\n\\nDer Text beginnt hier und geht.\\n"
>>> labels = label_lines(split_lines(text), Config(), "de")
>>> labels.notes[2][0]
'heading-section'
"""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import or_

from reflow.model import Role
from reflow.structure.view import DocView, between_sentences, blank_after, blank_before

#: Section words, folded to lower case, long s read as s, a final full stop dropped.  From the
#: section names of the real pages' sources (German, Latin, French, English books of 1500-1900)
#: and their usual equivalents in the languages reflow supports.
SECTION_WORDS = frozenset(
    {
        "chapter",
        "chap",
        "part",
        "section",
        "book",
        "preface",
        "introduction",
        "appendix",
        "contents",
        "index",
        "kapitel",
        "capitel",
        "capittel",
        "cap",
        "theil",
        "teil",
        "abschnitt",
        "abschn",
        "abth",
        "abtheilung",
        "buch",
        "vorrede",
        "einleitung",
        "anhang",
        "hauptstück",
        "hauptstuck",
        "hauptstük",
        "hauptstuͤk",
        "register",
        "inhalt",
        "chapitre",
        "livre",
        "partie",
        "préface",
        "avertissement",
        "tome",
        "capítulo",
        "capitulo",
        "parte",
        "libro",
        "capitolo",
        "prefacio",
        "prefazione",
        "hoofdstuk",
        "deel",
        "boek",
        "voorrede",
        "caput",
        "liber",
        "pars",
        "sectio",
        "praefatio",
        "prologus",
        "epilogus",
        "lib",
    }
)
#: Ordinals and articles that stand in a section name ("Das I. Capitel.", "Erſter Theil.").
_ORDINALS = frozenset(
    {
        "das",
        "der",
        "die",
        "des",
        "le",
        "la",
        "the",
        "erster",
        "erstes",
        "erste",
        "zweiter",
        "zweytes",
        "zweites",
        "dritter",
        "drittes",
        "vierter",
        "viertes",
        "fünfter",
        "fünftes",
        "sechster",
        "sechstes",
        "siebenter",
        "achter",
        "neunter",
        "zehnter",
        "ander",
        "anderer",
        "anderes",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "premier",
        "première",
        "seconde",
        "troisième",
        "quatrième",
        "cinquième",
        "primus",
        "secundus",
        "tertius",
    }
)
_NUMBER = re.compile(r"(?:[IVXLCDivxlcdj]{1,8}|\d{1,4})\.?")
#: Words of a section name at most ("Das I I. Capitel." has 4).
MAX_SECTION_WORDS = 5
#: Words of an "about ..." heading at most (the longest in the real pages' gold has 8).
MAX_TOPIC_WORDS = 10
#: Characters of a line the rules look at, at most (a cheap prefilter).
MAX_CHARS = 90
_TOPIC_OPENERS = frozenset({"von", "vom", "van", "de", "des", "du"})


def _fold(word: str) -> str:
    return word.lower().replace("ſ", "s").rstrip(".,/")


def section_name(text: str) -> bool:
    """Is the line a section name: section words, numbers, ordinals only?

    >>> section_name("Das I. Capitel."), section_name("Erſtes Hauptſtuͤk."), section_name("§. 15.")
    (True, True, True)
    >>> section_name("Das Capitel ist lang."), section_name("Theil")
    (False, True)
    """
    words = text.split()
    if not 0 < len(words) <= MAX_SECTION_WORDS:
        return False
    if words[0] in ("§", "§."):
        return len(words) > 1 and all(_NUMBER.fullmatch(w) for w in words[1:])
    seen = False
    for w in words:
        f = _fold(w)
        if f in SECTION_WORDS:
            seen = True
        elif not (_NUMBER.fullmatch(w) or f in _ORDINALS):
            return False
    return seen


def topic_heading(text: str) -> bool:
    """Is the line an "about ..." heading: ``Von``/``De``... and a capitalised word?

    >>> topic_heading("Von den Zinzendorfiſchen Haͤndeln in Penſilvanien.")
    True
    >>> topic_heading("De très-jeunes individus n’en ont aucunes.")
    False
    """
    words = text.split()
    if not 2 <= len(words) <= MAX_TOPIC_WORDS or "," in text:
        return False
    if words[0].lower() not in _TOPIC_OPENERS:
        return False
    # "Von den namen.": German articles are lower case, the noun after them upper case or
    # not in old print; "De la DORÉE", "Des Acanthures": French needs a capital.
    rest = words[1:3] if words[0].lower() in ("von", "vom", "van") else words[1:2]
    if words[0].lower() == "de" and words[1].lower() in ("la", "l’", "l'"):
        rest = words[2:3]
    return any(w[:1].isupper() for w in rest) or words[0].lower() in ("von", "vom", "van")


def _set_apart(doc: DocView, i: int) -> bool:
    return (blank_before(doc, i) and blank_after(doc, i)) or between_sentences(doc, i)


def rule_section_headings(doc: DocView) -> None:
    """Rules ``heading-section`` and ``heading-topic`` (module docstring)."""
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    if blank.count(False) < 3:
        # A text of one or two lines is what the user gave, not a page around a heading.
        return
    stripped = doc.stripped
    # Cheap prefilter in C: only a line that ends in a full stop or starts with "§" can be
    # either heading (the tests below ask one of the two of every line they keep).
    maybe = map(
        or_, map(str.endswith, stripped, repeat(".")), map(str.startswith, stripped, repeat("§"))
    )
    for i in compress(range(len(texts)), maybe):
        text = texts[i]
        # Short, closed by a full stop (or a bare "§ 3011").
        if blank[i] or roles[i] is not None or len(text) > MAX_CHARS:
            continue
        t = text.strip()
        if not t or not (t[0].isupper() or t[0] == "§"):
            continue
        if t.endswith(".") or t[0] == "§":
            if section_name(t):
                rule, why = "heading-section", "a section name (section word and number)"
            elif t.endswith(".") and topic_heading(t):
                rule, why = "heading-topic", "an 'about ...' title (Von ..., De ...)"
            else:
                continue
            if _set_apart(doc, i):
                doc.labels.label(i, Role.HEADING, rule, f"{why}, set apart from the text", 0.7)
