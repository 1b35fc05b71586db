"""The status line of ``reflow batch`` on a terminal: documents, bytes, rate and ETA."""

from __future__ import annotations

import time
from typing import IO

from reflow.batch.options import BatchReport

#: Seconds between progress redraws on a terminal.
PROGRESS_INTERVAL = 0.5


class Progress:
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
        eta = clock(left / rate) if rate > 0 else "?"
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


def clock(seconds: float) -> str:
    """``h:mm:ss``.

    >>> clock(3725.2)
    '1:02:05'
    """
    s = round(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
