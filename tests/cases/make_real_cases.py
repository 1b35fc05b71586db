"""Cut reflow's known misses on the real pages (eval/real/) into small strict-xfail cases.

    .venv/bin/python tests/cases/make_real_cases.py   # writes real_known_failures.json

A case is a few consecutive lines of one real export with the gold for exactly those lines,
checked against the document's gold.json token by token (a window whose gold cannot be told
from gold.json is skipped).  Kinds:

* ``hyphen``: a line-end hyphen with known truth (eval/real/README.md) that reflow gets wrong;
  input the two lines, gold the one paragraph with the word as the source writes it;
The "flat" exports are the OCR sources' ``flat`` style and pdftotext -raw on the born-digital
PDFs (``texlive-pdf``), both one line per printed line with no blank lines.

* ``start``: a gold paragraph start that reflow joins away in the flat export (no blank line,
  no indent): input the last line of one paragraph and the first two of the next;
* ``furniture``: a running head or page number between two lines of one paragraph in the flat
  export that reflow leaves inside the paragraph.

Only cases reflow gets wrong today are written; the note names the rule that decided and the
cause.  Deterministic: the first cases of each kind, source and language in sorted order.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import reflow  # noqa: E402
from reflow.metrics import load_cases, tokens  # noqa: E402

REAL = ROOT / "eval" / "real"
OUT = Path(__file__).resolve().parent / "real_known_failures.json"
PER_KIND = 2
#: Exports with one line per printed line and no blank lines: the OCR sources' ``flat`` export,
#: and pdftotext -raw on the born-digital PDFs (eval/real/texlive-pdf).
FLAT = ("flat", "pdftotext-raw")
#: Tokens each line of a ``start`` window needs: prose, not a drop capital or a list item.
PROSE_TOKENS = 5


def reflowed(text: str, lang: str) -> reflow.Document:
    return reflow.reflow(text, language=lang if lang in ("en", "de", "fr") else "auto")


def rule_at(doc: reflow.Document, line: int) -> str:
    return next((d.rule for d in doc.decisions if d.line == line), "none")


def main() -> int:
    cases: list[dict[str, object]] = []
    counts: dict[tuple[str, str], int] = {}
    for case in load_cases(REAL):
        source, style = case.suite.split("/")
        if case.language not in ("en", "de", "fr"):
            continue
        gold = json.loads((REAL / source / case.language / case.doc_id / "gold.json").read_text())
        lines = case.text.split("\n")
        licence = gold["source"]["licence"]
        where = f"{source}/{case.language}/{case.doc_id}/{style}.txt"
        # hyphen misses
        if counts.get((source, case.language, "hyphen"), 0) < PER_KIND and style in FLAT:
            for h in gold["extractions"][style]["hyphens"]:
                a, b = lines[h["line"]], lines[h["line"] + 1]
                if b.startswith("\f") or not a or not b:
                    continue
                text = a[:-1] + ("" if h["join"] else "-") + b
                if h["word"] not in tokens(text):
                    continue
                want = [" ".join(text.split())]
                doc = reflowed(a + "\n" + b + "\n", case.language)
                if doc.paragraphs == want:
                    continue
                cases.append(
                    {
                        "id": f"{case.language}-real-{source}-hyphen-{len(cases)}",
                        "lang": case.language,
                        "force_lang": True,
                        "note": f"{where} line {h['line'] + 1} ({licence}): "
                        f"'{h['left']}-/{h['right']}' is '{h['word']}'; reflow's rule "
                        f"{rule_at(doc, 0)!r} decided otherwise",
                        "input": a + "\n" + b + "\n",
                        "paragraphs": want,
                    }
                )
                counts[(source, case.language, "hyphen")] = (
                    counts.get((source, case.language, "hyphen"), 0) + 1
                )
                if counts[(source, case.language, "hyphen")] >= PER_KIND:
                    break
        # missed paragraph starts in the flat export
        if counts.get((source, case.language, "start"), 0) < PER_KIND and style in FLAT:
            paras = [tokens(p) for p in gold["paragraphs"]]
            for k in range(len(paras) - 1):
                first = paras[k + 1]
                for i in range(1, len(lines) - 2):
                    a, b1, b2 = lines[i - 1], lines[i], lines[i + 1]
                    tb = tokens(b1 + " " + b2)
                    if (
                        min(len(tokens(a)), len(tokens(b1)), len(tokens(b2))) >= PROSE_TOKENS
                        and paras[k][-len(tokens(a)) :] == tokens(a)
                        and first[: len(tb)] == tb
                        and a[-1:] not in "-‐‑⸗¬="
                        and b1[-1:] not in "-‐‑⸗¬="
                    ):
                        want = [a.strip(), f"{b1.strip()} {b2.strip()}"]
                        text = f"{a}\n{b1}\n{b2}\n"
                        doc = reflowed(text, case.language)
                        if doc.paragraphs != want and len(doc.paragraphs) == 1:
                            cases.append(
                                {
                                    "id": f"{case.language}-real-{source}-start-{len(cases)}",
                                    "lang": case.language,
                                    "force_lang": True,
                                    "note": f"{where} lines {i}-{i + 2} ({licence}): a paragraph "
                                    "starts on the second line; no blank line, no indent, and "
                                    f"the first line is not short enough: {rule_at(doc, 0)!r}",
                                    "input": text,
                                    "paragraphs": want,
                                }
                            )
                            counts[(source, case.language, "start")] = (
                                counts.get((source, case.language, "start"), 0) + 1
                            )
                        break
                if counts.get((source, case.language, "start"), 0) >= PER_KIND:
                    break
        # furniture inside a paragraph, flat export
        if counts.get((source, case.language, "furniture"), 0) < PER_KIND and style in FLAT:
            furniture = {" ".join(tokens(f)) for f in gold["furniture"] if tokens(f)}
            body = [" ".join(tokens(p)) for p in gold["paragraphs"]]
            for i in range(1, len(lines) - 1):
                if " ".join(tokens(lines[i])) not in furniture:
                    continue
                a, f, b = lines[i - 1], lines[i], lines[i + 1]
                if a[-1:] in "-‐‑⸗¬=" or not b[:1].islower():
                    continue
                joined = " ".join(tokens(f"{a} {b}"))
                if not any(joined in p for p in body):
                    continue
                text = f"{a}\n{f}\n{b}\n"
                doc = reflowed(text, case.language)
                want = [f"{a.strip()} {b.strip()}"]
                if doc.paragraphs == want:
                    continue
                cases.append(
                    {
                        "id": f"{case.language}-real-{source}-furniture-{len(cases)}",
                        "lang": case.language,
                        "force_lang": True,
                        "note": f"{where} lines {i}-{i + 2} ({licence}): the running head or "
                        f"page number {f.strip()!r} sits inside a paragraph; one page alone "
                        "gives no repetition and the flat export no page edge",
                        "input": text,
                        "paragraphs": want,
                    }
                )
                counts[(source, case.language, "furniture")] = (
                    counts.get((source, case.language, "furniture"), 0) + 1
                )
                break
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases: {sorted(counts.items())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
