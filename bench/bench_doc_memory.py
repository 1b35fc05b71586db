"""Peak memory and time of reflowing ONE document, by its size: the basis of --max-document-bytes.

    python bench/bench_doc_memory.py                 # 1, 4, 16 MB; prints Markdown
    python bench/bench_doc_memory.py --write         # ...and saves bench/results/doc-memory-DATE.md

Each size runs in a fresh process (``ru_maxrss`` only grows), on the synthetic newspaper-style
text of bench/make_text.py.  The engine's tables (lexicon, patterns) are loaded by a small
warm-up document first, so the growth measured is the document's own.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
import reflow
from make_text import make_text
text = make_text({mb})
reflow.reflow("A warm-up doc-\\nument.\\n")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
out = reflow.reflow(text, detect_structure={structure}).to_text()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
size = len(text.encode())
print(json.dumps({{"bytes": size, "seconds": seconds, "grew_kib": peak - before}}))
"""


def measure(mb: float, structure: bool = True) -> dict[str, float]:
    code = PROBE.format(bench=str(ROOT / "bench"), mb=mb, structure=structure)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--no-structure", action="store_true", help="reflow with detect_structure=False"
    )
    args = parser.parse_args()
    rows = []
    for mb in args.sizes:
        r = measure(mb, not args.no_structure)
        per_byte = r["grew_kib"] * 1024 / r["bytes"]
        rows.append(
            f"| {r['bytes'] / 1e6:.1f} | {r['seconds']:.1f} | {r['grew_kib'] / 1024:.0f} | "
            f"{per_byte:.1f} | {r['bytes'] / 1e6 / r['seconds']:.2f} |"
        )
    import reflow

    table = "\n".join(
        [
            f"# Memory of one document, reflow {reflow.__version__}, Python "
            f"{platform.python_version()}, {datetime.date.today()}",
            "",
            "Command: `python bench/bench_doc_memory.py"
            + (" --no-structure" if args.no_structure else "")
            + (" --write" if args.write else "")
            + "`"
            " (one fresh process per size; synthetic newspaper-style English, bench/make_text.py;"
            " shared 2-core machine).",
            "",
            "| document MB | seconds | peak RSS growth MiB | bytes per input byte | MB/s |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    print(table)
    if args.write:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d-%H%M")
        name = "doc-memory-no-structure" if args.no_structure else "doc-memory"
        (ROOT / "bench" / "results" / f"{name}-{stamp}.md").write_text(table + "\n")


if __name__ == "__main__":
    main()
