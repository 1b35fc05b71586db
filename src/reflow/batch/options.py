"""What a batch run is asked to do (:class:`BatchOptions`); what it did (:class:`BatchReport`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reflow.batch.pool import default_workers
from reflow.batch.records import Format
from reflow.config import Config

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

#: One document (a .txt file, a JSONL line, a Parquet cell) larger than this goes to the errors
#: file unread, so that one huge record cannot take the machine's memory.  Reflowing one
#: document costs 13-18 bytes of memory per input byte over ~50 MiB of tables, and ~1-2 MB/s
#: (bench/bench_scaling.py, bench/results/scaling-2026-11-29-1700.md: 16 MB of extractor output
#: took +269 MB RSS, 64 MB +822 MB, on the shared 2-core dev machine), so 32 MiB is ~0.5 GB and
#: ~30 s in one worker, and ~16 times a long book (1-2 MB of text); a 2 GB record would want
#: ~30 GB.
MAX_DOCUMENT_BYTES = 32 << 20

ERRORS_NAME = "reflow-errors.jsonl"

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


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
    max_document_bytes: int = MAX_DOCUMENT_BYTES
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
            "max_document_bytes": self.max_document_bytes,
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
