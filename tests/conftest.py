"""Shared helpers for the tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict[str, Any]]:
    path = CASES / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
