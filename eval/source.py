"""Prose paragraphs from the Debian Administrator's Handbook, one list per language.

The handbook (Raphaël Hertzog and Roland Mas, CC BY-SA 3.0 / GPL-2+) ships its HTML in the
Debian package ``debian-handbook`` under /usr/share/doc/debian-handbook/html/<lang>/.  We keep
only plain prose: ``<div class="para">`` blocks that hold no list, table, listing or image, whose
text has none of the characters that mark code or paths, and that are written in the wanted
language (some translations leave paragraphs in English; a stop-word vote finds them).
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")

#: language code -> handbook folder
FOLDERS = {
    "en": "en-US",
    "de": "de-DE",
    "fr": "fr-FR",
    "es": "es-ES",
    "it": "it-IT",
    "nl": "nl-NL",
}

# Eleven frequent function words per language: enough to tell these six apart on a paragraph of
# 250+ characters (checked by eye on 50 random nl-NL paragraphs, where English leftovers occur).
STOP = {
    "en": ["the", "and", "of", "to", "is", "that", "in", "for", "with", "this", "are"],
    "de": ["der", "die", "und", "das", "ist", "nicht", "mit", "von", "den", "zu", "ein", "eine"],
    "fr": ["le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "du"],
    "es": ["el", "la", "los", "las", "y", "de", "que", "es", "en", "para", "una", "del"],
    "it": ["il", "la", "di", "che", "e", "per", "una", "sono", "del", "della", "non"],
    "nl": ["de", "het", "een", "en", "van", "is", "dat", "niet", "voor", "met", "zijn"],
}

# Characters the T1-encoded Latin Modern fonts can show and the extractors give back one-to-one.
SAFE = re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ÿŒœ .,;:!?()'\"‘’“”„«»–—%+-]*$")
BLOCK_TAGS = re.compile(r"<(pre|ul|ol|table|div|img|dl)\b")
PARA = re.compile(r'<div class="para">(.*?)</div>', re.S)
TITLE = re.compile(r'<h([234]) class="title">(.*?)</h\1>', re.S)


@dataclass(frozen=True)
class Section:
    """A run of prose paragraphs under one handbook heading."""

    file: str
    title: str  # cleaned heading text, "" when the heading held code or odd characters
    paragraphs: tuple[str, ...]


# Paragraphs that name the host of a package archive (the handbook's sources.list examples) are
# left out: the project does not ship such host names in its files.
PACKAGE_HOST = re.compile(
    r"[a-z-]*(?:ftp|deb|redir|security|backports|ports|snapshot|incoming|mentors)[a-z-]*"
    r"(?:\.[a-z-]+)?\.debian\.(?:org|net)",
    re.IGNORECASE,
)


def language_of(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in STOP.items()}
    return max(scores, key=lambda k: scores[k])


def normalise(text: str, lang: str) -> str:
    """Map the handbook's characters to what the PDF will contain (quotes and dashes as typeset).

    >>> normalise('It\\'s "free" -- really...', "en")
    'It’s “free” – really...'
    """
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    text = text.replace("…", "...").replace("--", "–")
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    opening, closing = ("„", "“") if lang == "de" else ("“", "”")
    parts = text.split('"')
    if len(parts) % 2 == 1:  # balanced straight quotes only
        text = "".join(p + (opening if i % 2 == 0 else closing) for i, p in enumerate(parts[:-1]))
        text += parts[-1]
    text = text.replace("'", "’")
    # A spaced hyphen is a dash in prose: typeset it as the en dash it stands for.
    text = text.replace(" - ", " – ")
    return text


def clean_title(raw: str, lang: str) -> str:
    if "<code" in raw:
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", "", raw))
    text = re.sub(r"^\s*[A-Z]?[\d.]+\s+", "", " ".join(text.split()))
    text = normalise(text, lang)
    if not (8 <= len(text) <= 70) or not SAFE.match(text) or '"' in text:
        return ""
    return text


def sections(lang: str) -> list[Section]:
    """Every section of the handbook in ``lang`` that has at least one clean prose paragraph."""
    out: list[Section] = []
    for path in sorted((HANDBOOK / FOLDERS[lang]).glob("*.html")):
        page = path.read_text(encoding="utf-8")
        # Split the page at headings so paragraphs stay with the section they belong to.
        marks = [(m.start(), clean_title(m.group(2), lang)) for m in TITLE.finditer(page)]
        marks.append((len(page), ""))
        for (start, title), (end, _) in itertools.pairwise(marks):
            paras = []
            for m in PARA.finditer(page, start, end):
                raw = m.group(1)
                if BLOCK_TAGS.search(raw):
                    continue
                text = normalise(html.unescape(re.sub(r"<[^>]+>", "", raw)), lang)
                if not (250 <= len(text) <= 1500) or not SAFE.match(text) or '"' in text:
                    continue
                if language_of(text) != lang or PACKAGE_HOST.search(text):
                    continue
                paras.append(text)
            if paras:
                out.append(Section(path.name, title, tuple(paras)))
    return out
