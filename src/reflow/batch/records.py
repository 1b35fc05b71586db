"""The record API: one transform (:func:`reflow_value`) and its maps over rows and columns.

For pipelines that already hold their data: :func:`reflow_records` over an iterable of dicts,
:func:`reflow_columns` over column batches (``datasets.Dataset.map(batched=True)``).
``reflow batch`` and :mod:`reflow.dask_support` call the same :func:`reflow_value`.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future
from typing import Any, Literal

import reflow
from reflow.batch.errors import RecordError, error_reason
from reflow.batch.pool import INFLIGHT_PER_WORKER, init_process, process_pool
from reflow.config import Config

Format = Literal["text", "markdown", "json"]
OnError = Literal["raise", "skip", "mark"]


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
    :class:`reflow.InputError` for undecodable bytes or a ``str`` with a lone surrogate (unless
    ``config.decode_errors`` is ``"replace"``).

    >>> reflow_value("wrapped\\nline\\n")
    'wrapped line\\n'
    >>> reflow_value(None)
    Traceback (most recent call last):
    ...
    reflow.batch.errors.RecordError: the text is null, not a string
    """
    if not isinstance(text, str | bytes):
        what = "null" if text is None else f"a {type(text).__name__}"
        raise RecordError(f"the text is {what}, not a string")
    doc = reflow.reflow(text, config=config) if config is not None else reflow.reflow(text)
    return render(doc, fmt, keep_furniture, decisions)


def check_size(text: Any, limit: int) -> None:
    """Raise :class:`RecordError` if ``text`` is more than ``limit`` bytes (UTF-8 for ``str``).

    >>> check_size("ab\u00e9", 4)
    >>> check_size("ab\u00e9", 3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.batch.errors.RecordError: the record is 4 bytes, over the limit of 3 (...)
    """
    if isinstance(text, bytes):
        size = len(text)
    elif isinstance(text, str) and len(text) * 4 > limit:  # else it cannot be over the limit
        size = len(text.encode("utf-8", "surrogatepass"))
    else:
        return
    if size > limit:
        raise RecordError(too_big(size, limit))


def too_big(size: int, limit: int) -> str:
    """The reason for a document over ``--max-document-bytes``.

    >>> too_big(3_000_000_000, 32 << 20)
    'the record is 3,000,000,000 bytes, over the limit of 33,554,432 (--max-document-bytes)'
    """
    return f"the record is {size:,} bytes, over the limit of {limit:,} (--max-document-bytes)"


def text_of(record: Mapping[str, Any], text_field: str) -> Any:
    """``record[text_field]``, or :class:`RecordError` naming the missing field."""
    try:
        return record[text_field]
    except KeyError:
        raise RecordError(f"no field {text_field!r}") from None


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
                text_of(record, text_field), config, format, keep_furniture, decisions
            )
        except Exception as exc:
            if on_error == "raise":
                raise
            if on_error == "skip":
                continue
            out[output_field] = None
            out[error_field] = error_reason(exc)
        yield out


def _records_chunk(chunk: list[Mapping[str, Any]], kw: dict[str, Any]) -> list[dict[str, Any]]:
    return list(_records(chunk, **kw))


def _records_parallel(
    records: Iterable[Mapping[str, Any]], workers: int, chunk_records: int, kw: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    pool = process_pool(workers, init_process, (os.getpid(),))
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
            errors.append(error_reason(exc))
    return {output_field: outs, error_field: errors}
