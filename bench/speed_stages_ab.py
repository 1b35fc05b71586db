"""Stage CPU of a base version of reflow against the working tree, in one process.

    git archive BASE src | tar -x -C /tmp/base
    cp -r /tmp/base/src/reflow /tmp/basepkg/reflow_base   # then rename its imports:
    sed -i -E 's/\\bfrom reflow(\\.| )/from reflow_base\\1/g; s/\\bimport reflow(\\.|$| )/import
    reflow_base\\1/g' $(grep -rl reflow /tmp/basepkg/reflow_base --include=*.py)
    PYTHONPATH=/tmp/basepkg .venv/bin/python bench/speed_stages_ab.py BASE-NAME [--record]

On a shared machine wall and even CPU time drift from minute to minute, so a before/after
measured in two runs compares two machines.  This runs both versions on the same documents in
alternating rounds (base, new, base, new, ...), each round timing every stage as
bench/speed_stages.py does, and the whole ``reflow(t).to_text()`` with and without the
structure stage, next to one ``re.sub`` pass (eval/speed.py's floor); the best round of each
version is reported (``--median``: the median round), and so is each stage as a ratio to the
floor of the same process.
It first checks that both versions render every document the same (``to_text``), so the
comparison is between two implementations of one answer.
``--record`` writes bench/results/speed-stages-ab-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from statistics import median

import reflow
from reflow.metrics import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_note, publish, short_commit, stamp
from speed_stages import LINE_END, STAGES, modules, one_pass, whole

#: The whole pipeline with detect_structure=False (the row of the table).
BARE = "reflow(t, detect_structure=False).to_text()"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="what the base is (a commit), for the report")
    ap.add_argument("--package", default="reflow_base", help="the base's renamed package")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--median", action="store_true", help="the median round, not the best")
    args = ap.parse_args()
    pick = median if args.median else min
    statistic = "median" if args.median else "best"
    base_pkg = importlib.import_module(args.package)
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    versions = {
        "base": (modules(args.package), base_pkg.reflow),
        "new": (modules("reflow"), reflow.reflow),
    }
    differ = sum(base_pkg.reflow(d).to_text() != reflow.reflow(d).to_text() for d in docs)
    rounds: dict[str, dict[str, list[float]]] = {v: {} for v in versions}
    floors: list[float] = []
    for _ in range(args.rounds):
        for name, (m, fn) in versions.items():
            rows = one_pass(docs, m)
            rows["whole"] = whole(lambda t, fn=fn: fn(t).to_text(), docs)
            rows[BARE] = whole(lambda t, fn=fn: fn(t, detect_structure=False).to_text(), docs)
            for k, v in rows.items():
                rounds[name].setdefault(k, []).append(v)
            floors.append(whole(lambda t: LINE_END.sub(r"\1", t), docs))
    best = {v: {k: pick(ts) for k, ts in rows.items()} for v, rows in rounds.items()}
    floor = pick(floors)
    commit = short_commit()
    when = stamp()
    out = [
        f"### {when}: stage CPU, base {args.base} against {commit}, one process",
        "",
        f"`python bench/speed_stages_ab.py {args.base}`: {len(docs)} committed extractions of "
        f"eval/cases ({size:.2f} MB, one document each), {args.rounds} alternating rounds "
        f"(base, new), {statistic} round per stage and version; "
        f"{load_note()}.  Documents whose text "
        f"differs between the versions: {differ}.",
        "",
        "| stage | base CPU s | new CPU s | new / base | base x re.sub | new x re.sub "
        "| base share | new share |",
        "|---|---|---|---|---|---|---|---|",
    ]
    tb, tn = best["base"]["whole"], best["new"]["whole"]
    for stage in (*STAGES, "whole", BARE):
        b, n = best["base"][stage], best["new"][stage]
        label = "reflow(t).to_text(), whole" if stage == "whole" else stage
        out.append(
            f"| {label} | {b:.3f} | {n:.3f} | {n / b:.2f} | {b / floor:.1f} | {n / floor:.1f} "
            f"| {100 * b / tb:.0f} % | {100 * n / tn:.0f} % |"
        )
    out += [
        f"| re.sub one pass (floor) | {floor:.3f} | | | 1.0 | 1.0 | | |",
        "",
        f"Whole pipeline: base {size / tb:.2f} MB/s ({floor / tb:.3f}x re.sub), new "
        f"{size / tn:.2f} MB/s ({floor / tn:.3f}x re.sub); re.sub {size / floor:.1f} MB/s.",
        f"Without the structure stage: base {size / best['base'][BARE]:.2f} MB/s "
        f"({floor / best['base'][BARE]:.3f}x re.sub), new {size / best['new'][BARE]:.2f} MB/s "
        f"({floor / best['new'][BARE]:.3f}x re.sub).",
    ]
    publish("\n".join(out) + "\n", "speed-stages-ab", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
