"""What every benchmark script does with its report: print it, and with ``--record`` keep it in
bench/results under a name that carries the UTC date and time, so that runs never overwrite one
another (the README and docs cite them by file name)."""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def short_commit(rev: str = "HEAD") -> str:
    """The short hash of ``rev`` in this repository ("" outside a git checkout)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True
    ).stdout.strip()


def stamp() -> str:
    """Now, as a report heading gives it: ``2026-11-29 22:40 UTC``."""
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def load_note() -> str:
    """``load average 1.0 on 2 shared cores``: the machine's load now, which every CPU-time
    report states (the machine is shared, so its numbers are read beside it)."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} shared cores"


def cpu_counted(fn: Callable[..., Any], key: str, spent: dict[str, float]) -> Callable[..., Any]:
    """``fn``, wrapped so that each call's CPU seconds are added to ``spent[key]``.

    >>> spent = {"sum": 0.0}
    >>> cpu_counted(sum, "sum", spent)([1, 2])
    3
    >>> spent["sum"] >= 0.0
    True
    """
    clock = time.process_time

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] += clock() - t0

    return wrapper


def stage_timer(spent: dict[str, float]) -> Callable[..., Any]:
    """``timed(key, fn, *args)``: ``fn(*args)``, its CPU seconds added to ``spent[key]``.

    >>> spent = {"sum": 0.0}
    >>> stage_timer(spent)("sum", sum, [1, 2])
    3
    >>> spent["sum"] >= 0.0
    True
    """

    def timed(key: str, fn: Callable[..., Any], *args: Any) -> Any:
        return cpu_counted(fn, key, spent)(*args)

    return timed


def profile_top(run: Callable[[], object], top: int) -> str:
    """The ``top`` functions by own time while ``run()`` runs under cProfile, as pstats prints
    them from its column heads on, with this repository's path cut from the file names."""
    prof = cProfile.Profile()
    prof.enable()
    run()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    table = out.getvalue()
    return table[table.index("   ncalls") :].replace(str(ROOT) + "/", "").rstrip()


def publish(report: str, name: str, record: bool) -> Path | None:
    """Print ``report``; with ``record`` also write bench/results/<name>-<date>-<time>.md."""
    print(report)
    if not record:
        return None
    dest = HERE / "results" / f"{name}-{time.strftime('%Y-%m-%d-%H%M', time.gmtime())}.md"
    dest.write_text(report, encoding="utf-8")
    print(f"recorded in {dest.relative_to(ROOT)}", file=sys.stderr)
    return dest
