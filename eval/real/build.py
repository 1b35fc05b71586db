"""Build the real-page cases in eval/real/ from fetched OCR ground-truth snapshots.

    python eval/real/build.py --ocrd GITDIR --bhl GITDIR [--out eval/real]

GITDIR is the git directory of a snapshot (bare or ``.git``); files are read from its HEAD with
``git show``, so nothing else is needed and nothing goes over the network.  The format of the
cases, the sources and their licences are in eval/real/README.md.

For every page the PAGE-XML gives text regions with a type and (mostly) a reading order.  The
*raw* inputs are the region lines as OCR text exports print them; the *gold* is the regions:

- ``paragraph`` regions are body paragraphs; a paragraph region that continues the previous one
  (it starts with a lower-case letter, or the previous one ends on a line-end hyphen) is the same
  paragraph cut by a column or page break, and is merged with it;
- ``heading`` regions are headings; ``header``, ``footer``, ``page-number``, ``catch-word`` and
  ``signature-mark`` regions are furniture; ``caption`` regions are captions; footnotes and
  marginalia are notes; a ``drop-capital`` is the first letter of the paragraph after it;
  everything else is ``other``.  Only paragraphs are body text.

Line-end hyphens are resolved from the source itself: the word is looked up, split nowhere, in
all the text of the same source (every page of every book in it).  ``left+right`` found and
``left-right`` not: a line-break hyphen (``join``); the other way round: a real hyphen
(``keep``).  Neither or both: the truth is unknown; the gold text then joins (lower-case right
half) or keeps (capital right half), and the hyphen is not scored (``unknown`` in STATS.json).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: What each PAGE region type is in the gold.
ROLE = {
    "paragraph": "paragraph",
    "heading": "heading",
    "header": "furniture",
    "footer": "furniture",
    "page-number": "furniture",
    "catch-word": "furniture",
    "signature-mark": "furniture",
    "caption": "caption",
    "footnote": "note",
    "footnote-continued": "note",
    "endnote": "note",
    "marginalia": "note",
    "drop-capital": "dropcap",
}

#: Line-end hyphen marks in the sources: hyphen-minus, hyphen, non-breaking hyphen, the
#: Fraktur double hyphen, the not sign ABBYY prints, and the equals sign some engines print.
MARKS = "-‐‑⸗¬="
LINE_END_HYPHEN = re.compile(rf"(\w+)[{MARKS}]$")
LINE_START_WORD = re.compile(r"^(\w+)")
#: reflow.metrics.TOKEN, so that gold words are the tokens the metrics count.
TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*")
VOCAB_TOKEN = re.compile(rf"\w+(?:[{MARKS}]\w+)*")


def git_files(gitdir: Path) -> list[str]:
    out = subprocess.run(
        ["git", "--git-dir", str(gitdir), "ls-tree", "-r", "-z", "--name-only", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split("\0")  # -z: names with spaces or accents unquoted


def git_show(gitdir: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout


def git_head(gitdir: Path) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def unicode_of(el: ET.Element) -> str | None:
    """The text of the first direct TextEquiv child (lowest index), or None."""
    best: tuple[int, str] | None = None
    for c in el:
        if local(c.tag) != "TextEquiv":
            continue
        u = child(c, "Unicode")
        idx = int(c.get("index", "0") or 0)
        if u is not None and (best is None or idx < best[0]):
            best = (idx, u.text or "")
    return None if best is None else best[1]


def xs_of(el: ET.Element) -> list[int]:
    coords = child(el, "Coords")
    if coords is None:
        return []
    xs = [int(p.split(",")[0]) for p in (coords.get("points") or "").split() if "," in p]
    return xs + [int(p.get("x", "0")) for p in coords if local(p.tag) == "Point"]


#: A line is indented when its left edge is this share of the region's line width right of
#: the region's usual left edge (the median); 3 % is about two letters on a book page.
INDENT = 0.03


def paragraph_starts(spans: list[tuple[int, int]], lines: list[str]) -> frozenset[int]:
    """Lines that open a printed paragraph inside one region, from the lines' own geometry.

    A line opens a paragraph when it is indented and the line before it ends short (its right
    edge left of the usual one by the same margin) or with a sentence end.
    """
    if len(spans) < 3 or len(spans) != len(lines):
        return frozenset()
    lefts = sorted(a for a, _ in spans)
    rights = sorted(b for _, b in spans)
    left, right = lefts[len(lefts) // 2], rights[len(rights) // 2]
    margin = INDENT * max(1, right - left)
    out = set()
    for i in range(1, len(spans)):
        indented = spans[i][0] > left + margin
        short = spans[i - 1][1] < right - margin
        if indented and (short or lines[i - 1].rstrip()[-1:] in ".!?:"):
            out.add(i)
    return frozenset(out)


def top_of(el: ET.Element) -> int:
    coords = child(el, "Coords")
    if coords is None:
        return 0
    ys = [int(p.split(",")[1]) for p in (coords.get("points") or "").split() if "," in p]
    ys += [int(p.get("y", "0")) for p in coords if local(p.tag) == "Point"]
    return min(ys) if ys else 0


@dataclass
class Region:
    rid: str
    kind: str  # the PAGE type
    top: int
    lines: list[str]
    language: str = ""
    #: Lines (index > 0) that open a new printed paragraph inside the region (from geometry).
    starts: frozenset[int] = frozenset()
    #: ALTO only (PAGE boxes are read where needed): the region's box and each line's box,
    #: (left, top, right, bottom).
    box: tuple[int, int, int, int] | None = None
    line_boxes: list[tuple[int, int, int, int] | None] = field(default_factory=list)

    @property
    def role(self) -> str:
        return ROLE.get(self.kind, "other")


def reading_order(page: ET.Element) -> list[str]:
    ro = child(page, "ReadingOrder")
    out: list[str] = []

    def walk(group: ET.Element) -> None:
        kids = [c for c in group if local(c.tag) != "Labels"]
        if any(c.get("index") is not None for c in kids):
            kids.sort(key=lambda c: int(c.get("index", "0")))
        for c in kids:
            if c.get("regionRef"):
                out.append(c.get("regionRef", ""))
            walk(c)

    if ro is not None:
        walk(ro)
    return out


def page_regions(xml: bytes, custom_first: bool = False) -> list[Region]:
    """The text regions of one PAGE-XML page, in reading order.

    Regions the reading order leaves out (page numbers and running heads often are) go where
    their top edge puts them among the ordered ones.  ``custom_first``: the Transkribus
    ``structure {type:...}`` tag wins over the ``type`` attribute (Transkribus exports keep an
    older ``type`` on regions later re-tagged, e.g. table cells still typed ``header``).
    """
    root = ET.fromstring(xml)
    page = next(e for e in root.iter() if local(e.tag) == "Page")
    regions: dict[str, Region] = {}
    for el in page.iter():
        if local(el.tag) != "TextRegion":
            continue
        if any(local(c.tag) == "TextRegion" for c in el):
            continue
        m = re.search(r"structure \{type:([\w-]+);", el.get("custom", ""))
        kind = (m.group(1) if m and custom_first else "") or el.get("type") or ""
        if not kind:
            kind = m.group(1) if m else "other"
        lines = []
        spans: list[tuple[int, int]] = []
        text_lines = [c for c in el if local(c.tag) == "TextLine"]
        if text_lines:
            for tl in text_lines:
                t = unicode_of(tl)
                if t is not None and t.strip():
                    lines.append(t)
                    xs = xs_of(tl)
                    spans.append((min(xs), max(xs)) if xs else (0, 0))
        else:
            t = unicode_of(el)
            if t is not None:
                lines = t.split("\n")
        lines = [" ".join(ln.split()) for ln in lines]
        if not spans:
            lines = [ln for ln in lines if ln]
        starts = paragraph_starts(spans, lines) if kind == "paragraph" else frozenset()
        if lines:
            regions[el.get("id", "")] = Region(
                el.get("id", ""), kind, top_of(el), lines, el.get("primaryLanguage", ""), starts
            )
    ordered = [regions[r] for r in dict.fromkeys(reading_order(page)) if r in regions]
    seen = {r.rid for r in ordered}
    for r in sorted((r for r in regions.values() if r.rid not in seen), key=lambda r: r.top):
        at = next((i for i, o in enumerate(ordered) if o.top > r.top), len(ordered))
        ordered.insert(at, r)
    return ordered


#: SegmOnto block types (eScriptorium's ALTO ``TAGREFS``) as PAGE region types.
SEGMONTO = {
    "MainZone": "paragraph",
    "NumberingZone": "page-number",
    "RunningTitleZone": "header",
    "QuireMarksZone": "signature-mark",
    "MarginTextZone": "marginalia",
    "DropCapitalZone": "drop-capital",
}


def _int(el: ET.Element, name: str) -> int:
    return int(float(el.get(name, "0") or 0))


def _alto_box(el: ET.Element) -> tuple[int, int, int, int]:
    x, y = _int(el, "HPOS"), _int(el, "VPOS")
    return x, y, x + _int(el, "WIDTH"), y + _int(el, "HEIGHT")


def alto_regions(xml: bytes, custom_first: bool = False) -> list[Region]:
    """The text blocks of one ALTO page (eScriptorium's, SegmOnto-tagged) as regions.

    ALTO has no reading order: blocks go by their top edge, lines by theirs.  Block
    types the table above does not name (stamps, graphics, title-page zones) are ``other``.
    """
    root = ET.fromstring(xml)
    tags = {t.get("ID", ""): t.get("LABEL", "") for t in root.iter() if local(t.tag) == "OtherTag"}
    regions = []
    for el in root.iter():
        if local(el.tag) != "TextBlock":
            continue
        label = next((tags[t] for t in (el.get("TAGREFS") or "").split() if t in tags), "").split(
            ":"
        )[0]
        kind = SEGMONTO.get(label, label or "other")
        lines: list[str] = []
        spans: list[tuple[int, int]] = []
        boxes: list[tuple[int, int, int, int] | None] = []
        for tl in (c for c in el.iter() if local(c.tag) == "TextLine"):
            text = " ".join(s.get("CONTENT", "") for s in tl if local(s.tag) == "String")
            text = " ".join(text.split())
            if text:
                box = _alto_box(tl)
                lines.append(text)
                spans.append((box[0], box[2]))
                boxes.append(box)
        # Lines top to bottom: eScriptorium's own line order is not always the printed one
        # (a speaker's name listed after the line it heads).
        order = sorted(range(len(lines)), key=lambda i: boxes[i][1] + boxes[i][3])  # type: ignore[index]
        lines = [lines[i] for i in order]
        spans = [spans[i] for i in order]
        boxes = [boxes[i] for i in order]
        if lines:
            starts = paragraph_starts(spans, lines) if kind == "paragraph" else frozenset()
            box = _alto_box(el)
            regions.append(Region(el.get("ID", ""), kind, box[1], lines, "", starts, box, boxes))
    regions.sort(key=lambda r: r.top)
    return regions


# --- the source's own vocabulary, for the truth of line-end hyphens --------------------------


def vocabulary(pages: list[list[Region]]) -> Counter[str]:
    """Words of every line, lower-cased, hyphen marks as ``-``; pieces of words broken at a line
    end (the last word of a line ending in a hyphen and the first word after it) left out."""
    vocab: Counter[str] = Counter()
    for regions in pages:
        for r in regions:
            prev_broken = False
            for ln in r.lines:
                words = VOCAB_TOKEN.findall(ln)
                broken = bool(LINE_END_HYPHEN.search(ln))
                lo = 1 if prev_broken else 0
                hi = len(words) - 1 if broken else len(words)
                for w in words[lo:hi]:
                    vocab[re.sub(f"[{MARKS}]", "-", w).lower()] += 1
                prev_broken = broken
    return vocab


def hyphen_truth(left: str, right: str, vocab: Counter[str]) -> bool | None:
    joined, kept = vocab[(left + right).lower()], vocab[f"{left}-{right}".lower()]
    if joined and not kept:
        return True
    if kept and not joined:
        return False
    return None


# --- one document: consecutive pages of one book ---------------------------------------------


@dataclass
class Doc:
    doc_id: str
    language: str
    pages: list[tuple[str, list[Region]]]  # (page file, regions)
    gold: dict[str, object] = field(default_factory=dict)
    raws: dict[str, str] = field(default_factory=dict)
    hyphens: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    unknown: int = 0


def page_number(path: str) -> int:
    """The page's number from its file name: a leading number (``22_c266f_default.xml``, as
    eScriptorium names pages), else the last one (``..._0006.xml``)."""
    m = re.match(r"(\d+)_", path.rsplit("/", 1)[-1]) or re.search(r"(\d+)\D*$", path)
    return int(m.group(1)) if m else -1


def render(doc: Doc, style: str) -> tuple[str, list[list[int]]]:
    """The raw text in one export style, and per page per region the file line of each line.

    ``blank-lines``: one blank line between regions, a form feed between pages (as Tesseract's
    text output and ABBYY's plain-text export print them).  ``flat``: one line per printed line,
    nothing else (no blank lines, no form feeds).
    """
    out: list[str] = []
    where: list[list[int]] = []
    for p, (_, regions) in enumerate(doc.pages):
        for i, r in enumerate(regions):
            if i and style == "blank-lines":
                out.append("")
            where.append(list(range(len(out), len(out) + len(r.lines))))
            lines = list(r.lines)
            if p and not i and style == "blank-lines":
                lines[0] = "\f" + lines[0]  # the form feed opens the next page's first line
            out.extend(lines)
    return "\n".join(out) + "\n", where


def build_gold(doc: Doc, vocab: Counter[str]) -> None:
    """Gold paragraphs, headings, furniture..., and the line-end hyphens of every style."""
    styles = ("blank-lines", "flat")
    line_of = {s: render(doc, s)[1] for s in styles}
    for s in styles:
        doc.raws[s] = render(doc, s)[0]
        doc.hyphens[s] = []
    # Paragraph pieces: (lines, [(style -> file line) per line]).
    paragraphs: list[list[tuple[str, dict[str, int]]]] = []
    headings: list[str] = []
    furniture: list[str] = []
    captions: list[str] = []
    notes: list[str] = []
    other: list[str] = []
    k = 0  # region counter across pages, indexes line_of
    last_page_no: int | None = None
    can_continue = False  # the last body paragraph may continue in the next paragraph region
    dropcap = ""
    for path, regions in doc.pages:
        no = page_number(path)
        if last_page_no is not None and no != last_page_no + 1:
            can_continue = False  # pages not consecutive: nothing continues across them
        last_page_no = no
        for r in regions:
            lines = [(ln, {s: line_of[s][k][j] for s in styles}) for j, ln in enumerate(r.lines)]
            k += 1
            if r.role == "paragraph":
                if dropcap:
                    lines[0] = (dropcap + lines[0][0], lines[0][1])
                    dropcap = ""
                first = lines[0][0]
                prev_hyphen = bool(paragraphs) and bool(
                    LINE_END_HYPHEN.search(paragraphs[-1][-1][0])
                )
                if can_continue and (first[:1].islower() or prev_hyphen):
                    paragraphs[-1].extend(lines[:1])
                else:
                    paragraphs.append(lines[:1])
                for j in range(1, len(lines)):
                    if j in r.starts:
                        paragraphs.append([lines[j]])
                    else:
                        paragraphs[-1].append(lines[j])
                can_continue = True
                continue
            text = join_plain(r.lines)
            if r.role == "dropcap":
                dropcap = "".join(r.lines)
                continue
            if dropcap:  # a drop capital not followed by a paragraph is a region of its own
                other.append(dropcap)
                dropcap = ""
            if r.role == "heading":
                headings.append(text)
                can_continue = False
            elif r.role == "furniture":
                furniture.extend(r.lines)
            elif r.role == "caption":
                captions.append(text)
            elif r.role == "note":
                notes.append(text)
            else:
                other.append(text)
    if dropcap:
        other.append(dropcap)
    texts = []
    for para in paragraphs:
        texts.append(resolve(doc, para, vocab))
    doc.gold = {
        "paragraphs": texts,
        "headings": [{"text": h, "kind": "heading"} for h in headings],
        "furniture": furniture,
        "captions": captions,
        "notes": notes,
        "other": other,
    }


def join_plain(lines: list[str]) -> str:
    return " ".join(lines)


def resolve(doc: Doc, para: list[tuple[str, dict[str, int]]], vocab: Counter[str]) -> str:
    """A paragraph's text with its line-end hyphens resolved; records the scored ones."""
    text = ""
    junctions: list[tuple[int, str, str, bool, dict[str, int]]] = []
    for i, (ln, _where) in enumerate(para):
        if i == 0:
            text = ln
            continue
        prev = para[i - 1][0]
        m, n = LINE_END_HYPHEN.search(prev), LINE_START_WORD.match(ln)
        if m and n and m.group(1)[-1:].isalpha() and n.group(1)[:1].isalpha():
            left, right = m.group(1), n.group(1)
            truth = hyphen_truth(left, right, vocab)
            join = truth if truth is not None else right[:1].islower()
            text = text[:-1] + ("" if join else "-")
            at = len(text)
            text += ln
            if truth is None:
                doc.unknown += 1
            else:
                junctions.append((at, left, right, truth, para[i - 1][1]))
        else:
            text += " " + ln
    for at, left, right, join, where in junctions:
        word = next(
            (t.group(0) for t in TOKEN.finditer(text) if t.start() < at <= t.end()), left + right
        )
        for style, line in where.items():
            doc.hyphens[style].append(
                {"line": line, "left": left, "right": right, "word": word, "join": join}
            )
    return text


# --- the sources ------------------------------------------------------------------------------

LANG = {"german": "de", "latin": "la", "english": "en", "french": "fr", "russian": "ru"}
STOP = {
    "en": {"the", "and", "of", "to", "is", "in", "with", "which", "that", "by"},
    "fr": {"le", "la", "les", "des", "et", "est", "dans", "du", "une", "qui"},
    "de": {"der", "die", "das", "und", "ist", "mit", "von", "den", "ein", "nicht"},
    "la": {"et", "in", "est", "ad", "cum", "quae", "non", "ut", "sunt", "vel"},
}


def vote(regions: list[Region]) -> str:
    words = Counter(
        w.lower() for r in regions if r.role == "paragraph" for ln in r.lines for w in ln.split()
    )
    score = {lang: sum(words[w] for w in ws) for lang, ws in STOP.items()}
    best = max(score, key=lambda k: score[k])
    return best if score[best] >= 3 else "und"


@dataclass(frozen=True)
class Source:
    name: str  # suite prefix
    licence: str
    url: str
    #: book folder -> language ("" = vote per page)
    books: dict[str, str]


def load_source(gitdir: Path, folder_of: re.Pattern[str]) -> dict[str, list[str]]:
    books: dict[str, list[str]] = defaultdict(list)
    for f in git_files(gitdir):
        m = folder_of.match(f)
        if m and f.endswith(".xml") and not f.endswith("mets.xml"):
            books[m.group(1)].append(f)
    return {b: sorted(fs, key=page_number) for b, fs in sorted(books.items())}


def write_case(
    dest: Path,
    corpus: str,
    lang: str,
    doc: Any,
    source: dict[str, object],
    pages: int,
    stats: Counter[str],
) -> None:
    """Write one case (each export style's text and gold.json) under ``dest/lang/id`` and count
    it; shared by the GT sources here and the engine sources of engine.py."""
    d = dest / lang / doc.doc_id
    d.mkdir(parents=True, exist_ok=True)
    for style, text in doc.raws.items():
        (d / f"{style}.txt").write_text(text, encoding="utf-8")
    gold = {
        "id": doc.doc_id,
        "corpus": corpus,
        "language": lang,
        "typesetter": "real",
        "pages": pages,
        "source": source,
        **doc.gold,
        "extractions": {
            style: {"file": f"{style}.txt", "hyphens": doc.hyphens[style]} for style in doc.raws
        },
    }
    (d / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    stats["documents"] += 1
    stats["pages"] += pages
    stats["hyphens_scored"] += len(doc.hyphens["flat"])
    stats["hyphens_join"] += sum(1 for h in doc.hyphens["flat"] if h["join"])
    stats[f"language_{lang}"] += 1


def build_source(
    name: str,
    gitdir: Path,
    folder_of: re.Pattern[str],
    out: Path,
    meta: dict[str, str],
    chunk: int,
    max_pages: int,
    languages: dict[str, str],
    skip: set[str],
    custom_first: bool = False,
    parse: Callable[[bytes, bool], list[Region]] = page_regions,
) -> dict[str, object]:
    commit = git_head(gitdir)
    books = load_source(gitdir, folder_of)
    pages: dict[str, list[Region]] = {}
    for book, files in books.items():
        if book in skip:
            continue
        for f in files[:max_pages]:
            pages[f] = parse(git_show(gitdir, f), custom_first)
    vocab = vocabulary(list(pages.values()))
    stats: Counter[str] = Counter()
    dest = out / name
    for book, files in books.items():
        if book in skip:
            continue
        files = [f for f in files[:max_pages] if any(r.role == "paragraph" for r in pages[f])]
        for start in range(0, len(files), chunk):
            part = files[start : start + chunk]
            regions = [pages[f] for f in part]
            flat = [r for page in regions for r in page]
            lang = languages.get(book) or region_language(regions) or vote(flat)
            doc_id = f"{book}-{start // chunk + 1:03d}"
            doc = Doc(doc_id, lang, list(zip(part, regions, strict=True)))
            build_gold(doc, vocab)
            if not doc.gold["paragraphs"]:
                continue
            write_case(
                dest, name, lang, doc, {**meta, "commit": commit, "files": part}, len(part), stats
            )
            stats["hyphens_unknown"] += doc.unknown
    summary = {"source": meta, "commit": commit, **dict(sorted(stats.items()))}
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "STATS.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


def region_language(pages: list[list[Region]]) -> str:
    langs = Counter(
        LANG.get(r.language.lower(), "")
        for regions in pages
        for r in regions
        if r.role == "paragraph"
        for _ in r.lines
    )
    langs.pop("", None)
    return langs.most_common(1)[0][0] if langs else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ocrd", type=Path, help="git dir of OCR-D/gt_structure_text")
    ap.add_argument("--bhl", type=Path, help="git dir of impactcentre/groundtruth-bhl")
    ap.add_argument("--hkb", type=Path, help="git dir of UB-Mannheim/hkb-gt")
    ap.add_argument("--tapus", type=Path, help="git dir of HTR-United/tapuscorpus")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--chunk", type=int, default=4, help="consecutive pages per document")
    ap.add_argument("--max-pages", type=int, default=1000, help="pages per book at most")
    args = ap.parse_args(argv)
    # Each source: its snapshot argument, id, book pattern in the tree, provenance, and what
    # build_source needs beyond the defaults.
    sources = [
        (
            args.ocrd,
            "ocrd-structure",
            r"data/([^/]+)/GT-PAGE/",
            (
                "OCR-D gt_structure_text",
                "https://github.com/OCR-D/gt_structure_text",
                "CC BY-SA 4.0",
            ),
            {},
        ),
        (
            args.bhl,
            "impact-bhl",
            r"([^/]+)_XML/",
            (
                "IMPACT ground truth, Biodiversity Heritage Library",
                "https://github.com/impactcentre/groundtruth-bhl",
                "CC BY 3.0",
            ),
            {
                "languages": {
                    "birdsofgreatbrit02butl": "en",
                    "histoirenaturell10cuvi": "fr",
                    "daschitinskelett00prel": "de",
                },
                # Russian (pre-reform orthography): reflow has no Russian lexicon or patterns.
                "skip": {"trudyrusskagoent161881russ"},
            },
        ),
        (
            args.hkb,
            "hkb-newspaper",
            r"data/GT-PAGE/([^/]+)/",
            (
                "Hakenkreuzbanner ground truth, UB Mannheim (hkb-gt)",
                "https://github.com/UB-Mannheim/hkb-gt",
                "CC BY-SA 4.0",
            ),
            {"custom_first": True},
        ),
        (
            args.tapus,
            "tapuscorpus",
            r"data/([^/]+)/",
            (
                "TAPUSCORPUS, typewritten French ground truth (HTR-United, Alix Chagué)",
                "https://github.com/HTR-United/tapuscorpus",
                "CC BY 4.0",
            ),
            {"parse": alto_regions},
        ),
    ]
    for git_dir, source_id, pattern, (name, url, licence), extra in sources:
        if not git_dir:
            continue
        languages = extra.pop("languages", {})
        skip = extra.pop("skip", set())
        s = build_source(
            source_id,
            git_dir,
            re.compile(pattern),
            args.out,
            {"name": name, "url": url, "licence": licence},
            args.chunk,
            args.max_pages,
            languages,
            skip,
            **extra,
        )
        print(json.dumps(s, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
