"""The crash-safe journal of ``reflow batch`` and the resume state it replays to.

Everything a killed run needs to be finished by ``--resume`` lives in ``OUTPUT/.reflow-batch/``:
``settings.json`` (the options that decide the output, checked on resume) and ``journal.jsonl``
(one line per committed chunk, appended only after the data it describes is on disk).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reflow.batch.errors import UsageError

#: Folder inside the output folder that holds the journal and Parquet parts.
STATE_DIR = ".reflow-batch"


class Journal:
    """An append-only log of committed work: one JSON object a line, in commit order.

    An entry is appended only after the data it describes is flushed (and fsynced) to disk, so on
    restart every entry is true; data written after the last entry is cut off again.  A kill
    between ``write`` calls can leave a torn last line: :meth:`load` drops it and truncates the
    file back to the last whole line.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "journal.jsonl"
    >>> j = Journal(p); j.append({"n": 1}); _ = p.open("a").write('{"n": 2')
    >>> Journal.load(p)
    [{'n': 1}]
    >>> j.close()
    """

    def __init__(self, path: Path, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, entry: dict[str, Any]) -> None:
        # One write call per line: the kernel appends it whole, so a kill leaves whole lines.
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        os.write(self._fd, line)
        if self.fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    @staticmethod
    def load(path: Path) -> list[dict[str, Any]]:
        """The whole entries of the journal at ``path``; a torn last line is removed from disk."""
        if not path.exists():
            return []
        data = path.read_bytes()
        good = data.rfind(b"\n") + 1
        if good < len(data):
            with open(path, "r+b") as f:
                f.truncate(good)
        return [json.loads(line) for line in data[:good].splitlines() if line.strip()]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary name and a rename: never half a file."""
    tmp = path.with_name(path.name + ".reflow-tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def truncate(path: Path, size: int) -> None:
    """Cut ``path`` back to ``size`` bytes (the size a journal entry recorded)."""
    with open(path, "r+b") as f:
        f.truncate(size)


@dataclass(slots=True)
class State:
    """What the journal says is committed.

    Units are committed in input order, so the finished ones are always the first ``units`` of
    :func:`reflow.batch.inputs.iter_units`, the last of them named ``last``; at most the next
    unit is part done.  That keeps the state a few numbers, whatever the number of files.
    """

    units: int = 0
    last: str | None = None
    partial: str | None = None  # key of the unit in progress, if any
    jsonl: dict[str, Any] | None = None  # its last JSONL chunk entry
    row_groups: set[int] = field(default_factory=set)  # its committed Parquet row groups
    errors_size: int = 0
    records: int = 0  # documents committed (done or failed) by earlier runs
    failed: int = 0  # of which failed

    @classmethod
    def replay(cls, entries: list[dict[str, Any]]) -> State:
        state = cls()
        for e in entries:
            state.errors_size = e["err"]
            state.records += e.get("ok", 0) + e.get("failed", 0)
            state.failed += e.get("failed", 0)
            if e["units"] != state.units:  # a unit finished: nothing is part done
                state.units, state.last = e["units"], e["last"]
                state.partial, state.jsonl, state.row_groups = None, None, set()
            elif e["t"] in ("jsonl", "parquet"):
                if state.partial != e["unit"]:
                    state.partial, state.jsonl, state.row_groups = e["unit"], None, set()
                if e["t"] == "jsonl":
                    state.jsonl = e
                else:
                    state.row_groups.add(e["row_group"])
        return state


def open_state(output: Path, settings: dict[str, Any], resume: bool, errors_path: Path) -> State:
    """Check the output folder and start a run in it, or take up the interrupted one.

    A new run needs an empty folder and saves ``settings``; ``resume`` checks them against the
    saved ones, replays the journal, and cuts the errors file back to its last committed size
    (anything after it is uncommitted).  Raises :class:`UsageError` when neither is possible.
    """
    state_dir = output / STATE_DIR
    journal_path = state_dir / "journal.jsonl"
    settings_path = state_dir / "settings.json"
    busy = output.exists() and any(output.iterdir())
    state = State()
    if resume and settings_path.exists():
        saved = json.loads(settings_path.read_text())
        for name, value in settings.items():
            if saved.get(name) != value:
                option = "--" + name.replace("_", "-")
                what = "the inputs differ" if name == "inputs" else f"{option} differs"
                raise UsageError(
                    f"cannot resume: {what} from the interrupted run in {output}; "
                    "rerun with the same options, or use a new output folder"
                )
        state = State.replay(Journal.load(journal_path))
    elif busy:
        hint = (
            "it has no batch journal to resume from"
            if resume
            else "add --resume to finish an interrupted run"
        )
        raise UsageError(f"output folder {output} is not empty: {hint}, or use an empty folder")
    (state_dir / "parts").mkdir(parents=True, exist_ok=True)
    if not settings_path.exists():
        write_atomic(settings_path, json.dumps(settings, indent=1).encode())
    errors_path.parent.mkdir(parents=True, exist_ok=True)
    if state.errors_size:
        if not errors_path.exists() or errors_path.stat().st_size < state.errors_size:
            raise UsageError(
                f"cannot resume: {errors_path} is shorter than the journal "
                "says; it was changed since the run was interrupted"
            )
        truncate(errors_path, state.errors_size)
    else:
        errors_path.write_bytes(b"")
    return state
