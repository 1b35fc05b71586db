"""Rules for headings: lines shaped like a heading, headlines wrapped over a block, headlines
inside a sentence or at a page end, runs of short lines, decks wider than the column, and
heading lines joined into one block."""

from __future__ import annotations

import re

from reflow.model import Role
from reflow.structure.view import (
    DocView,
    blank_after,
    blank_before,
    next_line,
    phrase_goes_on,
    prev_line,
)
from reflow.structure.words import (
    DIALOGUE_OPENERS,
    LINE_ENDINGS_NOT_HEADING,
    closed,
    ends_with_function_word,
    is_byline,
    is_caps,
    is_title_case,
    numbered_division,
    ordinal_goes_on,
    split_words,
    starts_sentence,
)


def heading_text_ok(doc: DocView, text: str) -> bool:
    """The text-only conditions every heading meets: short, unclosed, not going on."""
    t = text.strip()
    if not t or not starts_sentence(t):
        return False
    if t[-1] in LINE_ENDINGS_NOT_HEADING and not (t[-1] == ")" and "(" in t):
        return False  # "Guides (HOWTO)" closes its own bracket: still a heading
    if t[0] in DIALOGUE_OPENERS:
        return False  # "— Not yet", "“In a minute": dialogue, not a headline
    if len(split_words(t)) > doc.max_words or sum(map(str.isalpha, t)) < 2:
        return False
    if "(" in t and t.count("(") > t.count(")"):
        return False  # "Il sistema NSS (Name Service Switch, si": a bracket left open goes on
    return not ends_with_function_word(t, doc.language)


#: A heading line may fill at most this share of the typical line (wider ones are wrapped body
#: lines).  0.8: "The Japan International Cooperation " (the column break in the shared
#: example) fills 0.83 of its column (35 of 42 characters); the headlines of our cases that
#: pass by width fill 0.10..0.72 of theirs.
MAX_HEADING_WIDTH = 0.8
#: A heading line in any case (sentence case too) fills at most this share of its local column
#: width, and the line after it must fill at least MAX_HEADING_WIDTH of its own.  0.7: measured
#: on the evaluation corpus (open lines of >= 2 words after a closed sentence, before a full
#: line that starts a sentence): 14 heading lines and no body line fill <= 0.7 (the first body
#: line, "TCP und UDP nutzen" over "Ports, das sind", fills 0.72; 0.75 lets 4 in).
MAX_SHORT_HEADING_WIDTH = 0.7
#: At most this many headings in a row (headline + deck); a third is a list or verse.
MAX_HEADING_RUN = 2
#: The line after a heading is body when it has at least this many words or ends a sentence
#: (a list item or a line of verse is short and open).
MIN_BODY_WORDS = 6
#: Roles of displays set off from the text (reflow.structure.nonbody): the body line above
#: one may end open ("... as follows:"), and a heading may still follow the display.  Code
#: only: on the texlive-pdf families tuned on (eval/nonbody_lines.py) it gave back the
#: headings under listings that rule_code_run took the last line of; after table cells and
#: formulas it made headings of a typescript's prices and sums (tapuscorpus).
DISPLAY_ROLES = frozenset({Role.CODE})
#: ... and only for a numbered title (``7.1.3 Path expansion``): a line in words alone after a
#: listing is, on the same documents, the lead-in of the next one ("For example, you might
#: type").
_NUMBERED_TITLE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,4}\.? +([^\W\d_])")


def _numbered_title(text: str) -> bool:
    m = _NUMBERED_TITLE.match(text)
    return m is not None and m.group(1).isupper()


def _leads_into_display(doc: DocView, end: int) -> bool:
    """Does a code listing (:data:`DISPLAY_ROLES`) stand right under line *end*?

    Then the open line or sentence above it is the listing's lead-in ("These instructions
    used the title command", "For centering a float environment ... in most cases."), not a
    heading, unless it is a numbered title.  Measured on texlive-pdf (eval/hyphen_errors.py,
    amshelp and l2tabu-en): once rule_code_run took a listing's first or last line, the body
    between two listings read as a heading (heading-short, deck-wide) and its words left the
    paragraphs.
    """
    k = end + 1
    return (
        k < len(doc.lines)
        and not doc.lines.blank[k]
        and doc.labels.roles[k] in DISPLAY_ROLES
        and not _numbered_title(doc.lines.texts[end].strip())
    )


def _body_like(doc: DocView, j: int, narrow_column: bool = False) -> bool:
    """Does line *j* look like body text (or a byline) rather than another short open line?

    With ``narrow_column`` (under a line set apart, where no run of short lines can be cut
    wrong), a line that fills its column or breaks a word counts too, whatever its words.
    """
    if j >= len(doc.lines):
        return False
    if doc.labels.roles[j] is Role.HEADING:
        return doc.labels.notes[j][0] == "byline"
    text = doc.lines.texts[j]
    if doc.labels.roles[j] is None and is_byline(text, doc.language):
        return True
    if not starts_sentence(text):
        return False
    if len(split_words(text)) >= MIN_BODY_WORDS or closed(text):
        return True
    if not narrow_column:
        return False
    # A narrow column holds fewer words ("Dynamisches Routing ermög-"): a line that fills its
    # column, or breaks a word, runs on as body does; a list item or verse line does neither.
    t = text.rstrip()
    if t.endswith("-") and t[-2:-1].isalpha():
        return True
    if not doc.width_measured:
        return False
    local = doc.local_width(j)
    return bool(local) and len(t.strip()) >= MAX_HEADING_WIDTH * local


def _fills_column(doc: DocView, j: int) -> bool:
    """Does line *j* fill at least :data:`MAX_HEADING_WIDTH` of its local column width?"""
    local = doc.local_width(j)
    return bool(local) and len(doc.lines.texts[j].strip()) >= MAX_HEADING_WIDTH * local


def _heading_run(doc: DocView, prev: int) -> int:
    """How many headings stand in a row ending at line *prev*."""
    run = 0
    while prev >= 0 and doc.labels.roles[prev] is Role.HEADING and run <= MAX_HEADING_RUN:
        run += 1
        prev = prev_line(doc, prev)
    return run


def heading_shape(doc: DocView, i: int) -> tuple[str, str, bool] | None:
    """``(rule, evidence, needs_full_line_after)`` when line *i* is shaped like a heading
    (context aside), else None.

    * ``heading-block``: the line stands alone between blank lines (or labelled lines), and
      either it is in capitals, or it is narrow and in title case, or the extractor marks
      wrapped lines with a trailing space and this line has none (then a column break inside
      a sentence shows as a trailing space, whatever the width).
    * ``heading-line``: no blank line around it (pdftotext -raw), so the shape must speak:
      capitals, or title case and narrow, or (any case) short: at most
      :data:`MAX_SHORT_HEADING_WIDTH` of a measured line width; a short line then needs a full
      line after it (the first line of a paragraph), which the caller checks.
    """
    text = doc.lines.texts[i]
    if doc.lines.blank[i] or doc.labels.roles[i] is not None or not heading_text_ok(doc, text):
        return None
    if doc.trailing_space_wraps and text != text.rstrip():
        return None  # a wrapped line of this extractor: never a heading
    caps = is_caps(text)
    title = is_title_case(text, doc.language)
    share = len(text.strip()) / doc.width if doc.width else 1.0
    narrow = share <= MAX_HEADING_WIDTH
    alone = blank_before(doc, i) and blank_after(doc, i)
    if alone and (caps or doc.trailing_space_wraps or (narrow and title)):
        shape = "capitals" if caps else "title case" if title else "no trailing space"
        return "heading-block", f"stands alone, {shape}, {share:.0%} of the line width", False
    if alone and doc.width_measured:
        # Any case (German subheads are sentence case): a line alone in its text box that
        # does not fill its column as a body line does, being narrower or spanning columns.
        local = doc.local_width(i)
        fill = len(text.strip()) / local if local else 1.0
        if fill <= MAX_HEADING_WIDTH or fill >= WIDE_HEADLINE:
            return "heading-block", f"stands alone, {fill:.0%} of its column", False
    if caps or (title and narrow):
        shape = "capitals" if caps else "title case"
        return "heading-line", f"{shape}, {share:.0%} of the line width", False
    if numbered_division(text, doc.language):
        # "Splošna deklaracija, 14. člen": a numbered division of the text, in any case and
        # as wide as a body line (the context tests of the caller still apply).
        return "heading-line", "ends with a numbered division of the text", False
    if doc.width_measured and len(split_words(text)) >= 2:
        # Against the local column width: a page may hold columns of two widths.
        local = doc.local_width(i)
        fill = len(text.strip()) / local if local else 1.0
        if fill <= MAX_SHORT_HEADING_WIDTH:
            return "heading-line", f"short ({fill:.0%} of its column)", True
    return None


def rule_headings(doc: DocView) -> None:
    """Rules ``heading-line`` and ``heading-block``: a short open line between a closed sentence
    (or a page start, or a headline) and the start of body text.

    Every heading: at most ``max_heading_words`` words, at least 2 letters, starts upper
    case, does not end with punctuation or a function word, and the body line before it is
    closed (or it starts the document, or follows a headline).  The line after it must look
    like body (start a sentence, and be long or closed), or be a byline, or be a second
    heading-shaped line (a deck) followed by body.  It abstains when the document prints the
    line's last word and the next line's first word side by side elsewhere (a phrase that
    goes on across the line break, as "Cooperation" / "Agency").  Its shape is tested by
    :func:`heading_shape`.  A line with a trailing space in a document where trailing spaces
    mark wrapped lines is never a heading.
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    closed_at = doc.closed_lines
    n = len(texts)
    for i in range(n):
        if blank[i] or roles[i] is not None:
            continue
        if i and not blank[i - 1] and roles[i - 1] is None and not closed_at[i - 1]:
            continue  # the common case below, without the walk: the line above is prev
        prev = prev_line(doc, i)
        # A display (a code listing, a table, a formula) between the body line above and this
        # one closes what came before it: "... use \\url:" / listing / "12.1 Url shortcuts".
        above = i - 1
        while above >= 0 and blank[above]:
            above -= 1
        displayed = (
            above >= 0 and roles[above] in DISPLAY_ROLES and _numbered_title(texts[i].strip())
        )
        if prev >= 0 and roles[prev] is None and not closed_at[prev] and not displayed:
            continue  # the common case, a wrapped line: settled before any shape test
        shape = heading_shape(doc, i)
        if shape is None:
            _multi_line_heading(doc, i)
            continue
        run = _heading_run(doc, prev) if prev >= 0 else 0
        if prev >= 0 and (
            run >= MAX_HEADING_RUN or (run == 0 and not closed(texts[prev]) and not displayed)
        ):
            continue
        nxt = next_line(doc, i)
        if phrase_goes_on(doc, i, nxt):
            continue  # the document prints these two words as one phrase elsewhere
        rule, evidence, needs_full_line_after = shape
        if needs_full_line_after:
            if _body_like(doc, nxt, True) and _fills_column(doc, nxt):
                doc.labels.label(
                    i,
                    Role.HEADING,
                    rule,
                    f"{evidence}; after a closed sentence, before a full line of body",
                    0.6,
                )
            continue
        # Under a numbered division ("14. člen") the body may be a narrow column's short line.
        narrow_ok = rule == "heading-block" or numbered_division(texts[i], doc.language)
        if _body_like(doc, nxt, narrow_ok):
            before = (
                "a closed sentence"
                if run == 0 and prev >= 0
                else "a heading"
                if run
                else ("nothing (start of the text)")
            )
            doc.labels.label(
                i,
                Role.HEADING,
                rule,
                f"{evidence}; after {before}, before body",
                0.8 if rule == "heading-block" else 0.7,
            )
            continue
        # A deck: the next line is heading-shaped too, and body follows it.
        if (
            run == 0
            and nxt < n
            and heading_shape(doc, nxt)
            and _body_like(doc, next_line(doc, nxt))
        ):
            doc.labels.label(i, Role.HEADING, rule, f"{evidence}; before a deck and body", 0.7)


#: A headline block is at most this many lines (the longest in our cases wraps to 2; 3 leaves
#: room for a narrow column).
MAX_HEADING_LINES = 3


def _multi_line_heading(doc: DocView, i: int) -> None:
    """Rule ``heading-block`` for a headline wrapped to 2..3 lines, set apart by blank lines.

    Line *i* must open the block (blank line, labelled line or page edge above) and start a
    sentence; the block ends at a blank line within :data:`MAX_HEADING_LINES` lines.  The
    whole block has at most ``max_heading_words`` words, no line of it ends a sentence, its
    last line meets the heading conditions of its end (no closing punctuation, no function
    word, no trailing space where trailing spaces mark wrapped lines).  Where the document has
    no trailing-space convention, the block must be in capitals, or in title case with every
    line narrow.  Context as for a one-line heading: a closed sentence (or the start) before,
    body after (or the end of the text, as for a headline at a page end), no phrase going on.
    """
    lines, labels = doc.lines, doc.labels
    texts, n = lines.texts, len(lines)
    if lines.blank[i] or labels.roles[i] is not None or not blank_before(doc, i):
        return
    if not starts_sentence(texts[i]):
        return
    end = i
    while end + 1 < n and not lines.blank[end + 1] and labels.roles[end + 1] is None:
        if labels.pages[end + 1] != labels.pages[i] or end + 1 - i >= MAX_HEADING_LINES:
            return
        if is_byline(texts[end + 1], doc.language):
            return  # a headline over its byline: two blocks (rule_article_heads)
        end += 1
    if end == i or not blank_after(doc, end):
        return
    block = [texts[j] for j in range(i, end + 1)]
    joined = " ".join(t.strip() for t in block)
    last = block[-1]
    if len(split_words(joined)) > doc.max_words or any(
        closed(t) and not (k + 1 < len(block) and ordinal_goes_on(t, block[k + 1], doc.language))
        for k, t in enumerate(block)
    ):
        return
    t = last.strip()
    if t[-1] in LINE_ENDINGS_NOT_HEADING or ends_with_function_word(t, doc.language):
        return
    if doc.trailing_space_wraps:
        if last != last.rstrip():
            return
        shape = "no trailing space on its last line"
    else:
        narrow = all(len(x.strip()) <= MAX_HEADING_WIDTH * doc.width for x in block)
        if is_caps(joined):
            shape = "capitals"
        elif narrow and is_title_case(joined, doc.language):
            shape = "title case"
        elif _set_apart_block(doc, i, end):
            shape = "its last line short, no word cut"
        else:
            return
    prev = prev_line(doc, i)
    if prev >= 0 and not closed(texts[prev]):
        return
    nxt = next_line(doc, end)
    # At the very end of the text nothing can vouch for the block, but nothing can continue it
    # either: like a one-line headline at a page end, it heads the next article.
    if nxt < n and (phrase_goes_on(doc, end, nxt) or not _body_like(doc, nxt, True)):
        return
    after = "before body" if nxt < n else "at the end of the text"
    for j in range(i, end + 1):
        labels.label(
            j,
            Role.HEADING,
            "heading-block" if j == i else "heading-block-continued",
            f"line {j - i + 1} of a {end - i + 1}-line block set apart, {shape}; "
            f"after a closed sentence, {after}",
            0.75,
        )


def _set_apart_block(doc: DocView, i: int, end: int) -> bool:
    """Lines *i..end*, set apart by blank lines, in any case (a German or sentence-case subhead
    in a larger font fills its narrow column): no line breaks a word with a hyphen (headings
    are not hyphenated) and the last line fills at most :data:`MAX_HEADING_WIDTH` of its
    column.  A paragraph cut by a column break into a box of its own ends on a full line."""
    if not doc.width_measured:
        return False
    texts = doc.lines.texts
    for j in range(i, end + 1):
        t = texts[j].rstrip()
        if t.endswith("-") and t[-2:-1].isalpha():
            return False
    local = doc.local_width(end)
    return bool(local) and len(texts[end].strip()) <= MAX_HEADING_WIDTH * local


def rule_heading_in_sentence(doc: DocView) -> None:
    """Rule ``heading-in-sentence``: a headline set between the two halves of a sentence of
    another article (pdfminer prints the other article's headline as a text box of its own
    where the columns meet: "... mismos es" / "Servidor Samba" / "llamada «partición» ...").

    The line stands alone between blank lines, meets the heading text conditions, is in
    capitals or in title case (not German), fills at most :data:`MAX_HEADING_WIDTH` of its
    column, the body line above it is open and the body line under it goes on in lower case.
    A body line cut off by a column break fills its column; a pull quote or caption is a
    sentence of lower-case words.
    """
    if not doc.width_measured:
        return
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    for i in range(1, n - 1):
        if blank[i] or roles[i] is not None or not (blank[i - 1] and blank[i + 1]):
            continue
        text = texts[i]
        if not heading_text_ok(doc, text):
            continue
        if not (is_caps(text) or is_title_case(text, doc.language)):
            continue
        prev, nxt = prev_line(doc, i), next_line(doc, i)
        if prev < 0 or nxt >= n or roles[prev] is not None or roles[nxt] is not None:
            continue
        if closed(texts[prev]) or starts_sentence(texts[nxt]):
            continue  # not inside a sentence (the other heading rules judge those)
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        local = doc.local_width(i)
        if not local or len(text.strip()) > MAX_HEADING_WIDTH * local:
            continue
        doc.labels.label(
            i,
            Role.HEADING,
            "heading-in-sentence",
            "alone between the halves of a sentence, title case or capitals, "
            f"{len(text.strip()) / local:.0%} of its column",
            0.6,
        )


def rule_headline_at_page_end(doc: DocView) -> None:
    """Rule ``headline-at-page-end``: a lone line without closing punctuation that ends a page.

    It cannot finish the paragraph above (a blank line stands between, and that paragraph's
    last sentence is closed), so it is the headline of the next article, set at the page foot.
    Furniture below it is looked through.  It abstains when the next page's body starts in
    lower case (then the line is the start of a paragraph that goes on there), when the
    document prints the two words at the page break side by side elsewhere, and, where no
    trailing-space convention tells a finished line from a wrapped one, when the line is wide
    and more pages follow.
    """
    texts, blank, pages = doc.lines.texts, doc.lines.blank, doc.labels.pages
    n = len(texts)
    roles = doc.labels.roles
    for i in range(1, n):
        # The blank line above first: it settles most lines in one comparison (the tests
        # below have no side effects, so their order does not change the answer).
        if not blank[i - 1] or blank[i] or roles[i] is not None:
            continue
        nxt = next_line(doc, i)
        if nxt < n and pages[nxt] == pages[i]:
            continue  # not the last body line of its page
        if nxt < n and not starts_sentence(texts[nxt]):
            continue
        prev = prev_line(doc, i)
        if prev < 0 or not closed(texts[prev]):
            continue
        text = texts[i]
        if not heading_text_ok(doc, text):
            continue
        if doc.trailing_space_wraps and text != text.rstrip():
            continue
        if nxt < n and phrase_goes_on(doc, i, nxt):
            continue
        if (
            nxt < n
            and not doc.trailing_space_wraps
            and len(text.strip()) > (MAX_HEADING_WIDTH * doc.width)
        ):
            continue  # a full line with more pages to come may simply go on there
        doc.labels.label(
            i,
            Role.HEADING,
            "headline-at-page-end",
            f"last line of page {pages[i] + 1}, no closing punctuation, after a closed paragraph",
            0.8,
        )


#: A line is *short* when it and the first word of the next line together fill at most this
#: share of the local width: the typesetter broke the line although the next word would have
#: fitted, so the break is deliberate (a heading, a paragraph end).  Measured on the evaluation
#: corpus (share of lines at or under 0.9): open body lines 0.7..1.1% (pdftotext -raw, pypdf,
#: pdfminer), heading lines 62..68%, bylines 95%.  Proportional fonts make character counts
#: vary, hence the margin under 1.
SHORT_FIT = 0.9
#: The lines of a run after its first may fill this much: a subhead set in a larger font
#: than the body fits fewer characters in the column ("que hacen los demonios" + "Entender"
#: fills 0.94).  Measured on the evaluation corpus: 0.95 finds 2 subheads more and no body
#: line; 1.0 finds 3 and takes 4 body lines over an acronym ("When a user connects via" /
#: "SSH and starts a remote" / "X11 session").
LAST_LINE_FIT = 0.95
#: A heading wrapped over more lines than this is not taken (the longest subhead of the
#: evaluation corpus wraps to 5 lines in its narrowest column).
MAX_RUN_LINES = 5


#: A line at least this much wider than its local column spans several columns: a headline or
#: a deck set across the page.  Measured on the evaluation corpus (open lines after a closed
#: sentence, before a sentence start, still unlabelled): no body line reaches 1.2 times the
#: local width, 13 heading lines do (1.1 lets 4 body lines in).  It was 1.7 for decks (open
#: body lines reach 1.57 with the next word at the 99th percentile); 1.25 finds 8 headlines
#: and decks more and labels no body line more.
WIDE_HEADLINE = 1.25


def _short(doc: DocView, i: int, nxt: int, fit: float = SHORT_FIT) -> float | None:
    """Line *i* and the next line's first word fill this share of the local width, when that
    is at most ``fit`` (:data:`SHORT_FIT`; else None)."""
    if nxt >= len(doc.lines):
        return None
    words = doc.lines.texts[nxt].split()
    if not words:
        return None
    width = doc.local_width(i)
    if not width:
        return None
    fill = (len(doc.lines.texts[i].strip()) + 1 + len(words[0])) / width
    return fill if fill <= fit else None


def opens_body(doc: DocView, j: int) -> bool:
    """Line *j* can open the body under a heading: a byline, or it starts a sentence."""
    if j >= len(doc.lines):
        return False
    if doc.labels.roles[j] is Role.HEADING:
        return doc.labels.notes[j][0] == "byline"
    text = doc.lines.texts[j]
    if doc.labels.roles[j] is not None or not (
        is_byline(text, doc.language) or starts_sentence(text)
    ):
        return False
    # A bare number ("1", a page number the furniture pass left) opens no body.
    return not text.strip().isdigit()


def _ends_sentence(doc: DocView, j: int, nxt: int) -> bool:
    """Line *j* closes a sentence, unless its period is an ordinal's before the line *nxt* that
    goes on in lower case ("Egyetemes Nyilatkozat, 12." / "cikk"; see ordinal_goes_on)."""
    texts = doc.lines.texts
    if not closed(texts[j]):
        return False
    return not (nxt < len(texts) and ordinal_goes_on(texts[j], texts[nxt], doc.language))


def rule_short_lines(doc: DocView) -> None:
    """Rule ``heading-short``: a run of 1..:data:`MAX_RUN_LINES` short lines (:func:`_short`:
    the next word would have fitted) between a closed sentence (or a page start, or a heading)
    and a full line of body.

    This is how a heading looks where no blank line sets it apart (pdftotext -raw, pypdf) and
    how a subhead in a larger font wraps in a narrow column ("Problembehandlung nach" / "einer
    Aktualisierung").  Every line of the run is open (no sentence end); the run as a whole
    meets the heading conditions (starts upper case, not dialogue, at most
    ``max_heading_words`` words, no closing punctuation or function word at its end); the line
    after it starts a sentence and is not short itself (a full first line of a paragraph), or
    is a byline.  Needs a measured width; a line with a trailing space where trailing spaces
    mark wrapped lines is never part of it.
    """
    if not doc.width_measured:
        return
    texts, blank, roles, pages = (
        doc.lines.texts,
        doc.lines.blank,
        doc.labels.roles,
        doc.labels.pages,
    )
    closed_at = doc.closed_lines
    n = len(texts)
    i = 0
    while i < n:
        if blank[i] or roles[i] is not None:
            i += 1
            continue
        if i and not blank[i - 1] and roles[i - 1] is None and not closed_at[i - 1]:
            i += 1
            continue  # as below, without the walk: the line above is prev
        prev = prev_line(doc, i)
        if prev >= 0 and roles[prev] is None and not closed_at[prev]:
            i += 1
            continue
        if is_byline(texts[i], doc.language):
            i += 1
            continue  # left to rule_bylines, which runs again after this rule
        end, run_ok, words, colon_inside = i, True, 0, False
        while True:
            t = texts[end]
            words += len(t.split())
            last = t.rstrip()[-1]
            # Settled before any width test: too many words for a heading, a word cut by a
            # hyphen (headings are not hyphenated), a sentence end or a comma at its end.
            nxt = next_line(doc, end)
            if words > doc.max_words or last in ";-" or _ends_sentence(doc, end, nxt):
                run_ok = False
                break
            if sum(map(str.isalpha, t)) < 2:
                run_ok = False
                break
            follows = (
                nxt == end + 1  # a heading's lines stand together, no blank line between
                and nxt < n
                and roles[nxt] is None
                and pages[nxt] == pages[i]
                and not _ends_sentence(doc, nxt, next_line(doc, nxt))
                and not is_byline(
                    texts[nxt], doc.language
                )  # a byline under a headline is its own block
            )
            if end > i and numbered_division(t, doc.language):
                break  # "Egyetemes" / "Nyilatkozat, 14. cikk": the division's number ends it
            fill = _short(doc, end, nxt, LAST_LINE_FIT if end > i else SHORT_FIT)
            if fill is None:
                # Not short: a wrapped line of a subhead in a larger font ("Den Boot-Loader" /
                # "konfigurieren") fills its narrow column as body does.  It may stand in the
                # run when a short line ends the run below it; never a word cut by a hyphen
                # (headings are not hyphenated), nor at the run's end.
                if follows and last != ":" and end - i + 1 < MAX_RUN_LINES:
                    end = nxt
                    continue
                run_ok = False
                break
            if last in ",:" and not follows:
                run_ok = False
                break
            colon_inside = colon_inside or last == ":"
            # A short line ends the run when the line under it opens the body (starts a
            # sentence, and is not short itself); otherwise the heading goes on there
            # ("Das System" / "für eine andere" / "Sprache" / "konfigurieren").
            if follows and (
                last in ",:"  # "Teams," / "Blends, and" / "Sub-Projects": the heading goes on
                or _short(doc, nxt, next_line(doc, nxt)) is not None
                or not starts_sentence(texts[nxt])
                or numbered_division(texts[nxt], doc.language)
            ):
                if end - i + 1 >= MAX_RUN_LINES:
                    run_ok = False
                    break
                end = nxt
                continue
            break
        # Where trailing spaces mark wrapped lines, the heading's own wraps carry one; its
        # last line must not.
        if run_ok and doc.trailing_space_wraps and texts[end] != texts[end].rstrip():
            run_ok = False
        if not run_ok:
            i = end + 1 if end > i else i + 1
            continue
        nxt = next_line(doc, end)
        joined = " ".join(texts[k].strip() for k in range(i, end + 1) if not blank[k])
        # The next line is not short (else the run would have taken it, or stopped above):
        # a full first line of a paragraph, or a closed one-line paragraph, or a byline.
        if not heading_text_ok(doc, joined) or not opens_body(doc, nxt):
            i = end + 1
            continue
        if colon_inside and not (is_caps(joined) or is_title_case(joined, doc.language)):
            # "Secure Remote Login:" / "SSH" is a heading; "The steps are:" / "Install it"
            # is a sentence and a list item: a colon inside a run needs the heading's case.
            i = end + 1
            continue
        if nxt < n and pages[nxt] != pages[end]:
            # Body under a heading stands on its page; a run cut by the page break is the end
            # of a paragraph that goes on (the last rule for headlines at a page's foot).
            i = end + 1
            continue
        if phrase_goes_on(doc, end, nxt):
            i = end + 1
            continue
        if _leads_into_display(doc, end):
            i = end + 1
            continue
        count = sum(1 for k in range(i, end + 1) if not blank[k])
        fill = _short(doc, end, nxt) or 0.0
        for k in range(i, end + 1):
            if blank[k]:
                continue
            doc.labels.label(
                k,
                Role.HEADING,
                "heading-short" if k == i else "heading-block-continued",
                f"line {k - i + 1} of {count} short line(s) (with the next word, the last fills "
                f"{fill:.0%} of the column) after "
                + ("a closed sentence" if prev >= 0 and roles[prev] is None else "a page start")
                + ", before a full line of body",
                0.65,
            )
        i = end + 1


def rule_wide_lines(doc: DocView) -> None:
    """Rule ``deck-wide``: right after a heading, lines that span several columns (at least
    :data:`WIDE_HEADLINE` times the local width), up to the first closed line, before body or a
    byline.

    A deck (standfirst) is set across the columns under the headline, often as a sentence
    with its period; its width tells it from the body, which is set in columns.
    """
    if not doc.width_measured:
        return
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    blank = doc.lines.blank
    for i in range(n):
        if blank[i] or roles[i] is not None:
            continue
        if i and not blank[i - 1] and roles[i - 1] is None:
            continue  # the line above is prev_line(i), and no heading: settled without the walk
        prev = prev_line(doc, i)
        if prev < 0 or roles[prev] is not Role.HEADING or doc.labels.notes[prev][0] == "byline":
            continue
        width = doc.local_width(i)
        if (
            not width
            or len(texts[i].strip()) < WIDE_HEADLINE * width
            or not starts_sentence(texts[i])
        ):
            continue
        end = i
        while not closed(texts[end]):
            nxt = next_line(doc, end)
            if nxt >= n or roles[nxt] is not None or end - i + 1 >= MAX_HEADING_LINES:
                break
            end = nxt
        if not closed(texts[end]):
            continue
        nxt = next_line(doc, end)
        # The deck's width vouches for it: the body under it need only open (a narrow column
        # holds fewer than MIN_BODY_WORDS words: "Die Änderung der von verschiede-").
        if nxt < n and not opens_body(doc, nxt):
            continue
        if _leads_into_display(doc, end):
            continue
        for k in range(i, end + 1):
            if doc.lines.blank[k]:
                continue
            doc.labels.label(
                k,
                Role.HEADING,
                "deck-wide" if k == i else "heading-block-continued",
                f"under the heading on line {prev + 1}, "
                f"{len(texts[i].strip()) / width:.1f} times the column width, to its period",
                0.7,
            )


def wide(doc: DocView, i: int, factor: float = WIDE_HEADLINE) -> bool:
    """Does line *i* span columns (at least ``factor`` times its local width)?"""
    width = doc.local_width(i)
    return bool(width) and len(doc.lines.texts[i].strip()) >= factor * width


#: Heading rules whose lines, when two stand right under each other, are one wrapped heading.
#: Measured on the evaluation corpus: every adjacent pair of these was one heading of the gold
#: (29 pairs); every pair that was two headings had a deck rule on its second line.
_JOINABLE_HEADINGS = frozenset({"heading-line", "heading-block", "heading-short"})


def rule_join_heading_lines(doc: DocView) -> None:
    """Rule ``heading-block-continued`` for a heading wrapped over lines that the rules above
    took one by one ("Recommended" / "Procedure": each a title-case line, the first over a
    heading-shaped line): the line right under another, both open, the second not spanning
    the columns, on one page, within ``max_heading_words`` together.  A deck is a rule of
    its own (``deck-wide``, ``deck-over-byline``) and stays a block of its own."""
    texts, roles, notes, pages = (
        doc.lines.texts,
        doc.labels.roles,
        doc.labels.notes,
        doc.labels.pages,
    )
    words = 0
    for i in range(1, len(texts)):
        if roles[i] is not Role.HEADING or notes[i][0] not in _JOINABLE_HEADINGS:
            continue
        above = notes.get(i - 1)
        if above is None or roles[i - 1] is not Role.HEADING or pages[i - 1] != pages[i]:
            continue
        if above[0] not in _JOINABLE_HEADINGS and above[0] != "heading-block-continued":
            continue
        if above[0] in _JOINABLE_HEADINGS:
            words = len(split_words(texts[i - 1]))
        words += len(split_words(texts[i]))
        if closed(texts[i - 1]) or closed(texts[i]) or words > doc.max_words:
            continue
        if wide(doc, i):
            continue
        doc.labels.label(
            i,
            Role.HEADING,
            "heading-block-continued",
            f"right under the heading line above, both open (was {notes[i][0]})",
            notes[i][2],
        )


#: A section number opening a line: arabic (``2``, ``3.1.5``, ``6.``), an appendix letter
#: (``B.3.3``, ``A.``) or a roman numeral (``II.1.``, ``VI.5.``), then a space and the title's
#: first character.  Anchored and bounded: linear on any input.
_SECTION_NUMBER = re.compile(r"(\d{1,3}|[A-Z]|[IVX]{1,5})((?:\.\d{1,3}){0,4})(\.?) +([^\s.,;:)\]])")
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(s: str) -> int:
    """``"VI"`` -> 6 (subtractive pairs read as usual; only I, V and X occur)."""
    total = 0
    for k, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if k + 1 < len(s) and _ROMAN[s[k + 1]] > v else v
    return total


def section_numbers(text: str) -> tuple[tuple[tuple[str, int], ...], ...]:
    """The readings of the section number that opens ``text`` (none when there is none): a
    number is a tuple of (kind, value) levels; ``I``, ``V``, ``X`` alone read as a letter and as
    a roman numeral.  A single letter or roman numeral must be followed by a full stop or a
    second level (``A. Title``, ``B.3 Title``): ``A word`` and ``I think`` open sentences.

    >>> section_numbers("3.1.5 The text installer")
    ((('d', 3), ('d', 1), ('d', 5)),)
    >>> section_numbers("II.1. Preprint options")
    ((('r', 2), ('d', 1)),)
    >>> section_numbers("A Unspecified pieces"), section_numbers("2022 was a year")
    ((), ())
    """
    m = _SECTION_NUMBER.match(text.lstrip())
    if m is None:
        return ()
    first, rest, stop, _ = m.groups()
    levels = tuple(("d", int(x)) for x in rest.split(".")[1:])
    if first.isdigit():
        if len(first) > 2 and not levels:
            return ()  # "2022 was": a year, not a section
        return ((("d", int(first)), *levels),)
    if not (levels or stop):
        return ()
    out = []
    if len(first) == 1:
        out.append((("l", ord(first) - 64), *levels))
    if set(first) <= set(_ROMAN):
        out.append((("r", _roman(first)), *levels))
    return tuple(out)


def _following(number: tuple[tuple[str, int], ...]) -> set[tuple[tuple[str, int], ...]]:
    """The numbers that may come next after section ``number``: the next sibling, the first
    child, and the next of every enclosing level (``2.4.3`` -> ``2.4.4``, ``2.4.3.1``, ``2.5``,
    ``3``)."""
    out = {(*number, ("d", 1))}
    for k in range(len(number)):
        kind, value = number[k]
        out.add((*number[:k], (kind, value + 1)))
    return out


#: Lines at least between two one-level section numbers that vouch for each other.  Set
#: from the texlive-pdf families tuned on (l2tabu, latex4wp, yet-another-guide: enumerated
#: items and footnotes 1 / 2 / 3 stand 1-4 lines apart; their sections 10 and more).
MIN_SECTION_GAP = 6
#: A sentence end inside the title, before a capital: a run-in title and its paragraph.
_RUN_IN = re.compile(r"[.!?] +[A-Z]")
#: A numbered heading fills at most this share of its local column (a longer line is a
#: numbered list item or body running on).  The MAX_HEADING_WIDTH of the other heading rules.
MAX_NUMBERED_WIDTH = MAX_HEADING_WIDTH


def rule_numbered_headings(doc: DocView) -> None:
    """Rule ``heading-numbered``: a line that opens with a section number which the document's
    own numbering vouches for -- another line of the text, before it, carries the number that
    precedes it (``2.4`` or ``2`` before ``2.5``, ``5.3`` before ``6``), or one after it carries
    a number that follows it -- and reads as a title: open (no sentence end, no comma or hyphen
    at its end, no function word last; a multi-level number may close with a full stop, as
    ``4.2. Lemmas, etc.``), at most ``max_heading_words`` words, narrower than
    :data:`MAX_NUMBERED_WIDTH` of its column, after a closed, labelled, blank or short line and
    before a line that starts a sentence (or a label, or the end).

    Born-digital manuals and papers (pdftotext -raw: no blank lines) print their numbered
    section titles as one short line between paragraphs; no other heading rule takes "2.5
    Other notable programs in TeX Live" (sentence case, not set apart).  A numbered list item
    (``1. Install it``) rarely has a numbered twin that is a heading, but it may have its
    sequence: the open-line and width conditions are what keep list items out.
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    stripped = doc.stripped
    found: list[tuple[int, tuple[tuple[tuple[str, int], ...], ...]]] = []
    for i in range(n):
        s = stripped[i]
        if blank[i] or not s or not (s[0].isdigit() or s[0] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
            continue
        numbers = section_numbers(s)
        if numbers:
            found.append((i, numbers))
    if len(found) < 2:
        return
    found_at = dict(found)
    vouched: set[int] = set()
    for a in range(len(found)):
        i, numbers = found[a]
        nexts = set().union(*(_following(x) for x in numbers))
        for b in range(a + 1, len(found)):
            j, later = found[b]
            hits = [x for x in later if x in nexts]
            if not hits:
                continue
            # Two one-level numbers in a row (1. / 2.) are as often a list or footnotes as
            # sections: they vouch only when a stretch of text lies between them.
            one_level = all(len(x) == 1 for x in hits) and all(len(x) == 1 for x in numbers)
            if one_level and j - i < MIN_SECTION_GAP:
                continue
            # "A. Volk" / "C. Speck": initials of names stand in sequence too (hkb-newspaper's
            # advertisements); letters alone vouch only with a second level ("B" / "B.1").
            if one_level and all(x[0][0] == "l" for x in hits):
                continue
            vouched.add(i)
            vouched.add(j)
    for i in sorted(vouched):
        if roles[i] is not None:
            continue
        t = stripped[i]
        numbers = section_numbers(t)
        multi = any(len(x) > 1 for x in numbers)
        title = _SECTION_NUMBER.match(t)
        rest = t[title.start(4) :] if title else ""
        if sum(map(str.isalpha, rest)) < 2 or len(split_words(t)) > doc.max_words:
            continue
        if not (rest[:1].isalpha() or rest[:1] in "\\“‘\"'«„"):
            continue  # "1 + dP (1+d2)": a formula's line
        if not multi and rest[:1].islower() and not _first_child_next(doc, i, numbers, found_at):
            continue  # "2. or by using": an item going on; "2.3.1 times.sty" is a title
        if _in_numbered_run(doc, i, found_at):
            continue  # three numbered lines in a row: contents or a list, not headings
        end = rest.rstrip(CLOSERS_OF_TITLE)[-1:] if rest.rstrip(CLOSERS_OF_TITLE) else ""
        if end in ",;:-–—" or ends_with_function_word(rest, doc.language):
            continue
        if closed(rest) and not (multi and rest.endswith((".", "?")) and not rest.endswith("..")):
            continue  # a multi-level number may close its title: "4.2. Lemmas, etc.", "1.1 Quoi ?"
        if _RUN_IN.search(rest):
            continue  # "3.1. The title. You specify ...": a run-in title opens its paragraph
        if doc.width_measured:
            local = doc.local_width(i)
            if local and len(t) > MAX_NUMBERED_WIDTH * local:
                continue
        prev = prev_line(doc, i)
        if prev >= 0 and roles[prev] is None and not closed(texts[prev]):
            # An open line above: a heading only when that line ends short (a title, a list
            # item without a stop), never after a line that runs on to this one.
            local = doc.local_width(prev) if doc.width_measured else 0.0
            p = stripped[prev]
            if not local or len(p) > MAX_NUMBERED_WIDTH * local or p.endswith(("-", ",")):
                continue
            if ends_with_function_word(p, doc.language):
                continue
        nxt = next_line(doc, i)
        # One level ("2. or by") before a lower-case line: an item going on.  Under a
        # multi-level number a description list may open lower case ("article Un ...").
        # A digit after a one-level title may be the sentence going on ("6. Endlich kan
        # nachfolgende Zahl" / "12345678900987654321 zu einem Exempel", ocrd-structure).
        if (
            nxt < n
            and roles[nxt] is None
            and not multi
            and not (starts_sentence(texts[nxt]) and not stripped[nxt][:1].isdigit())
            and not stripped[nxt].startswith("\\")
        ):
            continue
        if nxt < n and phrase_goes_on(doc, i, nxt):
            continue
        doc.labels.label(
            i,
            Role.HEADING,
            "heading-numbered",
            "opens with a section number its neighbours' numbers continue; a short open line"
            " between paragraphs",
            0.75,
        )


def _first_child_next(doc: DocView, i: int, numbers: tuple, found_at: dict) -> bool:
    """Does the next line carry the first subsection of line *i*'s number (``3`` / ``3.1``)?"""
    later = found_at.get(next_line(doc, i), ())
    return any((*x, ("d", 1)) in later for x in numbers)


def _in_numbered_run(doc: DocView, i: int, found_at: dict) -> bool:
    """Line *i* and the lines on both sides of it open with section numbers (a table of
    contents, a numbered list); a heading and its first subheading make a run of two only."""
    before, after = prev_line(doc, i), next_line(doc, i)
    return before in found_at and after in found_at


#: Marks that may close a title (a quoted or bracketed last word), looked through at its end.
CLOSERS_OF_TITLE = "\"'”’»)]"
