"""Lines set apart at the top of a page: running heads found by their position.

Real pages carry running heads that change from page to page (the section or species on that
page: "THE GOLDEN ORIOLE.", "LIVRE DOUZIÈME."); repetition does not find them.  Their
position does, once the page is known (a form feed, or pages inferred from furniture): the
first lines of a page, each a block of its own, short, not a sentence.  Measured on the IMPACT
BHL pages (the tuning source, eval/real/; blank lines between regions, form feeds between pages):
running heads and page numbers inside paragraphs 49.6 % -> 15.9 %, paragraph-start precision
0.658 -> 0.729, recall 0.961 -> 0.954, word error rate 5.98 % -> 4.91 %.

Not done, on purpose: the last line of a page, alone and short, is *not* taken for a foot line
(signature mark, catch-word): on those pages it was a paragraph 178 times (dates such as
"March, 1849." under a plate description) against 102, and paragraph-start F1 fell 0.827 ->
0.822 with it.  Nor is a short line alone between blank lines anywhere on the page taken out of
the body.  On those pages annotators typed 1,434 such lines as paragraphs
("Hab. St. Helena.", "SOWERBY, Pro. Zool. Soc., 1833. p. 37.") against 768 that were headings,
captions or furniture; labelling them all cost 0.15 of paragraph-start recall.

For exports without form feeds or blank lines (one line per printed line), two more rules find
pages by a number sequence: bare numbers counting up by one through the document are page
numbers wherever they stand (:func:`rule_page_number_runs`), and a line in capitals beside one
is the running head (:func:`rule_heads_beside_numbers`).

The rules run last (:data:`reflow.structure.RULES`): they label only what no rule before them
labelled, so a heading stays a heading.
"""

from __future__ import annotations

from reflow.model import Role
from reflow.structure.view import DocView

#: A line counts as short here below this share of the document's typical line length.  Running
#: heads on the BHL pages are up to about two thirds of the line ("A REVISION OF CERTAIN BARBUS
#: SPECIES FROM AFRICA" on a 90-character line); body lines that end a paragraph alone between
#: blank lines do not occur in the generated corpus at all.
EDGE_SHORT = 0.75
#: Lines at the top of a page that may be furniture: running head, page number, a second head.
TOP_LINES = 3
#: A lone line with at least this many words that ends a sentence reads as a one-line paragraph.
SENTENCE_WORDS = 4


def _alone(doc: DocView, i: int) -> bool:
    """Line *i* is a block of its own: blank lines or page edges on both sides."""
    lines, pages = doc.lines, doc.labels.pages
    n = len(lines)
    above = i == 0 or lines.blank[i - 1] or pages[i - 1] != pages[i]
    below = i == n - 1 or lines.blank[i + 1] or pages[i + 1] != pages[i]
    return above and below


def _short(doc: DocView, i: int, share: float = EDGE_SHORT) -> bool:
    return doc.width_measured and len(doc.lines.texts[i].strip()) < share * doc.width


def _sentence(text: str) -> bool:
    """Reads as a sentence: starts upper case, not all capitals, ends with . ! ? and has words."""
    t = text.strip().rstrip("\"'”»)")
    words = t.split()
    letters = [c for c in t if c.isalpha()]
    return (
        len(words) >= SENTENCE_WORDS
        and t[-1:] in ".!?"
        and bool(letters)
        and letters[0].isupper()
        and sum(c.islower() for c in letters) > len(letters) // 2
    )


def rule_page_edges(doc: DocView) -> None:
    """The first lines of a page, each alone and short and not a sentence, are running heads
    (or the page number beside them)."""
    pages = doc.labels.pages
    if len(set(pages)) < 2:
        return
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    n = len(texts)
    starts = [i for i in range(n) if i == 0 or pages[i] != pages[i - 1]]
    for s, start in enumerate(starts):
        end = starts[s + 1] if s + 1 < len(starts) else n
        body = [i for i in range(start, end) if not blank[i]]
        if len(body) < 2 * TOP_LINES:
            continue  # a page this short has no room for furniture and body both
        for i in body[:TOP_LINES]:
            if not _alone(doc, i) or not _short(doc, i) or texts[i].strip()[:1].islower():
                break
            if roles[i] is None and not _sentence(texts[i]):
                doc.labels.label(
                    i,
                    Role.PAGE_HEADER,
                    "page-edge-head",
                    f"line {i - start + 1} of page {pages[i]}, alone and short",
                    0.7,
                )


#: Lines between two members of a page-number run at least (a page holds more lines than this).
RUN_GAP = 10
#: Words in a running head beside a page number at most.
HEAD_WORDS = 8


def _bare_number(text: str) -> int | None:
    """The value of a line that is only a number of 1-4 digits (``216``), else None."""
    t = text.strip().lstrip("\f")
    return int(t) if t.isdigit() and len(t) <= 4 else None


def rule_page_number_runs(doc: DocView) -> None:
    """Bare numbers that count up by one through the document, each at least ``RUN_GAP`` lines
    after the one before, are page numbers wherever they stand (an export without form feeds
    puts them between two lines of a paragraph)."""
    texts, roles = doc.lines.texts, doc.labels.roles
    numbers = [(i, v) for i, t in enumerate(texts) if (v := _bare_number(t)) is not None]
    run: list[int] = []
    last_line, last_value = -RUN_GAP, None
    runs: list[list[int]] = []
    for i, v in numbers:
        if last_value is not None and v == last_value + 1 and i - last_line >= RUN_GAP:
            run.append(i)
        else:
            if len(run) >= 2:
                runs.append(run)
            run = [i]
        last_line, last_value = i, v
    if len(run) >= 2:
        runs.append(run)
    for run in runs:
        for i in run:
            if roles[i] is None:
                doc.labels.label(
                    i,
                    Role.PAGE_NUMBER,
                    "page-number-run",
                    f"{texts[i].strip()!r}: one of {len(run)} numbers counting up by one, "
                    f"{RUN_GAP}+ lines apart",
                    0.8,
                )


def rule_heads_beside_numbers(doc: DocView) -> None:
    """A short line right above or below a page number, in capitals, is a running head."""
    texts, roles = doc.lines.texts, doc.labels.roles
    n = len(texts)
    for i in range(n):
        if roles[i] is not Role.PAGE_NUMBER:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < n or roles[j] is not None or doc.lines.blank[j]:
                continue
            t = texts[j].strip().lstrip("\f")
            letters = [c for c in t if c.isalpha()]
            if (
                letters
                and len(t.split()) <= HEAD_WORDS
                and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
                and _short(doc, j)
            ):
                doc.labels.label(
                    j,
                    Role.PAGE_HEADER,
                    "head-beside-page-number",
                    f"a line in capitals beside the page number {texts[i].strip()!r}",
                    0.7,
                )
