"""Every boundary reflow decides between two body lines, with the truth from the gold.

    .venv/bin/python eval/boundary_truth.py --root eval/real                # rules x truth
    .venv/bin/python eval/boundary_truth.py --root eval/real --show flat:short-last-line:join

For working on the boundary rules (src/reflow/boundaries.py), not for scores (eval/real_run.py
gives those).  A boundary's truth is known when the first word of the lower line and the last
word of the upper line both align to the gold's body text, next to each other: then the gold
says whether a paragraph starts there (``break``) or not (``join``).  Boundaries next to text
that is not body in the gold (a heading, a caption, furniture the structure stage left as body)
are counted as ``nonbody``: they are the structure stage's to fix, not the boundary rules'.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from reflow.boundaries import decide_boundaries
from reflow.config import Config
from reflow.language import detect_languages
from reflow.lines import split_lines
from reflow.metrics import Case, load_cases, tokens
from reflow.structure import label_lines

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Boundary:
    """One decided boundary between body lines ``a`` and ``b`` of a case, with its truth."""

    case: Case
    a: int
    b: int
    rule: str
    action: str
    evidence: str
    truth: str  # "break", "join", "nonbody" or "unknown"


def gold_tokens(case: Case) -> tuple[list[str], set[int]]:
    """The gold paragraphs' tokens in order, and the index of each paragraph's first token."""
    g_toks: list[str] = []
    g_starts: set[int] = set()
    for p in case.gold.paragraphs:
        t = tokens(p)
        if t:
            g_starts.add(len(g_toks))
            g_toks += t
    return g_toks, g_starts


def boundaries(case: Case, config: Config | None = None) -> Iterator[Boundary]:
    """The boundaries reflow decides on ``case``, each with its truth (see the module doc)."""
    config = config or Config()
    lines = split_lines(case.text)
    language = detect_languages(lines.source)[0]
    labels = label_lines(lines, config, language)
    body, decisions = decide_boundaries(lines, labels, language, config)
    g_toks, g_starts = gold_tokens(case)
    # The body lines' tokens, in order, with each line's first and last token index.
    p_toks: list[str] = []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i in body:
        t = tokens(lines.texts[i])
        if t:
            first[i] = len(p_toks)
            p_toks += t
            last[i] = len(p_toks) - 1
    sm = SequenceMatcher(None, g_toks, p_toks, autojunk=False)
    mapped: dict[int, int] = {}
    for ga, pb, n in sm.get_matching_blocks():
        for j in range(n):
            mapped[pb + j] = ga + j
    for k, d in enumerate(decisions):
        a, b = body[k], body[k + 1]
        if d is None:
            rule, action, evidence = "wrapped-line", "join", ""
        else:
            rule, action, evidence = d.rule, d.action.value, d.evidence
        if a not in last or b not in first:
            truth = "unknown"
        else:
            ga, gb = mapped.get(last[a]), mapped.get(first[b])
            if ga is None or gb is None:
                truth = "nonbody"
            elif gb == ga + 1:
                truth = "break" if gb in g_starts else "join"
            else:
                truth = "unknown"
        yield Boundary(case, a, b, rule, action, evidence, truth)


def _breaks(action: str) -> bool:
    return action == "break"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, default=HERE / "real")
    ap.add_argument("--suite", help="only suites containing this text")
    ap.add_argument("--language", help="only cases in this language")
    ap.add_argument("--show", help="style:rule:truth, e.g. flat:short-last-line:join")
    ap.add_argument("--limit", type=int, default=30)
    args = ap.parse_args()
    table: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    shown = 0
    for case in load_cases(args.root):
        if args.suite and args.suite not in case.suite:
            continue
        if args.language and case.language != args.language:
            continue
        texts = case.text.split("\n")
        for bd in boundaries(case):
            table[case.suite][(bd.rule, bd.action, bd.truth)] += 1
            if args.show and shown < args.limit:
                style, rule, truth = args.show.split(":")
                if style in case.suite and rule == bd.rule and truth == bd.truth:
                    shown += 1
                    print(f"{case.doc_id} {bd.a}: {bd.evidence}")
                    print(f"    {texts[bd.a]!r}\n    {texts[bd.b]!r}")
    if args.show:
        return 0
    for suite, counts in sorted(table.items()):
        print(f"\n## {suite}")
        print(f"{'rule':28} {'action':12} {'break':>6} {'join':>6} {'nonbody':>8} {'unknown':>8}")
        by_rule: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for (rule, action, truth), n in counts.items():
            by_rule[(rule, action)][truth] += n
        wrong = Counter()
        for (rule, action), c in sorted(by_rule.items(), key=lambda x: -sum(x[1].values())):
            print(
                f"{rule:28} {action:12} {c['break']:6} {c['join']:6} {c['nonbody']:8} "
                f"{c['unknown']:8}"
            )
            wrong["false break" if _breaks(action) else "false join"] += (
                c["join"] if _breaks(action) else c["break"]
            )
        print(dict(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
