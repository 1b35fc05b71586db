"""``reflow review FILE -o page.html``: the review page of one document (:mod:`reflow.review`).

The same page as ``reflow --format html FILE``; this spelling reads as what it is for.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from reflow.cli.engine import add_engine_arguments, config_from_arguments
from reflow.cli.single import run_html

USAGE_EPILOG = """\
examples:
  reflow review page.txt -o page.html          open page.html in any browser
  pdftotext -raw paper.pdf - | reflow review -o paper.html

The page shows the raw lines beside the blocks, every decision --explain prints marked on its
line; n / p jump between uncertain decisions.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reflow review",
        description="Write the review page: one self-contained HTML file with every decision "
        "shown where it happened.",
        epilog=USAGE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="input (default: stdin)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--explain", action="store_true", help="also print the decisions on stderr, as text"
    )
    add_engine_arguments(p, "decode invalid UTF-8 with U+FFFD instead of refusing it (reported)")
    return p


def main(argv: Sequence[str]) -> int:
    """``reflow review``: return the exit status."""
    args = build_parser().parse_args(list(argv))
    return run_html(args, config_from_arguments(args), [args.file])
