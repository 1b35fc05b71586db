"""hOCR (Tesseract, OCRopus, Kraken...): lines with their bboxes, areas and word confidences.

Read with the standard library's HTML parser, which never fetches anything and expands only
HTML's own character references.  Every element whose class is ``ocr_line``, ``ocrx_line``,
``ocr_header``, ``ocr_caption`` or ``ocr_textfloat`` is a line: its text (words joined by
spaces), its ``bbox`` from the ``title`` properties, ``x_size`` as its font size (else the
line height), the mean ``x_wconf`` of its words (0-100 in hOCR, 0..1 here) as its confidence,
and the enclosing ``ocr_carea`` or ``ocr_par`` as its region.  Each ``ocr_page`` is a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from reflow.readers.base import PageLine

_LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_REGION_CLASSES = {"ocr_carea", "ocr_par", "ocrx_block"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_BBOX = re.compile(
    r"\bbbox\s+(-?[\d.]{1,12})\s+(-?[\d.]{1,12})\s+(-?[\d.]{1,12})\s+(-?[\d.]{1,12})"
)
_XSIZE = re.compile(r"\bx_size\s+([\d.]{1,12})")
_WCONF = re.compile(r"\bx_wconf\s+([\d.]{1,12})")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pages: list[list[PageLine]] = []
        self.stack: list[tuple[str, str, str | None]] = []  # (tag, role, region before)
        self.region: str | None = None
        self.line: dict | None = None
        self.counter = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = set(a.get("class", "").split())
        title = a.get("title", "")
        role = ""
        before = self.region
        if "ocr_page" in classes:
            self.pages.append([])
            role = "page"
        elif classes & _REGION_CLASSES and self.line is None:
            kind = sorted(classes & _REGION_CLASSES)[0]
            self.counter += 1
            self.region = f"{a.get('id') or f'area{self.counter}'}:{kind}"
            role = "region"
        elif classes & _LINE_CLASSES and self.line is None:
            m = _BBOX.search(title)
            if m:
                if not self.pages:
                    self.pages.append([])
                size = _XSIZE.search(title)
                self.counter += 1
                self.line = {
                    "bbox": tuple(float(v) for v in m.groups()),
                    "size": float(size.group(1)) if size else None,
                    "id": a.get("id") or f"line{self.counter}",
                    "kind": sorted(classes & _LINE_CLASSES)[0],
                    "text": [],
                    "conf": [],
                }
                role = "line"
        elif "ocrx_word" in classes and self.line is not None:
            self.line["text"].append(" ")
            wc = _WCONF.search(title)
            if wc:
                self.line["conf"].append(float(wc.group(1)) / 100)
        if tag not in _VOID:
            self.stack.append((tag, role, before))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching tag (HTML may leave inner tags open).
        while self.stack:
            t, role, before = self.stack.pop()
            if role == "line":
                self._end_line()
            elif role == "region":
                self.region = before
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.line is not None:
            self.line["text"].append(data)

    def _end_line(self) -> None:
        ln, self.line = self.line, None
        if ln is None:
            return
        x0, y0, x1, y1 = ln["bbox"]
        text = " ".join("".join(ln["text"]).split())
        conf = ln["conf"]
        kind = ln["kind"]
        region = self.region
        if kind != "ocr_line" and kind != "ocrx_line":
            region = f"{region or ln['id']}:{kind.removeprefix('ocr_')}"
        self.pages[-1].append(
            PageLine(
                x0,
                y0,
                x1,
                y1,
                text,
                ln["size"] or (y1 - y0),
                None,
                ln["id"],
                round(sum(conf) / len(conf), 3) if conf else None,
                region,
                text.endswith("¬"),
            )
        )

    def close(self) -> None:
        super().close()
        while self.stack:
            self.handle_endtag(self.stack[-1][0])


def iter_hocr_pages(data: bytes) -> Iterator[list[PageLine]]:
    """The lines of each ``ocr_page`` of an hOCR document."""
    parser = _Parser()
    parser.feed(data.decode("utf-8", "replace"))
    parser.close()
    yield from parser.pages
