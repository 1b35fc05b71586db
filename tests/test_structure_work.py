"""Work of the structure rules that must stay with the few lines that can pass: counted, not timed.

Rules that once ran a Python test on every line of a document (the code test splitting each
line and searching each word, the formula test, the page-foot word test; issue 10) now pick
their candidates in C or by searches over the whole text.  These tests count how often the
per-line tests run on a long document of prose with a few lines of each kind, and check the
answers stay right, so that a per-line loop coming back fails here, whatever the machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reflow.config import Config
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import label_lines, nonbody, pagefoot, view

CASES = Path(__file__).parent / "cases" / "structure"


def _prose() -> str:
    """The committed structure cases (real extractor output, see their README), as pages."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))]
    return "\x0c".join(t if t.endswith("\n") else t + "\n" for t in texts)


def _listing(k: int) -> str:
    """A code listing and a displayed formula (a different one each time: a line repeated
    alone is a running head, digits masked), set between paragraphs of the prose."""
    formula = ("a = c", "x ≤ y", "p ≠ q", "u ≈ v")[k]
    return (
        "\nLoad the package in the preamble with\n\\usepackage[T1]{fontenc}\n"
        f"\\usepackage{{lmodern}}\nand nothing else is needed.\n\n{formula}\n\n"
    )


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def counted(*args: object) -> object:
        calls[0] += 1
        return original(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_code_and_formula_tests_run_on_marked_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(_prose() + _listing(k) for k in range(4))
    texts = split_lines(text).texts
    code_calls = _counting(monkeypatch, nonbody, "_code")
    formula_calls = _counting(monkeypatch, nonbody, "_formula")
    labels = label_lines(split_lines(text), Config(), "en")
    # The answers: the listing's lines are code, its formula a formula, four times.
    codes = [texts[i] for i, r in enumerate(labels.roles) if r is Role.CODE]
    assert codes == ["\\usepackage[T1]{fontenc}", "\\usepackage{lmodern}"] * 4
    assert sum(r is Role.FORMULA for r in labels.roles) == 4
    # The work: the code test runs only on lines holding one of its characters (or a dash),
    # and on the first line; the formula test only on lines holding a relation sign.
    marked = sum(1 for t in texts if re.search(r"[\\{}&=/\[>$%-]", t))
    related = sum(1 for t in texts if nonbody._HAS_RELATION.search(t))
    assert len(texts) > 20 * marked
    assert 8 <= code_calls[0] <= marked + 1
    assert 4 <= formula_calls[0] <= related


def test_page_end_word_test_runs_on_short_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _prose() * 4
    lines = split_lines(text)
    calls = _counting(monkeypatch, pagefoot, "_page_end_word")
    label_lines(lines, Config(), "en")
    short = sum(1 for t in lines.texts if 0 < len(t.strip()) <= 40)
    assert len(lines) > 2 * short
    assert calls[0] <= short


class _CountingPattern:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.searches = 0

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, pos)


def test_lines_matching_searches_once_per_line_found() -> None:
    text = _prose() * 4
    lines = split_lines(text)
    # Several matches on a line: one search finds the line, the next starts on the line after.
    for chars in ("e", "(", "x", "qu"):
        pattern = _CountingPattern(re.escape(chars))
        found = view.lines_matching(lines, [pattern])
        assert found == [i for i, t in enumerate(lines.texts) if chars in t]
        assert pattern.searches <= len(found) + 1
        assert view.lines_matching(lines, [chars]) == found
    assert view.lines_matching(split_lines(""), ["e"]) == []
