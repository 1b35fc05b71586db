"""One ``reflow batch`` run: scan the inputs, make tasks, feed the pool, commit in order.

The formats (:mod:`reflow.batch.formats`) cut files into tasks and do the work; the journal
(:mod:`reflow.batch.journal`) says what is already done; this module holds the order of things.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

from reflow.batch.errors import UsageError
from reflow.batch.formats import FORMATS
from reflow.batch.formats.base import Result, Task, Unit, Workspace
from reflow.batch.inputs import Root, iter_units, resolve_inputs, suffix_list
from reflow.batch.journal import STATE_DIR, Journal, State, open_state
from reflow.batch.options import ERRORS_NAME, TXT_GROUP, BatchOptions, BatchReport
from reflow.batch.pool import INFLIGHT_PER_WORKER, Serial, process_pool
from reflow.batch.progress import Progress
from reflow.batch.worker import init_worker, work


def _pool(opts: BatchOptions) -> ProcessPoolExecutor | Serial:
    if opts.workers <= 1:
        init_worker(opts, None)
        return Serial()
    return process_pool(opts.workers, init_worker, (opts, os.getpid()))


class Run:
    """One ``reflow batch`` run: makes tasks, feeds the pool, commits results in order."""

    def __init__(
        self, roots: list[Root], output: Path, opts: BatchOptions, stream: IO[str]
    ) -> None:
        self.roots = roots
        self.output = output
        self.opts = opts
        self.errors_path = opts.errors or output / ERRORS_NAME
        self.report = BatchReport(errors_path=self.errors_path)
        self.progress = Progress(
            0, stream.isatty() if opts.progress is None else opts.progress, stream
        )
        self.ws = Workspace(opts, output, output / STATE_DIR / "parts", State())
        self.units_done = 0  # units finished, this run and earlier ones (journal "units")
        self.last_key: str | None = None

    # .. setup ..

    def prepare(self) -> None:
        """Check the inputs and the output folder; on resume, replay the journal."""
        self.progress.total = self._scan()
        inputs = [[str(r.path.resolve()), r.prefix] for r in self.roots]
        settings = {"version": 2, **self.opts.settings(), "inputs": inputs}
        state = open_state(self.output, settings, self.opts.resume, self.errors_path)
        self.ws.state = state
        self.report.skipped = state.records
        self.report.failed_earlier = state.failed
        self.units_done, self.last_key = state.units, state.last
        self.journal = Journal(self.output / STATE_DIR / "journal.jsonl", fsync=self.opts.fsync)
        self.errors = open(self.errors_path, "ab")  # noqa: SIM115 -- closed in run()

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
            FORMATS[unit.kind].check(unit, self.opts)
        if not count:
            raise UsageError(f"no input files found (looked for {suffix_list()})")
        return total

    # .. making tasks ..

    def tasks(self) -> Iterator[Task]:
        """Every task still to do, in input order; whole files of a grouped format in groups."""
        group: list[Unit] = []
        group_bytes = 0
        state = self.ws.state
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
                self.ws.skipped_bytes += unit.size
                continue
            fmt = FORMATS[unit.kind]
            if fmt.grouped:
                if group and FORMATS[group[0].kind] is not fmt:
                    yield FORMATS[group[0].kind].group_task(group, self.ws)
                    group, group_bytes = [], 0
                group.append(unit)
                group_bytes += unit.size
                if len(group) >= TXT_GROUP or group_bytes >= self.opts.chunk_bytes:
                    yield fmt.group_task(group, self.ws)
                    group, group_bytes = [], 0
                continue
            if group:
                yield FORMATS[group[0].kind].group_task(group, self.ws)
                group, group_bytes = [], 0
            yield from fmt.tasks(unit, self.ws)
        if group:
            yield FORMATS[group[0].kind].group_task(group, self.ws)

    # .. committing ..

    def commit(self, task: Task, result: Result | None) -> None:
        """Make a task's results durable, then journal them: the order that makes resume safe."""
        report, unit = self.report, task.unit
        ok, failed, err = (0, 0, b"") if result is None else (result[2], result[3], result[1])
        if unit is not None:
            FORMATS[unit.kind].commit(task, result, self.ws)
        if err:
            self.errors.write(err)
        self.ws.sync(self.errors)
        if unit is None:  # a group of whole files: all finished at once
            self.units_done += len(task.keys)
            self.last_key = task.keys[-1]
        entry: dict[str, Any] = {
            "t": task.payload[0] if unit is None else unit.kind,  # type: ignore[index]
            "ok": ok,
            "failed": failed,
            "err": self.errors.tell(),
            "units": self.units_done,
            "last": self.last_key,
        }
        if unit is None:
            entry["keys"] = task.keys
        else:
            entry.update(unit=unit.key, **task.mark)
        if task.journaled:
            self.journal.append(entry)
        report.done += ok
        report.failed += failed
        report.bytes += task.in_bytes
        if task.last and unit is not None:
            self.finish(unit)
        self.progress.update(report, self.ws.skipped_bytes)

    def finish(self, unit: Unit) -> None:
        """Put a finished unit's output in place, then journal it as done."""
        fmt = FORMATS[unit.kind]
        fmt.finish(unit, self.ws)
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
        fmt.cleanup(unit, self.ws)

    # .. the loop ..

    def run(self) -> BatchReport:
        start = time.monotonic()
        pool = _pool(self.opts)
        window: deque[tuple[Task, Future[Any] | None]] = deque()
        limit = max(1, self.opts.workers) * INFLIGHT_PER_WORKER
        try:
            for task in self.tasks():
                try:
                    fut = pool.submit(work, task.payload) if task.payload is not None else None
                except BrokenProcessPool:  # a worker died while its chunk was in flight
                    raise _worker_died(window[0][0] if window else task) from None
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
            if self.ws.writer is not None:
                self.ws.writer.close()
            self.report.seconds = time.monotonic() - start
        return self.report

    def _commit_head(self, window: deque[tuple[Task, Future[Any] | None]]) -> None:
        task, fut = window.popleft()
        try:
            result = fut.result() if fut is not None else None
        except BrokenProcessPool:
            raise _worker_died(task) from None
        self.commit(task, result)


def _worker_died(task: Task) -> RuntimeError:
    """The error that stops a run whose worker died (killed, or out of memory)."""
    where = task.unit.label if task.unit else task.payload[1][0][0]  # type: ignore[index]
    return RuntimeError(f"a worker process died (out of memory?) while reflowing {where}")


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    options: BatchOptions | None = None,
    stream: IO[str] | None = None,
) -> BatchReport:
    """Reflow every input document into ``output``; the engine of ``reflow batch``.

    Raises :class:`reflow.batch.UsageError` for bad inputs or options (nothing is written).
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
    run = Run(resolve_inputs([Path(p) for p in inputs]), out, opts, stream or sys.stderr)
    run.prepare()
    return run.run()
