"""The 说明 dialog: a few lines saying why a warning is true but expected."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from govopen_desktop.domain.findings import Finding
from govopen_desktop.qt.dialog_buttons import seat_buttons
from govopen_desktop.qt.forms import child, load_form

NOTE_MAX_CHARS = 500


class NoteDialog(QDialog):
    """A few lines saying why the finding is expected; OK only once something is written."""

    def __init__(self, parent: QWidget | None, finding: Finding, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("说明")
        self.setMinimumWidth(460)
        form = load_form("note", self)  # ui/note.ui
        intro = child(form, QLabel, "noteIntro")
        intro.setText(f"{finding.level.label}：{finding.message}\n\n请写明为什么这一情况属实（将写入审核说明）：")
        self.editor = child(form, QPlainTextEdit, "noteEditor")
        self.editor.setPlainText(note)
        self.buttons = seat_buttons(child(form, QDialogButtonBox, "buttons"))
        self.ok = child(form, QPushButton, "okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update_ok)
        QVBoxLayout(self).addWidget(form)
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
