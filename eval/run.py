"""Score reflow and its peers on the committed cases, side by side; write eval/results/.

    .venv/bin/python eval/run.py            # all suites, all systems
    .venv/bin/python eval/run.py --quick    # reflow and the text baselines only

Text systems read each extraction; PDF systems (pdftotext default, PyMuPDF) read the PDF the
case came from, typeset again from the committed source when eval/build/pdf lacks it,
and are scored against the gold of the pdftotext -raw extraction (same line ends).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import peers  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import Counts, evaluate, load_cases, reflow_system, score, table  # noqa: E402

CASES = HERE / "cases"


def build_pdf(case_dir: Path, pdf: Path) -> Path | None:
    """The case's PDF, typeset again from its committed source when it is not there yet."""
    if pdf.exists():
        return pdf
    gold = json.loads((case_dir / "gold.json").read_text(encoding="utf-8"))
    ts = generate.TYPESETTERS[gold["typesetter"]]
    source = gzip.decompress((case_dir / f"{ts.source}.gz").read_bytes()).decode("utf-8")
    return pdf if generate.typeset(ts, source, pdf) else None


def run(quick: bool) -> dict[str, dict[tuple[str, str], Counts]]:
    cases = list(load_cases(CASES))
    text_systems, missing = peers.text_peers()
    systems = {f"reflow {reflow.__version__}": reflow_system}
    systems.update(
        text_systems
        if not quick
        else {k: v for k, v in text_systems.items() if k in ("raw input", "trivial baseline")}
    )
    results: dict[str, dict[tuple[str, str], Counts]] = defaultdict(lambda: defaultdict(Counts))
    for name, system in systems.items():
        results[name].update(evaluate(cases, system))
    if not quick:
        pdf_systems, pdf_missing = peers.pdf_peers()
        missing.update(pdf_missing)
        for case in cases:
            if not case.suite.endswith("/pdftotext-raw") or case.pdf is None:
                continue
            # gold.json points at eval/build/pdf/<id>.pdf; the source sits beside gold.json.
            case_dir = next(CASES.rglob(f"{case.doc_id}/gold.json")).parent
            pdf = build_pdf(case_dir, case.pdf.resolve())
            if pdf is None:
                continue
            suite = case.suite.split("/")[0] + "/pdf"
            for name, system in pdf_systems.items():
                t0 = time.perf_counter()
                pred = system(pdf)
                seconds = time.perf_counter() - t0
                c = score(pred, case.gold)
                c.seconds = seconds
                c.input_bytes = pdf.stat().st_size
                results[name][(suite, case.language)] += c
    for name, why in missing.items():
        print(f"not run: {name}: {why}", file=sys.stderr)
    results["__missing__"] = {("", k): Counts() for k in missing}  # type: ignore[assignment]
    return results


def by(results: dict[tuple[str, str], Counts], idx: int) -> dict[str, Counts]:
    out: dict[str, Counts] = defaultdict(Counts)
    for key, c in sorted(results.items()):
        out[key[idx]] += c
    return dict(out)


def report(results: dict[str, dict[tuple[str, str], Counts]], quick: bool) -> str:
    missing = [k[1] for k in results.pop("__missing__", {})]
    today = dt.date.today().isoformat()
    lines = [
        f"# Quality run {today}",
        "",
        f"Python {platform.python_version()}, {platform.machine()}; "
        f"cases: {CASES.relative_to(HERE.parent)}; command: `python eval/run.py"
        f"{' --quick' if quick else ''}`.",
        "Rates are micro-averages over all cases of a row. WER and leakage: lower is better.",
        "PDF systems read the PDFs and are scored on the `*/pdf` suite (text systems are not).",
        "",
    ]
    suites = sorted({s for r in results.values() for s, _ in r})
    text_suites = [s for s in suites if not s.endswith("/pdf")]
    overall: dict[str, Counts] = {}
    for name, r in results.items():
        total = Counts()
        for (s, _), c in r.items():
            if s in text_suites or s.endswith("/pdf"):
                total += c
        overall[name] = total
    lines += ["## All suites", "", table(overall, first="system"), ""]
    for s in suites:
        rows = {
            name: by({k: v for k, v in r.items() if k[0] == s}, 0).get(s, Counts())
            for name, r in results.items()
            if any(k[0] == s for k in r)
        }
        lines += [f"## Suite {s}", "", table(rows, first="system"), ""]
    reflow_name = next(n for n in results if n.startswith("reflow"))
    lines += [
        f"## {reflow_name} by language (all text suites)",
        "",
        table(by(results[reflow_name], 1), first="language"),
        "",
    ]
    if missing:
        lines += ["## Not run", ""] + [f"- {m}" for m in missing] + [""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=str(HERE / "results"))
    args = ap.parse_args()
    results = run(args.quick)
    data = {
        name: {f"{s}|{lang}": vars(c) for (s, lang), c in sorted(r.items())}
        for name, r in results.items()
        if name != "__missing__"
    }
    text = report(results, args.quick)
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{dt.date.today().isoformat()}-quality{'-quick' if args.quick else ''}"
    (out / f"{stem}.md").write_text(text + "\n", encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
