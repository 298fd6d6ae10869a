"""The 新建 dialog and the short help page."""

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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.formats import format_for_year, formats_usage, selectable_years
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.forms import child, load_form
from govopen_desktop.qt.new_request import NewReportRequest

PROBLEM_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #2e5d34;"


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


HELP_HTML = """
<h2>政府信息公开工作年度报告编制工具</h2>
<p>左侧是报告的各个部分，依次填写即可：封面信息、一至六部分。表格的版式与官方格式一致，
适用格式由报告年度自动确定（{formats}）。</p>
<h3>填写表格</h3>
<ul>
<li>选中单元格直接输入数字即可替换原值；<b>回车</b>下移，<b>Tab</b> 右移，<b>Delete</b> 清空。</li>
<li>件数只能填 0 或正整数；“本年增/减”可填负数；万元金额可填小数（一般保留至多 4 位）。
填写有误时单元格保留原值，并在旁边说明原因。</li>
<li><b>灰色</b>单元格为自动计算的合计，鼠标停留可看到计算公式。</li>
<li>可从 Excel 或 WPS 表格复制一块数字，选中起始单元格后按 <b>Ctrl+V</b> 粘贴；千分位逗号会自动去掉。</li>
<li>左上角带小三角的单元格是从上年报告带入的结转数。勾选“视图 → 显示上年数”可在单元格内对照上年数字。</li>
</ul>
<h3>导入与上年报告</h3>
<ul>
<li><b>文件 → 导入到当前报告</b>：读取 Excel、Word、网页、文本文件中的表格数字和文字，填入当前报告。</li>
<li><b>文件 → 粘贴文字导入</b>：从政府网站或 PDF 复制整篇报告的文字，粘贴后按官方表格标签逐格读取。</li>
<li><b>文件 → 附加上年报告 / 粘贴上年报告文字</b>：附上上年报告，带入“上年结转”数，
并与上年数字对照、检查结转和现行有效件数。</li>
</ul>
<p>读取不到或读不懂的单元格会列出来，不会当作 0；所有导入都可以撤销。</p>
<h3>检查</h3>
<p>每次修改后自动按官方规则检查：<span style="background:#f9d6d5">红色</span>为错误，
<span style="background:#fdefc8">黄色</span>为警告。下方“检查结果”列出全部问题，双击可定位到对应单元格或段落；
有建议值的问题可点“应用建议值”一键填入。</p>
<h3>保存与安全</h3>
<p>每次修改后几秒钟内会自动保存一份恢复文件；程序意外关闭后再次打开时会提示恢复。
保存时先写入临时文件再替换，并保留上一版本（.bak）。所有操作都可以撤销（Ctrl+Z）和重做（Ctrl+Y）。</p>
<h3>快捷键</h3>
<p>Ctrl+N 新建　Ctrl+O 打开　Ctrl+S 保存　Ctrl+Z 撤销　Ctrl+Y 重做　Ctrl+C 复制　Ctrl+V 粘贴　F1 帮助</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        browser = QTextBrowser()
        browser.setHtml(HELP_HTML.replace("{formats}", formats_usage()))  # the years as the format files say
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


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
