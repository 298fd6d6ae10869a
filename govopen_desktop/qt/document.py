"""The open report as the window sees it: the report, its file, its undo stack and findings.

The report tells us which keys changed; we re-run the checker at once (it takes well under a
millisecond) and pass both on as Qt signals, so every widget stays a thin adapter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.report import Report


class Document(QObject):
    cellsChanged = Signal(object)  # set[str] of changed keys (cells, "text.x", "meta.x")
    findingsChanged = Signal(object)  # list[Finding]
    reportReplaced = Signal()  # a new report object, or its format changed: rebuild views
    modifiedChanged = Signal(bool)

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None, *,
                 defer_check: bool = False) -> None:
        super().__init__(parent)
        # start-up: the window paints first, then checks once (end_deferred_check); until then
        # `findings` is empty and replacing the report does not check
        self.deferring = defer_check
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.report = report
        self.path = path
        self.findings: list[Finding] = []
        self.imported = False  # opened from a non-.govopen file: Save asks for a name
        self.import_source: Path | None = None
        self._restored = False  # restored from a recovery file: modified until saved
        self.final = False  # 定稿检查: rules with a final level (empty cells) count as errors
        report.subscribe(self._on_report_changed)
        if not defer_check:
            self.findings = self._check()

    def end_deferred_check(self) -> None:
        """The one check of the start-up, after the first paint."""
        if self.deferring:
            self.deferring = False
            self.findings = self._check()
            self.findingsChanged.emit(self.findings)

    # ---- replacing the report ---------------------------------------------------------------

    def set_report(self, report: Report, path: Path | None, *, restored: bool = False) -> None:
        self.report.unsubscribe(self._on_report_changed)
        self.undo_stack.clear()
        self.report = report
        self.path = path
        self.imported = False
        self._restored = restored
        report.subscribe(self._on_report_changed)
        if not self.deferring:
            self.findings = self._check()
        self.reportReplaced.emit()
        if not self.deferring:
            self.findingsChanged.emit(self.findings)
        self._emit_modified()

    # ---- state ------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.imported = False
        self._restored = False
        self.undo_stack.setClean()
        self._emit_modified()

    def _on_clean_changed(self, _clean: bool) -> None:
        self._emit_modified()

    def _emit_modified(self) -> None:
        self.modifiedChanged.emit(self.is_modified)

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        meta = self.report.meta
        return f"{meta.agency}{meta.year}年度报告（未保存）" if meta.agency else "未命名报告"

    # ---- change propagation -----------------------------------------------------------------

    def _on_report_changed(self, keys: set[str]) -> None:
        if "meta.format" in keys:
            self.findings = self._check()
            self.reportReplaced.emit()
            self.findingsChanged.emit(self.findings)
            return
        self.cellsChanged.emit(keys)
        self.recheck()

    def set_final(self, final: bool) -> None:
        if final != self.final:
            self.final = final
            self.recheck()

    def _check(self) -> list[Finding]:
        from govopen_desktop.domain.checks import check  # loaded by the first check, after the first paint

        return check(self.report, final=self.final)

    def recheck(self) -> None:
        findings = self._check()
        if findings != self.findings:
            self.findings = findings
            self.findingsChanged.emit(findings)
