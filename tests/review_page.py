"""Read a review page back (reflow.review): what it shows, line by line and block by block.

Used by the review tests, with and without a browser: the page must give back every input line
exactly (control characters as their badges), every block's text, and every decision on its line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import reflow
from reflow.lines import split_lines

_EXPLAIN_LINE = re.compile(r"lines? (\d+)(?:->\d+)?: ")


@dataclass
class Page:
    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)  # line number -> text shown
    marks: dict[int, list[int]] = field(default_factory=dict)  # line number -> decision ids
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (role, text)
    block_marks: list[int] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def explained(self) -> list[str]:
        return json.loads(self.scripts[0])["e"]

    def decisions_by_line(self) -> Counter[tuple[int, str]]:
        """(line number the mark is on, the explanation it shows) for every mark on the left."""
        e = self.explained
        return Counter((n, e[d]) for n, ids in self.marks.items() for d in ids)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.line: int | None = None
        self.block: list[str] | None = None
        self.role = ""
        self.badge: list[str] | None = None
        self.in_script = self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, attrs))
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "p" and (a.get("id") or "").isdigit():
            self.line = int(a["id"])  # type: ignore[index]
            self.page.lines[self.line] = ""
            self.page.marks[self.line] = []
        elif tag == "div" and "b" in classes and self.line is None:
            self.block = []
            self.role = next(c[2:] for c in classes if c.startswith("r-"))
        elif tag == "i" and "c" in classes:
            self.badge = []
        elif tag == "b" and "data-d" in a:
            if self.line is not None:
                self.page.marks[self.line].append(int(a["data-d"]))  # type: ignore[arg-type]
            elif self.block is not None:
                self.page.block_marks.append(int(a["data-d"]))  # type: ignore[arg-type]
        elif tag == "script":
            self.in_script = True
            self.page.scripts.append("")
        elif tag == "title":
            self.in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.line is not None:
            self.line = None
        elif tag == "div" and self.block is not None:
            self.page.blocks.append((self.role, "".join(self.block)))
            self.block = None
        elif tag == "i" and self.badge is not None:
            self._text(_decode_badge("".join(self.badge)))
            self.badge = None
        elif tag == "script":
            self.in_script = False
        elif tag == "title":
            self.in_title = False

    def _text(self, data: str) -> None:
        if self.line is not None:
            self.page.lines[self.line] += data
        elif self.block is not None:
            self.block.append(data)

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.page.scripts[-1] += data
        elif self.in_title:
            self.page.title += data
        elif self.badge is not None:
            self.badge.append(data)
        else:
            self._text(data)


def _decode_badge(shown: str) -> str:
    if shown.startswith("U+"):
        return chr(int(shown[2:], 16))
    if shown == "\u2421":
        return "\x7f"
    assert len(shown) == 1 and 0x2400 <= ord(shown) < 0x2420, shown
    return chr(ord(shown) - 0x2400)


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def expected_by_line(doc: reflow.Document) -> Counter[tuple[int, str]]:
    """(line number ``--explain`` names first, the line it prints) for every decision."""
    header = 1 + bool(doc.page_evidence) + len(doc.warnings)
    lines = doc.explain().splitlines()[header:]
    out: Counter[tuple[int, str]] = Counter()
    for line in lines:
        m = _EXPLAIN_LINE.match(line)
        assert m, line
        out[(int(m.group(1)), line)] += 1
    return out


def check_page(doc: reflow.Document, html: str) -> Page:
    """Assert the page shows ``doc`` whole: every line, every block, every decision in place."""
    page = read_page(html)
    texts = split_lines(doc.source).texts
    assert page.lines == {i + 1: t for i, t in enumerate(texts)}
    assert Counter(page.blocks) == Counter((str(b.role), b.text) for b in doc.blocks)
    assert page.decisions_by_line() == expected_by_line(doc)
    assert len(page.scripts) == 2
    return page
