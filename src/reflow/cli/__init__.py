"""The ``reflow`` command line: one entry point, a module per command.

``reflow [FILE...]`` is :mod:`reflow.cli.single`; ``reflow NAME ...`` runs the subcommand of
that name in :data:`SUBCOMMANDS`.  The engine options (language, dehyphenation, structure,
invalid input) are defined once, in :mod:`reflow.cli.engine`, and every command that reflows
adds them to its parser.

**A new subcommand** (say ``reflow review``) is one new module here with a ``main(argv) -> int``
that builds its own parser (``prog="reflow review"``), and one entry in :data:`SUBCOMMANDS`.
Subcommand modules are imported only when run, so ``reflow FILE`` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from reflow.cli.engine import add_engine_arguments, config_from_arguments
from reflow.cli.single import build_parser, run

#: Subcommand name -> the module whose ``main(argv)`` runs it.
SUBCOMMANDS = {"batch": "reflow.cli.batch", "review": "reflow.cli.review"}

__all__ = ["SUBCOMMANDS", "add_engine_arguments", "build_parser", "config_from_arguments", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """``reflow``: run a subcommand, or reflow files; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] and args_list[0] in SUBCOMMANDS:
        command = importlib.import_module(SUBCOMMANDS[args_list[0]])
        return int(command.main(args_list[1:]))
    return run(args_list)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
