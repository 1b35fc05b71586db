"""Public API, rule documentation, and the bundled example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import load_cases
from invariants import assert_nothing_lost

import reflow

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "newspaper-page.txt"


def test_public_api_exports() -> None:
    assert set(reflow.__all__) >= {"reflow", "Config", "Document", "Block", "Decision", "Role"}
    for name in reflow.__all__:
        assert getattr(reflow, name) is not None


def test_config_is_immutable_and_validated() -> None:
    cfg = reflow.Config()
    with pytest.raises(AttributeError):
        cfg.language = "de"  # type: ignore[misc]
    with pytest.raises(ValueError):
        reflow.Config(decode_errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        reflow.reflow("x", no_such_option=True)


def test_every_rule_that_fires_is_documented() -> None:
    doc_text = (ROOT / "docs" / "algorithm.md").read_text(encoding="utf-8")
    doc_text += (
        (ROOT / "docs" / "structure.md").read_text(encoding="utf-8")
        if (ROOT / "docs" / "structure.md").exists()
        else ""
    )
    documented = set(re.findall(r"`([a-z0-9-]+)`", doc_text))
    fired = set()
    inputs = [c["input"] for c in load_cases("constructed.json")]
    inputs.append(EXAMPLE.read_text(encoding="utf-8"))
    for text in inputs:
        fired |= {d.rule for d in reflow.reflow(text).decisions}
    assert fired - documented == set()


def test_example_page() -> None:
    doc = reflow.reflow(EXAMPLE.read_bytes())
    assert doc.language == "en"
    text = doc.to_text()
    for healed in (
        "visitors came to the old harbour",
        "highest since the event began.",
        "the traditional flat boats are made, and a well-known choir",
        "The Harbour Restoration Trust used the day",
        "spring of 2025-26.",
        "a market for regional produce and a programme for schools",
        "from the surrounding villages.",
    ):
        assert healed in text
    assert doc.blocks[-1].text == "New bridge opens to cyclists"
    assert doc.blocks[-1].role is reflow.Role.HEADING
    assert_nothing_lost(doc)


def test_decisions_replay_offsets() -> None:
    """An explanation can be replayed: removing the recorded hyphens from the lines of a block
    and joining as the decisions say gives the block's text."""
    source = EXAMPLE.read_text(encoding="utf-8")
    doc = reflow.reflow(source)
    for d in doc.decisions:
        if d.removed >= 0:
            assert source[d.removed] in "-\u00ad\u2010\u00ac\u2e17"
        if d.action in (reflow.Action.JOIN, reflow.Action.BREAK):
            assert source[d.offset - 1] != " "
