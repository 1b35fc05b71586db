"""Speakers' names in a dialogue (``speaker-name``: structure/lone.py and boundaries.py), on a
scene written for this test in the shape of the typescripts of tapuscorpus: one printed line per
line, no blank lines, each speaker's name on a line of its own."""

from __future__ import annotations

import reflow
from reflow.config import Config
from reflow.lines import split_lines
from reflow.structure import label_lines

SCENE = (
    "The room is dark. A clock strikes nine and the wind\n"
    "goes round the house.\n"
    "ANNA\n"
    "Are you asleep?\n"
    "PAUL (without looking up)\n"
    "No. I was thinking of the\n"
    "sea and of the boat.\n"
    "ANNA\n"
    "Then come to the window.\n"
    "PAUL\n"
    "Not tonight, when the wind is up and\n"
    "the boats are all in the harbour.\n"
    "ANNA\n"
    "Why not? We could see the lights of\n"
    "the boats from here.\n"
    "PAUL\n"
    "Because the wind is up.\n"
)


def test_speakers_names_are_text_that_starts_each_turn() -> None:
    doc = reflow.reflow(SCENE, config=Config(language="en"))
    texts = [(str(b.role), b.text) for b in doc.blocks]
    assert ("paragraph", "ANNA Are you asleep?") in texts
    turn = "PAUL (without looking up) No. I was thinking of the sea and of the boat."
    assert ("paragraph", turn) in texts
    assert not [t for role, t in texts if role == "heading"]
    # Six names: a break before each and a join after each, all said by the rule.
    said = [d.action.value for d in doc.decisions if d.rule == "speaker-name"]
    assert sorted(said) == ["break"] * 6 + ["join"] * 6


def test_speakers_found_with_their_names() -> None:
    labels = label_lines(split_lines(SCENE), Config(), "en")
    assert labels.speakers == {
        2: "anna",
        4: "paul",
        7: "anna",
        9: "paul",
        12: "anna",
        15: "paul",
    }


def test_one_speaker_alone_is_no_dialogue() -> None:
    # A name that repeats without a second one (a list, a refrain) is left to the other rules.
    text = SCENE.replace("PAUL (without looking up)", "Paul looked up").replace("PAUL\n", "")
    labels = label_lines(split_lines(text), Config(), "en")
    assert labels.speakers == {}


def test_a_running_head_once_a_page_is_no_speaker() -> None:
    # Two titles that repeat a page apart (20 lines and more) are running heads, not turns.
    prose = "".join(
        f"Line {n} of a long page of prose that goes on without a break at all and\n"
        for n in range(20)
    )
    text = "".join(f"THE VOYAGE\n{prose}\fA TALE OF THE SEA\n{prose}\f" for _ in range(3))
    labels = label_lines(split_lines(text), Config(), "en")
    assert labels.speakers == {}
