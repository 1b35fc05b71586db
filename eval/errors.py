"""Where reflow goes wrong on the committed cases: line-end hyphens and paragraph boundaries.

    .venv/bin/python eval/errors.py [--suite pdflatex/pdftotext-raw] [--language de] [--limit 40]

For each line-end hyphen whose true word is missing from reflow's paragraphs (more often than
the gold allows), prints the case, the extraction's two lines and the true word; then the gold
paragraph starts reflow missed and the paragraph starts it invented, with their first words.
Meant for working on the rules, not for scores (``eval/run.py`` gives those).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent

from reflow.metrics import load_cases, reflow_system, tokens  # noqa: E402


def starts_of(paragraphs: list[str]) -> tuple[list[str], set[int]]:
    """The paragraphs' tokens in one list, and the index where each paragraph starts."""
    toks: list[str] = []
    starts = set()
    for p in paragraphs:
        starts.add(len(toks))
        toks += tokens(p)
    return toks, starts


def token_map(g_toks: list[str], p_toks: list[str]) -> dict[int, int]:
    """Predicted token index -> gold token index, for the tokens the two share in order."""
    sm = SequenceMatcher(None, g_toks, p_toks, autojunk=False)
    mapped = {}
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            mapped[b + k] = a + k
    return mapped


def _hyphen_rules(text: str) -> dict[int, str]:
    """Line index -> the rule that decided the line-end hyphen ending that line."""
    import reflow
    from reflow.model import Action

    doc = reflow.reflow(text, config=reflow.Config(language="auto"))
    return {
        d.line: d.rule
        for d in doc.decisions
        if d.action in (Action.DEHYPHENATE, Action.KEEP_HYPHEN, Action.JOIN)
        and d.rule != "wrapped-line"
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--suite", default="pdflatex/pdftotext-raw")
    ap.add_argument("--language")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--root", type=Path, default=HERE / "cases", help="eval/cases or eval/real")
    ap.add_argument(
        "--rules", action="store_true", help="name the rule that decided each wrong hyphen"
    )
    args = ap.parse_args()
    shown_h = 0
    missed: Counter[str] = Counter()
    invented: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    for case in load_cases(args.root):
        if case.suite != args.suite or (args.language and case.language != args.language):
            continue
        pred = reflow_system(case.text)
        decided = _hyphen_rules(case.text) if args.rules else {}
        p_count = Counter(t for p in pred.paragraphs for t in tokens(p))
        g_count = Counter(t for p in case.gold.paragraphs for t in tokens(p))
        lines = case.text.split("\n")
        gold_dir = next(args.root.rglob(f"{case.doc_id}/gold.json")).parent
        gold = json.loads((gold_dir / "gold.json").read_text(encoding="utf-8"))
        name = case.suite.split("/")[1]
        for h in gold["extractions"][name]["hyphens"]:
            if p_count[h["word"]] >= g_count[h["word"]]:
                continue
            kind = "join" if h["join"] else "keep"
            rule = decided.get(h["line"], "no hyphen decision on the line")
            causes[f"[{kind}] {rule}"] += 1
            if shown_h >= args.limit:
                continue
            shown_h += 1
            print(
                f"{case.doc_id} line {h['line']} [{kind}] {lines[h['line']].strip()!r} + "
                f"{h['right']!r} -> want {h['word']!r}" + (f" ({rule})" if args.rules else "")
            )
        g_toks, g_starts = starts_of(case.gold.paragraphs)
        p_toks, p_starts = starts_of(pred.paragraphs)
        mapped = token_map(g_toks, p_toks)
        hit = {mapped[s] for s in p_starts if s in mapped}
        for s in sorted(g_starts - hit):
            missed[" ".join(g_toks[max(0, s - 3) : s]) + " ¶ " + " ".join(g_toks[s : s + 4])] += 1
        for s in sorted(p_starts):
            if s in mapped and mapped[s] not in g_starts:
                g = mapped[s]
                invented[
                    " ".join(g_toks[max(0, g - 3) : g]) + " ¶ " + " ".join(g_toks[g : g + 4])
                ] += 1
    if args.rules:
        print(f"\nwrong line-end hyphens by the rule that decided: {sum(causes.values())}")
        for text, n in causes.most_common():
            print(f"  {n:4}  {text}")
    print(f"\nmissed paragraph starts: {sum(missed.values())}")
    for text, _ in missed.most_common(args.limit // 2):
        print("  ", text)
    print(f"\ninvented paragraph starts: {sum(invented.values())}")
    for text, _ in invented.most_common(args.limit // 2):
        print("  ", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
