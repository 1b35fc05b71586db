"""Memory-saving paths of the core stages give the answers of the plain code they replace.

The document vocabulary lower-cases the text in slices (lower-casing a whole non-ASCII text
takes 12 bytes a character for a moment), and the document profile strips the body lines a
chunk at a time: both must be exactly what one pass over the whole text gave.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflow import lexicon, profile
from reflow.lexicon import DocumentVocabulary
from reflow.lines import split_lines

#: Letters whose lower case depends on their neighbours (the final sigma) or is longer than
#: the letter ("İ"), spaces where slices are cut, and other whitespace where they are not.
ALPHABET = "ΣΑσςaAİß \n\t\u00a0-'.ẞ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.integers(min_value=1, max_value=9))
def test_lowered_slices_are_the_whole_lower(text: str, size: int) -> None:
    old = lexicon._SLICE
    lexicon._SLICE = size  # tiny slices: many cuts, next to every kind of character
    try:
        pieces = lexicon._lowered_slices(text)
    finally:
        lexicon._SLICE = old
    assert "".join(pieces) == text.lower()
    # Every cut is before a space (the slices after the first start with one).
    assert all(p.startswith(" ") for p in pieces[1:])


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=ALPHABET, max_size=60),
    st.text(alphabet="σΣaAİ -", min_size=1, max_size=4),
    st.integers(min_value=1, max_value=6),
)
def test_word_test_on_slices_is_the_whole_text_test(text: str, word: str, size: int) -> None:
    """DocumentVocabulary.count's "not in the text at all" answer (before any index) is the
    substring test on the whole lower-cased text."""
    old = lexicon._SLICE
    lexicon._SLICE = size
    try:
        vocab = DocumentVocabulary(text)
        n = vocab.count(word)
    finally:
        lexicon._SLICE = old
    key = word.lower().replace("\u2010", "-")
    if key not in text.lower():
        assert n == 0
    else:
        assert n == DocumentVocabulary(text).count(word)


def _plain_measure(texts: list[str], body: list[int]) -> tuple[list[int], list[bool]]:
    """The profile's per-line facts (lengths, sentence ends) as one unchunked pass made them."""
    stripped = [texts[i].strip() for i in body]
    return [len(s) for s in stripped], [profile.is_terminal(s) for s in stripped]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 4096])
def test_profile_chunks_give_one_profile(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "A full line of text that goes \non and on to the end of the\ncolumn, and well-\n"
        "known things.  \n\x0cNext one starts here and is\nfull again. 12\n\nA new para-\n"
        "graph ends here.\n  indented line\n"
    ) * 5
    lines = split_lines(text)
    body = [i for i in range(len(lines)) if not lines.blank[i]]
    whole = profile.measure(lines.texts, lines.blank, lines.pages, body)
    monkeypatch.setattr(profile, "MEASURE_CHUNK", chunk)
    chunked = profile.measure(lines.texts, lines.blank, lines.pages, body)
    lengths, terminal = _plain_measure(lines.texts, body)
    assert chunked.lengths == whole.lengths == lengths
    assert chunked.full == whole.full
    assert chunked.hyphen_marks == whole.hyphen_marks == {"-": 2 * 5}
    assert (chunked.blank_ends, chunked.short_ends, chunked.indent) == (
        whole.blank_ends,
        whole.short_ends,
        whole.indent,
    )
    assert [chunked.column(k) for k in range(len(body))] == [
        whole.column(k) for k in range(len(body))
    ]
    assert sum(terminal) > 0
