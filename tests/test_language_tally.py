"""The packed-integer tally of language detection (language._tally) against a plain reference.

The detector adds every word's gain in every language as one integer sum (see
language.GAIN_BITS); this reference scores word by word and letter by letter in floats, as
the detector did before.  Hits and word counts must be equal; scores equal up to float
rounding (the reference adds in a different order).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from reflow import language

_RAW = json.loads(
    resources.files("reflow.data").joinpath("language_profiles.json").read_text("utf-8")
)["languages"]


@cache
def _gains() -> dict[str, list[tuple[int, float]]]:
    p = language._profiles()
    gains: dict[str, list[tuple[int, float]]] = {}
    for i, code in enumerate(p.codes):
        for word, z in _RAW[code]["words"].items():
            gains.setdefault(word, []).append((i, z - p.floors[i]))
    return gains


def _reference(text: str) -> tuple[list[float], int, list[int]]:
    p = language._profiles()
    gains = _gains()
    found = language._WORD.findall(text)
    scores = [len(found) * f for f in p.floors]
    hits = [0] * len(scores)
    for word in found:
        for i, gain in gains.get(word, ()):
            scores[i] += gain
            hits[i] += 1
    letters = sum(map(len, found))
    per_script = {"Latin": 0, "Cyrillic": 0, "Greek": 0}
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            continue
        script = language._script_of(ch)
        per_script[script] += 1
        for i in p.by_script[script]:
            if ch not in p.alphabets[i]:
                scores[i] -= language.FOREIGN_LETTER
    per_script["Latin"] = letters - per_script["Cyrillic"] - per_script["Greek"]
    total = sum(per_script.values())
    for script, members in p.by_script.items():
        for i in members:
            scores[i] -= language.FOREIGN_LETTER * (total - per_script[script])
    return scores, len(found), hits


def _same(text: str) -> None:
    want = _reference(text)
    got = language._scores(language._tally(text))
    assert got[1:] == want[1:]
    for a, b in zip(got[0], want[0], strict=True):
        assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9), (a, b)


_WORDS = sorted({w for code in _RAW for w in list(_RAW[code]["words"])[:40]})


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.text(alphabet="abcßäöüéèłąčřšжщїαβ’«»-,. 12_", max_size=8),
        ),
        max_size=60,
    )
)
def test_tally_matches_reference(words: list[str]) -> None:
    _same(" ".join(words).casefold())


def test_tally_sums_in_several_pieces() -> None:
    """More words than one packed sum holds, and more non-ASCII letters than one count field
    holds: summed in pieces, still equal to the reference."""
    text = "der die und ñ λ ж " * (language.TOKENS_PER_SUM // 2)
    assert len(language._WORD.findall(text)) > language.TOKENS_PER_SUM
    _same(text)
    letters = "ж" * (language.LETTERS_PER_SUM + 10) + " the and"
    _same(letters)


def test_no_words() -> None:
    assert language._tally("12 -- ,,").words == 0
    assert language.detect_languages("12 -- ,,")[0] == language.UNDETERMINED


def _python_lines(fn: object, *args: object) -> int:
    """Lines of Python code executed while ``fn(*args)`` runs (C code not counted)."""
    import sys

    lines = 0

    def trace(frame: object, event: str, arg: object) -> object:
        nonlocal lines
        if event == "line":
            lines += 1
        return trace

    sys.settrace(trace)  # type: ignore[arg-type]
    try:
        fn(*args)  # type: ignore[operator]
    finally:
        sys.settrace(None)
    return lines


def test_tally_runs_no_python_code_per_word() -> None:
    """Work counted, not timed: the Python lines a tally runs do not grow with its words (the
    per-(word, language) loop it replaced was a quarter of the pipeline's time)."""
    words = sorted({w for code in _RAW for w in _RAW[code]["words"]})
    short, long = " ".join(words[:50]), " ".join(words[:5000])
    language._tally(long)  # every letter seen once (their codes are made on first sight)
    lines_short = _python_lines(language._tally, short)
    lines_long = _python_lines(language._tally, long)
    assert 0 < lines_short == lines_long
