"""Fixtures every layer shares. Qt runs offscreen; paths and the ../shared skip marker are in
tests/support/paths.py (tests that need ../shared skip with a reason without it)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.support.paths import SAMPLE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# logs and crash reports of in-process commands go to a scratch folder, not the user's own
os.environ.setdefault("GOVOPEN_DATA_DIR", tempfile.mkdtemp(prefix="govopen-test-data-"))


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
