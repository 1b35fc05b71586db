"""PAGE-XML (2009-2019 schemas): lines with their polygons' boxes, regions, reading order.

A ``TextLine`` gives one line: its own ``TextEquiv/Unicode`` (else its words' joined by
spaces), its box the bounds of its ``Coords`` polygon, its confidence the ``TextEquiv``'s
``conf``, its region the enclosing ``TextRegion``'s id and ``type``, and, when the file has a
``ReadingOrder``, the region's place in it (``"r3:paragraph#2"``).  A page with a
``ReadingOrder`` is read in that order (regions in its order, lines in file order); one without
is ordered from the geometry.  Measured on the OCR-D ground truth (eval/real_xml.py), the
file's order beat the geometric one by far (pages with marginalia, drop capitals and side notes,
which the XY cut reads across); region types are kept as evidence only.
A line ending in "¬" carries the engine's own hyphen mark (:attr:`Box.hyphen_mark`);
one ending in "-" may be either kind, and the engine decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from reflow.readers.base import FileOrder, PageLine
from reflow.readers.xmlsafe import parse


def _points(line: Element) -> list[tuple[float, float]]:
    coords = line.find("Coords")
    if coords is None:
        return []
    pts = []
    if coords.get("points"):
        for pair in coords.get("points", "").split():
            xs = pair.split(",")
            if len(xs) == 2:
                try:
                    pts.append((float(xs[0]), float(xs[1])))
                except ValueError:
                    continue
    else:  # the 2009/2010 schemas: <Point x= y=/>
        for pt in coords.iter("Point"):
            try:
                pts.append((float(pt.get("x", "")), float(pt.get("y", ""))))
            except ValueError:
                continue
    return pts


def _text(el: Element) -> tuple[str | None, float | None]:
    """The element's own TextEquiv (the first, or index 0): its Unicode and conf."""
    equivs = [e for e in el if e.tag == "TextEquiv"]
    if not equivs:
        return None, None
    equivs.sort(key=lambda e: (e.get("index", "0") != "0",))
    te = equivs[0]
    uni = te.find("Unicode")
    try:
        conf = float(te.get("conf", ""))
    except ValueError:
        conf = None
    return (uni.text or "") if uni is not None else "", conf


def _order(page: Element) -> dict[str, int]:
    """Each region's place in the page's ``ReadingOrder``: groups are walked depth first, the
    children of an ``OrderedGroup`` by their ``index`` (local to the group, so the indices of
    two nested groups are never compared), those of an unordered group as the file has them."""
    ro = page.find("ReadingOrder")
    if ro is None:
        return {}
    out: dict[str, int] = {}
    stack = [iter(list(ro))]
    while stack:  # an explicit stack: a deeply nested file cannot exhaust the recursion limit
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        ref = el.get("regionRef")
        if ref and ref not in out:
            out[ref] = len(out)
        kids = [c for c in el if c.tag != "Labels"]
        if any(c.get("index") is not None for c in kids):
            kids.sort(key=lambda c: int(c.get("index", "0")) if c.get("index", "").isdigit() else 0)
        if kids:
            stack.append(iter(kids))
    return out


def _top(region: Element) -> float:
    pts = _points(region)
    if pts:
        return min(y for _, y in pts)
    ys = [y for line in region if line.tag == "TextLine" for _, y in _points(line)]
    return min(ys) if ys else 0.0


def _style(el: Element) -> tuple[float | None, bool | None]:
    st = el.find("TextStyle")
    if st is None:
        return None, None
    try:
        size = float(st.get("fontSize", ""))
    except ValueError:
        size = None
    bold = st.get("bold")
    return size, (bold == "true") if bold is not None else None


def _region_lines(region: Element, rid: str, evidence: str) -> list[PageLine]:
    """The lines of a region that has text but no ``TextLine`` (ABBYY exports, IMPACT ground
    truth): its ``Unicode`` cut at line breaks.  The file has no line geometry, so each line
    gets a slice of the region's box and *no font size*: the geometry rules measure nothing on
    it (:mod:`reflow.structure.geometry` skips a box without a size), only its place counts."""
    text, conf = _text(region)
    parts = [t for t in (text or "").splitlines() if t.strip()]
    pts = _points(region)
    if not parts or not pts:
        return []
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    x0, top, x1, bottom = min(xs), min(ys), max(xs), max(ys)
    step = (bottom - top) / len(parts)
    return [
        PageLine(
            x0,
            top + k * step,
            x1,
            top + (k + 1) * step,
            t,
            None,
            None,
            f"{rid}:l{k + 1}",
            conf,
            evidence,
            t.rstrip().endswith("¬"),
        )
        for k, t in enumerate(parts)
    ]


def iter_page_pages(data: bytes) -> Iterator[list[PageLine]]:
    """The lines of each ``Page`` of a PAGE-XML document."""
    root = parse(data)
    for p, page in enumerate(root.iter("Page")):
        order = _order(page)
        lines: list[PageLine] = FileOrder() if order else []
        # A region that holds regions (a table's cells, a nested block) gives its children's
        # lines, not its own copy of their text.
        regions = [r for r in page.iter("TextRegion") if not any(c.tag == "TextRegion" for c in r)]
        if order:
            # The file's reading order; a region it leaves out (page numbers and running heads
            # often are) goes where its top edge puts it among the ordered ones, not after the
            # page's last paragraph (measured on the IMPACT ground truth, eval/real_xml.py: at
            # the end, 307 of 324 documents read in another order than their text export).
            ordered = sorted(
                (r for r in regions if (r.get("id") or "") in order),
                key=lambda r: order[r.get("id") or ""],
            )
            tops = [_top(r) for r in ordered]
            for r in sorted((r for r in regions if (r.get("id") or "") not in order), key=_top):
                top = _top(r)
                at = next((k for k, t in enumerate(tops) if t > top), len(ordered))
                ordered.insert(at, r)
                tops.insert(at, top)
            regions = ordered
        for r, region in enumerate(regions):
            rid = region.get("id") or f"p{p + 1}:r{r + 1}"
            evidence = f"{rid}:{region.get('type') or 'text'}"
            if rid in order:
                evidence += f"#{order[rid] + 1}"
            region_size, region_bold = _style(region)
            text_lines = [el for el in region if el.tag == "TextLine"]
            if not text_lines:
                lines.extend(_region_lines(region, rid, evidence))
                continue
            for k, line in enumerate(text_lines):
                text, conf = _text(line)
                if text is None:
                    words = [_text(w)[0] or "" for w in line if w.tag == "Word"]
                    text = " ".join(w for w in words if w)
                pts = _points(line)
                if pts:
                    xs, ys = [x for x, _ in pts], [y for _, y in pts]
                    x0, top, x1, bottom = min(xs), min(ys), max(xs), max(ys)
                else:
                    x0, top, x1, bottom = 0.0, float(len(lines) * 10), 1000.0, len(lines) * 10 + 9.0
                size, bold = _style(line)
                stripped = text.rstrip()
                lines.append(
                    PageLine(
                        x0,
                        top,
                        x1,
                        bottom,
                        text,
                        size or region_size or (bottom - top),
                        bold if bold is not None else region_bold,
                        line.get("id") or f"{rid}:l{k + 1}",
                        conf,
                        evidence,
                        stripped.endswith("¬"),
                    )
                )
        yield lines
