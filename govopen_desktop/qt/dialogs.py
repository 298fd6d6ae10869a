"""The 新建 dialog and the text-box dialog (the help page is qt/help.py, its text resources/help.html)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import format_for_year, selectable_years
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.forms import child, load_form
from govopen_desktop.qt.new_request import NewReportRequest
from govopen_desktop.qt.palette import LEVEL_TEXT, OK_TEXT, text_style

PROBLEM_STYLE = text_style(LEVEL_TEXT[Level.ERROR])
NOTE_STYLE = text_style(OK_TEXT)


class NewReportDialog(QDialog):
    """新建: agency and year, or 从上年报告开始 with last year's file. Picking the file reads it at
    once: the agency (and the year after) come from it, and a file that cannot be read is said
    beside the field. OK with something missing keeps the dialog open with all that was chosen."""

    def __init__(self, parent: QWidget | None, agency: str, ask_prior_path: object) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self._ask_prior_path = ask_prior_path
        self.prior_report: Report | None = None
        self.prior_problems: list[str] = []
        self._read_path = ""  # the path prior_report was read from
        form = load_form("new_report", self)  # ui/new_report.ui
        self.agency = child(form, QLineEdit, "newAgency")
        self.agency.setText(agency)
        self.agency_problem = child(form, QLabel, "agencyProblem")
        self.agency_problem.setStyleSheet(PROBLEM_STYLE)
        self.agency_problem.hide()
        self.prior_note = child(form, QLabel, "priorNote")
        self.prior_note.hide()
        self.year = child(form, QSpinBox, "newYear")
        self.year.setRange(*selectable_years())
        self.year.setValue(dt.date.today().year - 1 if dt.date.today().month <= 6 else dt.date.today().year)
        self.format_label = child(form, QLabel, "newFormat")
        self.from_prior = child(form, QCheckBox, "fromPrior")
        self.prior_path = child(form, QLineEdit, "priorPath")
        self.prior_path.editingFinished.connect(self._read_prior)
        self.browse = browse = child(form, QPushButton, "browsePrior")
        browse.clicked.connect(self._browse)
        self.from_prior.toggled.connect(self.prior_path.setEnabled)
        self.from_prior.toggled.connect(browse.setEnabled)
        self.skeleton = child(form, QCheckBox, "skeleton")
        self.agency.textEdited.connect(lambda _t: self.agency_problem.hide())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self._show_format)
        self._show_format(self.year.value())
        self.resize(560, self.sizeHint().height())

    def _show_format(self, year: int) -> None:
        fmt = format_for_year(year)
        self.format_label.setText(f"{fmt.document}（{fmt.name}）")

    def _browse(self) -> None:
        path = self._ask_prior_path()  # type: ignore[operator]
        if path:
            self.prior_path.setText(str(path))
            self._read_prior()

    def _read_prior(self) -> bool:
        """Read last year's file now; its agency and the year after it fill the form (the clerk
        may still change them). False, with the reason beside the field, if it cannot be read."""
        text = self.prior_path.text().strip()
        if text == self._read_path and self.prior_report is not None:
            return True
        self.prior_report, self.prior_problems, self._read_path = None, [], ""
        if not text:
            self.prior_note.hide()
            return False
        from govopen_desktop.io.open_any import open_any

        try:
            opened = open_any(Path(text))
        except GovopenError as exc:
            self._say_prior(f"无法读取：{exc}", problem=True)
            return False
        except OSError as exc:
            self._say_prior(f"无法读取“{Path(text).name}”：{exc.strerror or exc}", problem=True)
            return False
        self.prior_report, self.prior_problems, self._read_path = opened.report, opened.problems, text
        meta = opened.report.meta
        # the agency is last year's, never the one of the report open before (it may be another body's)
        self.agency.setText(meta.agency)
        if meta.agency:
            self.agency_problem.hide()
        else:
            self.agency_problem.setText("上年报告中没有机关名称，请填写")
            self.agency_problem.show()
        self.year.setValue(meta.year + 1)
        note = f"已读取：{meta.agency or '（未写机关名称）'}{meta.year}年度报告。机关名称和报告年度已按它填写，可修改。"
        if opened.problems:
            note += f"有 {len(opened.problems)} 处未能读取，新建后列出。"
        self._say_prior(note, problem=False)
        return True

    def _say_prior(self, text: str, *, problem: bool) -> None:
        self.prior_note.setText(text)
        self.prior_note.setStyleSheet(PROBLEM_STYLE if problem else NOTE_STYLE)
        self.prior_note.show()

    def missing(self) -> str:
        """What stops OK, said beside its field; '' when the form is complete."""
        if self.from_prior.isChecked():
            if not self.prior_path.text().strip():
                self._say_prior("请选择上年报告文件（或取消勾选“从上年报告开始”）。", problem=True)
                return "prior"
            if not self._read_prior():
                return "prior"
        if not self.agency.text().strip():
            self.agency_problem.setText("请填写机关名称")
            self.agency_problem.show()
            return "agency"
        return ""

    def accept(self) -> None:
        missing = self.missing()
        if missing == "agency":
            self.agency.setFocus()
        elif missing == "prior":
            self.prior_path.setFocus()
        else:
            super().accept()

    def request(self) -> NewReportRequest:
        prior = self.prior_path.text().strip() if self.from_prior.isChecked() else ""
        return NewReportRequest(
            agency=self.agency.text().strip(),
            year=self.year.value(),
            prior_path=Path(prior) if prior else None,
            skeleton=self.skeleton.isChecked(),
            prior_report=self.prior_report if prior else None,
            prior_problems=list(self.prior_problems) if prior else [],
        )


class TextBoxDialog(QDialog):
    """An explanation above a large plain-text box: a list of problems to read, or a report's
    text to paste in (`editable`)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        *,
        text: str = "",
        editable: bool = False,
        ok_text: str = "知道了",
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = load_form("text_box", self)  # ui/text_box.ui
        child(form, QLabel, "intro").setText(intro)
        self.editor = child(form, QPlainTextEdit, "textBox")
        self.editor.setPlainText(text)
        self.editor.setReadOnly(not editable)
        self.editor.setPlaceholderText(placeholder)
        standard = QDialogButtonBox.StandardButton
        buttons = child(form, QDialogButtonBox, "buttons")
        if editable:
            buttons.button(standard.Cancel).setText("取消")
        else:
            buttons.setStandardButtons(standard.Ok)  # a list to read: nothing to cancel
        buttons.button(standard.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)
        self.resize(720, 520 if editable else 360)

    def text(self) -> str:
        return self.editor.toPlainText().strip()
