"""Where reflow goes wrong reading the corpus's PDFs itself, with the rule that decided.

    .venv/bin/python eval/pdf_errors.py [--typesetter pdflatex] [--language de] [--limit 60]

For each document, the PDF (eval/build/pdf, typeset again when missing) is read by
:func:`reflow.reflow_file`; the gold paragraph starts reflow missed, the ones it invented and
the line-end hyphens it got wrong are printed with the decision the engine logged between the
two lines (rule, action, evidence).  Then a count of the rules behind each kind of error.  Meant
for working on the geometry rules (``eval/pdf_suite.py`` gives the scores).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402
from errors import starts_of, token_map  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import tokens  # noqa: E402
from reflow.model import Action  # noqa: E402


def _decision(doc, line_toks, before: list[str], after: list[str]):
    """The boundary decision between a line ending with ``before`` and one starting with
    ``after`` (None when no such pair of lines is found)."""
    for d in doc.decisions:
        if d.action not in (Action.JOIN, Action.BREAK, Action.DEHYPHENATE, Action.KEEP_HYPHEN):
            continue
        a, b = line_toks[d.line], line_toks[d.next_line]
        if a[-len(before) :] == before and b[: len(after)] == after:
            return d
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--typesetter", default="pdflatex")
    ap.add_argument("--language")
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--quiet", action="store_true", help="only the counts of rules")
    ap.add_argument(
        "--built", action="store_true", help="only the documents whose PDF is already built"
    )
    args = ap.parse_args()
    rules: dict[str, Counter[str]] = {
        "missed": Counter(),
        "invented": Counter(),
        "hyphen": Counter(),
    }
    shown = 0
    config = reflow.Config(language="auto")
    for gold_path in sorted((HERE / "cases" / args.typesetter).rglob("gold.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        if args.language and g["language"] != args.language:
            continue
        if not g.get("pdf") or not g["extractions"]:
            continue
        if args.built and not (gold_path.parent / g["pdf"]).resolve().exists():
            continue
        pdf = run.build_pdf(gold_path.parent, (gold_path.parent / g["pdf"]).resolve())
        if pdf is None:
            continue
        doc = reflow.reflow_file(pdf, config)
        texts = doc.source.split("\n")
        line_toks = [tokens(t) for t in texts]
        paras = [b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH]
        g_toks, g_starts = starts_of(g["paragraphs"])
        p_toks, p_starts = starts_of(paras)
        mapped = token_map(g_toks, p_toks)
        hit = {mapped[s] for s in p_starts if s in mapped}
        errors = [("missed", s) for s in sorted(g_starts - hit) if s]
        errors += [
            ("invented", mapped[s])
            for s in sorted(p_starts)
            if s in mapped and mapped[s] not in g_starts
        ]
        for kind, s in errors:
            before, after = g_toks[max(0, s - 2) : s], g_toks[s : s + 2]
            d = _decision(doc, line_toks, before, after)
            rule = f"{d.action}:{d.rule}" if d else "no decision between two lines"
            rules[kind][rule] += 1
            if not args.quiet and shown < args.limit:
                shown += 1
                print(f"{g['id']} {kind}: {' '.join(before)} ¶ {' '.join(after)}")
                print(f"    {rule}  {d.evidence if d else ''}")
        # Line-end hyphens: the true word must be in the paragraphs as often as in the gold.
        ex = g["extractions"].get("pdftotext-raw") or next(iter(g["extractions"].values()))
        p_count = Counter(p_toks)
        g_count = Counter(g_toks)
        for h in ex["hyphens"]:
            word = tokens(h["word"])
            if not word or p_count[word[0]] >= g_count[word[0]] or len(word) != 1:
                continue
            left = tokens(h["left"] + "-")[-1:] if h["left"] else []
            d = _decision(doc, line_toks, left, tokens(h["right"])[:1])
            rule = f"{d.action}:{d.rule}" if d else "no decision between two lines"
            rules["hyphen"][rule] += 1
            if not args.quiet and shown < args.limit:
                shown += 1
                kind = "join" if h["join"] else "keep"
                print(f"{g['id']} hyphen [{kind}] {h['left']}- | {h['right']} -> {h['word']}")
                print(f"    {rule}  {d.evidence if d else ''}")
    for kind, counter in rules.items():
        print(f"\n{kind}: {sum(counter.values())}")
        for rule, n in counter.most_common():
            print(f"  {n:4d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
