"""Parquet files: one task per row group, the output one row group per input row group.

A worker writes its row group, with the output column added, to a part file under
``OUTPUT/.reflow-batch/parts/``; when every row group is committed, the parts are merged into the
final file one row group at a time (memory stays at one row group) and renamed into place.
The journal records each committed row group, so a resumed run redoes only the others.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reflow.batch.errors import UsageError, error_line, error_reason, require
from reflow.batch.formats.base import InputFormat, Result, Task, Unit, Workspace
from reflow.batch.options import BatchOptions
from reflow.batch.records import check_size, reflow_value


class Parquet(InputFormat):
    kind = "parquet"
    suffixes = ((".parquet", ""),)

    def check(self, unit: Unit, opts: BatchOptions) -> None:
        """Fail before any work when the file is unreadable or lacks the text column."""
        pq = require("pyarrow.parquet", "reading .parquet files")
        try:
            names = pq.read_schema(unit.source).names
        except Exception as exc:
            raise UsageError(f"cannot read {unit.source} as Parquet: {error_reason(exc)}") from None
        if opts.text_field not in names:
            raise UsageError(
                f"{unit.source} has no column {opts.text_field!r} "
                f"(it has {', '.join(names)}); choose one with --text-field"
            )

    def tasks(self, unit: Unit, ws: Workspace) -> Iterator[Task]:
        pq = require("pyarrow.parquet", "reading .parquet files")
        meta = pq.ParquetFile(unit.source).metadata
        done = ws.state.row_groups if ws.state.partial == unit.key else set()
        parts = _parts(unit, ws)
        parts.mkdir(parents=True, exist_ok=True)
        first_row = 0
        tasks: list[Task] = []
        for rg in range(meta.num_row_groups):
            rows = meta.row_group(rg).num_rows
            # Progress in on-disk bytes: the row group's share of the file.
            share = unit.size * rows // max(meta.num_rows, 1)
            if rg in done:
                ws.skipped_bytes += share
            else:
                part = str(parts / f"rg-{rg:06d}.parquet")
                payload = ("parquet", str(unit.source), rg, first_row, part)
                tasks.append(Task(unit, payload, share, mark={"row_group": rg}))
            first_row += rows
        if not tasks:
            tasks.append(Task(unit, None, 0, journaled=False))
        tasks[-1].last = True
        yield from tasks

    def work(self, opts: BatchOptions, *args: Any) -> Result:
        """Reflow one row group into its part file; return (b"", errors, ok, failed)."""
        src, row_group, first_row, part = args
        pa = require("pyarrow", "reading .parquet files")
        pq = require("pyarrow.parquet", "reading .parquet files")
        pf = pq.ParquetFile(src)
        try:
            table = pf.read_row_group(row_group)
            names = table.column_names
            texts = table.column(opts.text_field).to_pylist()
            ids = table.column(opts.id_field).to_pylist() if opts.id_field in names else None
        except Exception as exc:
            # Unreadable row group: every row in it is a failure, each listed, none dropped.
            n = pf.metadata.row_group(row_group).num_rows
            reason = f"row group {row_group} unreadable: {error_reason(exc)}"
            errs = [error_line(None, src, reason, row=first_row + i) for i in range(n)]
            return b"", b"".join(errs), 0, n
        keep: list[bool] = []
        rows: list[Any] = []
        errors: list[bytes] = []
        for i, text in enumerate(texts):
            try:
                check_size(text, opts.max_document_bytes)
                value = reflow_value(
                    text, opts.config, opts.format, opts.keep_furniture, opts.decisions
                )
                rows.append(
                    json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
                )
                keep.append(True)
            except Exception as exc:
                keep.append(False)
                doc_id = ids[i] if ids is not None else None
                errors.append(error_line(doc_id, src, error_reason(exc), row=first_row + i))
        table = table.filter(pa.array(keep, type=pa.bool_()))
        column = pa.array(rows, type=pa.string())
        if opts.output_field in names:
            table = table.set_column(names.index(opts.output_field), opts.output_field, column)
        else:
            table = table.append_column(opts.output_field, column)
        tmp = part + ".reflow-tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, part)
        return b"", b"".join(errors), len(rows), len(errors)

    def finish(self, unit: Unit, ws: Workspace) -> None:
        """Merge the part files into the final file, then remove them."""
        pa = require("pyarrow", "writing .parquet files")
        pq = require("pyarrow.parquet", "writing .parquet files")
        final = ws.output / unit.key
        parts = sorted(_parts(unit, ws).glob("rg-*.parquet"))
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(final.name + ".reflow-tmp")
        if parts:
            schema = pq.read_schema(parts[0])
        else:  # an input without row groups: an empty output with the output column
            schema = pq.read_schema(unit.source)
            if ws.opts.output_field not in schema.names:
                schema = schema.append(pa.field(ws.opts.output_field, pa.string()))
        with pq.ParquetWriter(tmp, schema) as writer:
            for part in parts:  # one row group at a time: memory stays at one row group
                writer.write_table(pq.read_table(part, schema=schema))
        os.replace(tmp, final)

    def cleanup(self, unit: Unit, ws: Workspace) -> None:
        parts = _parts(unit, ws)
        for p in parts.iterdir():
            p.unlink()
        parts.rmdir()


def _parts(unit: Unit, ws: Workspace) -> Path:
    """The folder of ``unit``'s part files (named by a hash: keys may contain slashes)."""
    return ws.parts_dir / hashlib.sha1(unit.key.encode()).hexdigest()[:16]
