"""JSONL shards (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``): one record a line, output in order.

The main process cuts a shard into chunks of lines (``--chunk-mb`` / ``--chunk-records``); a
worker parses, reflows, serialises and compresses a chunk; the main process appends the bytes to
``OUTPUT/<key>.partial`` (each chunk a complete gzip member or zstd frame, so the concatenation
is a valid file) and renames it when the shard is done.  The journal records, per chunk, the
input lines consumed, the input offset (plain JSONL: seek there on resume) and the output size.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import IO, Any

from reflow.batch.errors import RecordError, error_line, error_reason, require
from reflow.batch.formats.base import InputFormat, Result, Task, Unit, Workspace
from reflow.batch.formats.compression import compress, open_stream, stream_errors
from reflow.batch.options import BatchOptions
from reflow.batch.records import reflow_value, text_of, too_big


class Jsonl(InputFormat):
    kind = "jsonl"
    suffixes = ((".jsonl.gz", "gz"), (".jsonl.zst", "zst"), (".jsonl", ""))

    def check(self, unit: Unit, opts: BatchOptions) -> None:
        if unit.compression == "zst":
            require("zstandard", "reading .zst files")

    def tasks(self, unit: Unit, ws: Workspace) -> Iterator[Task]:
        opts = ws.opts
        limit = opts.max_document_bytes
        done = ws.state.jsonl if ws.state.partial == unit.key else None
        lines_done = done["lines"] if done else 0
        reader, raw = open_stream(unit.source, unit.compression)
        broken = stream_errors(unit.compression)
        with reader, raw:
            if done and not unit.compression:
                raw.seek(done["in_off"])
            else:
                for _ in range(lines_done):
                    if not skip_line(reader):
                        break
            ws.skipped_bytes += raw.tell()
            pos = raw.tell()
            lineno = lines_done
            pending: Task | None = None
            buf: list[bytes] = []
            oversized: dict[int, int] = {}
            size = records = 0
            first = lineno + 1
            stream_error: tuple[int, str] | None = None

            def chunk(end: int) -> Task:
                """The task for the lines in ``buf``, which end at input offset ``end``."""
                payload = (
                    "jsonl",
                    unit.label,
                    first,
                    b"".join(buf),
                    unit.compression,
                    oversized,
                    stream_error,
                )
                return Task(unit, payload, end - pos, mark={"lines": lineno, "in_off": end})

            while True:
                try:
                    line, line_size = read_line(reader, limit)
                except broken as exc:
                    # The compressed stream is cut short or corrupt: what came before it is
                    # read; the rest of the file cannot be, and is one failure in the errors
                    # file (at the line where reading stopped).  The run goes on.
                    stream_error = (
                        lineno + 1,
                        f"the compressed stream is damaged after line {lineno} "
                        f"({error_reason(exc)}); the rest of the file cannot be read",
                    )
                    break
                if not line_size:
                    break
                lineno += 1
                if line is None:  # over --max-document-bytes: not read into memory
                    oversized[lineno] = line_size
                    line = b"\n"
                buf.append(line)
                size += len(line)
                records += 1
                if size >= opts.chunk_bytes or records >= opts.chunk_records:
                    new_pos = raw.tell()
                    task = chunk(new_pos)
                    pos = new_pos
                    if pending is not None:
                        yield pending
                    pending = task
                    buf, oversized, size, records, first = [], {}, 0, 0, lineno + 1
            new_pos = raw.tell()
            if buf or stream_error:
                task = chunk(new_pos)
                if pending is not None:
                    yield pending
                pending = task
            if pending is None:  # nothing (left) to do: still finish the output
                pending = Task(unit, None, 0, mark={"lines": lineno, "in_off": new_pos})
            pending.last = True
            yield pending

    def work(self, opts: BatchOptions, *args: Any) -> Result:
        """Reflow a chunk of JSONL lines; return (output bytes, error lines, ok, failed).

        Each record is on its own from parsing to encoding its output line: whatever it holds,
        it ends in the output or in the errors file, never takes its chunk down with it.
        """
        label, first_line, blob, compression, oversized, stream_error = args
        out: list[bytes] = []
        errors: list[bytes] = []
        lines = blob.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        for offset, line in enumerate(lines):
            lineno = first_line + offset
            if lineno in oversized:
                reason = too_big(oversized[lineno], opts.max_document_bytes)
                errors.append(error_line(None, label, reason, line=lineno))
                continue
            if not line.strip():
                continue  # a blank line is not a record
            doc_id = None
            try:
                record = parse_record(line, opts.config.decode_errors)
                doc_id = record.get(opts.id_field)
                record[opts.output_field] = reflow_value(
                    text_of(record, opts.text_field),
                    opts.config,
                    opts.format,
                    opts.keep_furniture,
                    opts.decisions,
                )
                out.append(dump_record(record))
            except Exception as exc:
                errors.append(error_line(doc_id, label, error_reason(exc), line=lineno))
        if stream_error is not None:
            errors.append(error_line(None, label, stream_error[1], line=stream_error[0]))
        data = b"\n".join(out) + b"\n" if out else b""
        return compress(data, compression), b"".join(errors), len(out), len(errors)

    def commit(self, task: Task, result: Result | None, ws: Workspace) -> None:
        assert task.unit is not None
        if ws.writer is None:
            ws.writer = _open_partial(task.unit, ws)
        if result is not None:
            ws.writer.write(result[0])
        ws.sync(ws.writer)
        task.mark["out"] = ws.writer.tell()

    def finish(self, unit: Unit, ws: Workspace) -> None:
        assert ws.writer is not None
        ws.writer.close()
        ws.writer = None
        os.replace(ws.output / (unit.key + ".partial"), ws.output / unit.key)


def _open_partial(unit: Unit, ws: Workspace) -> IO[bytes]:
    """The unit's ``.partial`` output, new, or cut back to its last committed size on resume."""
    partial = ws.output / (unit.key + ".partial")
    final = ws.output / unit.key
    partial.parent.mkdir(parents=True, exist_ok=True)
    done = ws.state.jsonl if ws.state.partial == unit.key else None
    if done is None:
        return open(partial, "wb")
    if not partial.exists() and final.exists():
        # Killed between the final rename and its journal entry: take it back.
        os.replace(final, partial)
    f = open(partial, "r+b")  # noqa: SIM115
    f.truncate(done["out"])
    f.seek(done["out"])
    return f


#: Bytes read at a time while skipping a line that is too long to keep.
SKIP_BLOCK = 1 << 20


def read_line(reader: IO[bytes], limit: int) -> tuple[bytes | None, int]:
    """``(line, size)``: the next line with its newline; ``(None, size)`` for a record longer
    than ``limit`` bytes, read past in bounded pieces (never held whole); ``(b"", 0)`` at the end.

    >>> import io
    >>> f = io.BytesIO(b"short\\n" + b"x" * 50 + b"\\nlast")
    >>> read_line(f, 10), read_line(f, 10), read_line(f, 10), read_line(f, 10)
    ((b'short\\n', 6), (None, 50), (b'last', 4), (b'', 0))
    """
    line = reader.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while not line.endswith(b"\n"):
        line = reader.readline(SKIP_BLOCK)
        if not line:
            break
        size += len(line)
    return None, size - line.endswith(b"\n")  # the record's size, without its newline


def skip_line(reader: IO[bytes]) -> int:
    """Read past one line in bounded pieces; return its size (0 at the end)."""
    size = 0
    while True:
        piece = reader.readline(SKIP_BLOCK)
        size += len(piece)
        if not piece or piece.endswith(b"\n"):
            return size


def parse_record(line: bytes, decode_errors: str) -> dict[str, Any]:
    """One JSONL line as a JSON object, or :class:`RecordError` saying why it is not one.

    With ``decode_errors="replace"``, bytes that are not UTF-8 are read as lone surrogates
    (``surrogateescape``), which the text's own check then replaces with U+FFFD and reports,
    as ``\\ud800`` escapes are: one policy for both.
    """
    try:
        if decode_errors == "replace":
            # As json.loads reads bytes: a byte-order mark is not part of the record.
            record = json.loads(line.decode("utf-8", "surrogateescape").removeprefix("\ufeff"))
        else:
            record = json.loads(line)
    except RecursionError:
        raise RecordError("not a JSON line (nested too deeply)") from None
    except ValueError as exc:
        raise RecordError(f"not a JSON line ({exc})") from None
    if not isinstance(record, dict):
        raise RecordError(f"not a JSON object but a {type(record).__name__}")
    return record


def dump_record(record: dict[str, Any]) -> bytes:
    """A record as one line of UTF-8 JSON (without the newline).

    A lone surrogate in a field reflow does not read (an id, metadata) cannot be written as
    UTF-8; the record is then written with ``\\u`` escapes, which read back as the same value.

    >>> dump_record({"id": "caf\u00e9"})
    b'{"id": "caf\\xc3\\xa9"}'
    >>> dump_record({"id": "\\ud800"})
    b'{"id": "\\\\ud800"}'
    """
    text = json.dumps(record, ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError:
        return json.dumps(record).encode()
