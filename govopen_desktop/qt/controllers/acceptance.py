"""说明: a warning that is true but expected is accepted with the clerk's note (undoable), or
the note is withdrawn (the note dialog is qt/note_dialog.py); the 审核说明 export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding, finding_key
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.controllers.controller import WindowController
from govopen_desktop.qt.controllers.file_ops import FileController
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.prompter import Prompter
from govopen_desktop.qt.settings import Settings

CANNOT_ACCEPT_ERROR = "错误不能说明，须改正后才能报送。"


class SetAcceptanceCommand(QUndoCommand):
    """Accept a finding with a note, change its note, or (note None) withdraw it."""

    def __init__(self, report: Report, key: str, note: str | None, text: str) -> None:
        super().__init__(text)
        self.report = report
        self.key = key
        self.note = note
        self.old = report.acceptances.get(key)

    def redo(self) -> None:
        self.report.set_acceptance(self.key, self.note)

    def undo(self) -> None:
        self.report.set_acceptance(self.key, self.old)


class AcceptanceController(WindowController):
    def __init__(self, document: Document, prompter: Prompter, settings: Settings, files: FileController,
                 parent: QObject | None = None) -> None:
        super().__init__(document, prompter, settings, parent)
        self.files = files  # where exports go, and what the window says after one

    def accept(self, finding: Finding) -> bool:
        """Ask for the note and store it; errors are refused with the reason."""
        if not finding.can_be_accepted:
            self._status(CANNOT_ACCEPT_ERROR)
            return False
        note = self.prompter.ask_note(finding, finding.accepted or "")
        if not note:
            return False
        report = self.document.report
        text = "修改说明" if finding.accepted else "说明警告"
        self.document.undo_stack.push(SetAcceptanceCommand(report, finding_key(finding), note, text))
        self._status("已说明：该问题不再计入未处理的警告（可撤销；导出审核说明时列出）。")
        return True

    def withdraw(self, finding: Finding) -> bool:
        if finding.accepted is None:
            return False
        report = self.document.report
        self.document.undo_stack.push(SetAcceptanceCommand(report, finding_key(finding), None, "撤销说明"))
        self._status("已撤销说明。")
        return True

    def export_review_notes(self, path: Path | None = None) -> bool:
        accepted = [f for f in self.document.findings if f.accepted is not None]
        if not accepted:
            self.prompter.show_info("导出审核说明", "没有已说明的警告。在检查结果中选中警告，点“说明…”写明原因。")
            return False
        meta = self.document.report.meta
        if path is None:
            suggested = self.files.default_dir() / f"{meta.agency}{meta.year}年度报告审核说明.docx"
            path = self.prompter.ask_save_path("导出审核说明", suggested, "Word 文件（*.docx）")
            if path is None:
                return False
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        from govopen_desktop.io.exporters.review_notes_docx import export_review_notes

        try:
            export_review_notes(self.document.report, accepted, path)
        except GovopenError as exc:
            self.prompter.show_error("导出审核说明失败", str(exc))
            return False
        self.files.after_export("导出审核说明", path)
        return True
