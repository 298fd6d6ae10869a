"""The domain and I/O layers work without Qt: import them with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, BlockQt())
import govopen_desktop.domain.report, govopen_desktop.domain.checks, govopen_desktop.domain.carry
import govopen_desktop.io.project, govopen_desktop.io.open_any
import govopen_desktop.cli.main
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.report import Report
r = Report.new("某街道办事处", 2024)
r.set_value("t3.new.natural", 1)
check(r)
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
print("ok")
"""


def test_domain_io_and_cli_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
