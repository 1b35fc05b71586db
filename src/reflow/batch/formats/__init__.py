"""The input formats of ``reflow batch``, one module each, and the table that finds them.

Input kinds, by file name (case-insensitive):

======================  ==========  ================================================
name ends with          kind        output (same relative path under ``-o``)
======================  ==========  ================================================
``.txt``                ``txt``     one file, ``.txt``/``.md``/``.json`` by ``--format``
``.jsonl``              ``jsonl``   ``.jsonl``
``.jsonl.gz``           ``jsonl``   ``.jsonl.gz`` (gzip members, one per committed chunk)
``.jsonl.zst``          ``jsonl``   ``.jsonl.zst`` (zstd frames, one per committed chunk)
``.parquet``            ``parquet`` ``.parquet`` (one row group per input row group)
``.pdf`` ``.xml``       ``pages``   one file, the input's name plus ``.txt``/``.md``/``.json``
``.hocr`` ``.html``                 (read with its geometry: PDF, ALTO, PAGE-XML, hOCR,
``.xhtml`` ``.tsv``                 Tesseract TSV)
======================  ==========  ================================================

A new format is a subclass of :class:`~reflow.batch.formats.base.InputFormat` in a new module
here, and one entry in :data:`FORMATS`.
"""

from __future__ import annotations

from reflow.batch.formats.base import InputFormat
from reflow.batch.formats.jsonl import Jsonl
from reflow.batch.formats.pages import Pages
from reflow.batch.formats.parquet import Parquet
from reflow.batch.formats.txt import Txt

#: Every input format, by kind.
FORMATS: dict[str, InputFormat] = {f.kind: f for f in (Jsonl(), Pages(), Parquet(), Txt())}

#: (suffix, kind, compression), in the order messages list them.
SUFFIXES: tuple[tuple[str, str, str], ...] = tuple(
    (suffix, f.kind, comp) for f in FORMATS.values() for suffix, comp in f.suffixes
)


def classify(name: str) -> tuple[str, str] | None:
    """The kind and compression of an input file from its name, or ``None`` if not an input.

    >>> classify("part-0001.JSONL.GZ")
    ('jsonl', 'gz')
    >>> classify("notes.md") is None
    True
    """
    lower = name.lower()
    # The longest suffix that matches, so ".jsonl.gz" wins over any format reading ".gz".
    found = [s for s in SUFFIXES if lower.endswith(s[0])]
    if not found:
        return None
    _, kind, compression = max(found, key=lambda s: len(s[0]))
    return kind, compression
