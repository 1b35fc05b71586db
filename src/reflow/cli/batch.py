"""``reflow batch``: the command line of :func:`reflow.batch.run_batch`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from reflow.batch import BatchOptions, UsageError, default_workers, error_reason, run_batch
from reflow.batch.options import (
    CHUNK_BYTES,
    CHUNK_RECORDS,
    ERRORS_NAME,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    MAX_DOCUMENT_BYTES,
)
from reflow.cli.engine import add_engine_arguments, config_from_arguments

ERR_MEMORY = (
    "reflow batch: error: out of memory; rerun with --resume to finish, with fewer --workers "
    "or a lower --max-document-bytes"
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reflow batch",
        description="Reflow a corpus: folders of .txt, JSONL (.jsonl, .jsonl.gz, .jsonl.zst) "
        "and Parquet files, with all cores. Output mirrors the input under OUTPUT.",
        epilog="Exit status: 0 all documents done, 1 some failed (see the errors file) or the "
        "run stopped, 2 bad usage or inputs, 130 interrupted. Rerun with --resume to finish "
        "an interrupted run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders or files to reflow")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help="output folder (created; must be empty unless --resume)",
    )
    p.add_argument(
        "-w",
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_workers()})",
    )
    p.add_argument(
        "--text-field", default="text", metavar="FIELD", help="JSONL/Parquet field with the text"
    )
    p.add_argument(
        "--id-field", default="id", metavar="FIELD", help="field naming a record in the errors file"
    )
    p.add_argument(
        "--output-field",
        metavar="FIELD",
        default="text_reflowed",
        help="JSONL/Parquet field for the result (default: text_reflowed)",
    )
    p.add_argument(
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="text, markdown, or json (blocks with their roles)",
    )
    p.add_argument(
        "--keep-furniture",
        action="store_true",
        help="keep page headers, footers and numbers in text/markdown output",
    )
    p.add_argument("--decisions", action="store_true", help="json: include every decision")
    p.add_argument(
        "--errors", metavar="PATH", help=f"errors file, JSONL (default: OUTPUT/{ERRORS_NAME})"
    )
    p.add_argument(
        "--resume", action="store_true", help="finish an interrupted run into the same OUTPUT"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    g = p.add_argument_group("reflow options")
    add_engine_arguments(g, "decode invalid UTF-8 with U+FFFD instead of failing the document")
    t = p.add_argument_group("tuning")
    t.add_argument(
        "--chunk-records",
        type=int,
        metavar="N",
        default=CHUNK_RECORDS,
        help=f"JSONL records per chunk sent to a worker (default {CHUNK_RECORDS})",
    )
    t.add_argument(
        "--chunk-mb",
        type=float,
        metavar="MIB",
        default=CHUNK_BYTES / (1 << 20),
        help="JSONL MiB per chunk (default 1)",
    )
    t.add_argument(
        "--max-document-bytes",
        type=byte_size,
        metavar="SIZE",
        default=MAX_DOCUMENT_BYTES,
        help="a document (file, JSONL line, Parquet cell) larger than this goes to the errors "
        f"file unread; K, M, G suffixes (default {MAX_DOCUMENT_BYTES >> 20}M: ~0.5 GB of memory "
        "to reflow it)",
    )
    t.add_argument(
        "--no-fsync",
        action="store_true",
        help="don't fsync at commits (still safe against kill -9, not power loss)",
    )
    return p


def byte_size(value: str) -> int:
    """A size in bytes from ``123``, ``64K``, ``32M`` or ``2G`` (binary units), for argparse.

    >>> byte_size("32M"), byte_size("1000")
    (33554432, 1000)
    """
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = value.strip().upper().removesuffix("B")
    scale = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (say 64K, 32M or 2G)") from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return size


def options_from_arguments(args: argparse.Namespace) -> BatchOptions:
    """The :class:`BatchOptions` that the parsed command line asks for, or :class:`UsageError`."""
    try:
        config = config_from_arguments(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.chunk_records < 1 or args.chunk_mb <= 0:
        raise UsageError("--chunk-records and --chunk-mb must be positive")
    return BatchOptions(
        text_field=args.text_field,
        id_field=args.id_field,
        output_field=args.output_field,
        format=args.format,
        keep_furniture=args.keep_furniture,
        decisions=args.decisions,
        config=config,
        max_document_bytes=args.max_document_bytes,
        workers=args.workers if args.workers is not None else default_workers(),
        errors=Path(args.errors) if args.errors else None,
        resume=args.resume,
        progress=False if args.quiet else None,
        chunk_bytes=max(1, int(args.chunk_mb * (1 << 20))),
        chunk_records=args.chunk_records,
        fsync=not args.no_fsync,
    )


def main(argv: list[str] | None = None) -> int:
    """``reflow batch``: run it, print a summary, return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        report = run_batch(args.inputs, args.output, options_from_arguments(args))
    except UsageError as exc:
        print(f"reflow batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nreflow batch: interrupted; rerun with --resume to finish", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OSError, RuntimeError) as exc:
        print(f"reflow batch: error: {exc}; rerun with --resume to finish", file=sys.stderr)
        return EXIT_FAILED
    except MemoryError:
        print(ERR_MEMORY, file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug of ours: still one line, and the work done is kept
        print(
            f"reflow batch: internal error: {error_reason(exc)}; please report it. "
            "Rerun with --resume to finish",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return report.exit_status


if __name__ == "__main__":  # pragma: no cover
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
