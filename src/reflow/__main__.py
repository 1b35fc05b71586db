"""``python -m reflow`` is the ``reflow`` command."""

import sys

from reflow.cli import main

sys.exit(main())
