"""Stage 6: the document as plain text, Markdown, JSON, or an explanation for a person."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from reflow.lines import Box, split_lines
from reflow.model import (
    FURNITURE,
    SCHEMA_VERSION,
    Action,
    Block,
    Decision,
    DocumentData,
    Role,
)


def _shown(doc: DocumentData, keep_furniture: bool) -> list:
    # A block can be empty when its only characters were removed invisibles (a lone soft
    # hyphen); it stays in the blocks, but prints nothing.
    return [b for b in doc.blocks if b.text and (keep_furniture or b.role not in FURNITURE)]


#: Text that is not body and not furniture: quoted in Markdown, left out of the clean text.
NON_BODY = frozenset({Role.OTHER, Role.FRONT_MATTER, Role.TABLE, Role.FORMULA, Role.REFERENCE})

#: What plain text shows by default: the body and its headings.  Captions, notes and page
#: furniture are in the blocks (and in text with ``keep_furniture``), not in the clean text.
TEXT_ROLES = frozenset({Role.PARAGRAPH, Role.HEADING})


def render_text(doc: DocumentData, keep_furniture: bool = False) -> str:
    """Body and headings, separated by blank lines, one line each; with ``keep_furniture``,
    every block (captions, notes, running heads, page numbers) in reading order.

    >>> from reflow import reflow
    >>> reflow("Title line\\n\\nA wrapped\\nline.\\n").to_text()
    'Title line\\n\\nA wrapped line.\\n'
    """
    return "".join(text_pieces(doc, keep_furniture))


def text_pieces(doc: DocumentData, keep_furniture: bool = False) -> Iterator[str]:
    """:func:`render_text` in pieces, for a writer that streams: ``"".join`` of them is the
    text, and no piece is longer than a block (the CLI writes a long document without a copy
    of its whole text).

    >>> from reflow import reflow
    >>> list(text_pieces(reflow("Title line\\n\\nA wrapped\\nline.\\n")))
    ['Title line', '\\n\\n', 'A wrapped line.', '\\n']
    """
    sep = ""
    for b in doc.blocks:
        if b.text and (keep_furniture or b.role in TEXT_ROLES):
            if sep:
                yield sep
            sep = "\n\n"
            yield b.text
    if sep:
        yield "\n"


def _md_escape(text: str) -> str:
    # A paragraph that starts like Markdown syntax would change meaning; escape that character.
    if text[:1] in "#>*-+|" or (text[:1].isdigit() and ". " in text[:5]):
        return "\\" + text
    return text


def render_markdown(doc: DocumentData, keep_furniture: bool = False) -> str:
    """Articles in order: headings as ``##``, captions in italics, furniture as comments.

    >>> from reflow import Block, Document, Role
    >>> d = Document("", (Block(Role.HEADING, "News", 0, 4, (0,)),
    ...                   Block(Role.PARAGRAPH, "Body.", 5, 10, (1,))), (), "en")
    >>> print(d.to_markdown(), end="")
    ## News
    <BLANKLINE>
    Body.
    """
    return "".join(markdown_pieces(doc, keep_furniture))


def markdown_pieces(doc: DocumentData, keep_furniture: bool = False) -> Iterator[str]:
    """:func:`render_markdown` in pieces (see :func:`text_pieces`).

    Code lines are one fenced block, a line each; tables, formulas and front matter are
    quoted, as other text that is not body:

    >>> from reflow import reflow
    >>> print(reflow("Load it with\\n\\n\\\\usepackage{fontenc}\\n\\\\usepackage{lmodern}\\n"
    ...              "\\nand go on.\\n").to_markdown(), end="")
    Load it with
    <BLANKLINE>
    ```
    \\usepackage{fontenc}
    \\usepackage{lmodern}
    ```
    <BLANKLINE>
    and go on.
    """
    sep = ""
    article = None
    fence = False  # inside a fenced code block
    for b in _shown(doc, keep_furniture):
        if fence and (b.role is not Role.CODE or b.article != article):
            yield "\n```"
            fence = False
        elif fence:
            yield "\n" + b.text
            continue
        if article is not None and b.article != article:
            yield sep + "---"
            sep = "\n\n"
        article = b.article
        if sep:
            yield sep
        sep = "\n\n"
        if b.role is Role.CODE:
            yield "```\n" + b.text
            fence = True
        elif b.role is Role.HEADING:
            yield "## " + b.text
        elif b.role is Role.CAPTION:
            yield "*" + b.text.replace("*", "\\*") + "*"
        elif b.role in FURNITURE:
            yield f"<!-- {b.role}: {b.text.replace('--', '- -')} -->"
        elif b.role in NON_BODY:
            yield "> " + b.text
        else:
            yield _md_escape(b.text)
    if fence:
        yield "\n```"
    if sep:
        yield "\n"


def document_dict(doc: DocumentData, decisions: bool = True) -> dict[str, Any]:
    """The JSON schema (version :data:`reflow.model.SCHEMA_VERSION`), documented in docs/json.md."""
    d: dict[str, Any] = {**_head(doc), "blocks": [_block_dict(doc, b) for b in doc.blocks]}
    if decisions:
        d["decisions"] = [x.to_dict() for x in doc.decisions]
    if doc.warnings:
        d["warnings"] = list(doc.warnings)
    return d


def _head(doc: DocumentData) -> dict[str, Any]:
    """The JSON's fields before the blocks, in the schema's order."""
    return {
        "schema": SCHEMA_VERSION,
        "language": doc.language,
        "language_evidence": doc.language_evidence,
        "pages": doc.pages,
        "page_evidence": doc.page_evidence,
    }


def _block_dict(doc: DocumentData, block: Block) -> dict[str, Any]:
    out = block.to_dict()
    if doc.boxes is not None:
        # Read from a PDF or OCR file: each block also says where on which page it stood.
        out["boxes"] = [_box_dict(doc.boxes[i]) for i in block.lines if doc.boxes[i]]
    return out


def _box_dict(box: Box) -> dict[str, Any]:
    d: dict[str, Any] = {
        "page": box.page,
        "x0": box.x0,
        "top": box.top,
        "x1": box.x1,
        "bottom": box.bottom,
    }
    if box.ref is not None:
        d["ref"] = box.ref
    # What an OCR engine said of the line, kept as it gave it (issue 12: confidences kept).
    if box.confidence is not None:
        d["confidence"] = box.confidence
    if box.region is not None:
        d["region"] = box.region
    return d


def render_json(doc: DocumentData, decisions: bool = True, indent: int | None = None) -> str:
    """:func:`document_dict` as JSON text (non-ASCII characters kept as they are)."""
    if indent is None:
        return "".join(json_pieces(doc, decisions))
    return json.dumps(document_dict(doc, decisions=decisions), ensure_ascii=False, indent=indent)


def json_pieces(doc: DocumentData, decisions: bool = True) -> Iterator[str]:
    """:func:`render_json` (no indent) in pieces, one a block or decision: the same text as
    ``json.dumps`` of :func:`document_dict`, without the dictionaries of every block and
    decision (and the decisions themselves) in memory at once.

    >>> from reflow import reflow
    >>> doc = reflow("A wrapped\\nline.\\n")
    >>> "".join(json_pieces(doc)) == json.dumps(document_dict(doc), ensure_ascii=False)
    True
    """
    yield _dumps(_head(doc))[:-1] + ', "blocks": ['
    sep = ""
    for b in doc.blocks:
        yield sep + _dumps(_block_dict(doc, b))
        sep = ", "
    yield "]"
    if decisions:
        yield ', "decisions": ['
        sep = ""
        for x in doc.decisions:
            yield sep + _dumps(x.to_dict())
            sep = ", "
        yield "]"
    if doc.warnings:
        yield ', "warnings": ' + _dumps(list(doc.warnings))
    yield "}"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def explain_header(doc: DocumentData) -> list[str]:
    """The lines ``--explain`` prints before the decisions: language, pages, warnings."""
    out = [f"language: {doc.language} ({doc.language_evidence})"]
    if doc.page_evidence:
        out.append(f"pages: {doc.page_evidence}")
    out += [f"warning: {w}" for w in doc.warnings]
    return out


def _cut(texts: Sequence[str], i: int, tail: bool) -> str:
    t = texts[i].strip() if 0 <= i < len(texts) else ""
    if len(t) <= 28:
        return t
    return "…" + t[-28:] if tail else t[:28] + "…"


def explain_decision(d: Decision, texts: Sequence[str]) -> str:
    """One decision as ``--explain`` prints it; ``texts`` are the source's lines.

    The review page (:mod:`reflow.review`) shows the same string, so both say the same thing.

    >>> from reflow import Decision, Action
    >>> d = Decision(Action.DEHYPHENATE, "lexicon-joined", 0, 1, 8, 0.9, "ap- + proved", 7)
    >>> explain_decision(d, ["It was ap-", "proved."])
    "lines 1->2: dehyphenate: 'It was ap-' | 'proved.' [lexicon-joined, 0.90] ap- + proved"
    """
    mark = " (uncertain)" if d.uncertain else ""
    if d.action in (Action.LABEL, Action.NORMALIZE):
        where = f"line {d.line + 1}"
        what = f"{d.action} {_cut(texts, d.line, False)!r}"
    else:
        where = f"lines {d.line + 1}->{d.next_line + 1}"
        what = (
            f"{d.action}{mark}: {_cut(texts, d.line, True)!r} | {_cut(texts, d.next_line, False)!r}"
        )
    return f"{where}: {what} [{d.rule}, {d.confidence:.2f}] {d.evidence}".rstrip()


def render_explain(doc: DocumentData) -> str:
    """Every non-trivial decision, one per line, readable by a person."""
    texts = split_lines(doc.source).texts
    out = explain_header(doc)
    out += [explain_decision(d, texts) for d in doc.decisions if not d.trivial]
    return "\n".join(out) + "\n"
