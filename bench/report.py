"""What every benchmark script does with its report: print it, and with ``--record`` keep it in
bench/results under a name that carries the UTC date and time, so that runs never overwrite one
another (the README and docs cite them by file name)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def short_commit(rev: str = "HEAD") -> str:
    """The short hash of ``rev`` in this repository ("" outside a git checkout)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True
    ).stdout.strip()


def publish(report: str, name: str, record: bool) -> Path | None:
    """Print ``report``; with ``record`` also write bench/results/<name>-<date>-<time>.md."""
    print(report)
    if not record:
        return None
    dest = HERE / "results" / f"{name}-{time.strftime('%Y-%m-%d-%H%M', time.gmtime())}.md"
    dest.write_text(report, encoding="utf-8")
    print(f"recorded in {dest.relative_to(ROOT)}", file=sys.stderr)
    return dest
