"""Peak RSS of one document stage by stage (Linux): where the resident peak is, not the traced one.

    .venv/bin/python bench/rss_stages.py --mb 4            # whole pipeline
    .venv/bin/python bench/rss_stages.py --mb 4 --no-structure

tracemalloc (bench/profile_memory.py) counts live Python objects; RSS also counts the memory
the allocators keep after objects are freed (an arena with one live object stays resident).
Here the stages of :func:`reflow.pipeline.reflow` run one by one on bench/make_text.py's text,
and the kernel's high-water mark is reset (``/proc/self/clear_refs``) before each: each row is
the stage's own peak and the RSS after it, over the loaded input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_text import make_text

import reflow
from reflow.assemble import assemble
from reflow.boundaries import decide_boundaries
from reflow.config import Config
from reflow.language import detect_languages
from reflow.lines import split_lines
from reflow.structure import label_lines


def _kib() -> dict[str, int]:
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return {k: int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM")}


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4)
    parser.add_argument("--no-structure", action="store_true")
    args = parser.parse_args()
    text = make_text(args.mb)
    size = len(text.encode())
    reflow.reflow("A warm-up doc-\nument.\n")
    base = _kib()["VmRSS"]
    print("| after | peak x input | RSS x input |\n|---|---|---|")

    def row(step: str) -> None:
        now = _kib()
        print(
            f"| {step} | {(now['VmHWM'] - base) * 1024 / size:.2f}x | "
            f"{(now['VmRSS'] - base) * 1024 / size:.2f}x |"
        )
        _reset_peak()

    _reset_peak()
    config = Config(detect_structure=not args.no_structure)
    lines = split_lines(text)
    row("split_lines")
    language = detect_languages(text)[0]
    row("detect_languages")
    labels = label_lines(lines, config, language)
    row("structure")
    body, decisions = decide_boundaries(lines, labels, language, config)
    row("boundaries")
    lines.texts = []  # as reflow() does (pipeline._reflow_lines)
    row("line texts freed")
    assemble(lines, labels, body, decisions, config.expand_ligatures)
    row("assemble")


if __name__ == "__main__":
    main()
