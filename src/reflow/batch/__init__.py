"""Corpus scale: ``reflow batch`` over folders, JSONL and Parquet, and record-level helpers.

Where things live (each module imports only the ones above it in this list):

* :mod:`~reflow.batch.errors`: failure kinds and the one-line reasons of the errors file;
  :mod:`~reflow.batch.pool`: worker processes;
* :mod:`~reflow.batch.records`: the record API, one transform (:func:`reflow_value`) and its
  maps :func:`reflow_records` and :func:`reflow_columns`;
* :mod:`~reflow.batch.options`: :class:`BatchOptions` and :class:`BatchReport`;
* :mod:`~reflow.batch.journal`: the crash-safe journal and the resume state;
* :mod:`~reflow.batch.formats`: the input formats, one module each behind
  :class:`~reflow.batch.formats.base.InputFormat` (``txt``, ``jsonl`` with ``compression``,
  ``parquet``); :mod:`~reflow.batch.inputs`: walking the inputs;
* :mod:`~reflow.batch.worker`: what a worker process runs; :mod:`~reflow.batch.progress`;
* :mod:`~reflow.batch.run`: one run, in order, and :func:`run_batch`.

**A new input format** (say PDF or ALTO XML) is one new module in ``reflow/batch/formats/``: a
subclass of ``InputFormat`` that names its suffixes, cuts a file into tasks (or sets ``grouped``
for small whole files), reflows a task in :meth:`~reflow.batch.formats.base.InputFormat.work`,
and commits and finishes its output; then one entry in ``FORMATS`` in
``reflow/batch/formats/__init__.py``.  Nothing else changes: scanning, resume, progress and the
errors file are the run's.  The command line is :mod:`reflow.cli.batch`.

Three ways in, one record transform underneath (:func:`reflow_value`):

* :func:`reflow_records` maps over an iterable of dicts, for pipelines that already exist;
  :func:`reflow_columns` is the same for column batches (``datasets.Dataset.map(batched=True)``).
* :func:`run_batch` (the ``reflow batch`` command) streams files through a pool of worker
  processes with a bounded window of chunks in flight, keeps input order, writes failures to an
  errors file, and journals every committed chunk so ``--resume`` can finish a run that was
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

from reflow.batch.errors import RecordError, UsageError, error_reason, require
from reflow.batch.options import BatchOptions, BatchReport
from reflow.batch.pool import default_workers
from reflow.batch.records import (
    Format,
    OnError,
    reflow_columns,
    reflow_records,
    reflow_value,
    render,
)
from reflow.batch.run import run_batch

__all__ = [
    "BatchOptions",
    "BatchReport",
    "Format",
    "OnError",
    "RecordError",
    "UsageError",
    "default_workers",
    "error_reason",
    "reflow_columns",
    "reflow_records",
    "reflow_value",
    "render",
    "require",
    "run_batch",
]
