"""Shared fixtures. Qt runs offscreen; tests that need ../shared skip with a reason without it."""

from __future__ import annotations

import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# logs and crash reports of in-process commands go to a scratch folder, not the user's own
os.environ.setdefault("GOVOPEN_DATA_DIR", tempfile.mkdtemp(prefix="govopen-test-data-"))

REPO = Path(__file__).resolve().parent.parent
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


@pytest.fixture
def sample_path() -> Path:
    return REPO / "resources" / "sample" / "sample-2024.govopen"
