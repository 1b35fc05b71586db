"""Line-end hyphens the input itself speaks of: a PDF whose typesetter writes the hyphens it
adds apart from their words (LibreOffice), TeX's own limits, an OCR engine's hyphen marks.

The PDFs are written by tests/pdfgen.py from our own sentences; the OCR XML inline.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pdfgen import Page, Text, write_pdf

import reflow
from reflow.model import Action
from reflow.readers import read

pytest.importorskip("pypdfium2")

#: Each printed line: its text, and whether the typesetter added its final hyphen as a text
#: object of its own (True) or the hyphen is typed inside the line's run (False).
LINES = [
    ("The volunteers wanted to re", True),
    ("build the old quay before the well", True),
    ("known market opened, and the ma", True),
    ("yor sent an e-", False),
    ("mail to every fisherman in the vil", True),
    ("lage before the festival began.", None),
]


def _pdf(apart: bool) -> bytes:
    """The lines above, each at its own baseline; with ``apart`` the added hyphens are text
    objects of their own, placed where the line's last glyph ends (measured by PDFium on a
    first pass without them), as LibreOffice writes them."""
    texts = [Text(50, 80 + 14 * k, t) for k, (t, _) in enumerate(LINES)]
    first, _ = read(write_pdf([Page(texts)]))
    ends = [b.x1 for b in first.boxes if b is not None]
    page = Page()
    for k, (t, own) in enumerate(LINES):
        if own and apart:
            # Right after its line in the content stream, as LibreOffice writes it.
            page.lines += [texts[k], Text(ends[k] + 0.1, 80 + 14 * k, "-")]
        else:
            page.lines.append(Text(50, 80 + 14 * k, t + "-" if own else t))
    return write_pdf([page])


def _decisions(doc) -> dict[str, str]:
    return {
        doc.source.split("\n")[d.line].split()[-1]: d.rule
        for d in doc.decisions
        if d.action in (Action.DEHYPHENATE, Action.KEEP_HYPHEN)
    }


def test_pdf_hyphens_written_apart_are_the_typesetters() -> None:
    data = _pdf(apart=True)
    lines, _ = read(data)
    marked = [t for t, b in zip(lines.texts, lines.boxes, strict=True) if b and b.hyphen_mark]
    assert marked == [t + "-" for t, own in LINES if own]
    doc = reflow.reflow_file(data, language="en")
    assert doc.paragraphs == [
        "The volunteers wanted to rebuild the old quay before the wellknown market opened, "
        "and the mayor sent an e-mail to every fisherman in the village before the festival "
        "began."
    ]
    rules = _decisions(doc)
    # "well-" / "known" is a compound to the text rules; the PDF says its typesetter added the
    # hyphen.  "e-" / "mail" is "email" to the lexicon; the PDF says the hyphen was typed.
    assert rules["well-"] == "geometry-hyphen-apart"
    assert rules["e-"] == "geometry-hyphen-in-word"
    evidence = next(d.evidence for d in doc.decisions if d.rule == "geometry-hyphen-in-word")
    assert "4 it added at line breaks apart" in evidence and "lexicon-joined" in evidence


def test_pdf_hyphens_inside_their_runs_leave_the_text_rules_to_decide() -> None:
    data = _pdf(apart=False)
    lines, _ = read(data)
    assert not any(b and b.hyphen_mark for b in lines.boxes)
    doc = reflow.reflow_file(data, language="en")
    rules = _decisions(doc)
    assert rules["well-"] == "lexicon-compound" and rules["e-"] == "lexicon-joined"
    assert "well-known" in doc.paragraphs[0] and "email" in doc.paragraphs[0]


def test_pdf_hyphen_option_off_is_honoured() -> None:
    doc = reflow.reflow_file(_pdf(apart=True), language="en", dehyphenate=False)
    assert not any(d.action is Action.DEHYPHENATE for d in doc.decisions)


def _alto(lang_words: tuple[str, str], hyp: str) -> bytes:
    left, right = lang_words
    return (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="p1">'
        '<PrintSpace><TextBlock ID="b1">'
        '<TextLine ID="l1" HPOS="0" VPOS="0" WIDTH="300" HEIGHT="20">'
        f'<String CONTENT="ut {left}" HPOS="0" VPOS="0" WIDTH="300" HEIGHT="20"/>{hyp}'
        "</TextLine>"
        '<TextLine ID="l2" HPOS="0" VPOS="24" WIDTH="120" HEIGHT="20">'
        f'<String CONTENT="{right} est." HPOS="0" VPOS="24" WIDTH="120" HEIGHT="20"/>'
        "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()


def test_ocr_engine_hyphen_mark_decides_only_where_nothing_else_does() -> None:
    # A language reflow has no lexicon for: the rules abstain, and the engine's HYP decides.
    marked = reflow.reflow_file(_alto(("frob", "nitz"), '<HYP CONTENT="-"/>'), language="xx")
    d = next(d for d in marked.decisions if d.action is Action.DEHYPHENATE)
    assert d.rule == "engine-hyphen-mark" and "OCR engine marked it" in d.evidence
    assert marked.paragraphs == ["ut frobnitz est."]
    # The same line with a plain hyphen in its text: no mark, the rules keep it (abstain).
    plain = reflow.reflow_file(_alto(("frob-", "nitz"), ""), language="xx")
    assert plain.paragraphs == ["ut frob-nitz est."]
    # With a lexicon, the rules decide and the mark is named in the evidence.
    en = reflow.reflow_file(_alto(("read", "ers"), '<HYP CONTENT="-"/>'), language="en")
    d = next(d for d in en.decisions if d.action is Action.DEHYPHENATE)
    assert d.rule == "lexicon-joined" and "OCR engine marked it" in d.evidence


def test_alto_subs_hyppart1_marks_the_line() -> None:
    data = _alto(("frob-", "nitz"), "").replace(
        b'<String CONTENT="ut frob-"',
        b'<String SUBS_TYPE="HypPart1" SUBS_CONTENT="frobnitz" CONTENT="ut frob-"',
    )
    lines, _ = read(data)
    assert lines.boxes[0].hyphen_mark
    assert reflow.reflow_file(data, language="xx").paragraphs == ["ut frobnitz est."]


def test_tex_puts_no_hyphen_after_one_letter() -> None:
    from reflow.lines import Box, split_lines
    from reflow.structure.geometry import PageGeometry

    lines = split_lines("an e-\nmail\n")
    lines.boxes, lines.producer = [Box(0, 0, 0, 50, 10, 10.0)] * 2, "pdfTeX-1.40.24"
    g = PageGeometry(lines)
    assert g.hyphen("an e-", "mail")[:2] == ("geometry-tex-word", Action.KEEP_HYPHEN)
    assert g.hyphen("the Datei.d-", "sc")[0] == "geometry-tex-word"
    assert g.hyphen("l'u-", "tilizzo") is None  # an elided article: "l'u" is TeX's word
    assert g.hyphen("„auto-", "matisch") is None  # quotes are skipped to the word
    # A suspended hyphen ("E- und U-Musik"): the hyphen rules join it with a space.
    assert g.hyphen("E-", "und U-Musik") is None
    lines.producer = "LibreOffice 7.4"
    assert PageGeometry(lines).hyphen("an e-", "mail") is None
