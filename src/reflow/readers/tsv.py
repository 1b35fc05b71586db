"""Tesseract's TSV output (``tesseract IMAGE OUT tsv``): lines with boxes, blocks, paragraphs and
word confidences.

Tesseract writes one row per element, twelve tab-separated fields (``level page_num block_num
par_num line_num word_num left top width height conf text``) under a header naming them: level
1 is a page, 2 a block, 3 a paragraph, 4 a line, 5 a word.  A line is its level-4 row's box
(pixels, top growing downwards) and the text of its words joined by spaces; its confidence the
mean of its words' ``conf`` (0-100, here 0..1; -1 means none), its region the Tesseract block
and paragraph it is in (``"b2.p3"``: the engine's paragraph guess, kept as evidence: the text
Tesseract prints puts a blank line there too), its font size the line height (Tesseract gives
no font size in TSV).  Each level-1 row starts a page, and so does a new ``page_num`` (a file of
several images, or rows filtered by level); a header row again (files written one after the
other into one) is skipped.  Rows that are not twelve fields with numbers where numbers belong
are skipped and counted (:class:`TsvReport`); a word row with no line row before it (rows kept
for words only) makes its line from its words' boxes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reflow.readers.base import FileOrder, PageLine

#: The header Tesseract writes (tesseract 4 and 5, src/api/baseapi.cpp GetTSVText's columns).
HEADER = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)
HEADER_LINE = "\t".join(HEADER)


@dataclass
class TsvReport:
    """What the reader skipped: rows that are not Tesseract TSV rows."""

    bad_rows: int = 0
    first_bad: int = 0  # 1-based line number of the first one

    def warnings(self) -> list[str]:
        if not self.bad_rows:
            return []
        return [
            f"{self.bad_rows} row(s) not in Tesseract's TSV form skipped "
            f"(the first on line {self.first_bad})"
        ]


def is_tsv(head: str) -> bool:
    """The text starts with Tesseract's TSV header.

    >>> is_tsv(HEADER_LINE + "\\n1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t100\\t100\\t-1\\t\\n")
    True
    >>> is_tsv("level page_num ..."), is_tsv("")
    (False, False)
    """
    first = head.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return first == HEADER_LINE


class _Line:
    __slots__ = ("box", "confs", "from_words", "key", "words")

    def __init__(self, key: tuple[int, int, int, int], box: list[float], from_words: bool) -> None:
        self.key = key
        self.box = box
        self.words: list[str] = []
        self.confs: list[float] = []
        self.from_words = from_words


def iter_tsv_pages(data: bytes, report: TsvReport | None = None) -> Iterator[list[PageLine]]:
    """The lines of each page of a Tesseract TSV file, in Tesseract's reading order (each page a
    :class:`~reflow.readers.base.FileOrder`: kept, as a PAGE-XML ``ReadingOrder`` is).

    Tesseract's order against the geometric one (eval/real_xml.py, the committed TSV of
    ocrd-tesseract and tapuscorpus-tesseract): word error rate 43.02 % / 5.11 % against 43.21 %
    / 6.51 %, paragraph F1 0.479 / 0.373 against 0.476 / 0.362.

    >>> tsv = (HEADER_LINE + "\\n"
    ...        "1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t600\\t800\\t-1\\t\\n"
    ...        "4\\t1\\t1\\t1\\t1\\t0\\t10\\t20\\t300\\t30\\t-1\\t\\n"
    ...        "5\\t1\\t1\\t1\\t1\\t1\\t10\\t20\\t100\\t30\\t96.5\\tIt\\n"
    ...        "5\\t1\\t1\\t1\\t1\\t2\\t120\\t20\\t190\\t30\\t90.5\\twas-\\n")
    >>> [(ln.text, ln.x0, ln.bottom, ln.region, ln.confidence) for p in iter_tsv_pages(
    ...     tsv.encode()) for ln in p]
    [('It was-', 10.0, 50.0, 'b1.p1', 0.935)]
    """
    report = report if report is not None else TsvReport()
    text = data.decode("utf-8", "replace")
    page: list[PageLine] = FileOrder()
    started = False  # a page is open (even an empty one: a page without text still counts)
    page_num: int | None = None
    line: _Line | None = None
    count = 0

    def finish() -> None:
        nonlocal line, count
        if line is not None and line.words:
            x0, top, x1, bottom = line.box
            block, par, num = line.key[1], line.key[2], line.key[3]
            count += 1
            page.append(
                PageLine(
                    x0,
                    top,
                    x1,
                    bottom,
                    " ".join(line.words),
                    max(bottom - top, 1.0),
                    None,
                    f"p{page_num}.b{block}.p{par}.l{num}",
                    round(sum(line.confs) / len(line.confs), 3) if line.confs else None,
                    f"b{block}.p{par}",
                )
            )
        line = None

    for n, row in enumerate(text.split("\n"), 1):
        row = row.rstrip("\r")
        if not row or row.lstrip("\ufeff") == HEADER_LINE:
            continue
        fields = row.split("\t", 11)
        try:
            if len(fields) != 12:
                raise ValueError
            level, pnum, block, par, lnum, _word = (int(f) for f in fields[:6])
            left, top, width, height = (float(f) for f in fields[6:10])
            conf = float(fields[10])
        except ValueError:
            report.bad_rows += 1
            report.first_bad = report.first_bad or n
            continue
        if level == 1 or (page_num is not None and pnum != page_num):
            finish()
            if started:
                yield page
                page = FileOrder()
            started = True
            page_num = pnum
            if level == 1:
                continue
        if page_num is None:
            page_num, started = pnum, True
        if level == 4:
            finish()
            line = _Line((pnum, block, par, lnum), [left, top, left + width, top + height], False)
        elif level == 5:
            word = fields[11].strip()
            key = (pnum, block, par, lnum)
            if line is None or line.key != key:
                finish()
                line = _Line(key, [left, top, left + width, top + height], True)
            elif line.from_words:
                b = line.box
                b[0], b[1] = min(b[0], left), min(b[1], top)
                b[2], b[3] = max(b[2], left + width), max(b[3], top + height)
            if word:
                line.words.append(word)
                if conf >= 0:
                    line.confs.append(conf / 100)
        else:  # a block or a paragraph: the line before it is over
            finish()
    finish()
    if started:
        yield page
