"""``reflow [FILE...]``: documents one at a time.  Messages a user may see are constants here."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from reflow.cli.engine import add_engine_arguments, config_from_arguments
from reflow.config import Config
from reflow.decode import InputError, decode
from reflow.document import Document
from reflow.lines import split_lines
from reflow.pipeline import reflow, reflow_lines
from reflow.render import json_pieces, markdown_pieces, text_pieces

USAGE_EPILOG = """\
examples:
  reflow page.txt                      clean text on stdout
  reflow paper.pdf                     a PDF, ALTO, PAGE-XML, hOCR or Tesseract TSV file
  pdftotext -raw paper.pdf - | reflow  from a pipe
  reflow --format json -o out.json page.txt
  reflow --explain page.txt            why each line break was joined or kept
  reflow review page.txt -o page.html  every decision on the page, in a browser (--format html)
  reflow batch corpus/ -o out/         a whole corpus with all cores (see: reflow batch -h)
"""
ERR_READ = "reflow: error: cannot read {name}: {reason}"
ERR_WRITE = "reflow: error: cannot write {name}: {reason}"
ERR_INPUT = "reflow: error: {name}: {reason}"
ERR_INTERRUPTED = "reflow: interrupted"
ERR_HTML_FILES = "reflow: error: a review page (--format html) shows one input: run it per file"
WARN = "reflow: warning: {name}: {message}"

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reflow",
        description="Rebuild the author's paragraphs from text extracted from laid-out pages.",
        epilog=USAGE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="input files (default: stdin; '-' is stdin)"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "markdown", "json", "html"),
        default="text",
        help="output format (default: text); html is the review page (reflow review)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--explain",
        action="store_true",
        help="print every non-trivial decision with its rule and evidence, on stderr",
    )
    p.add_argument(
        "--keep-furniture",
        action="store_true",
        help="text: also captions, notes, running heads and page numbers; "
        "markdown: also running heads and page numbers (as comments)",
    )
    add_engine_arguments(p, "decode invalid UTF-8 with U+FFFD instead of refusing it (reported)")
    p.add_argument("--no-decisions", action="store_true", help="leave decisions out of JSON")
    p.add_argument("--version", action="version", version=_version())
    return p


def _version() -> str:
    from reflow import __version__

    return f"reflow {__version__}"


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as fh:
        return fh.read()


def reflow_input(name: str, data: bytes, config: Config) -> Document:
    """Reflow one input: a PDF, ALTO, PAGE-XML, hOCR or Tesseract TSV file (told by its content)
    through its reader, anything else as text, exactly as before.  Raises InputError on
    unreadable input."""
    from reflow.readers import detect_kind

    kind = detect_kind(data[:65536])
    if kind == "text":
        return reflow(data, config)
    from reflow.pipeline import reflow_file

    return reflow_file(data, config, kind=kind)


def _reflow_read(held: list[bytes], config: Config) -> Document:
    """:func:`reflow_input` on the bytes in ``held``, which it takes out: text input is
    decoded and its bytes let go before the engine runs (they were as large again as the
    decoded text, for the whole run)."""
    from reflow.readers import detect_kind

    data = held.pop()
    if detect_kind(data[:65536]) != "text":
        return reflow_input("", data, config)
    source, warnings = decode(data, config.decode_errors)
    del data
    return reflow_lines(split_lines(source), config, warnings)


class _WriteFailed(Exception):
    """Writing the output failed; the message is said already."""


class _Sink:
    """Where the output goes, written as it is made (a document's text is never held twice):
    stdout, or a temporary file renamed to ``output`` at the end (whole or not at all)."""

    def __init__(self, output: str | None) -> None:
        self.output = output if output and output != "-" else None
        self.fh: TextIO | None = None

    def write(self, piece: str) -> None:
        if self.output is None:
            sys.stdout.write(piece)
            return
        try:
            if self.fh is None:
                self.fh = open(self.output + ".tmp", "w", encoding="utf-8")  # noqa: SIM115
            self.fh.write(piece)
        except OSError as exc:
            self._failed(exc)

    def commit(self) -> None:
        if self.output is None:
            sys.stdout.flush()
            return
        try:
            if self.fh is None:
                self.fh = open(self.output + ".tmp", "w", encoding="utf-8")  # noqa: SIM115
            self.fh.close()
            os.replace(self.output + ".tmp", self.output)
        except OSError as exc:
            self._failed(exc)

    def discard(self) -> None:
        """Leave no temporary file behind (an interrupted or failed run)."""
        if self.fh is not None:
            self.fh.close()
            with contextlib.suppress(OSError):
                os.remove(self.output + ".tmp")  # type: ignore[operator]

    def _failed(self, exc: OSError) -> None:
        print(ERR_WRITE.format(name=self.output, reason=exc.strerror or exc), file=sys.stderr)
        self.discard()
        raise _WriteFailed from None


def stdout_gone() -> None:
    """The reader went away (``reflow big.txt | head``): not an error of ours.  Standard output
    goes to the null device, so the interpreter's final flush raises nothing either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def write_result(text: str, output: str | None) -> bool:
    """Write ``text`` to ``output`` (whole or not at all: a temporary file renamed), or to
    stdout when ``output`` is empty or ``-``.  False, with the error said, when writing failed.
    """
    if not output or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return True
    tmp = output + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        print(ERR_WRITE.format(name=output, reason=exc.strerror or exc), file=sys.stderr)
        return False
    return True


def run(args_list: Sequence[str]) -> int:
    """Reflow the files (or stdin) that ``args_list`` names; return the exit status."""
    args = build_parser().parse_args(args_list)
    if args.format == "html" and len(args.files) > 1:
        print(ERR_HTML_FILES, file=sys.stderr)
        return EXIT_USAGE
    config = config_from_arguments(args)
    names = args.files or ["-"]
    if args.format == "html":
        return run_html(args, config, names)
    sink = _Sink(args.output)
    explanations: list[str] = []
    status = EXIT_OK
    written = 0
    try:
        for name in names:
            shown = "<stdin>" if name == "-" else name
            try:
                held = [_read(name)]
            except OSError as exc:
                print(ERR_READ.format(name=shown, reason=exc.strerror or exc), file=sys.stderr)
                status = EXIT_INPUT
                continue
            try:
                doc = _reflow_read(held, config)
            except InputError as exc:
                print(ERR_INPUT.format(name=shown, reason=exc), file=sys.stderr)
                status = EXIT_INPUT
                continue
            for w in doc.warnings:
                print(WARN.format(name=shown, message=w), file=sys.stderr)
            if args.format == "json":
                pieces = json_pieces(doc, decisions=not args.no_decisions)
            elif args.format == "markdown":
                pieces = markdown_pieces(doc, keep_furniture=args.keep_furniture)
            else:
                pieces = text_pieces(doc, keep_furniture=args.keep_furniture)
            # Documents one after another: JSON ends each with a line end, text and Markdown
            # put a line end between them.
            if written and args.format != "json":
                sink.write("\n")
            for piece in pieces:
                sink.write(piece)
            if args.format == "json":
                sink.write("\n")
            written += 1
            if args.explain:
                head = f"== {shown}\n" if len(names) > 1 else ""
                explanations.append(head + doc.explain())
            del doc
        sink.commit()
        if explanations:
            sys.stderr.write("".join(explanations))
    except _WriteFailed:
        return EXIT_INPUT
    except KeyboardInterrupt:
        sink.discard()
        print(ERR_INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        stdout_gone()
        return EXIT_OK
    return status


def run_html(args: argparse.Namespace, config: Config, names: list[str]) -> int:
    """``--format html`` and ``reflow review``: the review page of one input (a page per input
    makes no sense); text, PDF or OCR XML, as the input's kind says."""
    name = names[0]
    shown = "<stdin>" if name == "-" else name
    try:
        try:
            data = _read(name)
        except OSError as exc:
            print(ERR_READ.format(name=shown, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_INPUT
        try:
            doc = reflow_input(name, data, config)
        except InputError as exc:
            print(ERR_INPUT.format(name=shown, reason=exc), file=sys.stderr)
            return EXIT_INPUT
        for w in doc.warnings:
            print(WARN.format(name=shown, message=w), file=sys.stderr)
        if not write_result(doc.to_html(title=os.path.basename(shown)), args.output):
            return EXIT_INPUT
        if args.explain:
            sys.stderr.write(doc.explain())
    except KeyboardInterrupt:
        print(ERR_INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        stdout_gone()
        return EXIT_OK
    return EXIT_OK
