"""Text that is not body: tables of contents, code, table cells, formulas, references.

Part of stage 3 (:mod:`reflow.structure`).  Manuals and papers print much text that is not
running prose, and an extractor gives it as lines like any other: a table of contents, a code
listing or a command-line session, the cells of a table one to a line, a displayed formula.
Left unlabelled, each becomes a paragraph (or is glued to one): on the TeX Live manuals of
``eval/real/texlive-pdf`` such lines were 94 % of the words reflow put into paragraphs that the
source does not have there (docs/evaluation.md).

Each rule needs the line's own text to have the shape, and most need a neighbour of the same
kind, so that one line of prose that mentions a command or holds a number never passes:

* ``contents-leader``: a dot leader and a page number (``2.3 Abstract . . . . . 3``), or a
  leader alone at the line end (pdfminer: the page numbers in a column apart);
  ``contents-entry``: a line ending in a page number next to such lines (``1 Introduction 2``);
  ``contents-title``: the line ``Contents`` (or its translation) right above them.
  Role ``front-matter``.
* ``code-syntax``: most of the line's words are code (``\\usepackage{fontenc}``,
  ``publisher={Springer},``, ``> kpsewhich tex.pro``, ``% comment``).  Role ``code``.
  ``code-run``: a line next to code with one weaker sign of code and at most two words of
  prose (``\\item two``, ``install: xetex.i386-linux``, ``TEXMF = {$TEXMFLOCAL}``).
* ``table-cells``: a run of short cells, one to a line, most of them numbers or symbols
  (``(135)`` / ``0.146`` / ``·``).  Role ``table``.
* ``formula-symbols``: a short line of mathematical symbols with at most one word
  (``Xα ≈``, ``a = c``).  Role ``formula``.
* ``reference-entry``: the lines of a reference list under its title (``References``,
  ``Literatur``), entries marked ``[1]`` or ``1.``.  Role ``reference``.
* ``drop-capital``: a capital alone on its line at a paragraph's start, over the rest of its
  word (``D`` / ``At Cpitel van dem minſchen``).  Role ``other``.

Labelled lines stay in the blocks with their text and offsets; the clean text leaves them out
(:data:`reflow.render.TEXT_ROLES`), and the boundary stage heals a paragraph across them
(a sentence that goes on in lower case after a display).

>>> from reflow.config import Config
>>> from reflow.lines import split_lines
>>> from reflow.structure import label_lines
>>> text = ("Contents\\n1 Introduction 2\\n1.1 History . . . . . . . . 3\\n"
...         "1.2 Scope . . . . . . . . . 4\\n2 Use 5\\n"
...         "Load the package in the preamble with\\n\\\\usepackage[T1]{fontenc}\\n"
...         "and nothing else is needed.\\n")
>>> labels = label_lines(split_lines(text), Config(), "en")
>>> [labels.notes[i][0] if labels.roles[i] else None for i in range(8)]
... # doctest: +NORMALIZE_WHITESPACE
['contents-title', 'contents-entry', 'contents-leader', 'contents-leader', 'contents-entry',
 None, 'code-syntax', None]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, repeat
from operator import le, not_

from reflow.model import Role
from reflow.structure.pagefoot import is_drop_capital
from reflow.structure.view import DocView, lines_matching

# --- tables of contents --------------------------------------------------------------------

#: A page number (arabic or roman) at the end of a line; a dot leader before it (four dots
#: or more, spaced or not) is tested on the text before it (a regex that searched for the
#: dots and the number at once went quadratic on a line of dots without a number).
_PAGE_AT_END = re.compile(r"(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$")
#: A contents entry without leader: a section number or a capital word first, a page number
#: last (``1 Introduction 2``, ``V.6. Appendices 10``, ``A Fonts 31``).
_ENTRY = re.compile(
    r"(?:(?:\d{1,2}|[A-Z]|[IVXLC]{1,5})(?:\.\d{1,2}){0,4}\.? )?\S[^\n]{0,120}? "
    r"(?:\d{1,4}|[ivxlc]{1,6})$"
)
#: A line of leader dots alone (pdfminer), at least eight.
_DOTS_ALONE = re.compile(r"(?:\. ?){8,}")
#: A line ending in a leader of at least 8 dots in its last this many characters, and no page
#: number: pdfminer's contents lines, where the page numbers are a column of their own.  An
#: ellipsis in prose (". . .") has three dots.  Seen on the texlive-pdf families tuned on
#: (l2tabu, latex4wp, yet-another-guide...); on the held-out families (texlive-*, csquotes,
#: tugboat...) pdfminer's word error fell from 20.8 % to 12.9 %, paragraph-start precision
#: rose from 0.628 to 0.643 (eval/nonbody_lines.py --score --part held-out).
_TRAILING_LEADER = 15
#: A section number opening a line (``2.2.4 Title``, ``8.7. Title``), two levels or more.
_NUMBERED = re.compile(r"(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){1,4}\.? \S")
#: A run of numbered title lines (two levels: ``2.1``) is part of the contents when it has
#: at least this many lines one after the other: a heading and the numbered heading right
#: under it make two.
MIN_NUMBERED_RUN = 3
#: The title over a table of contents, in the languages of the real and generated pages.
CONTENTS_TITLES = frozenset(
    {
        "contents",
        "table of contents",
        "inhalt",
        "inhaltsverzeichnis",
        "table des matières",
        "sommaire",
        "indice",
        "índice",
        "sommario",
        "spis treści",
        "obsah",
        "inhoud",
        "inhoudsopgave",
        "índice general",
    }
)
#: Entry lines of a contents run have at most this many words: the longest title line in the
#: contents of the texlive-pdf documents tuned on has 13 (docs/evaluation.md).
MAX_ENTRY_WORDS = 16
#: A contents run needs this many leader lines before entry lines without leaders join it:
#: two, so that one line of prose with an ellipsis and a number (". . . 3") makes no run.
MIN_LEADERS = 2
#: An entry line joins the run when a contents line stands at most this many non-blank lines
#: away (a chapter line between two sections, a title that wrapped).
ENTRY_REACH = 2

# --- code ----------------------------------------------------------------------------------

#: A word that is code: a control word (``\\usepackage``), braces or brackets, an assignment
#: (``key=value``), a TeX alignment mark or line end, a path, or a command-line option.
_CODE_WORD = re.compile(
    r"\\[A-Za-z@]|[{}]|\\\\|^&$|^[A-Za-z@]+=|^--?[a-z]|/(?=[a-z0-9_.-]*[a-z])[a-z0-9_.-]+/"
    r"|\[(?=[^ \[\]]*[A-Za-z=])[^ \[\]]*\]"
)
#: A command-line prompt and a command (``> kpsewhich tex.pro``, ``$ tex file``) or a TeX
#: comment (``% e-TeX related files``) opening the line; the space and the lower-case command
#: keep out an amount (``$3,346``) and OCR debris (``%) Es ist``, ``> +``).
_PROMPT = re.compile(r"[>$] (?:[a-z][\w.-]*|[A-Z]:\\\S*)(?: |$)|% [A-Za-z]")
#: Share of a line's words that code (``_CODE_WORD``) must exceed for ``code-syntax``: 0.5.  On
#: the pdftotext -raw extractions of the texlive-pdf documents tuned on, body lines that mention
#: commands reach 0.4 at most when they have 5 words or more (docs/evaluation.md).
CODE_SHARE = 0.5
#: A line of a single code word is code only beside another code line, alone between
#: blank lines, or when it is a control word with an argument or a value
#: (``\\usepackage{fontenc}``, ``\\pdfoutput=1``): a word like ``{a}`` or ``x=y`` in a
#: line of its own may be the end of a sentence.
_LONE_CODE = 1
_STRONG_CODE = re.compile(r"\\[A-Za-z@]+\*?[\[{=]")
#: What a line needs for :func:`_code` to be True: a character of a :data:`_CODE_WORD` (a
#: backslash, a brace, an ampersand, an equals sign, a slash, a bracket; or a dash opening a
#: word), or the first character of a :data:`_PROMPT`.  Most documents hold few of them:
#: their lines are found by searches over the whole text (:func:`lines_matching`, a fast
#: substring search for each character), where _code splits every line and searches
#: every word.  The dash at the very start of the text has no space before it: line 0 is
#: always a candidate.
_CODE_MARKS = (*"\\{}&=/[>$%", re.compile(r"-(?<=\s-)"))

# --- table cells and formulas --------------------------------------------------------------

#: A table cell on a line of its own: at most this many characters (the cells of the
#: tables in the tuned texlive-pdf documents: up to 12; names and dates up to 16).
MAX_CELL_CHARS = 16
#: ... in a run of at least this many cell lines, one after the other: 4.  A list of four
#: one-word items in prose ("uno" / "due" ...) has no numbers, see MIN_NUMERIC_SHARE.
MIN_CELL_RUN = 4
#: Share of a cell run's lines that hold a digit or no letter (``·``, ``—``): 2/3; the cells
#: of a typewritten catalogue that the tapuscorpus gold calls body have half.
MIN_NUMERIC_SHARE = 2 / 3
#: ... and share that hold a digit: 1/3 (a run of marks alone, ``~~~`` for handwriting in
#: tapuscorpus, has none; the aastex tables of the tuned documents have half and more).
MIN_DIGIT_SHARE = 1 / 3
#: At most one line in this many of a cell run may end in a full stop (see rule_table_cells).
MAX_STOP_SHARE_DEN = 4
#: Characters of mathematics (operators, relations, Greek letters are tested apart).
_MATH = frozenset("=+<>≤≥≈≠≡±×÷·∑∏∫∂∇∞∈∉⊂⊆∪∩→←↔⇒⇔∀∃√−′″∼∝⊥∥")
#: Relations and signs that only mathematics uses: a formula line needs one of them.
_RELATION = frozenset("=<>≤≥≈≠≡∑∏∫∂∇∞∈∉⊂⊆∪∩→←↔⇒⇔∀∃√∼∝⊥∥")
#: The same set as one character class: a search in C instead of a Python loop per character
#: (the loop was the most called line of the structure stage, bench/results/speed.md).
_HAS_RELATION = re.compile("[" + re.escape("".join(sorted(_RELATION))) + "]")
#: The same characters one by one, for :func:`lines_matching` (each found with the fast
#: substring search; the character class is tried at every character).
_RELATIONS = tuple(sorted(_RELATION))
#: A formula line has at most this many words of three letters or more.
MAX_FORMULA_WORDS = 1
#: ... and at most this many characters: a displayed formula of the tuned documents has up to
#: 40; a longer line is prose with an equation in it.
MAX_FORMULA_CHARS = 40

_WORD = re.compile(r"[^\W\d_]{3,}")

# --- reference lists -----------------------------------------------------------------------

#: Titles of a list of references, in the languages of the real and generated pages.
REFERENCE_TITLES = frozenset(
    {
        "references",
        "bibliography",
        "literature",
        "literatur",
        "literaturverzeichnis",
        "bibliographie",
        "références",
        "références bibliographiques",
        "bibliografia",
        "riferimenti bibliografici",
        "bibliografía",
        "referencias",
        "literatura",
        "bibliografie",
        "literatuur",
    }
)
#: An entry of a reference list opens with a number in brackets, a number and a full stop, or
#: an author-year key in brackets (``[Knu84]``).
_REFERENCE_MARK = re.compile(r"\[\w[\w+.-]{0,11}\] |\d{1,3}\. [A-Z]")
#: A numbered section heading ends the list (``5 Conclusion``, ``A.1 Fonts``).
_SECTION_HEADING = re.compile(r"(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}\.? [A-Z][^.]{0,60}$")
#: A reference list needs at least this many entry marks (the two lists of the texlive-pdf
#: documents have 6 and 7 in their first 30 pages; one mark may be a footnote).
MIN_REFERENCE_MARKS = 3


def _leader(text: str) -> bool:
    # pdfminer prints a table of contents as columns: the titles, then the leaders alone
    # ("  . . . . . . . .") , then the page numbers; or a title with its leader and the page
    # numbers apart ("3.1.6 The graphical installer . . . . . . . .").
    if _DOTS_ALONE.fullmatch(text):
        return True
    tail = text[-_TRAILING_LEADER:]
    if len(tail) == _TRAILING_LEADER and tail.count(".") >= 8 and not tail.strip(". "):
        return True
    m = _PAGE_AT_END.search(text)
    if m is None:
        return False
    return text[: m.start()].rstrip()[-8:].replace(" ", "").endswith("....")


def _numbered(text: str) -> bool:
    """A numbered title line without a page number (pdfminer's column of titles)."""
    return (
        _NUMBERED.match(text) is not None
        and len(text.split()) <= MAX_ENTRY_WORDS
        and text[-1:] not in ".!?;:,"
    )


def _entry(text: str) -> bool:
    """A contents entry without a leader: numbered or capitalised, a page number last, not a
    sentence (no full stop before the number)."""
    if len(text.split()) > MAX_ENTRY_WORDS or not _ENTRY.fullmatch(text):
        return False
    head = text.rsplit(" ", 1)[0].rstrip()
    return bool(head) and head[-1] not in ".!?;:," and (head[0].isupper() or head[0].isdigit())


def rule_contents(doc: DocView) -> None:
    """``contents-leader``, ``contents-entry``, ``contents-title``: a table of contents."""
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    stripped = doc.stripped
    # A leader line holds at least four dots (_leader): the count in C for every line, the
    # regexes for the few lines that have them.
    dotted = compress(range(len(texts)), map(le, repeat(4), map(str.count, texts, repeat("."))))
    leaders = [i for i in dotted if roles[i] is None and _leader(stripped[i])]
    taken: set[int] = set()
    nonblank = list(compress(range(len(texts)), map(not_, blank)))
    # pdfminer's column of titles: runs of numbered lines (the leaders elsewhere).  The
    # section-number match in C for every line; a run is consecutive non-blank lines that
    # pass _numbered, and the labels below fall on the run's own lines, so the flags of the
    # lines after it do not change while the runs are labelled.
    # The loop visits only the non-blank lines that the match opens (picked in C): any other
    # line fails the test and ends a run, which shows as a gap in the picked positions.
    opens = list(map(_NUMBERED.match, stripped))
    picked = compress(range(len(nonblank)), map(opens.__getitem__, nonblank))
    run: list[int] = []

    def end_run() -> None:
        if len(run) >= MIN_NUMBERED_RUN:
            for r in run:
                doc.labels.label(
                    r,
                    Role.FRONT_MATTER,
                    "contents-numbered",
                    f"{len(run)} numbered titles in a row, titles of two levels or more",
                    0.75,
                )
                taken.add(r)
        run.clear()

    last = -2
    for k in [*picked, len(nonblank) + 1]:  # past the end: the last run ends
        if k != last + 1:
            end_run()  # a line between failed the match
        last = k
        j = nonblank[k] if k < len(nonblank) else -1
        if j >= 0 and roles[j] is None and _numbered(stripped[j]):
            run.append(j)
            continue
        end_run()
    if len(leaders) < MIN_LEADERS:
        leaders = []
    for i in leaders:
        doc.labels.label(i, Role.FRONT_MATTER, "contents-leader", "dot leader and page number", 0.9)
        taken.add(i)
    # Grow the runs outward from the leader lines and numbered runs, entry by entry.
    todo = sorted(taken)
    while todo:
        i = todo.pop()
        k = bisect_left(nonblank, i)  # i's place among the non-blank lines
        for step in (-1, 1):
            for d in range(1, ENTRY_REACH + 1):
                kk = k + step * d
                if not 0 <= kk < len(nonblank):
                    break
                j = nonblank[kk]
                if j in taken:
                    continue
                t = texts[j].strip()
                if roles[j] is None and _entry(t):
                    doc.labels.label(
                        j,
                        Role.FRONT_MATTER,
                        "contents-entry",
                        f"page number last, {d} line(s) from a contents line",
                        0.8,
                    )
                    taken.add(j)
                    todo.append(j)
                break
    for i in sorted(taken):
        k = bisect_left(nonblank, i)
        if k and nonblank[k - 1] not in taken:
            j = nonblank[k - 1]
            if roles[j] in (None, Role.HEADING) and _title(texts[j]):
                doc.labels.label(
                    j, Role.FRONT_MATTER, "contents-title", "over a table of contents", 0.85
                )


def _title(text: str) -> bool:
    return text.strip().rstrip(":").casefold() in CONTENTS_TITLES


def code_share(text: str) -> tuple[int, int]:
    """``(code words, words)`` of a line.

    >>> code_share("\\\\usepackage[T1]{fontenc} \\\\usepackage{lmodern}")
    (2, 2)
    >>> code_share("Use the \\\\emph command to stress a word.")
    (1, 8)
    """
    words = text.split()
    return sum(1 for w in words if _CODE_WORD.search(w)), len(words)


def _code(text: str) -> bool:
    if text.endswith("-") and text[-2:-1].isalpha():
        return False  # a word cut by a line-end hyphen goes on in the next line: prose
    if _PROMPT.match(text) and len(text.split()) <= 12:
        return True
    code, words = code_share(text)
    if words == 0 or code <= CODE_SHARE * words:
        return False
    # Commands named in a sentence are a list with commas ("\\mbox, \\fbox, and ..."); code
    # separates its arguments inside the braces.
    return sum(w.endswith(",") and w.startswith("\\") for w in text.split()) < 2


def rule_code(doc: DocView) -> None:
    """``code-syntax``: lines most of whose words are code."""
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    stripped = doc.stripped
    n = len(texts)
    cand = [False] * n
    # _code is False for a line without one of _CODE_MARKS: the few lines that hold one
    # are found in C, and _code runs on them alone.
    for i in lines_matching(doc.lines, _CODE_MARKS) if n else ():
        if roles[i] is None and not blank[i] and _code(stripped[i]):
            cand[i] = True
    if n and roles[0] is None and not blank[0] and _code(stripped[0]):
        cand[0] = True
    for i in compress(range(n), cand):
        t = stripped[i]
        if len(t.split()) <= _LONE_CODE:
            # One code word alone: needs a code line beside it or blank lines around it.
            beside = (i > 0 and cand[i - 1]) or (i + 1 < n and cand[i + 1])
            alone = (i == 0 or blank[i - 1]) and (i + 1 == n or blank[i + 1])
            if not (beside or alone or _STRONG_CODE.match(t)):
                continue
        code, words = code_share(t)
        what = "a command-line prompt" if _PROMPT.match(t) else f"{code} of {words} words code"
        doc.labels.label(i, Role.CODE, "code-syntax", what, 0.8)


#: A line next to a code listing joins it on weaker evidence than :func:`_code`: one code word
#: (``\\item two``), a path or a variable (``$TEXMF``, ``/usr/local``), a program's message
#: (``install: xetex``, ``kdebug:search(ls-R) =>``).
_WEAK_CODE = re.compile(
    r"\\[A-Za-z@]|[{}]|\\\\|(?:^|\s)&(?:\s|$)|\$[A-Z]|/[\w.-]+/|=>|::|^%|^[a-z][\w-]*:\S?|\w\(|;$|\w=\S"
)


#: A word of prose: letters only, a punctuation mark after them.
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}[,.;:!?]?")
#: A line that joins a listing holds at most this many words of prose: 2.  On the texlive-pdf
#: families tuned on (eval/nonbody_lines.py --part tuned), 4 took 669 listing lines and 45
#: body lines, 2 took 465 and 43 (397 and 25 once list items were left out, _BULLETS); the
#: body lines 3 and 4 add ("Replace: \\usepackage{times} by ...", "an environment:
#: \\env{fred} produces") hold words that the line-end hyphen counts need (hyphen joins on
#: pdftotext-raw 97.1 % with 2, 97.0 % with 4).
MAX_RUN_PROSE = 2


#: Marks of a list item: a line they open is an item of the text, not a listing's line.
_BULLETS = frozenset("•◦▪‣–—*-")


def _cut_word(text: str) -> bool:
    return text.endswith("-") and text[-2:-1].isalpha()


def _weak_code(text: str) -> bool:
    if text.endswith(("-", ":")) and text[-2:-1].isalpha():
        return False
    if _WEAK_CODE.search(text) is None:
        return False
    if _NUMBERED.match(text):
        return False  # a numbered heading that names a command
    if text[:1] in _BULLETS and text[1:2] == " ":
        return False  # an item of a list in the text ("• \\rmdefault (roman)")
    words = text.split()
    prose = sum(1 for w in words if _PROSE_WORD.fullmatch(w))
    if prose >= 2 and words[-1][-1] in ".,!?":
        return False  # a sentence that ends here, or goes on after a comma
    return prose <= MAX_RUN_PROSE


def rule_code_run(doc: DocView) -> None:
    """``code-run``: a line next to a code line, on the same page, with a weaker sign of code
    (:data:`_WEAK_CODE`): the listing's lines that hold few code words.

    Tuned on the texlive-pdf families of ``eval/nonbody_lines.py`` (``TUNED``): 397 listing
    lines taken there, 25 body lines (most of them a gold quirk: ``a &= b \\\\`` in l2tabu's
    text).  On the families held out it took 172 listing lines and 22 body lines, and
    paragraph-start precision went 0.707 -> 0.712, word error 16.3 % -> 15.3 %.
    """
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    pages, stripped = doc.labels.pages, doc.stripped
    n = len(texts)
    todo = [i for i in range(n) if roles[i] is Role.CODE]
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if not 0 <= j < n or blank[j] or roles[j] is not None or pages[j] != pages[i]:
                continue
            if j and _cut_word(stripped[j - 1]):
                continue  # the rest of a word cut at the line end above: prose goes on
            if _weak_code(stripped[j]):
                doc.labels.label(
                    j, Role.CODE, "code-run", f"a sign of code, next to code line {i + 1}", 0.7
                )
                todo.append(j)


def _cell(text: str) -> bool:
    return 0 < len(text) <= MAX_CELL_CHARS and len(text.split()) <= 2


def _numeric(text: str) -> bool:
    return any(map(str.isdigit, text)) or not any(map(str.isalpha, text))


def _digits(text: str) -> bool:
    return any(map(str.isdigit, text))


def rule_table_cells(doc: DocView) -> None:
    """``table-cells``: runs of short cells, one to a line, most of them numbers or symbols."""
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    pages = doc.labels.pages
    n = len(texts)
    resume = 0
    # A cell is at most MAX_CELL_CHARS long: only such lines can open a run (picked in C).
    for i in doc.up_to(MAX_CELL_CHARS):
        if i < resume or blank[i] or roles[i] is not None or not _cell(texts[i].strip()):
            continue
        # A run stays on its page: a list's numbers at a page foot and the next page's head
        # ("3" / form feed / "4" / "Pay.") make no table.
        j = i
        while (
            j < n
            and not blank[j]
            and roles[j] is None
            and pages[j] == pages[i]
            and _cell(texts[j].strip())
        ):
            j += 1
        run = range(i, j)
        numeric = sum(_numeric(texts[k].strip()) for k in run)
        # Numbers closed by a full stop are a list's or a plate's (``633.``, ``16. a.``: the
        # figure numbers of the impact-bhl plates), not a table's cells.
        stops = sum(texts[k].strip().endswith(".") for k in run)
        if (
            len(run) >= MIN_CELL_RUN
            and numeric >= MIN_NUMERIC_SHARE * len(run)
            and sum(_digits(texts[k]) for k in run) >= MIN_DIGIT_SHARE * len(run)
            and stops * MAX_STOP_SHARE_DEN <= len(run)
        ):
            for k in run:
                doc.labels.label(
                    k,
                    Role.TABLE,
                    "table-cells",
                    f"{len(run)} short cells in a row, {numeric} numbers or symbols",
                    0.75,
                )
        resume = j


def _formula(text: str) -> bool:
    if not text or len(text) > MAX_FORMULA_CHARS:
        return False
    # A relation or a sign only mathematics uses is needed: a Greek letter alone is also a
    # logo (``LaTeX2ε``), and a plus or a dot is also OCR debris (``+ AT``, ``Ib+s``).
    if not _HAS_RELATION.search(text) or text.endswith((".", ",", "-")):
        return False
    # OCR debris is no formula: a question, an apostrophe, an underscore or an ellipsis
    # ("Qu'as tu ? +", "IU47._L", "—… 94 ="), one sign repeated, an operator alone ("=").
    if any(c in "?!'’\"_…" for c in text) or len(set(text) - _MATH - {" "}) < 2:
        return False
    return len(_WORD.findall(text)) <= MAX_FORMULA_WORDS


def rule_formulas(doc: DocView) -> None:
    """``formula-symbols``: a short line of mathematical symbols with at most one word."""
    roles, stripped, lengths = doc.labels.roles, doc.stripped, doc.lengths
    # A formula holds a relation (_formula): the few lines that hold one are found by
    # searches over the whole text (_RELATIONS), the rest of the
    # test runs on them alone.
    for i in lines_matching(doc.lines, _RELATIONS):
        if lengths[i] <= MAX_FORMULA_CHARS and roles[i] is None and _formula(stripped[i]):
            doc.labels.label(
                i, Role.FORMULA, "formula-symbols", "mathematical symbols, no prose", 0.7
            )


def _entry_mark(text: str) -> bool:
    return _REFERENCE_MARK.match(text) is not None


def rule_references(doc: DocView) -> None:
    """``reference-entry``, ``reference-title``: the list under a ``References`` or
    ``Literatur`` title, when its first line opens with an entry mark (``[1]``, ``1.``,
    ``[Knu84]``) and at least ``MIN_REFERENCE_MARKS`` lines do; up to a numbered section
    heading or the end."""
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    n = len(texts)
    # The title test in C for every line (strip, colons, casefold, set lookup).
    titled = map(
        REFERENCE_TITLES.__contains__,
        map(str.casefold, map(str.rstrip, doc.stripped, repeat(":"))),
    )
    for i in compress(range(n), titled):
        t = texts[i]
        if roles[i] is not None:
            continue
        j = i + 1
        while j < n and (blank[j] or roles[j] is not None):
            j += 1
        if j == n or not _entry_mark(texts[j].strip()):
            continue
        end = j
        while end < n and not _SECTION_HEADING.match(texts[end].strip()):
            end += 1
        entries = [k for k in range(j, end) if not blank[k] and roles[k] is None]
        marks = sum(_entry_mark(texts[k].strip()) for k in entries)
        if marks < MIN_REFERENCE_MARKS:
            continue
        # The title is the list's heading: labelled here, since the heading rules need body
        # text under a heading and the list under it is no longer body.
        doc.labels.label(i, Role.HEADING, "reference-title", f"over {marks} reference entries", 0.8)
        for k in entries:
            doc.labels.label(
                k,
                Role.REFERENCE,
                "reference-entry",
                f"under {t.strip()!r}, {marks} entry marks",
                0.8,
            )


def _drop_capital(letter: str, next_text: str, language: str) -> bool:
    """A capital alone on its line opens the next line's first word: the word it makes is a
    word of the language (``V`` / ``Or. Ew. Churf.``), or the rest of the word is printed in
    capitals too (``D`` / ``E PICTVRA his``, ``D`` / ``At Cpitel``: a word of the old
    language)."""
    first = next_text.split(" ", 1)[0]
    if not first[:1].isupper() or first == next_text:
        return False  # a drop capital opens a line of text, not a letter or a word alone
    return len(first) == 1 or first[1].isupper() or is_drop_capital(letter, first, language)


def rule_drop_capitals(doc: DocView) -> None:
    """``drop-capital``: a capital letter alone on its line, over a line that opens with a
    capital and makes a word with it.  Role ``other``: printed large over two or three lines,
    it is read as a line of its own, and a paragraph of one letter is no paragraph.

    Tuned on ocrd-structure (its gold writes the capital into the first word, ``DAt``; the
    capital alone was a false paragraph start 50 times on its two exports)."""
    texts, roles, blank = doc.lines.texts, doc.labels.roles, doc.lines.blank
    stripped = doc.stripped
    n = len(texts)
    for i in doc.up_to(1):
        t = stripped[i]
        if len(t) != 1 or not t.isupper() or t == "I" or roles[i] is not None:
            continue  # "I" alone is a roman numeral more often (tapuscorpus: a section)
        # It opens a paragraph: the text above ends (a full stop, a blank line, a labelled
        # line, the start).  pdftotext prints the raised A of the LaTeX logo as a line of its
        # own, inside a sentence ("... pro TEX, L" / "A" / "TEX a ...").
        k = i - 1
        if k >= 0 and not blank[k] and roles[k] is None and stripped[k][-1:] not in ".:!?":
            continue
        if t == "A" and k >= 0 and stripped[k].endswith("L"):
            continue  # the logo again, after a heading ("The current version of AMS-L")
        j = i + 1
        while j < n and blank[j]:
            j += 1
        if j < n and roles[j] is None and _drop_capital(t, stripped[j], doc.language):
            doc.labels.label(
                i, Role.OTHER, "drop-capital", f"opens the word {t + stripped[j].split()[0]!r}", 0.7
            )


def rule_nonbody(doc: DocView) -> None:
    """Every rule of this module, in order: contents, references, code, table cells,
    formulas, drop capitals."""
    rule_contents(doc)
    rule_references(doc)
    rule_code(doc)
    rule_code_run(doc)
    rule_table_cells(doc)
    rule_formulas(doc)
    rule_drop_capitals(doc)
