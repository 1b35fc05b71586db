"""Stage 3: the page's structure, seen in the text alone.

Labels each line that is not body text: page furniture (running heads, footers, page numbers),
headings (headlines, decks, subheads, bylines), captions and other stray text.  Labelled lines
are kept, never deleted; the boundary stage heals body paragraphs across them.

Contract with the rest of the pipeline (``label_lines``):

* ``LineLabels.roles[i]`` is ``None`` for body text and blank lines, else the :class:`Role` of
  line *i* (never ``Role.PARAGRAPH``).
* ``LineLabels.notes[i]`` holds ``(rule, evidence, confidence)`` for every labelled line.
* ``LineLabels.pages[i]`` is line *i*'s page: the form-feed page when the extractor gave form
  feeds, else a page inferred from repeating furniture (0 when nothing says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reflow.config import Config
from reflow.lines import Lines
from reflow.model import Role


@dataclass(slots=True)
class LineLabels:
    roles: list[Role | None]
    pages: list[int]
    notes: dict[int, tuple[str, str, float]] = field(default_factory=dict)

    def label(self, i: int, role: Role, rule: str, evidence: str, confidence: float) -> None:
        self.roles[i] = role
        self.notes[i] = (rule, evidence, confidence)


def label_lines(lines: Lines, config: Config, language: str) -> LineLabels:
    """Label the non-body lines of ``lines``."""
    labels = LineLabels([None] * len(lines), list(lines.pages))
    if not config.detect_structure:
        return labels
    _label_trailing_headlines(lines, labels)
    return labels


_CLOSERS = ".!?…:;\"'”’»)]"


def _label_trailing_headlines(lines: Lines, labels: LineLabels) -> None:
    """Rule ``headline-at-page-end``: a lone line without closing punctuation that ends a page.

    It cannot finish the paragraph above (a blank line stands between, and that paragraph's
    last sentence is closed), so it is the headline of the next article, set at the page foot.
    """
    texts, blank, pages = lines.texts, lines.blank, lines.pages
    n = len(texts)
    for i in range(n):
        if blank[i]:
            continue
        nxt = i + 1
        while nxt < n and blank[nxt] and pages[nxt] == pages[i]:
            nxt += 1
        if nxt < n and pages[nxt] == pages[i]:
            continue  # not the last line of its page
        prev = i - 1
        if prev < 0 or not blank[prev]:
            continue
        while prev >= 0 and blank[prev]:
            prev -= 1
        if prev < 0:
            continue
        text = texts[i].strip()
        above = texts[prev].rstrip()
        if text[-1] in _CLOSERS or text.endswith("-") or not above or above[-1] not in _CLOSERS:
            continue
        if len(text.split()) > 14 or not text[0].isupper():
            continue
        labels.label(
            i,
            Role.HEADING,
            "headline-at-page-end",
            f"last line of page {pages[i] + 1}, no closing punctuation, after a closed paragraph",
            0.8,
        )
