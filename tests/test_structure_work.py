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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflow.config import Config
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import edges, furniture, label_lines, nonbody, pagefoot, view

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


_TITLES = ("2.1 Scope of the work", "3.4.1 Methods", "A.2 Appendix tables", "1.2. Results")
_OTHER = ("The body goes on here, as prose does.", "", "2 Overview")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TITLES + _OTHER), max_size=40))
def test_numbered_runs_match_the_per_line_definition(texts: list[str]) -> None:
    """rule_contents visits only the lines its section-number match opens (issue 10); the runs
    it labels stay those of the per-line definition: at least MIN_NUMBERED_RUN consecutive
    non-blank lines that pass _numbered."""
    lines = split_lines("\n".join(texts) + "\n")
    labels = view.LineLabels([None] * len(lines), [0] * len(lines))
    doc = view.DocView(lines, labels, "en", 12, *view.measure(lines))
    nonbody.rule_contents(doc)
    got = {i for i, note in labels.notes.items() if note[0] == "contents-numbered"}
    want: set[int] = set()
    run: list[int] = []
    for i, text in enumerate([*lines.texts, "end"]):
        if i < len(lines) and lines.blank[i]:
            continue
        if i < len(lines) and nonbody._numbered(text.strip()):
            run.append(i)
            continue
        if len(run) >= nonbody.MIN_NUMBERED_RUN:
            want.update(run)
        run = []
    assert got == want


@pytest.mark.parametrize("odd", ["\u00a0", "  ", "\t"])
def test_captions_found_on_lines_that_need_normalising(odd: str) -> None:
    """rule_captions picks its candidates with the regex alone when no line holds a doubled
    space or a character that is not printable; a line that does (no-break space, tab) is
    still tested on its normalised text."""
    prose = _prose()
    caption = f"Photo:{odd}Jane Doe for the paper"
    text = prose + "\nThe last paragraph ends here.\n\n" + caption + "\n\nMore body follows.\n"
    lines = split_lines(text)
    at = lines.texts.index(caption)
    labels = label_lines(lines, Config(), "en")
    assert labels.roles[at] is Role.CAPTION
    assert labels.notes[at][0] == "caption-prefix"


def test_a_few_dozen_phrase_questions_without_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document of a few pages asks a few dozen phrase questions (the evaluation corpus:
    1..45 a document); a search of its phrase text answers each for far less than the pair
    index costs to build (140..250 searches, view.PHRASE_SCANS), so none is built here (at
    the earlier budget of 8 searches this document built one)."""
    built = _counting(monkeypatch, view.PairIndex, "__init__")
    asked = _counting(monkeypatch, view, "has_phrase")
    label_lines(split_lines(_prose()), Config(), "en")
    assert 8 < asked[0] < view.PHRASE_SCANS
    assert built[0] == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789ivxlcIVXLCİı.,;:)][ \t\u00a0-aB—\u0663", max_size=14))
def test_numbered_head_candidates_hold_every_numbered_head(text: str) -> None:
    """rule_numbered_heads runs _head_number only on the lines its C-level pattern picks (the
    first word, or the last word read backwards, a number token): every line for which
    _head_number finds a number is among them."""
    if edges._head_number(text) is not None:
        assert edges._NUMBER_WORD_FIRST.match(text) or edges._NUMBER_WORD_FIRST.match(text[::-1])


def test_numbered_heads_found_with_candidates_picked() -> None:
    """Running heads with a page number at either end are still labelled (texlive-pdf and
    impact-bhl shapes: "6 Schwarz et al.", "BULIMUS.—PLATE V.")."""
    pages = []
    for k in range(6):
        head = f"{k + 6} Schwarz et al." if k % 2 else f"BULIMUS.—PLATE {'IV' if k < 3 else 'V'}"
        pages.append(head + "\n\n" + _prose().split("\x0c")[0])
    text = "\n".join(pages)
    lines = split_lines(text)
    labels = label_lines(lines, Config(), "en")
    heads = {
        lines.texts[i] for i, note in labels.notes.items() if note[0] == "running-head-numbered"
    }
    assert heads == {"7 Schwarz et al.", "9 Schwarz et al.", "11 Schwarz et al."}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "The ", "Jour, "]),
    st.sampled_from(["Vol.", "VOL.", "No.", "Bd.", "vol", "Heft"]),
    st.text(alphabet="0123456789IVXLCivxlcİı\u0663x. \t", max_size=6),
)
def test_volume_line_candidates_hold_every_volume_line(before: str, word: str, end: str) -> None:
    """The volume-line rule tests only the lines that end with a number's last character (a
    full stop aside), picked in C: every line that _VOLUME_LINE takes is among them."""
    text = before + word + end
    t = " ".join(text.split())
    if pagefoot._VOLUME_LINE.fullmatch(t):
        last = pagefoot._LAST_CHAR(text.rstrip().removesuffix("."))
        assert pagefoot._VOLUME_NUMBER_END.fullmatch(last)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Nr.", "NR. ", "Jahrgang", "Nummer ", "Vol.", ". ", "A/", " ", "x"])
        | st.text(st.characters(blacklist_categories=("Nd", "Cs")), max_size=4),
        max_size=8,
    )
)
def test_issue_hits_need_a_digit(pieces: list[str]) -> None:
    """label_masthead counts issue hits only on lines with a digit (a C-level search first):
    every issue hit holds one, so a line without a digit has none."""
    text = "".join(pieces)
    assert furniture._ISSUE.search(text) is None
