"""Shared helpers for the tests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict[str, Any]]:
    path = CASES / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def known_failures(cases: list[dict[str, Any]]) -> Any:
    """Parametrize a test over known-failure cases: each a strict xfail whose reason is the
    case's note, so a case that starts passing fails the run until it is moved to the cases."""
    return pytest.mark.parametrize(
        "case",
        [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["note"])) for c in cases],
        ids=[c["id"] for c in cases],
    )


# CI runs the property tests derandomized (the same examples every run), so that a red run always
# means a change, not a lucky draw; local runs explore new examples each time.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    settings.load_profile("ci")
