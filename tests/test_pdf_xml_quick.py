"""Real typeset PDFs and real OCR output, read with their geometry, on every test run.

The whole PDF suite (eval/pdf_suite.py, ``eval/gate.py --corpus pdf``) typesets 199 documents,
about 25 minutes here; this check typesets ten of them (``gate.quick_pdf_cases``: eight pdflatex
documents over the six languages and two LibreOffice ones, about 40 s) from their committed
sources into a temporary folder, reads them with :func:`reflow.reflow_file` and holds reflow to
the floors pinned for them in eval/floors.json (``pdf-quick``; ``eval/gate.py --corpus
pdf-quick --raise`` moves them up).  The typesetters are Debian packages: pdflatex
(texlive-latex-base, texlive-latex-recommended, lmodern, texlive-lang-german,
texlive-lang-french, texlive-lang-spanish, texlive-lang-italian, texlive-lang-european) and
LibreOffice (libreoffice-writer-nogui, fonts-dejavu-core); a test whose typesetter is missing is
skipped and says which.

The real Tesseract output of eval/real (ocrd-tesseract, tapuscorpus-tesseract: 29 documents,
committed TSV files, no tool needed, about 2 s) is read from its TSV and held to its floors
(``real-tsv``) too.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import gate  # noqa: E402

pytest.importorskip("pypdfium2")

NEEDS = {
    "pdflatex": (
        "pdflatex",
        "texlive-latex-base, texlive-latex-recommended, lmodern, texlive-lang-*",
    ),
    "libreoffice": ("soffice", "libreoffice-writer-nogui, fonts-dejavu-core"),
}


@pytest.fixture(scope="module")
def floors() -> dict[str, dict[str, float]]:
    quick = gate.section(gate.load(), "pdf-quick")
    assert quick["fingerprint"] == gate.pdf_fingerprint(gate.quick_pdf_cases()), (
        "the quick PDF documents changed since their floors were pinned: "
        "python eval/gate.py --corpus pdf-quick --pin --reason '...'"
    )
    return quick["floors"]  # type: ignore[return-value]


@pytest.mark.parametrize("typesetter", sorted(NEEDS))
def test_reflow_reads_typeset_pdfs_at_the_floors(
    typesetter: str, floors: dict[str, dict[str, float]], tmp_path: Path
) -> None:
    tool, packages = NEEDS[typesetter]
    if shutil.which(tool) is None:
        # CI installs both tools (.ci/run), so there a missing tool is a failure, not a skip.
        missing = f"{tool} is not installed (Debian: {packages})"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    cases = [c for c in gate.quick_pdf_cases() if c.suite.startswith(typesetter + "/")]
    assert cases
    measured = gate.measure_pdf(cases=cases, pdf_dir=tmp_path)
    suite = f"{typesetter}/pdf"
    assert set(measured) == {suite}
    bad = gate.failures(measured, {suite: floors[suite]})
    assert not bad, "below floor reading typeset PDFs:\n" + "\n".join(bad)


def test_real_tesseract_tsv_at_the_floors() -> None:
    quick = gate.section(gate.load(), "real-tsv")
    assert quick["fingerprint"] == gate.tsv_fingerprint(), (
        "eval/real's Tesseract documents changed since their TSV floors were pinned: "
        "python eval/gate.py --corpus real-tsv --pin --reason '...'"
    )
    fl: dict[str, dict[str, float]] = quick["floors"]  # type: ignore[assignment]
    measured = gate.measure_real_tsv()
    assert set(measured) == set(fl) == {f"{s}/tsv" for s in gate.TSV_SOURCES}
    bad = gate.failures(measured, fl)
    assert not bad, "below floor on real Tesseract TSV:\n" + "\n".join(bad)
