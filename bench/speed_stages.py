"""CPU seconds of each pipeline stage over the eval/speed.py corpus: where the time goes.

    .venv/bin/python bench/speed_stages.py [--record]

The committed extractions of eval/cases, one document each (as eval/speed.py reads them); a
warm-up pass (lexicons and verdict caches loaded), then three rounds, best round per stage.
The stages are called as :func:`reflow.pipeline.reflow_lines` calls them (decode check, line
table, language, structure, boundaries, assembly, per-paragraph language), each timed on its
own, next to one ``re.sub`` pass (eval/speed.py's floor) and the whole ``reflow(t).to_text()``
in the same process.  ``--record`` writes bench/results/speed-stages-<date>-<time>.md.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import reflow
from reflow.metrics import load_cases

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_note, publish, short_commit, stage_timer, stamp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LINE_END = re.compile(r"(\w)-\n(?=\w)")
STAGES = (
    "decode check",
    "line table",
    "language",
    "structure",
    "boundaries",
    "assembly",
    "paragraph languages",
)


def modules(name: str = "reflow") -> dict[str, ModuleType]:
    """The modules whose stages are timed, from the package ``name`` (bench/speed_stages_ab.py
    times a renamed copy of an older version beside the working tree)."""
    return {
        part: importlib.import_module(f"{name}.{part}")
        for part in ("pipeline", "config", "decode", "lines")
    }


def one_pass(docs: list[str], m: dict[str, ModuleType] | None = None) -> dict[str, float]:
    """CPU seconds per stage over ``docs``, each stage timed around its call, with the modules
    ``m`` (default: the installed reflow)."""
    m = m or modules()
    pipeline, config = m["pipeline"], m["config"].Config()
    spent = dict.fromkeys(STAGES, 0.0)
    timed = stage_timer(spent)

    for d in docs:
        source, _ = timed("decode check", m["decode"].check_text, d, config.decode_errors)
        lines = timed("line table", m["lines"].split_lines, source)
        language, _, seen = timed("language", pipeline.detect_languages, source)
        labels = timed("structure", pipeline.label_lines, lines, config, language)
        body, decisions = timed(
            "boundaries", pipeline.decide_boundaries, lines, labels, language, config
        )
        blocks, _ = timed(
            "assembly",
            pipeline.assemble,
            lines,
            labels,
            body,
            decisions,
            config.expand_ligatures,
        )
        if language == pipeline.UNDETERMINED or len(seen) > 1:
            timed("paragraph languages", pipeline._block_languages, blocks, language)
    return spent


def whole(fn: Callable[[str], object], docs: list[str]) -> float:
    t0 = time.process_time()
    for d in docs:
        fn(d)
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    docs = [c.text for c in load_cases(ROOT / "eval" / "cases")]
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for d in docs:
        reflow.reflow(d).to_text()
    best: dict[str, float] = {}
    for _ in range(3):
        rows = one_pass(docs)
        rows["re.sub one pass (floor)"] = whole(lambda t: LINE_END.sub(r"\1", t), docs)
        rows["reflow(t).to_text(), whole"] = whole(lambda t: reflow.reflow(t).to_text(), docs)
        for k, v in rows.items():
            best[k] = min(best.get(k, v), v)
    floor = best["re.sub one pass (floor)"]
    total = best["reflow(t).to_text(), whole"]
    commit = short_commit()
    when = stamp()
    lines = [
        f"### {when}: CPU seconds per stage (reflow at {commit})",
        "",
        f"`python bench/speed_stages.py`: {len(docs)} committed extractions of eval/cases "
        f"({size:.2f} MB, one document each), best of 3 rounds after a warm-up pass, one "
        f"process; {load_note()}.",
        "",
        "| stage | CPU s | share of the whole | x re.sub pass |",
        "|---|---|---|---|",
    ]
    for stage in (*STAGES, "re.sub one pass (floor)", "reflow(t).to_text(), whole"):
        s = best[stage]
        lines.append(f"| {stage} | {s:.3f} | {100 * s / total:.0f} % | {s / floor:.1f} |")
    publish("\n".join(lines) + "\n", "speed-stages", args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
