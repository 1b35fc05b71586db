"""Real OCR engine output aligned to human ground truth: the ``ocrd-tesseract`` cases.

    python eval/real/engine.py ocr   --ocrd GITDIR     # run Tesseract (needs tesseract-ocr,
                                                       # tesseract-ocr-deu, -script-frak)
    python eval/real/engine.py build --ocrd GITDIR     # build the cases from the committed output

GITDIR is the git directory of a snapshot of OCR-D/gt_structure_text (see eval/real/README.md).
``ocr`` reads every page image the snapshot holds beside a PAGE-XML file and writes Tesseract's
own outputs to ``eval/real/engine/tesseract/<page>.txt`` (the text as Tesseract prints it) and
``.tsv`` (the same recognition with the box of every word and line).  Those outputs are
committed, so ``build`` and the tests need no Tesseract.

``build`` aligns each engine line to the GT: the line goes to the GT text region that holds
most of its box, and inside the region to the GT line it overlaps most (by its box when the GT
has line coordinates, else by the order of the words: a token alignment of the region's GT text
with the engine's).  The GT region then gives the line its role (paragraph, heading, running
head...) and its paragraph (the same paragraph rules as build.py); the GT line gives the truth
of a line-end hyphen the engine printed: the GT line ends in a hyphen too and the source's own
vocabulary says join or keep (build.py's ``hyphen_truth``).  The gold text is made of the
engine's own words, so a system is charged only for what it does with them, not for the
engine's misreadings.  A page whose engine lines cannot be aligned (too few engine words found
in the GT of the region they were put in) is left out and counted in STATS.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build  # noqa: E402

ENGINE_DIR = HERE / "engine" / "tesseract"
#: One configuration for every page, chosen without looking at the GT: Tesseract's German
#: model and its Fraktur script model together (the pages are German, in Fraktur, Schwabacher
#: and Antiqua; Tesseract picks the better reading word by word).
LANGS = "deu+Fraktur"
TAPUS_DIR = HERE / "engine" / "tesseract-tapus"
#: The typewritten pages of tapuscorpus: French (Tesseract's French model, nothing else).
TAPUS_LANGS = "fra"


def page_images(gitdir: Path) -> list[tuple[str, str]]:
    """(PAGE file, image file) for every GT page with a paragraph region whose image is in the
    snapshot (a page without one gives no case: build.py leaves it out too).

    The image is the one the PAGE file names; when that one is missing (snapshots lack files of
    4 MiB and more), the binarised ``_B.tif`` beside it, which has the same size in pixels.
    """
    files = set(build.git_files(gitdir))
    out = []
    for f in sorted(files):
        m = re.match(r"(data/[^/]+/GT-PAGE/)([^/]+)\.xml$", f)
        if not m:
            continue
        xml = build.git_show(gitdir, f)
        if not any(r.role == "paragraph" for r in build.page_regions(xml)):
            continue
        named = re.search(rb'imageFilename="([^"]+)"', xml)
        cands = []
        if named:
            cands.append(m.group(1) + named.group(1).decode().rsplit("/", 1)[-1])
        cands.append(f"{m.group(1)}{m.group(2)}_B.tif")
        present = [c for c in cands if c in files and _blob_present(gitdir, c)]
        if present:
            out.append((f, present[0]))
    return out


def alto_images(gitdir: Path) -> list[tuple[str, str]]:
    """(ALTO file, image file) for every ALTO page of a snapshot whose image is in it (the
    image named by ``sourceImageInformation/fileName``, beside the ALTO file)."""
    files = set(build.git_files(gitdir))
    out = []
    for f in sorted(files):
        if not f.endswith(".xml"):
            continue
        xml = build.git_show(gitdir, f)
        named = re.search(rb"<fileName>([^<]+)</fileName>", xml)
        if b"<alto" not in xml[:2000] or not named:
            continue
        image = f"{f.rsplit('/', 1)[0]}/{named.group(1).decode()}"
        if image in files and _blob_present(gitdir, image):
            out.append((f, image))
    return out


def _blob_present(gitdir: Path, path: str) -> bool:
    r = subprocess.run(
        ["git", "--git-dir", str(gitdir), "cat-file", "-e", f"HEAD:{path}"], capture_output=True
    )
    return r.returncode == 0


def _stem(page: str) -> str:
    """The engine output's file name for a GT page: the page file's name, made safe (some GT
    sets name pages with spaces and accents)."""
    return re.sub(r"[^\w.-]+", "_", Path(page).stem, flags=re.ASCII)


def tesseract_version() -> str:
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True)
    return (out.stdout or out.stderr).split("\n", 1)[0].strip()


def run_ocr(
    gitdir: Path,
    dest: Path,
    pages: list[tuple[str, str]] | None = None,
    langs: str = LANGS,
    source: str = "https://github.com/OCR-D/gt_structure_text",
    licence: str = "CC BY-SA 4.0 (the page images and GT); the outputs are derived from them",
) -> dict[str, object]:
    dest.mkdir(parents=True, exist_ok=True)
    done = []
    with tempfile.TemporaryDirectory() as tmp:
        for page, image in page_images(gitdir) if pages is None else pages:
            stem = _stem(page)
            if (dest / f"{stem}.tsv").exists() and (dest / f"{stem}.txt").exists():
                done.append({"page": page, "image": image})
                continue
            img = Path(tmp) / Path(image).name
            img.write_bytes(build.git_show(gitdir, image))
            subprocess.run(
                ["tesseract", str(img), str(dest / stem), "-l", langs, "txt", "tsv"],
                capture_output=True,
                check=True,
            )
            img.unlink()
            done.append({"page": page, "image": image})
            print(stem, file=sys.stderr)
    meta = {
        "engine": tesseract_version(),
        "languages": langs,
        "command": f"tesseract IMAGE OUT -l {langs} txt tsv",
        "source": source,
        "commit": build.git_head(gitdir),
        "licence": licence,
        "pages": done,
    }
    (dest / "RUN.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


# --- the GT side: regions and lines with their boxes ------------------------------------------

Box = tuple[int, int, int, int]  # left, top, right, bottom


def _box(el: object) -> Box | None:
    coords = build.child(el, "Coords")  # type: ignore[arg-type]
    if coords is None:
        return None
    pts = [p.split(",") for p in (coords.get("points") or "").split() if "," in p]
    pts += [(p.get("x", "0"), p.get("y", "0")) for p in coords if build.local(p.tag) == "Point"]
    if not pts:
        return None
    xs, ys = [int(float(x)) for x, _ in pts], [int(float(y)) for _, y in pts]
    return min(xs), min(ys), max(xs), max(ys)


def gt_boxes(xml: bytes) -> dict[str, tuple[Box | None, list[Box | None]]]:
    """Region id -> (region box, box of each non-empty GT line), in build.page_regions' terms."""
    root = build.ET.fromstring(xml)
    out: dict[str, tuple[Box | None, list[Box | None]]] = {}
    for el in root.iter():
        if build.local(el.tag) != "TextRegion" or any(
            build.local(c.tag) == "TextRegion" for c in el
        ):
            continue
        boxes: list[Box | None] = []
        for tl in (c for c in el if build.local(c.tag) == "TextLine"):
            t = build.unicode_of(tl)
            if t is not None and t.strip():
                boxes.append(_box(tl))
        out[el.get("id", "")] = (_box(el), boxes)
    return out


# --- the engine side ----------------------------------------------------------------------------


@dataclass
class ELine:
    """One line of the engine's text output, with its box from the TSV."""

    text: str
    box: Box
    #: (page index in the document, region index on the page, line index in the region)
    gt: tuple[int, int, int] | None = None
    similarity: float = 0.0


def engine_page(txt: str, tsv: str) -> list[ELine] | None:
    """The engine's lines of one page; None when the text and the TSV disagree."""
    lines: dict[tuple[int, int, int], tuple[Box, list[str]]] = {}
    order: list[tuple[int, int, int]] = []
    for row in tsv.split("\n")[1:]:
        f = row.split("\t")
        if len(f) < 12:
            continue
        key = (int(f[2]), int(f[3]), int(f[4]))
        x, y, w, h = (int(v) for v in f[6:10])
        if f[0] == "4":
            lines[key] = ((x, y, x + w, y + h), [])
            order.append(key)
        elif f[0] == "5" and f[11].strip():
            lines[key][1].append(f[11])
    tsv_lines = [
        ELine(" ".join(" ".join(ws).split()), box) for box, ws in (lines[k] for k in order)
    ]
    tsv_lines = [e for e in tsv_lines if e.text]
    txt_lines = [ln for ln in txt.split("\n") if ln.strip()]
    if [" ".join(t.split()) for t in txt_lines] != [e.text for e in tsv_lines]:
        return None
    for e, t in zip(tsv_lines, txt_lines, strict=True):
        e.text = t
    return tsv_lines


def _overlap(a: Box, b: Box) -> int:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


#: ſ, the Fraktur hyphen and case are not what tells two readings of a line apart.
_FOLD = str.maketrans({"ſ": "s", "⸗": "-", "¬": "-", "=": "-", "ꝛ": "r"})


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).lower().split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _fold(text))


#: An engine line belongs to the GT region that holds at least this share of its box
#: (a line half outside every region is debris, a stamp or a neighbouring page's edge).
REGION_SHARE = 0.5


def align_page(
    elines: list[ELine], regions: list[build.Region], boxes: dict[str, tuple[Box | None, list]]
) -> None:
    """Give each engine line its GT region and line (``ELine.gt``, page index left 0)."""
    by_region: dict[int, list[ELine]] = {}
    for e in elines:
        area = max(1, (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]))
        best, share = -1, 0.0
        for ri, r in enumerate(regions):
            rbox = boxes.get(r.rid, (None, []))[0]
            if rbox is None:
                continue
            s = _overlap(e.box, rbox) / area
            if s > share:
                best, share = ri, s
        if best >= 0 and share >= REGION_SHARE:
            by_region.setdefault(best, []).append(e)
    for ri, es in by_region.items():
        r = regions[ri]
        lboxes = boxes.get(r.rid, (None, []))[1]
        if len(lboxes) == len(r.lines) and all(b is not None for b in lboxes):
            for e in es:
                scores = [
                    (min(e.box[3], b[3]) - max(e.box[1], b[1]))
                    / max(1, min(e.box[3] - e.box[1], b[3] - b[1]))
                    if _overlap(e.box, b) or min(e.box[3], b[3]) > max(e.box[1], b[1])
                    else 0.0
                    for b in lboxes  # type: ignore[union-attr]
                ]
                li = max(range(len(scores)), key=lambda i: scores[i])
                if scores[li] > 0.3:
                    e.gt = (0, ri, li)
        else:
            # No line boxes: align the words.
            g_words = [(w, li) for li, ln in enumerate(r.lines) for w in _words(ln)]
            e_words = [(w, k) for k, e in enumerate(es) for w in _words(e.text)]
            sm = SequenceMatcher(
                None, [w for w, _ in g_words], [w for w, _ in e_words], autojunk=False
            )
            votes: dict[int, Counter[int]] = {}
            for a, b, n in sm.get_matching_blocks():
                for i in range(n):
                    votes.setdefault(e_words[b + i][1], Counter())[g_words[a + i][1]] += 1
            for k, e in enumerate(es):
                if k in votes:
                    e.gt = (0, ri, votes[k].most_common(1)[0][0])
        for e in es:
            if e.gt is not None:
                e.similarity = SequenceMatcher(
                    None, _fold(e.text), _fold(r.lines[e.gt[2]]), autojunk=False
                ).ratio()


# --- gold: the GT's units, filled with the engine's lines -------------------------------------

#: Marks an engine may print at a line end for a hyphen (the GT's, plus what engines make of
#: them: the dashes, the tilde, the guillemet).
ENGINE_MARKS = "-‐‑⸗¬=—–~»"
ENGINE_HYPHEN = re.compile(rf"(\w+)([{ENGINE_MARKS}])$")


def units(
    pages: list[tuple[str, list[build.Region]]],
) -> dict[tuple[int, int, int], tuple[str, int]]:
    """(page, region, line) -> (role, unit number): the gold element each GT line belongs to.

    The paragraph rules are build.build_gold's: paragraph regions are paragraphs, split where
    the GT's line geometry opens a printed paragraph, merged with the one before when they
    continue it across a column or page break.  A drop capital is ``other`` here: engines print
    it as a line of its own or misread it, so it is not joined to the paragraph's first word.
    """
    out: dict[tuple[int, int, int], tuple[str, int]] = {}
    n = 0
    last_para = -1
    last_para_line = ""
    can_continue = False
    last_no: int | None = None
    for p, (path, regions) in enumerate(pages):
        no = build.page_number(path)
        if last_no is not None and no != last_no + 1:
            can_continue = False
        last_no = no
        for ri, r in enumerate(regions):
            role = r.role
            if role == "paragraph":
                first = r.lines[0]
                prev_hyphen = bool(build.LINE_END_HYPHEN.search(last_para_line))
                if not (can_continue and last_para >= 0 and (first[:1].islower() or prev_hyphen)):
                    n += 1
                    last_para = n
                for li in range(len(r.lines)):
                    if li and li in r.starts:
                        n += 1
                        last_para = n
                    out[(p, ri, li)] = ("paragraph", last_para)
                last_para_line = r.lines[-1]
                can_continue = True
                continue
            if role == "heading":
                can_continue = False
            if role == "dropcap":
                role = "other"
            if role == "furniture":
                for li in range(len(r.lines)):
                    n += 1
                    out[(p, ri, li)] = (role, n)
                continue
            n += 1
            for li in range(len(r.lines)):
                out[(p, ri, li)] = (role, n)
    return out


@dataclass
class EDoc:
    doc_id: str
    pages: list[tuple[str, list[build.Region]]]
    elines: list[list[ELine]]  # per page
    texts: list[str]  # the engine's text output per page
    gold: dict[str, object] = field(default_factory=dict)
    raws: dict[str, str] = field(default_factory=dict)
    hyphens: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    stats: Counter[str] = field(default_factory=Counter)


STYLES = ("tesseract", "flat")


def render(doc: EDoc) -> dict[str, list[int]]:
    """The raw text of each style; returns the file line of every engine line per style.

    ``tesseract``: the engine's text output as it printed it, pages joined with a form feed
    (what Tesseract prints between the pages of a multi-page input).  ``flat``: the engine's
    lines only, one per line, no blank lines and no form feeds.
    """
    where: dict[str, list[int]] = {s: [] for s in STYLES}
    raw = "\f".join(doc.texts)
    doc.raws["tesseract"] = raw
    k = 0
    flat_lines = [e.text for page in doc.elines for e in page]
    for i, ln in enumerate(raw.split("\n")):
        if ln.strip() and k < len(flat_lines):
            where["tesseract"].append(i)
            k += 1
    doc.raws["flat"] = "\n".join(flat_lines) + "\n"
    where["flat"] = list(range(len(flat_lines)))
    return where


def build_doc(doc: EDoc, vocab: Counter[str]) -> None:
    where = render(doc)
    unit_of = units(doc.pages)
    flat = [(p, e) for p, page in enumerate(doc.elines) for e in page]
    members: dict[tuple[str, int], list[int]] = {}
    for i, (p, e) in enumerate(flat):
        # Debris outside every GT region is a unit of its own.
        key = ("other", -1 - i) if e.gt is None else unit_of[(p, e.gt[1], e.gt[2])]
        members.setdefault(key, []).append(i)
    # Paragraphs interleaved with another body unit in the engine's order: the engine read
    # across columns; no line joiner can rebuild such a paragraph, so it is cut where the
    # other unit comes in (each piece a paragraph of its own, counted in STATS.json).
    owner = {i: key for key, idx in members.items() for i in idx}
    pieces: list[tuple[str, list[int]]] = []
    for key, idx in sorted(members.items(), key=lambda kv: kv[1][0]):
        role = key[0]
        if role != "paragraph":
            pieces.append((role, idx))
            continue
        run = [idx[0]]
        for a, b in itertools.pairwise(idx):
            between = {owner[j][0] for j in range(a + 1, b)}
            if between & {"paragraph", "heading"}:
                pieces.append((role, run))
                doc.stats["paragraphs_cut_by_engine_order"] += 1
                run = []
            run.append(b)
        pieces.append((role, run))
    pieces.sort(key=lambda kv: kv[1][0])
    gold: dict[str, list] = {
        k: [] for k in ("paragraphs", "headings", "furniture", "captions", "notes", "other")
    }
    for s in STYLES:
        doc.hyphens[s] = []
    for role, idx in pieces:
        lines = [flat[i][1] for i in idx]
        if role == "paragraph":
            gold["paragraphs"].append(resolve(doc, flat, idx, vocab, where))
        elif role == "heading":
            gold["headings"].append({"text": " ".join(e.text for e in lines), "kind": "heading"})
        elif role == "furniture":
            gold["furniture"].extend(e.text for e in lines)
        elif role == "caption":
            gold["captions"].append(" ".join(e.text for e in lines))
        elif role == "note":
            gold["notes"].append(" ".join(e.text for e in lines))
        else:
            gold["other"].append(" ".join(e.text for e in lines))
    doc.gold = gold


def _gt_line(doc: EDoc, p: int, gt: tuple[int, int, int] | None) -> str | None:
    if gt is None:
        return None
    return doc.pages[p][1][gt[1]].lines[gt[2]]


def _gt_next(gt: tuple[int, int, int] | None, nxt: tuple[int, int, int] | None) -> bool:
    """Whether two engine lines, consecutive in one gold paragraph, read two different GT lines.

    Not the GT's line indices: some GT regions list their lines out of their printed order, so
    two lines printed one under the other need not have consecutive indices.
    """
    return gt is not None and nxt is not None and gt != nxt


def resolve(
    doc: EDoc,
    flat: list[tuple[int, ELine]],
    idx: list[int],
    vocab: Counter[str],
    where: dict[str, list[int]],
) -> str:
    """One gold paragraph of engine lines, its line-end hyphens resolved with the GT's truth."""
    text = flat[idx[0]][1].text.strip()
    junctions = []
    for a, b in itertools.pairwise(idx):
        (p, e), (q, f) = flat[a], flat[b]
        line = f.text.strip()
        m, n = ENGINE_HYPHEN.search(text), build.LINE_START_WORD.match(line)
        g, h = _gt_line(doc, p, e.gt), _gt_line(doc, q, f.gt)
        gm = build.LINE_END_HYPHEN.search(g) if g else None
        gn = build.LINE_START_WORD.match(h) if h else None
        gt_hyphen = bool(
            gm
            and gn
            and _gt_next(e.gt and (p, *e.gt[1:]), f.gt and (q, *f.gt[1:]))
            and gm.group(1)[-1:].isalpha()
            and gn.group(1)[:1].isalpha()
        )
        if m and n and m.group(1)[-1:].isalpha() and n.group(1)[:1].isalpha():
            mark = m.group(2)
            if not gt_hyphen:
                # The engine printed a mark the GT does not have as a hyphen (a dash, a
                # misread letter), or the GT line is unknown: kept as printed.
                doc.stats["engine_mark_no_gt_hyphen"] += 1
                doc.stats[f"engine_mark_no_gt_hyphen {mark}"] += 1
                text += " " + line
                continue
            doc.stats[f"mark {mark}"] += 1
            truth = build.hyphen_truth(gm.group(1), gn.group(1), vocab)  # type: ignore[union-attr]
            join = truth if truth is not None else n.group(1)[:1].islower()
            text = text[: m.start(2)] + ("" if join else "-")
            at = len(text)
            text += line
            if truth is None:
                doc.stats["hyphens_unknown"] += 1
            else:
                junctions.append((at, m.group(1), n.group(1), truth, a))
            continue
        if gt_hyphen:
            # The GT has a line-end hyphen that the engine did not print (it dropped the mark
            # or read it as a letter): nothing shows a system that a word was cut.
            doc.stats["gt_hyphen_engine_no_mark"] += 1
            ch = text[-1:] if text else ""
            doc.stats[f"gt_hyphen_engine_end {ch if not ch.isalnum() else 'letter/digit'}"] += 1
        text += " " + line
    for at, left, right, join, a in junctions:
        word = next(
            (t.group(0) for t in build.TOKEN.finditer(text) if t.start() < at <= t.end()),
            left + right,
        )
        for style in STYLES:
            doc.hyphens[style].append(
                {"line": where[style][a], "left": left, "right": right, "word": word, "join": join}
            )
    return text


def _scale(elines: list[ELine], tsv: str, xml: bytes) -> None:
    """Bring the engine's boxes to the GT's pixels when the image read is not the size the GT
    was drawn on (the TSV's page row against PAGE ``imageWidth`` or ALTO ``Page WIDTH``)."""
    page = next((r.split("\t") for r in tsv.split("\n")[1:] if r.startswith("1\t")), None)
    m = re.search(rb'imageWidth="(\d+)"', xml) or re.search(rb'<Page[^>]*\bWIDTH="(\d+)"', xml)
    if page is None or m is None or int(page[8]) <= 0:
        return
    k = int(m.group(1)) / int(page[8])
    if abs(k - 1) > 0.01:
        for e in elines:
            e.box = tuple(round(v * k) for v in e.box)  # type: ignore[assignment]


# --- the source -----------------------------------------------------------------------------

#: A page is aligned when at least this share of its engine lines (those with three letters or
#: more) found a GT line they read alike with (similarity >= ALIKE, difflib's ratio on folded
#: text).  Below it the engine's lines and the GT do not line up (the engine missed a column,
#: read a table as lines...): the page is left out and counted.
ALIGNED = 0.6
ALIKE = 0.5

CORPUS = "ocrd-tesseract"
META = {
    "name": "OCR-D gt_structure_text page images read by Tesseract, aligned to the GT",
    "url": "https://github.com/OCR-D/gt_structure_text",
    "licence": "CC BY-SA 4.0",
}


@dataclass(frozen=True)
class EngineSource:
    """A GT set whose page images an engine read: where its files are and how to read them."""

    corpus: str
    meta: dict[str, str]
    folder_of: re.Pattern[str]
    engine_dir: Path
    #: PAGE-XML (build.page_regions) or ALTO (build.alto_regions)
    alto: bool = False

    def regions(self, xml: bytes) -> list[build.Region]:
        return build.alto_regions(xml) if self.alto else build.page_regions(xml)

    def boxes(self, xml: bytes, regions: list[build.Region]) -> dict[str, tuple[Box | None, list]]:
        if self.alto:
            return {r.rid: (r.box, list(r.line_boxes)) for r in regions}
        return gt_boxes(xml)


OCRD = EngineSource(CORPUS, META, re.compile(r"data/([^/]+)/GT-PAGE/"), ENGINE_DIR)
TAPUS = EngineSource(
    "tapuscorpus-tesseract",
    {
        "name": "TAPUSCORPUS page images read by Tesseract, aligned to the GT",
        "url": "https://github.com/HTR-United/tapuscorpus",
        "licence": "CC BY 4.0",
    },
    re.compile(r"data/([^/]+)/"),
    TAPUS_DIR,
    alto=True,
)


def build_cases(
    gitdir: Path, out: Path, source: EngineSource = OCRD, chunk: int = 4
) -> dict[str, object]:
    engine_dir = source.engine_dir
    commit = build.git_head(gitdir)
    run = json.loads((engine_dir / "RUN.json").read_text(encoding="utf-8"))
    books = build.load_source(gitdir, source.folder_of)
    all_pages: dict[str, list[build.Region]] = {}
    for files in books.values():
        for f in files:
            all_pages[f] = source.regions(build.git_show(gitdir, f))
    # The same vocabulary as build.py's for this source: every line of every GT page.
    vocab = build.vocabulary(list(all_pages.values()))
    stats: Counter[str] = Counter()
    kept: dict[str, list[tuple[str, list[build.Region], list[ELine], str]]] = {}
    drops: list[dict[str, object]] = []
    for item in run["pages"]:
        f = item["page"]
        stem = _stem(f)
        stats["pages_read"] += 1
        regions = all_pages[f]
        if not any(r.role == "paragraph" for r in regions):
            drops.append({"page": f, "why": "no paragraph region in the GT"})
            continue
        txt = (engine_dir / f"{stem}.txt").read_text(encoding="utf-8")
        tsv = (engine_dir / f"{stem}.tsv").read_text(encoding="utf-8")
        elines = engine_page(txt, tsv)
        if elines is None:
            drops.append({"page": f, "why": "the engine's text and TSV disagree"})
            continue
        xml = build.git_show(gitdir, f)
        _scale(elines, tsv, xml)
        align_page(elines, regions, source.boxes(xml, regions))
        wordy = [e for e in elines if sum(c.isalpha() for c in e.text) >= 3]
        alike = [e for e in wordy if e.gt is not None and e.similarity >= ALIKE]
        share = len(alike) / len(wordy) if wordy else 0.0
        if share < ALIGNED:
            drops.append({"page": f, "why": f"only {share:.0%} of the engine's lines align"})
            continue
        stats["engine_lines"] += len(elines)
        stats["engine_lines_aligned"] += len(alike)
        stats["engine_lines_outside_gt_regions"] += sum(1 for e in elines if e.gt is None)
        m = source.folder_of.match(f)
        book = m.group(1) if m else f.split("/")[1]
        kept.setdefault(book, []).append((f, regions, elines, txt))
    dest = out / source.corpus
    for book, pages in sorted(kept.items()):
        pages.sort(key=lambda t: build.page_number(t[0]))
        for start in range(0, len(pages), chunk):
            part = pages[start : start + chunk]
            regions = [r for _, rs, _, _ in part for r in rs]
            lang = build.region_language([rs for _, rs, _, _ in part]) or build.vote(regions)
            doc = EDoc(
                f"{book}-{start // chunk + 1:03d}",
                [(f, rs) for f, rs, _, _ in part],
                [es for _, _, es, _ in part],
                [t for _, _, _, t in part],
            )
            build_doc(doc, vocab)
            if not doc.gold["paragraphs"]:
                drops.extend({"page": f, "why": "no engine line in a paragraph"} for f, *_ in part)
                continue
            source_meta = {
                **source.meta,
                "commit": commit,
                "files": [f for f, *_ in part],
                "engine": run["engine"],
                "engine_command": run["command"],
                "engine_output": [
                    f"eval/real/engine/{engine_dir.name}/{_stem(f)}.{x}"
                    for f, *_ in part
                    for x in ("txt", "tsv")
                ],
            }
            build.write_case(dest, source.corpus, lang, doc, source_meta, len(part), stats)
            stats.update(doc.stats)
    stats["pages_dropped"] = len(drops)
    summary = {
        "source": source.meta,
        "commit": commit,
        "engine": run["engine"],
        "engine_command": run["command"],
        **dict(sorted(stats.items())),
        "dropped": drops,
    }
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "STATS.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("command", choices=["ocr", "build"])
    ap.add_argument("--ocrd", type=Path, help="git dir of OCR-D/gt_structure_text")
    ap.add_argument("--tapus", type=Path, help="git dir of HTR-United/tapuscorpus")
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument(
        "--max-pages", type=int, default=0, help="ocr: the first N pages of a source only (0: all)"
    )
    args = ap.parse_args(argv)
    if args.command == "ocr":
        if args.ocrd:
            meta = run_ocr(args.ocrd, ENGINE_DIR)
            print(json.dumps({k: v for k, v in meta.items() if k != "pages"}, indent=1))
        if args.tapus:
            pages = alto_images(args.tapus)
            pages = pages[: args.max_pages] if args.max_pages else pages
            assert len({_stem(p) for p, _ in pages}) == len(pages), "page names collide"
            meta = run_ocr(
                args.tapus,
                TAPUS_DIR,
                pages,
                TAPUS_LANGS,
                "https://github.com/HTR-United/tapuscorpus",
                "CC BY 4.0 (the page images and GT); the outputs are derived from them",
            )
            print(json.dumps({k: v for k, v in meta.items() if k != "pages"}, indent=1))
        return 0
    for gitdir, source in ((args.ocrd, OCRD), (args.tapus, TAPUS)):
        if gitdir:
            summary = build_cases(gitdir, args.out, source)
            print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
