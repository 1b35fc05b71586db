"""``reflow review FILE -o page.html``: the review page of one document (:mod:`reflow.review`).

The same page as ``reflow --format html FILE``; this spelling reads as what it is for.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reflow.cli.engine import add_engine_arguments, config_from_arguments
from reflow.cli.single import (
    ERR_INPUT,
    ERR_INTERRUPTED,
    ERR_READ,
    EXIT_INPUT,
    EXIT_OK,
    WARN,
    stdout_gone,
    write_result,
)
from reflow.decode import InputError
from reflow.pipeline import reflow

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
    shown = "<stdin>" if args.file == "-" else args.file
    try:
        try:
            if args.file == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(args.file, "rb") as fh:
                    data = fh.read()
        except OSError as exc:
            print(ERR_READ.format(name=shown, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_INPUT
        try:
            doc = reflow(data, config_from_arguments(args))
        except InputError as exc:
            print(ERR_INPUT.format(name=shown, reason=exc), file=sys.stderr)
            return EXIT_INPUT
        for w in doc.warnings:
            print(WARN.format(name=shown, message=w), file=sys.stderr)
        page = doc.to_html(title=os.path.basename(shown))
        if not write_result(page, args.output):
            return EXIT_INPUT
        if args.explain:
            sys.stderr.write(doc.explain())
    except KeyboardInterrupt:
        print(ERR_INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        stdout_gone()
    return EXIT_OK
