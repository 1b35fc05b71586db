"""Quality floors per suite: measure, compare, pin, raise, and lower only when told to.

    python eval/gate.py                 # measure reflow on the committed cases, compare to floors
    python eval/gate.py --raise         # move floors up to what is measured now (never down)
    python eval/gate.py --pin           # re-pin all floors after the corpus was regenerated
    python eval/gate.py --lower pdflatex/pypdf:wer=0.09 --reason "why this is acceptable"
    python eval/gate.py --corpus real ...   # the same for the real pages (eval/real/)
    python eval/gate.py --corpus pdf ...    # reflow reading the corpus's PDFs (typesets them)
    python eval/gate.py --corpus pdf-quick ...  # the few of them pytest typesets and checks
    python eval/gate.py --corpus real-tsv ...   # the real Tesseract output read from its TSV
    python eval/gate.py --pin --only languages-more- --reason R   # pin new suites, keep the rest

Floors live in eval/floors.json with a fingerprint of the corpus (the real pages under the key
``real``, with their own fingerprint and history); tests/test_quality_gate.py
fails when reflow falls below a floor or when the corpus no longer matches the fingerprint.
A floor is the measured value moved by :data:`MARGIN` in the safe direction, so that a change
that only reorders ties does not trip the gate while a real regression does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from reflow.metrics import Case, Counts, Prediction, load_cases, reflow_system, score

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
REAL = HERE / "real"
CORPORA = {
    "generated": CASES,
    "real": REAL,
    "pdf": CASES,
    "pdf-quick": CASES,
    "real-tsv": REAL,
}
#: The real sources made of Tesseract's own output (eval/real/engine.py), whose TSV files are
#: committed beside the text: ``--corpus real-tsv`` reads them with their geometry.
TSV_SOURCES = ("ocrd-tesseract", "tapuscorpus-tesseract")
FLOORS = HERE / "floors.json"

#: metric -> True when higher is better.  heading_recall joins once reflow labels headings.
METRICS = {
    "wer": False,
    "exact": True,
    "boundary_f1": True,
    "boundary_p": True,
    "boundary_r": True,
    "hyphen_join": True,
    "hyphen_keep": True,
    "leakage": False,
    "heading_recall": True,
}
#: Slack below the measurement: reflow is deterministic, so the same code measures the same
#: numbers; 0.002 (0.2 points) absorbs a tie broken differently on one of ~20,000 hyphens.
MARGIN = 0.002


def fingerprint(root: Path = CASES) -> str:
    """SHA-256 over every case file (path and bytes), in sorted order."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and (p.name == "gold.json" or p.suffix == ".txt"):
            h.update(p.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


def pdf_cases() -> list[Case]:
    """The documents the PDF floors are measured on (``--corpus pdf``): every pdflatex
    document whose pdftotext -raw case was kept (its gold), and every third LibreOffice one
    (eval/pdf_suite.py --every 3: LibreOffice takes ~30 s a document to typeset here)."""
    raw = [c for c in load_cases(CASES) if c.suite.endswith("/pdftotext-raw") and c.pdf]
    latex = [c for c in raw if c.suite.startswith("pdflatex/")]
    office = [c for c in raw if c.suite.startswith("libreoffice/")]
    return latex + office[::3]


#: Every how many-th document of :func:`pdf_cases` the quick check takes, per typesetter:
#: 8 pdflatex documents (of 158: all six languages, justified and ragged-right, one to three
#: pages) and 2 LibreOffice ones (of 41), typeset in about 40 s here, so that pytest (and CI)
#: read real PDFs on every run (tests/test_pdf_quick.py).
QUICK_EVERY = {"pdflatex": 20, "libreoffice": 21}


def quick_pdf_cases() -> list[Case]:
    """The small spread of :func:`pdf_cases` that pytest typesets and checks."""
    out = []
    for ts, every in QUICK_EVERY.items():
        out += [c for c in pdf_cases() if c.suite.startswith(ts + "/")][::every]
    return out


def pdf_fingerprint(cases: list[Case] | None = None) -> str:
    """SHA-256 over the gold and the typesetting source of every document in :func:`pdf_cases`
    (or ``cases``; the PDFs themselves are built, not committed)."""
    h = hashlib.sha256()
    for case in pdf_cases() if cases is None else cases:
        folder = next(CASES.rglob(f"{case.doc_id}/gold.json")).parent
        for p in sorted(folder.iterdir()):
            if p.name == "gold.json" or p.name.startswith("doc."):
                h.update(p.relative_to(CASES).as_posix().encode())
                h.update(b"\0")
                h.update(p.read_bytes())
    return h.hexdigest()


def measure_pdf(
    build: bool = True, cases: list[Case] | None = None, pdf_dir: Path | None = None
) -> dict[str, dict[str, float]]:
    """reflow reading the PDFs itself (``reflow_file``), per suite (``pdflatex/pdf``,
    ``libreoffice/pdf``), on :func:`pdf_cases` (or ``cases``); a PDF not yet in eval/build/pdf
    (or ``pdf_dir``) is typeset (``build``) or an error."""
    import reflow

    counts: dict[str, Counts] = defaultdict(Counts)
    for case in pdf_cases() if cases is None else cases:
        assert case.pdf is not None
        pdf = case.pdf.resolve() if pdf_dir is None else pdf_dir / case.pdf.name
        if not pdf.exists():
            if not build:
                raise FileNotFoundError(pdf)
            sys.path.insert(0, str(HERE))
            import run

            folder = next(CASES.rglob(f"{case.doc_id}/gold.json")).parent
            if run.build_pdf(folder, pdf) is None:
                raise RuntimeError(f"could not typeset {case.doc_id}")
        doc = reflow.reflow_file(pdf, reflow.Config(language="auto"))
        pred = Prediction(
            paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
            headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
        )
        counts[case.suite.split("/")[0] + "/pdf"] += score(pred, case.gold)
    out = {}
    for suite, c in sorted(counts.items()):
        r = c.rates()
        out[suite] = {m: float(r[m]) for m in METRICS if r[m] is not None}  # type: ignore[arg-type]
    return out


def tsv_documents() -> list[tuple[str, Path, dict[str, object], list[Path]]]:
    """(source, gold.json, gold, the document's Tesseract TSV files) of :data:`TSV_SOURCES`."""
    out = []
    for source in TSV_SOURCES:
        for gold_path in sorted((REAL / source).rglob("gold.json")):
            g = json.loads(gold_path.read_text(encoding="utf-8"))
            files = [HERE.parent / f for f in g["source"]["engine_output"] if f.endswith(".tsv")]
            out.append((source, gold_path, g, files))
    return out


def tsv_fingerprint() -> str:
    """SHA-256 over the gold and the TSV files of every :func:`tsv_documents` document."""
    h = hashlib.sha256()
    for _, gold_path, _, files in tsv_documents():
        for p in [gold_path, *files]:
            h.update(p.relative_to(HERE.parent).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


def measure_real_tsv() -> dict[str, dict[str, float]]:
    """reflow on the real Tesseract sources read from their TSV (``<source>/tsv``), scored
    with the hyphens of Tesseract's own text export (the same printed line ends)."""
    import reflow
    from reflow.metrics import Gold, Hyphen
    from reflow.pipeline import reflow_lines
    from reflow.readers.base import build_lines
    from reflow.readers.tsv import iter_tsv_pages

    counts: dict[str, Counts] = defaultdict(Counts)
    config = reflow.Config(language="auto")
    for source, _, g, files in tsv_documents():
        ex = g["extractions"]["tesseract"]  # type: ignore[index]
        gold = Gold(
            g["paragraphs"],  # type: ignore[arg-type]
            [h["text"] for h in g["headings"]],  # type: ignore[attr-defined]
            g["furniture"],  # type: ignore[arg-type]
            [Hyphen(h["word"], h["join"]) for h in ex["hyphens"]],
        )
        pages = [page for f in files for page in iter_tsv_pages(f.read_bytes())]
        doc = reflow_lines(build_lines(pages), config)
        pred = Prediction(
            paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
            headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
        )
        counts[f"{source}/tsv"] += score(pred, gold)
    out = {}
    for suite, c in sorted(counts.items()):
        r = c.rates()
        out[suite] = {m: float(r[m]) for m in METRICS if r[m] is not None}  # type: ignore[arg-type]
    return out


def measure(root: Path = CASES) -> dict[str, dict[str, float]]:
    """reflow's rates per suite on the cases under ``root``."""
    counts: dict[str, Counts] = defaultdict(Counts)
    for case in load_cases(root):
        counts[case.suite] += score(reflow_system(case.text), case.gold)
    out = {}
    for suite, c in sorted(counts.items()):
        r = c.rates()
        out[suite] = {m: float(r[m]) for m in METRICS if r[m] is not None}  # type: ignore[arg-type]
    return out


def floor_of(metric: str, value: float) -> float:
    if METRICS[metric]:
        return max(0.0, math.floor((value - MARGIN) * 1000) / 1000)
    return min(1.0, math.ceil((value + MARGIN) * 1000) / 1000)


def failures(
    measured: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]
) -> list[str]:
    """Every floor not met, as readable lines.  A suite with floors but no cases fails too.

    >>> failures({"s": {"wer": 0.05, "exact": 0.5}}, {"s": {"wer": 0.04, "exact": 0.4}})
    ['s: wer 0.0500 > ceiling 0.0400']
    >>> failures({}, {"s": {"exact": 0.4}})
    ['s: no cases measured']
    """
    out = []
    for suite, fl in sorted(floors.items()):
        got = measured.get(suite)
        if got is None:
            out.append(f"{suite}: no cases measured")
            continue
        for metric, bound in sorted(fl.items()):
            if metric not in got:
                out.append(f"{suite}: {metric} not measured")
            elif METRICS[metric] and got[metric] < bound:
                out.append(f"{suite}: {metric} {got[metric]:.4f} < floor {bound:.4f}")
            elif not METRICS[metric] and got[metric] > bound:
                out.append(f"{suite}: {metric} {got[metric]:.4f} > ceiling {bound:.4f}")
    return out


def load() -> dict[str, object]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def section(data: dict[str, object], corpus: str) -> dict[str, object]:
    """The part of floors.json for one corpus: the top level for the generated one."""
    if corpus == "generated":
        return data
    return data.setdefault(corpus, {"fingerprint": "", "floors": {}, "history": []})  # type: ignore[return-value]


def save(data: dict[str, object]) -> None:
    FLOORS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise floors to now")
    ap.add_argument("--pin", action="store_true", help="pin all floors anew (new corpus)")
    ap.add_argument("--lower", action="extend", nargs="+", default=[], metavar="SUITE:METRIC=VALUE")
    ap.add_argument("--reason", default="", help="required with --lower and --pin")
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="generated")
    ap.add_argument(
        "--only",
        default="",
        metavar="PREFIX",
        help="with --pin or --raise: only suites whose name starts with PREFIX; the floors of\n"
        "the others stay as they are (a helper pins the suites it added or owns)",
    )
    args = ap.parse_args(argv)
    root = CORPORA[args.corpus]
    pdf = args.corpus.startswith("pdf")
    subset = quick_pdf_cases() if args.corpus == "pdf-quick" else None
    tsv = args.corpus == "real-tsv"
    fp = pdf_fingerprint(subset) if pdf else tsv_fingerprint() if tsv else fingerprint(root)
    whole = load() if FLOORS.exists() else {"fingerprint": "", "floors": {}, "history": []}
    data = section(whole, args.corpus)
    floors: dict[str, dict[str, float]] = data["floors"]  # type: ignore[assignment]
    history: list[dict[str, object]] = data["history"]  # type: ignore[assignment]
    today = dt.date.today().isoformat()

    if args.lower:
        if not args.reason:
            print("--lower needs --reason: say why the lower number is acceptable", file=sys.stderr)
            return 2
        for item in args.lower:
            suite, rest = item.split(":", 1)
            metric, value = rest.split("=", 1)
            old = floors[suite][metric]
            floors[suite][metric] = float(value)
            history.append(
                {
                    "date": today,
                    "change": "lower",
                    "suite": suite,
                    "metric": metric,
                    "from": old,
                    "to": float(value),
                    "reason": args.reason,
                }
            )
        save(whole)
        return 0

    measured = measure_pdf(cases=subset) if pdf else measure_real_tsv() if tsv else measure(root)
    if args.pin:
        if data["fingerprint"] and data["fingerprint"] != fp and not args.reason:
            print("--pin over a changed corpus needs --reason", file=sys.stderr)
            return 2
        if data["fingerprint"] == fp:
            print("corpus unchanged: use --raise (or --lower with a reason)", file=sys.stderr)
            return 2
        pinned = {s: {m: floor_of(m, v) for m, v in r.items()} for s, r in measured.items()}
        if args.only:
            kept = {s: f for s, f in floors.items() if not s.startswith(args.only)}
            pinned = {s: f for s, f in pinned.items() if s.startswith(args.only)} | kept
        data["floors"] = dict(sorted(pinned.items()))
        data["fingerprint"] = fp
        history.append(
            {
                "date": today,
                "change": "pin",
                "reason": args.reason or "first pin",
                **({"only": args.only} if args.only else {}),
            }
        )
        save(whole)
        print(json.dumps(data["floors"], indent=1))
        return 0
    if data["fingerprint"] != fp:
        print(
            "the corpus changed since the floors were pinned: "
            "run python eval/gate.py --pin --reason '...'",
            file=sys.stderr,
        )
        return 1
    if args.raise_:
        raised = 0
        for suite, r in measured.items():
            if not suite.startswith(args.only):
                continue
            for metric, value in r.items():
                new = floor_of(metric, value)
                old = floors.setdefault(suite, {}).get(metric)
                better = old is None or (new > old if METRICS[metric] else new < old)
                if better:
                    floors[suite][metric] = new
                    raised += 1
        if raised:
            history.append({"date": today, "change": "raise", "floors": raised})
            save(whole)
        print(f"{raised} floors raised")
        return 0
    bad = failures(measured, floors)
    for suite, r in measured.items():
        print(suite, " ".join(f"{m}={v:.4f}" for m, v in r.items()))
    for line in bad:
        print("BELOW FLOOR:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
