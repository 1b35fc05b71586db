"""Data-driven cases from tests/cases (see the README there)."""

from __future__ import annotations

import pytest
from conftest import known_failures, load_cases

import reflow

CONSTRUCTED = load_cases("constructed.json") + load_cases("constructed_languages.json")
NEGATIVES = load_cases("negatives.json")
KNOWN_FAILURES = (
    load_cases("known_failures.json")
    + load_cases("extractor_known_failures.json")
    + load_cases("real_known_failures.json")
    + load_cases("real_structure_known_failures.json")
)
REAL_STRUCTURE = load_cases("real_structure.json")
REAL_HYPHENS = load_cases("real_hyphens.json")
REAL_BOUNDARIES = load_cases("real_boundaries.json")
EXTRACTOR = load_cases("extractor.json")


def _check(case: dict) -> None:
    lang = "auto" if case["lang"] not in ("und",) and not case.get("force_lang") else case["lang"]
    doc = reflow.reflow(case["input"], language=lang, **case.get("options", {}))
    if lang == "auto" and case["lang"] != "ru":
        assert doc.language == case["lang"], doc.language_evidence
    assert doc.paragraphs == case["paragraphs"]
    fired = {d.rule for d in doc.decisions}
    for rule in case.get("rules", []):
        assert rule in fired, f"rule {rule} did not fire; fired: {sorted(fired)}"
    if "uncertain" in case:
        assert sum(d.uncertain for d in doc.decisions) == case["uncertain"]
    if "headings" in case:
        assert [b.text for b in doc.blocks if b.role is reflow.Role.HEADING] == case["headings"]


@pytest.mark.parametrize("case", CONSTRUCTED, ids=[c["id"] for c in CONSTRUCTED])
def test_constructed(case: dict) -> None:
    _check(case)


@pytest.mark.parametrize("case", EXTRACTOR, ids=[c["id"] for c in EXTRACTOR])
def test_real_extractor_output(case: dict) -> None:
    _check({**case, "force_lang": True})


@pytest.mark.parametrize("case", REAL_STRUCTURE, ids=[c["id"] for c in REAL_STRUCTURE])
def test_real_page_structure(case: dict) -> None:
    _check(case)


@pytest.mark.parametrize("case", REAL_BOUNDARIES, ids=[c["id"] for c in REAL_BOUNDARIES])
def test_real_page_boundaries(case: dict) -> None:
    _check(case)


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["id"] for c in NEGATIVES])
def test_must_not_change(case: dict) -> None:
    doc = reflow.reflow(case["input"])
    assert doc.to_text() == case["input"]
    assert not any(d.action is reflow.Action.DEHYPHENATE for d in doc.decisions)


@known_failures(KNOWN_FAILURES)
def test_known_failures(case: dict) -> None:
    _check(case)


def test_case_ids_unique() -> None:
    ids = [c["id"] for c in CONSTRUCTED + NEGATIVES + KNOWN_FAILURES + EXTRACTOR + REAL_BOUNDARIES]
    assert len(ids) == len(set(ids))
    assert len(CONSTRUCTED) >= 40
    assert {c["lang"] for c in EXTRACTOR} >= {"en", "de", "fr", "es", "it", "nl"}


@pytest.mark.parametrize("case", REAL_HYPHENS, ids=[c["id"] for c in REAL_HYPHENS])
def test_real_hyphens(case: dict) -> None:
    """Line-end hyphens cut from the real pages, with the word's truth from the source."""
    _check(case)
