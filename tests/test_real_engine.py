"""The real OCR engine cases (eval/real/engine.py, eval/real/ocrd-tesseract): alignment and gold.

The engine's output is committed (eval/real/engine/tesseract/), so none of this needs Tesseract:
the committed files are checked for what the builder relies on, and the alignment and the gold
are checked on a small page written here (a PAGE-XML page and the engine's TSV and text for it).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval" / "real"))

import build  # noqa: E402
import engine  # noqa: E402

from reflow.metrics import tokens  # noqa: E402

SOURCES = (engine.OCRD, engine.TAPUS)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.corpus)
def test_every_committed_engine_page_has_text_and_tsv_that_agree(
    source: engine.EngineSource,
) -> None:
    run = json.loads((source.engine_dir / "RUN.json").read_text(encoding="utf-8"))
    assert run["pages"], "RUN.json lists no page"
    for item in run["pages"]:
        stem = engine._stem(item["page"])
        txt = (source.engine_dir / f"{stem}.txt").read_text(encoding="utf-8")
        tsv = (source.engine_dir / f"{stem}.tsv").read_text(encoding="utf-8")
        lines = engine.engine_page(txt, tsv)
        assert lines is not None, f"{stem}: the engine's text and TSV disagree"
        assert len(lines) == sum(1 for ln in txt.split("\n") if ln.strip())


def _golds() -> list[Path]:
    real = ROOT / "eval" / "real"
    return sorted(g for s in SOURCES for g in (real / s.corpus).rglob("gold.json"))


def test_engine_cases_exist_with_both_styles() -> None:
    golds = _golds()
    for s in SOURCES:
        assert sum(1 for g in golds if f"/{s.corpus}/" in g.as_posix()) >= 5, s.corpus
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        assert set(gold["extractions"]) == set(engine.STYLES)
        for f in gold["source"]["engine_output"]:
            assert (ROOT / f).is_file(), f


@pytest.mark.parametrize(
    "gold_path", _golds(), ids=lambda p: f"{p.parents[2].name}-{p.parent.name}"
)
def test_scored_hyphens_point_at_an_engine_line_end(gold_path: Path) -> None:
    """Each scored hyphen's ``line`` is a raw line ending in a mark, a text line just after it
    starts with the right half, and the true word is a token of the gold paragraphs."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = Counter(t for p in gold["paragraphs"] for t in tokens(p))
    for style, ex in gold["extractions"].items():
        lines = (gold_path.parent / ex["file"]).read_text(encoding="utf-8").split("\n")
        for h in ex["hyphens"]:
            here = lines[h["line"]].rstrip()
            assert engine.ENGINE_HYPHEN.search(here), (style, here)
            assert here[:-1].endswith(h["left"]), (style, here, h)
            # The next line of the same paragraph: the very next text line, or one after a
            # page break's running head, page number or engine debris (a few lines at most).
            after = [ln.lstrip(" \f") for ln in lines[h["line"] + 1 :] if ln.strip(" \f")][:6]
            assert any(ln.startswith(h["right"]) for ln in after), (style, after, h)
            assert body[h["word"]] >= 1, h


# --- a small page, written here -----------------------------------------------------------------


def _page(
    regions: list[tuple[str, str, tuple[int, int, int, int], list[tuple[str, int]]]],
) -> bytes:
    """PAGE-XML with text regions (id, type, box, [(line text, top)]); lines 40 px high."""
    out = [
        '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">',
        '<Page imageFilename="p.png" imageWidth="1000" imageHeight="1000">',
    ]
    for rid, kind, (x0, y0, x1, y1), lines in regions:
        out.append(f'<TextRegion id="{rid}" type="{kind}">')
        out.append(f'<Coords points="{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"/>')
        for i, (text, top) in enumerate(lines):
            out.append(f'<TextLine id="{rid}l{i}">')
            out.append(f'<Coords points="{x0},{top} {x1},{top} {x1},{top + 40} {x0},{top + 40}"/>')
            out.append(f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>")
        out.append("</TextRegion>")
    out.append("</Page></PcGts>")
    return "\n".join(out).encode()


def _tsv(lines: list[tuple[str, int, int]]) -> str:
    """Tesseract's TSV for lines (text, left, top), each its own block, 40 px high and 20 px
    a character wide."""
    rows = [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    ]
    for b, (text, left, top) in enumerate(lines, 1):
        rows.append(f"4\t1\t{b}\t1\t1\t0\t{left}\t{top}\t{20 * len(text)}\t40\t-1\t")
        for w, word in enumerate(text.split(), 1):
            rows.append(f"5\t1\t{b}\t1\t1\t{w}\t{left}\t{top}\t50\t40\t90\t{word}")
    return "\n".join(rows) + "\n"


GT = _page(
    [
        ("r1", "header", (100, 50, 900, 100), [("Von den Bergen", 55)]),
        (
            "r2",
            "paragraph",
            (100, 150, 900, 400),
            [
                ("Der Senner ging ihr ent-", 160),
                ("gegen und sah die Schnee-", 220),
                ("Berge im Abend.", 280),
            ],
        ),
    ]
)
#: The engine: the running head misread, the first hyphen printed as ``-``, the second line's
#: mark read as a letter, and a speck outside every region.
ENGINE_LINES = [
    ("Von den Bergeu", 100, 55),
    ("Der Senner ging ihr ent-", 100, 160),
    ("gegen und fah die Schnees", 100, 220),
    ("Berge im Abend.", 100, 280),
    ("„ ;", 100, 900),
]
ENGINE_TXT = "\n\n".join(t for t, _, _ in ENGINE_LINES) + "\n"


def _doc(vocab: Counter[str]) -> engine.EDoc:
    regions = build.page_regions(GT)
    elines = engine.engine_page(ENGINE_TXT, _tsv(ENGINE_LINES))
    assert elines is not None
    engine.align_page(elines, regions, engine.gt_boxes(GT))
    doc = engine.EDoc("t-001", [("data/t/GT-PAGE/t_0001.xml", regions)], [elines], [ENGINE_TXT])
    engine.build_doc(doc, vocab)
    return doc


def test_engine_lines_get_their_gt_region_and_line() -> None:
    regions = build.page_regions(GT)
    elines = engine.engine_page(ENGINE_TXT, _tsv(ENGINE_LINES))
    assert elines is not None
    engine.align_page(elines, regions, engine.gt_boxes(GT))
    assert [e.gt for e in elines] == [(0, 0, 0), (0, 1, 0), (0, 1, 1), (0, 1, 2), None]
    assert elines[0].similarity > 0.9 and elines[2].similarity > 0.8


def test_gold_is_the_engines_words_with_the_gts_roles_and_hyphen_truth() -> None:
    doc = _doc(Counter({"entgegen": 3}))
    assert doc.gold["furniture"] == ["Von den Bergeu"]
    # The joined hyphen takes its truth from the vocabulary; the mark the engine read as a
    # letter ("Schnees") cannot be seen, so the gold keeps the engine's words with a space.
    assert doc.gold["paragraphs"] == [
        "Der Senner ging ihr entgegen und fah die Schnees Berge im Abend."
    ]
    assert doc.gold["other"] == ["„ ;"]
    assert [(h["word"], h["join"]) for h in doc.hyphens["flat"]] == [("entgegen", True)]
    assert doc.hyphens["flat"][0]["line"] == 1
    assert doc.hyphens["tesseract"][0]["line"] == 2  # blank lines between the engine's blocks
    assert doc.stats["gt_hyphen_engine_no_mark"] == 1


def test_hyphen_without_known_truth_is_not_scored() -> None:
    doc = _doc(Counter())
    assert doc.hyphens["flat"] == []
    assert doc.stats["hyphens_unknown"] == 1
    # Unknown truth: joined before a lower-case letter, as build.py does, and not scored.
    assert doc.gold["paragraphs"][0].startswith("Der Senner ging ihr entgegen")


def test_a_page_that_does_not_align_is_told_apart() -> None:
    regions = build.page_regions(GT)
    garbage = [("x7 ;; ll", 100, 160), ("MTRS E m. - I", 100, 220)]
    elines = engine.engine_page("\n".join(t for t, _, _ in garbage) + "\n", _tsv(garbage))
    assert elines is not None
    engine.align_page(elines, regions, engine.gt_boxes(GT))
    assert all(e.similarity < engine.ALIKE for e in elines)


def test_text_and_tsv_that_disagree_are_refused() -> None:
    assert engine.engine_page("Der Senner\n", _tsv([("Der Senne", 100, 100)])) is None


def test_engine_marks_cover_the_builders() -> None:
    assert set(build.MARKS) <= set(engine.ENGINE_MARKS)
    assert re.search(engine.ENGINE_HYPHEN, "ent¬")


ALTO = b"""<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
<Tags><OtherTag ID="BT1" LABEL="MainZone"/><OtherTag ID="BT2" LABEL="NumberingZone"/>
<OtherTag ID="BT3" LABEL="StampZone"/><OtherTag ID="LT1" LABEL="DefaultLine:Typewritten"/></Tags>
<Layout><Page WIDTH="1000" HEIGHT="1000"><PrintSpace>
<TextBlock ID="b1" TAGREFS="BT1" HPOS="100" VPOS="150" WIDTH="800" HEIGHT="250">
<TextLine ID="l1" TAGREFS="LT1" HPOS="100" VPOS="160" WIDTH="800" HEIGHT="40">
<String CONTENT="Le berger chantait une chan-"/></TextLine>
<TextLine ID="l2" TAGREFS="LT1" HPOS="100" VPOS="220" WIDTH="500" HEIGHT="40">
<String CONTENT="son joyeuse."/></TextLine>
<TextLine ID="l3" TAGREFS="LT1" HPOS="160" VPOS="280" WIDTH="740" HEIGHT="40">
<String CONTENT="Au loin, la plaine"/></TextLine></TextBlock>
<TextBlock ID="b2" TAGREFS="BT3" HPOS="600" VPOS="800" WIDTH="200" HEIGHT="50">
<TextLine ID="l4" HPOS="600" VPOS="800" WIDTH="200" HEIGHT="40"><String CONTENT="~~~"/></TextLine>
</TextBlock>
<TextBlock ID="b0" TAGREFS="BT2" HPOS="450" VPOS="50" WIDTH="100" HEIGHT="40">
<TextLine ID="l0" HPOS="450" VPOS="50" WIDTH="100" HEIGHT="40"><String CONTENT="- 4 -"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>"""


def test_alto_zones_become_regions_in_top_order_with_their_boxes() -> None:
    regions = build.alto_regions(ALTO)
    assert [(r.rid, r.kind, r.role) for r in regions] == [
        ("b0", "page-number", "furniture"),
        ("b1", "paragraph", "paragraph"),
        ("b2", "StampZone", "other"),
    ]
    main = regions[1]
    assert main.lines == ["Le berger chantait une chan-", "son joyeuse.", "Au loin, la plaine"]
    # The third line is indented after a short line: a printed paragraph starts there.
    assert main.starts == frozenset({2})
    assert main.box == (100, 150, 900, 400)
    assert main.line_boxes[1] == (100, 220, 600, 260)


def test_engine_lines_align_to_alto_regions() -> None:
    regions = build.alto_regions(ALTO)
    lines = [
        ("- 4 -", 450, 50),
        ("Le berger chantait une chan-", 100, 160),
        ("son joyeuse.", 100, 220),
    ]
    elines = engine.engine_page("\n".join(t for t, _, _ in lines) + "\n", _tsv(lines))
    assert elines is not None
    engine.align_page(elines, regions, engine.TAPUS.boxes(ALTO, regions))
    assert [e.gt for e in elines] == [(0, 0, 0), (0, 1, 0), (0, 1, 1)]


def test_page_numbers_from_escriptorium_and_ocrd_file_names() -> None:
    assert build.page_number("data/x/22_c266f_default.xml") == 22
    assert build.page_number("data/b/GT-PAGE/b_1548_0006.xml") == 6
