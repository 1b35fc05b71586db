"""The review page (reflow.review) read back without a browser: complete, in place, inert.

The same checks run in a real browser in test_review_browser.py.
"""

from __future__ import annotations

import html as html_module
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_page import check_page, expected_by_line, read_page

import reflow
from reflow import Action
from reflow.lines import split_lines
from reflow.render import explain_decision
from reflow.review import plain_text, render_review

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "newspaper-page.txt"
CASES = ROOT / "eval" / "cases"
#: One page of each eval suite (typesetter / extractor), a different language for each, the
#: first document of that language that has the extraction.
SUITE_LANGUAGES = {
    ("pdflatex", "pdftotext-raw"): "en",
    ("pdflatex", "pdfminer"): "de",
    ("pdflatex", "pypdf"): "fr",
    ("libreoffice", "pdftotext-raw"): "es",
    ("libreoffice", "pdfminer"): "it",
    ("libreoffice", "pypdf"): "nl",
}


def suite_pages() -> list[Path]:
    pages = []
    for (typesetter, extractor), lang in SUITE_LANGUAGES.items():
        found = sorted((CASES / typesetter / lang).glob(f"*/{extractor}.txt"))
        assert found, f"no {typesetter}/{extractor} case in {lang}"
        pages.append(found[0])
    return pages


PAGES = [EXAMPLE, *suite_pages()]


def uncertain_text() -> str:
    """Several pages in a language without lexicon: hyphens kept and marked uncertain, between
    decisions that are sure (paragraph breaks, labelled page numbers)."""
    pages = []
    for k in range(3):
        pages.append(
            f"Zorbly wemmat the frob-\nnitz quaddle over the grun-\ndle zeppo mimsy.\n\n"
            f"Borogove tulgey 20{k}4-\n25 wabe and the outgrabe.\n\n{k + 1}\n"
        )
    return "\f".join(pages)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_explained_decision_is_on_its_line(path: Path) -> None:
    doc = reflow.reflow(path.read_bytes())
    page = check_page(doc, render_review(doc, path.name))
    assert sum(expected_by_line(doc).values()) > 0  # the check compared something
    assert page.title == f"reflow review: {path.name}"
    # Every join, removed and kept hyphen is also marked in the rebuilt text on the right, with
    # the same explanation (on these pages no paragraph holds a repaired character).
    joins = [
        explain_decision(d, split_lines(doc.source).texts)
        for d in doc.decisions
        if not d.trivial and d.action in (Action.JOIN, Action.DEHYPHENATE, Action.KEEP_HYPHEN)
    ]
    assert Counter(page.explained[i] for i in page.block_marks) == Counter(joins)


def test_uncertain_decisions_are_marked() -> None:
    doc = reflow.reflow(uncertain_text(), language="xx")
    html = render_review(doc)
    check_page(doc, html)
    uncertain = [d for d in doc.decisions if d.uncertain]
    assert len(uncertain) >= 3
    # Each uncertain decision's mark carries the highlighting class, and only those do.
    marked = re.findall(r'<b class="d ([a-z ]+)" data-d=(\d+) tabindex=0>', html)
    assert sum(" u" in cls for cls, _ in marked) == len(uncertain)
    assert len(marked) > len(uncertain)
    assert f"uncertain (abstained): <strong id=nu>{len(uncertain)}</strong>" in html


def test_summary_counts_each_kind() -> None:
    doc = reflow.reflow(EXAMPLE.read_bytes())
    html = render_review(doc)
    assert "line-break hyphen removed: <strong>6</strong>" in html
    assert "real hyphen kept: <strong>2</strong>" in html
    assert "joined across a blank line or furniture: <strong>3</strong>" in html
    assert "language: en (en leads hu by 219.3" in html
    assert "pages: 2 pages cut by form feeds" in html


def test_explain_is_unchanged_by_the_shared_formatter() -> None:
    # --explain and the page share reflow.render.explain_decision; this pins --explain's form.
    doc = reflow.reflow(EXAMPLE.read_bytes())
    assert (
        "lines 5->6: dehyphenate: '…e than twelve thousand visi-' | 'tors came to the old "
        "harbour…' [lexicon-joined, 0.90] visi- + tors: zipf visitors=4.5, visi=1.9, tors=2.1"
    ) in doc.explain().splitlines()


def test_language_attribute_only_for_a_language_tag() -> None:
    html = render_review(reflow.reflow(EXAMPLE.read_bytes()))
    assert "<main lang=en>" in html
    hostile = reflow.reflow("Some text.\n", language='x"><script>alert(1)</script>')
    html = render_review(hostile)
    assert "<main>" in html
    assert_inert(html)


def test_a_document_made_by_hand_with_odd_offsets_still_renders() -> None:
    # Blocks and decisions that point past the text (a caller's own Document): a page, no error.
    doc = reflow.Document(
        "one\ntwo\n",
        (reflow.Block(reflow.Role.PARAGRAPH, "one two", 0, 7, (0, 7)),),
        (reflow.Decision(reflow.Action.JOIN, "heal-lowercase", 0, 9, 99, 0.5, "odd"),),
        "en",
    )
    page = read_page(render_review(doc))
    assert page.lines == {1: "one", 2: "two"}
    assert page.blocks == [("paragraph", "one two")]
    assert page.decisions_by_line() == Counter({(1, doc.explain().splitlines()[1]): 1})


def test_empty_and_blank_documents() -> None:
    for text in ("", "\n\n\n", "\f", "   \n\t\n"):
        doc = reflow.reflow(text)
        check_page(doc, render_review(doc))


HOSTILE = (
    '<script>window.__pwned=1</script></textarea></title></style>"onload=window.__pwned=1 '
    "<img src=x onerror=window.__pwned=1> '\"><svg onload=window.__pwned=1> "
    "\u202egnp.exe \u2066isolate\u2069 \u200f <!-- --> ]]> \u2028\u2029 &amp; &lt;"
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "ul", "li", "p",
    "b", "strong", "small", "kbd", "code", "details", "summary", "table", "tr", "th", "td",
    "div", "span", "main", "section", "u", "i", "script",
}  # fmt: skip
# Attribute values the renderer writes: none of them ever holds input text.
ALLOWED_ATTRIBUTES = {
    "lang": r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*",
    "charset": r"utf-8",
    "http-equiv": r"Content-Security-Policy",
    "content": r"default-src 'none'; [^<>\"]*|width=device-width,initial-scale=1",
    "name": r"viewport",
    "class": r"[a-z0-9 -]+",
    "id": r"\d+|tip|bar|nu|reflow-data",
    "style": r"contain-intrinsic-size:auto \d+px",
    "data-d": r"\d+",
    "data-l": r"\d+-\d+|",
    "tabindex": r"0",
    "title": r"[A-Z0-9 +-]+",
    "role": r"tooltip|status",
    "hidden": r"",
    "aria-live": r"polite",
    "type": r"application/json",
}


def assert_inert(html: str) -> None:
    page = read_page(html)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES, (tag, name)
            assert re.fullmatch(ALLOWED_ATTRIBUTES[name], value or ""), (tag, name, value)
    assert [t for t, _ in page.tags].count("script") == 2
    assert len(re.findall("<script", html, re.I)) == 2
    data = page.scripts[0]
    for ch in "<>&\u2028\u2029":
        assert ch not in data
    # No control or format character (a bidi override, a NUL) is written raw outside the JSON.
    outside = html.replace(data, "")
    raw = [ch for ch in outside if ch not in "\n\t" and unicodedata.category(ch)[0] in "CZ"]
    assert all(ch == " " or unicodedata.category(ch) in ("Zs", "Co", "Cn") for ch in raw), raw


def test_hostile_document_is_inert() -> None:
    text = f"{HOSTILE}\n{HOSTILE} con-\ntinued\n\n{HOSTILE}\n"
    doc = reflow.reflow(text)
    html = render_review(doc, title=HOSTILE)
    assert_inert(html)
    page = check_page(doc, html)
    assert page.title == "reflow review: " + html_module.unescape(plain_text(HOSTILE))
    assert 'title="RIGHT-TO-LEFT OVERRIDE">U+202E</i>gnp.exe' in html


hostile_chars = st.sampled_from(
    ["<", ">", "&", '"', "'", "=", "/", "-", " ", "\n", "\f", "\t", "\u00ad", "\u2028", "\u2029",
     "\u202e", "\u2066", "\u200f", "\x00", "\x1b", "\x7f", "\ud800", "\ufb01", "\u0300", "ab",
     "script", "</script>", "<!--", "</textarea>", "onload=", "<img ", "]]>", "\r\n", "\r",
     "Word", "x-", "1."]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(hostile_chars | st.text(max_size=4), max_size=40), st.text(max_size=10))
def test_property_random_hostile_text_is_inert_and_whole(parts: list[str], title: str) -> None:
    text = "".join(parts)
    doc = reflow.reflow(text, decode_errors="replace")
    html = render_review(doc, title=title)
    assert_inert(html)
    check_page(doc, html)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reflow", *args], capture_output=True, timeout=120)


def test_cli_review_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    r = run("review", str(EXAMPLE), "-o", str(out))
    assert r.returncode == 0, r.stderr
    doc = reflow.reflow(EXAMPLE.read_bytes())
    check_page(doc, out.read_text(encoding="utf-8"))
    r2 = run("--format", "html", str(EXAMPLE))
    assert r2.returncode == 0 and r2.stdout.decode("utf-8") == out.read_text(encoding="utf-8")


def test_cli_review_takes_one_file() -> None:
    r = run("review", str(EXAMPLE), str(EXAMPLE))
    assert r.returncode == 2
    assert b"unrecognized arguments" in r.stderr
    r = run("--format", "html", str(EXAMPLE), str(EXAMPLE))
    assert r.returncode == 2
    assert b"shows one input" in r.stderr


def test_cli_review_help_and_explain(tmp_path: Path) -> None:
    r = run("review", "-h")
    assert r.returncode == 0 and b"reflow review" in r.stdout
    r = run("review", "--explain", str(EXAMPLE), "-o", str(tmp_path / "p.html"))
    assert r.returncode == 0
    assert r.stderr.decode("utf-8") == reflow.reflow(EXAMPLE.read_bytes()).explain()


def test_document_to_html_is_the_review_page() -> None:
    doc = reflow.reflow(EXAMPLE.read_bytes())
    assert doc.to_html("x") == render_review(doc, "x")


def test_cli_review_from_stdin_and_errors(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "reflow", "review"],
        input=b"It was ap-\nproved <script>x</script>.\n",
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    page = r.stdout.decode("utf-8")
    assert page.startswith("<!doctype html>") and "&lt;script&gt;x" in page
    missing = run("review", str(tmp_path / "missing.txt"))
    assert missing.returncode == 1
    assert b"cannot read" in missing.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x00\x81garbage\x00")
    bad = run("review", str(binary), "-o", str(tmp_path / "out.html"))
    assert bad.returncode == 1 and bad.stderr.count(b"\n") == 1, bad.stderr
    assert not (tmp_path / "out.html").exists()
