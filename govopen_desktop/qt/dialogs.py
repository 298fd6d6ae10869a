"""The 新建 dialog and the text-box dialog (the help page is qt/help.py, its text resources/help.html)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.formats import format_for_year
from govopen_desktop.qt.new_request import NewReportRequest


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, agency: str, ask_prior_path: object) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self._ask_prior_path = ask_prior_path
        self.agency = QLineEdit(agency)
        self.agency.setPlaceholderText("如：青山市自然资源和规划局")
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(dt.date.today().year - 1 if dt.date.today().month <= 6 else dt.date.today().year)
        self.year.setSuffix(" 年度")
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        self.from_prior = QCheckBox("从上年报告开始（带入上年结转数，保留上年数据供对照）")
        self.prior_path = QLineEdit()
        self.prior_path.setPlaceholderText("上年报告：.govopen、Word、Excel、WPS 或网页文件")
        self.prior_path.setEnabled(False)
        browse = QPushButton("选择…")
        browse.setEnabled(False)
        browse.clicked.connect(self._browse)
        self.from_prior.toggled.connect(self.prior_path.setEnabled)
        self.from_prior.toggled.connect(browse.setEnabled)
        self.skeleton = QCheckBox("“一、总体情况”使用五部分提纲")
        self.skeleton.setChecked(True)
        prior_row = QHBoxLayout()
        prior_row.addWidget(self.prior_path, 1)
        prior_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("机关名称：", self.agency)
        form.addRow("报告年度：", self.year)
        form.addRow("适用格式：", self.format_label)
        form.addRow("", self.from_prior)
        form.addRow("", prior_row)
        form.addRow("", self.skeleton)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
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

    def request(self) -> NewReportRequest:
        prior = self.prior_path.text().strip() if self.from_prior.isChecked() else ""
        return NewReportRequest(
            agency=self.agency.text().strip(),
            year=self.year.value(),
            prior_path=Path(prior) if prior else None,
            skeleton=self.skeleton.isChecked(),
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
        label = QLabel(intro)
        label.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setReadOnly(not editable)
        self.editor.setPlaceholderText(placeholder)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel if editable else standard.Ok)
        buttons.button(standard.Ok).setText(ok_text)
        if editable:
            buttons.button(standard.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(720, 520 if editable else 360)

    def text(self) -> str:
        return self.editor.toPlainText().strip()
