"""Stage 5: build the blocks from the lines, the labels and the boundary decisions.

Body lines joined by the decisions become paragraphs.  Labelled lines become blocks of their own
role: consecutive lines of one role (no blank line between, same page) make one block.  When a
paragraph was healed across labelled lines (a page foot, a caption, another article's headline),
those blocks are placed right after the paragraph, so that the paragraph reads unbroken and
nothing is lost.  A heading that follows a paragraph starts a new article.
"""

from __future__ import annotations

import re

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
_LIGATURE_TABLE = str.maketrans(LIGATURES)
# Runs of spaces and tabs inside a line (column gaps of layout-mode extractors).  NBSP is not in
# the class on purpose: it is meaningful ("10\u00a0km", French « guillemets »).
_SPACES = re.compile(r"[ \t\x0b]{2,}|\t")
_INLINE_SOFT_HYPHEN = "\u00ad"


def normalize_line(
    text: str, start: int, expand_ligatures: bool, out: list[Decision], line: int
) -> str:
    """Strip a line, fold its runs of spaces/tabs, and apply recorded character repairs."""
    s = text.strip()
    if "\t" in s or "  " in s:
        s = _SPACES.sub(" ", s)
    if _INLINE_SOFT_HYPHEN in s[:-1]:
        # A soft hyphen inside a line is invisible in print and breaks the word for search; one
        # at the line end is the boundary stage's business.
        last = len(text.rstrip()) - 1
        for i, ch in enumerate(text):
            if ch == _INLINE_SOFT_HYPHEN and i < last:
                out.append(
                    Decision(
                        Action.NORMALIZE,
                        "soft-hyphen-inline",
                        line,
                        line,
                        start + i,
                        1.0,
                        "U+00AD inside a line removed",
                        start + i,
                    )
                )
        s = s[:-1].replace(_INLINE_SOFT_HYPHEN, "") + s[-1:]
    if expand_ligatures and any("\ufb00" <= ch <= "\ufb06" for ch in s):
        for i, ch in enumerate(text):
            if ch in LIGATURES:
                out.append(
                    Decision(
                        Action.NORMALIZE,
                        "ligature",
                        line,
                        line,
                        start + i,
                        1.0,
                        f"{ch!r} -> {LIGATURES[ch]!r}",
                    )
                )
        s = s.translate(_LIGATURE_TABLE)
    return s


def assemble(
    lines: Lines,
    labels: LineLabels,
    body: list[int],
    decisions: list[Decision],
    expand_ligatures: bool = True,
) -> tuple[list[Block], list[Decision]]:
    """Return the blocks in reading order, and the normalisation decisions taken on the way."""
    texts, starts, blank, roles, pages = (
        lines.texts,
        lines.starts,
        lines.blank,
        labels.roles,
        labels.pages,
    )
    repairs: list[Decision] = []
    special = expand_ligatures and any(ch in lines.source for ch in LIGATURES)
    special = special or _INLINE_SOFT_HYPHEN in lines.source
    blocks: list[Block] = []
    state = {"article": 0, "has_body": False}

    def span(first: int, last: int) -> tuple[int, int]:
        t0, t1 = texts[first], texts[last]
        return starts[first] + len(t0) - len(t0.lstrip()), starts[last] + len(t1.rstrip())

    def line_text(i: int) -> str:
        if special:
            return normalize_line(texts[i], starts[i], expand_ligatures, repairs, i)
        s = texts[i].strip()
        if "\t" in s or "  " in s:
            s = _SPACES.sub(" ", s)
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
    para_lines: list[int] = []
    pending: list[list[int]] = []
    for k in range(n_body):
        i = body[k]
        piece = line_text(i)
        pieces.append(piece)
        para_lines.append(i)
        nxt = body[k + 1] if k + 1 < n_body else len(texts)
        d = decisions[k] if k + 1 < n_body else None
        if d is not None and d.action is not Action.BREAK:
            if d.action is Action.DEHYPHENATE:
                pieces[-1] = piece[:-1]
            elif d.action is Action.JOIN:
                pieces.append(" ")
            pending.extend(labelled_groups(i + 1, nxt))
            continue
        start, end = span(para_lines[0], para_lines[-1])
        blocks.append(
            Block(
                Role.PARAGRAPH,
                "".join(pieces),
                start,
                end,
                tuple(para_lines),
                pages[para_lines[0]],
                state["article"],
            )
        )
        state["has_body"] = True
        pieces, para_lines = [], []
        for g in pending:
            emit_labelled(g)
        pending = []
        for g in labelled_groups(i + 1, nxt):
            emit_labelled(g)
    return blocks, repairs
