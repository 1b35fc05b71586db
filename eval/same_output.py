"""Fingerprint reflow's output on every committed input, to prove a change keeps the answers.

Every raw input of the corpus (``eval/cases/**.txt``) and every input of the test cases
(``tests/cases/**/*.json`` ``"input"`` fields, ``tests/cases/structure/*.txt``) is reflowed; the
text (default and with furniture), Markdown, JSON with decisions and ``explain()`` are hashed.

    python eval/same_output.py --write eval/results/same-output.json   # before the change
    python eval/same_output.py --check eval/results/same-output.json   # after: lists differences

``--check`` exits 1 and names every input whose output changed, and which rendering.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import reflow

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ("text", "text+furniture", "markdown", "json", "explain")


def inputs() -> Iterator[tuple[str, str]]:
    """(name, raw text) for every committed input, in a fixed order."""
    for path in sorted((ROOT / "eval" / "cases").rglob("*.txt")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "cases").rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else data.get("cases", [])
        for k, case in enumerate(items):
            if isinstance(case, dict) and isinstance(case.get("input"), str):
                yield f"{path.relative_to(ROOT)}#{case.get('id', k)}", case["input"]
    for path in sorted((ROOT / "tests" / "cases" / "structure").rglob("*.txt")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def fingerprint(raw: str) -> dict[str, str]:
    doc = reflow.reflow(raw)
    outputs = {
        "text": doc.to_text(),
        "text+furniture": doc.to_text(keep_furniture=True),
        "markdown": doc.to_markdown(),
        "json": doc.to_json(),
        "explain": doc.explain(),
    }
    return {
        k: hashlib.sha256(v.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        for k, v in outputs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the fingerprints here")
    group.add_argument("--check", type=Path, help="compare with fingerprints written earlier")
    args = parser.parse_args(argv)
    prints = {name: fingerprint(raw) for name, raw in inputs()}
    if args.write:
        args.write.write_text(json.dumps(prints, indent=0, sort_keys=True) + "\n")
        print(f"{len(prints)} inputs fingerprinted into {args.write}")
        return 0
    before = json.loads(args.check.read_text())
    changed = 0
    for name in sorted(set(before) | set(prints)):
        old, new = before.get(name), prints.get(name)
        if old == new:
            continue
        changed += 1
        if old is None or new is None:
            print(f"{name}: {'new input' if old is None else 'input gone'}")
            continue
        print(f"{name}: {', '.join(r for r in RENDERINGS if old.get(r) != new.get(r))}")
    print(f"{len(prints)} inputs, {changed} with different output", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
