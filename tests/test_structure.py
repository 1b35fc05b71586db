"""Tests of stage 3 (the reflow.structure package): labels, pages, evidence, negatives.

The data-driven cases live in tests/cases/structure (see the README there): each ``NAME.txt``
is raw extractor-shaped text, ``NAME.labels`` lists every line that must be labelled, with its
role.  Every other line must stay unlabelled (body).  Lines marked ``?`` are known misses: they
are checked in a separate ``xfail(strict=True)`` test so that a fix is noticed.
"""

from __future__ import annotations

import re
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflow import Document, reflow
from reflow.config import Config
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import LineLabels, article_starts, joins_previous, label_lines
from reflow.structure.furniture import infer_pages, page_number

CASES = Path(__file__).parent / "cases" / "structure"
RULE_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _read_case(name: str) -> tuple[str, dict[str, str], dict[int, Role], dict[int, Role]]:
    """``(text, meta, expected, known_misses)`` of one case; line numbers are 1-based."""
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    texts = split_lines(text).texts
    meta: dict[str, str] = {}
    expected: dict[int, Role] = {}
    misses: dict[int, Role] = {}
    for raw in (CASES / f"{name}.labels").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        if not raw.strip():
            continue
        target = expected
        if raw.startswith("? "):
            target, raw = misses, raw[2:]
        number, role, content = raw.split(" ", 2)
        line = int(number)
        # The label file names the text too, so that an edit of the case is caught here.
        assert texts[line - 1].strip() == content, f"{name}.labels line {line} is stale"
        target[line] = Role(role)
    return text, meta, expected, misses


CASE_NAMES = sorted(p.stem for p in CASES.glob("*.labels"))


def _labels(text: str, language: str) -> LineLabels:
    return label_lines(split_lines(text), Config(), language)


def _actual(labels: LineLabels) -> dict[int, Role]:
    return {i + 1: r for i, r in enumerate(labels.roles) if r is not None}


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case_labels(name: str) -> None:
    text, meta, expected, misses = _read_case(name)
    labels = _labels(text, meta["language"])
    actual = {k: v for k, v in _actual(labels).items() if k not in misses}
    assert actual == expected
    assert max(labels.pages) + 1 == int(meta["pages"])


KNOWN_MISSES = [n for n in CASE_NAMES if _read_case(n)[3]]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=_read_case(n)[1]["known-miss"]))
        for n in KNOWN_MISSES
    ],
)
def test_case_known_misses(name: str) -> None:
    text, meta, _, misses = _read_case(name)
    labels = _labels(text, meta["language"])
    assert {k: v for k, v in _actual(labels).items() if k in misses} == misses


def test_cases_exist_in_four_languages() -> None:
    languages = {_read_case(n)[1]["language"] for n in CASE_NAMES}
    assert {"en", "de", "fr", "es"} <= languages


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_label_has_named_rule_and_evidence(name: str) -> None:
    text, meta, _, _ = _read_case(name)
    labels = _labels(text, meta["language"])
    for i, role in enumerate(labels.roles):
        if role is None:
            assert i not in labels.notes
            continue
        assert role is not Role.PARAGRAPH
        rule, evidence, confidence = labels.notes[i]
        assert RULE_NAME.fullmatch(rule), rule
        assert evidence
        assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize("name", CASE_NAMES)
def test_pages_are_monotone(name: str) -> None:
    text, meta, _, _ = _read_case(name)
    pages = _labels(text, meta["language"]).pages
    assert pages[0] == 0
    assert all(0 <= b - a <= 1 for a, b in pairwise(pages))


# --- must-not-change negatives, spelled out ----------------------------------------------------


def _roles(text: str, language: str = "en") -> list[Role | None]:
    return _labels(text, language).roles


def test_column_break_inside_sentence_is_not_a_heading() -> None:
    # The shared example's shape: pdfminer leaves a space on every wrapped line.
    text = (
        "providing important economic, social and \n"
        "humanitarian assistance to the people and \n"
        "government of the country.\n"
        "\n"
        "The Japan International Cooperation \n"
        "\n"
        "Agency has been implementing projects \n"
        "in areas of the Kyrgyz Republic for many \n"
        "years, aimed at improving infrastructure.\n"
    )
    assert _roles(text) == [None] * 9


def test_column_break_without_trailing_space_is_not_a_heading() -> None:
    # Same break, an extractor that strips trailing spaces: the line is too wide for a
    # heading of its column (0.83 of it) and the document says "Cooperation Agency" elsewhere.
    text = (
        "The Japan International Cooperation Agency\n"
        "works in many countries of the region.\n"
        "\n"
        "The Japan International Cooperation\n"
        "\n"
        "Agency has been implementing projects in\n"
        "areas of the Kyrgyz Republic for many years.\n"
    )
    assert _roles(text) == [None] * 7


def test_short_dialogue_is_not_a_heading() -> None:
    text = "“Are you coming?” she asked.\n\n“In a minute”\n\n— Not yet\n\nHe did not move at all.\n"
    assert set(_roles(text)) == {None}


def test_last_line_of_paragraph_is_not_a_heading() -> None:
    text = (
        "The rain had not stopped\nfor nine days and nights.\nIt rained.\nThe river rose again.\n"
    )
    assert set(_roles(text)) == {None}


def test_numbered_list_is_not_page_numbers() -> None:
    pages = ["Repairs, in this order:\n1\nClear the canal.\n2\nFix the gates.\n3\n", "4\nPay.\n5\n"]
    assert set(_roles("\x0c".join(pages))) == {None}


def test_line_repeated_once_in_body_is_not_a_running_head() -> None:
    pages = [
        "The honey trade began in the valleys east of the capital.\n"
        "Buyers came from Tokyo and Osaka every spring.\n"
        "It was the last week of April.\n"
        "The first trucks left for the railway at dawn.\n"
        "Nobody expected the river to rise so early.\n",
        "By noon the ford was closed to every vehicle.\n"
        "The drivers waited on the far bank with the jars.\n"
        "It was the last week of April.\n"
        "Some of them slept in the cabs of their trucks.\n"
        "The water fell again two days later.\n",
    ]
    assert set(_roles("\x0c".join(pages))) == {None}


def test_list_of_short_title_lines_is_not_headings() -> None:
    text = "We bought three things.\nApples\nPears\nPlums\nThen we went home.\n"
    assert set(_roles(text)) == {None}


# --- positives, spelled out --------------------------------------------------------------------


def test_headline_at_page_end_belongs_to_next_article() -> None:
    text = "the last sentence of the story.\n\nExports, trade opportunities creating buzz\n"
    labels = _labels(text, "en")
    assert labels.roles == [None, None, Role.HEADING]
    assert labels.notes[2][0] == "headline-at-page-end"


def test_headline_wrapped_to_two_lines() -> None:
    text = (
        "The last sentence of the old story ends here. \nIt goes on for a line or two more.\n\n"
        "Exports, trade opportunities \ncreating buzz\n\n"
        "The Kyrgyz Republic exports honey, wool and \nmetals to Japan, and the trade grows \n"
        "every year, officials said on Monday.\n"
    )
    labels = _labels(text, "en")
    assert [labels.roles[i] for i in (3, 4)] == [Role.HEADING, Role.HEADING]
    assert [labels.notes[i][0] for i in (3, 4)] == ["heading-block", "heading-block-continued"]
    assert [joins_previous(labels, i) for i in (3, 4)] == [False, True]
    assert [r for i, r in enumerate(labels.roles) if i not in (3, 4)] == [None] * 7


def test_two_line_column_fragment_is_not_a_heading() -> None:
    # The block ends in a space: the sentence goes on in the next column.
    text = (
        "The last sentence of the old story ends here. \nIt goes on for a line or two more.\n\n"
        "Both countries have large, untapped \npotential for \n\n"
        "Further development, and the key task is to \nbuild ties based on trust.\n"
    )
    assert set(_roles(text)) == {None}


def test_paragraph_healed_across_page_furniture_end_to_end() -> None:
    # "compatriots living" / page foot / page number / running head / "in Japan." (pdfminer).
    page1 = (
        "THE DAILY EXAMPLE \n\nFirst of all, I would like to thank the paper \n"
        "for its support and the chance to address \nits readers along with my compatriots \n"
        "living \n\nSpecial Supplement \n\n7\n"
    )
    page2 = (
        "THE DAILY EXAMPLE \n\nin Japan. On Jan. 26 our two countries marked \n"
        "thirty years of relations, and the Interna-\n\nSpecial Supplement \n\n8\n"
    )
    page3 = "THE DAILY EXAMPLE \n\ntional Year of Mountains began.\n\nSpecial Supplement \n\n9\n"
    doc = reflow("\x0c".join([page1, page2, page3]), language="en")
    assert doc.paragraphs == [
        "First of all, I would like to thank the paper for its support and the chance to "
        "address its readers along with my compatriots living in Japan. On Jan. 26 our two "
        "countries marked thirty years of relations, and the International Year of Mountains "
        "began."
    ]
    roles = [b.role for b in doc.blocks]
    assert roles.count(Role.PAGE_HEADER) == 3
    assert roles.count(Role.PAGE_FOOTER) == 3
    assert roles.count(Role.PAGE_NUMBER) == 3
    assert "Special Supplement" not in doc.to_text()
    assert "Special Supplement" in doc.to_text(keep_furniture=True)


def test_wide_line_at_page_end_that_goes_on_is_not_a_headline() -> None:
    # pdftotext -raw (no trailing spaces): the last line of page 1 starts a paragraph that
    # continues on page 2 with a capitalised name.
    page1 = (
        "The board met on Monday to discuss the plan for the canals of the valley.\n"
        "It agreed to meet again in the autumn, after the harvest is in.\n\n"
        "Members of the board said they had written to the Japan International\n"
    )
    page2 = "Cooperation Agency, which has promised to help with the cost of the work.\n"
    assert set(_roles(page1 + "\x0c" + page2)) == {None}


def test_glued_page_number_in_running_head() -> None:
    pages = [f"THE DAILY EXAMPLE — Regional News {n}\nBody line of page {n}.\n" for n in (7, 8, 9)]
    labels = _labels("\x0c".join(pages), "en")
    assert labels.roles[0] is Role.PAGE_HEADER
    assert "page number 7 on the same line" in labels.notes[0][1]


def test_page_of_pages_on_a_single_page() -> None:
    labels = _labels("Body text of the only page.\nPage 7 of 40\n", "en")
    assert labels.roles == [None, Role.PAGE_NUMBER]


def test_odd_and_even_heads_differ() -> None:
    heads = ["A HISTORY OF BEES", "CHAPTER TWO: THE HIVE"]
    bodies = [
        "The queen lays two thousand eggs a day.",
        "Drones have no sting and do no work.",
        "Every cell of the comb is a hexagon.",
        "Wax is made by the youngest workers.",
        "Honey is nectar thickened by fanning.",
        "In winter the bees cluster and shiver.",
    ]
    text = "\x0c".join(f"{heads[n % 2]}\n{b}\n{n + 1}\n" for n, b in enumerate(bodies))
    labels = _labels(text, "en")
    for i, raw in enumerate(split_lines(text).texts):
        line = raw.strip()  # a form feed opens the first line of each page
        if line in heads:
            assert labels.roles[i] is Role.PAGE_HEADER
        elif line.isdigit():
            assert labels.roles[i] is Role.PAGE_NUMBER
        elif line:
            assert labels.roles[i] is None


def test_detect_structure_off_labels_nothing() -> None:
    labels = label_lines(
        split_lines("HEADLINE\nBody.\n- 3 -\n"), Config(detect_structure=False), "en"
    )
    assert labels.roles == [None, None, None]
    assert labels.notes == {}


def test_empty_input() -> None:
    labels = label_lines(split_lines(""), Config(), "en")
    assert labels.roles == [] and labels.pages == []


def test_article_starts_headline_and_deck_are_one_article() -> None:
    text = (
        "The old story ends here.\n\nNew Markets Open\nExporters Look East\nBy Jane Doe\n"
        "The first exports left this week for Tokyo, the buyers said.\n\nSECOND STORY\n"
        "Another story begins with a sentence here.\n"
    )
    lines = split_lines(text)
    labels = label_lines(lines, Config(), "en")
    assert [labels.roles[i] for i in (2, 3, 4)] == [Role.HEADING] * 3
    assert article_starts(labels, lines) == [2, 7]


# --- page numbers and page inference -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", (7, "arabic")),
        ("- 7 -", (7, "dashed")),
        ("— 12 —", (12, "dashed")),
        ("Page 7 of 40", (7, "worded")),
        ("Seite 3 von 12", (3, "worded")),
        ("Página 4", (4, "worded")),
        ("xiv", (14, "roman")),
        ("XL", (40, "roman")),
        ("7.", None),
        ("iiii", None),
        ("mild", None),
        ("12345", None),
    ],
)
def test_page_number_shapes(text: str, expected: tuple[int, str] | None) -> None:
    assert page_number(text) == expected


def test_no_inference_from_numbered_list() -> None:
    text = "".join(f"{n}\nItem number {n} of the list.\n" for n in range(1, 40))
    _, count, why = infer_pages(split_lines(text))
    assert count == 1 and why == ""


def test_inference_needs_three_occurrences() -> None:
    body = "".join(f"Body line {k} of a page.\n" for k in range(15))
    text = f"MY BOOK\n{body}MY BOOK\n{body}"
    assert infer_pages(split_lines(text))[1] == 1


# --- determinism, robustness, linearity --------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                " ",
                "THE DAILY EXAMPLE 7",
                "Page 3 of 9",
                "- 4 -",
                "By Jane Doe",
                "Photo: A cat.",
                "Source: Eurostat",
                "(Reuters)",
                "Some body text that goes on and on ",
                "It ended.",
                "New Rules For Water",
                "HEADLINE",
                "xiv",
                "12",
                "\x0c",
                "— Not yet",
                "Sus-",
                "tainable",
            ]
        ),
        max_size=60,
    )
)
def test_invariants_on_random_documents(parts: list[str]) -> None:
    text = "\n".join(parts)
    lines = split_lines(text)
    first = label_lines(lines, Config(), "en")
    again = label_lines(split_lines(text), Config(), "en")
    assert first == again  # deterministic
    assert len(first.roles) == len(first.pages) == len(lines)
    for i, role in enumerate(first.roles):
        assert role is not Role.PARAGRAPH
        assert (role is None) == (i not in first.notes)
        if role is not None:
            assert not lines.blank[i]


def test_adversarial_lines_take_linear_time() -> None:
    nasty = [
        " " * 50_000 + "7",
        "Continued " + "a" * 50_000 + " page 7",
        "Photo" + " " * 50_000 + ":",
        "(" * 50_000,
        "By " + "Jane " * 20_000,
        "REUTERS/" + "x" * 50_000,
    ]
    start = time.perf_counter()
    for line in nasty:
        label_lines(split_lines(f"Body.\n{line}\nMore body.\n"), Config(), "en")
    assert time.perf_counter() - start < 2.0


# --- end to end: the core consumes the labels --------------------------------------------------


def _read_blocks(name: str) -> tuple[dict[str, str], list[str], list[tuple[int, str]]]:
    """``(meta, paragraphs, headings)`` expected from ``reflow`` on case *name*."""
    meta: dict[str, str] = {}
    paragraphs: list[str] = []
    headings: list[tuple[int, str]] = []
    for raw in (CASES / f"{name}.blocks").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            meta[key.strip()] = value.strip()
        elif raw.startswith("paragraph\t"):
            paragraphs.append(raw.split("\t", 1)[1])
        elif raw.startswith("heading\t"):
            _, article, text = raw.split("\t", 2)
            headings.append((int(article), text))
        elif raw.strip():
            raise ValueError(f"{name}.blocks: cannot read {raw!r}")
    return meta, paragraphs, headings


E2E_NAMES = sorted(p.stem for p in CASES.glob("*.blocks"))


def _e2e_params(kind: str) -> list[object]:
    params: list[object] = []
    for name in E2E_NAMES:
        reason = _read_blocks(name)[0].get(f"xfail-{kind}")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, marks=marks))
    return params


def _reflow_case(name: str) -> Document:
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    language = _read_case(name)[1]["language"]
    return reflow(text, language=language)


@pytest.mark.parametrize("name", _e2e_params("paragraphs"))
def test_e2e_paragraphs(name: str) -> None:
    _, paragraphs, _ = _read_blocks(name)
    assert _reflow_case(name).paragraphs == paragraphs


@pytest.mark.parametrize("name", _e2e_params("headings"))
def test_e2e_headings_and_articles(name: str) -> None:
    _, _, headings = _read_blocks(name)
    doc = _reflow_case(name)
    assert [(b.article, b.text) for b in doc.blocks if b.role is Role.HEADING] == headings


@pytest.mark.parametrize("name", E2E_NAMES)
def test_e2e_nothing_lost_and_furniture_kept(name: str) -> None:
    # Every labelled line is in exactly one block of its role: labelled, never deleted.
    doc = _reflow_case(name)
    lines = split_lines(doc.source)
    labels = label_lines(lines, Config(), doc.language)
    where = {i: b.role for b in doc.blocks for i in b.lines}
    for i, role in enumerate(labels.roles):
        if not lines.blank[i]:
            assert where[i] is (role or Role.PARAGRAPH)
    assert doc.to_text(keep_furniture=True).count("\n") >= doc.to_text().count("\n")


_WORDS = "honey comb queen drone wax nectar meadow river bridge truck jar horse buyer".split()  # noqa: SIM905


def _book(pages: int) -> str:
    """A book with odd/even running heads, a caption and a page number on every page; no two
    body lines alike, even with digits masked (words are drawn by line number)."""
    out = []
    n = 0
    for p in range(1, pages + 1):
        head = f"{p} A HISTORY OF BEES" if p % 2 == 0 else f"CHAPTER ONE: THE HIVE {p}"
        body = []
        for _ in range(20):
            w = [_WORDS[(n // len(_WORDS) ** k) % len(_WORDS)] for k in range(4)]
            body.append(f"The {w[0]} and the {w[1]} met the {w[2]} by the {w[3]} at last.")
            n += 1
        caption = f"Photo: The {_WORDS[p % len(_WORDS)]} of the {_WORDS[(p // 13) % 13]}."
        out.append(f"{head}\n" + "\n".join(body) + f"\n{caption}\n{p}\n")
    return "\x0c".join(out)


@pytest.mark.parametrize("form_feeds", [True, False])
def test_furniture_work_grows_linearly_with_pages(
    monkeypatch: pytest.MonkeyPatch, form_feeds: bool
) -> None:
    # A deterministic stand-in for timing: count the line comparisons of the furniture pass.
    import reflow.structure.furniture as furniture

    calls = 0
    original = furniture.similar

    def counting(a: str, b: str) -> str | None:
        nonlocal calls
        calls += 1
        return original(a, b)

    monkeypatch.setattr(furniture, "similar", counting)
    counts = []
    for pages in (50, 200):
        calls = 0
        text = _book(pages) if form_feeds else _book(pages).replace("\x0c", "")
        labels = label_lines(split_lines(text), Config(), "en")
        assert max(labels.pages) + 1 == pages
        assert sum(r is Role.PAGE_HEADER for r in labels.roles) == pages
        assert sum(r is Role.PAGE_NUMBER for r in labels.roles) == pages
        assert sum(r is Role.CAPTION for r in labels.roles) == pages
        assert sum(r is not None for r in labels.roles) == 3 * pages  # no body line labelled
        counts.append(calls)
    assert counts[1] <= 4 * counts[0] * 1.05


def test_every_structure_rule_is_in_the_decision_table() -> None:
    table = (Path(__file__).parent.parent / "docs" / "structure.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", table))
    fired: set[str] = set()
    for name in CASE_NAMES:
        text, meta, _, _ = _read_case(name)
        fired |= {rule for rule, _, _ in _labels(text, meta["language"]).notes.values()}
    assert len(fired) >= 12  # the cases exercise most rules
    assert fired - documented == set()


def test_no_headline_first_without_a_page_head() -> None:
    """The first line of a text is a headline only under a page head (masthead, date line):
    a text that starts mid-article keeps its open first line as body."""
    text = (CASES / "en-first-headline-pypdf.txt").read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]  # the same page without its head line
    assert _actual(_labels(text, "en")) == {1: Role.PAGE_HEADER, 2: Role.HEADING}
    assert _actual(_labels(body, "en")) == {}


def test_question_headline_needs_a_byline() -> None:
    """A question is a headline over a byline; the same question between two paragraphs is a
    one-line paragraph (dialogue, an interview) and stays body."""
    head = "Who buys the honey?\nBy Jane Doe\nThe cooperative sold most of its honey this year.\n"
    assert _labels(head, "en").notes[0][0] == "headline-over-byline"
    body = (
        "The cooperative sold most of its honey this year.\nWho buys the honey?\n"
        "Buyers in the capital pay more than the traders at the market.\n"
    )
    assert _actual(_labels(body, "en")) == {}


def test_colon_inside_a_heading_needs_its_case() -> None:
    """ "Secure Remote Login:" / "SSH" over body is one heading (title case); a sentence that
    ends in a colon over a short list item stays body."""
    body = [
        "The cooperative sold most of its honey",
        "to buyers in the capital this year, and",
        "a few jars went abroad to Japan.",
    ] * 4
    heading = ["Secure Remote Login:", "SSH"]
    listing = ["The steps are:", "Open the hive"]
    after = ["The frames come out one by one and", "are checked for the queen and her eggs."]
    text = "\n".join(body + heading + after + body + listing + after + body) + "\n"
    labels = _labels(text, "en")
    found = {i + 1 for i, r in enumerate(labels.roles) if r is Role.HEADING}
    assert found == {13, 14}


def test_head_keys_in_a_batch_are_head_key_line_by_line() -> None:
    """furniture.head_keys (one batch of joined lines, for speed) gives head_key of each line,
    on random lines of spaces, capitals with special lower cases (final sigma, dotted I),
    digits and other whitespace."""
    import random

    from reflow.structure.furniture import head_key, head_keys

    rng = random.Random(7)
    alphabet = "ab AΣς\t\u00a0\u2028\x0c12#İ-"
    for _ in range(3000):
        texts = [
            "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
            for _ in range(rng.randrange(1, 7))
        ]
        assert head_keys(texts) == [head_key(t) for t in texts], texts
    assert head_keys(["a\nb", "C 3"]) == [head_key("a\nb"), "c"]  # a line end inside a line
