"""ALTO (v1-v4): lines with their boxes, the engine's hyphen marks, blocks and confidences.

A ``TextLine`` gives one line: its ``String`` contents joined by spaces, and the ``HYP``
element's content (the hyphen as printed) at its end, with :attr:`Box.hyphen_mark` set: the
engine said this is a line-break hyphen (the engine still decides whether to remove it).  The
line's box is its ``HPOS``/``VPOS``/``WIDTH``/``HEIGHT`` (in the file's ``MeasurementUnit``),
its confidence the mean of its strings' ``WC``, its region the enclosing ``TextBlock`` (with a
``ComposedBlock``'s ``TYPE`` when there is one), its font size the ``TextStyle`` its
``STYLEREFS`` name (else the line height) and bold when that style says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from reflow.readers.base import PageLine
from reflow.readers.xmlsafe import parse


def _num(el: Element, name: str) -> float | None:
    try:
        return float(el.get(name, ""))
    except ValueError:
        return None


def _styles(root: Element) -> dict[str, tuple[float | None, bool]]:
    out = {}
    for st in root.iter("TextStyle"):
        sid = st.get("ID")
        if sid:
            out[sid] = (_num(st, "FONTSIZE"), "bold" in st.get("FONTSTYLE", "").lower())
    return out


def _style(refs: str | None, styles: dict[str, tuple[float | None, bool]]):
    for ref in (refs or "").split():
        if ref in styles:
            return styles[ref]
    return None


def _blocks(el: Element, kind: str) -> Iterator[tuple[Element, str]]:
    """Text blocks in document order, with the type of the composed block around them."""
    for child in el:
        if child.tag == "TextBlock":
            yield child, kind
        elif child.tag == "ComposedBlock":
            yield from _blocks(child, child.get("TYPE") or kind)
        elif child.tag in ("PrintSpace", "TopMargin", "BottomMargin", "LeftMargin", "RightMargin"):
            yield from _blocks(child, "margin" if "Margin" in child.tag else kind)


def iter_alto_pages(data: bytes) -> Iterator[list[PageLine]]:
    """The lines of each ``Page`` of an ALTO document."""
    root = parse(data)
    styles = _styles(root)
    for p, page in enumerate(root.iter("Page")):
        lines: list[PageLine] = []
        for b, (block, kind) in enumerate(_blocks(page, "text")):
            region = f"{block.get('ID') or f'p{p + 1}:b{b + 1}'}:{kind}"
            block_style = _style(block.get("STYLEREFS"), styles)
            for k, line in enumerate(block.iter("TextLine")):
                words: list[str] = []
                confs: list[float] = []
                hyphen = None
                first_style = None
                for el in line:
                    if el.tag == "String":
                        words.append(el.get("CONTENT", ""))
                        wc = _num(el, "WC")
                        if wc is not None:
                            confs.append(wc)
                        first_style = first_style or _style(el.get("STYLEREFS"), styles)
                    elif el.tag == "HYP":
                        hyphen = el.get("CONTENT") or "-"
                text = " ".join(w for w in words if w)
                if hyphen is not None:
                    text += hyphen
                x, y = _num(line, "HPOS"), _num(line, "VPOS")
                w, h = _num(line, "WIDTH"), _num(line, "HEIGHT")
                if x is None or y is None or w is None or h is None:
                    # No geometry on this line: keep the engine's order (one line-height steps).
                    x, y, w, h = 0.0, float(len(lines) * 10), 1000.0, 9.0
                style = _style(line.get("STYLEREFS"), styles) or first_style or block_style
                size = style[0] if style and style[0] else h
                lines.append(
                    PageLine(
                        x,
                        y,
                        x + w,
                        y + h,
                        text,
                        size,
                        style[1] if style else None,
                        line.get("ID") or f"p{p + 1}:b{b + 1}:l{k + 1}",
                        round(sum(confs) / len(confs), 3) if confs else None,
                        region,
                        hyphen is not None,
                    )
                )
        yield lines
