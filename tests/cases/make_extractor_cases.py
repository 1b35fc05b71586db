"""Cut real-extractor test cases out of the evaluation corpus (eval/cases).

    python tests/cases/make_extractor_cases.py [CORPUS_DIR]

For each language and extractor, takes runs of two consecutive gold paragraphs whose words stand,
in order and uninterrupted, on consecutive lines of the extraction (no furniture, caption or
heading between them), and writes the lines as the input and the two gold paragraphs as the
expected output.  The cases reflow gets right go to extractor.json, the others to
extractor_known_failures.json (run as strict xfail).  The text is from the Debian
Administrator's Handbook (CC BY-SA 3.0), as the corpus is; see eval/cases/LICENSE.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))

import reflow  # noqa: E402

PER_GROUP = 3  # cases per (language, extractor): enough to cover each, small enough to read
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _find_run(lines: list[str], paragraphs: list[str]) -> tuple[int, int] | None:
    """Lines [i, j) whose tokens, hyphen breaks undone, are exactly the paragraphs' tokens."""
    want = [t for p in paragraphs for t in _tokens(p)]
    first = _tokens(paragraphs[0])[:4]
    for i, line in enumerate(lines):
        if _tokens(line)[:4] != first[: len(_tokens(line)[:4])] or not _tokens(line):
            continue
        got: list[str] = []
        for j in range(i, min(len(lines), i + 80)):
            toks = _tokens(lines[j])
            if not toks:
                break
            if got and lines[j - 1].rstrip().endswith("-") and got[-1] + toks[0] in want:
                got[-1] += toks[0]
                toks = toks[1:]
            got += toks
            if got == want:
                return i, j + 1
            if want[: len(got)] != got and not (
                len(got) <= len(want) and want[: len(got) - 1] == got[:-1]
            ):
                break
    return None


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "eval" / "cases"
    passing, failing = [], []
    for lang_dir in sorted((corpus / "pdflatex").iterdir()):
        if not lang_dir.is_dir():
            continue
        for extractor in ("pdftotext-raw", "pdfminer", "pypdf"):
            taken = 0
            for doc_dir in sorted(lang_dir.iterdir()):
                gold = json.loads((doc_dir / "gold.json").read_text(encoding="utf-8"))
                info = gold["extractions"].get(extractor)
                if info is None or taken >= PER_GROUP:
                    continue
                lines = (doc_dir / info["file"]).read_text(encoding="utf-8").split("\n")
                paras = gold["paragraphs"]
                for k in range(1, len(paras) - 1, 2):
                    span = _find_run(lines, paras[k : k + 2])
                    if span is None:
                        continue
                    text = "\n".join(lines[span[0] : span[1]]) + "\n"
                    case = {
                        "id": f"{lang_dir.name}-{extractor}-{gold['id']}-{k}",
                        "lang": lang_dir.name,
                        "note": f"{extractor} output of {gold['id']} (pdflatex, Debian "
                        f"Handbook text), lines {span[0]}-{span[1] - 1}",
                        "input": text,
                        "paragraphs": paras[k : k + 2],
                    }
                    doc = reflow.reflow(text, language=lang_dir.name)
                    ok = doc.paragraphs == case["paragraphs"]
                    if not ok:
                        case["note"] += "; reflow output: " + json.dumps(doc.paragraphs)[:300]
                    (passing if ok else failing).append(case)
                    taken += 1
                    break
    for name, cases in (("extractor.json", passing), ("extractor_known_failures.json", failing)):
        (HERE / name).write_text(
            json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"{len(passing)} passing, {len(failing)} known failures")


if __name__ == "__main__":
    main()
