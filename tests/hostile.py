"""Hypothesis strategies for hostile input, and the batch invariants they are checked against.

Shared by tests/test_hostile_properties.py (a short budget, in CI) and bench/fuzz_hostile.py
(the long run).  Everything is generated: no text here comes from elsewhere.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import strategies as st

#: Every Unicode category, surrogates (Cs) included: hypothesis leaves them out by default.
any_char = st.characters(exclude_categories=())

#: Short pieces that have broken text tools before: controls, NUL, BOMs in the middle, every
#: line end, invisible and combining characters, surrogates, hyphens, headings.
SPECIALS = [
    "\x00",
    "\ufeff",
    "\ufffe",
    "\r\n",
    "\r",
    "\n",
    "\x0b",
    "\x85",
    "\u2028",
    "\u2029",
    "\t",
    "\u00ad",
    "\u200b",
    "\u202e",
    "\U0001f600",
    "e\u0301",
    "\ufb01",
    "\ud800",
    "\udfff",
    "\udc80",
    "word-\n",
    "ex-\nample ",
    "- ",
    "CHAPTER ONE\n",
    "1.2 Results\n",
    "Page 7\n",
]


def hostile_texts(big: int = 2000, most: int = 12) -> st.SearchStrategy[str]:
    """Documents of up to ``most`` pieces; the repeated pieces (form-feed storms, blank lines,
    long lines, runs of hyphens and headings) are up to ``big`` characters or repeats long."""

    def runs(unit: str, per: int) -> st.SearchStrategy[str]:
        return st.integers(1, max(1, big // per)).map(lambda n: unit * n)

    pieces = st.one_of(
        st.text(any_char, max_size=40),
        st.sampled_from(SPECIALS),
        runs("\x0c", 5),
        runs("\n", 1),
        runs("x", 1),
        runs("-", 2),
        runs("-\n", 4),
        runs("HEADING LINE\n\n", 10),
        runs("word-\nword ", 10),
    )
    return st.lists(pieces, max_size=most).map("".join)


hostile_text = hostile_texts()

#: Any JSON value (no NaN: it does not equal itself, which the checks rely on).
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(any_char, max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)

MISSING = object()


@st.composite
def jsonl_lines(
    draw: st.DrawFn, texts: st.SearchStrategy[str] = hostile_text, most: int = 25
) -> tuple[list[bytes], dict[int, dict[str, Any]]]:
    """Lines of a hostile JSONL file, and the JSON object records among them by line number.

    Records carry ``_n`` (their line number) so that the output can be matched to the input
    whatever their ids: repeated, missing, of every JSON type.
    """
    lines: list[bytes] = []
    records: dict[int, dict[str, Any]] = {}
    ids = draw(st.lists(json_values, min_size=1, max_size=3))  # few ids: repeats are likely
    for n in range(1, draw(st.integers(0, most)) + 1):
        kind = draw(st.sampled_from(["record"] * 6 + ["value", "junk", "blank", "truncated"]))
        if kind == "record":
            record: dict[str, Any] = {"_n": n}
            id_ = draw(st.sampled_from([*ids, MISSING]))
            if id_ is not MISSING:
                record["id"] = id_
            text = draw(st.one_of(texts, texts, json_values, st.just(MISSING)))
            if text is not MISSING:
                record["text"] = text
            records[n] = record
            ascii_only = draw(st.booleans())
            line = json.dumps(record, ensure_ascii=ascii_only)
            lines.append(line.encode("utf-8", "surrogatepass"))  # escapes where it cannot
            if not ascii_only and _has_surrogate(line):
                # Written as raw surrogate bytes, not UTF-8: refused, or (replace) read back
                # with U+FFFD in place of each byte, so the record differs from this one.
                records.pop(n)
        elif kind == "value":  # JSON, but not an object
            value = draw(json_values.filter(lambda v: not isinstance(v, dict)))
            lines.append(json.dumps(value).encode())
        elif kind == "junk":  # never JSON: no JSON text starts with \x01
            lines.append(b"\x01" + draw(st.binary(max_size=30)).replace(b"\n", b" "))
        elif kind == "blank":
            lines.append(draw(st.sampled_from([b"", b" ", b"\t", b"\r"])))
        else:
            lines.append(json.dumps({"_n": n, "text": "cut"}).encode()[:-3])
    return lines, records


def _has_surrogate(s: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in s)


def check_chunk(
    lines: list[bytes], out: bytes, errors: bytes, ok: int, failed: int, output_field: str
) -> list[dict[str, Any]]:
    """The invariants of one reflowed JSONL chunk: every non-blank line is in the output or in
    the errors file, exactly once; the counts match; every output line is UTF-8 JSON holding its
    input record unchanged plus the output field.  Returns the output records."""
    nonblank = {n for n, line in enumerate(lines, 1) if line.strip()}
    # Lines end at "\n" only: U+2028, U+0085 and friends may stand in a JSON string.
    out_records = [json.loads(line.decode("utf-8")) for line in out.split(b"\n") if line]
    error_entries = [json.loads(line.decode("utf-8")) for line in errors.split(b"\n") if line]
    assert (ok, failed) == (len(out_records), len(error_entries))
    done = [r["_n"] for r in out_records]
    failed_lines = [e["line"] for e in error_entries]
    assert len(set(done)) == len(done), "a record written twice"
    assert len(set(failed_lines)) == len(failed_lines), "a failure reported twice"
    assert not set(done) & set(failed_lines), "a record both written and failed"
    assert set(done) | set(failed_lines) == nonblank, "a record lost"
    assert done == sorted(done) and failed_lines == sorted(failed_lines), "order not kept"
    for r in out_records:
        assert isinstance(r[output_field], str | dict)
    for e in error_entries:
        assert e["reason"] and "Traceback" not in e["reason"]
    return out_records


class Hang(Exception):
    pass


@contextmanager
def no_hang(seconds: int) -> Iterator[None]:
    """Fail (not wait forever) if the block takes more than ``seconds``: a hang detector with a
    bound far above any honest run, not a speed test."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
