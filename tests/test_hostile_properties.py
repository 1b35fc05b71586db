"""Hypothesis properties over hostile documents and records (issue 11), with a CI-sized budget.

A long run is the same tests with a larger budget (``REFLOW_HOSTILE_EXAMPLES=3000
REFLOW_HOSTILE_BIG=200000 pytest tests/test_hostile_properties.py``) and the coverage-guided
bench/fuzz_hostile.py; what they found is recorded in bench/results/fuzz-*.md and pinned as
regression cases in tests/test_hostile.py.
"""

from __future__ import annotations

import gzip
import json
import os

from hostile import check_chunk, hostile_texts, jsonl_lines, no_hang
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import assert_nothing_lost

import reflow
from reflow.batch import BatchOptions, run_batch
from reflow.batch.formats.jsonl import Jsonl
from reflow.batch.records import reflow_value

#: Examples per property: 60 keeps the whole file near 10 s in CI.
EXAMPLES = int(os.environ.get("REFLOW_HOSTILE_EXAMPLES", "60"))
#: The longest runs (blank lines, long lines, form feeds...) in characters.
BIG = int(os.environ.get("REFLOW_HOSTILE_BIG", "2000"))
#: The CI budget draws the same examples every run (derandomized): the long fuzz found
#: documents that break idempotence (pinned as xfail in test_hostile.py), and a random draw of
#: one must not turn CI red at random.  A long run (the variable set) explores afresh.
FIXED = "REFLOW_HOSTILE_EXAMPLES" not in os.environ
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=FIXED,
)
SLOW = settings(
    max_examples=max(40, EXAMPLES // 10),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=FIXED,
)
TEXTS = hostile_texts(big=BIG)
REPLACE = reflow.Config(decode_errors="replace")


def _surrogate_at(text: str) -> int | None:
    return next((i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"), None)


@FAST
@given(TEXTS)
def test_a_hostile_document_is_refused_cleanly_or_reflowed_whole(text: str) -> None:
    with no_hang(60):
        try:
            strict = reflow.reflow(text)
        except reflow.InputError as exc:
            at = _surrogate_at(text)
            nul = text.find("\x00", 0, 65536)
            assert at is not None or nul >= 0
            if nul < 0:
                assert f"at offset {at}," in str(exc)
        else:
            assert _surrogate_at(text) is None
            strict.to_text(keep_furniture=True).encode()  # writable as UTF-8
        doc = reflow.reflow(text, config=REPLACE)  # never raises
        assert_nothing_lost(doc)
        once = doc.to_text(keep_furniture=True)
        assert reflow.reflow(once, config=REPLACE).to_text(keep_furniture=True) == once
        doc.to_json().encode()
        doc.to_markdown().encode()
        assert reflow.reflow(text, config=REPLACE).to_json() == doc.to_json()
        if _surrogate_at(text) is not None:
            assert any("lone surrogate" in w for w in doc.warnings)


@FAST
@given(jsonl_lines(TEXTS, most=12), st.sampled_from(["", "gz", "zst"]), st.booleans())
def test_a_hostile_jsonl_chunk_loses_nothing(lines_and_records, compression, replace) -> None:
    lines, records = lines_and_records
    opts = BatchOptions(config=REPLACE if replace else reflow.Config())
    blob = b"".join(line + b"\n" for line in lines)
    with no_hang(120):
        result = Jsonl().work(opts, "in.jsonl", 1, blob, compression, {}, None)
        again = Jsonl().work(opts, "in.jsonl", 1, blob, compression, {}, None)
    assert again == result  # deterministic, so a resumed chunk is the same chunk
    out, errors, ok, failed = result
    if compression == "gz":
        out = gzip.decompress(out) if out else out
    elif compression == "zst":
        import zstandard

        out = zstandard.ZstdDecompressor().decompressobj().decompress(out) if out else out
    written = check_chunk(lines, out, errors, ok, failed, opts.output_field)
    for r in written:
        original = records.get(r["_n"])
        if original is None:
            continue
        reflowed = r.pop(opts.output_field)
        assert r == original, "a field changed on the way through"
        if isinstance(original.get("text"), str):
            assert reflowed == reflow_value(original["text"], opts.config)


def _damage(blob: bytes, how: str, where: int, junk: bytes) -> bytes:
    at = where % (len(blob) + 1)
    if how == "truncate":
        return blob[:at]
    if how == "flip":
        return blob[:at] + bytes([blob[at] ^ 0xFF]) + blob[at + 1 :] if at < len(blob) else blob
    if how == "insert":
        return blob[:at] + junk + blob[at:]
    return blob + junk


@SLOW
@given(
    st.integers(0, 60),
    st.sampled_from(["gz", "zst"]),
    st.sampled_from(["truncate", "flip", "insert", "append"]),
    st.integers(0, 1 << 20),
    st.binary(min_size=1, max_size=20),
    st.integers(1, 15),
)
def test_a_damaged_compressed_shard_never_stops_the_run(
    tmp_path_factory, n, compression, how, where, junk, chunk_records
) -> None:
    import zstandard

    tmp = tmp_path_factory.mktemp("damaged")
    lines = [json.dumps({"_n": i, "text": f"line {i} wrap-\nped\n"}).encode() for i in range(n)]
    data = b"".join(line + b"\n" for line in lines)
    if compression == "gz":
        blob = gzip.compress(data, mtime=0)
    else:
        blob = zstandard.ZstdCompressor().compress(data)
    src = tmp / f"in.jsonl.{compression}"
    src.write_bytes(_damage(blob, how, where, junk))
    opts = BatchOptions(workers=1, progress=False, fsync=False, chunk_records=chunk_records)
    with no_hang(120):
        report = run_batch([src], tmp / "out", opts)
        again = run_batch([src], tmp / "again", opts)
    out_path = tmp / "out" / src.name
    assert out_path.read_bytes() == (tmp / "again" / src.name).read_bytes()  # idempotent
    raw = out_path.read_bytes()
    if compression == "gz":
        text = gzip.decompress(raw) if raw else b""
    else:
        text = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True).read()
    written = [json.loads(line) for line in text.split(b"\n") if line]
    errors_file = (tmp / "out" / "reflow-errors.jsonl").read_bytes()
    errors = [json.loads(line) for line in errors_file.split(b"\n") if line]
    counts = (report.done, report.failed)
    assert counts == (len(written), len(errors)) == (again.done, again.failed)
    assert sum("compressed stream is damaged" in e["reason"] for e in errors) <= 1
    numbers = [r.get("_n") for r in written]
    if how in ("truncate", "append"):  # nothing garbled: what is written is a prefix, whole
        assert numbers == list(range(len(numbers)))
        if how == "append" or len(blob) == where % (len(blob) + 1):
            assert len(numbers) == n
