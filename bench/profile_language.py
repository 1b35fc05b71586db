"""Profile the document language stage alone over the eval/speed.py corpus; write the top lines.

    .venv/bin/python bench/profile_language.py STEP [--against REF]

Writes bench/results/language-profile-STEP.md: CPU seconds of one pass of
``reflow.language.detect_languages`` over the committed extractions of eval/cases (best of 5
after a warm-up pass), and the 15 functions with the most own time under cProfile (which
slows Python code, so its seconds are not the timings).  ``--against REF`` also times the
language module of git revision REF in the same process, alternating with this one, so the
two numbers share the machine's load.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reflow import language
from reflow.metrics import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import profile_top

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _module_at(ref: str) -> object:
    """reflow/language.py as it was at git revision ``ref``, loaded under another name."""
    code = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:src/reflow/language.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "language_at_ref.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("language_at_ref", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step")
    ap.add_argument("--against", help="a git revision to time in the same process")
    args = ap.parse_args()
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    runs: dict[str, Callable[[str], object]] = {"this code": language.detect_languages}
    if args.against:
        runs[f"at {args.against}"] = _module_at(args.against).detect_languages  # type: ignore[attr-defined]
    same = 0
    for d in docs:
        answers = {name: fn(d) for name, fn in runs.items()}
        same += len(set(answers.values())) == 1
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(5):
        for name, fn in runs.items():
            t0 = time.process_time()
            for d in docs:
                fn(d)
            best[name] = min(best[name], time.process_time() - t0)
    table = profile_top(lambda: [language.detect_languages(d) for d in docs], 15)
    rows = "\n".join(f"| {name} | {s:.3f} | {size / s:.2f} |" for name, s in best.items())
    agree = f"\nSame (code, evidence, languages) from both on {same} of {len(docs)} documents.\n"
    against = f" --against {args.against}" if args.against else ""
    report = f"""# Language stage profile, step {args.step}

`python bench/profile_language.py {args.step}{against}`:
`detect_languages` on the {len(docs)} committed extractions of eval/cases ({size:.2f} MB), one
process on a shared machine, CPU seconds, best of 5 passes after a warm-up pass.

| code | CPU s | MB/s |
|---|---|---|
{rows}
{agree if args.against else ""}
Top 15 functions by own time, cProfile, one pass of this code:

```
{table}
```
"""
    (HERE / "results" / f"language-profile-{args.step}.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
