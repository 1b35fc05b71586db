"""Compressed streams for JSONL: reading gzip/zstd as one stream, writing one member per chunk.

The optional extras are imported only when a file needs them, so a batch over ``.jsonl`` and
``.jsonl.gz`` works with the core install alone.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import IO, Any

from reflow.batch.errors import require


def open_stream(path: Path, compression: str) -> tuple[IO[bytes], IO[bytes]]:
    """``(lines, raw)``: a binary reader of the decompressed data, and the file underneath it.

    ``raw.tell()`` is how far into the file on disk reading has got (for progress).
    Concatenated gzip members and zstd frames are read as one stream, as the writer makes them.
    """
    raw = open(path, "rb")  # noqa: SIM115 -- returned to the caller, who closes it
    if compression == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    if compression == "zst":
        zstd = require("zstandard", "reading .zst files")
        reader = zstd.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        return io.BufferedReader(_GoodFirst(reader), buffer_size=1 << 20), raw
    return raw, raw


class _GoodFirst(io.RawIOBase):
    """A decompressing reader seen through ``read1``, which hands out what it decoded before
    it raises on damaged data; its ``read`` would raise and drop that data, and with it every
    good line of the buffer it was filling."""

    def __init__(self, reader: IO[bytes]) -> None:
        self._reader = reader

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._reader.read1(len(buffer))  # type: ignore[attr-defined]
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._reader.close()
        super().close()


def compress(data: bytes, compression: str) -> bytes:
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


def stream_errors(compression: str) -> tuple[type[BaseException], ...]:
    """The exceptions that mean a compressed stream is damaged (not that the disk failed)."""
    if compression == "gz":
        # EOFError: cut short; zlib.error: corrupt data; BadGzipFile: not gzip (or a bad member).
        return (EOFError, zlib.error, gzip.BadGzipFile)
    if compression == "zst":
        return (require("zstandard", "reading .zst files").ZstdError,)
    return ()
