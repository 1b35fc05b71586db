"""Coverage-guided fuzzing of hostile input (issue 11): documents, JSONL chunks, compressed shards.

    pip install -e '.[fuzz]'     # atheris: a tool for this script only, not needed by the tests
    python bench/fuzz_hostile.py -max_total_time=1500 -timeout=60 -rss_limit_mb=3000 CORPUS/

Arguments go to libFuzzer.  Each input's first byte picks a target; the rest is the input:

0. ``reflow.reflow(bytes)``, strict (only :class:`reflow.InputError` may come out) and with
   ``decode_errors="replace"`` (nothing may come out), then nothing lost, idempotent, UTF-8 out.
1. The same for a ``str`` made from the bytes with ``surrogateescape`` (lone surrogates).
2. A JSONL chunk through the batch worker, strict and replace: every non-blank line written or
   failed exactly once, in order (the invariants of tests/hostile.py).
3. The bytes as a ``.jsonl.gz`` or ``.jsonl.zst`` shard through ``run_batch``: no exception,
   counts match the files.

Any other exception is a finding: libFuzzer saves the input as ``crash-*``; each becomes a
regression test in tests/test_hostile.py, and the run is recorded in bench/results/fuzz-*.md.
A document whose output changes when reflowed again is kept in ``$REFLOW_FUZZ_FINDINGS``
(``not-idempotent-*``) without stopping the run: the engine's property, not the input path's.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

with atheris.instrument_imports():
    import reflow
    from reflow.batch import BatchOptions, run_batch
    from reflow.batch.formats.compression import compress
    from reflow.batch.formats.jsonl import Jsonl

from hostile import check_chunk
from invariants import assert_nothing_lost

REPLACE = reflow.Config(decode_errors="replace")
TMP = Path(tempfile.mkdtemp(prefix="reflow-fuzz-"))
RUNS = {"n": 0}
NOT_IDEMPOTENT = {"n": 0}
#: Where inputs that break idempotence are kept (``REFLOW_FUZZ_FINDINGS``, default a temp dir).
FINDINGS = Path(os.environ.get("REFLOW_FUZZ_FINDINGS") or tempfile.mkdtemp(prefix="reflow-find-"))
FINDINGS.mkdir(parents=True, exist_ok=True)


def check_document(text: str | bytes) -> None:
    try:
        strict = reflow.reflow(text)
        strict.to_text(keep_furniture=True).encode()
    except reflow.InputError:
        pass
    doc = reflow.reflow(text, config=REPLACE)
    assert_nothing_lost(doc)
    once = doc.to_text(keep_furniture=True)
    once.encode()
    doc.to_json().encode()
    if reflow.reflow(once, config=REPLACE).to_text(keep_furniture=True) != once:
        # Not idempotent: a finding of the engine, not of the input path.  Kept aside (the
        # first few) rather than raised, so that the run goes on to find other kinds.
        NOT_IDEMPOTENT["n"] += 1
        if NOT_IDEMPOTENT["n"] <= 50:
            path = FINDINGS / f"not-idempotent-{NOT_IDEMPOTENT['n']:03d}"
            path.write_bytes(
                text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
            )


def check_jsonl(blob: bytes) -> None:
    lines = blob.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    data = b"".join(line + b"\n" for line in lines)
    for config in (reflow.Config(), REPLACE):
        opts = BatchOptions(config=config)
        out, errors, ok, failed = Jsonl().work(opts, "fuzz.jsonl", 1, data, "", {}, None)
        numbered = _number(lines, out)
        check_chunk(lines, numbered, errors, ok, failed, opts.output_field)


def _number(lines: list[bytes], out: bytes) -> bytes:
    """The output with ``_n`` set to each record's input line (outputs keep input order)."""
    written = [json.loads(line) for line in out.split(b"\n") if line]
    candidates = iter(n for n, line in enumerate(lines, 1) if line.strip())
    result = []
    for record in written:
        # The next non-blank input line that parses to this record (without the output field).
        record.pop("text_reflowed")
        for n in candidates:
            try:
                source = json.loads(lines[n - 1].decode("utf-8", "surrogateescape"))
            except ValueError:
                continue
            if isinstance(source, dict):
                source.pop("text_reflowed", None)  # the output field replaces it
            if isinstance(source, dict) and _same(source, record):
                break
        else:
            raise AssertionError(f"output record not found in the input: {record!r}")
        record["_n"] = n
        record["text_reflowed"] = ""
        result.append(json.dumps(record).encode())
    return b"".join(line + b"\n" for line in result)


def _same(a: object, b: object) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) or a == b


def check_shard(data: bytes, compression: str) -> None:
    RUNS["n"] += 1
    folder = TMP / str(RUNS["n"])
    folder.mkdir()
    src = folder / f"in.jsonl.{compression}"
    # Half the time the bytes are the stream itself (damaged as fuzzed), half a compressed
    # JSONL made of them, so both the decompressor and the lines behind it are reached.
    src.write_bytes(data if data[:1] in (b"\x1f", b"\x28") else compress(data, compression))
    opts = BatchOptions(workers=1, progress=False, fsync=False, chunk_records=7)
    try:
        report = run_batch([src], folder / "out", opts)
        errors = (folder / "out" / "reflow-errors.jsonl").read_bytes()
        assert report.failed == errors.count(b"\n")
    finally:
        shutil.rmtree(folder)


def one_input(data: bytes) -> None:
    if not data:
        return
    target, body = data[0] % 4, data[1:]
    if target == 0:
        check_document(body)
    elif target == 1:
        check_document(body.decode("utf-8", "surrogateescape"))
    elif target == 2:
        check_jsonl(body)
    else:
        check_shard(body, "gz" if data[0] & 4 else "zst")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
