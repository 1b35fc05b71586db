"""Numbered section titles (``heading-numbered``) and run-on captions that stop short
(structure/headings.py, structure/captions.py), on text shaped like pdftotext -raw prints
born-digital manuals: no blank lines, one printed line per line."""

from __future__ import annotations

from reflow.config import Config
from reflow.lines import split_lines
from reflow.structure import label_lines
from reflow.structure.headings import section_numbers

BODY = (
    "The installer copies every file of the distribution to the disk and then builds the\n"
    "formats that the engines need, which takes a few minutes on a slow machine at most.\n"
)


def _labels(text: str) -> list[tuple[str | None, str | None]]:
    labels = label_lines(split_lines(text), Config(), "en")
    return [
        (str(r) if r else None, labels.notes[i][0] if r else None)
        for i, r in enumerate(labels.roles)
    ]


def test_sections_numbered_in_sequence_are_headings() -> None:
    text = (
        BODY
        + "2.4 Other engines\n"
        + BODY
        + BODY
        + "2.5 Other notable programs in the distribution\n"
        + BODY
    )
    got = _labels(text)
    assert got[2] == ("heading", "heading-numbered")
    assert got[7] == ("heading", "heading-numbered")
    assert all(role is None for role, _ in got[:2] + got[3:7] + got[8:])


def test_a_number_without_its_sequence_is_not_vouched_for() -> None:
    text = BODY + "2.5 Other notable programs in the distribution\n" + BODY
    assert ("heading", "heading-numbered") not in _labels(text)


def test_an_enumerated_list_is_not_a_run_of_headings() -> None:
    items = "1. Install the package\n2. Run the installer\n3. Build the formats\n"
    got = _labels(BODY + items + BODY)
    assert ("heading", "heading-numbered") not in got


def test_a_run_in_title_stays_in_its_paragraph() -> None:
    text = (
        BODY
        + "3.1. The title. You give it with the command\n"
        + BODY
        + BODY
        + "3.2. The date. This is straightforward\n"
        + BODY
    )
    assert ("heading", "heading-numbered") not in _labels(text)


def test_section_number_readings() -> None:
    assert section_numbers("VI.5. Cross-referencing") == ((("r", 6), ("d", 5)),)
    assert section_numbers("B.3.3 Web2c 7") == ((("l", 2), ("d", 3), ("d", 3)),)
    assert section_numbers("I. INTRODUCTION") == ((("l", 9),), (("r", 1),))
    assert section_numbers("I think so") == ()
    assert section_numbers("1999 was a year") == ()


def _after_body(*caption_lines: str) -> str:
    """Four body paragraphs, ``caption_lines``, then a body paragraph of two full lines (lines
    8, 9... are the caption's; the paragraph after it starts right below)."""
    return (
        BODY * 4
        + "".join(line + "\n" for line in caption_lines)
        + "Unlike loading the package with options, you can also set options with this\n"
        + "command, which the configuration file may use as well, once or many times over.\n"
        + BODY
    )


def test_a_run_on_caption_stops_at_its_short_last_line() -> None:
    got = _labels(
        _after_body(
            "Table 4: The main screen of the text installer, the button Advanced gives one like",
            "in figure 5",
        )
    )
    assert got[8] == ("caption", "caption-prefix")
    assert got[9] == ("caption", "caption-block")
    assert got[10] == (None, None) and got[11] == (None, None)


def test_a_run_on_caption_abstains_before_a_section_title() -> None:
    got = _labels(
        _after_body("Table 4: The range of the options", "8.4 Applying the package options")
    )
    assert got[8] == ("caption", "caption-prefix")
    assert all(role != "caption" for role, _ in got[9:])
