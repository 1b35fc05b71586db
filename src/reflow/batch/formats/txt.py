"""``.txt`` files: one document a file, its output one file beside the others under ``-o``.

Files are small and many, so they travel to workers in groups; a worker writes each output
itself through a temporary name, and a group is committed (journaled) once all of it is done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reflow.batch.errors import RecordError, error_line, error_reason
from reflow.batch.formats.base import InputFormat, Result, Task, Unit, Workspace
from reflow.batch.journal import write_atomic
from reflow.batch.options import BatchOptions
from reflow.batch.records import check_size, reflow_value, too_big

#: Suffix of a text output by ``--format``.
TEXT_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json"}


def encode_output(value: str | dict[str, Any]) -> bytes:
    """One document's output file as bytes: text as it is, a JSON document indented.

    >>> encode_output("a b\\n"), encode_output({"k": "é"})
    (b'a b\\n', b'{\\n "k": "\\xc3\\xa9"\\n}\\n')
    """
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    return value.encode("utf-8")


def write_output(dst: str, encoded: bytes) -> None:
    """Write one document's output file, its folder made first, never half a file.  An error
    here is the machinery's (a full disk stops the run), not the document's."""
    out = Path(dst)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, encoded)


class Txt(InputFormat):
    kind = "txt"
    suffixes = ((".txt", ""),)
    grouped = True

    def output_key(self, rel: str, fmt: str) -> str:
        return rel[: -len(".txt")] + TEXT_SUFFIX[fmt]

    def group_task(self, units: list[Unit], ws: Workspace) -> Task:
        files = [(str(u.source), str(ws.output / u.key), u.key) for u in units]
        return Task(
            None, (self.kind, files), sum(u.size for u in units), keys=[u.key for u in units]
        )

    def work(self, opts: BatchOptions, *args: Any) -> Result:
        """Reflow each file of the group, each written to its output through a temporary name.

        A file that cannot be read, is too big, or cannot be reflowed or encoded is a failure
        of that file (the errors file); failing to write an output is the machinery's (a full
        disk): it stops the run, and ``--resume`` redoes the group.
        """
        (files,) = args
        errors: list[bytes] = []
        ok = 0
        for src, dst, doc_id in files:
            try:
                encoded = self.encode_file(opts, src)
            except Exception as exc:
                errors.append(error_line(doc_id, src, error_reason(exc)))
                continue
            write_output(dst, encoded)
            ok += 1
        return b"", b"".join(errors), ok, len(errors)

    def encode_file(self, opts: BatchOptions, src: str) -> bytes:
        """One ``.txt`` file's output, encoded; raises for a failure of this file."""
        try:
            size = os.stat(src).st_size
            if size > opts.max_document_bytes:
                raise RecordError(too_big(size, opts.max_document_bytes))
            with open(src, "rb") as f:
                data = f.read(opts.max_document_bytes + 1)
        except OSError as exc:  # gone, unreadable: this file's failure, said plainly
            raise RecordError(f"cannot read the file: {exc.strerror or exc}") from None
        check_size(data, opts.max_document_bytes)  # grown since the stat
        value = reflow_value(data, opts.config, opts.format, opts.keep_furniture, opts.decisions)
        return encode_output(value)
