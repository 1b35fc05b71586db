"""Finding the inputs of ``reflow batch``: files and folders as given, walked in a stable order.

Which files are inputs, and what their outputs are called, is up to the formats
(:mod:`reflow.batch.formats`); this module only walks and names.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reflow.batch.errors import UsageError
from reflow.batch.formats import FORMATS, SUFFIXES, classify
from reflow.batch.formats.base import Unit


def _walk(folder: Path, skip: set[Path]) -> Iterator[Path]:
    """Input files under ``folder`` in a stable order (sorted names), not entering ``skip``."""
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        # Never read our own output (``-o`` inside an input folder) or hidden folders.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in skip
        )
        for name in sorted(filenames):
            if classify(name) is not None and not name.startswith("."):
                yield here / name


@dataclass(frozen=True, slots=True)
class Root:
    """One ``INPUT`` as given: a file or a folder, and the prefix of its outputs' keys."""

    path: Path
    prefix: str
    is_dir: bool


def resolve_inputs(inputs: list[Path]) -> list[Root]:
    """Check the inputs and give each its output prefix; nothing is walked yet.

    With a single folder as input, outputs keep their paths relative to it.  With several inputs,
    each lands under its own name (``-o out a/ b.jsonl`` gives ``out/a/...`` and
    ``out/b.jsonl``).  Raises :class:`UsageError` for a missing input, a file of unknown kind, or
    two inputs of the same name (they would write the same outputs).
    """
    roots: list[Root] = []
    names: dict[str, Path] = {}
    single_folder = len(inputs) == 1 and inputs[0].is_dir()
    for inp in inputs:
        if not inp.exists():
            raise UsageError(f"input not found: {inp}")
        name = inp.resolve().name
        if not single_folder:
            if name in names:
                raise UsageError(
                    f"{names[name]} and {inp} have the same name and would write the same "
                    "outputs; rename one or run them separately"
                )
            names[name] = inp
        if inp.is_dir():
            roots.append(Root(inp, "" if single_folder else name + "/", True))
        elif classify(inp.name) is None:
            raise UsageError(
                f"don't know how to read {inp}: inputs are folders or files ending in "
                + suffix_list()
            )
        else:
            roots.append(Root(inp, "", False))
    return roots


def suffix_list() -> str:
    """The input suffixes, for messages.

    >>> suffix_list()
    '.jsonl.gz, .jsonl.zst, .jsonl, .pdf, .xml, .hocr, .html, .xhtml, .tsv, .parquet, .txt'
    """
    return ", ".join(s for s, _, _ in SUFFIXES)


def iter_units(roots: list[Root], output: Path, fmt: str) -> Iterator[Unit]:
    """The units of work, in a stable order (inputs as given, folders sorted), lazily.

    A generator, so that a folder of millions of files costs no memory per file; the order is
    the same at every call as long as the files are the same, which ``--resume`` relies on.
    """
    skip = {output.resolve()}
    for root in roots:
        paths = _walk(root.path, skip) if root.is_dir else iter([root.path])
        for path in paths:
            kind, compression = classify(path.name)  # type: ignore[misc]
            rel = root.prefix + (
                path.relative_to(root.path).as_posix() if root.is_dir else path.name
            )
            key = FORMATS[kind].output_key(rel, fmt)
            yield Unit(kind, compression, path, key, path.stat().st_size)
