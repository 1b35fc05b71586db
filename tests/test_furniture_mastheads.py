"""The masthead of a newspaper export without form feeds (issue 9, third furniture pass): the
imprint between the issue line and the issue's date, a later front page's issue line and its
repeated title, the issue line beside a worded page number; constructed examples of each rule
and of the guards that keep it off body text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflow.config import Config
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import label_lines

_W = ["Bienen", "Honig", "der", "Stock", "Imker", "Hang", "Mühle", "Wachs", "Königin", "Waben"]
#: Distinct body lines without digits, sentences that run on.
BODY = [
    " ".join(_W[(k * 7 + j * 3 + k // 10) % 10] for j in range(8))
    + f" {_W[k % 10]}{_W[k // 10 % 10].lower()}{_W[k // 100].lower()},"
    for k in range(300)
]

IMPRINT = [
    "Offizielles Organ.",
    "Die Zeitung erscheint wöchentlich und kostet",
    "ohne Zustellung 90 Pfg. Bestellungen bei den Postämtern",
    "und beim Verlag, Mannheim.",
    "Mannheim",
]


def _rules(text: str, language: str = "de") -> dict[str, str]:
    lines = split_lines(text)
    labels = label_lines(lines, Config(), language)
    return {lines.texts[i].strip(): note[0] for i, note in labels.notes.items()}


def _roles(text: str, language: str = "de") -> dict[str, Role | None]:
    lines = split_lines(text)
    labels = label_lines(lines, Config(), language)
    return {t.strip(): labels.roles[i] for i, t in enumerate(lines.texts) if t.strip()}


def test_the_imprint_under_the_issue_line_down_to_the_dated_line() -> None:
    text = "\n".join(["Nr. 2", "Jahrg. 1", *IMPRINT, "10. Januar", "1931", *BODY[:40]]) + "\n"
    rules = _rules(text)
    assert rules["Nr. 2"] == "masthead-block"
    for line in [*IMPRINT, "10. Januar", "1931"]:
        assert rules[line] == "masthead-imprint", line
    assert BODY[0] not in rules


def test_no_imprint_when_the_first_date_has_no_year() -> None:
    # An article's date line ("Berlin, 31. August.") under the issue line: the masthead ended
    # above it, and the article is body.
    text = "\n".join(["Nr. 2", "Jahrg. 1", *BODY[:3], "Berlin, 31. August.", *BODY[3:40]]) + "\n"
    rules = _rules(text)
    assert all(rules.get(b) != "masthead-imprint" for b in BODY[:3])


def test_no_imprint_without_a_date_in_reach() -> None:
    text = "\n".join(["Nr. 2", "Jahrg. 1", *BODY[:30], "10. Januar 1931", *BODY[30:60]]) + "\n"
    rules = _rules(text)
    assert all(rules.get(b) != "masthead-imprint" for b in BODY[:30])


def test_a_later_front_page_with_its_title_again() -> None:
    front = ["DAS BLATT", "Verlag: Mannheim, R 3.", "HAUPTAUSGABE 13. JAHRGANG NUMMER 91"]
    later = ["DAS BLATT", "Verlag: Mannheim, R 3.", "HAUPTAUSGABE 13. JAHRGANG NUMMER 92"]
    text = "\n".join(
        [
            *front,
            "DONNERSTAG, 1. APRIL 1943 EINZELPREIS 10 RPF.",
            *BODY[:60],
            *later,
            "FREITAG, 2. APRIL 1943 EINZELPREIS 10 RPF.",
            *BODY[60:120],
        ]
    )
    lines = split_lines(text + "\n")
    labels = label_lines(lines, Config(), "de")
    rule = {i: labels.notes[i][0] for i in labels.notes}
    at = {t: i for i, t in enumerate(lines.texts)}
    second = [i for i, t in enumerate(lines.texts) if t == "DAS BLATT"][1]
    assert rule[at["DONNERSTAG, 1. APRIL 1943 EINZELPREIS 10 RPF."]] == "masthead-imprint"
    assert rule[at["HAUPTAUSGABE 13. JAHRGANG NUMMER 92"]] == "masthead-issue"
    assert rule[at["FREITAG, 2. APRIL 1943 EINZELPREIS 10 RPF."]] == "masthead-imprint"
    assert rule[second] == "masthead-again"
    assert rule[second + 1] == "masthead-again"
    assert labels.roles[at[BODY[59]]] is None and labels.roles[at[BODY[60]]] is None


def test_a_reference_with_volume_and_number_is_no_issue_line() -> None:
    # Two issue hits, but with a comma (a reference) and no issue date under it.
    text = "\n".join([*BODY[:40], "J. Chem. Phys. Vol. 12, No. 3", *BODY[40:80]]) + "\n"
    assert _rules(text, "en").get("J. Chem. Phys. Vol. 12, No. 3") is None
    text = "\n".join([*BODY[:40], "Nr. 3", "Jahrg. 1", *BODY[40:80]]) + "\n"
    rules = _rules(text)
    assert rules.get("Nr. 3") is None and rules.get("Jahrg. 1") is None


def test_the_issue_line_beside_a_worded_page_number() -> None:
    text = "\n".join([*BODY[:40], "Nr. 3/1931", "Das Blatt", "Seite 3", *BODY[40:80]]) + "\n"
    rules = _rules(text)
    assert rules["Seite 3"] == "issue-beside-page-number"
    assert rules["Nr. 3/1931"] == "issue-beside-page-number"
    assert rules["Das Blatt"] == "issue-beside-page-number"
    roles = _roles(text)
    assert roles["Seite 3"] is Role.PAGE_NUMBER and roles["Das Blatt"] is Role.PAGE_HEADER


def test_a_worded_page_number_alone_or_an_address_alone_is_not_the_head() -> None:
    text = "\n".join([*BODY[:40], "Seite 3", *BODY[40:80]]) + "\n"
    assert _rules(text).get("Seite 3") != "issue-beside-page-number"
    text = "\n".join([*BODY[:40], "Hauptstraße Nr. 7", *BODY[40:80]]) + "\n"
    assert _rules(text).get("Hauptstraße Nr. 7") is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(BODY[:50]),
            st.sampled_from(["Nr. 3", "Jahrg. 1", "Seite 2", "10. Januar", "1931", "Mannheim"]),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_masthead_rules_label_only_short_lines_or_lines_under_an_issue_line(
    texts: list[str],
) -> None:
    """Whatever the lines, a line the imprint rule takes stands at most IMPRINT_LINES + 1
    non-blank lines under a line with an issue number, and the issue rules take only lines
    with an issue number or a worded page number or the line between them."""
    from reflow.structure.furniture import IMPRINT_LINES, _issue_hits

    lines = split_lines("\n".join(texts) + "\n")
    labels = label_lines(lines, Config(), "de")
    issue_at = [i for i, t in enumerate(lines.texts) if _issue_hits(t)]
    for i, note in labels.notes.items():
        if note[0] == "masthead-imprint":
            assert any(0 < i - j <= IMPRINT_LINES + 2 for j in issue_at), (i, texts)
        if note[0] == "masthead-issue":
            assert _issue_hits(lines.texts[i]) > 0


# Rule page-number-in-sentence (structure/edges.py): a framed page number between two lines
# of one sentence, in an export without form feeds.

PROSE = [f"the keepers of the hive carried the combs down the slope {w}" for w in _W]


def test_a_framed_number_inside_a_sentence_is_a_page_number() -> None:
    text = "\n".join([*PROSE[:6], "( 128 )", "and the mill ground on", *PROSE[6:]]) + "\n"
    assert _rules(text, "en")["( 128 )"] == "page-number-in-sentence"
    # Above, a line-end hyphen: an open sentence, whatever its letters.
    text = "\n".join([*PROSE[:6], "(mo-", "( 52 )", "ney)", *PROSE]) + "\n"
    assert _rules(text, "en")["( 52 )"] == "page-number-in-sentence"
    # A line of OCR debris between is looked past.
    text = "\n".join([*PROSE[:6], "and the mill", "=", "( 52 )", "ground", *PROSE]) + "\n"
    assert _rules(text, "en")["( 52 )"] == "page-number-in-sentence"


def test_a_framed_number_after_a_sentence_or_a_formula_is_left_alone() -> None:
    # After a full stop: a numbered item or an equation; under a formula: an equation number.
    text = "\n".join([*PROSE[:6], "The mill stopped.", "(3)", "and then", *PROSE]) + "\n"
    assert _rules(text, "en").get("(3)") != "page-number-in-sentence"
    text = "\n".join([*PROSE[:6], "a1ˆa2 · · · ˆanu(p1, σ1),", "(1)", "where p is", *PROSE])
    assert _rules(text + "\n", "en").get("(1)") != "page-number-in-sentence"
    # The next line starts a sentence: no sentence is broken.
    text = "\n".join([*PROSE[:6], "(4)", "The mill stopped.", *PROSE]) + "\n"
    assert _rules(text, "en").get("(4)") != "page-number-in-sentence"


def test_crowded_framed_numbers_are_equation_numbers() -> None:
    text = "\n".join([*PROSE[:6], "(2)", "and the mill", PROSE[6], "(3)", "and so on", *PROSE])
    rules = _rules(text + "\n", "en")
    assert rules.get("(2)") != "page-number-in-sentence"
    assert rules.get("(3)") != "page-number-in-sentence"


def test_with_form_feeds_the_page_edges_decide() -> None:
    text = "\n".join([*PROSE[:6], "( 128 )", "and the mill ground on", *PROSE]) + "\n\f"
    text += "\n".join(PROSE) + "\n"
    assert _rules(text, "en").get("( 128 )") != "page-number-in-sentence"
