"""Output: a review page, one self-contained HTML file that shows every decision in place.

Left, the raw lines with their numbers as the input had them; right, the blocks with their roles.
Every non-trivial decision (the ones ``--explain`` prints) is a marker on its raw line: the
removed or kept hyphen itself, a mark at the end of a line that was joined or broken, a mark
before a labelled line.  Hovering or focusing a marker shows the decision exactly as ``--explain``
prints it (the same function makes both strings: :func:`reflow.render.explain_decision`).

Safety.  The page is written for hostile input: every character of the input is HTML-escaped,
no input text ever goes into an attribute, control and format characters (bidi overrides
included) are shown as labelled badges instead of being written raw, and the explanations travel
as JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped.  A Content-Security-Policy allows only the page's own script (by its hash), so
even a mistake in escaping could not run injected script.

Size.  A 300-page book must stay usable: the markup is terse (one ``<p>`` per raw line, its
number drawn by CSS from its id, role labels by CSS), the explanations are stored once in the
JSON, the page has one delegated listener per event type, and each section of about one page
has ``content-visibility: auto`` so the browser lays out only what is on screen.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib import resources

from reflow.assemble import _SPACES  # the assemble stage's folding of space runs
from reflow.lines import split_lines
from reflow.model import Action, Block, Decision, DocumentData, Role
from reflow.render import explain_decision, explain_header

#: A page that has no form feeds or furniture to cut it is still cut into sections of about this
#: many raw lines, so that ``content-visibility: auto`` can skip what is off screen.  The 584
#: pages of pdftotext -raw output in eval/cases have 114 lines at the median (40-189 from the
#: 10th to the 90th percentile), so a section is about one page.
SECTION_LINES = 160

#: What each decision kind is called on the page: (CSS class, label in the summary).
KINDS: dict[str, str] = {
    "dh": "line-break hyphen removed",
    "kh": "real hyphen kept",
    "hj": "joined across a blank line or furniture",
    "jn": "joined (other evidence)",
    "br": "paragraph break",
    "lb": "line labelled",
    "nm": "character repaired",
}

ROLE_NAMES: dict[Role, str] = {
    Role.PARAGRAPH: "paragraph",
    Role.HEADING: "heading",
    Role.CAPTION: "caption",
    Role.PAGE_HEADER: "running head",
    Role.PAGE_FOOTER: "running foot",
    Role.PAGE_NUMBER: "page number",
    Role.OTHER: "other",
    Role.FRONT_MATTER: "front matter",
    Role.CODE: "code",
    Role.TABLE: "table",
    Role.FORMULA: "formula",
    Role.REFERENCE: "reference",
}

_BOUNDARY = (Action.JOIN, Action.DEHYPHENATE, Action.KEEP_HYPHEN, Action.BREAK)


def _escape(s: str) -> str:
    # Chained str.replace runs in C: 0.026 s against 0.147 s for str.translate with a dict on
    # the 36,000 lines of the 1.5 MB book of bench/bench_review.py.
    if "&" in s:
        s = s.replace("&", "&amp;")
    return s.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_LANG_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_BADGE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# JSON inside <script>: "</script>" and "<!--" cannot occur once "<" is escaped; ">" and "&"
# are escaped too so the text is inert in any HTML context, and U+2028/9 because older
# JavaScript parsers end a string there.
_JSON_SCRIPT = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def kind(d: Decision) -> str:
    """The CSS class (and summary row) of a decision.

    >>> kind(Decision(Action.JOIN, "heal-lowercase", 9, 11, 0, 0.85))
    'hj'
    >>> kind(Decision(Action.DEHYPHENATE, "lexicon-joined", 4, 5, 0, 0.9, removed=3))
    'dh'
    """
    if d.action is Action.JOIN:
        return "hj" if d.next_line != d.line + 1 else "jn"
    return {
        Action.DEHYPHENATE: "dh",
        Action.KEEP_HYPHEN: "kh",
        Action.BREAK: "br",
        Action.LABEL: "lb",
        Action.NORMALIZE: "nm",
    }[d.action]


def _badge(ch: str) -> str:
    c = ord(ch)
    if c < 0x20:
        shown = chr(0x2400 + c)  # the Control Pictures block: ␌ for a form feed
    elif c == 0x7F:
        shown = "\u2421"
    else:
        shown = f"U+{c:04X}"
    name = unicodedata.name(ch, "") if unicodedata.category(ch) != "Cs" else "SURROGATE"
    return f'<i class=c title="{name or f"U+{c:04X}"}">{shown}</i>'


def text_html(s: str) -> str:
    """``s`` as HTML text: markup escaped, control and format characters as visible badges.

    >>> text_html('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    >>> text_html('\\u202egnp.exe')
    '<i class=c title="RIGHT-TO-LEFT OVERRIDE">U+202E</i>gnp.exe'
    """
    s = _escape(s)
    if s.isprintable():
        return s
    out = []
    for ch in s:
        if ch != "\t" and not ch.isprintable() and unicodedata.category(ch) in _BADGE_CATEGORIES:
            out.append(_badge(ch))
        else:
            out.append(ch)
    return "".join(out)


def plain_text(s: str) -> str:
    """``s`` for a place that takes no markup (the page title): control and format characters
    as ``U+XXXX``, then escaped.

    >>> plain_text("a\\u202eb<")
    'aU+202Eb&lt;'
    """
    if not s.isprintable():
        s = "".join(
            f"U+{ord(ch):04X}"
            if ch != "\t" and not ch.isprintable() and unicodedata.category(ch) in _BADGE_CATEGORIES
            else ch
            for ch in s
        )
    return _escape(s)


def json_for_script(value: object) -> str:
    """``value`` as JSON that is inert inside ``<script type="application/json">``.

    >>> json_for_script({"e": ["</script><b>&\\u2028"]})
    '{"e": ["\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"]}'
    """
    out = json.dumps(value, ensure_ascii=False)
    for ch, escaped in _JSON_SCRIPT:
        out = out.replace(ch, escaped)
    return out


def _marks(
    shown: list[tuple[int, Decision]], starts: Sequence[int], texts: list[str]
) -> dict[int, list[tuple[int, bool, str, int]]]:
    """Where each shown decision goes: line -> [(position in line, wraps a char?, class, id)]."""
    marks: dict[int, list[tuple[int, bool, str, int]]] = {}
    for idx, d in shown:
        line = d.line
        if not 0 <= line < len(texts):
            continue
        cls = kind(d) + (" u" if d.uncertain else "")
        start = starts[line]
        if d.action is Action.LABEL:
            pos, wrap = start, False
        elif d.action is Action.DEHYPHENATE:
            pos, wrap = (d.removed if d.removed >= 0 else d.offset - 1), True
        elif d.action is Action.KEEP_HYPHEN:
            pos, wrap = d.offset - 1, True
        elif d.action is Action.NORMALIZE:
            pos, wrap = (d.removed if d.removed >= 0 else d.offset), True
        else:
            pos, wrap = d.offset, False
        marks.setdefault(line, []).append((pos - start, wrap, cls, idx))
    return marks


def _line_html(n: int, text: str, marks: list[tuple[int, bool, str, int]], role: str) -> str:
    cend = len(text.rstrip())
    body: list[str] = []
    pos = 0
    for rel, wrap, cls, idx in sorted(marks):
        rel = min(max(rel, pos), cend)
        if rel > pos:
            body.append(text_html(text[pos:rel]))
            pos = rel
        inner = ""
        if wrap and rel < cend:
            inner = text_html(text[rel])
            pos = rel + 1
        body.append(f'<b class="d {cls}" data-d={idx} tabindex=0>{inner}</b>')
    if cend > pos:
        body.append(text_html(text[pos:cend]))
    if cend < len(text):
        body.append(f"<u>{text_html(text[cend:])}</u>")
    cls = f" class=r-{role}" if role else ""
    return f"<p id={n}{cls}>{''.join(body)}</p>"


def _rebuild(
    b: Block, texts: list[str], joins: dict[int, Decision], fold: bool
) -> list[tuple[int, Decision]] | None:
    """Where each join of paragraph ``b`` falls in its text, rebuilt from the lines the way the
    assemble stage builds it; None when the rebuilt text is not exactly ``b.text``."""
    first = texts[b.lines[0]].strip()
    parts: list[str] = [_SPACES.sub(" ", first) if fold else first]
    at: list[tuple[int, Decision]] = []
    size = len(parts[0])
    for a, z in zip(b.lines, b.lines[1:], strict=False):
        d = joins.get(a)
        if d is None or d.next_line != z:
            return None
        nxt = texts[z].strip()
        if fold:
            nxt = _SPACES.sub(" ", nxt)
        if d.action is Action.DEHYPHENATE:
            parts[-1] = parts[-1][:-1]
            size -= 1
            at.append((size, d))
        elif d.action is Action.JOIN:
            at.append((size, d))
            parts.append(" ")
            size += 1
        else:
            at.append((size, d))
        parts.append(nxt)
        size += len(nxt)
    return at if "".join(parts) == b.text else None


def _paragraph_html(
    b: Block, texts: list[str], joins: dict[int, Decision], ids: dict[int, int]
) -> str:
    """The paragraph's text with a mark where each non-trivial join happened.

    Marks are placed only where the text rebuilt from the lines is exactly ``b.text`` (with the
    assemble stage's folding of space runs, or without); a paragraph with a repaired character
    (a ligature, a soft hyphen) is shown without marks on this side.  The text shown is always
    the block's own.
    """
    at = None
    if len(b.lines) > 1 and all(0 <= i < len(texts) for i in b.lines):
        at = _rebuild(b, texts, joins, False) or _rebuild(b, texts, joins, True)
    if not at:
        return text_html(b.text)
    out: list[str] = []
    pos = 0
    for p, d in at:
        if d.trivial:
            continue
        out.append(text_html(b.text[pos:p]))
        pos = p
        cls = kind(d) + (" u" if d.uncertain else "")
        out.append(f'<b class="j {cls}" data-d={ids[d.line]}></b>')
    out.append(text_html(b.text[pos:]))
    return "".join(out)


def _sections(doc: DocumentData, n_lines: int, starts: Sequence[int]) -> list[tuple[int, int, int]]:
    """Cut the lines into (first line, end line, page) sections: at each new page, and at a
    block start once a section holds :data:`SECTION_LINES` lines."""
    first_page: dict[int, int] = {}
    for b in doc.blocks:
        first = b.lines[0] if b.lines else bisect_right(starts, b.start) - 1
        first_page.setdefault(first, b.page)
    cuts: list[tuple[int, int]] = [(0, 0)]
    page = 0
    for i in range(n_lines):
        p = first_page.get(i)
        if p is None:
            continue
        if p > page:
            page = p
            if i > cuts[-1][0]:
                cuts.append((i, page))
            else:
                cuts[-1] = (i, page)
        elif i - cuts[-1][0] >= SECTION_LINES:
            cuts.append((i, page))
    return [
        (a, cuts[k + 1][0] if k + 1 < len(cuts) else n_lines, p) for k, (a, p) in enumerate(cuts)
    ]


def render_review(doc: DocumentData, title: str = "") -> str:
    """The review page of ``doc``: one self-contained HTML document (no network, no files).

    ``title`` names the input (a file name) in the page's title and heading.

    >>> from reflow import reflow
    >>> page = render_review(reflow("It was ap-\\nproved <b>today</b>.\\n"), "x.txt")
    >>> page.startswith("<!doctype html>"), "&lt;b&gt;today" in page, "<b>today" in page
    (True, True, False)
    >>> data = page.split("id=reflow-data>")[1].split("</script>")[0]
    >>> json.loads(data)["e"][0]
    "lines 1->2: dehyphenate: 'It was ap-' | 'proved <b>today</b>.' [lexicon-joined, 0.90] ..."
    """
    lines = split_lines(doc.source)
    texts, starts = lines.texts, lines.starts
    header = explain_header(doc)
    shown: list[tuple[int, Decision]] = []
    explained: list[str] = []
    joins: dict[int, Decision] = {}
    ids: dict[int, int] = {}
    for d in doc.decisions:
        if d.action in _BOUNDARY and d.action is not Action.BREAK:
            joins[d.line] = d
        if d.trivial:
            continue
        if d.action in _BOUNDARY:
            ids[d.line] = len(explained)
        shown.append((len(explained), d))
        explained.append(explain_decision(d, texts))
    marks = _marks(shown, starts, texts)

    line_role: dict[int, str] = {}
    for b in doc.blocks:
        if b.role is not Role.PARAGRAPH:
            for i in b.lines:
                line_role[i] = str(b.role)

    sections = _sections(doc, len(texts), starts)
    section_of_block: dict[int, list[Block]] = {}
    firsts = [a for a, _, _ in sections]
    for b in doc.blocks:
        first = b.lines[0] if b.lines else bisect_right(starts, b.start) - 1
        section_of_block.setdefault(max(0, bisect_right(firsts, first) - 1), []).append(b)

    body: list[str] = []
    seen_pages: set[int] = set()
    for k, (a, z, page) in enumerate(sections):
        more = " (continued)" if page in seen_pages else ""
        seen_pages.add(page)
        raw = "".join(
            _line_html(i + 1, texts[i], marks.get(i, []), line_role.get(i, "")) for i in range(a, z)
        )
        blocks = section_of_block.get(k, [])
        out = []
        est = 0
        for b in blocks:
            inner = (
                _paragraph_html(b, texts, joins, ids)
                if b.role is Role.PARAGRAPH
                else text_html(b.text)
            )
            span = f"{b.lines[0] + 1}-{b.lines[-1] + 1}" if b.lines else ""
            out.append(f"<div class='b r-{b.role}' data-l={span}>{inner}</div>")
            est += 2 + len(b.text) // 70
        # A guess at the section's height (about 20 px a line, the CSS below), so the scrollbar
        # is right before the browser lays the section out.
        height = 40 + 20 * max(z - a, est)
        lines_label = f"line {a + 1}" if z - a == 1 else f"lines {a + 1}–{z}"
        body.append(
            f"<section style='contain-intrinsic-size:auto {height}px'>"
            f"<h2>page {page + 1}{more} <small>{lines_label}</small></h2>"
            f"<div class=raw>{raw}</div><div class=out>{''.join(out)}</div></section>"
        )

    counts = Counter(kind(d) for _, d in shown)
    uncertain = sum(d.uncertain for _, d in shown)
    trivial = sum(1 for d in doc.decisions if d.trivial)
    rules = Counter((str(d.action), d.rule) for _, d in shown)
    roles = Counter(b.role for b in doc.blocks)
    summary = "".join(
        f"<li><b class='d {c}'></b> {KINDS[c]}: <strong>{counts[c]}</strong></li>" for c in KINDS
    )
    summary += (
        f"<li class=uc><b class='d u'></b> uncertain (abstained): <strong id=nu>{uncertain}"
        f"</strong></li><li>plain wrapped-line joins (not marked): {trivial}</li>"
    )
    rule_rows = "".join(
        f"<tr><td>{escape(a)}</td><td>{escape(r)}</td><td>{n}</td></tr>"
        for (a, r), n in sorted(rules.items())
    )
    legend = "".join(f"<li class='b r-{role}'>{roles.get(role, 0)}</li>" for role in ROLE_NAMES)
    name = text_html(title) if title else "input"
    # The text's language helps the browser pick fonts and hyphenation; the code comes from the
    # caller when set, so it is only written when it looks like a language tag.
    lang = f" lang={doc.language}" if _LANG_TAG.fullmatch(doc.language) else ""
    head_lines = "".join(f"<li>{text_html(h)}</li>" for h in header)
    data = json_for_script({"e": explained})
    css, script = _assets()
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{_b64(digest)}'"
    )
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>reflow review: {plain_text(title) if title else 'input'}</title>"
        f"<style>{css}</style></head><body>"
        f"<header><h1>reflow review: {name}</h1><ul class=expl>{head_lines}</ul>"
        f"<p class=facts>{len(texts)} lines, {doc.pages} page{'s' if doc.pages != 1 else ''}, "
        f"{len(doc.blocks)} blocks, {len(explained)} decisions shown</p>"
        f"<ul class=sum>{summary}</ul><ul class=legend>{legend}</ul>"
        "<p class=keys><kbd>n</kbd> / <kbd>p</kbd> next / previous uncertain decision · "
        "<kbd>j</kbd> / <kbd>k</kbd> next / previous decision · <kbd>Tab</kbd> every decision · "
        "hover, focus or click a mark to see its rule, evidence and confidence as "
        "<code>--explain</code> prints them · <kbd>Esc</kbd> hides it</p>"
        f"<details><summary>decisions by rule</summary><table><tr><th>action</th><th>rule</th>"
        f"<th>count</th></tr>{rule_rows}</table></details>"
        "<div class=cols><span>input lines</span><span>blocks</span></div></header>"
        f"<main{lang}>{''.join(body)}</main>"
        "<div id=tip role=tooltip hidden></div>"
        "<div id=bar role=status aria-live=polite>Select a mark to see its decision.</div>"
        f"<script type=application/json id=reflow-data>{data}</script>"
        f"<script>{script}</script></body></html>\n"
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


_ROLE_COLOURS = {
    "paragraph": "#ffffff",
    "heading": "#dbe9ff",
    "caption": "#e9ddff",
    "page-header": "#e3e3e3",
    "page-footer": "#e3e3e3",
    "page-number": "#f0e0c8",
    "other": "#d9f2e4",
    # Text that is not body (reflow.structure.nonbody): the colour of "other", one shade apart.
    "front-matter": "#d2eedd",
    "code": "#cfe8d8",
    "table": "#d9f2e4",
    "formula": "#d9f2e4",
    "reference": "#d2eedd",
}


@cache
def _assets() -> tuple[str, str]:
    """The page's style (with one rule per role colour) and script, shipped in reflow.data."""
    data = resources.files("reflow.data")
    css = data.joinpath("review.css").read_text(encoding="utf-8")
    css += "".join(
        f".r-{r}.b{{border-left-color:{c if r != 'paragraph' else '#9e9e9e'};background:{c}}}"
        f".r-{r}.b::before{{content:'{ROLE_NAMES[Role(r)]}'}}.raw p.r-{r}{{background:{c}}}\n"
        for r, c in _ROLE_COLOURS.items()
    )
    return css, data.joinpath("review.js").read_text(encoding="utf-8")
