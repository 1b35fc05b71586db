"""Reading order from geometry: columns and bands found in the line boxes of one page.

Every reader gives this module a page's lines as boxes, in whatever order the file had them (PDF
content-stream order, the OCR engine's order), and gets them back in the order a person reads
them, cut into *segments*: runs of lines that stand one under the other in one column.

The method is a recursive XY cut on line boxes, with one change that matters for newspaper
pages.  A region whose lines leave a vertical white gutter from top to bottom is cut into
columns, read left to right.  A region without one (a headline spans the columns, or a caption
under a spanning frame) is first cut into horizontal bands at every white gap across its whole
width, and then the bands are merged again, top down, for as long as the merged band still has a
gutter: so two columns whose paragraph gaps happen to line up stay two columns (read one after
the other) instead of being read across in strips, while the headline above them stays a band of
its own.  Each piece is cut again the same way until nothing can be cut.

>>> L = lambda x0, top, x1: (x0, top, x1, top + 10)
>>> head = [L(0, 0, 200)]                              # a headline over both columns
>>> left = [L(0, 20, 95), L(0, 32, 95), L(0, 50, 95)]   # column 1, a paragraph gap at 42..50
>>> right = [L(105, 20, 200), L(105, 32, 200), L(105, 50, 200)]  # the same gap in column 2
>>> order = reading_order(head + right + left)         # given in a scrambled order
>>> [[(int(b[0]), int(b[1])) for b in seg] for seg in order]
[[(0, 0)], [(0, 20), (0, 32), (0, 50)], [(105, 20), (105, 32), (105, 50)]]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TypeVar

T = TypeVar("T", bound=Sequence[float])

#: A gutter must be at least this wide, in units of the region's median line height, to cut a
#: region into columns.  Lines are whole boxes, so word gaps never show up here; the narrowest
#: gutter of the generated corpus is 0.35 cm at 11 pt (about 0.9 line heights), and a ragged
#: right column only makes it wider.  Half a line height keeps two columns with a narrow gutter
#: apart while an indent (which is inside the column's box) can never be taken for one.
MIN_GUTTER = 0.5
#: A gutter crossed by one line (an overfull line) counts in a region of at least this many
#: lines; the corpus's columns hold 30-60 lines, a headline band 1-3.
TOLERANT_MIN = 12
#: The white gap (in line heights) that sets a page's first or last band apart as furniture.
FURNITURE_GAP = 1.5
#: Recursion stops here whatever the page looks like (an adversarial page of thousands of tiny
#: boxes must not recurse without bound); deeper regions are read top to bottom.
MAX_DEPTH = 40


def _height(boxes: Sequence[T]) -> float:
    hs = sorted(b[3] - b[1] for b in boxes)
    return max(hs[len(hs) // 2], 1e-6)


def _x_components(boxes: Sequence[T], gap: float) -> list[tuple[float, float]]:
    """The x-extents that the boxes cover, merged where less than ``gap`` apart."""
    spans = sorted((b[0], b[2]) for b in boxes)
    out = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 - out[-1][1] < gap:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _tolerant_components(boxes: Sequence[T], gap: float) -> list[tuple[float, float]]:
    """As :func:`_x_components`, but a gutter that one line crosses still counts, when that line
    stands inside a region of at least :data:`TOLERANT_MIN` lines, neither first nor last: an
    overfull line (a long address TeX could not break) sticks out into the gutter, while a
    headline or a footer across the columns stands at the region's top or bottom."""
    comps = _x_components(boxes, gap)
    if len(boxes) < TOLERANT_MIN:
        return comps
    events = sorted([(b[0], 1) for b in boxes] + [(b[2], -1) for b in boxes])
    lo, hi = events[0][0], events[-1][0]
    top = min(boxes, key=lambda b: b[1])
    bottom = max(boxes, key=lambda b: b[3])
    cuts: list[tuple[float, float]] = []
    count = 0
    for (x, d), (nx, _) in pairwise(events):
        count += d
        if count == 1 and nx - x >= gap and lo < x and nx < hi:
            crossing = [b for b in boxes if b[0] <= x and b[2] >= nx]
            if len(crossing) == 1 and crossing[0] is not top and crossing[0] is not bottom:
                cuts.append((x, nx))
    if not cuts:
        return comps
    # Cut each component at the crossed gutters found inside it.
    out: list[tuple[float, float]] = []
    for c0, c1 in comps:
        start = c0
        for g0, g1 in cuts:
            if c0 < g0 and g1 < c1:
                out.append((start, g0))
                start = g1
        out.append((start, c1))
    return out


def _bands(boxes: Sequence[T]) -> list[list[T]]:
    """Cut at every white gap across the whole region (boxes sorted by top)."""
    bands: list[list[T]] = []
    bottom = float("-inf")
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        if not bands or b[1] > bottom:
            bands.append([b])
            bottom = b[3]
        else:
            bands[-1].append(b)
            bottom = max(bottom, b[3])
    return bands


def _furniture_bands(bands: list[list[T]], height: float) -> set[int]:
    alone = set()
    if len(bands) >= 3:
        if min(b[1] for b in bands[1]) - max(b[3] for b in bands[0]) >= FURNITURE_GAP * height:
            alone.add(0)
        if min(b[1] for b in bands[-1]) - max(b[3] for b in bands[-2]) >= FURNITURE_GAP * height:
            alone.add(len(bands) - 1)
    return alone


def _cut(boxes: list[T], gap: float, height: float, depth: int, out: list[list[T]]) -> None:
    if len(boxes) <= 1 or depth >= MAX_DEPTH:
        out.append(sorted(boxes, key=lambda b: (b[1], b[0])))
        return
    bands = _bands(boxes)
    if len(bands) > 1:
        groups = _merge(bands, gap, height, depth)
        if len(groups) > 1:
            for g in groups:
                _cut(g, gap, height, depth + 1, out)
            return
    comps = _tolerant_components(boxes, gap)
    if len(comps) > 1:
        # Columns, left to right: a box goes to the column its left end is in.
        cols: list[list[T]] = [[] for _ in comps]
        starts = [c[0] for c in comps]
        for b in boxes:
            k = 0
            while k + 1 < len(starts) and b[0] >= starts[k + 1]:
                k += 1
            cols[k].append(b)
        for col in cols:
            _cut(col, gap, height, depth + 1, out)
        return
    out.append(sorted(boxes, key=lambda b: (b[1], b[0])))


def _union(
    a: list[tuple[float, float]], b: list[tuple[float, float]], gap: float
) -> list[tuple[float, float]]:
    """Two component lists as one (as :func:`_x_components` of both boxes' sets), in O(k)."""
    spans = sorted(a + b)
    out = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 - out[-1][1] < gap:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(x, y) for x, y in out]


def _merge(bands: list[list[T]], gap: float, height: float, depth: int) -> list[list[T]]:
    """Merge the bands again, top down.  A band joins the group above when neither has a
    gutter (one column continues), or when together they keep every gutter either had
    (columns continue: a column's last lines, a caption inside a column).  A band that covers
    a gutter of the group (a headline, a spanning caption) starts a new group.

    Each group keeps its components, so a band costs the size of the band and of the
    components, not of the group: a page of thousands of lines stays near-linear."""
    groups: list[list[T]] = [list(bands[0])]
    comps = [_x_components(bands[0], gap)]
    # On the page itself, a first or last band set off by a white gap of at least 1.5 line
    # heights (a running head, a page number) stays alone: its halves must not join the
    # columns.  The corpus sets running heads 2 line heights above the text; a paragraph gap
    # that happens to run across all columns is at most one.
    alone = _furniture_bands(bands, height) if depth == 0 else set()
    for k, band in enumerate(bands[1:], 1):
        band_comps = _x_components(band, gap)
        if not (k in alone or k - 1 in alone):
            merged = _union(comps[-1], band_comps, gap)
            n_group, n_band, n_merged = len(comps[-1]), len(band_comps), len(merged)
            # A group of columns keeps its gutters (a band's own wide gaps, such as a
            # stretched word space, are bridged by the group's lines); a spanning group (a
            # headline) joins columns below only when the band's gutters survive it.
            need = n_group if n_group > 1 else n_band
            if (n_group == 1 and n_band == 1) or (n_merged > 1 and n_merged >= need):
                groups[-1].extend(band)
                comps[-1] = merged
                continue
            if n_group > 1 and n_merged < need:
                # Rare: one overfull line may have bridged a gutter (looked at box by box).
                whole = groups[-1] + band
                if len(_tolerant_components(whole, gap)) >= need:
                    groups[-1] = whole
                    continue
        groups.append(list(band))
        comps.append(band_comps)
    return groups


def reading_order(boxes: Sequence[T], min_gutter: float = MIN_GUTTER) -> list[list[T]]:
    """The boxes ``(x0, top, x1, bottom, ...)`` of one page as segments in reading order.

    Extra items after the first four are carried along untouched (a reader passes its line
    objects).  A segment is a run of lines one under the other: a column, or the part of a
    column between two spanning elements.
    """
    if not boxes:
        return []
    out: list[list[T]] = []
    height = _height(boxes)
    _cut(list(boxes), min_gutter * height, height, 0, out)
    return [seg for seg in out if seg]
