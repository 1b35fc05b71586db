"""Text that is not body (reflow.structure.nonbody): real cases, constructed ones, a property."""

from __future__ import annotations

import pytest
from conftest import known_failures, load_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import assert_nothing_lost

import reflow
from reflow import Role

#: Roles of text that is neither body nor page furniture.
NON_BODY = frozenset(
    {Role.OTHER, Role.FRONT_MATTER, Role.CODE, Role.TABLE, Role.FORMULA, Role.REFERENCE}
)

REAL = load_cases("real_nonbody.json")
REAL_FAILURES = load_cases("real_nonbody_known_failures.json")


def _labelled(text: str) -> tuple[reflow.Document, dict[int, str]]:
    """Reflow English ``text``; the document and, per labelled line, the rule that labelled it."""
    doc = reflow.reflow(text, language="en")
    return doc, {d.line: d.rule for d in doc.decisions if d.action is reflow.Action.LABEL}


def _check(case: dict) -> None:
    doc = reflow.reflow(case["input"], language=case["lang"])
    assert doc.paragraphs == case["paragraphs"]
    assert [b.text for b in doc.blocks if b.role is not Role.PARAGRAPH] == case["nonbody"]
    fired = {d.rule for d in doc.decisions}
    for rule in case["rules"]:
        assert rule in fired, f"rule {rule} did not fire; fired: {sorted(fired)}"
    # Kept in the blocks, left out of the clean text.
    text = doc.to_text()
    for block in doc.blocks:
        if block.role in NON_BODY:
            assert block.text not in text
    assert_nothing_lost(doc)


@pytest.mark.parametrize("case", REAL, ids=[c["id"] for c in REAL])
def test_real_nonbody(case: dict) -> None:
    _check(case)


@known_failures(REAL_FAILURES)
def test_real_nonbody_known_failures(case: dict) -> None:
    _check(case)


def test_real_cases_cover_every_rule() -> None:
    rules = {r for c in REAL for r in c["rules"]}
    assert rules >= {
        "contents-leader",
        "contents-entry",
        "contents-numbered",
        "code-syntax",
        "table-cells",
        "formula-symbols",
        "reference-entry",
    }


def test_code_inside_a_paragraph_is_healed_across() -> None:
    """A code line in the middle of a sentence: labelled, and the sentence stays one paragraph
    (the boundary stage heals across a labelled line when the text goes on in lower case)."""
    text = (
        "The checks of the class look at the source before the paper is sent.\n"
        "To ensure this, the arXiv recommends that every author of a paper puts\n"
        "\\pdfoutput=1\n"
        "within the first five lines of the main file, or the check fails.\n"
    )
    doc = reflow.reflow(text, language="en")
    assert doc.paragraphs == [
        "The checks of the class look at the source before the paper is sent. "
        "To ensure this, the arXiv recommends that every author of a paper puts within the "
        "first five lines of the main file, or the check fails."
    ]
    assert [(b.role, b.text) for b in doc.blocks if b.role is Role.CODE] == [
        (Role.CODE, "\\pdfoutput=1")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Use the \\emph command to stress a word in a sentence.",  # one command in prose
        "These include \\mbox, \\fbox, \\parbox, and the others.",  # commands named in a list
        "The price rose to $3,346 in the year 1875 = a record.",
        "level commands \\def, \\edef, and \\gdef.",
        "Fig. 1 shows 5 < 6 in the plot.",
    ],
)
def test_prose_lines_stay_body(line: str) -> None:
    text = f"A first line of ordinary prose that runs on\n{line}\nand a last line of prose.\n"
    doc = reflow.reflow(text, language="en")
    assert not [b for b in doc.blocks if b.role in NON_BODY], doc.blocks


def test_listing_lines_with_few_code_words_join_the_listing() -> None:
    """code-run: the lines of a listing next to its code lines, with one sign of code each, are
    code too; the lead-in above and the sentence after stay body, and a numbered heading right
    under the listing is a heading (the lead-in's colon does not hold it in the paragraph)."""
    text = (
        "A list is written with the commands of the environment as follows:\n"
        "\\begin{itemize}\n"
        "\\item two\n"
        "\\item[*] three\n"
        "\\end{itemize}\n"
        "12.1 Shortcut Addresses\n"
        "Another aspect of urls: the web server supports a shortcut mechanism for them,\n"
        "which the guide explains in the next few lines of this section.\n"
    )
    doc, rules = _labelled(text)
    code = [b.text for b in doc.blocks if b.role is Role.CODE]
    assert code == ["\\begin{itemize}", "\\item two", "\\item[*] three", "\\end{itemize}"], (
        doc.blocks
    )
    assert rules[1] == "code-syntax" and rules[2] == rules[3] == "code-run"
    assert [b.text for b in doc.blocks if b.role is Role.HEADING] == ["12.1 Shortcut Addresses"]
    assert doc.paragraphs[0].startswith("A list is written")


def test_lead_in_between_two_listings_stays_body() -> None:
    """An open line between two listings is the second one's lead-in, not a heading.

    The pattern of texlive-pdf's amshelp page (pdftotext -raw): once code-run took the last
    line of the second listing ("for new authors}"), heading-short read the lead-in between the
    listings as a heading and its words left the paragraphs (the hyphen count lost them)."""
    text = (
        "A paper for the journal starts with the class file, which is loaded by the first line\n"
        "of the source file; the class then knows how the pages of the journal are set, which\n"
        "fonts they use, how wide the text block is, and where the running heads are printed.\n"
        "Most of what the class does needs no help from you, but a few of its commands ask for\n"
        "words that only the author can give, and this section shows how to give each of them.\n"
        "The class file sets the layout of the paper, and the commands below fill in the parts\n"
        "of the first page that the class prints for you: the title, the authors and their ad-\n"
        "dresses, and the date when the paper was received by the editors of the journal.\n"
        "The title. You give the title of the paper with the command\n"
        "\\title[Short running title]{Full title}\n"
        "This guide used the title command\n"
        "\\title[Running head]{Getting started with\\\\\n"
        "for new authors}\n"
        "Notice that a double backslash breaks the title into lines; if I had wanted one long\n"
        "title line, then I would have left the double backslash out of the command, and the\n"
        "class would have set the whole title on one line of the first page of the paper.\n"
    )
    doc, rules = _labelled(text)
    assert rules[12] == "code-run", rules
    assert [b.text for b in doc.blocks if b.role is Role.HEADING] == [], doc.blocks
    assert "This guide used the title command" in doc.paragraphs, doc.paragraphs
    assert any("their addresses, and" in p for p in doc.paragraphs), doc.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "funktioniert wie mit \\MakeBlockQuote.",  # a sentence that ends here
        "of the \\author command; contributors' \\address,",  # goes on after a comma
        "3.1.2 La commande \\documentclass",  # a numbered heading
    ],
)
def test_prose_beside_a_listing_stays_body(line: str) -> None:
    text = f"\\usepackage{{fontenc}}\n{line}\nand the text of the paragraph goes on from here.\n"
    doc, rules = _labelled(text)
    assert rules.get(1) != "code-run", doc.blocks


def test_contents_lines_with_leaders_and_no_page_numbers() -> None:
    """pdfminer prints a table of contents' page numbers as a column of their own: the titles
    end in their leaders (contents-leader)."""
    text = (
        "Contents\n"
        "3.1.5 The text installer . . . . . . . . . . . . . . . . . . . .\n"
        "3.1.6 The graphical installer . . . . . . . . . . . . . . . . .\n"
        "System font configuration for XeTeX and LuaTeX . . . . . . . .\n"
        "\n"
        "The text runs on and trails off . . . as a sentence may.\n"
    )
    doc, rules = _labelled(text)
    assert [rules.get(i) for i in range(4)] == ["contents-title", *["contents-leader"] * 3]
    assert doc.paragraphs == ["The text runs on and trails off . . . as a sentence may."]


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # A drop capital under a heading (ocrd-structure, aepinus_bekentnis_1548).
        (
            "Van dem minſchen na dem valle.\nD\nAt Cpitel van dem minſchen vor dem valle / Alſo\n"
            "wider gan.\n",
            True,
        ),
        ("Gnaͤdigſter Chur-Fuͤrſt und Herꝛ.\n\nV\n\nOr. Ew. Churf. Durchl. bringe ich\n", True),
        # The raised A of the LaTeX logo, which pdftotext prints as a line of its own.
        ("The current version of AMS-L\nA\nTeX is the one we describe here.\n", False),
        ("The class is loaded. Then L\nA\nTeX reads the file.\n", False),
        # "I" alone is a roman numeral (tapuscorpus), even over a word it would open.
        ("Premier chapitre.\nI\nN DEM Anfang war das Wort.\n", False),
        # A letter over a letter: no word opens under it.
        ("Cells.\nN\nM\n", False),
    ],
)
def test_drop_capitals(text: str, dropped: bool) -> None:
    doc = reflow.reflow(text, language="de")
    rules = {d.rule for d in doc.decisions if d.action is reflow.Action.LABEL}
    assert ("drop-capital" in rules) is dropped, doc.blocks
    assert_nothing_lost(doc)


def test_reference_list_under_its_title() -> None:
    text = (
        "The last paragraph of the paper ends here.\n"
        "References\n"
        "[1] D. Knuth. The TeXbook. Addison-Wesley, 1984.\n"
        "[2] L. Lamport. LaTeX: a document preparation system.\n"
        "Addison-Wesley, 1994.\n"
        "[3] F. Mittelbach. The LaTeX Companion.\n"
    )
    doc = reflow.reflow(text, language="en")
    assert doc.paragraphs == ["The last paragraph of the paper ends here."]
    assert [b.text for b in doc.blocks if b.role is Role.HEADING] == ["References"]
    assert len([b for b in doc.blocks if b.role is Role.REFERENCE]) == 4


def test_two_numbered_lines_are_no_reference_list() -> None:
    text = (
        "References\n"
        "1. The first point is made in a sentence that runs on over the line\n"
        "and ends here.\n"
    )
    doc = reflow.reflow(text, language="en")
    assert not [b for b in doc.blocks if b.role is Role.REFERENCE]


def test_markdown_fences_code_and_quotes_tables() -> None:
    text = "Cells follow.\n\n1.5\n(14)\n7.9\n(31)\n\nThe end.\n"
    md = reflow.reflow(text, language="en").to_markdown()
    assert "> 1.5" in md and "> (31)" in md
    assert "1.5" not in reflow.reflow(text, language="en").to_text()


# Lines of the shapes the rules look for, mixed with prose and separators: whatever the rules
# decide, every character stays in exactly one block.
NONBODY_PIECES = [
    "1.1 History . . . . . . . . 3",
    "2 Use 5",
    "Contents",
    "\\usepackage[T1]{fontenc}",
    "> kpsewhich tex.pro",
    "% a comment",
    "(135)",
    "0.146",
    "·",
    "a = b",
    "Xα ≈",
    "2.2.4 Title of a section",
    "The river festival was approved.",
    "and the living in Japan",
    "Sus-",
    "tainable",
]
mixed = st.lists(
    st.tuples(st.sampled_from(NONBODY_PIECES), st.sampled_from(["\n", "\n", "\n\n", " \n"])),
    max_size=40,
).map(lambda pairs: "".join(p + s for p, s in pairs))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_nothing_lost_with_nonbody_roles(text: str) -> None:
    doc = reflow.reflow(text, language="en")
    assert_nothing_lost(doc)
    # Clean text holds only paragraphs and headings.
    shown = {b.text for b in doc.blocks if b.role in (Role.PARAGRAPH, Role.HEADING) and b.text}
    out = doc.to_text()
    assert all(t in out for t in shown)


def test_adversarial_lines_take_linear_time() -> None:
    """Lines built against the non-body patterns (a leader without a number, brackets and
    slashes without an end) stay linear: a quadratic search took seconds on these."""
    import time

    from reflow.config import Config
    from reflow.lines import split_lines
    from reflow.structure import label_lines

    nasty = [
        ". " * 25_000 + "x",
        "." * 50_000 + " 3",
        "[" * 50_000,
        "[" + "a" * 50_000,
        "REUTERS/" + "x" * 50_000,
        "a/" * 25_000,
        "\\" * 50_000,
        "1.1 " * 12_000,
        "a(" * 25_000,
        "/a." * 25_000,
        "x=" * 25_000,
        "References\n" + "[1] a\n" * 5_000,
    ]
    start = time.perf_counter()
    for line in nasty:
        label_lines(split_lines(f"Body.\n{line}\nMore body.\n"), Config(), "en")
        # Beside a code line, where rule_code_run tries its weaker signs of code.
        label_lines(split_lines(f"\\usepackage{{a}}\n{line}\n"), Config(), "en")
    assert time.perf_counter() - start < 2.0
