"""The metrics score what they claim to, on small hand-made cases (constructed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflow.metrics import (
    Counts,
    Gold,
    Hyphen,
    Prediction,
    load_cases,
    main,
    score,
    tokens,
)

GOLD = Gold(
    paragraphs=["The plan was approved by the well-known board.", "It met on page two."],
    headings=["Board news"],
    furniture=["The Gazette", "7"],
    hyphens=[Hyphen("approved", join=True), Hyphen("well-known", join=False)],
)


def test_tokens_keep_inner_hyphens_and_apostrophes() -> None:
    assert tokens("l’homme well-known ap- proved") == ["l’homme", "well-known", "ap", "-", "proved"]


def test_perfect_prediction_scores_perfectly() -> None:
    c = score(Prediction(list(GOLD.paragraphs), headings=["Board news"]), GOLD)
    assert (c.wer, c.exact, c.boundary_f1, c.hyphen, c.heading_recall, c.leakage) == (
        0.0,
        1.0,
        1.0,
        1.0,
        1.0,
        0.0,
    )


def test_spacing_is_not_scored_words_are() -> None:
    pred = Prediction(["The plan was approved by the well-known board .", "It met on page two."])
    assert score(pred, GOLD).wer == 0.0


def test_hyphen_errors_are_counted_by_kind() -> None:
    pred = Prediction(["The plan was ap-proved by the wellknown board.", "It met on page two."])
    c = score(pred, GOLD)
    assert (c.join_total, c.join_right, c.keep_total, c.keep_right) == (1, 0, 1, 0)
    assert c.wer == pytest.approx(2 / 15)


def test_hyphen_word_also_elsewhere_is_not_double_counted() -> None:
    gold = Gold(paragraphs=["approved and approved"], hyphens=[Hyphen("approved", join=True)])
    # The unbroken occurrence stays; the broken one was left as two halves.
    c = score(Prediction(["approved and ap proved"]), gold)
    assert (c.join_total, c.join_right) == (1, 0)


def test_merged_paragraphs_lose_a_boundary() -> None:
    c = score(Prediction([" ".join(GOLD.paragraphs)]), GOLD)
    assert (c.boundary_tp, c.boundary_fp, c.boundary_fn) == (0, 0, 1)
    assert c.exact == 0.0


def test_split_paragraph_is_a_false_boundary() -> None:
    pred = Prediction(["The plan was approved", "by the well-known board.", "It met on page two."])
    c = score(pred, GOLD)
    assert (c.boundary_tp, c.boundary_fp, c.boundary_fn) == (1, 1, 0)
    assert c.exact == 0.5


def test_furniture_inside_a_paragraph_leaks() -> None:
    pred = Prediction(
        ["The plan was approved by the The Gazette 7 well-known board.", "It met on page two."]
    )
    c = score(pred, GOLD)
    assert (c.furniture_total, c.furniture_leaked) == (2, 2)
    assert c.leakage == 1.0


def test_page_number_also_in_prose_is_not_leakage() -> None:
    gold = Gold(paragraphs=["Chapter 7 begins."], furniture=["7"])
    assert score(Prediction(["Chapter 7 begins."]), gold).furniture_leaked == 0


def test_no_heading_labels_means_no_heading_score() -> None:
    assert score(Prediction(list(GOLD.paragraphs)), GOLD).heading_recall is None


def test_counts_add_up_and_peak_is_a_maximum() -> None:
    a, b = (
        Counts(cases=1, gold_words=10, peak_bytes=5),
        Counts(cases=2, word_errors=3, peak_bytes=9),
    )
    s = a + b
    assert (s.cases, s.gold_words, s.word_errors, s.peak_bytes) == (3, 10, 3, 9)


def _write_case(root: Path) -> None:
    case = root / "pdflatex" / "en" / "doc-1"
    case.mkdir(parents=True)
    (case / "pdftotext-raw.txt").write_text(
        "Board news\nThe plan was ap-\nproved by the well-\nknown board.\nIt met on page two.\n"
        "The Gazette 7\n",
        encoding="utf-8",
    )
    (case / "gold.json").write_text(
        json.dumps(
            {
                "id": "doc-1",
                "language": "en",
                "typesetter": "pdflatex",
                "paragraphs": list(GOLD.paragraphs),
                "headings": [{"text": "Board news"}],
                "furniture": list(GOLD.furniture),
                "extractions": {
                    "pdftotext-raw": {
                        "file": "pdftotext-raw.txt",
                        "hyphens": [
                            {"word": "approved", "join": True},
                            {"word": "well-known", "join": False},
                        ],
                    }
                },
            }
        ),
        encoding="utf-8",
    )


def test_load_cases_reads_the_documented_format(tmp_path: Path) -> None:
    _write_case(tmp_path)
    (case,) = load_cases(tmp_path)
    assert case.suite == "pdflatex/pdftotext-raw"
    assert case.language == "en"
    assert case.gold.hyphens[1] == Hyphen("well-known", join=False)


def test_command_prints_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_case(tmp_path)
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| pdflatex/pdftotext-raw |" in out
    assert "| en |" in out


def test_command_says_what_to_do_with_no_cases(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 2
