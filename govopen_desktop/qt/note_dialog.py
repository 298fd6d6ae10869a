"""The 说明 dialog: a few lines saying why a warning is true but expected."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.findings import Finding

NOTE_MAX_CHARS = 500


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
