"""The engine options, defined once: every command that reflows takes them the same way."""

from __future__ import annotations

import argparse

from reflow.config import Config


def add_engine_arguments(p: argparse._ActionsContainer, invalid_help: str) -> None:
    """The options that make the :class:`Config`, shared by ``reflow`` and ``reflow batch``."""
    p.add_argument(
        "-l", "--lang", default="auto", help="language code (en, de, fr, ...) or 'auto' (default)"
    )
    p.add_argument("--no-dehyphenate", action="store_true", help="keep every line-end hyphen")
    p.add_argument(
        "--no-structure", action="store_true", help="do not label furniture, headings and captions"
    )
    p.add_argument("--replace-invalid", action="store_true", help=invalid_help)


def config_from_arguments(args: argparse.Namespace) -> Config:
    """The :class:`Config` that :func:`add_engine_arguments`' options ask for."""
    return Config(
        language=args.lang,
        dehyphenate=not args.no_dehyphenate,
        detect_structure=not args.no_structure,
        decode_errors="replace" if args.replace_invalid else "strict",
    )
