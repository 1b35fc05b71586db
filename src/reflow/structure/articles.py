"""Article heads found from below (over a byline, over a wide deck), where articles start, and
which labelled line continues the block above it."""

from __future__ import annotations

from reflow.lines import Lines
from reflow.model import FURNITURE, Role
from reflow.structure.headings import (
    MAX_HEADING_LINES,
    heading_text_ok,
    opens_body,
    wide,
)
from reflow.structure.view import (
    DocView,
    LineLabels,
    next_line,
    phrase_goes_on,
    prev_line,
)
from reflow.structure.words import closed, starts_sentence

#: Lines between a byline and the closed sentence (or page start) above it that are looked at
#: as its headline and deck: a headline of 1 line and a deck of up to MAX_HEADING_LINES.
MAX_ARTICLE_HEAD_LINES = 1 + MAX_HEADING_LINES


def _headline_text_ok(doc: DocView, text: str) -> bool:
    """:func:`heading_text_ok`, but a headline may also ask a question ("Why this book?").

    Only used where the context vouches for a headline (a byline or a deck under it).
    """
    t = text.rstrip()
    if t.endswith("?") and not t.endswith("??"):
        t = t[:-1].rstrip()
        return bool(t) and t[-1].isalnum() and heading_text_ok(doc, t)
    return heading_text_ok(doc, t)


def _label_run(doc: DocView, run: list[int], rule: str, evidence: str, confidence: float) -> None:
    """Label the lines of one heading block: the first with ``rule``, the others as its
    continuation."""
    for k, j in enumerate(run):
        doc.labels.label(
            j,
            Role.HEADING,
            rule if k == 0 else "heading-block-continued",
            f"line {k + 1} of {len(run)}: {evidence}",
            confidence,
        )


def _open_group(doc: DocView, last: int, page: int) -> tuple[list[int], int] | None:
    """The unlabelled lines from *last* back to the nearest closed sentence, heading, page
    start or start of the text (at most :data:`MAX_ARTICLE_HEAD_LINES`), and the line before
    them (-1 at the start); None when the group would be longer or crosses a page."""
    texts, roles, pages = doc.lines.texts, doc.labels.roles, doc.labels.pages
    group: list[int] = []
    j = last
    while j >= 0 and roles[j] is None and pages[j] == page:
        group.append(j)
        p = prev_line(doc, j)
        if p < 0 or pages[p] != page or roles[p] is Role.HEADING or closed(texts[p]):
            group.reverse()
            return group, p
        if len(group) >= MAX_ARTICLE_HEAD_LINES:
            return None
        j = p
    return None


def rule_article_heads(doc: DocView) -> None:
    """Rules ``headline-over-byline``, ``deck-over-byline``, ``headline-over-deck``: the head
    of an article, found from below.

    * Above a byline (labelled, or byline-shaped and opening body), the lines back to the
      nearest closed sentence, heading or page start are the article's head: its first line
      is the headline (open, or a question), the others its deck (a sentence, often closed);
      when a heading is already above them, they are all deck.  Two or three open lines with
      no deck are one headline wrapped.
    * A line after a closed sentence (or page start) followed by a line that spans the columns
      (at least :data:`WIDE_HEADLINE` times the local width) and starts a sentence is the headline
      over that deck (``rule_wide_lines`` then takes the deck).

    A byline and a cross-column deck are set only under a headline, so the context vouches
    for the text; German sentence-case headlines and question headlines pass here.
    """
    rule_heads_over_bylines(doc)
    if doc.width_measured:
        _heads_over_wide_lines(doc)


def rule_heads_over_bylines(doc: DocView) -> None:
    """The byline half of :func:`rule_article_heads` (run again after ``rule_short_lines``)."""
    texts, roles = doc.lines.texts, doc.labels.roles
    for b in doc.bylines:
        if roles[b] is Role.HEADING:
            is_by = doc.labels.notes[b][0] == "byline"
        else:
            is_by = roles[b] is None and opens_body(doc, next_line(doc, b))
        if not is_by:
            continue
        last = prev_line(doc, b)
        if last < 0 or roles[last] is not None:
            continue
        found = _open_group(doc, last, doc.labels.pages[b])
        if found is None:
            continue
        group, before = found
        if doc.trailing_space_wraps and any(texts[j] != texts[j].rstrip() for j in group[-1:]):
            continue
        if (
            before >= 0
            and roles[before] is Role.HEADING
            and doc.labels.notes[before][0] != "byline"
        ):
            if len(group) <= MAX_HEADING_LINES and starts_sentence(texts[group[0]]):
                _label_run(doc, group, "deck-over-byline", "under a heading, over a byline", 0.7)
            continue
        # The deck starts at the first line that spans the columns, else on the second line.
        cut = next((k for k in range(1, len(group)) if wide(doc, group[k])), 1)
        head = group[0]
        if cut > 1:
            joined = " ".join(texts[j].strip() for j in group[:cut])
            if cut > MAX_HEADING_LINES or not _headline_text_ok(doc, joined):
                continue
            _label_run(doc, group[:cut], "headline-over-byline", "wrapped headline, deck", 0.7)
            _label_run(doc, group[cut:], "deck-over-byline", "spans the columns", 0.7)
            continue
        if not _headline_text_ok(doc, texts[head]):
            continue
        deck = group[1:]
        if deck and not starts_sentence(texts[deck[0]]):
            # No deck: a headline wrapped over two or three lines, all open.
            joined = " ".join(texts[j].strip() for j in group)
            if len(group) > MAX_HEADING_LINES or not _headline_text_ok(doc, joined):
                continue
            _label_run(doc, group, "headline-over-byline", "wrapped headline over a byline", 0.7)
            continue
        if deck and not (closed(texts[deck[-1]]) or wide(doc, deck[0])):
            continue
        _label_run(doc, [head], "headline-over-byline", "article head over a byline", 0.75)
        if deck:
            _label_run(doc, deck, "deck-over-byline", "under the headline, over a byline", 0.7)


def _heads_over_wide_lines(doc: DocView) -> None:
    """The width half of :func:`rule_article_heads`."""
    texts, roles = doc.lines.texts, doc.labels.roles
    closed_at = doc.closed_lines
    n = len(texts)
    # After a closed sentence or at the start: kept up to date in the one pass (the nearest
    # body or heading line above, as prev_line finds it, without walking back each time).
    after_closed = True
    first = True  # no body or heading line yet
    blank, heading = doc.lines.blank, Role.HEADING
    for i in range(n):
        role = roles[i]
        if blank[i] or (role is not None and role is not heading):
            continue  # transparent(doc, i), inlined: this loop visits every line
        at_start, first = first, False
        if roles[i] is not None:
            after_closed = False  # a heading: the line under it is not a headline
            continue
        ok, after_closed = after_closed, closed_at[i]
        if not ok or not starts_sentence(texts[i]):
            continue
        nxt = next_line(doc, i)
        if nxt >= n or roles[nxt] is not None:
            continue
        if doc.trailing_space_wraps and texts[i] != texts[i].rstrip():
            continue
        if not starts_sentence(texts[nxt]):
            # A headline wrapped over 2..3 lines, over a deck that spans the columns.
            run = _wrapped_over_deck(doc, i, nxt)
            if run:
                _label_run(doc, run, "headline-over-deck", "wrapped, over a deck", 0.7)
                after_closed = False
            continue
        if not _headline_text_ok(doc, texts[i]):
            continue
        if wide(doc, nxt):
            _label_run(doc, [i], "headline-over-deck", "over a line spanning the columns", 0.7)
            after_closed = False
        elif wide(doc, i) and not wide(doc, nxt):
            _label_run(doc, [i], "headline-spanning", "open, wider than its column", 0.7)
            after_closed = False
        elif at_start and _under_masthead(doc, i) and not phrase_goes_on(doc, i, nxt):
            _label_run(doc, [i], "headline-first", "first line under the page head", 0.65)
            after_closed = False


def _wrapped_over_deck(doc: DocView, i: int, nxt: int) -> list[int]:
    """Lines *i*, *nxt*, ... (at most :data:`MAX_HEADING_LINES`, next to each other, open)
    when the line under them starts a sentence and spans the columns and together they meet
    the heading text conditions; else []."""
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    run = [i]
    j = nxt
    while j == run[-1] + 1 and j < n and roles[j] is None and len(run) < MAX_HEADING_LINES:
        if closed(texts[j]):
            return []
        run.append(j)
        j = next_line(doc, j)
        if j < n and roles[j] is None and starts_sentence(texts[j]):
            joined = " ".join(texts[k].strip() for k in run)
            if wide(doc, j) and _headline_text_ok(doc, joined):
                return run
            return []
    return []


def _under_masthead(doc: DocView, i: int) -> bool:
    """Is line *i* on the first page, with only page furniture (at least one line) above it?

    The first line under a newspaper's masthead, running head or date line is a headline;
    a text that starts mid-paragraph has no page head above its first line.
    """
    roles = doc.labels.roles
    if doc.labels.pages[i] != 0:
        return False
    heads = 0
    for k in range(i):
        if roles[k] is not None:
            if roles[k] not in FURNITURE:
                return False
            heads += 1
        elif not doc.lines.blank[k]:
            return False
    return heads > 0


#: Rules whose line continues the block of the labelled line right above it (a caption or a
#: headline wrapped over several lines).  Every other labelled line is a block of its own.
CONTINUATION_RULES = frozenset(
    {
        "caption-block",
        "heading-block-continued",
        # Lines labelled from their geometry (reflow.structure.geometry).
        "geometry-heading-continued",
        "geometry-caption-continued",
        "geometry-footnote-continued",
    }
)


def joins_previous(labels: LineLabels, i: int) -> bool:
    """Does labelled line *i* continue the block of the labelled line above it?

    A headline and the byline under it are two blocks; a caption wrapped over two lines is one.

    >>> from reflow.config import Config
    >>> from reflow.lines import split_lines
    >>> from reflow.structure import label_lines
    >>> text = ("The old story ends here.\\n\\nPhoto: A beekeeper checks a frame \\n"
    ...         "near Karakol.\\n\\nThe new story begins with a sentence of some length.\\n")
    >>> labels = label_lines(split_lines(text), Config(), "en")
    >>> [joins_previous(labels, i) for i in (2, 3)]
    [False, True]
    """
    note = labels.notes.get(i)
    return note is not None and note[0] in CONTINUATION_RULES


def article_starts(labels: LineLabels, lines: Lines) -> list[int]:
    """Lines that start a new article: the first of a run of headings, bylines excluded.

    A headline and its deck start one article, not two; a byline belongs to the article of the
    heading above it.  Furniture and captions between headings are looked through.

    >>> from reflow.config import Config
    >>> from reflow.lines import split_lines
    >>> from reflow.structure import label_lines
    >>> text = "Old story ends here.\\n\\nNew Markets Open\\nExporters Look East\\nBy Jane Doe\\n"
    >>> text += "The first exports left this week for Tokyo.\\n"
    >>> lines = split_lines(text)
    >>> article_starts(label_lines(lines, Config(), "en"), lines)
    [2]
    """
    starts: list[int] = []
    in_run = False
    for i, role in enumerate(labels.roles):
        if lines.blank[i] or (role is not None and role in FURNITURE | {Role.CAPTION, Role.OTHER}):
            continue
        if role is Role.HEADING:
            if not in_run and labels.notes[i][0] not in ("byline", "heading-block-continued"):
                starts.append(i)
                in_run = True
        else:
            in_run = False
    return starts
