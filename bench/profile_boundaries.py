"""Where the boundary stage's CPU time goes, in real CPU seconds (no cProfile), over the
eval/speed.py corpus.

    .venv/bin/python bench/profile_boundaries.py [--rounds 3] [--record]

The committed extractions of eval/cases, one document each, cut into lines, given their
language and labelled once; then :func:`reflow.boundaries.decide_boundaries` alone, best of
``--rounds`` rounds after a warm-up round.  Then one more round with a CPU-time counter around
each part of the stage that the rules call (the hyphen decisions, the document's layout
profile, the document's word and compound indexes, the trailing-space count, the bulk pass);
the counters cost a little themselves, so that round's whole is given beside the plain one.
Parts nest (a hyphen decision builds the word index when it first asks), so each row is
inclusive and the rows do not add up.  cProfile slows the stage's many small Python calls
about 3x against its C-level ones and so misplaces its time; these counters do not.
Then which hyphen rule decided how many line-end hyphens.
``--record`` writes bench/results/boundaries-profile-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from reflow import boundaries, lexicon
from reflow.config import Config
from reflow.decode import check_text
from reflow.language import detect_languages
from reflow.lines import split_lines
from reflow.metrics import load_cases
from reflow.model import Action
from reflow.structure import label_lines

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import cpu_counted, load_note, publish, short_commit, stamp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: The parts counted: (row name, owner, attribute).  Module functions are looked up by the
#: stage at call time, so replacing the module attribute counts every call.
PARTS: tuple[tuple[str, Any, str], ...] = (
    ("hyphen decisions (boundaries._hyphen_decision)", boundaries, "_hyphen_decision"),
    ("... of which hyphenation.decide_hyphen", boundaries, "decide_hyphen"),
    ("rules within a column (_within_column)", boundaries, "_within_column"),
    ("rules across a gap (_across_gap)", boundaries, "_across_gap"),
    ("layout profile (profile.measure, once per document)", boundaries, "measure"),
    (
        "trailing-space count (lines.trailing_space_convention)",
        boundaries,
        "trailing_space_convention",
    ),
    ("bulk pass (_boundaries_to_decide)", boundaries, "_boundaries_to_decide"),
    ("word index (DocumentVocabulary._index_words)", lexicon.DocumentVocabulary, "_index_words"),
    (
        "coverage (DocumentVocabulary.coverage, with the word index)",
        lexicon.DocumentVocabulary,
        "coverage",
    ),
    (
        "compound index (DocumentVocabulary._index_compounds)",
        lexicon.DocumentVocabulary,
        "_index_compounds",
    ),
    (
        "compound look-ups (DocumentVocabulary.compound_count, with its index)",
        lexicon.DocumentVocabulary,
        "compound_count",
    ),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    config = Config()
    inputs = []
    for d in docs:
        lines = split_lines(check_text(d, config.decode_errors)[0])
        language = detect_languages(lines.source)[0]
        inputs.append((lines, label_lines(lines, config, language), language))

    def one_round() -> float:
        t0 = time.process_time()
        for lines, labels, language in inputs:
            boundaries.decide_boundaries(lines, labels, language, config)
        return time.process_time() - t0

    one_round()  # warm-up: lexicons, hyphenators and verdict caches loaded
    plain = min(one_round() for _ in range(args.rounds))

    spent = dict.fromkeys((name for name, _, _ in PARTS), 0.0)
    saved = [(owner, attr, getattr(owner, attr)) for _, owner, attr in PARTS]
    rules: Counter[str] = Counter()
    for name, owner, attr in PARTS:
        setattr(owner, attr, cpu_counted(getattr(owner, attr), name, spent))
    hyphen_actions = (Action.DEHYPHENATE, Action.KEEP_HYPHEN)
    try:
        t0 = time.process_time()
        for lines, labels, language in inputs:
            _, decisions = boundaries.decide_boundaries(lines, labels, language, config)
            rules.update(d.rule for d in decisions if d is not None and d.action in hyphen_actions)
        counted_whole = time.process_time() - t0
    finally:
        for owner, attr, fn in saved:
            setattr(owner, attr, fn)

    out = [
        f"### {stamp()}: the boundary stage part by part (reflow at {short_commit()})",
        "",
        f"`python bench/profile_boundaries.py`: {len(docs)} committed extractions of eval/cases "
        f"({size:.2f} MB, one document each), lines, language and labels made once; "
        f"decide_boundaries alone, best of {args.rounds} rounds after a warm-up round, one "
        f"process; {load_note()}.",
        "",
        f"decide_boundaries whole: {plain:.3f} CPU s ({size / plain:.2f} MB/s); the round with "
        f"the counters: {counted_whole:.3f} s.  Rows are inclusive (parts nest).",
        "",
        "| part | CPU s | share of the plain whole |",
        "|---|---|---|",
    ]
    for name, _, _ in PARTS:
        out.append(f"| {name} | {spent[name]:.3f} | {100 * spent[name] / plain:.0f} % |")
    out += [
        "",
        "Line-end hyphens removed or kept, by rule (the counted round, which also counts them):",
        "",
        "| rule | hyphens |",
        "|---|---|",
    ]
    out += [f"| {rule} | {n} |" for rule, n in rules.most_common(12)]
    publish("\n".join(out) + "\n", "boundaries-profile", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
