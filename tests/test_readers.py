"""PDF, ALTO, PAGE-XML, hOCR and Tesseract TSV in: reading order, geometry, errors, the CLI.

Every input is made here from our own sentences: PDFs by tests/pdfgen.py (our small writer;
the encrypted one is encrypted with pypdf, a dev dependency), OCR XML by tests/ocrgen.py.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from ocrgen import to_alto, to_hocr, to_page, to_tsv
from pdfgen import CHAR_WIDTH, Column, Page, Text, typeset_columns, wrap, write_pdf

import reflow
from reflow.readers import ReaderError, detect_kind, read
from reflow.readers.base import PageLine, build_lines, clean
from reflow.readers.layout import reading_order
from reflow.readers.pdf import iter_pdf_pages

pytest.importorskip("pypdfium2")

P1 = (
    "The festival opened on Saturday with boats from every village along the coast, and the "
    "weather held until late in the evening when the lanterns were lit."
)
P2 = (
    "Local bakers sold out by noon. The organisers promised a larger market next year, with "
    "more room for the stalls of the craft guilds."
)
P3 = (
    "Music played on three stages. A choir from the northern valleys sang in the church square "
    "while children danced around the fountain."
)
P4 = "The mayor thanked the volunteers who had cleaned the quay before dawn."
P5 = (
    "Fishing crews showed visitors how nets are mended, and the oldest boat of the fleet was "
    "open to anyone who wanted to climb aboard."
)
P6 = "Next year the festival will last a whole week, the council decided on Monday."
CAPTION = "The harbour at dusk, seen from the old pier."
HEADLINE = "Harbour festival draws record crowd"


def two_columns() -> Page:
    return typeset_columns(
        HEADLINE,
        [Column([P1, P2], caption=CAPTION, caption_after=0), Column([P3, P4])],
        running_head="THE VALLEY COURIER",
        page_number="4",
    )


def three_columns() -> Page:
    return typeset_columns(
        HEADLINE,
        [Column([P1, P2]), Column([P3], caption=CAPTION, caption_after=0), Column([P5, P6])],
        size=9.0,
        gutter=14.0,
    )


def words(text: str) -> list[str]:
    return text.split()


def in_order(haystack: list[str], *needles: str) -> bool:
    """Each needle's words appear, in this order, in the haystack's words."""
    pos = 0
    flat = " ".join(haystack)
    for n in needles:
        k = flat.find(" ".join(n.split()), pos)
        if k < 0:
            return False
        pos = k + 1
    return True


# -- PDF -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page, order",
    [
        (two_columns, ["THE VALLEY COURIER", HEADLINE, P1, CAPTION, P2, P3, P4, "4"]),
        (three_columns, [HEADLINE, P1, P2, P3, CAPTION, P5, P6]),
    ],
    ids=["two-columns", "three-columns"],
)
def test_pdf_columns_read_as_a_person_reads(page, order: list[str]) -> None:
    lines, warnings = read(write_pdf([page()]))
    assert warnings == []
    text = " ".join(t for t in lines.texts if t.strip())
    assert in_order([text], *order), text
    # Every printed word is there once (nothing lost, nothing doubled).
    assert sorted(text.split()) == sorted(" ".join(order).split())


def test_pdf_boxes_fonts_and_columns() -> None:
    lines, _ = read(write_pdf([two_columns()]))
    boxes = {t: b for t, b in zip(lines.texts, lines.boxes, strict=True) if b}
    head = boxes[HEADLINE]
    assert head.bold is True and head.font_size == pytest.approx(22.0, abs=0.1)
    body = [b for t, b in boxes.items() if t in P3]
    assert body and all(b.column == 1 and b.bold is False for b in body)
    assert all(b.font_size == pytest.approx(10.0, abs=0.1) for b in body)
    first_p3 = next(b for t, b in boxes.items() if P3.startswith(t))
    # The indented first line starts 15 pt right of the column's other lines.
    assert first_p3.x0 - min(b.x0 for b in body) == pytest.approx(15.0, abs=1.0)
    assert all(b.ref and b.ref.startswith("p1:l") for b in boxes.values())


def test_pdf_pages_form_feeds_and_blocks_say_where() -> None:
    data = write_pdf([two_columns(), Page([Text(50, 80, "Second page, one line.")])])
    doc = reflow.reflow_file(data, language="en")
    assert doc.pages == 2
    assert doc.source.count("\f") == 1
    d = json.loads(doc.to_json())
    last = d["blocks"][-1]
    assert last["text"] == "Second page, one line."
    assert last["boxes"][0]["page"] == 1 and last["boxes"][0]["ref"] == "p2:l1"
    # Offsets still point into the document's text.
    assert doc.source[last["start"] : last["end"]] == "Second page, one line."


def test_pdf_text_input_json_has_no_boxes() -> None:
    d = json.loads(reflow.reflow("A line.\n").to_json())
    assert "boxes" not in d["blocks"][0]


def test_encrypted_pdf_is_a_clear_error() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(write_pdf([two_columns()])))
    writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(ReaderError, match="encrypted and needs a password"):
        reflow.reflow_file(buf.getvalue())


def test_damaged_pdf_is_a_clear_error() -> None:
    data = write_pdf([two_columns()])
    damaged = data[:9] + b"\x00garbage" * 40  # the header survives, nothing else
    with pytest.raises(ReaderError, match="damaged"):
        reflow.reflow_file(damaged)


def test_image_only_pdf_needs_ocr() -> None:
    with pytest.raises(ReaderError, match="needs OCR"):
        reflow.reflow_file(write_pdf([Page(image=True), Page(image=True)]))


def test_image_only_page_among_text_pages_is_a_warning() -> None:
    doc = reflow.reflow_file(write_pdf([two_columns(), Page(image=True)]))
    assert any("page 2 has only image(s)" in w and "OCR" in w for w in doc.warnings)
    assert doc.pages == 2


def test_empty_pdf_is_a_clear_error() -> None:
    with pytest.raises(ReaderError, match="no text on any page"):
        reflow.reflow_file(write_pdf([Page(), Page()]))


def test_thousand_pages_stream_one_at_a_time() -> None:
    texts = [P1, P2, P3, P4, P5, P6]
    pages = [
        Page([Text(50, 80, f"{texts[n % 6][:60]} {n}"), Text(50, 700, str(n))]) for n in range(1000)
    ]
    data = write_pdf(pages)
    it = iter_pdf_pages(data)
    first = next(it)  # the first page comes before the others are read
    assert [ln.text for ln in first] == [f"{P1[:60]} 0", "0"]
    assert sum(1 for _ in it) == 999
    doc = reflow.reflow_file(data, language="en")
    assert doc.pages == 1000
    assert [b.text for b in doc.blocks[-2:]] == [f"{P4[:60]} 999", "999"]


# -- geometry decisions --------------------------------------------------------------------


@pytest.mark.parametrize("page", [two_columns, three_columns], ids=["two", "three"])
def test_pdf_roles_and_paragraphs_from_geometry(page) -> None:
    doc = reflow.reflow_file(write_pdf([page()]), language="en")
    roles = {b.text: b.role for b in doc.blocks}
    assert roles[HEADLINE] is reflow.Role.HEADING
    assert roles[CAPTION] is reflow.Role.CAPTION
    body = [p for p in (P1, P2, P3, P4, P5, P6) if p in roles]
    assert doc.paragraphs == body
    rules = {d.rule for d in doc.decisions}
    assert {"geometry-heading", "geometry-caption", "geometry-indent"} <= rules
    if page is two_columns:
        assert roles["THE VALLEY COURIER"] is reflow.Role.PAGE_HEADER
        assert roles["4"] is reflow.Role.PAGE_NUMBER


def test_geometry_evidence_names_what_was_measured() -> None:
    doc = reflow.reflow_file(write_pdf([two_columns()]), language="en")
    ev = {d.rule: d.evidence for d in doc.decisions if d.rule.startswith("geometry")}
    assert "font 22.0 against body 10.0" in ev["geometry-heading"]
    assert "em right of its column's left edge" in ev["geometry-indent"]


def test_footnote_below_the_body_is_not_a_paragraph() -> None:
    page = typeset_columns(HEADLINE, [Column([P1, P2]), Column([P3, P4])])
    low = max(t.y for t in page.lines) + 30
    note = "1 The figures come from the harbour office."
    page.lines.append(Text(50, low, note, 7.5))
    doc = reflow.reflow_file(write_pdf([page]), language="en")
    assert note not in doc.paragraphs
    assert any(b.text == note and b.role is not reflow.Role.PARAGRAPH for b in doc.blocks)
    assert doc.paragraphs == [P1, P2, P3, P4]


def test_sentence_ending_at_column_bottom_runs_on_in_next_column() -> None:
    """Indented paragraphs: a sentence that ends on a full line at the bottom of a column, the
    next column starting flush left, is one paragraph (the text rules alone would break it)."""
    paras = [P1, P2, P3, P5, P6]
    lines: list[tuple[str, bool, bool]] = []  # text, first of its paragraph, last of it
    for para in paras:
        wrapped = wrap(para, 30 * CHAR_WIDTH * 10, 10)
        lines += [(t, k == 0, k == len(wrapped) - 1) for k, t in enumerate(wrapped)]
    # The column break: after a full line that ends a sentence inside a paragraph.
    cut = next(
        k + 1
        for k, (t, _, last) in enumerate(lines)
        if k > len(lines) // 3 and t.endswith(".") and not last and len(t) >= 24
    )
    page = Page()
    for k, (text, first, _) in enumerate(lines):
        x, row = (50, k) if k < cut else (260, k - cut)
        page.lines.append(Text(x + (15 if first else 0), 60 + 12 * row, text))
    doc = reflow.reflow_file(write_pdf([page]), language="en")
    assert doc.paragraphs == paras
    assert any(d.rule == "geometry-column-continues" for d in doc.decisions)


# -- OCR XML ---------------------------------------------------------------------------------


def _regions() -> list[list[Text]]:
    """A headline and two columns, the first with an engine-marked line-end hyphen."""
    head = [Text(50, 60, HEADLINE, 22, "B")]
    left = [
        Text(50, 100, "The festival opened on Satur-"),
        Text(50, 112, "day with boats from every"),
        Text(50, 124, "village along the coast."),
    ]
    right = [
        Text(320, 100, "Music played on three"),
        Text(320, 112, "stages until late at night."),
    ]
    return [head, left, right]


def test_alto_lines_hyphen_marks_and_confidence() -> None:
    data = to_alto([_regions()])
    assert detect_kind(data) == "alto"
    lines, _ = read(data)
    i = lines.texts.index("The festival opened on Satur-")
    box = lines.boxes[i]
    assert box.hyphen_mark and box.region == "p1_b2:text" and box.ref.startswith("line")
    assert 0.9 <= box.confidence <= 1.0
    assert lines.boxes[0].bold is True and lines.boxes[0].font_size == 22
    doc = reflow.reflow_file(data, language="en")
    assert "The festival opened on Saturday with boats from every village along the coast." in (
        doc.paragraphs
    )
    assert in_order(doc.paragraphs, "Saturday", "Music played")


def test_alto_not_sign_hyphen() -> None:
    doc = reflow.reflow_file(to_alto([_regions()], hyphen="¬"), language="en")
    assert any(p.startswith("The festival opened on Saturday with") for p in doc.paragraphs)


def test_page_xml_reading_order_is_followed_and_kept_as_evidence() -> None:
    # The file says: right column before the left one.  Its ReadingOrder is followed (on the
    # OCR-D ground truth it beats the geometric order), and each line keeps its region's place.
    data = to_page(_regions(), order=[0, 2, 1])
    assert detect_kind(data) == "page"
    lines, _ = read(data)
    texts = [t for t in lines.texts if t.strip()]
    assert texts.index("Music played on three") < texts.index("The festival opened on Satur-")
    i = lines.texts.index("Music played on three")
    assert lines.boxes[i].region == "r3:paragraph#2" and lines.boxes[i].confidence is not None
    # The columns are still measured from the geometry.
    assert lines.boxes[i].column == 1


def test_page_xml_without_reading_order_is_ordered_by_geometry() -> None:
    regions = _regions()
    scrambled = [regions[2], regions[0], regions[1]]  # right column, headline, left column
    lines, _ = read(to_page(scrambled, reading_order=False))
    texts = [t for t in lines.texts if t.strip()]
    assert texts[0] == HEADLINE
    assert texts.index("village along the coast.") < texts.index("Music played on three")


def test_hocr_lines_and_pages() -> None:
    data = to_hocr([_regions(), [[Text(50, 100, "A second page.")]]])
    assert detect_kind(data) == "hocr"
    lines, _ = read(data)
    assert lines.page_count == 2
    i = lines.texts.index("Music played on three")
    b = lines.boxes[i]
    assert b.column == 1 and b.font_size == 10 and 0.9 <= b.confidence <= 0.99
    # The innermost area the engine gave: its paragraph.
    assert b.region == "par_1_3:ocr_par"


def test_tesseract_tsv_lines_regions_confidence_and_pages() -> None:
    data = to_tsv([_regions(), [[Text(50, 100, "A second page.")]]])
    assert detect_kind(data) == "tsv"
    lines, warnings = read(data)
    assert warnings == [] and lines.page_count == 2
    i = lines.texts.index("Music played on three")
    b = lines.boxes[i]
    # Tesseract's block and paragraph as the region, the line height as the size, the words'
    # mean confidence (91.5, 92.5, 93.5 and 94.5 of 100).
    assert b.region == "b3.p1" and b.ref == "p1.b3.p1.l1" and b.column == 1
    assert b.confidence == 0.93 and b.font_size == b.bottom - b.top
    assert lines.texts[lines.boxes.index(next(x for x in lines.boxes if x and x.page == 1))] == (
        "\x0cA second page."
    )
    doc = reflow.reflow_file(data, language="en")
    assert "The festival opened on Saturday with boats from every village along the coast." in (
        doc.paragraphs
    )
    assert in_order(doc.paragraphs, "Saturday", "Music played")


def test_tesseract_tsv_keeps_tesseracts_order() -> None:
    # Tesseract's reading order is followed (it beats the geometric one on the committed TSV of
    # eval/real), here the right column before the left one.
    regions = _regions()
    lines, _ = read(to_tsv([[regions[0], regions[2], regions[1]]]))
    texts = [t for t in lines.texts if t.strip()]
    assert texts.index("Music played on three") < texts.index("The festival opened on Satur-")


def test_tesseract_tsv_bad_rows_are_skipped_and_said() -> None:
    good = to_tsv([_regions()])
    bad = good + b"5\t1\tx\t1\t1\t1\t0\t0\t1\t1\t90\tbroken\nnot a row at all\n"
    lines, warnings = read(bad)
    assert "Music played on three" in lines.texts and "broken" not in lines.source
    assert len(warnings) == 1 and warnings[0].startswith("2 row(s) not in Tesseract's TSV form")
    # Only the header: no lines, a clear error.
    with pytest.raises(ReaderError, match="Tesseract TSV file has no text lines"):
        read(good.split(b"\n", 1)[0] + b"\n")
    # Without the header it is not Tesseract's TSV, whatever its name: text.
    assert detect_kind(to_tsv([_regions()], header=False)) == "text"


_TSV_FIELD = st.one_of(
    st.integers(-3, 7).map(str), st.floats(-1e3, 1e4).map(str), st.text(max_size=8)
)


@given(st.lists(st.lists(_TSV_FIELD, min_size=0, max_size=14), max_size=40))
@settings(max_examples=150, deadline=None)
def test_tesseract_tsv_any_rows_read_or_clear_error(rows: list[list[str]]) -> None:
    data = to_tsv([]) + "\n".join("\t".join(r) for r in rows).encode("utf-8", "surrogatepass")
    try:
        lines, _ = read(data, "tsv")
    except ReaderError:
        return
    assert lines.boxes is not None and len(lines.boxes) == len(lines.texts)


def test_tesseract_tsv_words_without_line_rows() -> None:
    # Rows filtered to the words (level 5) only: each line is made from its words' boxes.
    data = b"\n".join(
        row
        for row in to_tsv([_regions()]).split(b"\n")
        if row.startswith((b"level", b"5\t")) or not row
    )
    lines, _ = read(data)
    assert "Music played on three" in lines.texts
    i = lines.texts.index("Music played on three")
    assert lines.boxes[i].x0 == 320


def test_xml_entity_bomb_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout>&b;</Layout></alto>'
    )
    with pytest.raises(ReaderError, match="refused"):
        read(bomb)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout>&x;</Layout></alto>'
    ).encode()
    with pytest.raises(ReaderError, match="refused"):
        read(data)


def test_broken_xml_is_a_clear_error() -> None:
    with pytest.raises(ReaderError, match="not well-formed XML"):
        read(to_alto([_regions()])[:-40])


# -- CLI -------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reflow", *args], capture_output=True, timeout=120)


def test_cli_reads_pdf_alto_page_hocr_tsv(tmp_path: Path) -> None:
    files = {
        "paper.pdf": write_pdf([two_columns()]),
        "page.xml": to_page(_regions()),
        "alto.xml": to_alto([_regions()]),
        "page.hocr": to_hocr([_regions()]),
        "page.tsv": to_tsv([_regions()]),
        # The kind comes from the content, not the name.
        "misnamed.txt": to_alto([_regions()]),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        r = run("--lang", "en", str(tmp_path / name))
        assert r.returncode == 0, (name, r.stderr)
        out = r.stdout.decode()
        assert "<" not in out and "%PDF" not in out, name
        assert "Music played on three" in out, (name, out)


def test_cli_json_blocks_say_where(tmp_path: Path) -> None:
    (tmp_path / "alto.xml").write_bytes(to_alto([_regions()]))
    r = run("--format", "json", str(tmp_path / "alto.xml"))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    refs = [b["ref"] for blk in d["blocks"] for b in blk["boxes"]]
    assert refs and all(ref.startswith("line") for ref in refs)
    # The engine's confidence and region stay with each line.
    boxes = [b for blk in d["blocks"] for b in blk["boxes"]]
    assert all(0.9 <= b["confidence"] <= 1.0 and b["region"].endswith(":text") for b in boxes)


def test_cli_bad_pdf_is_one_line_error_per_file(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(write_pdf([Page(image=True)]))
    (tmp_path / "good.pdf").write_bytes(write_pdf([two_columns()]))
    r = run(str(tmp_path / "scan.pdf"), str(tmp_path / "good.pdf"))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "scan.pdf" in err and "needs OCR" in err
    assert "Traceback" not in err
    assert "Music played" in r.stdout.decode()


def test_batch_folder_of_pdfs_and_ocr_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "scans").mkdir(parents=True)
    (src / "paper.pdf").write_bytes(write_pdf([two_columns(), Page([Text(50, 80, "The end.")])]))
    (src / "scans" / "p1.xml").write_bytes(to_alto([_regions()]))
    (src / "scans" / "p2.hocr").write_bytes(to_hocr([_regions()]))
    (src / "scans" / "p3.tsv").write_bytes(to_tsv([_regions()]))
    (src / "scans" / "image.pdf").write_bytes(write_pdf([Page(image=True)]))
    (src / "notes.xml").write_bytes(b"<notes><note>not OCR</note></notes>")
    out = tmp_path / "out"
    r = run("batch", str(src), "-o", str(out), "--workers", "1", "--lang", "en")
    assert r.returncode == 1, r.stderr  # two inputs failed, listed in the errors file
    paper = (out / "paper.pdf.txt").read_text(encoding="utf-8")
    # Pages in order: page 1's columns, then page 2.
    assert in_order([paper], HEADLINE, P1, P2, P3, P4, "The end.")
    for name in ("scans/p1.xml.txt", "scans/p2.hocr.txt", "scans/p3.tsv.txt"):
        assert "Music played on three" in (out / name).read_text(encoding="utf-8")
    errors = [json.loads(line) for line in (out / "reflow-errors.jsonl").read_text().splitlines()]
    reasons = {e["id"]: e["reason"] for e in errors}
    assert set(reasons) == {"scans/image.pdf.txt", "notes.xml.txt"}
    assert "needs OCR" in reasons["scans/image.pdf.txt"]
    assert "not a PDF, ALTO, PAGE-XML, hOCR or Tesseract TSV file" in reasons["notes.xml.txt"]


# -- properties --------------------------------------------------------------------------------

_box = st.tuples(
    st.floats(0, 500, allow_nan=False),
    st.floats(0, 700, allow_nan=False),
    st.floats(1, 200, allow_nan=False),
    st.floats(1, 30, allow_nan=False),
).map(lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3]))
# Characters a reader's line never holds (they would cut a line or a page in the text).
_BREAKERS = set("\r\n\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@given(st.lists(_box, max_size=60))
@settings(max_examples=200, deadline=None)
def test_reading_order_keeps_every_box_once(boxes: list[tuple[float, ...]]) -> None:
    segments = reading_order(boxes)
    assert sorted(b for seg in segments for b in seg) == sorted(boxes)


@given(st.lists(st.lists(st.tuples(_box, st.text(max_size=12)), max_size=6), max_size=4))
@settings(max_examples=150, deadline=None)
def test_build_lines_loses_no_character(pages: list[list[tuple[tuple[float, ...], str]]]) -> None:
    page_lines = [[PageLine(*box, text) for box, text in page] for page in pages]
    lines = build_lines(page_lines)
    assert lines.boxes is not None and len(lines.boxes) == len(lines.texts)
    has_text = any(clean(t) for page in pages for _, t in page)
    # Pages without text count as pages (a form feed each), except a lone empty page: no text.
    assert lines.page_count == (len(pages) if has_text or len(pages) > 1 else 0)
    chars = (ch for page in pages for _, t in page for ch in t)
    want = sorted(ch for ch in chars if not ch.isspace() and ch not in _BREAKERS)
    got = sorted(ch for t in lines.texts for ch in t if not ch.isspace())
    assert got == want


def test_page_xml_region_text_without_lines() -> None:
    """ABBYY-style PAGE (2010 schema): text only on the region, corners as <Point>s."""
    data = (
        b'<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19">'
        b'<Page imageWidth="600" imageHeight="800"><TextRegion id="r1" type="paragraph">'
        b'<Coords><Point x="10" y="10"/><Point x="500" y="10"/><Point x="500" y="70"/>'
        b'<Point x="10" y="70"/></Coords><TextEquiv><Unicode>The council met on Mon-\n'
        b"day and agreed.\nThe new market opens in May.</Unicode></TextEquiv></TextRegion>"
        b"</Page></PcGts>"
    )
    lines, _ = read(data)
    want = ["The council met on Mon-", "day and agreed.", "The new market opens in May."]
    assert lines.texts == want
    assert [b.ref for b in lines.boxes] == ["r1:l1", "r1:l2", "r1:l3"]
    # The file gives no line geometry: no size, so no geometry rule measures these lines.
    assert all(b.font_size is None for b in lines.boxes)
    doc = reflow.reflow_file(data, language="en")
    assert not any(d.rule.startswith("geometry") for d in doc.decisions)
    assert doc.paragraphs[0].startswith("The council met on Monday and agreed.")


def _column_lines(
    rows: list[tuple[str, float]], x0: float = 50.0, stretch: list[float] | None = None
) -> list[PageLine]:
    """One column of 10 pt body lines, 12 pt apart, flush left: (text, right end) each."""
    return [
        PageLine(x0, 60 + 12 * k, x1, 70 + 12 * k, t, 10.0, stretch=stretch and stretch[k])
        for k, (t, x1) in enumerate(rows)
    ]


def test_pdf_reader_gives_the_type_s_horizontal_scale() -> None:
    page = Page([Text(50, 80, "A line set wider than natural,", scale=1.02), Text(50, 92, "ends.")])
    lines, _ = read(write_pdf([page]))
    assert [b.stretch for b in lines.boxes] == [1.02, 1.0]


def test_natural_width_line_ends_the_paragraph_where_lines_are_stretched() -> None:
    """Ragged right, no indent, no gap, a typesetter that stretches its lines' type (pdfTeX's
    font expansion): a sentence ending on a line at its natural width ends its paragraph, one
    ending on a stretched line does not, however far each stops from the right edge."""
    words = ["boats", "came", "in", "one", "by", "one", "with", "fish", "for", "the", "town"]
    words += ["while", "nets", "dried", "on", "every", "wall"]
    wrapped = [(" ".join(words[(k + j) % len(words)] for j in range(6)), 240.0) for k in range(24)]
    rows = wrapped[:12]
    rows.append(("the town. Then the sea was calm.", 236.0))  # stretched: runs on
    rows.append(("Nets dried on the wall and the", 240.0))
    rows.append(("boats came home at night.", 236.0))  # natural width: the paragraph's end
    rows.append(("Straight after the rain the", 240.0))
    rows += wrapped[12:]
    rows.append(("was held.", 100.0))
    stretch = [1.02] * len(rows)
    stretch[14] = stretch[-1] = 1.0
    lines = build_lines([_column_lines(rows, stretch=stretch)])
    doc = reflow.pipeline.reflow_lines(lines, reflow.Config(language="en"))
    assert len(doc.paragraphs) == 2, doc.paragraphs
    assert doc.paragraphs[1].startswith("Straight")
    ev = {d.rule: d.evidence for d in doc.decisions}
    assert "natural width (1.000)" in ev["geometry-natural-width"]
    assert "stretched to fill it (1.020)" in ev["geometry-stretched"]
    # Without the stretch (a typesetter that does not expand type) neither rule runs.
    plain = reflow.pipeline.reflow_lines(
        build_lines([_column_lines(rows)]), reflow.Config(language="en")
    )
    assert not {"geometry-natural-width", "geometry-stretched"} & {d.rule for d in plain.decisions}


def test_last_line_shorter_than_any_wrapped_line_ends_the_paragraph() -> None:
    """Ragged right, no indent, no gap: a sentence that ends further from the column's right
    edge than the document's wrapped lines ever stop ends its paragraph, even when the next
    (long) word could not have fitted there; a sentence ending on a full line runs on."""
    vocab = [
        "boats",
        "came",
        "in",
        "one",
        "by",
        "one",
        "with",
        "fish",
        "for",
        "the",
        "town",
        "while",
        "nets",
        "dried",
        "on",
        "every",
        "wall",
        "and",
        "gulls",
        "cried",
        "over",
        "roofs",
        "where",
        "smoke",
        "rose",
        "from",
        "old",
        "chimneys",
        "near",
        "quays",
    ]
    wrapped = [
        (" ".join(vocab[(k + j) % len(vocab)] for j in range(7)), 245.0 - (k % 4))
        for k in range(30)
    ]
    rows = wrapped[:15]
    rows.append(("for the town. Then the sea was calm and", 246.0))  # a sentence ends inside
    rows.append(("the nets were dry and it came to an end.", 246.0))  # ...and on a full line
    rows.append(("So the day was over.", 190.0))  # 5.6 em short: the paragraph's end
    rows.append(("Straight after the rain the market", 244.0))
    rows += wrapped[15:]
    rows.append(("was held.", 100.0))
    lines = build_lines([_column_lines(rows)])
    doc = reflow.pipeline.reflow_lines(lines, reflow.Config(language="en"))
    assert len(doc.paragraphs) == 2
    assert doc.paragraphs[1].startswith("Straight")
    ev = {d.rule: d.evidence for d in doc.decisions}
    assert "5.50 em before the column's right edge" in ev["geometry-last-line"]
    assert "geometry-full-line" in ev


def test_page_xml_nested_order_and_regions_left_out() -> None:
    """Indices are local to their OrderedGroup (a nested group is read where it stands), and a
    region the ReadingOrder leaves out goes where its top edge puts it, not after the page."""
    data = to_page(_regions(), order=[2, 1])  # the headline (top of the page) left out
    texts = [t for t in read(data)[0].texts if t.strip()]
    assert texts[0] == HEADLINE
    assert texts.index("Music played on three") < texts.index("The festival opened on Satur-")
    # The group comes first in the file but second by its index; sorting every index of the
    # file together would read r2, r1, r3.
    nested = (
        '<OrderedGroup id="g1" index="1"><RegionRefIndexed index="0" regionRef="r2"/>'
        '<RegionRefIndexed index="1" regionRef="r3"/></OrderedGroup>'
        '<RegionRefIndexed index="0" regionRef="r1"/>'
    )
    flat = to_page(_regions(), reading_order=True).decode()
    start = flat.index('<OrderedGroup id="ro1">') + len('<OrderedGroup id="ro1">')
    end = flat.index("</OrderedGroup>")
    texts = [t for t in read((flat[:start] + nested + flat[end:]).encode())[0].texts if t.strip()]
    assert texts[0] == HEADLINE
    assert texts.index("The festival opened on Satur-") < texts.index("Music played on three")


def test_ocr_line_heights_are_not_font_sizes() -> None:
    """An OCR reader's sizes are line heights: a tall line of a short page (a few distinct
    heights, as a typesetter's sizes would be) is not called a heading by its size."""
    tall = [Text(50, 60, "Tall line of the page", 22)]
    body = [Text(50, 100 + 12 * k, f"body line number {k} of the page goes on") for k in range(6)]
    doc = reflow.reflow_file(to_page([tall, body]), language="en")
    assert not any(d.rule.startswith("geometry-heading") for d in doc.decisions)
    doc = reflow.reflow_file(write_pdf([Page(lines=tall + body)]), language="en")
    assert any(d.rule.startswith("geometry-heading") for d in doc.decisions)


def test_ligature_glyph_gives_its_letters_in_one_word() -> None:
    """A ligature glyph whose ToUnicode is two letters ("fi"): PDFium gives both with the
    glyph's box; they stay one word ("firewall", not "f irewall" or two lines)."""
    page = Page(lines=[Text(50, 100, "The Arewall is conAgured for Ave users.", 10.0, "L")])
    lines, _ = read(write_pdf([page]), "pdf")
    assert [t for t in lines.texts if t.strip()] == ["The firewall is configured for five users."]


def test_review_page_of_a_pdf(tmp_path: Path) -> None:
    """`reflow review` reads what `reflow` reads: a PDF's page shows its text, not its bytes."""
    (tmp_path / "paper.pdf").write_bytes(write_pdf([two_columns()]))
    out = tmp_path / "paper.html"
    r = run("review", "--lang", "en", str(tmp_path / "paper.pdf"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = out.read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Music played on three" in page and "%PDF" not in page


def test_double_spaced_ocr_page_first_line_is_not_a_running_head() -> None:
    """A typescript read by OCR leaves more than a line height between any two lines: its
    first line of text stands 1.6 line heights above the next, as far as the others; only a
    line set off further than the usual gap plus 1.5 ems is a running head."""

    def page(head_gap: float) -> list[PageLine]:
        rows = [PageLine(50, 40, 300, 50, "THE HARBOUR GAZETTE", 10.0, None, "h", 0.9, "b0.p1")]
        top = 50 + head_gap
        body = [
            "The festival opened on Saturday",
            "with boats from every village",
            "along the coast, and the weather",
            "held until late in the evening.",
            "Local bakers sold out by noon,",
            "and the stalls stayed open late.",
        ]
        for k, text in enumerate(body):
            y = top + 24 * k  # 10 high, 14 apart: double-spaced
            rows.append(PageLine(50, y, 300, y + 10, text, 10.0, None, f"l{k}", 0.9, "b1.p1"))
        return rows

    near = reflow.pipeline.reflow_lines(build_lines([page(16)]), reflow.Config(language="en"))
    assert not any(b.role is reflow.Role.PAGE_HEADER for b in near.blocks)
    far = reflow.pipeline.reflow_lines(build_lines([page(40)]), reflow.Config(language="en"))
    assert [b.text for b in far.blocks if b.role is reflow.Role.PAGE_HEADER] == [
        "THE HARBOUR GAZETTE"
    ]


def test_word_cut_before_an_engine_block_break_goes_on_below() -> None:
    # Tesseract makes a block of one typed line; the word cut at its end goes on in the line
    # right below, flush left in the same column: measured, the hyphen rules decide (as text,
    # the lone line before a blank line is kept apart).
    column = [
        Text(50, 100, "The festival opened on Saturday with boats from"),
        Text(50, 112, "every village along the coast, and the crowd"),
        Text(50, 124, "cheered when the old captain of the harbour"),
    ]
    lone = [Text(50, 136, "welcomed the guests from Porthle-")]
    rest = [
        Text(50, 148, "ven and the choir sang on the quay until late"),
        Text(50, 160, "in the evening, when the lanterns were lit at"),
        Text(50, 172, "last and the boats went out again."),
    ]
    doc = reflow.reflow_file(to_tsv([[column, lone, rest]]), language="en")
    assert any("the guests from Porthleven and the choir" in p for p in doc.paragraphs)
    cut = next(d for d in doc.decisions if doc.source.split("\n")[d.line].endswith("Porthle-"))
    assert cut.action is reflow.Action.DEHYPHENATE and "right below" in cut.evidence
    # The same lines as text: the lone line stays apart.
    assert not any("Porthleven" in p for p in reflow.reflow(doc.source, language="en").paragraphs)
