"""Where the tests find the repository, ../shared and their own data, and the skip marker for
tests that need ../shared (they skip with a clear reason where it is absent)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
TEST_DATA = TESTS / "data"
SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
SHARED = REPO.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
EXPECTED_DIR = SHARED / "fixtures" / "seeds-expected"


def shared_available() -> bool:
    return EXPECTED_DIR.is_dir() and SEEDS_DIR.is_dir()


needs_shared = pytest.mark.skipif(
    not shared_available(), reason="../shared (seeds and expected fixtures) is not beside the clone"
)


def seed_names() -> list[str]:
    if not shared_available():
        return []
    return sorted(p.stem for p in EXPECTED_DIR.glob("*.json"))


def load_expected(name: str) -> dict[str, Any]:
    return json.loads((EXPECTED_DIR / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)


def format_file(format_id: str) -> dict[str, Any]:
    """A format file's data as written, to hold the typed format model against."""
    from govopen_desktop.domain.formats import formats_dir

    data: dict[str, Any] = json.loads((formats_dir() / f"{format_id}.json").read_text(encoding="utf-8"))
    return data
