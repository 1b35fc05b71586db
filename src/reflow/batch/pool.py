"""Worker processes: how they start, how they die with the main process, and the serial stand-in.

Shared by :func:`reflow.batch.reflow_records` (``workers`` > 1) and ``reflow batch``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

#: Chunks in flight per worker: one running, one queued, so no worker waits for the main process.
INFLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """The cores this process may use (respects CPU affinity and container limits)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


def init_process(main_pid: int) -> None:
    """Set up a pool worker: leave Ctrl-C to the main process, and die with it."""
    # Ctrl-C reaches the whole process group: let the main process alone handle it (it
    # stops feeding the pool and exits 130), rather than each worker dying with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_main, args=(main_pid,), daemon=True).start()


class Serial:
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


def context() -> multiprocessing.context.BaseContext:
    """The start method for workers."""
    # forkserver: safe when the caller has threads (fork is not), and it imports reflow once
    # for all workers; spawn where there is no forkserver.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["reflow.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


def process_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each set up by ``initializer(*initargs)``."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context(), initializer=initializer, initargs=initargs
    )
