"""``reflow batch`` as a user runs it: a real subprocess, exit codes, messages, progress on a
terminal, and resume after ``kill -9``."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import page, read_jsonl, write_jsonl

from reflow.batch import reflow_records

BATCH = [sys.executable, "-m", "reflow", "batch"]


def run(*args: object, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BATCH, *map(str, args)], capture_output=True, text=True, timeout=120, **kw
    )


def test_exit_codes_and_summary(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "good.jsonl", 5, bad=False)
    ok = run(tmp_path / "good.jsonl", "-o", tmp_path / "o1", "--workers", "1")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == ""
    # Not a terminal: no progress line, only the summary.
    assert "\r" not in ok.stderr
    assert ok.stderr.startswith("reflow batch: 5 done, 0 failed, 0 skipped;")
    assert "MB/s" in ok.stderr

    write_jsonl(tmp_path / "mixed.jsonl", 5)
    some = run(
        tmp_path / "mixed.jsonl",
        "-o",
        tmp_path / "o2",
        "-w",
        "1",
        "--errors",
        tmp_path / "errs.jsonl",
    )
    assert some.returncode == 1
    assert "5 done, 4 failed (see " in some.stderr and "errs.jsonl" in some.stderr
    assert len((tmp_path / "errs.jsonl").read_text().splitlines()) == 4

    quiet = run(tmp_path / "mixed.jsonl", "-o", tmp_path / "o3", "-w", "1", "--quiet")
    assert (quiet.returncode, quiet.stderr) == (1, "")


@pytest.mark.parametrize(
    "args, message",
    [
        (["{tmp}/missing", "-o", "{tmp}/o"], "input not found"),
        (["{tmp}/in", "-o", "{tmp}/in/p.jsonl"], "is a file; -o wants a folder"),
        (["{tmp}/in", "-o", "{tmp}/o", "--workers", "0"], "--workers must be at least 1"),
        (["{tmp}/in", "-o", "{tmp}/o", "--lang", ""], "language"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.jsonl").write_text("")
    result = run(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("reflow batch: error: ") and message in result.stderr


def test_progress_is_drawn_on_a_terminal(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl", 400, bad=False)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*BATCH, tmp_path / "c.jsonl", "-o", tmp_path / "o", "-w", "1", "--chunk-records", "5"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "TERM": "dumb"},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        seen += data
    assert proc.wait(timeout=120) == 0
    os.close(leader)
    text = seen.decode()
    assert "400 done" in text
    # At least the final redraw (PROGRESS_INTERVAL throttles the rest) with all its parts.
    progress = [part for part in text.split("\r") if "ETA" in part]
    assert progress, text
    assert all(w in progress[-1] for w in ("docs", "MB", "MB/s", "docs/s", "ETA"))


def _children(pid: int) -> list[int]:
    """Descendants of ``pid`` (Linux /proc), to check that workers do not outlive a kill."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                found.append(int(entry.name))
    return found + [d for c in found for d in _children(c)]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_resume_after_kill_9(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "c.jsonl.gz", 1500)
    out = tmp_path / "out"
    journal = out / ".reflow-batch" / "journal.jsonl"
    args = [*BATCH, tmp_path / "c.jsonl.gz", "-o", out, "-w", "2", "--chunk-records", "10"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    # Kill once a few chunks are committed: mid-run, with chunks in flight in the workers.
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.01)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stderr.close()  # type: ignore[union-attr]
    committed = journal.read_bytes().count(b"\n")
    assert not (out / "c.jsonl.gz").exists(), "killed before the end: the run must be mid-way"
    assert committed < 150
    # The workers notice they are orphaned and exit (they check every 0.5 s).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.1)
    alive = [
        w
        for w in workers
        if Path(f"/proc/{w}").exists()
        and "zombie" not in Path(f"/proc/{w}/status").read_text().lower()
    ]
    assert not alive

    resumed = run(tmp_path / "c.jsonl.gz", "-o", out, "-w", "2", "--resume")
    assert resumed.returncode == 1, resumed.stderr  # the 4 bad lines failed
    out_records = read_jsonl(out / "c.jsonl.gz")
    errors = read_jsonl(out / "reflow-errors.jsonl")
    # Exactly once each: nothing redone twice, nothing lost.
    assert [r["id"] for r in out_records] == [r["id"] for r in records]
    assert len(errors) == 4
    reference = list(reflow_records(records))
    assert [r["text_reflowed"] for r in out_records] == [r["text_reflowed"] for r in reference]
    summary = resumed.stderr.strip().splitlines()[-1]
    skipped = int(summary.split(" skipped")[0].rsplit(" ", 1)[1])
    assert 0 < skipped < 1504


def test_txt_folder_through_the_cli_with_two_workers(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    for i in range(20):
        (src / "deep" / f"{i}.txt").write_text(page(i))
    result = run(src, "-o", tmp_path / "out", "-w", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads((tmp_path / "out" / "deep" / "7.json").read_text())
    assert doc["blocks"] and "decisions" not in doc


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "c.jsonl", 1500, bad=False)
    out = tmp_path / "out"
    journal = out / ".reflow-batch" / "journal.jsonl"
    args = [*BATCH, tmp_path / "c.jsonl", "-o", out, "-w", "2", "--chunk-records", "10"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt arrived")  # a very fast machine
    assert proc.returncode == 130
    assert "Traceback" not in stderr and "interrupted; rerun with --resume" in stderr
    resumed = run(tmp_path / "c.jsonl", "-o", out, "-w", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert [r["id"] for r in read_jsonl(out / "c.jsonl")] == [r["id"] for r in records]
