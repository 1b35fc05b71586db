"""Cut windows of the born-digital PDFs (eval/real/texlive-pdf) that hold text that is not body.

    .venv/bin/python tests/cases/make_nonbody_cases.py   # writes real_nonbody.json

A case is a few consecutive lines of one extraction, chosen by hand (:data:`WINDOWS`: a table
of contents, a code line inside a paragraph, a command-line session, table cells, formula
lines).  Its expectations come from the document's gold.json, never from reflow: every line
is given its truth by ``eval/nonbody_lines.line_truth`` (the kind of gold block that holds its
tokens), ``paragraphs`` are the body lines joined as the gold joins them, and ``nonbody`` the
lines whose truth is ``other``, each with the role and rule reflow must give it.  A window
with a line whose truth is ambiguous, or whose body lines do not make the gold's paragraphs
token for token, is refused (the script says so).  Windows that reflow gets wrong go to
``real_nonbody_known_failures.json`` (strict xfail) with what reflow did.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from nonbody_lines import line_truth  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import tokens  # noqa: E402
from reflow.model import Action, Role  # noqa: E402

REAL = ROOT / "eval" / "real" / "texlive-pdf"
#: The roles of text that is not body and not page furniture.
NON_BODY = frozenset(
    {Role.OTHER, Role.FRONT_MATTER, Role.CODE, Role.TABLE, Role.FORMULA, Role.REFERENCE}
)

OUT = Path(__file__).resolve().parent / "real_nonbody.json"
OUT_FAIL = Path(__file__).resolve().parent / "real_nonbody_known_failures.json"

#: (case folder, extraction, first line, last line (1-based, inclusive), what it shows, the
#: rules that must label its non-body lines).
WINDOWS = [
    (
        "en/texlive-en-p001-pdftotext-raw",
        "pdftotext-raw",
        9,
        16,
        "a table of contents",
        ["contents-leader", "contents-entry"],
    ),
    (
        "cs/texlive-cz-p006-pdftotext-raw",
        "pdftotext-raw",
        126,
        137,
        "command lines between lines of prose",
        ["code-syntax"],
    ),
    (
        "cs/texlive-cz-p026-pdftotext-raw",
        "pdftotext-raw",
        150,
        167,
        "a command-line session with its answers, a paragraph between",
        ["code-syntax"],
    ),
    (
        "en/aastex-sample-p016-pdftotext-raw",
        "pdftotext-raw",
        280,
        289,
        "table cells one to a line",
        ["table-cells"],
    ),
    (
        "en/amshelp-p011-pdftotext-raw",
        "pdftotext-raw",
        133,
        136,
        "a formula as printed between two paragraphs",
        ["formula-symbols"],
    ),
    (
        "en/amshelp-p001-pdfminer",
        "pdfminer",
        85,
        92,
        "pdfminer's column of contents titles",
        ["contents-numbered"],
    ),
    (
        "en/tugboat-guide-p006-pdftotext-raw",
        "pdftotext-raw",
        196,
        211,
        "a reference list under its title",
        ["reference-title", "reference-entry"],
    ),
    (
        "de/l2tabu-de-p021-pdftotext-raw",
        "pdftotext-raw",
        2,
        8,
        "formula lines around a caption",
        ["formula-symbols"],
    ),
]

#: Why a window fails today, where the rule that errs is known.
CAUSES = {
    "cs-real-nonbody-texlive-cz-p026-pdftotext-raw-150": (
        ": a long body line after the session, under a short one, passes for a headline that"
        " spans the columns (structure/headings.py), outside the non-body rules"
    ),
}


def cut(folder: str, name: str, first: int, last: int) -> tuple[dict, list[str], list]:
    gold = json.loads((REAL / folder / "gold.json").read_text(encoding="utf-8"))
    text = (REAL / folder / gold["extractions"][name]["file"]).read_text(encoding="utf-8")
    lines = text.split("\n")
    truth = line_truth(gold, lines)
    return gold, lines[first - 1 : last], truth[first - 1 : last]


def expected_paragraphs(gold: dict, window: list[str], truth: list) -> list[str] | None:
    """The body lines of the window joined into the gold's paragraphs, or None when they do
    not make them token for token (a window must cut no gold paragraph into two pieces that
    it does not hold whole... except at its ends, where the piece must be a run of tokens of
    one gold paragraph)."""
    golds = [" ".join(tokens(p)) for p in gold["paragraphs"]]
    body = [t.strip() for t, tr in zip(window, truth, strict=True) if tr == "body"]
    if not body:
        return []
    out: list[str] = []
    current: list[str] = []
    for line in body:
        trial = " ".join([*current, line])
        if current and not any(" ".join(tokens(trial)) in g for g in golds):
            out.append(" ".join(current))
            current = [line]
        else:
            current.append(line)
    out.append(" ".join(current))
    if not all(any(" ".join(tokens(p)) in g for g in golds) for p in out):
        return None
    return out


def main() -> int:
    cases, failures = [], []
    for folder, name, first, last, what, rules in WINDOWS:
        gold, window, truth = cut(folder, name, first, last)
        if any(t in ("ambiguous", "unknown") for t in truth):
            print(f"refused {folder} {first}-{last}: a line's truth is unknown: {truth}")
            continue
        paragraphs = expected_paragraphs(gold, window, truth)
        if paragraphs is None:
            print(f"refused {folder} {first}-{last}: the body lines make no gold paragraphs")
            continue
        nonbody = [
            t.strip() for t, tr in zip(window, truth, strict=True) if tr not in ("body", None)
        ]
        lang = gold["language"]
        case = {
            "id": f"{lang}-real-nonbody-{folder.split('/')[1]}-{first}",
            "lang": lang,
            "force_lang": True,
            "note": (
                f"texlive-pdf/{folder}/{name}.txt lines {first}-{last} "
                f"({gold['source']['licence']}): {what}"
            ),
            "input": "\n".join(window) + "\n",
            "paragraphs": paragraphs,
            "nonbody": nonbody,
            "rules": rules,
        }
        doc = reflow.reflow(case["input"], language=lang)
        got = [b.text for b in doc.blocks if b.role is not Role.PARAGRAPH]
        rule_of = {d.line: d.rule for d in doc.decisions if d.action is Action.LABEL}
        fired = set(rule_of.values())
        ok = doc.paragraphs == paragraphs and got == nonbody and set(rules) <= fired
        if ok:
            cases.append(case)
        else:
            body = {t.strip() for t, tr in zip(window, truth, strict=True) if tr == "body"}
            taken = [
                (b.text, str(b.role), rule_of.get(b.lines[0], ""))
                for b in doc.blocks
                if b.role is not Role.PARAGRAPH and b.text in body
            ]
            case["note"] += f"; reflow labels body lines {taken!r}" + CAUSES.get(case["id"], "")
            failures.append(case)
        print(("ok    " if ok else "FAILS ") + case["id"])
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    OUT_FAIL.write_text(json.dumps(failures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
