"""What an import could not read, one line per problem; a problem about a cell of the open
report goes to that cell (double-click, or 转到单元格) while the list stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.io.importers.problems import ImportProblem
from govopen_desktop.qt.dialog_buttons import seat_buttons
from govopen_desktop.qt.forms import child, load_form

CellOpener = Callable[[str], bool]  # goes to a cell of the open report; False where it has none


class ImportProblemsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        problems: Sequence[ImportProblem],
        go_to: CellOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importProblemsDialog")
        self.setWindowTitle(title)
        self.go_to = go_to
        form = load_form("import_problems", self)  # ui/import_problems.ui
        child(form, QLabel, "problemsIntro").setText(intro)
        self.listing = child(form, QListWidget, "importProblems")
        for i, problem in enumerate(problems, 1):
            item = QListWidgetItem(f"{i}. {problem.describe()}")
            if go_to is not None and problem.key:
                item.setData(Qt.ItemDataRole.UserRole, problem.key)
                item.setToolTip("双击转到这个单元格")
            self.listing.addItem(item)
        self.note = child(form, QLabel, "importProblemsNote")
        buttons = seat_buttons(child(form, QDialogButtonBox, "buttons"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("知道了")
        buttons.rejected.connect(self.reject)
        go_button = child(form, QPushButton, "goButton")
        self.go_button: QPushButton | None = None
        if go_to is None:  # the problems' cells are not the open report's: nothing to go to
            buttons.removeButton(go_button)
            go_button.deleteLater()
        else:
            self.go_button = go_button
            go_button.clicked.connect(self.go_to_current)
            self.listing.currentItemChanged.connect(self._update_button)
            self.listing.itemActivated.connect(lambda _item: self.go_to_current())
        QVBoxLayout(self).addWidget(form)
        self.resize(720, 360)

    def _update_button(self, item: QListWidgetItem | None) -> None:
        if self.go_button is not None:
            self.go_button.setEnabled(item is not None and bool(item.data(Qt.ItemDataRole.UserRole)))
        self.note.setText("")

    def go_to_current(self) -> bool:
        """Show the cell of the selected problem in the window (the list stays open)."""
        item = self.listing.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not key or self.go_to is None:
            return False
        if not self.go_to(str(key)):
            self.note.setText("这一项不在本报告的表格中，无法定位。")
            return False
        self.note.setText("已在窗口中选中这个单元格。")
        return True
