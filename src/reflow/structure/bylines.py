"""The byline rule: "By Jane Doe" after a closed sentence, a heading or a page edge.

The shape of a byline is a word predicate (:func:`reflow.structure.words.is_byline`); this
rule adds the context, which asks whether the line above is shaped like a heading.
"""

from __future__ import annotations

from reflow.model import Role
from reflow.structure.headings import heading_shape
from reflow.structure.view import DocView, next_line, prev_line
from reflow.structure.words import closed


def rule_bylines(doc: DocView) -> None:
    """Rule ``byline``: a byline after a closed sentence, a heading(-shaped line) or a page edge.

    Labelled ``heading`` (the issue counts bylines among headings); a byline never starts an
    article (:func:`article_starts`).
    """
    texts = doc.lines.texts
    for i in doc.bylines:
        text = texts[i]
        if doc.labels.roles[i] is not None:
            continue
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        prev = prev_line(doc, i)
        if prev >= 0 and not (
            closed(texts[prev])
            or doc.labels.roles[prev] is Role.HEADING
            or heading_shape(doc, prev) is not None
        ):
            continue
        if next_line(doc, i) >= len(texts):
            continue
        doc.labels.label(i, Role.HEADING, "byline", "a name after By/Von/Par/Por", 0.8)
