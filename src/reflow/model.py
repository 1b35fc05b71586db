"""The data reflow produces: roles, decisions, blocks and the document.

Everything here is immutable.  Offsets (``start``, ``end``, ``offset``) are Python string
indices (code points) into :attr:`DocumentData.source`, which is the input exactly as given when it
was a ``str``, or as decoded (byte-order mark removed, nothing else changed) when it was
``bytes``.  Line terminators are never rewritten, so offsets always point at the input.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, overload

from reflow.lines import Box, split_lines

#: Version of the JSON schema written by :meth:`reflow.Document.to_dict`.  Bump on any breaking
#: change.
SCHEMA_VERSION = 1


class Role(StrEnum):
    """What a block is on the page.  The JSON schema uses the string values."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"
    PAGE_HEADER = "page-header"
    PAGE_FOOTER = "page-footer"
    PAGE_NUMBER = "page-number"
    OTHER = "other"
    # Text that is not body, labelled by reflow.structure.nonbody (finer than OTHER):
    FRONT_MATTER = "front-matter"  # a table of contents, a title block
    CODE = "code"  # a code listing, a command-line session
    TABLE = "table"  # table cells
    FORMULA = "formula"  # a displayed formula
    REFERENCE = "reference"  # an entry of a reference list


#: Roles that are page furniture: left out of text output unless asked for.
FURNITURE = frozenset({Role.PAGE_HEADER, Role.PAGE_FOOTER, Role.PAGE_NUMBER})


class Action(StrEnum):
    """What was done at a line boundary (or to a line, for labels)."""

    JOIN = "join"  # wrapped line: joined with one space
    DEHYPHENATE = "dehyphenate"  # line-break hyphen removed, halves joined
    KEEP_HYPHEN = "keep-hyphen"  # real hyphen kept, halves joined without space
    BREAK = "break"  # paragraph (block) boundary
    LABEL = "label"  # a line was given a non-paragraph role
    NORMALIZE = "normalize"  # a character was replaced (ligature, soft hyphen inside a line)


class Decision(NamedTuple):
    """One decision, with the named rule that took it and the evidence it used.

    ``line`` is the index (0-based) of the line the decision is about; for boundary decisions it
    is the line *before* the boundary and ``next_line`` the line after it (they differ by more
    than one when blank lines or page furniture stand between).  ``offset`` is the position in
    the source where the line before the boundary ends.  ``removed`` is the source offset of a
    character that does not appear in the output (a line-break hyphen), or -1.
    ``uncertain`` marks an abstention: the evidence did not decide and the text was kept as it
    was.
    """

    action: Action
    rule: str
    line: int
    next_line: int
    offset: int
    confidence: float
    evidence: str = ""
    removed: int = -1
    uncertain: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "action": str(self.action),
            "rule": self.rule,
            "line": self.line,
            "next_line": self.next_line,
            "offset": self.offset,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }
        if self.removed >= 0:
            d["removed"] = self.removed
        if self.uncertain:
            d["uncertain"] = True
        return d

    @property
    def trivial(self) -> bool:
        """A plain wrapped-line join: not worth showing in ``--explain``."""
        return self.action is Action.JOIN and self.rule == TRIVIAL_RULE


#: The decision a plain wrapped-line join stands for, stored as None until someone looks.
TRIVIAL_RULE = "wrapped-line"
TRIVIAL_CONFIDENCE = 0.95


class DecisionLog(Sequence[Decision]):
    """Every decision of a document, in line order; an immutable sequence.

    Plain wrapped-line joins are most of a document's boundaries and all alike, so they are
    stored as ``None`` and made into :class:`Decision` objects only when the log is read
    (``--explain``, JSON).  This keeps reflow fast and its memory small on large inputs.
    """

    __slots__ = ("_body", "_extras", "_full", "_raw", "_source", "_starts")

    def __init__(
        self,
        raw: list[Decision | None],
        body: Sequence[int],
        source: str,
        extras: Sequence[Decision] = (),
        starts: Sequence[int] | None = None,
    ) -> None:
        self._raw = raw
        self._body = body
        self._source = source
        self._extras = extras
        # Where each line starts (reflow.lines.Lines.starts, 8 bytes a line): a plain join's
        # offset is found from it and the source, without cutting the source into lines again.
        self._starts = starts
        self._full: tuple[Decision, ...] | None = None

    def _trivial(self, a: int) -> Decision:
        """The plain wrapped-line join after line ``a`` (the line after it is ``a + 1``)."""
        if self._starts is None:
            self._starts = split_lines(self._source).starts
        source, start, end = self._source, self._starts[a], self._starts[a + 1] - 1
        if end > start and source[end] == "\n" and source[end - 1] == "\r":
            end -= 1  # a \r\n line end
        offset = start + len(source[start:end].rstrip())
        return Decision(Action.JOIN, TRIVIAL_RULE, a, a + 1, offset, TRIVIAL_CONFIDENCE)

    def _stream(self) -> Iterator[Decision]:
        """Every decision in order, made as it is read; nothing is kept (a long document's
        decisions as objects are several times its size: the JSON writer streams them)."""
        if self._full is not None:
            yield from self._full
            return
        body = self._body
        boundaries = (self._trivial(body[k]) if d is None else d for k, d in enumerate(self._raw))
        extras = sorted(self._extras, key=lambda d: d.line)
        yield from heapq.merge(boundaries, extras, key=lambda d: d.line)

    def _materialize(self) -> tuple[Decision, ...]:
        if self._full is None:
            self._full = tuple(self._stream())
            self._raw, self._extras = [], ()
        return self._full

    def __len__(self) -> int:
        if self._full is not None:
            return len(self._full)
        return len(self._raw) + len(self._extras)

    @overload
    def __getitem__(self, i: int) -> Decision: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Decision]: ...
    def __getitem__(self, i: int | slice) -> Decision | Sequence[Decision]:
        return self._materialize()[i]

    def __iter__(self) -> Iterator[Decision]:
        return self._stream()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DecisionLog({len(self)} decisions)"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading, caption or piece of page furniture.

    ``start``/``end`` span the block's first and last source lines; ``lines`` lists the indices
    of the source lines it was made of (a paragraph healed across a page break skips the
    furniture lines between its halves).  ``article`` counts articles on the page: a headline
    starts a new one.  ``language`` is the paragraph's own language when the detector is sure it
    differs from the document's (a quotation, a neighbouring article), else "".
    """

    role: Role
    text: str
    start: int
    end: int
    lines: tuple[int, ...]
    page: int = 0
    article: int = 0
    language: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = {
            "role": str(self.role),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "article": self.article,
            "lines": [self.lines[0], self.lines[-1]] if self.lines else [],
        }
        if self.language:
            d["language"] = self.language
        return d


@dataclass(frozen=True, slots=True)
class DocumentData:
    """What :func:`reflow.reflow` found: blocks in reading order, and every decision.

    The data only; :class:`reflow.Document` (in :mod:`reflow.document`) adds the renderings
    (``to_text``, ``to_markdown``, ``to_dict``, ``to_json``, ``explain``), so that this module
    stays below :mod:`reflow.render`, which reads it.
    """

    source: str
    blocks: tuple[Block, ...]
    decisions: Sequence[Decision]
    language: str
    language_evidence: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    pages: int = 1
    page_evidence: str = ""
    #: One :class:`reflow.lines.Box` (or ``None``) per source line, when a reader gave
    #: geometry (PDF, ALTO, PAGE-XML, hOCR); ``None`` for text input.
    boxes: tuple[Box | None, ...] | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    @property
    def paragraphs(self) -> list[str]:
        """Texts of the paragraph blocks, in order."""
        return [b.text for b in self.blocks if b.role is Role.PARAGRAPH]
