"""The worker side of ``reflow batch``: the options a worker holds, and the one entry it runs.

Workers do everything heavy (parse, reflow, render, serialise, compress); what each format does
is in its module under :mod:`reflow.batch.formats`.
"""

from __future__ import annotations

from typing import Any

from reflow.batch.formats import FORMATS
from reflow.batch.formats.base import Result
from reflow.batch.options import BatchOptions
from reflow.batch.pool import init_process

_OPTS: BatchOptions | None = None


def init_worker(opts: BatchOptions, main_pid: int | None) -> None:
    """Keep the run's options in this process; in a pool worker, also :func:`init_process`."""
    global _OPTS
    _OPTS = opts
    if main_pid is not None:
        init_process(main_pid)


def work(payload: tuple[Any, ...]) -> Result:
    """Run one task: ``payload`` is ``(kind, *args)`` for the format of that kind."""
    assert _OPTS is not None
    kind, *args = payload
    return FORMATS[kind].work(_OPTS, *args)
