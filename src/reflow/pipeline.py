"""The pipeline: decode, lines, language, structure, boundaries, assemble."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reflow.assemble import assemble
from reflow.boundaries import decide_boundaries
from reflow.config import Config
from reflow.decode import check_text, decode
from reflow.document import Document
from reflow.language import UNDETERMINED, block_language, detect_languages
from reflow.lines import Lines, split_lines
from reflow.model import Action, Block, Decision, DecisionLog, Role
from reflow.structure import label_lines


def reflow(text: str | bytes, config: Config | None = None, **options: Any) -> Document:
    """Rebuild the paragraphs of ``text`` (a ``str``, or ``bytes`` in UTF-8).

    ``options`` are :class:`Config` fields, applied on top of ``config``.

    >>> doc = reflow("The parties are tak-\\ning joint steps to build a\\nwell-\\nknown format.\\n")
    >>> doc.paragraphs
    ['The parties are taking joint steps to build a well-known format.']
    >>> [(d.action.value, d.rule) for d in doc.decisions if not d.trivial]
    [('dehyphenate', 'lexicon-joined'), ('keep-hyphen', 'lexicon-compound')]
    """
    config = Config.from_kwargs(config, **options)
    if isinstance(text, bytes | bytearray | memoryview):
        source, warnings = decode(bytes(text), config.decode_errors)
    elif isinstance(text, str):
        source, warnings = check_text(text, config.decode_errors)
    else:
        raise TypeError(f"reflow() takes str or bytes, not {type(text).__name__}")
    return _reflow_lines(split_lines(source), config, warnings, own_lines=True)


def reflow_lines(lines: Lines, config: Config, warnings: Sequence[str] = ()) -> Document:
    """The engine on a :class:`Lines` table: a reader's lines (with boxes) or split text.

    >>> from reflow.lines import split_lines
    >>> reflow_lines(split_lines("The parties are tak-\\ning joint steps.\\n"), Config()).paragraphs
    ['The parties are taking joint steps.']
    """
    return _reflow_lines(lines, config, warnings, own_lines=False)


def _reflow_lines(
    lines: Lines, config: Config, warnings: Sequence[str], own_lines: bool
) -> Document:
    """The engine; ``own_lines`` says the table is this call's own (made by :func:`reflow`),
    so its line texts may be freed once the last stage that reads them is done."""
    source = lines.source
    seen: tuple[str, ...] = ()
    if config.language == "auto":
        language, language_evidence, seen = detect_languages(source)
    else:
        language, language_evidence = config.language.lower(), "set by the caller"
    labels = label_lines(lines, config, language)
    body, boundary_decisions = decide_boundaries(lines, labels, language, config)
    if own_lines:
        # The assembly reads the lines from the source: the line texts (~2.4x the input on
        # 40-character lines, the largest thing alive) are freed before its blocks are made
        # (peak RSS, bench/results/memory-2026-11-29-night.md).
        lines.texts = []
    blocks, repairs = assemble(lines, labels, body, boundary_decisions, config.expand_ligatures)
    if language == UNDETERMINED or len(seen) > 1:
        # The sample holds more than one language (or none for sure): each paragraph says its
        # own when it can.  Single-language documents skip this pass (it costs a detection per
        # paragraph).
        blocks = _block_languages(blocks, language)
    label_decisions = [
        Decision(Action.LABEL, rule, i, i, lines.starts[i], conf, f"{labels.roles[i]}: {evidence}")
        for i, (rule, evidence, conf) in sorted(labels.notes.items())
    ]
    decisions = DecisionLog(
        boundary_decisions, body, source, label_decisions + repairs, lines.starts
    )
    return Document(
        source=source,
        blocks=tuple(blocks),
        decisions=decisions,
        language=language,
        language_evidence=language_evidence,
        warnings=tuple(warnings),
        pages=max(labels.pages) + 1 if labels.pages else 0,
        page_evidence=labels.page_evidence,
        boxes=tuple(lines.boxes) if lines.boxes is not None else None,
    )


def reflow_file(
    source: str | os.PathLike[str] | bytes,
    config: Config | None = None,
    kind: str | None = None,
    **options: Any,
) -> Document:
    """Reflow a file given as a path or its bytes, whatever it is: a PDF, ALTO, PAGE-XML, hOCR or
    Tesseract TSV (read with their geometry; see :mod:`reflow.readers`), or text (as
    :func:`reflow`).

    The kind is told by the content (``kind`` forces one: ``pdf``, ``alto``, ``page``,
    ``hocr``, ``tsv``, ``text``).  For the geometric kinds the document's text is the reader's
    (one line per printed line, a form feed between pages) and :attr:`Document.boxes` says where
    each line stood.  A file reflow cannot read raises :class:`reflow.InputError` with a
    one-line reason.

    >>> alto = (b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page>'
    ...         b'<PrintSpace><TextBlock ID="b1"><TextLine ID="l1" HPOS="0" VPOS="0" WIDTH="300"'
    ...         b' HEIGHT="20"><String CONTENT="It was ap"/><HYP CONTENT="-"/></TextLine>'
    ...         b'<TextLine ID="l2" HPOS="0" VPOS="24" WIDTH="120" HEIGHT="20">'
    ...         b'<String CONTENT="proved."/></TextLine></TextBlock></PrintSpace></Page>'
    ...         b'</Layout></alto>')
    >>> doc = reflow_file(alto)
    >>> doc.paragraphs, [doc.boxes[i].ref for i in doc.blocks[0].lines]
    (['It was approved.'], ['l1', 'l2'])
    """
    from reflow import readers

    config = Config.from_kwargs(config, **options)
    if isinstance(source, bytes | bytearray | memoryview):
        source = bytes(source)
    if kind is None:
        kind = readers.detect_kind(readers._head(source))
    if kind not in readers.KINDS:
        raise ValueError(f"kind must be one of {', '.join(readers.KINDS)}, not {kind!r}")
    if kind == "text":
        return reflow(readers._data(source), config)
    lines, warnings = readers.read(source, kind)  # type: ignore[arg-type]
    return _reflow_lines(lines, config, warnings, own_lines=True)


def _block_languages(blocks: list[Block], language: str) -> list[Block]:
    out = []
    for b in blocks:
        if b.role is Role.PARAGRAPH:
            own = block_language(b.text, language)
            if own:
                b = replace(b, language=own)
        out.append(b)
    return out
