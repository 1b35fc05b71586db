"""The user-facing :class:`Document`: the model's data with its renderings as methods.

Above both :mod:`reflow.model` (the data) and :mod:`reflow.render` (the renderings, functions
over the data), so neither of those imports the other: the methods here are thin calls into
:mod:`reflow.render`.
"""

from __future__ import annotations

from typing import Any

from reflow.model import DocumentData
from reflow.render import (
    document_dict,
    render_explain,
    render_json,
    render_markdown,
    render_text,
)
from reflow.review import render_review


class Document(DocumentData):
    """The result of :func:`reflow.reflow`: blocks in reading order, and every decision.

    >>> from reflow import reflow
    >>> doc = reflow("A wrapped line that was ap-\\nproved by all.\\n")
    >>> [b.text for b in doc.blocks]
    ['A wrapped line that was approved by all.']
    >>> doc.to_text()
    'A wrapped line that was approved by all.\\n'
    """

    __slots__ = ()

    def to_text(self, keep_furniture: bool = False) -> str:
        return render_text(self, keep_furniture=keep_furniture)

    def to_markdown(self, keep_furniture: bool = False) -> str:
        return render_markdown(self, keep_furniture=keep_furniture)

    def to_dict(self, decisions: bool = True) -> dict[str, Any]:
        return document_dict(self, decisions=decisions)

    def to_json(self, decisions: bool = True, indent: int | None = None) -> str:
        return render_json(self, decisions=decisions, indent=indent)

    def to_html(self, title: str = "") -> str:
        """The review page: one self-contained HTML file (see :mod:`reflow.review`)."""
        return render_review(self, title)

    def explain(self) -> str:
        return render_explain(self)
