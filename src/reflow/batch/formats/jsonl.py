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
from reflow.batch.formats.compression import compress, open_stream
from reflow.batch.options import BatchOptions
from reflow.batch.records import reflow_value, text_of


class Jsonl(InputFormat):
    kind = "jsonl"
    suffixes = ((".jsonl.gz", "gz"), (".jsonl.zst", "zst"), (".jsonl", ""))

    def check(self, unit: Unit, opts: BatchOptions) -> None:
        if unit.compression == "zst":
            require("zstandard", "reading .zst files")

    def tasks(self, unit: Unit, ws: Workspace) -> Iterator[Task]:
        opts = ws.opts
        done = ws.state.jsonl if ws.state.partial == unit.key else None
        lines_done = done["lines"] if done else 0
        reader, raw = open_stream(unit.source, unit.compression)
        with reader, raw:
            if done and not unit.compression:
                raw.seek(done["in_off"])
            else:
                for _ in range(lines_done):
                    if not reader.readline():
                        break
            ws.skipped_bytes += raw.tell()
            pos = raw.tell()
            lineno = lines_done
            pending: Task | None = None
            buf: list[bytes] = []
            size = records = 0
            first = lineno + 1

            def chunk(end: int) -> Task:
                """The task for the lines in ``buf``, which end at input offset ``end``."""
                payload = ("jsonl", unit.label, first, b"".join(buf), unit.compression)
                return Task(unit, payload, end - pos, mark={"lines": lineno, "in_off": end})

            for line in reader:
                lineno += 1
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
                    buf, size, records, first = [], 0, 0, lineno + 1
            new_pos = raw.tell()
            if buf:
                task = chunk(new_pos)
                if pending is not None:
                    yield pending
                pending = task
            if pending is None:  # nothing (left) to do: still finish the output
                pending = Task(unit, None, 0, mark={"lines": lineno, "in_off": new_pos})
            pending.last = True
            yield pending

    def work(self, opts: BatchOptions, *args: Any) -> Result:
        """Reflow a chunk of JSONL lines; return (output bytes, error lines, ok, failed)."""
        label, first_line, blob, compression = args
        out: list[str] = []
        errors: list[bytes] = []
        lines = blob.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        for offset, line in enumerate(lines):
            if not line.strip():
                continue  # a blank line is not a record
            lineno = first_line + offset
            doc_id = None
            try:
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise RecordError(f"not a JSON line ({exc})") from None
                if not isinstance(record, dict):
                    raise RecordError(f"not a JSON object but a {type(record).__name__}")
                doc_id = record.get(opts.id_field)
                record[opts.output_field] = reflow_value(
                    text_of(record, opts.text_field),
                    opts.config,
                    opts.format,
                    opts.keep_furniture,
                    opts.decisions,
                )
                out.append(json.dumps(record, ensure_ascii=False))
            except Exception as exc:
                errors.append(error_line(doc_id, label, error_reason(exc), line=lineno))
        data = ("\n".join(out) + "\n").encode() if out else b""
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
