"""The real extractor output in ../shared/examples (not ours to commit, so read in place).

CI runs in a clone with a copy of shared/ beside it; a checkout without it skips these tests
and pytest reports them as skipped.  Only short snippets of the page are written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from invariants import assert_nothing_lost

import reflow

PAGE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "newspaper-page.txt"
pytestmark = pytest.mark.skipif(not PAGE.exists(), reason=f"{PAGE} is not there")


@pytest.fixture(scope="module")
def doc() -> reflow.Document:
    return reflow.reflow(PAGE.read_bytes())


def test_paragraphs(doc: reflow.Document) -> None:
    paragraphs = doc.paragraphs
    assert len(paragraphs) == 10
    # Each paragraph starts and ends where the author's does.
    starts = [p.split()[:3] for p in paragraphs]
    assert starts[0] == ["First", "of", "all,"]
    assert starts[1] == ["On", "Jan.", "26,"]
    assert starts[2] == ["The", "Japan", "International"]
    assert starts[3][:2] == ["The", "Kyrgyz"]
    assert all(p.endswith((".", ".”")) for p in paragraphs)


def test_hyphens(doc: reflow.Document) -> None:
    removed = [d for d in doc.decisions if d.action is reflow.Action.DEHYPHENATE]
    assert len(removed) == 7
    text = " ".join(doc.paragraphs)
    for word in (
        "readers",
        "participate",
        "participating",
        "contract",
        "General",
        "Sustainable",
        "collaboration",
    ):
        assert f" {word} " in f" {text} "
    assert "-" not in "".join(w for w in text.split() if w[:1].islower())


def test_column_breaks_healed(doc: reflow.Document) -> None:
    text = " ".join(doc.paragraphs)
    assert "compatriots living in Japan." in text
    assert "Republic and Japan celebrated" in text
    assert "Cooperation Agency has" in text
    assert "Year of Sustainable Mountain" in text


def test_headline_not_in_a_paragraph(doc: reflow.Document) -> None:
    last = doc.blocks[-1]
    assert last.role is reflow.Role.HEADING
    assert last.text.startswith("Exports, trade")
    assert not any("Exports, trade" in p for p in doc.paragraphs)


def test_nothing_lost_and_idempotent(doc: reflow.Document) -> None:
    assert_nothing_lost(doc)
    once = doc.to_text()
    assert reflow.reflow(once).to_text() == once
