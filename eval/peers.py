"""The systems reflow is compared with, each turned into a :class:`reflow.metrics.Prediction`.

Text peers take the extractor's text; PDF peers (pdftotext's default mode, PyMuPDF with its
dehyphenate flag) read the PDF the case was extracted from.  Peers are benchmark-only packages
(eval/requirements.txt), never dependencies of reflow.  A peer that cannot be imported is
reported with the reason and left out of the run.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from reflow.metrics import Prediction

TextSystem = Callable[[str], Prediction]
PdfSystem = Callable[[Path], Prediction]

BLANK = re.compile(r"\n[ \t\f\r]*\n")


def _blocks(text: str) -> list[str]:
    return [b for b in BLANK.split(text.replace("\f", "\n\n")) if b.strip()]


def raw_input(text: str) -> Prediction:
    """The input as it is: every line a paragraph (line-end hyphens and all)."""
    return Prediction([ln for ln in text.splitlines() if ln.strip()])


def trivial(text: str) -> Prediction:
    """Blank lines split paragraphs; the lines of a block are joined with a space."""
    return Prediction([" ".join(b.split()) for b in _blocks(text)])


LAYOUT_RULE = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=[a-zà-ÿ])")


def layout_rule(text: str) -> Prediction:
    """The rule layout tools use: drop a line-end hyphen when the next line starts lowercase,
    then split on blank lines and join lines as the trivial baseline does."""
    return trivial(LAYOUT_RULE.sub(r"\1", text))


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def textacy_peer() -> TextSystem:
    from textacy.preprocessing import normalize

    def run(text: str) -> Prediction:
        # textacy joins "ap-\nproved" only; paragraphs as the trivial baseline.
        return trivial(normalize.hyphenated_words(text))

    return run


def unstructured_peer() -> TextSystem:
    from unstructured.cleaners.core import group_broken_paragraphs

    def run(text: str) -> Prediction:
        # group_broken_paragraphs returns paragraphs separated by blank lines.
        return trivial(group_broken_paragraphs(text))

    return run


def pdftotext_default(pdf: Path) -> Prediction:
    """pdftotext without -raw: its layout analysis, blank lines between its paragraphs."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return trivial(out.stdout.decode("utf-8"))


def pymupdf_peer() -> PdfSystem:
    import pymupdf

    def run(pdf: Path) -> Prediction:
        # The dehyphenate flag acts only in "text" mode (PyMuPDF 2.0 ignores it for "blocks"),
        # so each block found by "blocks" is read again as text clipped to its rectangle.
        paras = []
        with pymupdf.open(pdf) as doc:
            for page in doc:
                for block in page.get_text("blocks", sort=False):
                    if block[6] != 0:  # image block
                        continue
                    text = page.get_text(
                        "text", clip=pymupdf.Rect(block[:4]), flags=pymupdf.TEXT_DEHYPHENATE
                    )
                    if text.strip():
                        paras.append(" ".join(text.split()))
        return Prediction(paras)

    return run


def text_peers() -> tuple[dict[str, TextSystem], dict[str, str]]:
    """Name (with version) -> system, and name -> why it could not run."""
    systems: dict[str, TextSystem] = {
        "raw input": raw_input,
        "trivial baseline": trivial,
        "layout-tool rule": layout_rule,
    }
    missing: dict[str, str] = {}
    for name, dist, make in [
        ("textacy hyphenated_words", "textacy", textacy_peer),
        ("unstructured group_broken_paragraphs", "unstructured", unstructured_peer),
    ]:
        try:
            systems[f"{name} {version(dist)}"] = make()
        except Exception as exc:  # a peer that fails to import is reported, not fatal
            missing[name] = f"{type(exc).__name__}: {exc}"
    return systems, missing


def pdf_peers() -> tuple[dict[str, PdfSystem], dict[str, str]]:
    systems: dict[str, PdfSystem] = {}
    missing: dict[str, str] = {}
    try:
        out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
        v = re.search(r"version ([\d.]+)", out.stderr + out.stdout)
        systems[f"pdftotext default (poppler {v.group(1) if v else '?'})"] = pdftotext_default
    except FileNotFoundError as exc:
        missing["pdftotext default"] = str(exc)
    try:
        systems[f"PyMuPDF {version('pymupdf')} dehyphenate"] = pymupdf_peer()
    except Exception as exc:
        missing["PyMuPDF dehyphenate"] = f"{type(exc).__name__}: {exc}"
    return systems, missing
