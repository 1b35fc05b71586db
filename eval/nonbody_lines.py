"""Which lines of the texlive-pdf cases are not body, and what reflow labels them.

    .venv/bin/python eval/nonbody_lines.py                 # every texlive-pdf case
    .venv/bin/python eval/nonbody_lines.py --part held-out # the documents not tuned on
    .venv/bin/python eval/nonbody_lines.py --show code-syntax --truth body   # its misses
    .venv/bin/python eval/nonbody_lines.py --score         # P/R/F1, WER per part, extractor

A printed line's truth is the kind of gold block (eval/real/texlive-pdf/*/gold.json: body
paragraphs, headings, captions, notes, other, furniture) whose tokens hold the line's tokens as
a run; a line found in blocks of two kinds (a short line, a phrase repeated in a code example) is
``ambiguous`` and not counted.  For each rule of ``reflow.structure.nonbody`` (and every other
labelling rule) the table gives how many lines it took, by truth: a rule that takes body lines
costs paragraphs, one that leaves ``other`` lines in the body costs words.

The texlive-pdf documents are split by family (a document and its translations are one family)
into the part the non-body rules were tuned on and the part held out (:data:`TUNED`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import reflow  # noqa: E402
from reflow.lines import split_lines  # noqa: E402
from reflow.metrics import Counts, evaluate, load_cases, reflow_system, tokens  # noqa: E402
from reflow.model import Action  # noqa: E402

ROOT = HERE / "real" / "texlive-pdf"

#: Document families of texlive-pdf the non-body rules were tuned on (read while writing the
#: rules); every other family is held out.  A translation shares its family (l2tabu-*).
TUNED = frozenset(
    {
        "l2tabu",
        "latex4wp",
        "amshelp",
        "yet-another-guide",
        "quantumarticle",
        "aastex-sample",
        "revtex",
        "tds",
    }
)

KINDS = ("body", "heading", "caption", "note", "other", "furniture")


def family(doc_id: str) -> str:
    """``l2tabu-fr-p006-pypdf`` -> ``l2tabu``; ``revtex-auguide-p001-pdfminer`` -> ``revtex``."""
    name = doc_id.rsplit("-p", 1)[0]
    for f in TUNED:
        if name == f or name.startswith(f + "-"):
            return f
    return name


def _index(blocks: list[str]) -> str:
    return " | " + " | ".join(" ".join(tokens(b)) for b in blocks) + " | "


def line_truth(gold: dict, texts: list[str]) -> list[str | None]:
    """The truth of every line (None for a blank one); see the module docstring."""
    index = {
        "body": _index(gold["paragraphs"]),
        "heading": _index([h["text"] for h in gold["headings"]]),
        "caption": _index(gold["captions"]),
        "note": _index(gold["notes"]),
        "other": _index(gold["other"]),
        "furniture": _index(gold["furniture"]),
    }
    out: list[str | None] = []
    cut_before = False
    for t in texts:
        s = t.strip()
        if not s:
            out.append(None)
            continue
        toks = tokens(s)
        cut_after = s.endswith("-") and len(s) > 1 and s[-2].isalpha()
        # The halves of a word cut by a line-end hyphen are one token in the gold.
        core = toks[1 if cut_before else 0 : len(toks) - 2 if cut_after else len(toks)]
        cut_before = cut_after
        if not core:
            out.append("ambiguous")
            continue
        needle = " " + " ".join(core) + " "
        found = [k for k in KINDS if needle in index[k]]
        out.append(found[0] if len(found) == 1 else ("unknown" if not found else "ambiguous"))
    return out


def cases(part: str, extractor: str | None) -> list[tuple[str, dict, str, str]]:
    out = []
    for gold_path in sorted(ROOT.rglob("gold.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        fam = family(g["id"])
        if (part == "tuned" and fam not in TUNED) or (part == "held-out" and fam in TUNED):
            continue
        for name, ex in sorted(g["extractions"].items()):
            if extractor and name != extractor:
                continue
            text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
            out.append((g["id"], g, name, text))
    return out


def score(part: str) -> int:
    """Paragraph starts, WER, leakage, hyphens and headings (``reflow.metrics``) of reflow on
    the tuned and held-out families, per extractor."""
    results: dict[tuple[str, str], Counts] = defaultdict(Counts)
    for case in load_cases(ROOT):
        fam = "tuned" if family(case.doc_id) in TUNED else "held-out"
        if part not in ("all", fam):
            continue
        for (suite, _lang), counts in evaluate([case], reflow_system).items():
            results[(fam, suite)] += counts
            results[(fam, "all")] += counts
    for (fam, suite), c in sorted(results.items()):
        r = c.rates()
        head = r["heading_recall"] or 0.0
        print(
            f"{fam:8s} {suite:28s} cases {r['cases']:3d}  P {r['boundary_p']:.3f}"
            f"  R {r['boundary_r']:.3f}  F1 {r['boundary_f1']:.3f}  WER {r['wer']:.2%}"
            f"  leak {r['leakage']:.2%}  hyph {r['hyphen']:.2%}  head R {head:.1%}"
        )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("all", "tuned", "held-out"), default="all")
    ap.add_argument("--extractor", help="pdftotext-raw, pdfminer or pypdf (default: all)")
    ap.add_argument("--show", help="print the lines this rule took (or 'none': unlabelled)")
    ap.add_argument("--truth", help="with --show: only lines of this truth")
    ap.add_argument(
        "--score", action="store_true", help="paragraph and word scores per part and extractor"
    )
    args = ap.parse_args()
    if args.score:
        return score(args.part)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, g, _name, text in cases(args.part, args.extractor):
        doc = reflow.reflow(text, config=reflow.Config(language="auto"))
        texts = split_lines(text).texts
        rule_of = {d.line: d.rule for d in doc.decisions if d.action is Action.LABEL}
        truth = line_truth(g, texts)
        for i, tr in enumerate(truth):
            if tr is None:
                continue
            rule = rule_of.get(i, "none")
            table[rule][tr] += 1
            if args.show == rule and (args.truth is None or args.truth == tr):
                print(f"{doc_id}:{i + 1} [{tr}] {texts[i].strip()[:110]}")
    if args.show:
        return 0
    cols = (*KINDS, "ambiguous", "unknown")
    print("| rule | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for rule, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {rule} | " + " | ".join(str(c[k]) for k in cols) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
