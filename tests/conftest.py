"""Shared helpers for the tests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict[str, Any]]:
    path = CASES / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


# CI runs the property tests derandomized (the same examples every run), so that a red run always
# means a change, not a lucky draw; local runs explore new examples each time.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    settings.load_profile("ci")
