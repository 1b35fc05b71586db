"""reflow.batch in process: record helpers, every input kind, errors, and resume after a crash.

The texts are ours, written for these tests.  Reference outputs are never typed in: they are
what ``reflow.reflow`` gives for the same text, so these tests check the batch machinery (order,
counts, files, resume), not the engine's decisions.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

import reflow
from reflow import cli
from reflow.batch import (
    BatchOptions,
    UsageError,
    reflow_columns,
    reflow_records,
    require,
    run_batch,
)
from reflow.batch.formats.base import Task
from reflow.batch.journal import Journal
from reflow.batch.pool import INFLIGHT_PER_WORKER
from reflow.batch.run import Run

PAGES = [
    "The harbour board met on Tuesday and agreed to re-\npair the old pier before the "
    "winter\nstorms arrive.\n\nFishermen said the work was long over-\ndue.\n",
    "A new library opened in the\nvalley town, with a reading room\nfor children and a small "
    "café.\n",
    "Volunteers counted birds along the\nriver for the ninth year in a row;\nthe herons were "
    "back in num-\nbers.\n",
    "The council postponed its vote on\nthe bus timetable until the spring\nsession.\n",
]


def page(i: int) -> str:
    """A different small document for each ``i`` (numbers make the records distinct)."""
    return f"Report {i}.\n\n" + PAGES[i % len(PAGES)]


def expected(text: str | bytes, fmt: str = "text") -> object:
    doc = reflow.reflow(text)
    return (
        {"text": doc.to_text, "markdown": doc.to_markdown}[fmt]()
        if fmt != "json"
        else (doc.to_dict(decisions=False))
    )


def write_jsonl(path: Path, n: int, bad: bool = True) -> list[dict]:
    """``n`` good records, plus (``bad``) lines that must fail or be ignored; returns the good."""
    records = [{"id": f"r{i}", "text": page(i), "n": i} for i in range(n)]
    lines = [json.dumps(r) for r in records]
    if bad:
        lines.insert(3, "{not json")
        lines.insert(5, "")  # blank: not a record
        lines.insert(7, json.dumps({"id": "no-text"}))
        lines.insert(9, json.dumps({"id": "null-text", "text": None}))
        lines.insert(11, "[1, 2]")
    data = ("\n".join(lines) + "\n").encode()
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        data = require("zstandard", "tests").ZstdCompressor().compress(data)
    path.write_bytes(data)
    return records


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    elif path.name.endswith(".zst"):
        zstd = require("zstandard", "tests")
        data = zstd.ZstdDecompressor().stream_reader(data, read_across_frames=True).read()
    return [json.loads(line) for line in data.splitlines()]


def opts(**kw: object) -> BatchOptions:
    kw.setdefault("workers", 1)
    kw.setdefault("progress", False)
    kw.setdefault("fsync", False)
    return BatchOptions(**kw)  # type: ignore[arg-type]


# -- record helpers -------------------------------------------------------------------------


def test_reflow_records_matches_the_api_and_keeps_fields() -> None:
    rows = [{"id": i, "text": page(i), "extra": [i]} for i in range(6)]
    out = list(reflow_records(iter(rows)))
    assert [r["id"] for r in out] == list(range(6))
    assert [r["text_reflowed"] for r in out] == [expected(page(i)) for i in range(6)]
    assert all(r["extra"] == [r["id"]] and "reflow_error" not in r for r in out)
    assert "text_reflowed" not in rows[0], "input records must not be modified"


def test_reflow_records_in_two_processes_keeps_order_and_output() -> None:
    rows = ({"id": i, "text": page(i) if i % 7 else None} for i in range(45))
    parallel = list(reflow_records(rows, workers=2, chunk_records=4))
    serial = list(reflow_records({"id": i, "text": page(i) if i % 7 else None} for i in range(45)))
    assert parallel == serial
    assert [r["id"] for r in parallel] == list(range(45))


def test_reflow_records_on_error_modes() -> None:
    rows = [{"text": page(0)}, {"text": b"caf\xe9 au lait\n"}, {"body": "x"}]
    marked = list(reflow_records(rows))
    assert [r["text_reflowed"] is None for r in marked] == [False, True, True]
    assert marked[2]["reflow_error"] == "no field 'text'"
    assert marked[1]["reflow_error"]  # the decoder's own message
    assert len(list(reflow_records(rows, on_error="skip"))) == 1
    with pytest.raises(reflow.InputError):
        list(reflow_records(rows, on_error="raise"))


def test_reflow_records_json_format_gives_blocks_with_roles() -> None:
    (out,) = reflow_records([{"text": page(1)}], format="json")
    value = out["text_reflowed"]
    assert value == expected(page(1), "json")
    assert {b["role"] for b in value["blocks"]} >= {"paragraph"}


def test_reflow_columns_for_batched_map() -> None:
    cols = reflow_columns({"body": [page(0), None, page(2)]}, text_field="body", output_field="o")
    assert cols["o"] == [expected(page(0)), None, expected(page(2))]
    assert cols["reflow_error"] == [None, "the text is null, not a string", None]


# -- run_batch over each input kind ---------------------------------------------------------


def test_folder_of_txt_mirrors_paths_and_reports_bad_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "a" / "b").mkdir(parents=True)
    texts = {"one.txt": page(0), "a/two.txt": page(1), "a/b/three.txt": page(2)}
    for rel, text in texts.items():
        (src / rel).write_text(text, encoding="utf-8")
    (src / "a" / "broken.txt").write_bytes(b"caf\xe9 au lait\n")  # Latin-1, not UTF-8
    (src / "notes.md").write_text("not an input")
    report = run_batch([src], tmp_path / "out", opts())
    assert (report.done, report.failed, report.skipped) == (3, 1, 0)
    assert report.exit_status == 1
    for rel, text in texts.items():
        assert (tmp_path / "out" / rel).read_text(encoding="utf-8") == expected(text)
    assert not (tmp_path / "out" / "a" / "broken.txt").exists()
    assert not (tmp_path / "out" / "notes.md").exists()
    (err,) = [json.loads(x) for x in (tmp_path / "out" / "reflow-errors.jsonl").open()]
    assert err["id"] == "a/broken.txt" and err["source"].endswith("broken.txt") and err["reason"]


@pytest.mark.parametrize("fmt, suffix", [("markdown", ".md"), ("json", ".json")])
def test_txt_output_formats(tmp_path: Path, fmt: str, suffix: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_text(page(3))
    run_batch([tmp_path / "in"], tmp_path / "out", opts(format=fmt))
    written = (tmp_path / "out" / f"p{suffix}").read_text()
    if fmt == "json":
        assert json.loads(written) == expected(page(3), "json")
    else:
        assert written == expected(page(3), "markdown")


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.jsonl.zst"])
def test_jsonl_counts_order_fields_and_compression(tmp_path: Path, name: str) -> None:
    if name.endswith(".zst"):
        pytest.importorskip("zstandard")
    records = write_jsonl(tmp_path / name, 40)
    # Small chunks so that the file is cut into several members/frames and commits.
    report = run_batch([tmp_path / name], tmp_path / "out", opts(chunk_records=7))
    out = read_jsonl(tmp_path / "out" / name)
    errors = [json.loads(x) for x in (tmp_path / "out" / "reflow-errors.jsonl").open()]
    # Nothing dropped silently: every record is in the output or in the errors file.
    assert len(out) + len(errors) == len(records) + 4 == report.done + report.failed
    assert [r["id"] for r in out] == [r["id"] for r in records]
    assert [r["text_reflowed"] for r in out] == [expected(r["text"]) for r in records]
    assert all(o["n"] == r["n"] and o["text"] == r["text"] for o, r in zip(out, records, strict=1))
    assert [(e["id"], e["line"]) for e in errors] == [
        (None, 4),
        ("no-text", 8),
        ("null-text", 10),
        (None, 12),
    ]
    assert errors[1]["reason"] == "no field 'text'"
    assert errors[0]["source"] == str(tmp_path / name)


def test_jsonl_output_field_can_replace_the_text(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "c.jsonl", 5, bad=False)
    run_batch([tmp_path / "c.jsonl"], tmp_path / "out", opts(output_field="text"))
    out = read_jsonl(tmp_path / "out" / "c.jsonl")
    assert [r["text"] for r in out] == [expected(r["text"]) for r in records]


def test_parquet_row_groups_and_failed_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [page(i) if i % 9 != 4 else None for i in range(50)]
    table = pa.table({"doc": [f"d{i}" for i in range(50)], "body": texts})
    pq.write_table(table, tmp_path / "t.parquet", row_group_size=12)
    report = run_batch(
        [tmp_path / "t.parquet"], tmp_path / "out", opts(text_field="body", id_field="doc")
    )
    out = pq.read_table(tmp_path / "out" / "t.parquet")
    good = [i for i, t in enumerate(texts) if t is not None]
    assert pq.ParquetFile(tmp_path / "out" / "t.parquet").metadata.num_row_groups == 5
    assert out.column("doc").to_pylist() == [f"d{i}" for i in good]
    assert out.column("text_reflowed").to_pylist() == [expected(texts[i]) for i in good]
    errors = [json.loads(x) for x in (tmp_path / "out" / "reflow-errors.jsonl").open()]
    assert [(e["id"], e["row"]) for e in errors] == [(f"d{i}", i) for i in (4, 13, 22, 31, 40, 49)]
    assert out.num_rows + len(errors) == 50 == report.done + report.failed
    assert not list((tmp_path / "out" / ".reflow-batch" / "parts").iterdir())


def test_parquet_without_the_text_column_is_a_usage_error(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "t.parquet")
    with pytest.raises(UsageError, match=r"no column 'text'.*--text-field"):
        run_batch([tmp_path / "t.parquet"], tmp_path / "out", opts())
    assert not (tmp_path / "out").exists(), "a usage error writes nothing"


def test_mixed_inputs_land_under_their_names(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.txt").write_text(page(0))
    write_jsonl(tmp_path / "y.jsonl", 3, bad=False)
    report = run_batch([tmp_path / "docs", tmp_path / "y.jsonl"], tmp_path / "out", opts())
    assert report.done == 4 and report.exit_status == 0
    assert (tmp_path / "out" / "docs" / "x.txt").exists()
    assert len(read_jsonl(tmp_path / "out" / "y.jsonl")) == 3


def test_empty_inputs_give_empty_outputs(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    report = run_batch([tmp_path / "e.jsonl"], tmp_path / "out", opts())
    assert report.done == report.failed == 0
    assert (tmp_path / "out" / "e.jsonl").read_bytes() == b""


def test_two_workers_give_the_single_process_output(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl.gz", 60)
    run_batch([tmp_path / "c.jsonl.gz"], tmp_path / "one", opts(chunk_records=5))
    run_batch([tmp_path / "c.jsonl.gz"], tmp_path / "two", opts(chunk_records=5, workers=2))
    for name in ("c.jsonl.gz", "reflow-errors.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


# -- usage errors ---------------------------------------------------------------------------


def test_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="input not found"):
        run_batch([tmp_path / "missing"], tmp_path / "out", opts())
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(UsageError, match="don't know how to read"):
        run_batch([tmp_path / "x.csv"], tmp_path / "out", opts())
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "p.jsonl").write_text("")
    (tmp_path / "p.jsonl").write_text("")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("x")
    with pytest.raises(UsageError, match="not empty: add --resume"):
        run_batch([tmp_path / "p.jsonl"], tmp_path / "out", opts())
    with pytest.raises(UsageError, match="no batch journal"):
        run_batch([tmp_path / "p.jsonl"], tmp_path / "out", opts(resume=True))
    with pytest.raises(UsageError, match="no input files"):
        run_batch([tmp_path / "b"], tmp_path / "out2", opts())


def test_missing_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)  # makes `import zstandard` fail
    (tmp_path / "c.jsonl.zst").write_bytes(b"")
    with pytest.raises(UsageError, match=r"needs the Python package zstandard.*reflow\[zstd\]"):
        run_batch([tmp_path / "c.jsonl.zst"], tmp_path / "out", opts())


def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(page(0))
    run_batch([tmp_path], tmp_path / "out", opts())
    report = run_batch([tmp_path], tmp_path / "out", opts(resume=True))
    assert (report.done, report.skipped) == (0, 1)


# -- resume ---------------------------------------------------------------------------------


class Crash(Exception):
    pass


def crash_after(monkeypatch: pytest.MonkeyPatch, commits: int) -> None:
    """Make the run die after ``commits`` commits, as a kill would (no cleanup runs after)."""
    real = Run.commit
    count = {"n": 0}

    def commit(self: Run, task: Task, result: object) -> None:
        if count["n"] == commits:
            raise Crash
        count["n"] += 1
        real(self, task, result)

    monkeypatch.setattr(Run, "commit", commit)


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_resume_after_crash_with_torn_writes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    write_jsonl(tmp_path / name, 50)
    o = opts(chunk_records=6)
    run_batch([tmp_path / name], tmp_path / "clean", o)

    with monkeypatch.context() as m:
        crash_after(m, 4)
        with pytest.raises(Crash):
            run_batch([tmp_path / name], tmp_path / "out", o)
    out = tmp_path / "out"
    # The worst a kill can leave: bytes written after the last journal entry, in the output,
    # in the errors file, and half a journal line.
    with open(out / (name + ".partial"), "ab") as f:
        f.write(b'{"id": "r9", "text_reflowed": "half a rec')
    with open(out / "reflow-errors.jsonl", "ab") as f:
        f.write(b'{"id": "torn"')
    with open(out / ".reflow-batch" / "journal.jsonl", "ab") as f:
        f.write(b'{"t":"jsonl","ok":6,"fai')
    assert not (out / name).exists(), "no final output before the run is done"

    report = run_batch([tmp_path / name], out, opts(chunk_records=11, resume=True))
    assert report.skipped > 0 and report.done + report.failed + report.skipped == 54
    for f in (name, "reflow-errors.jsonl"):
        assert read_jsonl(out / f) == read_jsonl(tmp_path / "clean" / f)
    assert not (out / (name + ".partial")).exists()


def test_resume_txt_and_parquet_after_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(150):  # 3 groups of TXT_GROUP = 64 files at most
        (src / f"f{i:03d}.txt").write_text(page(i))
    (src / "bad.txt").write_bytes(b"\x00\x01binary")
    texts = [page(i) for i in range(40)]
    pq.write_table(pa.table({"text": texts}), src / "z.parquet", row_group_size=10)
    clean = run_batch([src], tmp_path / "clean", opts())
    for commits in (2, 5):  # in the .txt groups, then in the Parquet row groups
        out = tmp_path / f"out{commits}"
        with monkeypatch.context() as m:
            crash_after(m, commits)
            with pytest.raises(Crash):
                run_batch([src], out, opts())
        report = run_batch([src], out, opts(resume=True))
        assert report.done + report.failed + report.skipped == clean.done + clean.failed
        assert report.failed + report.failed_earlier == 1
        assert sorted(p.name for p in out.iterdir()) == sorted(
            p.name for p in (tmp_path / "clean").iterdir()
        )
        assert (out / "reflow-errors.jsonl").read_bytes() == (
            tmp_path / "clean" / "reflow-errors.jsonl"
        ).read_bytes()
        assert pq.read_table(out / "z.parquet").equals(
            pq.read_table(tmp_path / "clean" / "z.parquet")
        )
        for i in (0, 99, 149):
            assert (out / f"f{i:03d}.txt").read_text() == expected(page(i))


def test_resume_refuses_other_options(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl", 3, bad=False)
    run_batch([tmp_path / "c.jsonl"], tmp_path / "out", opts())
    with pytest.raises(UsageError, match="--format differs"):
        run_batch([tmp_path / "c.jsonl"], tmp_path / "out", opts(format="json", resume=True))
    report = run_batch([tmp_path / "c.jsonl"], tmp_path / "out", opts(resume=True))
    assert (report.done, report.skipped) == (0, 3)


def test_journal_drops_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    j = Journal(path, fsync=False)
    j.append({"a": 1})
    j.append({"a": 2})
    j.close()
    with open(path, "ab") as f:
        f.write(b'{"a": 3')
    assert Journal.load(path) == [{"a": 1}, {"a": 2}]
    assert path.read_bytes().endswith(b"}\n")


def test_resume_refuses_changed_input_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        write_jsonl(src / name, 4, bad=False)
    with monkeypatch.context() as m:
        crash_after(m, 2)  # a.jsonl: its chunk, then its "done": finished; b.jsonl not begun
        with pytest.raises(Crash):
            run_batch([src], tmp_path / "out", opts())
    (src / "a.jsonl").unlink()
    with pytest.raises(UsageError, match="input files changed"):
        run_batch([src], tmp_path / "out", opts(resume=True))


def test_inputs_with_the_same_name_are_refused(tmp_path: Path) -> None:
    for parent in ("one", "two"):
        (tmp_path / parent / "x").mkdir(parents=True)
        (tmp_path / parent / "x" / "p.txt").write_text(page(0))
    with pytest.raises(UsageError, match="same name"):
        run_batch([tmp_path / "one" / "x", tmp_path / "two" / "x"], tmp_path / "out", opts())


def test_an_internal_error_is_one_line_and_resumable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "c.jsonl", 20, bad=False)
    args = [str(tmp_path / "c.jsonl"), "-o", str(tmp_path / "out"), "-w", "1"]
    with monkeypatch.context() as m:
        m.setattr(Run, "finish", lambda self, unit: [][0])  # a bug at the very end
        assert cli.main(["batch", *args, "--chunk-records", "6"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error: IndexError: list index out of range; please report it" in err
    assert cli.main(["batch", *args, "--resume"]) == 0
    assert "0 done, 0 failed, 20 skipped" in capsys.readouterr().err
    assert len(read_jsonl(tmp_path / "out" / "c.jsonl")) == 20


@pytest.mark.parametrize("workers", [1, 2])
def test_reading_stays_a_bounded_window_ahead_of_writing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    """Memory does not grow with the corpus: the input is read at most a few chunks ahead."""
    write_jsonl(tmp_path / "c.jsonl", 120, bad=False)
    made = {"n": 0}
    ahead: list[int] = []
    real_tasks, real_commit = Run.tasks, Run.commit

    def tasks(self: Run):  # type: ignore[no-untyped-def]
        for task in real_tasks(self):
            made["n"] += 1
            yield task

    def commit(self: Run, task: Task, result: object) -> None:
        ahead.append(made["n"] - len(ahead))
        real_commit(self, task, result)

    monkeypatch.setattr(Run, "tasks", tasks)
    monkeypatch.setattr(Run, "commit", commit)
    run_batch([tmp_path / "c.jsonl"], tmp_path / "out", opts(workers=workers, chunk_records=3))
    assert len(ahead) == 40  # every chunk committed once
    # In flight: INFLIGHT_PER_WORKER per worker; the JSONL reader holds one more to know the last.
    assert max(ahead) <= workers * INFLIGHT_PER_WORKER + 1
