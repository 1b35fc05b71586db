"""Memory that must stay small on long documents: bytes counted, not time (issue 10).

Each test bounds a structure where a regression has been seen or could come back: a per-line
list of Python ints (36 bytes a line, more than a short line's text), the phrase pairs as a set
of strings (120 bytes a pair), the JSON writer holding a dictionary per decision.  Sizes come
from ``tracemalloc`` (Python's own count of the bytes it allocated), which does not depend on
the machine; the bounds leave room above what was measured (the numbers are in each test).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reflow
from reflow.config import Config
from reflow.lines import split_lines
from reflow.render import json_pieces, text_pieces
from reflow.structure import label_lines, view

CASES = Path(__file__).parent.parent / "eval" / "cases" / "pdflatex" / "en"


@pytest.fixture(scope="module")
def long_text() -> str:
    """About 200 KB of the evaluation corpus' English extractions (generated pages, see
    eval/cases/LICENSE), one page after another: long enough for the phrase index, short
    enough to trace."""
    texts: list[str] = []
    size = 0
    for path in sorted(CASES.rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode("utf-8"))
        if size > 200_000:
            break
    return "\x0c".join(t if t.endswith("\n") else t + "\n" for t in texts)


def _traced(fn: Callable[[], Any]) -> tuple[Any, int, int]:
    """``(result, peak bytes during fn, bytes still held after it)``."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        out = fn()
        now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out, peak - base, now - base


def test_line_starts_are_an_array_not_a_list_of_ints(long_text: str) -> None:
    lines = split_lines(long_text)
    _, _, held = _traced(lambda: split_lines(long_text))
    # 8 bytes a line for the offsets; the texts (a str each) are the rest.
    assert lines.starts.itemsize == 8
    text_bytes = sum(t.__sizeof__() + 8 for t in lines.texts)
    # Measured: the texts plus 8 (offsets) + 8 (page) + 8 (blank) bytes a line and the lists'
    # spare room; a list of ints for the offsets would add 28 bytes a line more.
    assert held <= text_bytes + 30 * len(lines)


def test_pair_index_is_eight_bytes_a_distinct_pair(
    long_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phrase index holds one 64-bit key per distinct pair (it de-duplicates all of them,
    and no two pairs of this document share a key); while it is built, one piece of the
    text's pairs is in memory, not the whole text's."""
    monkeypatch.setattr(view, "_PAIR_CHUNK", 1 << 14)
    lines = split_lines(long_text)
    labels = label_lines(lines, Config(detect_structure=False), "en")
    phrases = view.phrase_text(lines, labels)
    pairs = {
        f"{a} {b}"
        for line in phrases.split("\n")
        for a, b in zip(line.split(), line.split()[1:], strict=False)
    }
    index, peak, held = _traced(lambda: view.PairIndex(phrases))
    assert len(index) == len(pairs) > 10_000
    assert index.nbytes == 8 * len(pairs)
    # Held: the keys and the array's spare room (measured 8.0 bytes a pair).  A set of the
    # pair strings held about 120 bytes a pair.
    assert held <= 12 * len(pairs)
    # While building: the pairs of one piece of 16 KB as bytes objects (about 8 bytes of
    # them a character) and the keys so far, at most twice over before they are
    # de-duplicated; the pairs of the whole text at once would be 3 MB here.
    assert peak <= 16 * (1 << 14) + 32 * len(pairs), (peak, len(pairs))


def test_streamed_json_holds_no_dictionary_per_decision(long_text: str) -> None:
    """Writing a long document's JSON piece by piece holds a piece, not the document's
    decisions as objects and dictionaries (those were ~20 times the input)."""
    doc = reflow.reflow(long_text)
    size = len(long_text.encode("utf-8"))

    def drain(pieces: Iterator[str]) -> int:
        return max(map(len, pieces))

    longest, peak, _ = _traced(lambda: drain(json_pieces(doc)))
    assert len(doc.decisions) > 5_000
    assert longest < 50_000
    # Measured: a few hundred KB of the lexicon's caches at most; far from a copy of the input.
    assert peak <= size // 2
    longest, peak, _ = _traced(lambda: drain(text_pieces(doc)))
    assert peak <= 64_000


def test_reflow_peak_is_bounded_by_the_input(long_text: str) -> None:
    """The whole pipeline's peak of traced memory, as a multiple of the input's UTF-8 size.

    Measured on this document: see the numbers in bench/results/memory-profile-*.md for the
    same kind of input at 16 and 64 MB.  The bound catches a structure of the input's size
    coming back (one more per-line list of ints is about one input's worth here).
    """
    reflow.reflow(long_text[:50_000]).to_text()  # load the tables before measuring
    size = len(long_text.encode("utf-8"))
    _, peak, _ = _traced(lambda: reflow.reflow(long_text))
    assert peak <= PEAK_BOUND * size, peak / size


#: See test_reflow_peak_is_bounded_by_the_input: measured 21.1x on this 200 KB document, 22.4x
#: after main's hyphen rules of 2026-11-29 17:00 (the fixed costs of a pass, such as one piece's
#: tokens and the word counts, weigh more on a short document than on a long one).
PEAK_BOUND = 25.0


def test_line_table_is_freed_before_the_assembly(
    long_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reflow() frees its own line texts before the blocks are made (they were the largest
    thing alive at the peak RSS, ~2.4x the input: bench/results/memory-2026-11-29-night.md),
    and leaves a caller's table (reflow_lines) whole."""
    from reflow import pipeline

    seen: list[int] = []
    assemble = pipeline.assemble

    def spy(lines: Any, *args: Any) -> Any:
        seen.append(len(lines.texts))
        return assemble(lines, *args)

    monkeypatch.setattr(pipeline, "assemble", spy)
    doc = reflow.reflow(long_text)
    assert seen == [0]
    mine = split_lines(long_text)
    n = len(mine.texts)
    assert pipeline.reflow_lines(mine, Config()).paragraphs == doc.paragraphs
    assert seen == [0, n] and len(mine.texts) == n


def test_page_number_memo_is_empty_after_labelling(long_text: str) -> None:
    """The page-number memo (structure/furniture.py) held up to 4,096 short lines of the
    document after it was labelled: scattered over the line table's memory, they kept it
    resident after it was freed (1.3x the input of peak RSS at 4 MB)."""
    from reflow.structure import furniture

    furniture.page_number("- 3 -")
    # The memo fills as the rules use it (else the test below would prove nothing)...
    assert furniture._short_page_number.cache_info().currsize > 0
    label_lines(split_lines(long_text), Config(), "en")
    # ...and is emptied when the document is labelled.
    assert furniture._short_page_number.cache_info().currsize == 0


#: Line ends of every kind, form feeds, soft hyphens, ligatures, runs of spaces and tabs:
#: everything the assembly's reading of a line from the source has to give back as it was.
_LINE_ALPHABET = "ab Cd.-\u00ad\ufb01\t\x0c"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=_LINE_ALPHABET, max_size=12),
            st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
        ),
        max_size=12,
    )
)
def test_assembly_from_the_source_is_the_assembly_from_the_texts(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(line + end for line, end in parts)
    owned = reflow.reflow(text)  # line texts freed before the assembly
    kept = pipeline_lines(text)  # the caller's table: texts alive throughout
    assert owned.blocks == kept.blocks
    assert [d.rule for d in owned.decisions] == [d.rule for d in kept.decisions]
    assert owned.to_text() == kept.to_text()


def pipeline_lines(text: str) -> reflow.Document:
    from reflow import pipeline

    return pipeline.reflow_lines(split_lines(text), Config())
