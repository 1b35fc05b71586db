"""The review page in a real browser: headless Chromium, driven over the DevTools pipe.

Chromium is started by the tests themselves (tests/browser.py); where none is installed the
tests are skipped with that reason.  CI installs it (Debian package ``chromium``) and fails
without it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from review_page import expected_by_line
from test_review import EXAMPLE, HOSTILE, PAGES, ROOT, uncertain_text

import reflow
from reflow.lines import split_lines
from reflow.render import explain_decision
from reflow.review import render_review

# CI installs chromium (.ci/run): there a missing browser fails the module instead of skipping.
if os.environ.get("CI") and find_chromium() is None:
    raise RuntimeError("CI: chromium is not installed, .ci/run should have installed it")

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="no chromium installed (Debian: apt-get install chromium)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


def open_page(browser: Browser, tmp_path: Path, doc: reflow.Document, name: str = "") -> Path:
    path = tmp_path / "page.html"
    path.write_text(render_review(doc, name), encoding="utf-8")
    browser.open(path)
    return path


# Focus every mark on the left as the keyboard would, and read what the page then shows.
FOCUS_ALL = """(() => {
  const out = [];
  const tip = document.getElementById("tip"), bar = document.getElementById("bar");
  for (const m of document.querySelectorAll(".raw b.d")) {
    m.scrollIntoView({block: "center"});
    m.focus();
    const r = m.getBoundingClientRect();
    out.push({line: +m.closest("p").id, tip: tip.hidden ? null : tip.textContent,
              bar: bar.textContent, focused: document.activeElement === m,
              visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight});
  }
  return out;
})()"""


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_explained_decision_shows_on_its_line(
    browser: Browser, tmp_path: Path, path: Path
) -> None:
    doc = reflow.reflow(path.read_bytes())
    open_page(browser, tmp_path, doc, path.name)
    n_lines = len(split_lines(doc.source).texts)
    # The number shown before each raw line is its number in the input, in order.
    numbers = browser.js(
        "[...document.querySelectorAll('.raw p')].map(p => getComputedStyle(p, '::before').content)"
    )
    assert numbers == [f'"{n}"' for n in range(1, n_lines + 1)]
    shown = browser.js(FOCUS_ALL)
    expected = expected_by_line(doc)
    assert sum(expected.values()) > 0
    assert Counter((s["line"], s["tip"]) for s in shown) == expected
    for s in shown:
        assert s["focused"] and s["visible"], s
        assert s["bar"].startswith(s["tip"])


def mark_centre(browser: Browser, selector: str) -> tuple[float, float]:
    rect = browser.js(
        f"""(() => {{ const m = document.querySelector({selector!r});
        m.scrollIntoView({{block: "center"}});
        const r = m.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];
        }})()"""
    )
    return rect[0], rect[1]


def test_click_and_hover_show_the_decision(browser: Browser, tmp_path: Path) -> None:
    doc = reflow.reflow(EXAMPLE.read_bytes())
    open_page(browser, tmp_path, doc, EXAMPLE.name)
    explained = [line for _, line in expected_by_line(doc)]
    dehyphenated = next(x for x in explained if x.startswith("lines 5->6: dehyphenate"))
    kept = next(x for x in explained if x.startswith("lines 16->17: keep-hyphen"))

    browser.click(*mark_centre(browser, ".raw b.dh"))
    assert browser.js("document.activeElement.closest('p').id") == "5"
    assert browser.js("document.getElementById('bar').textContent") == dehyphenated
    assert browser.js("document.getElementById('tip').textContent") == dehyphenated
    assert browser.js("document.getElementById('tip').hidden") is False

    browser.hover(*mark_centre(browser, ".raw b.kh"))
    assert browser.js("document.getElementById('tip').textContent") == kept

    # Hovering a block lights the raw lines it was made of.
    browser.hover(*mark_centre(browser, ".out .r-caption"))
    assert browser.js("[...document.querySelectorAll('.raw p.hl')].map(p => p.id)") == ["31"]

    # A mark in the rebuilt text (right) leads to its decision on the raw line (left).
    browser.click(*mark_centre(browser, ".out b.j.kh"))
    assert browser.js("document.activeElement.closest('p').id") == "16"
    assert browser.js("document.getElementById('bar').textContent") == kept


def test_n_and_p_move_between_uncertain_decisions(browser: Browser, tmp_path: Path) -> None:
    doc = reflow.reflow(uncertain_text(), language="xx")
    open_page(browser, tmp_path, doc)
    texts = split_lines(doc.source).texts
    uncertain = [(d.line + 1, explain_decision(d, texts)) for d in doc.decisions if d.uncertain]
    assert len(uncertain) >= 3

    def where() -> list:
        return browser.js(
            "[+document.activeElement.closest('p').id, "
            "document.getElementById('tip').textContent, "
            "document.activeElement.classList.contains('u')]"
        )

    seen = []
    for _ in uncertain:
        browser.key("n")
        seen.append(where())
    assert [(line, text) for line, text, _ in seen] == uncertain
    assert all(u for _, _, u in seen)
    browser.key("n")  # wraps round to the first
    assert where()[:2] == list(uncertain[0])
    browser.key("p")  # and back to the last
    assert where()[:2] == list(uncertain[-1])
    browser.key("p")
    assert where()[:2] == list(uncertain[-2])
    # j/k visit every decision, sure ones included, in page order.
    index = "[...document.querySelectorAll('.raw b.d')].indexOf(document.activeElement)"
    before = browser.js(index)
    browser.key("j")
    assert browser.js(index) == before + 1
    browser.key("k")
    assert browser.js(index) == before


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "without-csp"])
def test_hostile_document_runs_nothing(browser: Browser, tmp_path: Path, csp: bool) -> None:
    text = f"{HOSTILE}\n{HOSTILE} con-\ntinued\n\n{HOSTILE}\n"
    doc = reflow.reflow(text)
    html = render_review(doc, title=HOSTILE)
    if not csp:
        # Escaping alone must be enough: the policy is only a second wall.
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        html = html[:start] + html[html.index(">", start) + 1 :]
        assert "Content-Security-Policy" not in html
    path = tmp_path / "hostile.html"
    path.write_text(html, encoding="utf-8")
    browser.open(path)
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.querySelectorAll('script').length") == 2
    assert browser.js("document.querySelectorAll('img, svg, iframe, textarea').length") == 0
    line1 = browser.js("document.getElementById('1').textContent")
    assert line1.startswith('<script>window.__pwned=1</script></textarea></title></style>"onload=')
    assert "U+202Egnp.exe" in line1  # the override is a visible badge, not an override
    # The page's own script runs: focusing a mark shows its decision.
    browser.js("document.querySelector('.raw b.d').focus()")
    assert browser.js("document.getElementById('tip').textContent").startswith("line")
    errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert errors == []
    assert browser.js("typeof window.__pwned") == "undefined"
