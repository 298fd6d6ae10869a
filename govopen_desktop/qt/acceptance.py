"""说明: a warning that is true but expected is accepted with the clerk's note (undoable), or
the note is withdrawn; the note dialog; the 审核说明 export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Finding, finding_key
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.controller import WindowController

if TYPE_CHECKING:
    from govopen_desktop.qt.main_window import MainWindow

NOTE_MAX_CHARS = 500
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


class NoteDialog(QDialog):
    """A few lines saying why the finding is expected; OK only once something is written."""

    def __init__(self, parent: QWidget | None, finding: Finding, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("说明")
        self.setMinimumWidth(460)
        intro = QLabel(f"{finding.level.label}：{finding.message}\n\n请写明为什么这一情况属实（将写入审核说明）：")
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(note)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText("例如：部分文件已于年内废止，现行有效件数因此少于上年数加本年新增数。")
        self.editor.setFixedHeight(96)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("确定说明", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.note()))

    def note(self) -> str:
        return self.editor.toPlainText().strip()[:NOTE_MAX_CHARS]


def ask_note(parent: QWidget | None, finding: Finding, note: str = "") -> str | None:
    dialog = NoteDialog(parent, finding, note)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.note() or None


class AcceptanceController(WindowController):
    window: MainWindow

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
            suggested = self.window.files.default_dir() / f"{meta.agency}{meta.year}年度报告审核说明.docx"
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
        self.window.files.after_export("导出审核说明", path)
        return True
