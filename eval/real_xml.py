"""The real pages (eval/real) read from their PAGE-XML or TSV directly, against them as text.

Each document of eval/real is made of PAGE-XML ground-truth pages of a public snapshot
(``gold.json`` ``source.files``); this script reads those files from the snapshot's git
directory (``git show``, offline), chains their pages into one document with
:mod:`reflow.readers` (lines with their coordinates; the engine's regions and reading order kept
as evidence only) and scores reflow's answer against the document's gold, beside reflow on the
two text exports of the same pages (``blank-lines``, ``flat``).  Hyphens are scored with the
``flat`` export's hyphen list (the same printed line ends).

    .venv/bin/python eval/real_xml.py --ocrd GITDIR [--bhl GITDIR] [--hkb GITDIR]
                                      [--tapus GITDIR] [--out STEM]

GITDIR: the git directory of the source's snapshot at the commit in eval/real/README.md.
``tapuscorpus`` is read from its ALTO (eScriptorium's, with line boxes and SegmOnto zones as
``TextBlock`` elements) with :mod:`reflow.readers.alto`; the others from their PAGE-XML.

The two sources made of Tesseract's own output (ocrd-tesseract, tapuscorpus-tesseract) need no
snapshot: Tesseract's TSV files are committed beside its text (eval/real/engine.py), and are
read with :mod:`reflow.readers.tsv` against reflow on Tesseract's text (``tesseract``) and on
the ``flat`` export of the same lines, hyphens scored with the ``tesseract`` export's list
(``--no-tsv`` leaves them out).
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

sys.path.insert(0, str(HERE))

import gate  # noqa: E402

import reflow  # noqa: E402
from reflow.metrics import Counts, Gold, Hyphen, Prediction, score, table  # noqa: E402
from reflow.pipeline import reflow_lines  # noqa: E402
from reflow.readers.alto import iter_alto_pages  # noqa: E402
from reflow.readers.base import build_lines  # noqa: E402
from reflow.readers.pagexml import iter_page_pages  # noqa: E402
from reflow.readers.tsv import iter_tsv_pages  # noqa: E402


def _show(gitdir: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout


def _prediction(doc: reflow.Document) -> Prediction:
    return Prediction(
        paragraphs=[b.text for b in doc.blocks if b.role == reflow.Role.PARAGRAPH],
        headings=[b.text for b in doc.blocks if b.role == reflow.Role.HEADING],
    )


def main() -> int:
    # The commit of the code this process runs, taken before any work.
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ocrd", type=Path, help="git dir of OCR-D/gt_structure_text")
    ap.add_argument("--bhl", type=Path, help="git dir of impactcentre/groundtruth-bhl")
    ap.add_argument("--hkb", type=Path, help="git dir of UB-Mannheim/hkb-gt")
    ap.add_argument("--tapus", type=Path, help="git dir of HTR-United/tapuscorpus (ALTO)")
    ap.add_argument("--out", help="results path without extension")
    ap.add_argument("--no-tsv", action="store_true", help="leave out the Tesseract TSV sources")
    ap.add_argument(
        "--only", action="append", help="only this source (repeatable), e.g. tapuscorpus"
    )
    args = ap.parse_args()
    sources = {
        "ocrd-structure": args.ocrd,
        "impact-bhl": args.bhl,
        "hkb-newspaper": args.hkb,
        "tapuscorpus": args.tapus,
    }
    # The reader of each source's XML, and the name of its row.
    readers = {"tapuscorpus": (iter_alto_pages, "ALTO")}
    results: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    skipped: dict[str, int] = defaultdict(int)
    config = reflow.Config(language="auto")
    for corpus, gitdir in sources.items():
        if gitdir is None or (args.only and corpus not in args.only):
            continue
        for gold_path in sorted((HERE / "real" / corpus).rglob("gold.json")):
            g = json.loads(gold_path.read_text(encoding="utf-8"))
            gold = Gold(
                paragraphs=g["paragraphs"],
                headings=[h["text"] for h in g["headings"]],
                furniture=g["furniture"],
                hyphens=[Hyphen(h["word"], h["join"]) for h in g["extractions"]["flat"]["hyphens"]],
            )
            reader, kind = readers.get(corpus, (iter_page_pages, "PAGE-XML"))
            try:
                pages = [page for f in g["source"]["files"] for page in reader(_show(gitdir, f))]
            except (subprocess.CalledProcessError, reflow.InputError) as exc:
                print(f"skipped {g['id']}: {exc}", file=sys.stderr)
                skipped[corpus] += 1
                continue
            doc = reflow_lines(build_lines(pages), config)
            results[f"reflow {reflow.__version__}, {kind} read directly"][corpus] += score(
                _prediction(doc), gold
            )
            for style, ex in sorted(g["extractions"].items()):
                text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
                style_gold = Gold(
                    gold.paragraphs,
                    gold.headings,
                    gold.furniture,
                    [Hyphen(h["word"], h["join"]) for h in ex["hyphens"]],
                )
                results[f"reflow {reflow.__version__}, text export `{style}`"][corpus] += score(
                    _prediction(reflow.reflow(text, config)), style_gold
                )
    if not args.no_tsv:
        for corpus, gold_path, g, files in gate.tsv_documents():
            if args.only and corpus not in args.only:
                continue
            sources[corpus] = HERE
            golds = {
                style: Gold(
                    g["paragraphs"],
                    [h["text"] for h in g["headings"]],
                    g["furniture"],
                    [Hyphen(h["word"], h["join"]) for h in ex["hyphens"]],
                )
                for style, ex in g["extractions"].items()
            }
            pages = [page for f in files for page in iter_tsv_pages(f.read_bytes())]
            doc = reflow_lines(build_lines(pages), config)
            results[f"reflow {reflow.__version__}, Tesseract TSV read directly"][corpus] += score(
                _prediction(doc), golds["tesseract"]
            )
            for style, ex in sorted(g["extractions"].items()):
                text = (gold_path.parent / ex["file"]).read_text(encoding="utf-8")
                results[f"reflow {reflow.__version__}, text export `{style}`"][corpus] += score(
                    _prediction(reflow.reflow(text, config)), golds[style]
                )
    stem = args.out or str(
        HERE / "results" / f"{datetime.date.today().isoformat()}-real-xml-{commit}"
    )
    out = [
        f"# Real pages read from their PAGE-XML, ALTO or Tesseract TSV (commit {commit})",
        "",
        "`eval/real_xml.py`: eval/real's documents, their PAGE-XML or ALTO (tapuscorpus) "
        "ground-truth pages (or, for "
        "the Tesseract sources, Tesseract's TSV) read with reflow.readers, against reflow on the "
        "text exports of the same pages. Skipped "
        f"(snapshot file missing): {dict(skipped) or 'none'}.",
    ]
    for corpus in sources:
        rows = {name: per[corpus] for name, per in results.items() if corpus in per}
        if rows:
            out += ["", f"## {corpus}", "", table(rows, first="system")]
    Path(stem + ".md").write_text("\n".join(out) + "\n", encoding="utf-8")
    Path(stem + ".json").write_text(
        json.dumps(
            {n: {c: counts.rates() for c, counts in per.items()} for n, per in results.items()},
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
