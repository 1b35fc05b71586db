"""What can go wrong in a batch, and how it is said: one line per failure, never a traceback.

Two kinds of failure, handled at two levels:

* :class:`RecordError` (and :class:`reflow.InputError`): one record or file is bad.  It costs
  that record only: the record goes to the errors file, worded by :func:`error_reason`.
* :class:`UsageError`: the command line or the inputs as a whole are wrong.  Nothing is written;
  ``reflow batch`` prints one line and exits 2.
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Any

from reflow.decode import InputError

#: Extras that provide a module, for the message when it is missing.
EXTRAS = {"zstandard": "zstd", "pyarrow": "parquet", "dask": "dask", "distributed": "dask"}


class UsageError(Exception):
    """A problem with the command line or the inputs: reported in one line, exit status 2."""


class RecordError(ValueError):
    """A record that cannot be reflowed: no text field, text not a string, not a JSON object."""


def require(module: str, what: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`UsageError` saying which extra to install.

    >>> require("json", "anything").__name__
    'json'
    >>> require("no_such_module_here", "reading .zst files")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.batch.errors.UsageError: reading .zst files needs the Python package no_such_module...
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRAS.get(module)
        hint = f"install it with: pip install 'reflow[{extra}]'" if extra else "install it"
        raise UsageError(f"{what} needs the Python package {module}; {hint}") from None


def error_reason(exc: BaseException) -> str:
    """One line saying why a document failed.

    Bad input speaks for itself; anything else is named by its type, which points at the bug.

    >>> error_reason(RecordError("no field 'text'"))
    "no field 'text'"
    >>> error_reason(KeyError("x"))
    "KeyError: 'x'"
    """
    msg = " ".join(str(exc).split())
    if isinstance(exc, InputError | RecordError):
        return msg or type(exc).__name__
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def error_line(id_: Any, source: str, reason: str, **where: int) -> bytes:
    """One line of the errors file: the record's id, its input, where in it, and why.

    >>> error_line("r1", "in.jsonl", "no field 'text'", line=3)
    b'{"id": "r1", "source": "in.jsonl", "line": 3, "reason": "no field \\'text\\'"}\\n'
    """
    entry: dict[str, Any] = {"id": id_, "source": source, **where, "reason": reason}
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    try:
        return line.encode()
    except UnicodeEncodeError:  # a lone surrogate in the id: keep it, as a \u escape
        return (json.dumps(entry, default=str) + "\n").encode()
