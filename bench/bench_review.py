"""Size and speed of the review page (reflow review) for a 300-page book, in headless Chromium.

Usage: python bench/bench_review.py [--runs 3] [--record] [--screenshot docs/img/review-page.png]

Two books of about 300 pages: the synthetic newspaper text of the speed benchmark
(bench/make_text.py, a form feed every 120 lines) and every pdflatex / pdftotext -raw page of the
evaluation corpus one after the other (real running heads, page numbers, headlines, captions;
six languages in one document).

Measured, median of --runs: reflow and render_review in Python; the HTML's size; in Chromium
(started here, as in the tests), the time from navigation start to the load event and to the
first frame after it; scrolling the whole book a screen at a time (each step: scrollBy, then
two animation frames, so the time covers layout and paint of what came into view) and jumping to
random places; and the time to reach the last decision.  The same page with
``content-visibility`` switched off shows what that rule buys.

``--screenshot`` also writes the README's picture of examples/newspaper-page.txt.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser  # noqa: E402  (tests/browser.py: the DevTools-pipe client)
from make_text import make_text  # noqa: E402

import reflow  # noqa: E402
from reflow.review import render_review  # noqa: E402

LOAD = """new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => {
  const n = performance.getEntriesByType("navigation")[0];
  r([n.domContentLoadedEventEnd, n.loadEventEnd, performance.now(),
     document.documentElement.scrollHeight]);
})))"""

SCROLL = """(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const steps = [], jumps = [], end = () => document.documentElement.scrollHeight;
  scrollTo(0, 0); await frame();
  for (let i = 0; i < %(steps)d && scrollY + innerHeight < end(); i++) {
    const t = performance.now(); scrollBy(0, innerHeight * 0.9); await frame();
    steps.push(performance.now() - t);
  }
  let seed = 7;
  const rand = () => (seed = (seed * 16807) %% 2147483647) / 2147483647;
  for (let i = 0; i < %(jumps)d; i++) {
    const t = performance.now();
    scrollTo(0, rand() * document.documentElement.scrollHeight); await frame();
    jumps.push(performance.now() - t);
  }
  scrollTo(0, 0); await frame();
  const marks = document.querySelectorAll(".raw b.d");
  const t = performance.now();
  marks[marks.length - 1].scrollIntoView({block: "center"}); marks[marks.length - 1].focus();
  await frame();
  return [steps, jumps, performance.now() - t, marks.length,
          document.querySelectorAll(".raw b.u").length];
})()"""


def books() -> dict[str, str]:
    corpus = sorted((ROOT / "eval" / "cases" / "pdflatex").glob("*/*/pdftotext-raw.txt"))
    return {
        "synthetic newspaper text (bench/make_text.py)": make_text(1.5),
        "eval corpus, pdflatex / pdftotext -raw, all pages": "\f".join(
            p.read_text(encoding="utf-8").rstrip("\f\n") + "\n" for p in corpus
        ),
    }


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: list[float]) -> float:
    return sorted(xs)[int(0.95 * (len(xs) - 1))] if xs else float("nan")


def measure(browser: Browser, path: Path, runs: int) -> dict[str, float]:
    loads, frames, step_med, step_p95, step_max, jump_med, jump_max, last = ([] for _ in range(8))
    n_marks = n_uncertain = height = 0
    for _ in range(runs):
        browser.open(path)
        _dom, load, first, height = browser.js(LOAD)
        loads.append(load)
        frames.append(first)
        steps, jumps, to_last, n_marks, n_uncertain = browser.js(
            SCROLL % {"steps": 400, "jumps": 60}
        )
        step_med.append(median(steps))
        step_p95.append(p95(steps))
        step_max.append(max(steps))
        jump_med.append(median(jumps))
        jump_max.append(max(jumps))
        last.append(to_last)
    return {
        "load": median(loads),
        "first_frame": median(frames),
        "step_median": median(step_med),
        "step_p95": median(step_p95),
        "step_max": median(step_max),
        "jump_median": median(jump_med),
        "jump_max": median(jump_max),
        "to_last": median(last),
        "marks": n_marks,
        "uncertain": n_uncertain,
        "height": height,
    }


def screenshot(browser: Browser, out: Path) -> None:
    example = ROOT / "examples" / "newspaper-page.txt"
    doc = reflow.reflow(example.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "newspaper-page.html"
        page.write_text(render_review(doc, example.name), encoding="utf-8")
        browser.open(page)
        # Show one decision as a reader would see it: the sentence healed across a blank line.
        browser.js(
            "(() => { const m = document.getElementById('14').querySelector('b.d');"
            "m.focus({preventScroll: true}); })()"
        )
        browser.screenshot(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--record", action="store_true", help="write bench/results/review-*.md")
    parser.add_argument("--screenshot", type=Path, help="also write the README's screenshot")
    args = parser.parse_args()

    if args.screenshot:
        with Browser(width=1280, height=1000, scale=1.25) as b:
            screenshot(b, args.screenshot)
        print(f"wrote {args.screenshot}")

    rows = []
    with tempfile.TemporaryDirectory() as tmp, Browser(width=1400, height=900) as browser:
        for name, text in books().items():
            size = len(text.encode("utf-8"))
            reflow.reflow("warm up: ap-\nproved.\n", language="en")
            t_reflow, t_render = [], []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                doc = reflow.reflow(text)
                t1 = time.perf_counter()
                html = render_review(doc, name)
                t_render.append(time.perf_counter() - t1)
                t_reflow.append(t1 - t0)
            page = Path(tmp) / "book.html"
            page.write_text(html, encoding="utf-8")
            plain = Path(tmp) / "book-visible.html"
            plain.write_text(
                html.replace("content-visibility:auto", "content-visibility:visible"),
                encoding="utf-8",
            )
            with_cv = measure(browser, page, args.runs)
            without_cv = measure(browser, plain, args.runs)
            rows.append((name, size, doc, len(html.encode("utf-8")), t_reflow, t_render,
                         with_cv, without_cv))  # fmt: skip
            print(name, size, len(html.encode("utf-8")), with_cv, without_cv, flush=True)

    stamp = datetime.now(UTC)
    lines = [
        f"# Review page: size and speed ({stamp:%Y-%m-%d %H:%M} UTC)",
        "",
        f"`python bench/bench_review.py --runs {args.runs}`; reflow {reflow.__version__}, "
        f"Python {platform.python_version()}, Chromium headless (Debian package) over the "
        f"DevTools pipe, window 1400x900; load average at the end "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} shared cores. Medians of "
        f"{args.runs} runs. Scroll step = scrollBy 0.9 screen + two animation frames "
        "(16.7 ms is one frame at 60 Hz); jump = scrollTo a random place + two frames.",
        "",
        "| book | pages | input | HTML | HTML / input | marks (uncertain) | reflow s | "
        "render_review s | load event ms | first frame ms | scroll step median / p95 / max ms "
        "| jump median / max ms | to last decision ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, size, doc, html_size, t_reflow, t_render, cv, no_cv in rows:
        for label, m in (("", cv), (" — content-visibility off", no_cv)):
            lines.append(
                f"| {name}{label} | {doc.pages} | {size / 1e6:.2f} MB | {html_size / 1e6:.2f} MB "
                f"| {html_size / size:.1f}x | {m['marks']} ({m['uncertain']}) "
                f"| {median(t_reflow):.2f} | {median(t_render):.2f} | {m['load']:.0f} "
                f"| {m['first_frame']:.0f} | {m['step_median']:.1f} / {m['step_p95']:.1f} / "
                f"{m['step_max']:.1f} | {m['jump_median']:.1f} / {m['jump_max']:.1f} "
                f"| {m['to_last']:.0f} |"
            )
    report = "\n".join(lines) + "\n"
    print(report)
    if args.record:
        out = HERE / "results" / f"review-{stamp:%Y-%m-%d}.md"
        # A second run on the same day is added below the first: old results are kept.
        old = out.read_text(encoding="utf-8") + "\n" if out.exists() else ""
        out.write_text(
            old + report.replace("# Review page", "## Review page" if old else "# Review page", 1),
            encoding="utf-8",
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
