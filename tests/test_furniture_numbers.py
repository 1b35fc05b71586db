"""The volume line, the numbered running heads and the masthead's words (issue 9, second
furniture pass): constructed examples of each rule and of the guards that keep it off body
text, and a property of the numbered heads' evidence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflow.config import Config
from reflow.data.languages import ISSUE_WORDS, issue_words
from reflow.lines import split_lines
from reflow.model import Role
from reflow.structure import label_lines
from reflow.structure.edges import MAX_HEAD_STEP, NUMBERED_HEAD_GAP, _head_number

_W = ["bees", "honey", "the", "hive", "keepers", "slope", "mill", "wax", "queen", "combs"]
#: Distinct body lines without digits (lines differing only in a number read as one head).
BODY = [
    " ".join(_W[(k * 7 + j * 3 + k // 10) % 10] for j in range(9))
    + f" {_W[k % 10]}{_W[k // 10 % 10]},"
    for k in range(300)
]


def _rules(text: str, language: str = "en") -> dict[str, str]:
    lines = split_lines(text)
    labels = label_lines(lines, Config(), language)
    return {lines.texts[i].strip(): note[0] for i, note in labels.notes.items()}


def _pages(heads: list[str]) -> str:
    """A flat export: each head followed by a page of body lines, no form feeds; the pages
    differ in length (footnotes, a plate), so that no regular period cuts them."""
    sizes, out, used = [14, 12, 50, 60, 20], [], 0
    for k, h in enumerate(heads):
        size = sizes[k % len(sizes)]
        out.append(h + "\n" + "\n".join(BODY[used : used + size]) + "\n")
        used += size
    return "".join(out)


def test_heads_with_advancing_page_numbers_are_running_heads() -> None:
    # Odd and even pages carry different heads; each advances by two.
    odd = "AASTeX v6.31 Sample article"
    text = _pages(
        ["6 Schwarz et al.", f"{odd} 7", "8 Schwarz et al.", f"{odd} 9", "10 Schwarz et al."]
    )
    rules = _rules(text)
    assert rules[f"{odd} 7"] == rules[f"{odd} 9"] == "running-head-numbered"
    # The even heads: by this rule, or by the page cycle they make (furniture.infer_pages).
    assert {rules[f"{n} Schwarz et al."] for n in (6, 8, 10)} <= {
        "running-head-numbered",
        "running-head",
    }


def test_numbered_headings_and_references_are_no_running_heads() -> None:
    # One word besides the number: a numbered heading.  A page reference: a citation.
    text = _pages(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])
    assert _rules(text).get("CHAPTER II.") != "running-head-numbered"
    refs = _pages(
        ["SOWERBY, Pro. Zool. Soc., 1833, p. 36.", "SOWERBY, Pro. Zool. Soc., 1833, p. 37."]
    )
    assert "running-head-numbered" not in _rules(refs).values()
    # The same words with numbers that do not advance with the pages: no page cycle.
    still = _pages(["3 INSTALLATION 7", "3 INSTALLATION 7", "3 INSTALLATION 7"])
    assert "running-head-numbered" not in _rules(still).values()


def test_a_volume_line_at_the_page_foot_is_a_signature() -> None:
    text = (
        "\n".join(BODY[:12])
        + "\nC\nVOL. II.\nTHE GREAT GREY SHRIKE.\n6\n"
        + "\n".join(BODY)
        + "\n7\n"
    )
    rules = _rules(text)
    assert rules["VOL. II."] == "signature-volume"
    assert rules["C"] == "signature-capital"


def test_an_address_in_an_advertisement_is_no_volume_line() -> None:
    text = "\n".join(BODY[:12]) + "\nHauptstraße Nr. 105\n6\n" + "\n".join(BODY) + "\n7\n"
    assert _rules(text, "de").get("Hauptstraße Nr. 105") != "signature-volume"


def test_the_masthead_reads_the_issue_words_of_the_data() -> None:
    # Czech volume and issue words come from the CSL locale data, not from the rule.
    assert {"ročník", "číslo"} <= issue_words("cs") <= ISSUE_WORDS
    text = "Lidové listy\nRočník 5\nČíslo 12\n" + "\n".join(BODY) + "\n"
    rules = _rules(text, "cs")
    assert rules["Lidové listy"] == "masthead-block"
    assert rules["Číslo 12"] == "masthead-block"


head = st.tuples(st.sampled_from(["Schwarz et al.", "THE HIVE BOOK", "Bees"]), st.integers(1, 40))
flat = st.lists(
    st.one_of(
        head.map(lambda h: f"{h[1]} {h[0]}"),
        st.sampled_from(BODY),
        st.sampled_from(BODY),
        st.sampled_from(BODY),
    ),
    min_size=3,
    max_size=90,
).map(lambda ls: "\n".join(ls) + "\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flat)
def test_a_numbered_head_has_a_partner_a_page_cycle_away(text: str) -> None:
    lines = split_lines(text)
    labels = label_lines(lines, Config(), "en")
    heads = [i for i, note in labels.notes.items() if note[0] == "running-head-numbered"]
    for i in heads:
        assert labels.roles[i] is Role.PAGE_HEADER
        key, _end, value = _head_number(lines.texts[i]) or ("", "", 0)
        assert len(key.split()) >= 2
        partners = [
            j
            for j in heads
            if j != i
            and (_head_number(lines.texts[j]) or ("",))[0] == key
            and 1 <= abs(_head_number(lines.texts[j])[2] - value) <= MAX_HEAD_STEP
            and abs(j - i) >= NUMBERED_HEAD_GAP * abs(_head_number(lines.texts[j])[2] - value)
        ]
        assert partners, (i, lines.texts[i])
