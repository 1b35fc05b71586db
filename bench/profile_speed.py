"""Profile one pass of reflow over the eval/speed.py corpus; write the top lines to bench/results.

    .venv/bin/python bench/profile_speed.py STEP [--no-structure]

Writes bench/results/speed-profile-STEP.md: CPU seconds of one pass (after a warm-up pass, so
lexicons and verdict caches are loaded) of ``re.sub`` (eval/speed.py's floor), of reflow, and of
reflow with ``detect_structure=False``, their ratios, and the 25 functions with the most own
time under cProfile (which slows Python code about 2x, so its seconds are not the timings).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import reflow
from reflow.metrics import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import profile_top, short_commit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LINE_END = re.compile(r"(\w)-\n(?=\w)")


def cpu(fn, docs: list[str]) -> float:
    """Best of three passes, CPU seconds (less sensitive than wall time to the shared cores)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for d in docs:
            fn(d)
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step")
    ap.add_argument("--no-structure", action="store_true", help="profile detect_structure=False")
    args = ap.parse_args()
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    structure = not args.no_structure

    def full(t: str) -> str:
        return reflow.reflow(t).to_text()

    def bare(t: str) -> str:
        return reflow.reflow(t, detect_structure=False).to_text()

    for d in docs:
        full(d)
    floor = cpu(lambda t: LINE_END.sub(r"\1", t), docs)
    t_full = cpu(full, docs)
    t_bare = cpu(bare, docs)
    table = profile_top(lambda: [(full if structure else bare)(d) for d in docs], 25)
    commit = short_commit()
    report = f"""# Profile, step {args.step} (reflow at {commit})

`python bench/profile_speed.py {args.step}{" --no-structure" if not structure else ""}`: the
{len(docs)} committed extractions of eval/cases ({size:.2f} MB, one document each, as
eval/speed.py reads them), one core of a shared machine, CPU seconds, best of 3 passes after a
warm-up pass.

| what | CPU s | MB/s | x re.sub |
|---|---|---|---|
| re.sub one pass (floor) | {floor:.3f} | {size / floor:.1f} | 1.000 |
| reflow | {t_full:.3f} | {size / t_full:.2f} | {floor / t_full:.3f} |
| reflow, no structure | {t_bare:.3f} | {size / t_bare:.2f} | {floor / t_bare:.3f} |

Top 25 functions by own time, cProfile, one pass{" without structure" if not structure else ""}:

```
{table}
```
"""
    path = HERE / "results" / f"speed-profile-{args.step}.md"
    path.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
