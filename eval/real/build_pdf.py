"""Build the real born-digital PDF cases in eval/real/ from Debian's TeX Live documentation.

    python eval/real/build_pdf.py [--root DIR] [--out eval/real] [--only ID,...]

Every document is a real manual, guide or article that TeX Live ships as a PDF together with
the LaTeX source it was typeset from (the list, with package, version and licence, is
``DOCUMENTS`` below and eval/real/README.md).  ``--root`` is where the Debian packages are
unpacked (``/`` when they are installed; or ``apt-get download PKG`` and ``dpkg-deb -x PKG.deb
DIR``); nothing goes over the network.  Needs ``pdftotext`` (poppler-utils), ``pdfminer.six``
and ``pypdf`` (eval/requirements.txt); run it with the eval venv.

The gold comes from the source, never from a hand:

1. The source is read the way LaTeX delimits text (eval/real/latex_source.py): paragraphs end at
   blank lines, ``\\par``, sectioning commands, items and list or display environments;
   sectioning titles are headings; ``\\footnote`` texts are notes; ``\\caption`` texts
   captions; verbatim, tables, formulas, pictures and the title block are ``other``.
2. The PDF is extracted with ``pdftotext -raw``; its word tokens are aligned with the source's
   (difflib, the main flow first, then notes, captions and floats against what is left).  Each
   printed line takes the block most of its aligned words come from.  A line no source word
   explains is **furniture** when it is at the top or the bottom of its page and is a page
   number or repeats there on other pages (digits aside); inside a block (between two lines of
   the same paragraph) it belongs to it; otherwise it is ``other``.
3. A line-end hyphen (a line ending in letter + hyphen before a line starting with a letter)
   has its truth from the source: the two halves joined are the source's word (``join``), or
   the source has them with the hyphen (``keep``); neither: unknown, not scored.
4. A *document* (a case) is up to ``--chunk`` consecutive pages.  Its gold paragraphs are the
   texts of its paragraph lines, block by block (a paragraph cut by a page break, a float or a
   footnote is one paragraph), hyphens resolved as above; the headings, notes, captions, other
   text and furniture lines are those of its pages.
5. Each extractor's text of those pages (``pdftotext -raw``, ``pdfminer.six`` extract_text,
   ``pypdf`` extract_text, as eval/generate.py runs them) is checked against the gold with
   eval/generate.py's ``check_extraction`` (every gold body word there in order, nothing left
   that no gold text explains), which also gives that extraction's line-end hyphens and their
   words.  An extraction that fails the check is dropped and counted (``STATS.json``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import latex_source  # noqa: E402
from generate import EXTRACTORS, LINE_END_HYPHEN, check_extraction, dump_gold  # noqa: E402
from generate import metrics as _metrics  # noqa: E402

CORPUS = "texlive-pdf"
DOC = "usr/share/doc/texlive-doc"
#: Word tokens for the alignment with the source: punctuation is left out, since the source
#: spells it in LaTeX (``--``, quotes) and the PDF in glyphs.
WORD = re.compile(r"\w+(?:[-‐'’]\w+)*")


@dataclass(frozen=True)
class Document:
    doc_id: str
    language: str
    package: str
    source: str  # under --root
    pdf: str  # under --root
    licence: str
    what: str
    short_verb: str = ""  # made inline verbatim by a package the source loads


def _d(
    doc_id: str,
    lang: str,
    pkg: str,
    folder: str,
    tex: str,
    pdf: str,
    lic: str,
    what: str,
    short_verb: str = "",
) -> Document:
    return Document(
        doc_id, lang, pkg, f"{DOC}/{folder}/{tex}", f"{DOC}/{folder}/{pdf}", lic, what, short_verb
    )


#: The documents: TeX Live's own guide in seven languages, and guides and manuals of LaTeX
#: packages, one and two columns.  Licences from the documents themselves and TeX Live's
#: catalogue data (eval/real/README.md).
DOCUMENTS = [
    # TeX Live's own guide (one column, running heads with section and page, no footnotes).
    _d(
        "texlive-en",
        "en",
        "texlive-base",
        "texlive/texlive-en",
        "texlive-en.tex.gz",
        "texlive-en.pdf",
        "public domain",
        "The TeX Live Guide 2022",
        "|",
    ),
    _d(
        "texlive-fr",
        "fr",
        "texlive-lang-french",
        "texlive/texlive-fr",
        "texlive-fr.tex.gz",
        "texlive-fr.pdf",
        "WTFPL v2",
        "Le guide de TeX Live 2022",
        "|",
    ),
    _d(
        "texlive-it",
        "it",
        "texlive-lang-italian",
        "texlive/texlive-it",
        "texlive-it.tex.gz",
        "texlive-it.pdf",
        "public domain",
        "La guida di TeX Live 2022",
        "|",
    ),
    _d(
        "texlive-pl",
        "pl",
        "texlive-lang-polish",
        "texlive/texlive-pl",
        "texlive-pl.tex.gz",
        "texlive-pl.pdf",
        "public domain",
        "TeX Live 2022 (Polish guide)",
        "|",
    ),
    _d(
        "texlive-cz",
        "cs",
        "texlive-lang-czechslovak",
        "texlive/texlive-cz",
        "texlive-cz.tex.gz",
        "texlive-cz.pdf",
        "public domain",
        "TeX Live 2022 (Czech guide)",
        "|",
    ),
    # l2tabu, "obsolete commands and packages", in five languages (footnotes, KOMA-Script).
    _d(
        "l2tabu-de",
        "de",
        "texlive-lang-german",
        "latex/l2tabu",
        "l2tabu.tex.gz",
        "l2tabu.pdf",
        "Open Publication License v1.0",
        "l2tabu: Das LaTeX2e-Sündenregister",
    ),
    _d(
        "l2tabu-en",
        "en",
        "texlive-lang-english",
        "latex/l2tabu-english",
        "l2tabuen.tex.gz",
        "l2tabuen.pdf",
        "GPL (TeX Live catalogue); GNU FDL 1.2 (the document)",
        "An essential guide to LaTeX2e usage",
    ),
    _d(
        "l2tabu-fr",
        "fr",
        "texlive-lang-french",
        "latex/l2tabu-french",
        "l2tabufr.tex.gz",
        "l2tabufr.pdf",
        "GPL (TeX Live catalogue); Open Publication License v1.0 (the document)",
        "Petit guide des usages obsolètes de LaTeX2e",
    ),
    _d(
        "l2tabu-it",
        "it",
        "texlive-lang-italian",
        "latex/l2tabu-italian",
        "l2tabuit.tex.gz",
        "l2tabuit.pdf",
        "Open Publication License v1.0",
        "L'Abbiccì di LaTeX2e",
    ),
    _d(
        "l2tabu-es",
        "es",
        "texlive-lang-spanish",
        "latex/l2tabu-spanish",
        "l2tabues.tex.gz",
        "l2tabues.pdf",
        "public domain (TeX Live catalogue); Open Publication License v1.0",
        "Las pequeñas sutilezas de LaTeX2e",
    ),
    # Guides and manuals, one column.
    _d(
        "tds",
        "en",
        "texlive-lang-english",
        "generic/tds",
        "tds.tex.gz",
        "tds.pdf",
        "other-free (verbatim copying and modified versions permitted, see the document)",
        "A Directory Structure for TeX Files (TDS 1.1)",
    ),
    _d(
        "docsurvey",
        "en",
        "texlive-lang-english",
        "latex/docsurvey",
        "docsurvey.tex.gz",
        "docsurvey.pdf",
        "LPPL 1.3",
        "A survey of LaTeX documentation",
    ),
    _d(
        "amshelp",
        "en",
        "texlive-lang-english",
        "latex/amslatex-primer",
        "amshelp.tex.gz",
        "amshelp.pdf",
        "LPPL 1.3",
        "Getting up and running with AMS-LaTeX",
    ),
    _d(
        "latex4wp",
        "en",
        "texlive-lang-english",
        "latex/latex4wp",
        "latex4wp.tex.gz",
        "latex4wp.pdf",
        "GNU FDL",
        "LaTeX for Word Processor Users",
    ),
    _d(
        "latex4wp-it",
        "it",
        "texlive-lang-italian",
        "latex/latex4wp-it",
        "latex4wp-it.tex.gz",
        "latex4wp-it.pdf",
        "GNU FDL",
        "LaTeX per l'utente di word processor",
    ),
    _d(
        "yet-another-guide",
        "en",
        "texlive-lang-english",
        "latex/yet-another-guide-latex2e",
        "Yet-Another-Guide-LaTeX2e_v1.tex.gz",
        "Yet-Another-Guide-LaTeX2e_v1.pdf",
        "GNU FDL 1.3",
        "Yet Another Guide to LaTeX2e",
    ),
    _d(
        "fontinstallationguide",
        "en",
        "texlive-lang-english",
        "fonts/fontinstallationguide",
        "fontinstallationguide.tex.gz",
        "fontinstallationguide.pdf",
        "GNU FDL 1.2",
        "Font installation guide",
    ),
    _d(
        "csquotes-de",
        "de",
        "texlive-lang-german",
        "latex/csquotes-de",
        "csquotes-DE.tex.gz",
        "csquotes-DE.pdf",
        "LPPL",
        "Das csquotes-Paket (deutsche Übersetzung)",
    ),
    _d(
        "biblatex-de",
        "de",
        "texlive-lang-german",
        "latex/translation-biblatex-de",
        "biblatex-de-Benutzerhandbuch.tex.gz",
        "biblatex-de-Benutzerhandbuch.pdf",
        "LPPL",
        "Das biblatex-Paket: Benutzerhandbuch",
    ),
    _d(
        "droit-fr",
        "fr",
        "texlive-lang-french",
        "latex/droit-fr",
        "droit-fr.tex.gz",
        "droit-fr.pdf",
        "LPPL 1.3",
        "droit-fr: thèses et mémoires de droit",
    ),
    _d(
        "apprends-latex",
        "fr",
        "texlive-lang-french",
        "latex/apprends-latex",
        "Apprends_LaTeX.tex.gz",
        "Apprends_LaTeX.pdf",
        "LPPL",
        "Apprends LaTeX !",
    ),
    _d(
        "itfancyhdr",
        "it",
        "texlive-lang-italian",
        "latex/fancyhdr-it",
        "itfancyhdr.tex.gz",
        "itfancyhdr.pdf",
        "LPPL",
        "fancyhdr (traduzione italiana)",
    ),
    # Journal and conference papers in two columns (texlive-publishers-doc).
    _d(
        "tugboat-guide",
        "en",
        "texlive-publishers-doc",
        "latex/tugboat",
        "ltubguid.ltx.gz",
        "ltubguid.pdf",
        "LPPL 1.3",
        "Typesetting articles for TUGboat (two columns)",
    ),
    _d(
        "revtex-auguide",
        "en",
        "texlive-publishers-doc",
        "latex/revtex/auguide",
        "auguide4-2.tex.gz",
        "auguide4-2.pdf",
        "LPPL 1.3c",
        "REVTeX 4.2 Author's Guide",
    ),
    _d(
        "revtex-apsguide",
        "en",
        "texlive-publishers-doc",
        "latex/revtex/aps",
        "apsguide4-2.tex.gz",
        "apsguide4-2.pdf",
        "LPPL 1.3c",
        "Author's guide to APS journals",
    ),
    _d(
        "revtex-summary",
        "en",
        "texlive-publishers-doc",
        "latex/revtex/auguide",
        "summary4-2.tex.gz",
        "summary4-2.pdf",
        "LPPL 1.3c",
        "REVTeX 4.2 command summary",
    ),
    _d(
        "revtex-apssamp",
        "en",
        "texlive-publishers-doc",
        "latex/revtex/sample/aps",
        "apssamp.tex.gz",
        "apssamp.pdf",
        "LPPL 1.3c",
        "REVTeX sample paper (APS)",
    ),
    _d(
        "acm-sigconf",
        "en",
        "texlive-publishers-doc",
        "latex/acmart/samples",
        "sample-sigconf.tex.gz",
        "sample-sigconf.pdf",
        "LPPL 1.3",
        "ACM sample paper (sigconf)",
    ),
    _d(
        "aastex-sample",
        "en",
        "texlive-publishers-doc",
        "latex/aastex",
        "sample631.tex.gz",
        "sample631.pdf",
        "LPPL 1.3",
        "AASTeX v6.3.1 sample article",
    ),
    _d(
        "quantumarticle",
        "en",
        "texlive-publishers-doc",
        "latex/quantumarticle",
        "quantumarticle.tex.gz",
        "quantumarticle.pdf",
        "LPPL 1.3c",
        "The quantumarticle document class",
    ),
    _d(
        "ieeepes",
        "en",
        "texlive-publishers-doc",
        "latex/ieeepes",
        "ieeepes_doc.tex.gz",
        "ieeepes_doc.pdf",
        "LPPL",
        "The ieeepes class (IEEE PES transactions)",
    ),
    _d(
        "nrc-userguide",
        "en",
        "texlive-publishers-doc",
        "latex/nrc",
        "userguide.tex.gz",
        "userguide.pdf",
        "LPPL",
        "NRC Research Press journals: user guide",
    ),
]


def read_source(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


#: Apostrophes and quotes the source types as ``'`` and the PDF prints as a glyph.
QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.translate(_metrics.FOLD).translate(QUOTES))]


# --- the PDF's lines and their roles -----------------------------------------------------------


@dataclass
class Line:
    page: int
    text: str
    role: str = ""  # paragraph | heading | note | caption | other | furniture | blank
    block: int = -1


def pdf_lines(text: str) -> list[Line]:
    """pdftotext's lines, each with its page (a form feed opens every page after the first)."""
    out: list[Line] = []
    page = 0
    for raw in text.split("\n"):
        while raw.startswith("\f"):
            page += 1
            raw = raw[1:]
        out.append(Line(page, raw))
    return out


Stream = tuple[list[str], list[tuple[int, ...]], dict[int, tuple[str, str]]]


def extraction_stream(lines: list[Line]) -> Stream:
    """Word tokens of the lines (line-end hyphens joined), the lines of each, the hyphens."""
    toks: list[str] = []
    where: list[tuple[int, ...]] = []
    hyphens: dict[int, tuple[str, str]] = {}  # line -> (left, right)
    carry: tuple[int, str] | None = None
    for i, ln in enumerate(lines):
        ws = WORD.findall(ln.text.translate(_metrics.FOLD).translate(QUOTES))
        if not ln.text.strip():
            continue
        if carry and ws and ln.text.lstrip()[:1].isalpha():
            li, left = carry
            hyphens[li] = (left, ws[0])
            toks.append((left + ws[0]).lower())
            where.append((li, i))
            ws = ws[1:]
        elif carry:
            toks.append(carry[1].lower())
            where.append((carry[0],))
        carry = None
        broken = bool(LINE_END_HYPHEN.search(ln.text.rstrip())) and bool(ws)
        for w in ws[:-1] if broken else ws:
            toks.append(w.lower())
            where.append((i,))
        if broken:
            carry = (i, ws[-1])
    if carry:
        toks.append(carry[1].lower())
        where.append((carry[0],))
    return toks, where, hyphens


def source_stream(pieces: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
    toks: list[str] = []
    blocks: list[int] = []
    text_of: dict[int, list[str]] = defaultdict(list)
    order: list[int] = []
    for b, t in pieces:
        if b not in text_of:
            order.append(b)
        text_of[b].append(t)
    # Pieces of one block may be interleaved with others (a display inside a paragraph): keep
    # the source order of the pieces, not of the blocks.
    for b, t in pieces:
        for w in words(t):
            toks.append(w)
            blocks.append(b)
    return toks, blocks


def align(
    s_toks: list[str], s_blocks: list[int], e_toks: list[str], e_index: list[int]
) -> dict[int, int]:
    """Block of each aligned extraction token (by index into the full stream).

    Inside a replaced stretch, a token that is one of the stretch's source words takes that
    word's block.
    """
    sub = [e_toks[k] for k in e_index]
    sm = SequenceMatcher(None, s_toks, sub, autojunk=False)
    got: dict[int, int] = {}
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            for k in range(b2 - b1):
                got[e_index[b1 + k]] = s_blocks[a1 + k]
        elif op == "replace":
            here = {s_toks[a]: a for a in range(a1, a2)}
            for k in range(b1, b2):
                tok = sub[k]
                if tok in here:
                    got[e_index[k]] = s_blocks[here[tok]]
    return got


def furniture_keys(lines: list[Line]) -> Counter[str]:
    """How many pages print each line (digits aside) among their first or last two lines."""
    keys: Counter[str] = Counter()
    for lns in _pages(lines).values():
        edge = lns[:2] + lns[-2:]
        keys.update({_key(lines[i].text) for i in edge})
    return keys


def _pages(lines: list[Line]) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        if ln.text.strip():
            pages[ln.page].append(i)
    return pages


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def page_number_lines(lines: list[Line], pages: dict[int, list[int]]) -> set[int]:
    """First or last lines of a page that begin or end with the page's printed number.

    The printed number is the PDF page index plus an offset; the offset is the one most edge
    lines agree on (on at least a third of the pages), so that a running head that names a
    section and the page ("6 NOTES ON WINDOWS 21") is found although its words change.
    """
    cands: list[tuple[int, int]] = []  # (line, offset)
    for p, lns in pages.items():
        for i in {lns[0], lns[-1]}:
            ws = lines[i].text.split()
            for w in {ws[0], ws[-1]} if ws else set():
                if w.isdigit() and len(w) < 5:
                    cands.append((i, int(w) - p))
    offsets = Counter(o for _, o in set(cands))
    if not offsets:
        return set()
    best, n = offsets.most_common(1)[0]
    if n < max(2, len(pages) / 3):
        return set()
    return {i for i, o in cands if o == best and len(lines[i].text) < 100}


PAGE_NUMBER = re.compile(r"(?:[ivxlcdm]+|\d+|page \d+(?: of \d+)?|- \d+ -|\d+ / \d+)")


@dataclass
class Layout:
    lines: list[Line]
    kinds: dict[int, str]
    #: line index of a line ending in a line-end hyphen -> True join / False keep / None unknown
    truth: dict[int, bool | None]
    mixed_lines: set[int]
    run_in: set[int]
    votes: dict[int, int]  # line -> words on it that aligned with the source
    matched: float  # share of the source's main-stream words found in the PDF


def lines_of(name: str, pages: list[str]) -> list[Line]:
    """An extractor's lines with their pages, numbered as in its text of any run of pages."""
    if name != "pypdf":
        return pdf_lines("".join(pages))
    return [Line(k, t) for k, p in enumerate(pages) for t in p.split("\n")]


def layout(src: latex_source.Source, lines: list[Line]) -> Layout:
    e_toks, e_where, e_hyph = extraction_stream(lines)
    s_toks, s_blocks = source_stream(src.main.pieces)
    got = align(s_toks, s_blocks, e_toks, list(range(len(e_toks))))
    matched = len(got) / max(1, len(s_toks))
    left = [k for k in range(len(e_toks)) if k not in got]
    a_toks, a_blocks = source_stream(src.aside.pieces)
    got2 = align(a_toks, a_blocks, e_toks, left)
    got.update(got2)
    # Hyphen truth: the joined halves aligned with a source word: join; the halves with their
    # hyphen are a source word: keep.
    source_words = set(s_toks) | set(a_toks)
    truth: dict[int, bool | None] = {}
    for k, w in enumerate(e_where):
        if len(w) != 2:
            continue
        left_, right_ = e_hyph[w[0]]
        if k in got and e_toks[k] == (left_ + right_).lower():
            truth[w[0]] = True
        elif (
            f"{left_}-{right_}".lower() in source_words
            and (left_ + right_).lower() not in source_words
        ):
            truth[w[0]] = False
        else:
            truth[w[0]] = None
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for k, b in got.items():
        for li in e_where[k]:
            votes[li][b] += 1
    keys = furniture_keys(lines)
    pages = _pages(lines)
    edge = {i for lns in pages.values() for i in lns[:2] + lns[-2:]}
    repeat = 3 if len(pages) >= 6 else 2
    numbered = page_number_lines(lines, pages)
    mixed: set[int] = set()
    run_in: set[int] = set()
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            ln.role = "blank"
            continue
        k = _key(ln.text)
        if i in numbered or (
            i in edge and (PAGE_NUMBER.fullmatch(k.replace("#", "1")) or keys[k] >= repeat)
        ):
            ln.role = "furniture"
            continue
        v = votes.get(i)
        if not v:
            continue
        (b, _), *rest = v.most_common(2)
        if rest and rest[0][1] >= 2 and rest[0][1] >= 0.25 * sum(v.values()):
            other = rest[0][0]
            kinds = {src.kinds[b], src.kinds[other]}
            heading = b if src.kinds[b] == "heading" else other
            first_here = min(k for k, w in enumerate(e_where) if i in w and got.get(k) is not None)
            if kinds == {"heading", "paragraph"} and (
                heading in src.run_in or got.get(first_here) == heading
            ):
                # A run-in title (\paragraph, or a class that sets \subsection run-in, as
                # amsart does): the title opens the paragraph's first line.
                run_in.add(b if src.kinds[b] == "heading" else other)
                b = b if src.kinds[b] == "paragraph" else other
            elif kinds & {"paragraph", "heading"}:
                # Two blocks on one printed line, one of them body or heading: the gold cannot
                # say where one ends (columns read across, a run-in title the source does not
                # mark); the pages with such a line are dropped.
                mixed.add(i)
        ln.block = b
        ln.role = src.kinds[b]
    # A line of one or two words that aligned somewhere else while the lines around it are
    # one paragraph (the raised "A" of the LaTeX logo, a lone word that difflib matched to
    # the same word elsewhere) belongs to that paragraph.
    content = [i for i, ln in enumerate(lines) if ln.role not in ("blank", "furniture")]
    for pos in range(1, len(content) - 1):
        here, prev, nxt = (lines[content[pos + d]] for d in (0, -1, 1))
        if (
            here.role
            and prev.role == "paragraph"
            and prev.block == nxt.block != here.block
            and len(WORD.findall(here.text)) <= 2
        ):
            here.role, here.block = prev.role, prev.block
    # Lines no source word explains: one alone inside a paragraph belongs to it (a formula, a
    # logo's raised letter); any other is ``other``.
    content = [i for i, ln in enumerate(lines) if ln.role not in ("blank", "furniture")]
    for pos, i in enumerate(content):
        if lines[i].role:
            continue
        prev = lines[content[pos - 1]] if pos else None
        nxt = lines[content[pos + 1]] if pos + 1 < len(content) else None
        if prev and nxt and prev.block == nxt.block and prev.role == "paragraph" and nxt.role:
            lines[i].role, lines[i].block = prev.role, prev.block
        else:
            lines[i].role = "other"
    counts = {i: sum(v.values()) for i, v in votes.items()}
    return Layout(lines, src.kinds, truth, mixed, run_in, counts, matched)


# --- cases ------------------------------------------------------------------------------------


def join_lines(lay: Layout, idx: list[int], unknown: set[str]) -> str:
    """The text of a block's lines, line-end hyphens resolved by their truth."""
    text = ""
    for n, i in enumerate(idx):
        t = " ".join(lay.lines[i].text.split())
        if n == 0:
            text = t
            continue
        prev = idx[n - 1]
        ends = LINE_END_HYPHEN.search(text)
        if ends and t[:1].isalpha():
            truth = lay.truth.get(prev)
            m = WORD.findall(text)
            right = WORD.match(t)
            join = truth if truth is not None else t[:1].islower()
            if truth is None and m and right:
                unknown.add((m[-1] + right.group(0)) if join else f"{m[-1]}-{right.group(0)}")
            text = (text[:-1] if join else text) + t
        else:
            text += " " + t
    return text


def gold_of(lay: Layout, first: int, last: int) -> tuple[dict[str, object], set[str]]:
    """Gold of the pages first..last-1."""
    blocks: dict[int, list[int]] = {}
    furniture: list[str] = []
    for i, ln in enumerate(lay.lines):
        if not first <= ln.page < last or ln.role == "blank":
            continue
        if ln.role == "furniture":
            furniture.append(" ".join(ln.text.split()))
            continue
        key = ln.block if ln.block >= 0 else -1 - i  # unexplained lines: one block each
        blocks.setdefault(key, []).append(i)
    unknown: set[str] = set()
    out: dict[str, list] = {k: [] for k in ("paragraphs", "headings", "captions", "notes", "other")}
    for key, idx in blocks.items():
        role = lay.lines[idx[0]].role
        text = join_lines(lay, idx, unknown)
        if role == "paragraph":
            out["paragraphs"].append(text)
        elif role == "heading" and key not in lay.run_in:
            out["headings"].append({"text": text, "kind": "heading"})
        elif role == "caption":
            out["captions"].append(text)
        elif role == "note":
            out["notes"].append(text)
        else:
            out["other"].append(text)
    return {**out, "furniture": furniture}, unknown


def page_texts(name: str, pdf: Path, max_pages: int) -> list[str]:
    """One extractor's text of each of the first pages, as that extractor prints a page
    (the calls of eval/generate.py, limited to the first ``max_pages`` pages)."""
    if name == "pypdf":
        from pypdf import PdfReader

        return [p.extract_text() for p in PdfReader(str(pdf)).pages[:max_pages]]
    if name == "pdfminer":
        from pdfminer.high_level import extract_text

        text = str(extract_text(str(pdf), page_numbers=range(max_pages)))
    else:
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-l", str(max_pages), str(pdf), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    pages = text.split("\f")
    # pdftotext and pdfminer end every page with a form feed: the last piece is empty.
    return [p + "\f" for p in pages[:-1]]


def chunk_text(name: str, pages: list[str]) -> str:
    return "\n".join(pages) if name == "pypdf" else "".join(pages)


def package_version(root: Path, package: str) -> str:
    status = root / "var/lib/dpkg/status"
    if status.exists():
        for para in status.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if f"Package: {package}\n" in para + "\n":
                m = re.search(r"^Version: (.+)$", para, re.M)
                if m:
                    return m.group(1)
    return "unknown"


#: A case is kept when at least this share of the words on its paragraph lines aligned with
#: the source: below it the extractor lost or garbled the text (pypdf gluing words together,
#: text in the wrong order) and the line roles are guesses.  The share pdftotext reaches on
#: clean pages of these documents is 0.93-0.99 (what the source's own macros print, such as
#: "TeX Live" for \TL, is missing from the source's words).
MIN_ALIGNED = 0.85


#: A gold paragraph longer than this is a source construct read wrong (a table or a verbatim
#: argument taken for prose): the longest paragraphs of running prose in these documents are
#: about 2,200 characters (csquotes-de, measured when the reader was right).
LONGEST = 4000


def aligned_share(lay: Layout, first: int, last: int) -> float:
    total = found = 0
    for i, ln in enumerate(lay.lines):
        if first <= ln.page < last and ln.role == "paragraph":
            n = len(WORD.findall(ln.text))
            total += n
            found += min(n, lay.votes.get(i, 0))
    return found / total if total else 0.0


def build_document(
    doc: Document,
    root: Path,
    out: Path,
    chunk: int,
    max_pages: int,
    stats: Counter[str],
    extractors: list[str],
) -> None:
    src = latex_source.parse(read_source(root / doc.source), doc.short_verb)
    pdf = root / doc.pdf
    version = package_version(root, doc.package)
    stats["documents"] += 1
    for name in extractors:
        try:
            pages = page_texts(name, pdf, max_pages)
        except Exception as exc:  # an extractor that fails on a PDF is a drop, counted
            stats[f"dropped {name}: extractor failed ({type(exc).__name__})"] += 1
            continue
        lay = layout(src, lines_of(name, pages))
        n_pages = len(pages)
        stats[f"pdf pages {name}"] += n_pages
        print(
            f"{doc.doc_id} {name}: {n_pages} pages, {lay.matched:.0%} of the source's words "
            f"found, {len(lay.mixed_lines)} mixed lines",
            file=sys.stderr,
        )
        for start in range(0, n_pages, chunk):
            end = min(n_pages, start + chunk)
            gold, unknown = gold_of(lay, start, end)
            if not gold["paragraphs"]:
                stats[f"no paragraphs {name}"] += 1
                continue
            share = aligned_share(lay, start, end)
            if share < MIN_ALIGNED:
                stats[f"dropped {name}: less than {MIN_ALIGNED:.0%} of the words aligned"] += 1
                continue
            if max(len(p) for p in gold["paragraphs"]) > LONGEST:
                stats[f"dropped {name}: a paragraph longer than {LONGEST} characters"] += 1
                continue
            if any(lay.lines[i].page in range(start, end) for i in lay.mixed_lines):
                stats[f"dropped {name}: a line mixes two blocks"] += 1
                continue
            non_body = (
                [h["text"] for h in gold["headings"]]
                + gold["captions"]
                + gold["notes"]
                + gold["other"]
            )
            text = chunk_text(name, pages[start:end])
            # check_extraction sets aside every line made of furniture pieces; a piece of one
            # or two letters (the raised "A" of a logo in a running head) would also take body
            # lines, so such pieces count as text that may be there instead.
            pieces = {f for f in gold["furniture"] if len(f) > 2}
            short = [f for f in gold["furniture"] if len(f) <= 2]
            hyphens, why = check_extraction(text, gold["paragraphs"], non_body + short, pieces)
            if hyphens is None:
                stats[f"dropped {name}: {why.split(' (')[0].split(':')[0]}"] += 1
                continue
            scored = [h for h in hyphens if h["word"] not in unknown]
            stats[f"kept {name}"] += 1
            stats[f"pages {name}"] += end - start
            stats[f"hyphens {name}"] += len(scored)
            stats[f"hyphens {name} join"] += sum(1 for h in scored if h["join"])
            stats[f"hyphens {name} unknown"] += len(hyphens) - len(scored)
            stats[f"language {doc.language} {name}"] += 1
            doc_id = f"{doc.doc_id}-p{start + 1:03d}-{name}"
            case = out / CORPUS / doc.language / doc_id
            case.mkdir(parents=True, exist_ok=True)
            with open(case / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            record = {
                "id": doc_id,
                "corpus": CORPUS,
                "language": doc.language,
                "typesetter": "real-pdf",
                "pages": end - start,
                "source": {
                    "name": doc.what,
                    "package": doc.package,
                    "version": version,
                    "file": "/" + doc.source,
                    "pdf": "/" + doc.pdf,
                    "pdf_pages": f"{start + 1}-{end}",
                    "licence": doc.licence,
                    "aligned": round(share, 3),
                },
                **gold,
                "extractions": {name: {"file": f"{name}.txt", "hyphens": scored}},
            }
            (case / "gold.json").write_text(dump_gold(record), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--root",
        type=Path,
        action="append",
        help="where the Debian packages are unpacked (repeatable; default /)",
    )
    ap.add_argument("--max-pages", type=int, default=30, help="first pages of each document")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--chunk", type=int, default=5, help="consecutive pages per case")
    ap.add_argument("--only", help="comma-separated document ids")
    ap.add_argument("--extractors", default=",".join(EXTRACTORS), help="comma-separated")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    extractors = args.extractors.split(",")
    stats: Counter[str] = Counter()
    for doc in DOCUMENTS:
        if only and doc.doc_id not in only:
            continue
        roots = args.root or [Path("/")]
        found = (r for r in roots if (r / doc.source).exists() and (r / doc.pdf).exists())
        root = next(found, None)
        if root is None:
            stats["documents not found"] += 1
            print(f"{doc.doc_id}: not found under {', '.join(map(str, roots))}", file=sys.stderr)
            continue
        build_document(doc, root, args.out, args.chunk, args.max_pages, stats, extractors)
    summary = dict(sorted(stats.items()))
    (args.out / CORPUS).mkdir(parents=True, exist_ok=True)
    (args.out / CORPUS / "STATS.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
