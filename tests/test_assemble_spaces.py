"""The assembly's space-run pattern (assemble._SPACES) against the plain form it stands for:
``[ ODD]{2,}|[ODD]`` (a run of two or more spaces or odd whitespace characters, or one odd
character alone).  The faster pattern must find the same spans and fold the same text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reflow.assemble import _ODD_SPACE, _SPACES

_PLAIN = re.compile(f"[ {_ODD_SPACE}]{{2,}}|[{_ODD_SPACE}]")

#: Text made mostly of the characters the patterns care about, with letters and line ends.
_TEXT = st.text(alphabet=st.sampled_from(" ab\n\u00a0" + _ODD_SPACE), max_size=60)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_same_spans_as_the_plain_pattern(text: str) -> None:
    assert _spans(_SPACES, text) == _spans(_PLAIN, text)
    assert _SPACES.sub(" ", text) == _PLAIN.sub(" ", text)


def test_examples() -> None:
    # One space stays, two fold, one tab folds, a tab after a space is one run.
    text = "a b  c\td \te\u00a0\u00a0f"
    assert _spans(_SPACES, text) == [(3, 5), (6, 7), (8, 10)]
    assert _SPACES.sub(" ", text) == "a b c d e\u00a0\u00a0f"


def test_linear_on_a_long_run() -> None:
    # A long run of spaces and tabs is one match (no backtracking across it).
    text = " \t" * 50_000 + "x"
    assert _spans(_SPACES, text) == [(0, 100_000)]
