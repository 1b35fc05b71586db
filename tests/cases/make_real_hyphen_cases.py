"""Cut line-end hyphens of the real pages (eval/real/) that the hyphen rules decide into cases.

    .venv/bin/python tests/cases/make_real_hyphen_cases.py   # writes real_hyphens.json

For each rule in :data:`RULES`, the first line-end hyphens (sorted by source, document and
line; ``flat`` and ``tesseract`` exports) that the rule decides the way the gold says: the
input is the line with the hyphen and the next one (with the blank lines between them, for a
word cut across a block break), the gold is the two lines joined with the true word as
gold.json gives it (eval/real/README.md: the word's truth comes from the rest of the source).
Only hyphens whose truth is known are used; the case asserts the paragraph and the rule.
Deterministic; rerun after a change to the sources, not to reflow (a case reflow gets wrong
then fails, as it should).  Cases of real_known_failures.json that a change fixed are moved
here by hand, with their ids, and kept when this script is rerun.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import reflow  # noqa: E402
from reflow.model import Action  # noqa: E402

REAL = ROOT / "eval" / "real"
OUT = Path(__file__).resolve().parent / "real_hyphens.json"
#: rule -> cases wanted.  The rules of the real-page hyphen work (docs/algorithm.md).
RULES = {
    "off-pattern-word": 4,
    "engine-mark": 2,
    "not-a-pattern-point": 2,
}
#: Exports read: one line per printed line (``flat``) and the engine's own text.
STYLES = ("flat.txt", "tesseract.txt")
#: Combining marks inside the word (the e above a vowel of early modern German): wanted too.
MARKED = 2
#: Words cut across a blank line after a lone line (boundaries: ``word_goes_on``).
ACROSS_BLANK = 2


def licence(gold: dict) -> str:
    return gold["source"].get("licence", "see eval/real/README.md")


def main() -> int:
    wanted = dict(RULES) | {"marked": MARKED, "across-blank": ACROSS_BLANK}
    cases: list[dict[str, object]] = []
    seen: set[str] = set()  # one case per word
    for gold_path in sorted(REAL.rglob("gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for _name, ex in sorted(gold["extractions"].items()):
            if ex["file"] not in STYLES or not ex["hyphens"]:
                continue
            text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
            lines = text.split("\n")
            for h in ex["hyphens"]:
                i = h["line"]
                j = i + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j >= len(lines) or "\f" in "".join(lines[i : j + 1]):
                    continue
                a, b = lines[i].rstrip(), lines[j].strip()
                raw = "\n".join([a] + [""] * (j - i - 1) + [b]) + "\n"
                lang = gold["language"]
                doc = reflow.reflow(raw, language=lang)
                decision = next(
                    (d for d in doc.decisions if d.line == 0 and d.action is not Action.LABEL),
                    None,
                )
                if decision is None:
                    continue
                want = Action.DEHYPHENATE if h["join"] else Action.KEEP_HYPHEN
                if decision.action is not want:
                    continue
                joined = a[:-1] + b if h["join"] else a + b
                kind = decision.rule
                if j > i + 1:
                    kind = "across-blank"
                elif "\u0364" in h["word"] or "\u0364" in a[-12:]:
                    kind = "marked"
                if wanted.get(kind, 0) <= 0 or doc.paragraphs != [joined] or h["word"] in seen:
                    continue
                wanted[kind] -= 1
                seen.add(h["word"])
                cases.append(
                    {
                        "id": f"{lang}-real-hyphen-{kind}-{len(cases)}",
                        "lang": lang,
                        "force_lang": True,
                        "note": (
                            f"{gold['corpus']}/{lang}/{gold['id']}/{ex['file']} lines "
                            f"{i + 1}-{j + 1} ({licence(gold)}): '{h['left']}' + "
                            f"'{h['right']}' is '{h['word']}' in the source "
                            f"({'line break' if h['join'] else 'real hyphen'}); rule "
                            f"{decision.rule}"
                        ),
                        "input": raw,
                        "paragraphs": [joined],
                        "rules": [decision.rule],
                    }
                )
    missing = {k: v for k, v in wanted.items() if v > 0}
    # Cases moved here from real_known_failures.json when a change fixed them keep their ids
    # (no "-real-hyphen-" in them) and are kept as they are.
    if OUT.exists():
        kept = json.loads(OUT.read_text(encoding="utf-8"))
        cases = [c for c in kept if "-real-hyphen-" not in str(c["id"])] + cases
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases -> {OUT.name}; not found: {missing or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
