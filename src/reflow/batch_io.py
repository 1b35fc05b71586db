"""Files for ``reflow batch``: finding inputs, reading JSONL shards, the crash-safe journal.

Nothing here calls the reflow engine; :mod:`reflow.batch` does.  The optional extras are imported
only when a file needs them, so a batch over ``.txt`` and ``.jsonl``/``.jsonl.gz`` works with the
core install alone.

Input kinds, by file name (case-insensitive):

======================  ==========  ================================================
name ends with          kind        output (same relative path under ``-o``)
======================  ==========  ================================================
``.txt``                ``txt``     one file, ``.txt``/``.md``/``.json`` by ``--format``
``.jsonl``              ``jsonl``   ``.jsonl``
``.jsonl.gz``           ``jsonl``   ``.jsonl.gz`` (gzip members, one per committed chunk)
``.jsonl.zst``          ``jsonl``   ``.jsonl.zst`` (zstd frames, one per committed chunk)
``.parquet``            ``parquet`` ``.parquet`` (one row group per input row group)
======================  ==========  ================================================
"""

from __future__ import annotations

import gzip
import importlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Literal

Kind = Literal["txt", "jsonl", "parquet"]
Compression = Literal["", "gz", "zst"]

#: Suffix -> (kind, compression).  Longest suffixes first, so ".jsonl.gz" wins over ".gz".
SUFFIXES: tuple[tuple[str, Kind, Compression], ...] = (
    (".jsonl.gz", "jsonl", "gz"),
    (".jsonl.zst", "jsonl", "zst"),
    (".jsonl", "jsonl", ""),
    (".parquet", "parquet", ""),
    (".txt", "txt", ""),
)

#: Suffix of a text output by ``--format``.
TEXT_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json"}

#: Folder inside the output folder that holds the journal and Parquet parts.
STATE_DIR = ".reflow-batch"

#: Extras that provide a module, for the message when it is missing.
EXTRAS = {"zstandard": "zstd", "pyarrow": "parquet", "dask": "dask", "distributed": "dask"}


class UsageError(Exception):
    """A problem with the command line or the inputs: reported in one line, exit status 2."""


def require(module: str, what: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`UsageError` saying which extra to install.

    >>> require("json", "anything").__name__
    'json'
    >>> require("no_such_module_here", "reading .zst files")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.batch_io.UsageError: reading .zst files needs the Python package no_such_module_here...
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRAS.get(module)
        hint = f"install it with: pip install 'reflow[{extra}]'" if extra else "install it"
        raise UsageError(f"{what} needs the Python package {module}; {hint}") from None


def classify(name: str) -> tuple[Kind, Compression] | None:
    """The kind and compression of an input file from its name, or ``None`` if not an input.

    >>> classify("part-0001.JSONL.GZ")
    ('jsonl', 'gz')
    >>> classify("notes.md") is None
    True
    """
    lower = name.lower()
    for suffix, kind, compression in SUFFIXES:
        if lower.endswith(suffix):
            return kind, compression
    return None


@dataclass(frozen=True, slots=True)
class Unit:
    """One input file and where its output goes.

    ``key`` is the output's path relative to the output folder, in POSIX form; it names the unit
    in the journal.  ``size`` is the input's size on disk, for progress and ETA.
    """

    kind: Kind
    compression: Compression
    source: Path
    key: str
    size: int

    @property
    def label(self) -> str:
        """How the input is named in messages and in the errors file."""
        return str(self.source)


def _output_key(rel: str, kind: Kind, fmt: str) -> str:
    if kind == "txt":
        return rel[: -len(".txt")] + TEXT_SUFFIX[fmt]
    return rel


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
                + ", ".join(s for s, _, _ in SUFFIXES)
            )
        else:
            roots.append(Root(inp, "", False))
    return roots


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
            yield Unit(kind, compression, path, _output_key(rel, kind, fmt), path.stat().st_size)


# -- JSONL shards ---------------------------------------------------------------------------


def open_jsonl(path: Path, compression: Compression) -> tuple[IO[bytes], IO[bytes]]:
    """``(lines, raw)``: a binary reader of the decompressed lines, and the file underneath it.

    ``raw.tell()`` is how far into the file on disk reading has got (for progress).
    Concatenated gzip members and zstd frames are read as one stream, as the writer makes them.
    """
    raw = open(path, "rb")  # noqa: SIM115 -- returned to the caller, who closes it
    if compression == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    if compression == "zst":
        zstd = require("zstandard", "reading .zst files")
        reader = zstd.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        import io

        return io.BufferedReader(reader, buffer_size=1 << 20), raw
    return raw, raw


def compress(data: bytes, compression: Compression) -> bytes:
    """``data`` as one gzip member or zstd frame (or as is): chunks concatenate into a valid file.

    >>> gzip.decompress(compress(b"a\\n", "gz") + compress(b"b\\n", "gz"))
    b'a\\nb\\n'
    """
    if compression == "gz":
        # Level 6 is gzip's own default; the cost is paid in the workers, not the main process.
        return gzip.compress(data, compresslevel=6, mtime=0)
    if compression == "zst":
        zstd = require("zstandard", "writing .zst files")
        return zstd.ZstdCompressor(level=3).compress(data)
    return data


# -- the journal ----------------------------------------------------------------------------


class Journal:
    """An append-only log of committed work: one JSON object a line, in commit order.

    An entry is appended only after the data it describes is flushed (and fsynced) to disk, so on
    restart every entry is true; data written after the last entry is cut off again.  A kill
    between ``write`` calls can leave a torn last line: :meth:`load` drops it and truncates the
    file back to the last whole line.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "journal.jsonl"
    >>> j = Journal(p); j.append({"n": 1}); _ = p.open("a").write('{"n": 2')
    >>> Journal.load(p)
    [{'n': 1}]
    >>> j.close()
    """

    def __init__(self, path: Path, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, entry: dict[str, Any]) -> None:
        # One write call per line: the kernel appends it whole, so a kill leaves whole lines.
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        os.write(self._fd, line)
        if self.fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    @staticmethod
    def load(path: Path) -> list[dict[str, Any]]:
        """The whole entries of the journal at ``path``; a torn last line is removed from disk."""
        if not path.exists():
            return []
        data = path.read_bytes()
        good = data.rfind(b"\n") + 1
        if good < len(data):
            with open(path, "r+b") as f:
                f.truncate(good)
        return [json.loads(line) for line in data[:good].splitlines() if line.strip()]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary name and a rename: never half a file."""
    tmp = path.with_name(path.name + ".reflow-tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def truncate(path: Path, size: int) -> None:
    """Cut ``path`` back to ``size`` bytes (the size a journal entry recorded)."""
    with open(path, "r+b") as f:
        f.truncate(size)
