"""Stage 5: build the blocks from the lines, the labels and the boundary decisions.

Body lines joined by the decisions become paragraphs.  Labelled lines become blocks of their own
role: consecutive lines of one role (no blank line between, same page) make one block.  When a
paragraph was healed across labelled lines (a page foot, a caption, another article's headline),
those blocks are placed right after the paragraph, so that the paragraph reads unbroken and
nothing is lost.  A heading that follows a paragraph starts a new article.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

from reflow.lines import Lines
from reflow.model import Action, Block, Decision, Role
from reflow.structure import LineLabels, article_starts, joins_previous

#: Presentation-form ligatures (U+FB00..U+FB06) and what they stand for.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "ſt",
    "\ufb06": "st",
}
_SOFT_HYPHEN = "\u00ad"
#: Ligatures expand, soft hyphens (invisible in print, breaking words for search) go.
_REPAIR_TABLE = str.maketrans({**LIGATURES, _SOFT_HYPHEN: None})
_SPECIAL = re.compile("[\ufb00-\ufb06\u00ad]")
_SOFT_ONLY = re.compile("\u00ad")
# Runs of spaces and tabs inside a line (column gaps of layout-mode extractors), and any other
# whitespace that would mean something in the output (a form feed or vertical tab inside a line
# would start a page in the next pass).  NBSP is not in the class on purpose: it is meaningful
# ("10\u00a0km", French « guillemets »).
_ODD_SPACE = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
#: One character of the class first, then the rest of the run, or nothing when that first
#: character is not a plain space: the same matches as "a run of two or more, or one odd
#: character" (``[ ODD]{2,}|[ODD]``), but a pattern that opens with a character class lets the
#: regex engine skip to the next candidate in C instead of trying the alternation at every
#: position: 2.3x faster over the evaluation corpus's sources (0.150 -> 0.065 CPU s for the
#: finditer that marks the lines to fold, 2026-11-29, tests/test_assemble_spaces.py checks
#: the two agree).  Linear: no nested quantifier, a one-character lookbehind.
_SPACES = re.compile(f"[ {_ODD_SPACE}](?:[ {_ODD_SPACE}]+|(?<=[{_ODD_SPACE}]))")


def _repairs(
    lines: Lines, decisions: list[Decision | None], expand_ligatures: bool
) -> tuple[dict[int, bool], list[Decision]]:
    """Find the characters to repair (one regex pass over the source) and record each repair.

    Returns the lines that hold such characters (mapped to "its final soft hyphen is a
    line-break hyphen the boundary stage removes") and the repair decisions.
    """
    candidates = (*LIGATURES, _SOFT_HYPHEN) if expand_ligatures else (_SOFT_HYPHEN,)
    if not any(ch in lines.source for ch in candidates):
        return {}, []  # the common case: a few substring scans, faster than the regex
    pattern = _SPECIAL if expand_ligatures else _SOFT_ONLY
    matches = [m.start() for m in pattern.finditer(lines.source)]
    if not matches:
        return {}, []
    cut = {d.removed for d in decisions if d is not None and d.rule == "soft-hyphen"}
    starts, source = lines.starts, lines.source
    special: dict[int, bool] = {}
    repairs: list[Decision] = []
    for pos in matches:
        line = bisect_right(starts, pos) - 1
        ch = source[pos]
        if ch == _SOFT_HYPHEN:
            if pos in cut:
                special[line] = True
                continue
            special.setdefault(line, False)
            repairs.append(
                Decision(
                    Action.NORMALIZE,
                    "soft-hyphen-inline",
                    line,
                    line,
                    pos,
                    1.0,
                    "invisible U+00AD removed",
                    pos,
                )
            )
        else:
            special.setdefault(line, False)
            repairs.append(
                Decision(
                    Action.NORMALIZE,
                    "ligature",
                    line,
                    line,
                    pos,
                    1.0,
                    f"{ch!r} -> {LIGATURES[ch]!r}",
                )
            )
    return special, repairs


def assemble(
    lines: Lines,
    labels: LineLabels,
    body: list[int],
    decisions: list[Decision | None],
    expand_ligatures: bool = True,
) -> tuple[list[Block], list[Decision]]:
    """Return the blocks in reading order, and the character repairs made on the way."""
    source = lines.source
    starts, blank, roles, pages = lines.starts, lines.blank, labels.roles, labels.pages
    # The lines are read from the source, cut at the next line's start (one offset more for
    # the last line), never from lines.texts: reflow() frees that table before this stage,
    # where it was the largest thing alive (~2.4x the input on 40-character lines,
    # bench/results/memory-2026-11-29-night.md).  A line's slice is its text and its
    # terminator (\n, \r\n or \r: Lines never ends a text with one), gone with any strip.
    n_lines = len(starts)
    edges = array("q", starts)
    edges.append(len(source))

    def raw(i: int) -> str:
        """Line *i*'s text, as lines.texts[i] was (without its terminator)."""
        return source[edges[i] : edges[i + 1]].rstrip("\r\n")

    special, repairs = _repairs(lines, decisions, expand_ligatures)
    fold = "  " in lines.source or any(ch in lines.source for ch in _ODD_SPACE)
    blocks: list[Block] = []

    def span(first: int, last: int) -> tuple[int, int]:
        t0, t1 = raw(first), raw(last)
        return starts[first] + len(t0) - len(t0.lstrip()), starts[last] + len(t1.rstrip())

    def line_text(i: int) -> str:
        s = source[edges[i] : edges[i + 1]].strip()
        if fold:
            s = _SPACES.sub(" ", s)
        if i in special:
            if special[i]:  # the final soft hyphen is cut by the dehyphenation
                s = s[:-1].translate(_REPAIR_TABLE).strip() + s[-1]
            else:
                # Strip again: a removed soft hyphen may have stood after a space.
                s = s.translate(_REPAIR_TABLE).strip()
        return s

    # No labelled line, no heading: the per-line scan for articles has nothing to find.
    article_lines = article_starts(labels, lines) if labels.notes else []

    # A document that opens with a headline starts article 0 there; one that opens with body
    # text has that text as article 0 and its first headline starts article 1.
    opens_with_headline = bool(article_lines) and (not body or article_lines[0] < body[0])

    def article(i: int) -> int:
        return max(0, bisect_right(article_lines, i) - opens_with_headline)

    def emit_labelled(group: list[int]) -> None:
        role = roles[group[0]]
        assert role is not None
        start, end = span(group[0], group[-1])
        blocks.append(
            Block(
                role,
                " ".join(line_text(i) for i in group),
                start,
                end,
                tuple(group),
                pages[group[0]],
                article(group[0]),
            )
        )

    def labelled_groups(lo: int, hi: int) -> list[list[int]]:
        """Group the labelled lines in lines[lo:hi] into blocks: a line joins the block above
        only when the structure stage says it continues it (a wrapped caption or headline)."""
        groups: list[list[int]] = []
        prev = -2
        for i in range(lo, hi):
            if blank[i]:
                continue
            if roles[i] is None:
                prev = -2
                continue
            # Blank lines may stand between the pieces (pdfminer prints a heading's lines as
            # text boxes of their own: "Learning to Make" / blank / "Packages").
            if groups and prev >= 0 and joins_previous(labels, i):
                groups[-1].append(i)
            else:
                groups.append([i])
            prev = i
        return groups

    n_body = len(body)
    first = body[0] if body else n_lines
    for g in labelled_groups(0, first):
        emit_labelled(g)
    # Only the non-trivial decisions are visited: a run of plain wrapped-line joins is one
    # " ".join of its lines, stripped.  The stripped texts are made one run at a time (a list
    # of every body line's text held as many bytes again as the lines themselves, twice the
    # input on short-line extractions); the lines that need more than a strip (repairs,
    # runs of spaces) are found first and made by line_text.
    redo: dict[int, str] = {}
    if fold or special:
        # The lines to repair, found by one regex pass over the source (a line whose runs of
        # spaces are all at its ends is redone too: same text, only slower).
        marked = set(special)
        if fold:
            marked.update(bisect_right(starts, m.start()) - 1 for m in _SPACES.finditer(source))
        if marked:
            # Each marked line's place among the body lines by bisection, from the last place
            # on (both are sorted): a dictionary of every body line's place was the largest
            # thing in memory while a long document was assembled (100 bytes a line).
            lo = 0
            for i in sorted(marked):
                k = bisect_left(body, i, lo)
                if k < n_body and body[k] == i:
                    redo[k] = line_text(i)
                lo = k

    def run_text(lo: int, hi: int) -> str:
        """Body lines body[lo:hi] stripped (or redone), joined by single spaces."""
        if hi - lo == 1:
            if lo in redo:
                return redo[lo]
            i = body[lo]
            return source[edges[i] : edges[i + 1]].strip()
        parts = [source[edges[i] : edges[i + 1]].strip() for i in body[lo:hi]]
        if redo:
            for k in range(lo, hi) if hi - lo < len(redo) else redo:
                if lo <= k < hi and k in redo:
                    parts[k - lo] = redo[k]
        return " ".join(parts)

    pieces: list[str] = []
    para_start = seg_start = 0
    pending: list[list[int]] = []
    JOIN, DEHYPHENATE, BREAK = Action.JOIN, Action.DEHYPHENATE, Action.BREAK

    def close(k: int, nxt: int) -> None:
        """End the paragraph at body line k; emit what was pending and what follows it."""
        nonlocal pieces, pending, para_start
        para_lines = tuple(body[para_start : k + 1])
        start, end = span(para_lines[0], para_lines[-1])
        blocks.append(
            Block(
                Role.PARAGRAPH,
                "".join(pieces),
                start,
                end,
                para_lines,
                pages[para_lines[0]],
                article(para_lines[0]),
            )
        )
        pieces = []
        para_start = k + 1
        for g in pending:
            emit_labelled(g)
        pending = []
        i = body[k]
        if nxt != i + 1:
            for g in labelled_groups(i + 1, nxt):
                emit_labelled(g)

    for k in [k for k, d in enumerate(decisions) if d is not None]:
        d = decisions[k]
        assert d is not None
        piece = run_text(seg_start, k + 1)
        seg_start = k + 1
        action = d.action
        if action is BREAK:
            pieces.append(piece)
            close(k, d.next_line)
            continue
        if action is JOIN:
            pieces.append(piece)
            pieces.append(" ")
        elif action is DEHYPHENATE:
            pieces.append(piece[:-1])
        else:
            pieces.append(piece)
        if d.next_line != body[k] + 1:
            pending.extend(labelled_groups(body[k] + 1, d.next_line))
    if n_body:
        last = n_body - 1
        pieces.append(run_text(seg_start, n_body))
        close(last, n_lines)
    return blocks, repairs
