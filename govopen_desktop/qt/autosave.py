"""Autosave: a recovery snapshot of the whole report, written atomically a moment after each
change; offered back on the next start if the program did not close normally."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io.atomic import write_text_atomic
from govopen_desktop.io.project import report_to_json
from govopen_desktop.qt.document import Document

RECOVERY_SCHEMA = "govopen-recovery/1"
DEFAULT_DELAY_MS = 3000
log = logging.getLogger(__name__)


@dataclass
class Recovered:
    report: Report
    path: Path | None  # the file the report was opened from, if any


def write_recovery(recovery_file: Path, report: Report, path: Path | None) -> None:
    # the project JSON embedded as is, so amounts keep their decimals
    body = report_to_json(report).rstrip()
    text = f'{{"schema": "{RECOVERY_SCHEMA}", "path": {json.dumps(str(path) if path else None)}, "report": {body}}}\n'
    recovery_file.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(recovery_file, text, keep_backup=False)


def read_recovery(recovery_file: Path) -> Recovered | None:
    """The snapshot, or None when there is none or it cannot be used."""
    try:
        data = json.loads(recovery_file.read_text(encoding="utf-8"), parse_float=Decimal)
        if data.get("schema") != RECOVERY_SCHEMA:
            return None
        report = Report.from_dict(data["report"], "恢复文件")
        path = Path(data["path"]) if data.get("path") else None
        return Recovered(report, path)
    except (OSError, ValueError, KeyError, TypeError, GovopenError) as exc:
        log.warning("recovery file unusable: %s", exc)
        return None


def recovery_is_newer(recovery_file: Path, recovered: Recovered) -> bool:
    """A snapshot older than the saved file it came from was superseded by a save."""
    if recovered.path is None or not recovered.path.exists():
        return True
    return recovery_file.stat().st_mtime >= recovered.path.stat().st_mtime


class Autosaver(QObject):
    """Restarted on every undo-stack change; writes once the clerk pauses."""

    def __init__(self, document: Document, recovery_file: Path, delay_ms: int = DEFAULT_DELAY_MS) -> None:
        super().__init__(document)
        self.document = document
        self.recovery_file = recovery_file
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        document.undo_stack.indexChanged.connect(self._restart)
        self.saves = 0

    def _restart(self, _index: int) -> None:
        self.timer.start()

    def save_now(self) -> bool:
        self.timer.stop()
        if not self.document.is_modified:
            self.discard()
            return False
        try:
            write_recovery(self.recovery_file, self.document.report, self.document.path)
        except (OSError, GovopenError) as exc:  # never let autosave interrupt the clerk
            log.warning("autosave failed: %s", exc)
            return False
        self.saves += 1
        return True

    def discard(self) -> None:
        self.timer.stop()
        self.recovery_file.unlink(missing_ok=True)
