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

The furniture pass runs first, then the rules in a fixed order (:data:`RULES`, defined here and
nowhere else); a line keeps the first label it gets.  The decision table, with every default,
is in ``docs/structure.md``.  Precision comes first: a body line taken for a heading breaks a
paragraph, a missed heading only stays glued to the text, so every rule abstains when its
evidence is incomplete.

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> text = ("Honey Exports Grow\\nBishkek sold 400 tons of honey to Japan this year.\\n"
...         "Photo: Kyrgyz beekeepers\\n")
>>> labels = label_lines(split_lines(text), Config(), "en")
>>> [(str(r), labels.notes[i][0]) for i, r in enumerate(labels.roles) if r]
[('heading', 'heading-line'), ('caption', 'caption-prefix')]
"""

from __future__ import annotations

from collections.abc import Callable

from reflow.config import Config
from reflow.lines import Lines
from reflow.structure.articles import (
    article_starts,
    joins_previous,
    rule_article_heads,
    rule_heads_over_bylines,
)
from reflow.structure.bylines import rule_bylines
from reflow.structure.captions import rule_captions
from reflow.structure.edges import (
    rule_head_twins_beside_numbers,
    rule_heads_beside_numbers,
    rule_numbered_heads,
    rule_page_edges,
    rule_page_number_in_sentence,
    rule_page_number_runs,
)
from reflow.structure.furniture import (
    _short_page_number,
    infer_pages,
    label_loose_furniture,
    label_masthead,
    label_page_numbers,
    label_running_heads,
)
from reflow.structure.geometry import PageGeometry
from reflow.structure.headings import (
    rule_heading_in_sentence,
    rule_headings,
    rule_headline_at_page_end,
    rule_join_heading_lines,
    rule_numbered_headings,
    rule_short_lines,
    rule_wide_lines,
)
from reflow.structure.lone import rule_lone_caps, rule_lone_furniture, rule_speaker_names
from reflow.structure.nonbody import rule_nonbody
from reflow.structure.pagefoot import (
    rule_catch_word_across,
    rule_norm_signature,
    rule_page_foot,
)
from reflow.structure.sections import rule_section_headings
from reflow.structure.view import DocView, LineLabels, measure

__all__ = [
    "RULES",
    "LineLabels",
    "PageGeometry",
    "article_starts",
    "joins_previous",
    "label_lines",
]


#: The rules after the furniture pass (page numbers, running heads, loose furniture: in
#: :func:`label_lines`), in order; a line keeps the first label it gets.
RULES: tuple[Callable[[DocView], None], ...] = (
    rule_page_foot,  # first: needs only the page numbers of the furniture pass
    rule_norm_signature,  # after the signature marks of rule_page_foot
    rule_nonbody,  # contents, code, table cells, formulas: before headings take their lines
    rule_captions,
    rule_bylines,
    rule_headings,
    rule_numbered_headings,  # section numbers the document's own numbering vouches for
    rule_heading_in_sentence,
    rule_article_heads,
    rule_headline_at_page_end,
    rule_lone_caps,
    rule_section_headings,
    rule_short_lines,
    rule_heads_over_bylines,  # again: the deck and byline under a headline of short lines
    rule_wide_lines,
    rule_bylines,
    rule_join_heading_lines,
    rule_numbered_heads,  # before the edge rules: a numbered head is no edge head
    rule_page_edges,  # last: only what no rule above labelled (edges.py)
    rule_page_number_runs,
    rule_page_number_in_sentence,
    rule_head_twins_beside_numbers,  # after the page-number runs
    rule_catch_word_across,  # after the heads: a catch-word's twin is no head
    rule_heads_beside_numbers,
)


def label_lines(lines: Lines, config: Config, language: str) -> LineLabels:
    """Label the non-body lines of ``lines``.

    >>> from reflow.lines import split_lines
    >>> page = "Some body text that runs on.\\n- 3 -\\n"
    >>> labels = label_lines(split_lines(page), Config(), "en")
    >>> labels.roles[1], labels.notes[1][0]
    (<Role.PAGE_NUMBER: 'page-number'>, 'page-number-format')
    >>> label_lines(split_lines(page), Config(detect_structure=False), "en").roles
    [None, None]
    """
    labels = LineLabels([None] * len(lines), list(lines.pages))
    if not config.detect_structure or not len(lines):
        return labels
    page_count = lines.page_count
    if page_count > 1:
        labels.page_evidence = f"{page_count} pages cut by form feeds"
    else:
        pages, page_count, why = infer_pages(lines)
        if page_count > 1:
            labels.pages = pages
            labels.page_evidence = f"{page_count} pages inferred: {why}"
    doc = DocView(lines, labels, language, config.max_heading_words, *measure(lines))
    # Page numbers first: "xii" / "xiii" are also alike enough to pass for a running head.
    label_page_numbers(lines, labels, labels.pages, max(page_count, 1))
    label_running_heads(lines, labels, labels.pages, max(page_count, 1), language)
    label_loose_furniture(lines, labels, labels.pages, max(page_count, 1), language)
    label_masthead(lines, labels, language)
    rule_lone_furniture(doc)
    for rule in RULES:
        rule(doc)
    if lines.boxes is not None:
        # A reader gave geometry: sizes and weights decide what the characters could not.
        PageGeometry(lines).label(labels, config.max_heading_words)
    # Last: takes back the heading and furniture labels of a dialogue's speakers' names.
    rule_speaker_names(doc)
    # The page-number memo holds up to 4,096 short lines of this document: scattered over the
    # line table's memory, they kept every arena of it resident after the table was freed
    # (peak RSS 1.3x the input higher at 4 MB, bench/results/memory-2026-11-29-night.md).
    _short_page_number.cache_clear()
    return labels
