"""Stage 5: build the blocks from the lines, the labels and the boundary decisions.

Body lines joined by the decisions become paragraphs.  Labelled lines become blocks of their own
role: consecutive lines of one role (no blank line between, same page) make one block.  When a
paragraph was healed across labelled lines (a page foot, a caption, another article's headline),
those blocks are placed right after the paragraph, so that the paragraph reads unbroken and
nothing is lost.  A heading that follows a paragraph starts a new article.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reflow.lines import Lines
from reflow.model import Action, Block, Decision, Role
from reflow.structure import LineLabels

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
# Runs of spaces and tabs inside a line (column gaps of layout-mode extractors).  NBSP is not in
# the class on purpose: it is meaningful ("10\u00a0km", French « guillemets »).
_SPACES = re.compile(r"[ \t\x0b]{2,}|\t")


def _repairs(
    lines: Lines, decisions: list[Decision | None], expand_ligatures: bool
) -> tuple[dict[int, bool], list[Decision]]:
    """Find the characters to repair (one regex pass over the source) and record each repair.

    Returns the lines that hold such characters (mapped to "its final soft hyphen is a
    line-break hyphen the boundary stage removes") and the repair decisions.
    """
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
    texts, starts, blank, roles, pages = (
        lines.texts,
        lines.starts,
        lines.blank,
        labels.roles,
        labels.pages,
    )
    special, repairs = _repairs(lines, decisions, expand_ligatures)
    fold = "  " in lines.source or "\t" in lines.source
    blocks: list[Block] = []
    state = {"article": 0, "has_body": False}

    def span(first: int, last: int) -> tuple[int, int]:
        t0, t1 = texts[first], texts[last]
        return starts[first] + len(t0) - len(t0.lstrip()), starts[last] + len(t1.rstrip())

    def line_text(i: int) -> str:
        s = texts[i].strip()
        if fold and ("\t" in s or "  " in s):
            s = _SPACES.sub(" ", s)
        if i in special:
            if special[i]:  # the final soft hyphen is cut by the dehyphenation
                s = s[:-1].translate(_REPAIR_TABLE) + s[-1]
            else:
                s = s.translate(_REPAIR_TABLE)
        return s

    def emit_labelled(group: list[int]) -> None:
        role = roles[group[0]]
        assert role is not None
        if role is Role.HEADING and state["has_body"]:
            state["article"] += 1
            state["has_body"] = False
        start, end = span(group[0], group[-1])
        blocks.append(
            Block(
                role,
                " ".join(line_text(i) for i in group),
                start,
                end,
                tuple(group),
                pages[group[0]],
                state["article"],
            )
        )

    def labelled_groups(lo: int, hi: int) -> list[list[int]]:
        """Group the labelled lines in lines[lo:hi] into blocks."""
        groups: list[list[int]] = []
        prev = -2
        for i in range(lo, hi):
            if blank[i] or roles[i] is None:
                continue
            if groups and prev == i - 1 and roles[i] is roles[prev] and pages[i] == pages[prev]:
                groups[-1].append(i)
            else:
                groups.append([i])
            prev = i
        return groups

    n_body = len(body)
    first = body[0] if body else len(texts)
    for g in labelled_groups(0, first):
        emit_labelled(g)
    pieces: list[str] = []
    para_start = 0
    pending: list[list[int]] = []
    JOIN, DEHYPHENATE, BREAK = Action.JOIN, Action.DEHYPHENATE, Action.BREAK
    for k in range(n_body):
        i = body[k]
        piece = line_text(i)
        if k + 1 < n_body:
            d = decisions[k]
            if d is None:  # a plain wrapped-line join
                pieces.append(piece)
                pieces.append(" ")
                continue
            action = d.action
            if action is not BREAK:
                if action is JOIN:
                    pieces.append(piece)
                    pieces.append(" ")
                elif action is DEHYPHENATE:
                    pieces.append(piece[:-1])
                else:
                    pieces.append(piece)
                if d.next_line != i + 1:
                    pending.extend(labelled_groups(i + 1, d.next_line))
                continue
            nxt = d.next_line
        else:
            nxt = len(texts)
        pieces.append(piece)
        para_lines = tuple(body[para_start : k + 1])
        start, end = span(para_lines[0], i)
        blocks.append(
            Block(
                Role.PARAGRAPH,
                "".join(pieces),
                start,
                end,
                para_lines,
                pages[para_lines[0]],
                state["article"],
            )
        )
        state["has_body"] = True
        pieces = []
        para_start = k + 1
        for g in pending:
            emit_labelled(g)
        pending = []
        if nxt != i + 1:
            for g in labelled_groups(i + 1, nxt):
                emit_labelled(g)
    return blocks, repairs
