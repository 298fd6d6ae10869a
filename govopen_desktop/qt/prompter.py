"""Every dialog the window asks, behind one object, so tests can answer them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from govopen_desktop.domain.findings import Finding

if TYPE_CHECKING:
    from govopen_desktop.io.importers.problems import ImportProblem
    from govopen_desktop.qt.import_problems import CellOpener
    from govopen_desktop.qt.new_request import NewReportRequest

# the dialog classes are imported where used: building their Qt types costs start-up time

OPEN_FILTER = ("年度报告（*.govopen *.docx *.doc *.xlsx *.xlsm *.xls *.wps *.et *.pdf *.ofd"
               " *.html *.htm *.mht *.mhtml *.txt *.md）;;所有文件（*）")
PROJECT_FILTER = "年度报告文件（*.govopen）"


class Prompter:
    """Qt dialogs. Tests replace the methods (monkeypatch) or the whole object."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_open_path(self, title: str, start: Path, file_filter: str = OPEN_FILTER) -> Path | None:
        from govopen_desktop.qt.file_dialog import ask_file

        return ask_file(self.parent, title, start, file_filter, save=False)

    def ask_open_paths(self, title: str, start: Path, file_filter: str = OPEN_FILTER) -> list[Path]:
        """One file, or several: the saved pages of a web article its site split into pages."""
        from govopen_desktop.qt.file_dialog import ask_files

        return ask_files(self.parent, title, start, file_filter)

    def ask_save_path(self, title: str, suggested: Path, file_filter: str = PROJECT_FILTER) -> Path | None:
        from govopen_desktop.qt.file_dialog import ask_file

        return ask_file(self.parent, title, suggested, file_filter, save=True)

    def confirm(self, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        box.addButton(no, QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(yes_button)
        box.exec()
        return box.clickedButton() is yes_button

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        """'save', 'discard' or 'cancel'."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def ask_new_report(self, agency: str, prior_path: Path | None = None) -> NewReportRequest | None:
        """`prior_path`: 从上年报告开始 with that file already chosen."""
        from PySide6.QtWidgets import QDialog

        from govopen_desktop.qt.dialogs import NewReportDialog

        def ask_prior() -> Path | None:
            return self.ask_open_path("选择上年报告", prior_path.parent if prior_path else Path.home())

        dialog = NewReportDialog(self.parent, agency, ask_prior)
        if prior_path is not None:
            dialog.from_prior.setChecked(True)
            dialog.prior_path.setText(str(prior_path))
            dialog._read_prior()  # as if picked with 选择…: its agency and year fill the form
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        request = dialog.request()
        if not request.agency:
            self.show_error("新建年度报告", "请填写机关名称。")
            return None
        return request

    def ask_text(self, title: str, intro: str) -> str | None:
        """A block of pasted text (a report copied from a web page or a PDF); None if cancelled."""
        from PySide6.QtWidgets import QDialog

        from govopen_desktop.qt.dialogs import TextBoxDialog

        dialog = TextBoxDialog(self.parent, title, intro, editable=True, ok_text="读取",
                               placeholder="在此处粘贴（Ctrl+V）年度报告的全文，包括三张表格……")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text() or None

    def ask_note(self, finding: Finding, note: str = "") -> str | None:
        """The clerk's 说明 for an accepted warning; None if cancelled."""
        from govopen_desktop.qt.note_dialog import ask_note

        return ask_note(self.parent, finding, note)

    def ask_choice(self, title: str, text: str, choices: list[str]) -> int | None:
        """One of several buttons (the first is the default); None when the box was closed."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def show_problems(self, title: str, intro: str, problems: list[str]) -> None:
        from govopen_desktop.qt.dialogs import TextBoxDialog

        listing = "\n".join(f"{i}. {p}" for i, p in enumerate(problems, 1))
        TextBoxDialog(self.parent, title, intro, text=listing).exec()

    def show_import_problems(
        self, title: str, intro: str, problems: list[ImportProblem], go_to: CellOpener | None = None
    ) -> None:
        """`show_problems` for an import's problems: one about a cell of the open report goes
        to it through `go_to`."""
        from govopen_desktop.qt.import_problems import ImportProblemsDialog

        ImportProblemsDialog(self.parent, title, intro, problems, go_to).exec()

    def show_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.parent, title, text)

    def show_info(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, text)


class ConsolePrompter(Prompter):
    """For `gui --screenshot`: nobody is there to answer, so say it on stderr and decline."""

    def ask_open_path(self, title: str, start: Path, file_filter: str = OPEN_FILTER) -> Path | None:
        return None

    def ask_open_paths(self, title: str, start: Path, file_filter: str = OPEN_FILTER) -> list[Path]:
        return []

    def ask_save_path(self, title: str, suggested: Path, file_filter: str = PROJECT_FILTER) -> Path | None:
        return None

    def confirm(self, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
        return False

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        return "discard"

    def ask_new_report(self, agency: str, prior_path: Path | None = None) -> NewReportRequest | None:
        return None

    def ask_text(self, title: str, intro: str) -> str | None:
        return None

    def ask_note(self, finding: Finding, note: str = "") -> str | None:
        return None

    def ask_choice(self, title: str, text: str, choices: list[str]) -> int | None:
        return None

    def show_problems(self, title: str, intro: str, problems: list[str]) -> None:
        print("\n".join([f"{title}：{intro}", *(f"  - {p}" for p in problems)]), file=sys.stderr)

    def show_import_problems(
        self, title: str, intro: str, problems: list[ImportProblem], go_to: CellOpener | None = None
    ) -> None:
        self.show_problems(title, intro, [p.describe() for p in problems])

    def show_error(self, title: str, text: str) -> None:
        print(f"错误：{text}", file=sys.stderr)

    def show_info(self, title: str, text: str) -> None:
        print(text, file=sys.stderr)
