"""Write ALTO, PAGE-XML and hOCR for the reader tests from a page of placed lines (tests/pdfgen).

Our own text, our own layout: each line becomes the format's line element with the box the
writer estimates (pixels at 1 point = 1 pixel), words with confidences, and a line that ends
in "-" or "¬" followed by a line-break in the text gets the format's own hyphen mark (ALTO
``HYP``; PAGE and hOCR write "¬" when ``mark="¬"``).  Each column (or the headline) is one
region, in the order given.
"""

from __future__ import annotations

from html import escape

from pdfgen import CHAR_WIDTH, Text


def _box(t: Text) -> tuple[int, int, int, int]:
    x0 = round(t.x)
    top = round(t.y - t.size * 0.8)
    x1 = round(t.x + len(t.text) * CHAR_WIDTH * t.size * 0.9)
    bottom = round(t.y + t.size * 0.25)
    return x0, top, x1, bottom


def to_alto(pages: list[list[list[Text]]], hyphen: str = "-") -> bytes:
    """``pages`` -> regions -> lines.  A line ending in ``hyphen`` gets a HYP element."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">',
        "<Description><MeasurementUnit>pixel</MeasurementUnit></Description>",
        '<Styles><TextStyle ID="big" FONTSIZE="22" FONTSTYLE="bold"/></Styles>',
        "<Layout>",
    ]
    n = 0
    for p, regions in enumerate(pages):
        out.append(f'<Page ID="page{p + 1}" PHYSICAL_IMG_NR="{p + 1}"><PrintSpace>')
        for r, region in enumerate(regions):
            out.append(f'<TextBlock ID="p{p + 1}_b{r + 1}">')
            for t in region:
                n += 1
                x0, top, x1, bottom = _box(t)
                style = ' STYLEREFS="big"' if t.font == "B" else ""
                out.append(
                    f'<TextLine ID="line{n}" HPOS="{x0}" VPOS="{top}" WIDTH="{x1 - x0}" '
                    f'HEIGHT="{bottom - top}"{style}>'
                )
                words = t.text.split()
                hyp = words and words[-1].endswith(hyphen) and len(words[-1]) > 1
                if hyp:
                    words[-1] = words[-1][: -len(hyphen)]
                for k, w in enumerate(words):
                    if k:
                        out.append("<SP/>")
                    out.append(f'<String CONTENT="{escape(w)}" WC="0.{90 + k % 9}"/>')
                if hyp:
                    out.append(f'<HYP CONTENT="{escape(hyphen)}"/>')
                out.append("</TextLine>")
            out.append("</TextBlock>")
        out.append("</PrintSpace></Page>")
    out += ["</Layout>", "</alto>"]
    return "\n".join(out).encode("utf-8")


def to_page(
    regions: list[list[Text]], order: list[int] | None = None, reading_order: bool = True
) -> bytes:
    """One PAGE-XML page; ``order`` is the engine's reading order of the regions (written
    only with ``reading_order``)."""
    ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<PcGts xmlns="{ns}"><Metadata><Creator>reflow tests</Creator></Metadata>',
        '<Page imageFilename="page.png" imageWidth="612" imageHeight="792">',
    ]
    order = order if order is not None else list(range(len(regions)))
    if reading_order:
        out.append('<ReadingOrder><OrderedGroup id="ro1">')
        out += [
            f'<RegionRefIndexed index="{k}" regionRef="r{r + 1}"/>' for k, r in enumerate(order)
        ]
        out.append("</OrderedGroup></ReadingOrder>")
    n = 0
    for r, region in enumerate(regions):
        kind = "heading" if region and region[0].font == "B" else "paragraph"
        out.append(f'<TextRegion id="r{r + 1}" type="{kind}">')
        for t in region:
            n += 1
            x0, top, x1, bottom = _box(t)
            pts = f"{x0},{top} {x1},{top} {x1},{bottom} {x0},{bottom}"
            out.append(
                f'<TextLine id="r{r + 1}l{n}"><Coords points="{pts}"/>'
                f'<TextEquiv conf="0.{80 + n % 19}"><Unicode>{escape(t.text)}</Unicode>'
                "</TextEquiv></TextLine>"
            )
        out.append("</TextRegion>")
    out += ["</Page>", "</PcGts>"]
    return "\n".join(out).encode("utf-8")


def to_hocr(pages: list[list[list[Text]]]) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>',
        '<meta name="ocr-system" content="reflow tests"/></head><body>',
    ]
    n = 0
    for p, regions in enumerate(pages):
        out.append(f"<div class='ocr_page' id='page_{p + 1}' title='bbox 0 0 612 792'>")
        for r, region in enumerate(regions):
            out.append(
                f"<div class='ocr_carea' id='block_{p + 1}_{r + 1}'>"
                f"<p class='ocr_par' id='par_{p + 1}_{r + 1}'>"
            )
            for t in region:
                n += 1
                x0, top, x1, bottom = _box(t)
                out.append(
                    f"<span class='ocr_line' id='line_{n}' title='bbox {x0} {top} {x1} {bottom};"
                    f" x_size {t.size:.0f}'>"
                )
                for k, w in enumerate(t.text.split()):
                    out.append(
                        f"<span class='ocrx_word' id='word_{n}_{k}' "
                        f"title='bbox {x0} {top} {x1} {bottom}; x_wconf {90 + k % 9}'>"
                        f"{escape(w)}</span>"
                    )
                out.append("</span>")
            out.append("</p></div>")
        out.append("</div>")
    out += ["</body></html>"]
    return "\n".join(out).encode("utf-8")


def to_tsv(pages: list[list[list[Text]]], header: bool = True) -> bytes:
    """Tesseract's TSV: page, block (one per region), paragraph, line and word rows."""
    rows = (
        [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
        ]
        if header
        else []
    )
    for p, regions in enumerate(pages, 1):
        rows.append(f"1\t{p}\t0\t0\t0\t0\t0\t0\t612\t792\t-1\t")
        for b, region in enumerate(regions, 1):
            rows.append(f"2\t{p}\t{b}\t0\t0\t0\t0\t0\t612\t792\t-1\t")
            rows.append(f"3\t{p}\t{b}\t1\t0\t0\t0\t0\t612\t792\t-1\t")
            for n, t in enumerate(region, 1):
                x0, top, x1, bottom = _box(t)
                rows.append(f"4\t{p}\t{b}\t1\t{n}\t0\t{x0}\t{top}\t{x1 - x0}\t{bottom - top}\t-1\t")
                for k, w in enumerate(t.text.split(), 1):
                    rows.append(
                        f"5\t{p}\t{b}\t1\t{n}\t{k}\t{x0}\t{top}\t{x1 - x0}\t{bottom - top}\t"
                        f"{90 + k % 9}.5\t{w}"
                    )
    return ("\n".join(rows) + "\n").encode("utf-8")
