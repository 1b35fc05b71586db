"""Properties of the furniture rules beside page numbers (structure/edges.py, pagefoot.py).

Each rule names its evidence; these properties check on generated flat exports (lines of
words, bare and framed numbers, short lines) that the evidence is really there whenever the
label is given: a twin head stands beside two page numbers, a catch-word's twin opens a later
line, a framed page number belongs to a run counting up by one.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflow.config import Config
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import label_lines
from reflow.structure.edges import RUN_GAP, number_shape
from reflow.structure.view import LineLabels

WORDS = ["the", "hive", "honey", "keepers", "slope", "mill", "Bees.", "B", "On", "bees"]
body_line = st.lists(st.sampled_from(WORDS), min_size=6, max_size=11).map(" ".join)
short_line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
number_line = st.integers(1, 30).flatmap(
    lambda n: st.sampled_from([str(n), f"({n})", f"- {n} -", f"{n}."])
)
line = st.one_of(body_line, body_line, body_line, short_line, number_line)
flat_texts = st.lists(line, min_size=3, max_size=80).map(lambda ls: "\n".join(ls) + "\n")
PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _labelled(text: str):
    lines = split_lines(text)
    return lines, label_lines(lines, Config(), "en")


def _neighbours(blank: list[bool], i: int) -> list[int]:
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blank) and blank[j]:
            j += step
        if 0 <= j < len(blank):
            out.append(j)
    return out


def _noted(labels: LineLabels, rule: str) -> list[int]:
    """The lines the named rule labelled."""
    return [i for i, (name, _, _) in labels.notes.items() if name == rule]


@PROPS
@given(flat_texts)
def test_a_twin_head_stands_beside_a_page_number(text: str) -> None:
    lines, labels = _labelled(text)
    for i in _noted(labels, "running-head-twin"):
        assert labels.roles[i] is Role.PAGE_HEADER
        assert any(labels.roles[j] is Role.PAGE_NUMBER for j in _neighbours(lines.blank, i))


@PROPS
@given(flat_texts)
def test_a_catch_word_across_has_its_twin_below(text: str) -> None:
    lines, labels = _labelled(text)
    for i in _noted(labels, "catch-word-across"):
        word = lines.texts[i].strip()
        assert any(t.strip().startswith(word) for t in lines.texts[i + 1 :])


@PROPS
@given(flat_texts)
def test_a_framed_page_number_run_counts_up(text: str) -> None:
    lines, labels = _labelled(text)
    runs = sorted(i for i, note in labels.notes.items() if note[0] == "page-number-run")
    for i in runs:
        value, shape = number_shape(lines.texts[i]) or (None, None)
        assert value is not None
        partners = [
            j
            for j in runs
            if j != i
            and abs(j - i) >= RUN_GAP
            and (number_shape(lines.texts[j]) or (0, ""))[1] == shape
            and abs((number_shape(lines.texts[j]) or (0, ""))[0] - value) == 1
        ]
        assert partners, (i, lines.texts[i])
