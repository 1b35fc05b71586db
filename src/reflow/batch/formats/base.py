"""The interface every input format implements, and the data it shares with the run.

A format knows four things about its files, and nothing about pools, progress or journals:

1. which file names it reads (:attr:`InputFormat.suffixes`), what their output is called
   (:meth:`~InputFormat.output_key`), what to check before any work (:meth:`~InputFormat.check`);
2. how a file is cut into :class:`Task` s, resuming after what the journal says is done
   (:meth:`~InputFormat.tasks`, or :meth:`~InputFormat.group_task` for small whole files);
3. in a worker process, how a task's payload is reflowed (:meth:`~InputFormat.work`), returning
   a :data:`Result`;
4. in the main process, how a result is committed (:meth:`~InputFormat.commit`), a finished
   file is put in place (:meth:`~InputFormat.finish`) and its scratch files removed
   (:meth:`~InputFormat.cleanup`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar

from reflow.batch.journal import State
from reflow.batch.options import BatchOptions

#: What a worker returns for a task: (output bytes for the main process to append, error lines,
#: documents done, documents failed).  Formats that write their own output files return b"".
Result = tuple[bytes, bytes, int, int]


@dataclass(frozen=True, slots=True)
class Unit:
    """One input file and where its output goes.

    ``key`` is the output's path relative to the output folder, in POSIX form; it names the unit
    in the journal.  ``size`` is the input's size on disk, for progress and ETA.
    """

    kind: str
    compression: str
    source: Path
    key: str
    size: int

    @property
    def label(self) -> str:
        """How the input is named in messages and in the errors file."""
        return str(self.source)


@dataclass(slots=True)
class Task:
    """A chunk of work and what committing it records.  ``payload`` None: nothing to compute.

    ``payload`` is ``(kind, *args)``: the worker calls the format of that kind with ``args``.
    ``mark`` holds the format's own journal fields (where in the unit this task ends).
    """

    unit: Unit | None  # None for a group of whole files (.txt)
    payload: tuple[Any, ...] | None
    in_bytes: int
    last: bool = False  # the unit's last task: finish its output after this commit
    mark: dict[str, Any] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)  # a group: output keys of its files
    journaled: bool = True  # False: a placeholder that only finishes its unit


@dataclass(slots=True)
class Workspace:
    """What formats see of a run: its options, folders and resume state, and per-run slots."""

    opts: BatchOptions
    output: Path
    parts_dir: Path
    state: State
    #: Input bytes finished by an earlier run, found while making tasks (for progress).
    skipped_bytes: int = 0
    #: The output file the unit in progress appends to (JSONL), if any.
    writer: IO[bytes] | None = None

    def sync(self, f: IO[bytes]) -> None:
        """Flush ``f`` to the disk (fsync unless ``--no-fsync``)."""
        f.flush()
        if self.opts.fsync:
            os.fsync(f.fileno())


class InputFormat:
    """One kind of input file.  Subclass it in a module of :mod:`reflow.batch.formats`."""

    #: The name in payloads and the journal (``"jsonl"``).
    kind: ClassVar[str]
    #: ``(suffix, compression)`` pairs this format reads, lower case.
    suffixes: ClassVar[tuple[tuple[str, str], ...]]
    #: Small whole files, sent to workers several to a task by :meth:`group_task`.
    grouped: ClassVar[bool] = False

    def output_key(self, rel: str, fmt: str) -> str:
        """The output's path under ``-o`` for the input at ``rel``; by default the same."""
        return rel

    def check(self, unit: Unit, opts: BatchOptions) -> None:
        """Raise :class:`~reflow.batch.errors.UsageError` if ``unit`` cannot be read at all."""

    def tasks(self, unit: Unit, ws: Workspace) -> Iterator[Task]:
        """The tasks for ``unit``, after what ``ws.state`` says is done; the last one ``last``."""
        raise NotImplementedError

    def group_task(self, units: list[Unit], ws: Workspace) -> Task:
        """One task for a group of whole files (formats with :attr:`grouped`)."""
        raise NotImplementedError

    def work(self, opts: BatchOptions, *args: Any) -> Result:
        """In a worker: reflow a task's payload; every document done or listed as an error."""
        raise NotImplementedError

    def commit(self, task: Task, result: Result | None, ws: Workspace) -> None:
        """In the main process: make ``result``'s output durable (before the journal entry)."""

    def finish(self, unit: Unit, ws: Workspace) -> None:
        """Put a finished unit's output under its final name, in one atomic step."""

    def cleanup(self, unit: Unit, ws: Workspace) -> None:
        """Remove the unit's scratch files, once its being done is in the journal."""
