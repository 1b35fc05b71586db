"""Checks of the invariants, shared by the property tests and the example tests."""

from __future__ import annotations

import reflow
from reflow.assemble import LIGATURES
from reflow.lines import split_lines


def _visible(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace())


def assert_nothing_lost(doc: reflow.Document) -> None:
    """Every non-whitespace character of the source is in exactly one block, in order within
    the block, except line-break hyphens and inline soft hyphens whose removal is recorded."""
    lines = split_lines(doc.source)
    removed = {d.removed for d in doc.decisions if d.removed >= 0}
    covered: list[int] = []
    for block in doc.blocks:
        expected = []
        for i in block.lines:
            start = lines.starts[i]
            for j, ch in enumerate(lines.texts[i]):
                if ch.isspace() or start + j in removed:
                    continue
                expected.append(LIGATURES.get(ch, ch) if ch in LIGATURES and _expanded(doc) else ch)
        assert _visible(block.text) == "".join(expected), (block, expected)
        covered.extend(block.lines)
    assert len(covered) == len(set(covered)), "a line is in two blocks"
    non_blank = {i for i in range(len(lines)) if not lines.blank[i]}
    assert set(covered) == non_blank, "a non-blank line is in no block"
    for i in removed:
        assert doc.source[i] in "-\u2010\u00ad\u00ac\u2e17", repr(doc.source[i])


def _expanded(doc: reflow.Document) -> bool:
    return any(d.rule == "ligature" for d in doc.decisions)
