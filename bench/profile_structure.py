"""CPU seconds of each step of the structure stage, and its profile, over the eval/speed.py corpus.

    .venv/bin/python bench/profile_structure.py [--rounds 3] [--record]

The committed extractions of eval/cases, one document each (as eval/speed.py reads them), cut
into lines and given their language once; then the structure stage
(:func:`reflow.structure.label_lines`) is replayed step by step as it runs (page inference,
the document view, the furniture pass, every rule of :data:`reflow.structure.RULES` in
order), each step timed on its own, best of ``--rounds`` rounds after a warm-up round.  Then
one pass of ``label_lines`` alone under cProfile: its 30 functions with the most own time
(cProfile slows Python code about 2x, so its seconds are not the timings).  ``--record``
writes bench/results/structure-profile-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from reflow import structure
from reflow.config import Config
from reflow.decode import check_text
from reflow.language import detect_languages
from reflow.lines import split_lines
from reflow.metrics import load_cases
from reflow.structure import furniture, lone, view

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_note, profile_top, publish, short_commit, stage_timer, stamp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def one_round(inputs: list[tuple[Any, str]], config: Config) -> dict[str, float]:
    """CPU seconds per step of ``label_lines`` over ``inputs`` (lines, language), replayed in
    the order in which :func:`reflow.structure.label_lines` runs them."""
    spent: dict[str, float] = defaultdict(float)
    timed = stage_timer(spent)

    for lines, language in inputs:
        labels = view.LineLabels([None] * len(lines), list(lines.pages))
        if not len(lines):
            continue
        page_count = lines.page_count
        if page_count <= 1:
            pages, page_count, _ = timed("infer_pages", furniture.infer_pages, lines)
            if page_count > 1:
                labels.pages = pages
        doc = timed(
            "DocView + measure",
            lambda lines=lines, labels=labels, language=language: view.DocView(
                lines, labels, language, config.max_heading_words, *view.measure(lines)
            ),
        )
        count = max(page_count, 1)
        timed(
            "label_page_numbers", furniture.label_page_numbers, lines, labels, labels.pages, count
        )
        timed(
            "label_running_heads",
            furniture.label_running_heads,
            lines,
            labels,
            labels.pages,
            count,
            language,
        )
        timed(
            "label_loose_furniture",
            furniture.label_loose_furniture,
            lines,
            labels,
            labels.pages,
            count,
            language,
        )
        timed("label_masthead", furniture.label_masthead, lines, labels)
        timed("rule_lone_furniture", lone.rule_lone_furniture, doc)
        for rule in structure.RULES:
            timed(rule.__name__, rule, doc)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    config = Config()
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    inputs = []
    for d in docs:
        source, _ = check_text(d, config.decode_errors)
        inputs.append((split_lines(source), detect_languages(source)[0]))
    # Boxes are None for text input: PageGeometry never runs here, as in the speed corpus.
    assert all(lines.boxes is None for lines, _ in inputs)

    def whole() -> float:
        t0 = time.process_time()
        for lines, language in inputs:
            structure.label_lines(lines, config, language)
        return time.process_time() - t0

    one_round(inputs, config)  # warm-up: caches of words and languages filled
    best: dict[str, float] = {}
    wholes = []
    for _ in range(args.rounds):
        for k, v in one_round(inputs, config).items():
            best[k] = min(best.get(k, v), v)
        wholes.append(whole())
    total = min(wholes)
    table = profile_top(
        lambda: [structure.label_lines(lines, config, language) for lines, language in inputs],
        30,
    )
    when = stamp()
    steps = sum(best.values())
    rows = [
        f"### {when}: structure stage step by step (reflow at {short_commit()})",
        "",
        f"`python bench/profile_structure.py`: {len(docs)} committed extractions of eval/cases "
        f"({size:.2f} MB, one document each), lines and language made once; best of "
        f"{args.rounds} rounds after a warm-up round, one process; "
        f"{load_note()}.  label_lines whole: "
        f"{total:.3f} CPU s ({size / total:.2f} MB/s); the steps below add up to {steps:.3f} s.",
        "",
        "| step | CPU s | share of the steps |",
        "|---|---|---|",
    ]
    for step, s in sorted(best.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {step} | {s:.3f} | {100 * s / steps:.1f} % |")
    rows += [
        "",
        "Top 30 functions by own time, cProfile, one pass of label_lines:",
        "",
        "```",
        table,
        "```",
    ]
    publish("\n".join(rows) + "\n", "structure-profile", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
