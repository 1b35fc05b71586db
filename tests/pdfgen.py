"""A tiny PDF writer for the reader tests: text lines placed where we say, in the base-14 fonts.

Written for these tests (no dependency): every page is a list of :class:`Text` lines (and
optionally an image), so a test knows exactly where each line stands and in which order a person
reads them.  Widths are estimated (Helvetica averages about half an em per character); the
layouts leave room for the difference.  ``typeset_columns`` fills columns with our own sentences
the way a newspaper page does: a headline spanning the columns, paragraphs with an indented first
line, a caption under an empty frame.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

FONTS = {"R": "Helvetica", "B": "Helvetica-Bold", "I": "Helvetica-Oblique"}
CHAR_WIDTH = 0.56  # ems per character: an upper bound for Helvetica's lower case prose


@dataclass
class Text:
    x: float
    y: float  # from the top of the page, to the baseline
    text: str
    size: float = 10.0
    font: str = "R"
    scale: float = 1.0  # horizontal scale of the type (pdfTeX's font expansion writes 1.02...)


@dataclass
class Page:
    lines: list[Text] = field(default_factory=list)
    image: bool = False  # a gray image over the page (a scan without text layer)
    width: float = 612.0
    height: float = 792.0


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(pages: list[Page], compress: bool = True) -> bytes:
    """The bytes of a PDF with these pages."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    fonts = {
        k: add(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{v} /Encoding /WinAnsiEncoding >>".encode()
        )
        for k, v in FONTS.items()
    }
    # Font L: Helvetica whose "A" glyph stands for the two letters "fi" (its ToUnicode), as a
    # ligature glyph does in LibreOffice's PDFs: one glyph box, two characters.
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <00660069> "
        b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    fonts["L"] = add(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        f"/ToUnicode {to_unicode} 0 R >>".encode()
    )
    font_res = " ".join(f"/F{k} {n} 0 R" for k, n in fonts.items())
    kids = []
    for page in pages:
        ops = []
        xobj = ""
        if page.image:
            pixels = bytes([128, 200, 64, 255] * 4)
            img = add(
                b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length %d >>\nstream\n"
                % len(pixels)
                + pixels
                + b"\nendstream"
            )
            xobj = f"/XObject << /Im1 {img} 0 R >>"
            ops.append(f"q {page.width:.1f} 0 0 {page.height:.1f} 0 0 cm /Im1 Do Q")
        for t in page.lines:
            ops.append(
                f"BT /F{t.font} {t.size:.1f} Tf {t.scale:.3f} 0 0 1 {t.x:.2f} "
                f"{page.height - t.y:.2f} Tm "
                f"({_escape(t.text)}) Tj ET"
            )
        stream = "\n".join(ops).encode("latin-1")
        if compress:
            data = zlib.compress(stream)
            content = add(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
                + data
                + b"\nendstream"
            )
        else:
            content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {page.width:.1f} "
                f"{page.height:.1f}] /Resources << /Font << {font_res} >> {xobj} >> "
                f"/Contents {content} 0 R >>".encode()
            )
        )
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objs[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy line breaking at ``width`` points (estimated widths), first line indented."""
    lines: list[str] = []
    cur = ""
    room = width - indent
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if len(trial) * CHAR_WIDTH * size > room and cur:
            lines.append(cur)
            cur = word
            room = width
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Column:
    """What goes in one column: paragraphs, and a caption after paragraph ``caption_after``."""

    paragraphs: list[str]
    caption: str | None = None
    caption_after: int = 0


def typeset_columns(
    headline: str,
    columns: list[Column],
    size: float = 10.0,
    margin: float = 50.0,
    gutter: float = 20.0,
    page_width: float = 612.0,
    running_head: str | None = None,
    page_number: str | None = None,
) -> Page:
    """A newspaper page: a bold headline over all columns, then the columns side by side."""
    page = Page(width=page_width)
    lead = size * 1.2
    y = margin
    if running_head:
        page.lines.append(Text(margin, y, running_head, size * 0.8))
        y += 2.5 * lead
    page.lines.append(Text(margin, y + size, headline, size * 2.2, "B"))
    y += size * 2.2 + 2 * lead
    width = (page_width - 2 * margin - gutter * (len(columns) - 1)) / len(columns)
    bottom = y
    for c, col in enumerate(columns):
        x = margin + c * (width + gutter)
        cy = y
        for k, para in enumerate(col.paragraphs):
            for j, line in enumerate(wrap(para, width, size, indent=size * 1.5)):
                page.lines.append(Text(x + (size * 1.5 if j == 0 else 0), cy, line, size))
                cy += lead
            if col.caption is not None and k == col.caption_after:
                cy += lead * 4  # the empty frame of a picture
                for line in wrap(col.caption, width, size * 0.85):
                    page.lines.append(Text(x, cy, line, size * 0.85, "I"))
                    cy += lead * 0.9
                cy += lead * 0.5
        bottom = max(bottom, cy)
    if page_number:
        page.lines.append(Text(page_width / 2, bottom + 3 * lead, page_number, size * 0.8))
    return page
