"""Work that must grow linearly with the document: counted, not timed.

A search of the whole document per line pair (the phrase test of the structure stage) or a
tokenisation of the whole document per word asked (the word counts of the hyphen stage) made
reflow quadratic on long documents (issue 10).  These tests count the characters such searches
scan on a document and on the same document twice as long: the count must about double, not
quadruple.  Timings are for bench/; counts do not depend on the machine.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import reflow
from reflow import profile
from reflow.config import Config
from reflow.lexicon import SCAN_BUDGET, DocumentVocabulary
from reflow.lines import split_lines
from reflow.structure import label_lines, view

CASES = Path(__file__).parent / "cases" / "structure"


def _pages() -> str:
    """The committed structure cases (real extractor output, see their README), as pages."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CASES.glob("*.txt"))]
    return "\x0c".join(t if t.endswith("\n") else t + "\n" for t in texts)


def _phrase_work(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(phrase questions asked, characters of phrase text scanned) when labelling ``text``."""
    seen: dict[int, view.DocView] = {}
    calls = 0
    has_phrase = view.has_phrase

    def counting(doc: view.DocView, last: str, first: str) -> bool:
        nonlocal calls
        calls += 1
        seen[id(doc)] = doc
        return has_phrase(doc, last, first)

    monkeypatch.setattr(view, "has_phrase", counting)
    label_lines(split_lines(text), Config(), "en")
    monkeypatch.setattr(view, "has_phrase", has_phrase)
    assert len(seen) <= 1
    work = sum(doc.phrase_work for doc in seen.values())
    return calls, work


def test_phrase_search_work_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    once = _pages() * 4
    calls1, work1 = _phrase_work(once, monkeypatch)
    calls2, work2 = _phrase_work(once + "\x0c" + once, monkeypatch)
    # The document asks enough questions to pass the search budget, so the index is used.
    assert calls1 > view.PHRASE_SCANS
    assert 1.8 <= calls2 / calls1 <= 2.2
    # Searching the whole text per question would scan calls x length: 4x for 2x the text.
    assert work2 / work1 <= 2.3
    phrase_chars = len(once)  # an upper bound of the phrase text's length
    assert work1 <= (view.PHRASE_SCANS + 1) * phrase_chars


def test_pair_index_answers_as_the_search() -> None:
    """The pair index gives the substring search's answer on every pair asked."""
    text = _pages()
    lines = split_lines(text)
    labels = label_lines(lines, Config(), "en")
    phrases = view.phrase_text(lines, labels)
    pairs = view.PairIndex(phrases)
    words = phrases.split()
    rng = random.Random(3)
    asked = [(words[k], words[k + 1]) for k in rng.sample(range(len(words) - 1), 400)]
    asked += [(rng.choice(words), rng.choice(words)) for _ in range(400)]
    found = 0
    for last, first in asked:
        expected = f" {last} {first} " in phrases
        assert ((last, first) in pairs) is expected, (last, first)
        found += expected
    assert 200 < found < len(asked) - 200  # both answers are tested, many times


def test_word_counts_scan_linearly() -> None:
    """Asking for many words scans the text at most SCAN_BUDGET times, then indexes it."""
    text = split_lines(_pages()).source
    vocab = DocumentVocabulary(text)
    for k in range(200):
        vocab.count(f"notaword{k}")
    assert vocab._scanned <= SCAN_BUDGET * len(text)
    assert vocab.count("the") == DocumentVocabulary(text).count("the") > 0
    fresh = DocumentVocabulary(text)
    assert fresh.count("notaword") == 0 and fresh._words is None  # a scan, no index


def test_long_document_same_blocks_as_its_parts_joined() -> None:
    """The pair index (used on the long document) does not change the answers: the long
    document's output is the same whichever way the phrase questions are answered."""
    text = _pages() * 4
    with_index = reflow.reflow(text).to_json()
    old = view.PHRASE_SCANS
    try:
        view.PHRASE_SCANS = 10**9  # search the text for every question, as before
        searched = reflow.reflow(text).to_json()
    finally:
        view.PHRASE_SCANS = old
    assert with_index == searched


def _profile_work(text: str) -> tuple[int, int]:
    """(body lines, full-line lengths sorted) when the profile measures ``text`` and then is
    asked for the column of every body line (more than the boundary rules ask)."""
    lines = split_lines(text)
    body = [i for i in range(len(lines)) if not lines.blank[i]]
    prof = profile.measure(lines.texts, lines.blank, lines.pages, body)
    for k in range(len(body)):
        prof.column(k)
    columns = prof._windows.values()  # one sort per window position
    return len(body), sum(c.lines if c else profile.MIN_FULL_LINES for c in columns)


def test_profile_work_is_linear() -> None:
    """The document profile (reflow/profile.py) sorts a window of fixed size per line at most
    once: its work doubles with the document and stays within the window per line."""
    once = _pages() * 4
    lines1, work1 = _profile_work(once)
    lines2, work2 = _profile_work(once + "\x0c" + once)
    assert lines2 == 2 * lines1 and work1 > lines1  # windows of several lines were sorted
    assert 1.8 <= work2 / work1 <= 2.2
    assert work2 <= 2 * profile.WIDTH_WINDOW * lines2


def test_word_before_is_the_bounded_search() -> None:
    """lexicon._word_before (one match on the reversed window) gives what the bounded search
    for a run of letters ending at the hyphen gave, on random text with long runs."""
    import re

    from reflow import lexicon

    search = re.compile(r"[^\W\d_]+\Z").search
    rng = random.Random(5)
    alphabet = "ab-\u2010 1_é\nÄ²ſ"
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        text = "x" * rng.choice((0, 63, 64, 65, 70)) + text + "y" * rng.choice((0, 64, 66)) + "-"
        for pos in range(len(text) + 1):
            m = search(text, max(0, pos - lexicon.WORD_BEFORE_CHARS), pos)
            assert lexicon._word_before(text, pos) == (m.group() if m else ""), (text, pos)
            checked += 1
    assert checked > 100_000


def test_language_detection_reads_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document's language is scored on at most SAMPLE_CHARS characters however long the
    document is (on the evaluation corpus detection is a fifth of the whole pipeline already),
    and a paragraph's own language on at most BLOCK_SAMPLE_CHARS of it."""
    from reflow import language

    scored: list[int] = []
    tally = language._tally

    def counting(text: str) -> language._Tally:
        scored.append(len(text))
        return tally(text)

    monkeypatch.setattr(language, "_tally", counting)
    once = _pages() * 4
    assert len(once) > 2 * language.SAMPLE_CHARS
    language.detect_languages(once)
    short = sum(scored)
    scored.clear()
    language.detect_languages(once + "\x0c" + once)
    assert sum(scored) == short  # a document twice as long: the same characters scored
    # Case folding may lengthen a character to three ("ß" -> "ss"): the bound is 3x the sample.
    assert 0 < short <= 3 * language.SAMPLE_CHARS
    scored.clear()
    doc = reflow.reflow(once + "\x0c" + once)
    paragraphs = sum(b.role is reflow.Role.PARAGRAPH for b in doc.blocks)
    sample = doc.source[: language.SAMPLE_CHARS].casefold()
    per_document = scored[: len(language._segments(sample))]
    per_paragraph = scored[len(per_document) :]
    assert 0 < len(per_paragraph) <= paragraphs  # the pages mix languages: paragraphs are asked
    assert all(n <= 3 * language.BLOCK_SAMPLE_CHARS for n in per_paragraph)


def test_is_caps_shortcut_same_answer() -> None:
    """is_caps's early rejection (lower case among the first characters) answers as the full
    count of capitals and lower-case letters, on random mixtures of every length around it."""
    from reflow.structure import words

    def counted(text: str) -> bool:
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
        return upper + lower >= 3 and upper >= 0.9 * (upper + lower)

    rng = random.Random(11)
    alphabet = "ABCDÉΣabcdéσ 1-.ǅ"
    outcomes = set()
    for _ in range(20000):
        n = rng.randint(0, 3 * words.CAPS_HEAD)
        caps = rng.random()
        text = "".join(
            rng.choice(alphabet[:6]) if rng.random() < caps else rng.choice(alphabet[6:])
            for _ in range(n)
        )
        assert words.is_caps(text) == counted(text), text
        outcomes.add(counted(text))
    assert outcomes == {True, False}


def _lone_numbers_text(pages: int) -> str:
    """Pages without form feeds, each ending in a page number alone on its line; the numbers
    repeat (5, 6, 5, 6, ...), so every 5 has every later 6 as a partner."""
    body = "\n".join(f"Line {k} of a body paragraph that runs on and on" for k in range(12))
    return "".join(f"{body}\n\n{5 + p % 2}\n\n" for p in range(pages))


def test_lone_page_number_partners_work_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """rule_lone_furniture's partner search (a page number further on that continues the
    sequence) compared every number line with every other: quadratic in the number lines.
    Counted: the distance checks it makes double with the document, and the numbers are found."""
    from reflow.model import Role
    from reflow.structure import lone

    calls = 0
    apart = lone._apart

    def counting(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return apart(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(lone, "_apart", counting)
    counts = []
    for pages in (100, 200):
        calls = 0
        labels = label_lines(split_lines(_lone_numbers_text(pages)), Config(), "en")
        numbered = [i for i, r in enumerate(labels.roles) if r is Role.PAGE_NUMBER]
        assert len(numbered) == pages
        counts.append(calls)
    assert counts[0] >= 45  # a check for each 5 (the 6s have no larger number after them)
    assert 1.8 <= counts[1] / counts[0] <= 2.2  # all pairs would be 4x


def _partners_by_pairs(doc: view.DocView, found: list[tuple[int, int]]) -> dict[int, str]:
    """The partner search as it was: every number line against every later one (quadratic),
    the reference that lone._partners must answer like."""
    from reflow.structure import lone

    out: dict[int, str] = {}
    for i, v in found:
        for j, w in found:
            if j > i and 1 <= w - v <= lone.MAX_PAGES_APART and not lone._near(doc, i, j):
                out[i] = f"page number {v} alone on its line; {w} on line {j + 1} follows it"
                out[j] = f"page number {w} alone on its line; {v} on line {i + 1} precedes it"
    return out


def test_lone_page_number_partners_answer_as_all_pairs() -> None:
    """lone._partners gives the all-pairs search's evidence on random number lines."""
    from reflow.structure import lone
    from reflow.structure.view import LineLabels, measure

    rng = random.Random(10)
    for _ in range(200):
        n = rng.randrange(2, 120)
        texts = ["" if rng.random() < 0.3 else "body" for _ in range(n)]
        lines = split_lines("\n".join(texts) + "\n")
        doc = view.DocView(lines, LineLabels([None] * n, [0] * n), "en", 12, *measure(lines))
        picked = sorted(rng.sample(range(n), rng.randrange(1, min(n, 30) + 1)))
        found = [(i, rng.randrange(1, 12)) for i in picked]
        assert lone._partners(doc, found) == _partners_by_pairs(doc, found)


class _CountingTexts(list):
    """A line table's texts that count the lines read one at a time (``texts[i]``); C-level
    passes (``str.split``, iteration) are not counted, and do not grow per boundary."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            _CountingTexts.reads += 1
        else:
            _CountingTexts.reads += len(range(*i.indices(len(self))))
        return super().__getitem__(i)


def _core_line_reads(text: str) -> tuple[int, int]:
    """(lines, line texts read one at a time) by the core stages (no structure stage: the
    boundaries, the profile and the assembly) on ``text``."""
    from reflow.pipeline import reflow_lines

    lines = split_lines(text)
    lines.texts = _CountingTexts(lines.texts)
    _CountingTexts.reads = 0
    doc = reflow_lines(lines, Config(detect_structure=False))
    assert doc.blocks  # the document was reflowed
    return len(lines), _CountingTexts.reads


def test_core_line_reads_are_linear() -> None:
    """The boundary stage, the document profile (measured in chunks) and the assembly read
    each line a bounded number of times: a scan of the lines per boundary (a window that
    grows with the page, a search back for the paragraph start) would make the reads of a
    document twice as long four times as many."""
    once = _pages() * 4
    lines1, reads1 = _core_line_reads(once)
    lines2, reads2 = _core_line_reads(once + "\x0c" + once)
    assert 1.9 <= lines2 / lines1 <= 2.1
    assert reads1 > lines1  # every line is read, some several times
    assert reads2 / reads1 <= 2.2
    # A few reads per line (5.2 on these pages: the line table, the profile, the
    # boundaries and the assembly each read a line about once).
    assert reads2 <= 8 * lines2
