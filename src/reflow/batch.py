"""Corpus scale: ``reflow batch`` over folders, JSONL and Parquet, and record-level helpers.

Three ways in, one record transform underneath (:func:`reflow_value`):

* :func:`reflow_records` maps over an iterable of dicts, for pipelines that already exist;
  :func:`reflow_columns` is the same for column batches (``datasets.Dataset.map(batched=True)``).
* :func:`run_batch` (the ``reflow batch`` command, :func:`main`) streams files through a pool of
  worker processes with a bounded window of chunks in flight, keeps input order, writes failures
  to an errors file, and journals every committed chunk so ``--resume`` can finish a run that was
  killed, even by ``kill -9``, without redoing or duplicating anything.
* :mod:`reflow.dask_support` runs the same transform in Dask partitions, for clusters.

How a run stays correct when it is killed at any instant (the design, written down):

1. The main process reads inputs and cuts them into chunks (JSONL: ~1 MiB of lines; ``.txt``:
   a few files; Parquet: one row group).  Workers do everything else: parse, reflow, render,
   serialise, compress.  At most ``2 x workers`` chunks are in flight, so memory does not grow
   with the corpus.
2. Results are committed strictly in input order.  A commit appends the chunk's bytes to the
   output's ``.partial`` file (JSONL: each chunk is a complete gzip member or zstd frame, so the
   concatenation is a valid file) and its failures to the errors file, flushes and fsyncs both,
   and only then appends one line to ``.reflow-batch/journal.jsonl`` recording the sizes of both
   files and how many input lines are done.
3. ``--resume`` replays the journal, cuts the ``.partial`` and errors files back to the recorded
   sizes (dropping anything written after the last commit), and starts reading each input after
   the last committed line.  So a record is either committed once or redone once; never twice.
   Whole inputs finish in order as well, so the journal's state is a cursor, whatever the
   number of files: how many inputs are finished, the name of the last one (checked on resume
   against the inputs as they are now), and how far into the next one the commits got.
4. A finished output is renamed from ``.partial`` (or, for Parquet, merged from per-row-group
   part files) to its final name in one ``os.replace``; ``.txt`` outputs are written by the
   workers to a temporary name and renamed.  No output is ever seen half-written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import reflow
from reflow.batch_io import (
    STATE_DIR,
    SUFFIXES,
    Journal,
    Root,
    Unit,
    UsageError,
    compress,
    iter_units,
    open_jsonl,
    require,
    resolve_inputs,
    truncate,
    write_atomic,
)
from reflow.cli import add_engine_arguments, config_from_arguments
from reflow.config import Config

Format = Literal["text", "markdown", "json"]
OnError = Literal["raise", "skip", "mark"]

#: A JSONL chunk is cut at this many bytes of input...  Sized against the fixed costs of a chunk,
#: measured by bench/bench_batch.py (``chunk_costs``) on the shared 2-core dev machine under
#: load: ~12 ms for 1 MiB to a worker and back, ~4 ms for an append + fsync, against ~500 ms to
#: reflow 1 MiB (~2 MB/s a core).  So a few percent at most, and the IPC overlaps with the other
#: workers' reflowing; much smaller chunks would make it count, larger ones lose more to a kill.
CHUNK_BYTES = 1 << 20
#: ...or at this many records, whichever comes first (bounds the work lost to a kill).
CHUNK_RECORDS = 1000
#: ``.txt`` files are sent to workers in groups of at most this many files (or CHUNK_BYTES).
TXT_GROUP = 64
#: Chunks in flight per worker: one running, one queued, so no worker waits for the main process.
INFLIGHT_PER_WORKER = 2
#: Seconds between progress redraws on a terminal.
PROGRESS_INTERVAL = 0.5

ERRORS_NAME = "reflow-errors.jsonl"

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


# -- one record -----------------------------------------------------------------------------


def render(
    doc: reflow.Document, fmt: Format, keep_furniture: bool = False, decisions: bool = False
) -> str | dict[str, Any]:
    """A document as ``fmt``: plain text, Markdown, or the JSON-ready dict (blocks with roles).

    >>> render(reflow.reflow("The talks were tak-\\ning place in the\\ncapital.\\n"), "text")
    'The talks were taking place in the capital.\\n'
    """
    if fmt == "text":
        return doc.to_text(keep_furniture=keep_furniture)
    if fmt == "markdown":
        return doc.to_markdown(keep_furniture=keep_furniture)
    if fmt == "json":
        return doc.to_dict(decisions=decisions)
    raise ValueError(f"format must be text, markdown or json, not {fmt!r}")


def reflow_value(
    text: Any,
    config: Config | None = None,
    fmt: Format = "text",
    keep_furniture: bool = False,
    decisions: bool = False,
) -> str | dict[str, Any]:
    """Reflow one field value (``str`` or UTF-8 ``bytes``) and render it; raise on bad input.

    Raises :class:`RecordError` for a value that is neither text nor bytes (``None`` included),
    :class:`reflow.InputError` for undecodable bytes.

    >>> reflow_value("wrapped\\nline\\n")
    'wrapped line\\n'
    >>> reflow_value(None)
    Traceback (most recent call last):
    ...
    reflow.batch.RecordError: the text is null, not a string
    """
    if not isinstance(text, str | bytes):
        what = "null" if text is None else f"a {type(text).__name__}"
        raise RecordError(f"the text is {what}, not a string")
    doc = reflow.reflow(text, config=config) if config is not None else reflow.reflow(text)
    return render(doc, fmt, keep_furniture, decisions)


class RecordError(ValueError):
    """A record that cannot be reflowed: no text field, text not a string, not a JSON object."""


def _text_of(record: Mapping[str, Any], text_field: str) -> Any:
    try:
        return record[text_field]
    except KeyError:
        raise RecordError(f"no field {text_field!r}") from None


def _reason(exc: BaseException) -> str:
    """One line saying why a document failed.

    Bad input speaks for itself; anything else is named by its type, which points at the bug.
    """
    msg = " ".join(str(exc).split())
    if isinstance(exc, reflow.InputError | RecordError):
        return msg or type(exc).__name__
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def reflow_records(
    records: Iterable[Mapping[str, Any]],
    text_field: str = "text",
    output_field: str = "text_reflowed",
    *,
    config: Config | None = None,
    format: Format = "text",
    keep_furniture: bool = False,
    decisions: bool = False,
    on_error: OnError = "mark",
    error_field: str = "reflow_error",
    workers: int = 1,
    chunk_records: int = 256,
) -> Iterator[dict[str, Any]]:
    """Reflow ``record[text_field]`` of each record into ``record[output_field]``, lazily.

    Records are shallow-copied; all their fields are kept.  A record that fails (no text field,
    undecodable bytes, an engine bug) is, by ``on_error``: ``"mark"`` (default) yielded with
    ``output_field`` ``None`` and the reason in ``error_field``; ``"skip"`` dropped; ``"raise"``
    raised.

    ``workers`` > 1 reflows in that many processes, ``chunk_records`` records at a time, with at
    most two chunks per worker in flight (records must be picklable); the order is kept.

    >>> text = "The talks were tak-\\ning place in the\\ncapital.\\n"
    >>> rows = [{"id": 1, "text": text}, {"id": 2}]
    >>> for r in reflow_records(rows):
    ...     print(r["id"], repr(r["text_reflowed"]), r.get("reflow_error"))
    1 'The talks were taking place in the capital.\\n' None
    2 None no field 'text'
    """
    if on_error not in ("raise", "skip", "mark"):
        raise ValueError(f"on_error must be raise, skip or mark, not {on_error!r}")
    kw = dict(
        text_field=text_field,
        output_field=output_field,
        config=config,
        format=format,
        keep_furniture=keep_furniture,
        decisions=decisions,
        on_error=on_error,
        error_field=error_field,
    )
    if workers <= 1:
        return _records(records, **kw)
    return _records_parallel(records, workers, chunk_records, kw)


def _records(
    records: Iterable[Mapping[str, Any]],
    text_field: str,
    output_field: str,
    config: Config | None,
    format: Format,
    keep_furniture: bool,
    decisions: bool,
    on_error: OnError,
    error_field: str,
) -> Iterator[dict[str, Any]]:
    for record in records:
        out = dict(record)
        try:
            out[output_field] = reflow_value(
                _text_of(record, text_field), config, format, keep_furniture, decisions
            )
        except Exception as exc:
            if on_error == "raise":
                raise
            if on_error == "skip":
                continue
            out[output_field] = None
            out[error_field] = _reason(exc)
        yield out


def _records_chunk(chunk: list[Mapping[str, Any]], kw: dict[str, Any]) -> list[dict[str, Any]]:
    return list(_records(chunk, **kw))


def _records_parallel(
    records: Iterable[Mapping[str, Any]], workers: int, chunk_records: int, kw: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(None, os.getpid()),
    )
    window: deque[Future[list[dict[str, Any]]]] = deque()
    it = iter(records)
    try:
        while chunk := list(itertools.islice(it, chunk_records)):
            window.append(pool.submit(_records_chunk, chunk, kw))
            if len(window) >= workers * INFLIGHT_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def reflow_columns(
    batch: Mapping[str, list[Any]],
    text_field: str = "text",
    output_field: str = "text_reflowed",
    *,
    config: Config | None = None,
    format: Format = "text",
    keep_furniture: bool = False,
    error_field: str = "reflow_error",
) -> dict[str, list[Any]]:
    """The new columns for a batch of rows given as columns (``datasets.Dataset.map``, batched).

    Returns ``{output_field: [...], error_field: [...]}``; a failed row gets ``None`` and its
    reason.  JSON output is returned as a JSON string, so the column has one type.

    >>> cols = reflow_columns({"text": ["line one\\nline two\\n", None]})
    >>> cols["text_reflowed"], cols["reflow_error"]
    (['line one line two\\n', None], [None, 'the text is null, not a string'])
    """
    outs: list[Any] = []
    errors: list[str | None] = []
    for text in batch[text_field]:
        try:
            value = reflow_value(text, config, format, keep_furniture)
            outs.append(json.dumps(value, ensure_ascii=False) if format == "json" else value)
            errors.append(None)
        except Exception as exc:
            outs.append(None)
            errors.append(_reason(exc))
    return {output_field: outs, error_field: errors}


# -- options and results --------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use (respects CPU affinity and container limits)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything a batch run needs besides its inputs and output folder.

    The first group is saved in the journal folder and must be the same on ``--resume`` (a
    resumed run must produce what the first run would have); the rest may change between runs.
    ``errors`` defaults to ``OUTPUT/reflow-errors.jsonl``.  ``progress`` ``None`` means "when
    stderr is a terminal".
    """

    text_field: str = "text"
    id_field: str = "id"
    output_field: str = "text_reflowed"
    format: Format = "text"
    keep_furniture: bool = False
    decisions: bool = False
    config: Config = field(default_factory=Config)
    # -- may change on resume --
    workers: int = field(default_factory=default_workers)
    errors: Path | None = None
    resume: bool = False
    progress: bool | None = None
    chunk_bytes: int = CHUNK_BYTES
    chunk_records: int = CHUNK_RECORDS
    fsync: bool = True

    def settings(self) -> dict[str, Any]:
        """The options that decide the output, as saved next to the journal."""
        return {
            "text_field": self.text_field,
            "id_field": self.id_field,
            "output_field": self.output_field,
            "format": self.format,
            "keep_furniture": self.keep_furniture,
            "decisions": self.decisions,
            "config": dataclasses.asdict(self.config),
        }


@dataclass(slots=True)
class BatchReport:
    """What a run did.  ``skipped`` counts documents finished by an earlier run (``--resume``),
    ``failed_earlier`` how many of those failed: a resumed run still exits 1 if any did.

    ``bytes`` is the input read by this run, as stored on disk (compressed when compressed).
    """

    done: int = 0
    failed: int = 0
    skipped: int = 0
    failed_earlier: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors_path: Path | None = None

    @property
    def exit_status(self) -> int:
        return EXIT_FAILED if self.failed or self.failed_earlier else EXIT_OK

    def summary(self) -> str:
        mb = self.bytes / 1e6
        rate = mb / self.seconds if self.seconds > 0 else 0.0
        failed = f"{self.failed} failed"
        if self.failed_earlier:
            failed += f" (+{self.failed_earlier} in earlier runs)"
        if (self.failed or self.failed_earlier) and self.errors_path is not None:
            failed += f" (see {self.errors_path})"
        return (
            f"reflow batch: {self.done} done, {failed}, {self.skipped} skipped; "
            f"{mb:.1f} MB in {self.seconds:.1f} s, {rate:.2f} MB/s"
        )


# -- the worker side ------------------------------------------------------------------------

_OPTS: BatchOptions | None = None


def _watch_main(main_pid: int) -> None:
    # A pool worker would block on its task queue forever if the main process dies by SIGKILL
    # (siblings keep the queue's pipe open; with forkserver our parent is the fork server, which
    # lives as long as we do).  So poll the main process and exit once it is gone.
    while True:
        time.sleep(0.5)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # exists, owned by another user: not ours any more either
            os._exit(1)


def _init_worker(opts: BatchOptions | None, main_pid: int | None) -> None:
    global _OPTS
    _OPTS = opts
    if main_pid is not None:
        # Ctrl-C reaches the whole process group: let the main process alone handle it (it
        # stops feeding the pool and exits 130), rather than each worker dying with a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=_watch_main, args=(main_pid,), daemon=True).start()


def _error_line(id_: Any, source: str, reason: str, **where: int) -> bytes:
    entry: dict[str, Any] = {"id": id_, "source": source, **where, "reason": reason}
    return (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode()


def _work_txt(files: list[tuple[str, str, str]]) -> tuple[bytes, int, int]:
    """Reflow ``.txt`` files, each written to its output through a temporary name."""
    opts = _OPTS
    assert opts is not None
    errors: list[bytes] = []
    ok = 0
    for src, dst, doc_id in files:
        try:
            with open(src, "rb") as f:
                data = f.read()
            value = reflow_value(
                data, opts.config, opts.format, opts.keep_furniture, opts.decisions
            )
            if isinstance(value, dict):
                value = json.dumps(value, ensure_ascii=False, indent=1) + "\n"
            out = Path(dst)
            out.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(out, value.encode("utf-8"))
            ok += 1
        except Exception as exc:
            errors.append(_error_line(doc_id, src, _reason(exc)))
    return b"".join(errors), ok, len(errors)


def _work_jsonl(
    label: str, first_line: int, blob: bytes, compression: str
) -> tuple[bytes, bytes, int, int]:
    """Reflow a chunk of JSONL lines; return (output bytes, error lines, ok, failed)."""
    opts = _OPTS
    assert opts is not None
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
                _text_of(record, opts.text_field),
                opts.config,
                opts.format,
                opts.keep_furniture,
                opts.decisions,
            )
            out.append(json.dumps(record, ensure_ascii=False))
        except Exception as exc:
            errors.append(_error_line(doc_id, label, _reason(exc), line=lineno))
    data = ("\n".join(out) + "\n").encode() if out else b""
    return compress(data, compression), b"".join(errors), len(out), len(errors)  # type: ignore[arg-type]


def _work_parquet(src: str, row_group: int, first_row: int, part: str) -> tuple[bytes, int, int]:
    """Reflow one Parquet row group into the part file ``part``; return (errors, ok, failed)."""
    opts = _OPTS
    assert opts is not None
    pa = require("pyarrow", "reading .parquet files")
    pq = require("pyarrow.parquet", "reading .parquet files")
    pf = pq.ParquetFile(src)
    try:
        table = pf.read_row_group(row_group)
    except Exception as exc:
        # Unreadable row group: every row in it is a failure, each listed, none dropped silently.
        n = pf.metadata.row_group(row_group).num_rows
        reason = f"row group {row_group} unreadable: {_reason(exc)}"
        errs = [_error_line(None, src, reason, row=first_row + i) for i in range(n)]
        return b"".join(errs), 0, n
    names = table.column_names
    texts = table.column(opts.text_field).to_pylist()
    ids = table.column(opts.id_field).to_pylist() if opts.id_field in names else None
    keep: list[bool] = []
    rows: list[Any] = []
    errors: list[bytes] = []
    for i, text in enumerate(texts):
        try:
            value = reflow_value(
                text, opts.config, opts.format, opts.keep_furniture, opts.decisions
            )
            rows.append(json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value)
            keep.append(True)
        except Exception as exc:
            keep.append(False)
            doc_id = ids[i] if ids is not None else None
            errors.append(_error_line(doc_id, src, _reason(exc), row=first_row + i))
    table = table.filter(pa.array(keep, type=pa.bool_()))
    column = pa.array(rows, type=pa.string())
    if opts.output_field in names:
        table = table.set_column(names.index(opts.output_field), opts.output_field, column)
    else:
        table = table.append_column(opts.output_field, column)
    tmp = part + ".reflow-tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, part)
    return b"".join(errors), len(rows), len(errors)


def _work(payload: tuple[Any, ...]) -> tuple[Any, ...]:
    kind, *args = payload
    if kind == "txt":
        return _work_txt(*args)
    if kind == "jsonl":
        return _work_jsonl(*args)
    return _work_parquet(*args)


# -- the main process side ------------------------------------------------------------------


@dataclass(slots=True)
class _Task:
    """A chunk of work and what committing it records.  ``payload`` None: nothing to compute."""

    unit: Unit | None  # None for a group of .txt files
    payload: tuple[Any, ...] | None
    in_bytes: int
    last: bool = False  # the unit's last task: finish its output after this commit
    lines: int = 0  # JSONL: input lines consumed up to the end of this chunk
    in_off: int = 0  # plain JSONL: byte offset after this chunk (seek there on resume)
    row_group: int = -1  # Parquet
    keys: list[str] = field(default_factory=list)  # .txt: output keys in the group


@dataclass(slots=True)
class _State:
    """What the journal says is committed.

    Units are committed in input order, so the finished ones are always the first ``units`` of
    :func:`iter_units`, the last of them named ``last``; at most the next unit is part done.
    That keeps the state a few numbers, whatever the number of files.
    """

    units: int = 0
    last: str | None = None
    partial: str | None = None  # key of the unit in progress, if any
    jsonl: dict[str, Any] | None = None  # its last JSONL chunk entry
    row_groups: set[int] = field(default_factory=set)  # its committed Parquet row groups
    errors_size: int = 0
    records: int = 0  # documents committed (done or failed) by earlier runs
    failed: int = 0  # of which failed

    @classmethod
    def replay(cls, entries: list[dict[str, Any]]) -> _State:
        state = cls()
        for e in entries:
            state.errors_size = e["err"]
            state.records += e.get("ok", 0) + e.get("failed", 0)
            state.failed += e.get("failed", 0)
            if e["units"] != state.units:  # a unit finished: nothing is part done
                state.units, state.last = e["units"], e["last"]
                state.partial, state.jsonl, state.row_groups = None, None, set()
            elif e["t"] in ("jsonl", "parquet"):
                if state.partial != e["unit"]:
                    state.partial, state.jsonl, state.row_groups = e["unit"], None, set()
                if e["t"] == "jsonl":
                    state.jsonl = e
                else:
                    state.row_groups.add(e["row_group"])
        return state


class _Progress:
    """One status line on stderr, redrawn at most every PROGRESS_INTERVAL seconds."""

    def __init__(self, total_bytes: int, enabled: bool, stream: IO[str]) -> None:
        self.total = total_bytes
        self.enabled = enabled
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, report: BatchReport, skipped_bytes: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = report.bytes / elapsed
        left = max(self.total - skipped_bytes - report.bytes, 0)
        eta = _clock(left / rate) if rate > 0 else "?"
        docs = report.done + report.failed
        line = (
            f"{docs:,} docs ({report.failed:,} failed)  "
            f"{(report.bytes + skipped_bytes) / 1e6:,.1f}/{self.total / 1e6:,.1f} MB  "
            f"{rate / 1e6:.2f} MB/s  {docs / elapsed:,.1f} docs/s  ETA {eta}"
        )
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock(seconds: float) -> str:
    """``h:mm:ss``.

    >>> _clock(3725.2)
    '1:02:05'
    """
    s = round(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class _Serial:
    """An executor that runs each task when submitted: ``--workers 1`` has no pool to feed."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: safe when the caller has threads (fork is not), and it imports reflow once
    # for all workers; spawn where there is no forkserver.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["reflow.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


def _pool(opts: BatchOptions) -> ProcessPoolExecutor | _Serial:
    if opts.workers <= 1:
        _init_worker(opts, None)
        return _Serial()
    return ProcessPoolExecutor(
        max_workers=opts.workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(opts, os.getpid()),
    )


class _Run:
    """One ``reflow batch`` run: makes tasks, feeds the pool, commits results in order."""

    def __init__(
        self, roots: list[Root], output: Path, opts: BatchOptions, stream: IO[str]
    ) -> None:
        self.roots = roots
        self.output = output
        self.opts = opts
        self.state_dir = output / STATE_DIR
        self.parts_dir = self.state_dir / "parts"
        self.errors_path = opts.errors or output / "reflow-errors.jsonl"
        self.report = BatchReport(errors_path=self.errors_path)
        self.skipped_bytes = 0
        self.stream = stream
        self.progress = _Progress(
            0, stream.isatty() if opts.progress is None else opts.progress, stream
        )
        self.state = _State()
        self.units_done = 0  # units finished, this run and earlier ones (journal "units")
        self.last_key: str | None = None
        self.writer: IO[bytes] | None = None  # the open JSONL .partial, if any

    # .. setup ..

    def prepare(self) -> None:
        """Check the output folder; on resume, replay the journal and cut files back."""
        out, opts = self.output, self.opts
        self.progress.total = self._scan()
        inputs = [[str(r.path.resolve()), r.prefix] for r in self.roots]
        settings = {"version": 2, **opts.settings(), "inputs": inputs}
        journal_path = self.state_dir / "journal.jsonl"
        settings_path = self.state_dir / "settings.json"
        busy = out.exists() and any(out.iterdir())
        if opts.resume and settings_path.exists():
            saved = json.loads(settings_path.read_text())
            for name, value in settings.items():
                if saved.get(name) != value:
                    what = (
                        "the inputs differ"
                        if name == "inputs"
                        else f"--{name.replace('_', '-')} differs"
                    )
                    raise UsageError(
                        f"cannot resume: {what} from the interrupted run in {out}; "
                        "rerun with the same options, or use a new output folder"
                    )
            self.state = _State.replay(Journal.load(journal_path))
        elif busy:
            hint = (
                "it has no batch journal to resume from"
                if opts.resume
                else "add --resume to finish an interrupted run"
            )
            raise UsageError(f"output folder {out} is not empty: {hint}, or use an empty folder")
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        if not settings_path.exists():
            write_atomic(settings_path, json.dumps(settings, indent=1).encode())
        # Cut the errors file back to its last committed size (anything after is uncommitted).
        self.errors_path.parent.mkdir(parents=True, exist_ok=True)
        if self.state.errors_size:
            if (
                not self.errors_path.exists()
                or self.errors_path.stat().st_size < self.state.errors_size
            ):
                raise UsageError(
                    f"cannot resume: {self.errors_path} is shorter than the journal "
                    "says; it was changed since the run was interrupted"
                )
            truncate(self.errors_path, self.state.errors_size)
        else:
            self.errors_path.write_bytes(b"")
        self.report.skipped = self.state.records
        self.report.failed_earlier = self.state.failed
        self.units_done, self.last_key = self.state.units, self.state.last
        self.journal = Journal(journal_path, fsync=opts.fsync)
        self.errors = open(self.errors_path, "ab")  # noqa: SIM115 -- closed in run()

    # .. making tasks ..

    def _units(self) -> Iterator[Unit]:
        return iter_units(self.roots, self.output, self.opts.format)

    def _scan(self) -> int:
        """Walk the inputs once before any work: total bytes (for the ETA), and every check
        that would otherwise stop the run half-way (missing extra, missing Parquet column, an
        output over the errors file).  Memory stays flat: units are counted, not kept."""
        total = count = 0
        errors_key = None
        with contextlib.suppress(ValueError):
            errors_key = self.errors_path.resolve().relative_to(self.output.resolve()).as_posix()
        for unit in self._units():
            total += unit.size
            count += 1
            if unit.key == errors_key:
                raise UsageError(
                    f"{unit.source} would overwrite the errors file "
                    f"{self.errors_path}; choose another with --errors"
                )
            if unit.compression == "zst":
                require("zstandard", "reading .zst files")
            elif unit.kind == "parquet":
                _check_parquet(unit, self.opts)
        if not count:
            raise UsageError(
                "no input files found (looked for " + ", ".join(s for s, _, _ in SUFFIXES) + ")"
            )
        return total

    def tasks(self) -> Iterator[_Task]:
        group: list[Unit] = []
        group_bytes = 0
        state = self.state
        for index, unit in enumerate(self._units()):
            expected = (
                state.last
                if index == state.units - 1
                else state.partial
                if index == state.units
                else None
            )
            if expected is not None and unit.key != expected:
                raise UsageError(
                    f"cannot resume: the input files changed since the interrupted run "
                    f"(expected {expected} where there is now {unit.key}); "
                    "use a new output folder"
                )
            if index < state.units:  # finished by an earlier run
                self.skipped_bytes += unit.size
                continue
            if unit.kind == "txt":
                group.append(unit)
                group_bytes += unit.size
                if len(group) >= TXT_GROUP or group_bytes >= self.opts.chunk_bytes:
                    yield self._txt_task(group)
                    group, group_bytes = [], 0
                continue
            if group:
                yield self._txt_task(group)
                group, group_bytes = [], 0
            if unit.kind == "jsonl":
                yield from self._jsonl_tasks(unit)
            else:
                yield from self._parquet_tasks(unit)
        if group:
            yield self._txt_task(group)

    def _txt_task(self, group: list[Unit]) -> _Task:
        files = [(str(u.source), str(self.output / u.key), u.key) for u in group]
        return _Task(None, ("txt", files), sum(u.size for u in group), keys=[u.key for u in group])

    def _jsonl_tasks(self, unit: Unit) -> Iterator[_Task]:
        opts = self.opts
        done = self.state.jsonl if self.state.partial == unit.key else None
        lines_done = done["lines"] if done else 0
        reader, raw = open_jsonl(unit.source, unit.compression)
        with reader, raw:
            if done and not unit.compression:
                raw.seek(done["in_off"])
            else:
                for _ in range(lines_done):
                    if not reader.readline():
                        break
            self.skipped_bytes += raw.tell()
            pos = raw.tell()
            lineno = lines_done
            pending: _Task | None = None
            buf: list[bytes] = []
            size = records = 0
            first = lineno + 1

            def chunk(end: int) -> _Task:
                """The task for the lines in ``buf``, which end at input offset ``end``."""
                payload = ("jsonl", unit.label, first, b"".join(buf), unit.compression)
                return _Task(unit, payload, end - pos, lines=lineno, in_off=end)

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
                pending = _Task(unit, None, 0, lines=lineno, in_off=new_pos)
            pending.last = True
            yield pending

    def _parquet_tasks(self, unit: Unit) -> Iterator[_Task]:
        pq = require("pyarrow.parquet", "reading .parquet files")
        meta = pq.ParquetFile(unit.source).metadata
        done = self.state.row_groups if self.state.partial == unit.key else set()
        parts = self._parts(unit)
        parts.mkdir(parents=True, exist_ok=True)
        n = meta.num_row_groups
        first_row = 0
        tasks: list[_Task] = []
        for rg in range(n):
            rows = meta.row_group(rg).num_rows
            # Progress in on-disk bytes: the row group's share of the file.
            share = unit.size * rows // max(meta.num_rows, 1)
            if rg in done:
                self.skipped_bytes += share
            else:
                part = str(parts / f"rg-{rg:06d}.parquet")
                tasks.append(
                    _Task(
                        unit,
                        ("parquet", str(unit.source), rg, first_row, part),
                        share,
                        row_group=rg,
                    )
                )
            first_row += rows
        if not tasks:
            tasks.append(_Task(unit, None, 0))
        tasks[-1].last = True
        yield from tasks

    def _parts(self, unit: Unit) -> Path:
        return self.parts_dir / hashlib.sha1(unit.key.encode()).hexdigest()[:16]

    # .. committing ..

    def _sync(self, f: IO[bytes]) -> None:
        f.flush()
        if self.opts.fsync:
            os.fsync(f.fileno())

    def _open_partial(self, unit: Unit) -> IO[bytes]:
        partial = self.output / (unit.key + ".partial")
        final = self.output / unit.key
        partial.parent.mkdir(parents=True, exist_ok=True)
        done = self.state.jsonl if self.state.partial == unit.key else None
        if done is None:
            return open(partial, "wb")
        if not partial.exists() and final.exists():
            # Killed between the final rename and its journal entry: take it back.
            os.replace(final, partial)
        f = open(partial, "r+b")  # noqa: SIM115
        f.truncate(done["out"])
        f.seek(done["out"])
        return f

    def commit(self, task: _Task, result: tuple[Any, ...] | None) -> None:
        report = self.report
        unit = task.unit
        entry: dict[str, Any]
        if task.payload is None:
            ok = failed = 0
            err = b""
        elif task.payload[0] == "jsonl":
            out, err, ok, failed = result  # type: ignore[misc]
        else:
            err, ok, failed = result  # type: ignore[misc]
        if unit is not None and unit.kind == "jsonl" and self.writer is None:
            self.writer = self._open_partial(unit)
        if task.payload is not None and task.payload[0] == "jsonl":
            assert self.writer is not None
            self.writer.write(out)
        if self.writer is not None:
            self._sync(self.writer)
        if err:
            self.errors.write(err)
        self._sync(self.errors)
        if unit is None:  # a group of .txt files: all finished at once
            self.units_done += len(task.keys)
            self.last_key = task.keys[-1]
        entry = {
            "t": "txt" if unit is None else unit.kind,
            "ok": ok,
            "failed": failed,
            "err": self.errors.tell(),
            "units": self.units_done,
            "last": self.last_key,
        }
        if unit is None:
            entry["keys"] = task.keys
        elif unit.kind == "jsonl":
            assert self.writer is not None
            entry.update(
                unit=unit.key, lines=task.lines, in_off=task.in_off, out=self.writer.tell()
            )
        else:
            entry.update(unit=unit.key, row_group=task.row_group)
        if task.payload is not None or unit is None or unit.kind == "jsonl":
            self.journal.append(entry)
        report.done += ok
        report.failed += failed
        report.bytes += task.in_bytes
        if task.last and unit is not None:
            self._finish(unit)
        self.progress.update(report, self.skipped_bytes)

    def _finish(self, unit: Unit) -> None:
        final = self.output / unit.key
        if unit.kind == "jsonl":
            assert self.writer is not None
            self.writer.close()
            self.writer = None
            os.replace(self.output / (unit.key + ".partial"), final)
        else:
            self._merge_parquet(unit, final)
        self.units_done += 1
        self.last_key = unit.key
        self.journal.append(
            {
                "t": "done",
                "unit": unit.key,
                "err": self.errors.tell(),
                "units": self.units_done,
                "last": self.last_key,
            }
        )
        if unit.kind == "parquet":
            parts = self._parts(unit)
            for p in parts.iterdir():
                p.unlink()
            parts.rmdir()

    def _merge_parquet(self, unit: Unit, final: Path) -> None:
        pa = require("pyarrow", "writing .parquet files")
        pq = require("pyarrow.parquet", "writing .parquet files")
        parts = sorted(self._parts(unit).glob("rg-*.parquet"))
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(final.name + ".reflow-tmp")
        if parts:
            schema = pq.read_schema(parts[0])
        else:  # an input without row groups: an empty output with the output column
            schema = pq.read_schema(unit.source)
            if self.opts.output_field not in schema.names:
                schema = schema.append(pa.field(self.opts.output_field, pa.string()))
        with pq.ParquetWriter(tmp, schema) as writer:
            for part in parts:  # one row group at a time: memory stays at one row group
                writer.write_table(pq.read_table(part, schema=schema))
        os.replace(tmp, final)

    # .. the loop ..

    def run(self) -> BatchReport:
        start = time.monotonic()
        pool = _pool(self.opts)
        window: deque[tuple[_Task, Future[Any] | None]] = deque()
        limit = max(1, self.opts.workers) * INFLIGHT_PER_WORKER
        try:
            for task in self.tasks():
                fut = pool.submit(_work, task.payload) if task.payload is not None else None
                window.append((task, fut))
                while len(window) >= limit:
                    self._commit_head(window)
            while window:
                self._commit_head(window)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self.progress.close()
            self.errors.close()
            self.journal.close()
            if self.writer is not None:
                self.writer.close()
            self.report.seconds = time.monotonic() - start
        return self.report

    def _commit_head(self, window: deque[tuple[_Task, Future[Any] | None]]) -> None:
        task, fut = window.popleft()
        try:
            result = fut.result() if fut is not None else None
        except BrokenProcessPool:
            where = task.unit.label if task.unit else task.payload[1][0][0]  # type: ignore[index]
            raise RuntimeError(
                f"a worker process died (out of memory?) while reflowing {where}"
            ) from None
        self.commit(task, result)


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    options: BatchOptions | None = None,
    stream: IO[str] | None = None,
) -> BatchReport:
    """Reflow every input document into ``output``; the engine of ``reflow batch``.

    Raises :class:`reflow.batch_io.UsageError` for bad inputs or options (nothing is written).
    Document failures do not raise: they are counted and written to the errors file.
    """
    opts = options or BatchOptions()
    if opts.workers < 1:
        raise UsageError("--workers must be at least 1")
    if opts.format not in ("text", "markdown", "json"):
        raise UsageError(f"--format must be text, markdown or json, not {opts.format!r}")
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise UsageError(f"output {out} is a file; -o wants a folder")
    run = _Run(resolve_inputs([Path(p) for p in inputs]), out, opts, stream or sys.stderr)
    run.prepare()
    return run.run()


def _check_parquet(unit: Unit, opts: BatchOptions) -> None:
    """Fail before any work when a Parquet input is unreadable or lacks the text column."""
    pq = require("pyarrow.parquet", "reading .parquet files")
    try:
        names = pq.read_schema(unit.source).names
    except Exception as exc:
        raise UsageError(f"cannot read {unit.source} as Parquet: {_reason(exc)}") from None
    if opts.text_field not in names:
        raise UsageError(
            f"{unit.source} has no column {opts.text_field!r} "
            f"(it has {', '.join(names)}); choose one with --text-field"
        )


# -- the command line -----------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reflow batch",
        description="Reflow a corpus: folders of .txt, JSONL (.jsonl, .jsonl.gz, .jsonl.zst) "
        "and Parquet files, with all cores. Output mirrors the input under OUTPUT.",
        epilog="Exit status: 0 all documents done, 1 some failed (see the errors file) or the "
        "run stopped, 2 bad usage or inputs, 130 interrupted. Rerun with --resume to finish "
        "an interrupted run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders or files to reflow")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help="output folder (created; must be empty unless --resume)",
    )
    p.add_argument(
        "-w",
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_workers()})",
    )
    p.add_argument(
        "--text-field", default="text", metavar="FIELD", help="JSONL/Parquet field with the text"
    )
    p.add_argument(
        "--id-field", default="id", metavar="FIELD", help="field naming a record in the errors file"
    )
    p.add_argument(
        "--output-field",
        metavar="FIELD",
        default="text_reflowed",
        help="JSONL/Parquet field for the result (default: text_reflowed)",
    )
    p.add_argument(
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="text, markdown, or json (blocks with their roles)",
    )
    p.add_argument(
        "--keep-furniture",
        action="store_true",
        help="keep page headers, footers and numbers in text/markdown output",
    )
    p.add_argument("--decisions", action="store_true", help="json: include every decision")
    p.add_argument(
        "--errors", metavar="PATH", help=f"errors file, JSONL (default: OUTPUT/{ERRORS_NAME})"
    )
    p.add_argument(
        "--resume", action="store_true", help="finish an interrupted run into the same OUTPUT"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    g = p.add_argument_group("reflow options")
    add_engine_arguments(g, "decode invalid UTF-8 with U+FFFD instead of failing the document")
    t = p.add_argument_group("tuning")
    t.add_argument(
        "--chunk-records",
        type=int,
        metavar="N",
        default=CHUNK_RECORDS,
        help=f"JSONL records per chunk sent to a worker (default {CHUNK_RECORDS})",
    )
    t.add_argument(
        "--chunk-mb",
        type=float,
        metavar="MIB",
        default=CHUNK_BYTES / (1 << 20),
        help="JSONL MiB per chunk (default 1)",
    )
    t.add_argument(
        "--no-fsync",
        action="store_true",
        help="don't fsync at commits (still safe against kill -9, not power loss)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """``reflow batch``: run it, print a summary, return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        try:
            config = config_from_arguments(args)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if args.chunk_records < 1 or args.chunk_mb <= 0:
            raise UsageError("--chunk-records and --chunk-mb must be positive")
        opts = BatchOptions(
            text_field=args.text_field,
            id_field=args.id_field,
            output_field=args.output_field,
            format=args.format,
            keep_furniture=args.keep_furniture,
            decisions=args.decisions,
            config=config,
            workers=args.workers if args.workers is not None else default_workers(),
            errors=Path(args.errors) if args.errors else None,
            resume=args.resume,
            progress=False if args.quiet else None,
            chunk_bytes=max(1, int(args.chunk_mb * (1 << 20))),
            chunk_records=args.chunk_records,
            fsync=not args.no_fsync,
        )
        report = run_batch(args.inputs, args.output, opts)
    except UsageError as exc:
        print(f"reflow batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nreflow batch: interrupted; rerun with --resume to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OSError, RuntimeError) as exc:
        print(f"reflow batch: error: {exc}; rerun with --resume to finish", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug of ours: still one line, and the work done is kept
        print(
            f"reflow batch: internal error: {_reason(exc)}; please report it. "
            "Rerun with --resume to finish",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return report.exit_status


if __name__ == "__main__":  # pragma: no cover
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
