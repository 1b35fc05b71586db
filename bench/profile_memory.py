"""Where the peak memory of one document comes from: tracemalloc per pipeline stage, by line.

    .venv/bin/python bench/profile_memory.py --mb 16                 # prints Markdown
    .venv/bin/python bench/profile_memory.py --mb 16 64 --write      # ...and bench/results/

The document is bench/bench_scaling.py's (eval/cases pages joined by form feeds).  Each size runs
in a fresh process: the text is loaded and the engine warmed, then the stages of
:func:`reflow.pipeline.reflow_lines` run one by one (the same calls, in the same order), each
structure rule separately, then ``to_text``.  For each step: the peak of traced Python
allocations during it and what is still alive after it (both over the loaded input, as a
multiple of its UTF-8 size), and the source lines that hold the most of what is alive at the
end of the steps where the peak is highest.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import publish

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, sys, tracemalloc, linecache
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    text = f.read()
size = len(text.encode("utf-8"))
import reflow
from reflow.config import Config
from reflow.language import detect_languages, UNDETERMINED
from reflow.lexicon import Lexicon
from reflow.lines import split_lines
from reflow import pipeline, structure
from reflow.structure import view, furniture, lone
from reflow.decode import check_text
# Warm up on the document's first 100 KB: the tables of its languages (lexicon, patterns)
# are loaded once per process, not per document.
if len(sys.argv) > 2:  # a warm-up document of other pages
    with open(sys.argv[2], encoding="utf-8") as f:
        reflow.reflow(f.read()).to_text()
    from reflow.lexicon import Lexicon
    lex = Lexicon.get(detect_languages(text)[0])
    lex.zipf("the"), lex.has_patterns
else:
    reflow.reflow(text[:100_000]).to_text()
import gc; gc.collect()
# The source lines the report quotes, read before tracing (else linecache's copies of the
# files would be counted as the document's).
for name, mod in list(sys.modules.items()):
    if getattr(mod, "__file__", None):
        linecache.getlines(mod.__file__)
steps = []
snaps = {}
tracemalloc.start(3)
base = tracemalloc.get_traced_memory()[0]

def by_line(snap, n=12):
    # Group by the innermost frame in reflow or a library (not this script's own lines).
    sizes = {}
    for st in snap.statistics("traceback"):
        frames = [f for f in reversed(st.traceback) if not f.filename.startswith("<")]
        fr = frames[0] if frames else st.traceback[-1]
        key = (fr.filename, fr.lineno)
        size, count = sizes.get(key, (0, 0))
        sizes[key] = (size + st.size, count + st.count)
    rows = []
    for (fn, ln), (size, count) in sorted(sizes.items(), key=lambda kv: -kv[1][0])[:n]:
        rel = fn.split("/src/")[-1].split("site-packages/")[-1]
        rows.append({"where": f"{rel}:{ln}", "code": linecache.getline(fn, ln).strip()[:70],
                     "bytes": size, "count": count})
    return rows
def step(name, fn, *a, **k):
    tracemalloc.reset_peak()
    out = fn(*a, **k)
    cur, peak = tracemalloc.get_traced_memory()
    steps.append({"step": name, "peak": peak - base, "alive": cur - base})
    # What is alive after the step with the highest peak so far (one snapshot kept: a
    # snapshot of a large document's millions of blocks is itself large).
    if peak - base >= max(s["peak"] for s in steps) and name != "to_text":
        snaps.clear()
        snaps["peak"] = (name, by_line(tracemalloc.take_snapshot()))
    return out

config = Config()
source, warnings = step("check_text", check_text, text, config.decode_errors)
lines = step("split_lines", split_lines, source)
language, evidence, seen = step("detect_languages", detect_languages, source)

# structure.label_lines, step by step (the same calls as its body).
labels = step("labels: LineLabels",
              lambda: structure.LineLabels([None] * len(lines), list(lines.pages)))
if lines.page_count > 1:
    labels.page_evidence = f"{lines.page_count} pages cut by form feeds"
else:
    pages_, pc, why = furniture.infer_pages(lines)
    if pc > 1:
        labels.pages = pages_
pc = max(lines.page_count, 1)
doc = step("structure: measure + DocView", lambda: structure.DocView(
    lines, labels, language, config.max_heading_words, *view.measure(lines)))
step("structure: page numbers", furniture.label_page_numbers, lines, labels, labels.pages, pc)
step("structure: running heads", furniture.label_running_heads, lines, labels, labels.pages, pc,
     language)
step("structure: loose furniture", furniture.label_loose_furniture, lines, labels, labels.pages,
     pc, language)
step("structure: lone furniture", lone.rule_lone_furniture, doc)
for rule in structure.RULES:
    step("structure: " + rule.__name__, rule, doc)
del doc
body, decisions = step("boundaries", pipeline.decide_boundaries, lines, labels, language, config)
blocks, repairs = step("assemble", pipeline.assemble, lines, labels, body, decisions,
                       config.expand_ligatures)
def finish():
    from reflow.model import Action, Decision, DecisionLog
    ld = [Decision(Action.LABEL, r, i, i, lines.starts[i], c, f"{labels.roles[i]}: {e}")
          for i, (r, e, c) in sorted(labels.notes.items())]
    return reflow.Document(source=source, blocks=tuple(blocks),
        decisions=DecisionLog(decisions, body, source, ld + repairs), language=language,
        pages=max(labels.pages) + 1 if labels.pages else 0)
document = step("Document", finish)
del lines, labels, body, decisions, blocks, repairs
step("(stage structures freed)", lambda: None)
out = step("to_text", document.to_text)
top = max(steps, key=lambda s: s["peak"])
final = by_line(tracemalloc.take_snapshot())
print(json.dumps({"bytes": size, "lines": len(text.splitlines()), "steps": steps,
                  "alive_at_peak_step": {snaps["peak"][0]: snaps["peak"][1]},
                  "alive_after_to_text": final}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[16.0])
    ap.add_argument("--file", help="profile this text file instead of the built documents")
    ap.add_argument(
        "--warm-other",
        action="store_true",
        help="warm up on 100 KB of other pages (not the document's first 100 KB)",
    )
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    import bench_scaling

    import reflow

    all_pages = bench_scaling.pages()
    out = [
        f"# Memory profile of one document, reflow {reflow.__version__}, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Command: `python bench/profile_memory.py {' '.join(sys.argv[1:])}` (tracemalloc, one "
        "fresh process per size, bench/bench_scaling.py's document).  Peak: the most traced "
        "Python memory during the step; alive: after it; both over the loaded input, as a "
        "multiple of its UTF-8 size.",
    ]
    for mb in [0.0] if args.file else args.mb:
        if args.file:
            text = Path(args.file).read_text(encoding="utf-8")
        else:
            text = bench_scaling.build(mb, all_pages)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "doc.txt"
            path.write_text(text, encoding="utf-8")
            del text
            warm = []
            if args.warm_other:
                warm = [str(Path(tmp) / "warm.txt")]
                Path(warm[0]).write_text(bench_scaling.build(0.1, all_pages[::-1]), "utf-8")
            r = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), *warm],
                capture_output=True,
                text=True,
                check=True,
            )
        res = json.loads(r.stdout)
        size = res["bytes"]
        out += [
            "",
            f"## {size / 1e6:.1f} MB, {res['lines']:,} lines",
            "",
            "| step | peak MB | peak x input | alive after MB | alive x input |",
            "|---|---|---|---|---|",
        ]
        for s in res["steps"]:
            out.append(
                f"| {s['step']} | {s['peak'] / 1e6:.1f} | {s['peak'] / size:.2f} "
                f"| {s['alive'] / 1e6:.1f} | {s['alive'] / size:.2f} |"
            )
        for title, rows in [
            *(
                (f"Alive after the step with the highest peak ({k})", v)
                for k, v in res["alive_at_peak_step"].items()
            ),
            ("Alive after to_text", res["alive_after_to_text"]),
        ]:
            out += ["", title + ":", "", "| where | code | MB | objects |", "|---|---|---|---|"]
            for row in rows:
                code = row["code"].replace("|", "\\|")
                out.append(
                    f"| {row['where']} | `{code}` | {row['bytes'] / 1e6:.1f} | {row['count']:,} |"
                )
        print("\n".join(out[-1:]), file=sys.stderr)
    publish("\n".join(out) + "\n", "memory-profile", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
