"""The corpus's PDFs read directly: reflow (its PDF reader and the geometry) against the PDF peers.

Each pdflatex document of eval/cases is typeset again from its committed source when
eval/build/pdf lacks it (eval/run.py's build_pdf), and read by every system; the gold is the
pdftotext -raw case's (same paragraphs, headings, furniture and line-end hyphens: the hyphens
are the PDF's own).  Speed is pages per second on one core (this process), the extractor alone
beside the whole of reflow.

    .venv/bin/python eval/pdf_suite.py [--limit N] [--out eval/results/NAME]

Writes NAME.md and NAME.json (default: eval/results/<date>-pdf-<branch>-<commit>).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402
import run  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import Counts, Prediction, load_cases, score, table  # noqa: E402
from reflow.readers import read  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pdftotext runs as one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def reflow_pdf(pdf: Path) -> Prediction:
    doc = reflow.reflow_file(pdf, reflow.Config(language="auto"))
    return Prediction(
        paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
        headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
    )


def reader_alone(pdf: Path) -> Prediction:
    """pypdfium2 through reflow's reader only: lines in reading order, blank-line blocks."""
    lines, _ = read(pdf, "pdf")
    return peers.trivial(lines.source)


def pdfplumber_peer():
    import pdfplumber

    def run_(pdf: Path) -> Prediction:
        with pdfplumber.open(pdf) as doc:
            text = "\n\n".join(page.extract_text() or "" for page in doc.pages)
        return peers.trivial(text)

    return run_


def main() -> int:
    # The commit of the code this process runs, taken before any work (a commit made during a
    # long run must not lend it its name).
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    branch = subprocess.run(
        ["git", "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        cwd=HERE,
    ).stdout.strip()
    if dirty:
        commit += "-dirty"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument(
        "--every", type=int, default=1, help="every Nth document (a spread over the languages)"
    )
    ap.add_argument("--out", help="results path without extension")
    ap.add_argument(
        "--typesetter",
        action="append",
        choices=["pdflatex", "libreoffice"],
        help="the documents of this typesetter (repeatable; default: both)",
    )
    ap.add_argument("--only", help="only the systems whose name contains this (e.g. reflow)")
    args = ap.parse_args()
    typesetters = args.typesetter or ["pdflatex", "libreoffice"]
    systems = {
        f"reflow {reflow.__version__} (pypdfium2 {peers.version('pypdfium2')})": reflow_pdf,
        f"reflow's reader alone, blank-line blocks (pypdfium2 {peers.version('pypdfium2')})": (
            reader_alone
        ),
    }
    pdf_systems, missing = peers.pdf_peers()
    systems.update(pdf_systems)
    try:
        systems[f"pdfplumber {peers.version('pdfplumber')} extract_text"] = pdfplumber_peer()
    except Exception as exc:
        missing["pdfplumber"] = f"{type(exc).__name__}: {exc}"
    if args.only:
        systems = {k: v for k, v in systems.items() if args.only in k}
    for name, why in missing.items():
        print(f"not run: {name}: {why}", file=sys.stderr)
    # Warm up: the lexicons load once per process, not per page.
    reflow.reflow("warm up the lexicons ap-\nproved.\n")
    results: dict[str, dict[tuple[str, str], Counts]] = defaultdict(lambda: defaultdict(Counts))
    pages_seconds: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    cases = [
        c
        for c in load_cases(HERE / "cases")
        if c.suite.split("/")[0] in typesetters
        and c.suite.endswith("/pdftotext-raw")
        and c.pdf is not None
    ]
    cases = cases[:: args.every]
    if args.limit:
        cases = cases[: args.limit]
    for n, case in enumerate(cases, 1):
        print(f"{n}/{len(cases)} {case.doc_id}", file=sys.stderr, flush=True)
        case_dir = next((HERE / "cases").rglob(f"{case.doc_id}/gold.json")).parent
        pdf = run.build_pdf(case_dir, case.pdf.resolve())
        if pdf is None:
            continue
        pages = json.loads((case_dir / "gold.json").read_text(encoding="utf-8"))["pages"]
        for name, system in systems.items():
            t0 = _cpu()
            pred = system(pdf)
            seconds = _cpu() - t0
            c = score(pred, case.gold)
            c.seconds = seconds
            c.input_bytes = pdf.stat().st_size
            results[name][(case.suite.split("/")[0] + "/pdf", case.language)] += c
            pages_seconds[name][0] += pages
            pages_seconds[name][1] += seconds
    stem = args.out or str(
        HERE / "results" / f"{datetime.date.today().isoformat()}-pdf-{branch}-{commit}"
    )
    overall = {name: sum(rows.values(), Counts()) for name, rows in results.items()}
    # Per typesetter: pdflatex is what the geometry rules were tuned on, LibreOffice the
    # held-out check.
    by_typesetter = {
        f"{name} [{t}]": sum((c for (suite, _), c in rows.items() if suite.startswith(t)), Counts())
        for name, rows in results.items()
        for t in typesetters
    }
    speed = {name: (p / s if s else 0.0, int(p), s) for name, (p, s) in pages_seconds.items()}
    lines = [
        f"# The corpus's PDFs read directly ({len(cases)} {' and '.join(typesetters)} documents"
        f"{f', every {args.every}th' if args.every > 1 else ''}, commit {commit})",
        "",
        "Gold: the pdftotext -raw case's. CPU seconds of this one process (one core). "
        "`eval/pdf_suite.py`.",
        "",
        table(overall, first="system"),
        "",
        table(by_typesetter, first="system [typesetter]"),
        "",
        "| system | pages | CPU s | pages/s |",
        "|---|---|---|---|",
    ]
    lines += [f"| {n} | {p} | {s:.2f} | {r:.1f} |" for n, (r, p, s) in speed.items()]
    for name, why in missing.items():
        lines.append(f"\nnot run: {name}: {why}")
    for name, rows in results.items():
        lines += ["", f"## {name}", "", table(dict(sorted(rows.items())), first="suite/lang")]
    Path(stem + ".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path(stem + ".json").write_text(
        json.dumps(
            {
                "commit": commit,
                "documents": len(cases),
                "overall": {n: c.rates() for n, c in overall.items()},
                "by_typesetter": {n: c.rates() for n, c in by_typesetter.items()},
                "pages_per_second": {n: r for n, (r, _, _) in speed.items()},
                "missing": missing,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print("\n".join(lines[:20]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
