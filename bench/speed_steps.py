"""Before/after of each speed step in one run: reflow at several commits on the same corpus.

    .venv/bin/python bench/speed_steps.py 0d1e697 c39b494 HEAD [--record]

Each commit is checked out in a temporary git worktree and measured in a subprocess of its own
(``PYTHONPATH`` pointing at that checkout's ``src``), one after another in the same run: the
committed extractions of eval/cases, one document each (as eval/speed.py reads them), a warm-up
pass, then three rounds of one ``re.sub`` pass (eval/speed.py's floor), one pass of
``reflow(t).to_text()`` and one with ``detect_structure=False``; CPU seconds, best round.
The ratio to the ``re.sub`` pass of the same process is the number to compare: the cores are
shared with other jobs.  ``--record`` writes bench/results/speed-steps-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import publish, short_commit, stamp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, re, sys, time
docs = json.load(open(sys.argv[1], encoding="utf-8"))
import reflow
LINE_END = re.compile(r"(\w)-\n(?=\w)")
def full(t): return reflow.reflow(t).to_text()
def bare(t): return reflow.reflow(t, detect_structure=False).to_text()
def floor(t): return LINE_END.sub(r"\1", t)
for d in docs:
    full(d)
best = {"floor": 1e9, "full": 1e9, "bare": 1e9}
for _ in range(3):
    for name, fn in (("floor", floor), ("full", full), ("bare", bare)):
        t0 = time.process_time()
        for d in docs:
            fn(d)
        best[name] = min(best[name], time.process_time() - t0)
print(json.dumps(best))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("commits", nargs="+")
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from reflow.metrics import load_cases

    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    load = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "docs.json"
        corpus.write_text(json.dumps(docs), encoding="utf-8")
        for commit in args.commits:
            sha = short_commit(commit)
            if not sha:
                raise SystemExit(f"no such commit: {commit}")
            tree = Path(tmp) / f"reflow-{sha}"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha],
                capture_output=True,
                check=True,
            )
            try:
                env = {**os.environ, "PYTHONPATH": str(tree / "src")}
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(corpus)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                ).stdout
            finally:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    capture_output=True,
                )
            best = json.loads(out)
            rows.append((commit, sha, best))
            print(commit, sha, best, file=sys.stderr, flush=True)
    when = stamp()
    lines = [
        f"### {when}: speed steps, one run",
        "",
        f"`python bench/speed_steps.py {' '.join(args.commits)}`: {len(docs)} committed "
        f"extractions of eval/cases ({size:.2f} MB, one document each), CPU seconds of one pass, "
        f"best of 3 rounds after a warm-up pass, each commit in its own process; load average "
        f"{load:.1f} on {os.cpu_count()} shared cores at the start.",
        "",
        "| commit | re.sub s | reflow s | MB/s | x re.sub | no-structure s | MB/s | x re.sub |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for commit, sha, b in rows:
        name = commit if commit == sha else f"{commit} ({sha})"
        lines.append(
            f"| {name} | {b['floor']:.3f} | {b['full']:.3f} | {size / b['full']:.2f} "
            f"| {b['floor'] / b['full']:.3f} | {b['bare']:.3f} | {size / b['bare']:.2f} "
            f"| {b['floor'] / b['bare']:.3f} |"
        )
    publish("\n".join(lines) + "\n", "speed-steps", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
