"""The bulk path of the boundary stage (boundaries._boundaries_to_decide) against the rule it
stands for, written one boundary at a time: the same boundaries are left to the rules."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reflow import boundaries
from reflow.boundaries import _digit_inside, _starts_lower
from reflow.lines import split_lines

CASES = Path(__file__).parent / "cases" / "structure"


def _one_by_one(texts: list[str], body: list[int], pages: list[int], convention: bool) -> list[int]:
    out = []
    for k in range(len(body) - 1):
        a, b = body[k], body[k + 1]
        plain = (
            b == a + 1
            and (texts[a].rstrip()[-1].isalpha() or _digit_inside(texts[a]))
            and pages[a] == pages[b]
        )
        if plain and convention:
            plain = texts[a][-1].isspace() or _starts_lower(texts[b].lstrip())
        if not plain:
            out.append(k)
    return out


def _check(text: str) -> None:
    lines = split_lines(text)
    body = [i for i, b in enumerate(lines.blank) if not b]
    for convention in (False, True):
        want = _one_by_one(lines.texts, body, lines.pages, convention)
        assert boundaries._boundaries_to_decide(lines.texts, body, lines.pages, convention) == want


_LINE = st.text(alphabet="ab Ab.,;9)-\x0c\t ", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=30))
def test_bulk_path_leaves_the_same_boundaries(lines: list[str]) -> None:
    _check("\n".join(lines))


def test_bulk_path_on_real_extractions() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))]
    assert len(texts) > 5
    for t in texts:
        _check(t)
        _check(t.replace("\n", " \n"))  # the trailing-space convention
