"""The reviewing office's two windows: 批量检查 (every unit's report checked, a table of results,
the findings workbook) and 汇总各单位报告 (the region's tables as the sum of its units)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.combine import CombineResult, UnitReport, combine, summary_groups
from govopen_desktop.domain.findings import Level
from govopen_desktop.domain.formats import available_formats, load_format
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.review import ReviewedFile, review_order
from govopen_desktop.qt.dialog_buttons import seat_buttons
from govopen_desktop.qt.forms import child, load_form

if TYPE_CHECKING:
    from govopen_desktop.qt.controllers.file_ops import FileController
    from govopen_desktop.qt.document import Document

PART_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's report number in a compilation (0: a file of one)


class _Worker(QObject):
    """Runs `work(paths)` in a thread; each result is emitted as it comes, in input order."""

    produced = Signal(int, object)
    finished = Signal()

    def __init__(self, work: Callable[[Sequence[Path]], Any], paths: Sequence[Path]) -> None:
        super().__init__()
        self.work, self.paths = work, list(paths)

    def run(self) -> None:
        try:
            for i, result in enumerate(self.work(self.paths)):
                self.produced.emit(i, result)
        finally:  # the dialog must never wait for a thread that died
            self.finished.emit()


def save_workbook_as(
    parent: QWidget,
    title: str,
    suggested: Path,
    path: Path | None,
    write: Callable[[Path], None],
    *,
    add_suffix: bool = False,
) -> Path | None:
    """Ask where (unless `path` is given), write, and say why it failed; the path written or None."""
    from govopen_desktop.domain.errors import GovopenError

    if path is None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "Excel 工作簿（*.xlsx）")
        if not name:
            return None
        path = Path(name)
    if add_suffix and path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        write(path)
    except GovopenError as exc:
        QMessageBox.warning(parent, "无法保存", str(exc))
        return None
    return path


def _start(
    owner: QObject, work: Callable[[Sequence[Path]], Any], paths: Sequence[Path],
    on_result: Callable[[int, Any], None], on_done: Callable[[], None],
) -> tuple[_Worker, QThread]:
    """Run `work` over `paths` in a thread of `owner`; the caller keeps both alive until done."""
    thread = QThread(owner)
    worker = _Worker(work, paths)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.produced.connect(on_result)
    worker.finished.connect(thread.quit)
    thread.finished.connect(on_done)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return worker, thread


def _review_all(paths: Sequence[Path]) -> Any:
    from govopen_desktop.io.batch import map_in_order
    from govopen_desktop.io.review_run import review_file

    return map_in_order(review_file, paths, start_method="spawn")  # a list of results for each file


def _open_all(paths: Sequence[Path]) -> Any:
    from govopen_desktop.io.batch import map_in_order
    from govopen_desktop.io.review_run import open_unit

    return map_in_order(open_unit, paths, start_method="spawn")  # a list of units for each file


class _FilePicker(QWidget):
    """A list of files and folders to read, with 添加文件… / 添加文件夹… / 清空."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form("file_picker", self)  # ui/file_picker.ui
        self.list = child(form, QListWidget, "inputList")
        child(form, QPushButton, "addFilesButton").clicked.connect(self._add_files)
        child(form, QPushButton, "addFolderButton").clicked.connect(self._add_folder)
        child(form, QPushButton, "clearButton").clicked.connect(self.list.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)

    def add(self, paths: Sequence[Path]) -> None:
        for p in paths:
            self.list.addItem(str(p))

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add_files(self) -> None:
        from govopen_desktop.qt.prompter import OPEN_FILTER

        names, _ = QFileDialog.getOpenFileNames(self, "选择各单位的年度报告", str(Path.home()), OPEN_FILTER)
        self.add([Path(n) for n in names])

    def _add_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "选择存放各单位年报的文件夹", str(Path.home()))
        if name:
            self.add([Path(name)])


class BatchCheckDialog(QDialog):
    """批量检查: pick files or a folder, watch the progress, read the table, save the workbook;
    a double-click opens that unit's report in the main window."""

    def __init__(self, open_report: Callable[[Path, int], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchCheckDialog")
        self.setWindowTitle("批量检查各单位年度报告")
        self.resize(900, 600)
        self.open_report = open_report
        self.results: list[ReviewedFile] = []
        self._thread: QThread | None = None
        self.picker = _FilePicker(self)  # made before the form: first in the tab order, as it is shown
        form = load_form("batch_check", self)  # ui/batch_check.ui
        child(form, QVBoxLayout, "pickerAreaLayout").addWidget(self.picker)
        self.start_button = child(form, QPushButton, "startButton")
        self.start_button.clicked.connect(self.start)
        self.progress = child(form, QProgressBar, "progress")
        self.table = child(form, QTableWidget, "resultTable")
        self.table.cellDoubleClicked.connect(self._open_row)
        self.summary = child(form, QLabel, "summaryLabel")
        self.save_button = child(form, QPushButton, "saveWorkbookButton")
        self.save_button.clicked.connect(lambda: self.save_workbook())
        seat_buttons(child(form, QDialogButtonBox, "buttons")).rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)

    def start(self) -> None:
        from govopen_desktop.io.review_inputs import expand_inputs

        paths = expand_inputs(self.picker.names())
        if not paths:
            self.summary.setText("没有找到可检查的报告文件：请添加文件或文件夹。")
            return
        self.results = []
        self.table.setRowCount(0)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.summary.setText(f"正在检查 {len(paths)} 份报告…")
        self._worker, self._thread = _start(self, _review_all, paths, self._add_result, self._done)


    def _add_result(self, _index: int, file_results: list[ReviewedFile]) -> None:
        self.results.extend(file_results)  # a compilation gives one for each of its reports
        self.progress.setValue(self.progress.value() + 1)

    def _done(self) -> None:
        self._thread = None
        self.start_button.setEnabled(True)
        self.save_button.setEnabled(bool(self.results))
        self._fill_table()

    def is_running(self) -> bool:
        return self._thread is not None

    def _fill_table(self) -> None:
        ordered = review_order(self.results)
        self.table.setRowCount(len(ordered))
        for row, r in enumerate(ordered):
            if r.unusable is not None:
                values: list[object] = ["（无法读取）", "", "", "", "", "", r.shown]
            else:
                values = [r.agency or "（未找到机关名称）", r.year, r.open_count(Level.ERROR),
                          r.open_count(Level.WARNING), r.open_count(Level.INFO), r.accepted, r.shown]
            for col, value in enumerate(values):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setData(Qt.ItemDataRole.UserRole, r.file)
                item.setData(PART_ROLE, r.part)
                if r.unusable is not None:
                    item.setToolTip(r.unusable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        errors = sum(1 for r in ordered if r.open_count(Level.ERROR))
        unusable = sum(1 for r in ordered if r.unusable is not None)
        self.summary.setText(
            f"{len(ordered)} 份报告：{errors} 份有错误，{unusable} 份无法读取。双击一行打开该单位的报告。"
        )

    def _open_row(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        # part: that report of a compilation (0: a file of one)
        self.open_report(Path(str(item.data(Qt.ItemDataRole.UserRole))), int(item.data(PART_ROLE) or 0))

    def save_workbook(self, path: Path | None = None) -> bool:
        from govopen_desktop.io.review_workbook import write_review_workbook

        suggested = Path.home() / f"年报检查结果{dt.date.today():%Y%m%d}.xlsx"
        saved = save_workbook_as(self, "保存检查结果工作簿", suggested, path,
                                 lambda to: write_review_workbook(self.results, to), add_suffix=True)
        if saved is None:
            return False
        path = saved
        self.summary.setText(f"检查结果工作簿已保存：{path}")
        return True


class CombineDialog(QDialog):
    """汇总各单位报告: files, the region's name and year, an optional list of units; the sum opens
    in the main window as a new report."""

    def __init__(
        self, open_combined: Callable[[Report], object], agency: str = "", year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("combineDialog")
        self.setWindowTitle("汇总各单位报告")
        self.resize(760, 620)
        self.open_combined = open_combined
        self.combined: CombineResult | None = None
        self.unusable: list[tuple[str, str]] = []
        self._units: list[UnitReport] = []
        self._thread: QThread | None = None
        self.picker = _FilePicker(self)  # made before the form: in the tab order where it is shown
        form = load_form("combine", self)  # ui/combine.ui
        child(form, QVBoxLayout, "pickerAreaLayout").addWidget(self.picker)
        self.agency = child(form, QLineEdit, "agencyEdit")
        self.agency.setText(agency)
        self.year = child(form, QSpinBox, "yearSpin")
        first = min(load_format(f).first_year for f in available_formats())
        self.year.setRange(first, dt.date.today().year + 1)
        self.year.setValue(year or dt.date.today().year - 1)
        self.units_edit = child(form, QLineEdit, "unitsEdit")
        child(form, QPushButton, "browseUnits").clicked.connect(self._pick_units)
        self.start_button = child(form, QPushButton, "startButton")
        self.start_button.clicked.connect(self.start)
        self.progress = child(form, QProgressBar, "progress")
        self.report_text = child(form, QPlainTextEdit, "combineReport")
        self.breakdown_button = child(form, QPushButton, "breakdownButton")
        self.breakdown_button.clicked.connect(lambda: self.save_breakdown())
        self.open_button = child(form, QPushButton, "openCombinedButton")
        self.open_button.clicked.connect(self._open)
        # only 关闭 closes by itself: 在窗口中打开汇总报告 accepts once the report has opened (_open)
        seat_buttons(child(form, QDialogButtonBox, "buttons")).rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)

    def _pick_units(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择单位名单", str(Path.home()), "单位名单（*.txt *.xlsx）")
        if name:
            self.units_edit.setText(name)

    def start(self) -> None:
        from govopen_desktop.io.review_inputs import expand_inputs

        if not self.agency.text().strip():
            self.report_text.setPlainText("请填写汇总单位（本级政府或部门的名称）。")
            self.agency.setFocus()
            return
        paths = expand_inputs(self.picker.names())
        if not paths:
            self.report_text.setPlainText("没有找到可读取的报告文件：请添加文件或文件夹。")
            return
        self._units, self.unusable = [], []
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.report_text.setPlainText(f"正在读取 {len(paths)} 份报告…")
        self._worker, self._thread = _start(self, _open_all, paths, self._add_unit, self._combine)

    def is_running(self) -> bool:
        return self._thread is not None

    def _add_unit(self, _index: int, file_units: Any) -> None:
        for opened in file_units:  # a compilation holds several units
            if opened.report is None:
                self.unusable.append((opened.file, opened.unusable or "无法读取"))
            else:
                self._units.append(UnitReport(opened.file, opened.report, opened.digest))
        self.progress.setValue(self.progress.value() + 1)

    def _combine(self) -> None:
        from govopen_desktop.domain.errors import GovopenError
        from govopen_desktop.io.review_inputs import read_units_list

        self._thread = None
        self.start_button.setEnabled(True)
        expected: list[str] = []
        if self.units_edit.text().strip():
            try:
                expected = read_units_list(Path(self.units_edit.text().strip()))
            except GovopenError as exc:
                self.report_text.setPlainText(str(exc))
                return
        result = combine(self._units, agency=self.agency.text().strip(), year=self.year.value(),
                         expected_units=expected)
        provenance = result.report.extra["provenance"]
        provenance["combined_at"] = dt.datetime.now().isoformat(timespec="seconds")
        provenance["unusable"] = [{"file": f, "reason": r} for f, r in self.unusable]
        self.combined = result
        lines = [f"计入 {len(result.included)} 份报告。"]
        for title, group in summary_groups(result, self.unusable):
            if group:
                lines.append(f"\n{title}（{len(group)}）")
                lines.extend(f"  {line}" for line in group)
        if not result.included:
            lines.append("\n没有一份报告可以计入汇总。")
        self.report_text.setPlainText("\n".join(lines))
        self.breakdown_button.setEnabled(bool(result.included))
        self.open_button.setEnabled(bool(result.included))

    def save_breakdown(self, path: Path | None = None) -> bool:
        from govopen_desktop.io.combine_workbook import write_breakdown_workbook

        if self.combined is None:
            return False
        combined = self.combined
        meta = combined.report.meta
        saved = save_workbook_as(self, "保存分单位明细表", Path.home() / f"{meta.agency}{meta.year}年汇总明细.xlsx",
                                 path, lambda to: write_breakdown_workbook(combined, to))
        if saved is None:
            return False
        path = saved
        self.report_text.appendPlainText(f"\n分单位明细表已保存：{path}")
        return True

    def _open(self) -> None:
        if self.combined is not None and self.open_combined(self.combined.report) is not False:
            self.accept()


class ReviewHost(Protocol):
    """What the reviewing windows use of the main window: its files and its document."""

    files: FileController
    document: Document


def _parent(host: ReviewHost) -> QWidget | None:
    return host if isinstance(host, QWidget) else None


def open_batch_dialog(host: ReviewHost) -> BatchCheckDialog:
    dialog = BatchCheckDialog(lambda path, part: host.files.open_file(path, part), _parent(host))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_combine_dialog(host: ReviewHost) -> CombineDialog:
    def open_combined(report: Report) -> bool:
        if not host.files.maybe_save():
            return False
        host.document.set_report(report, None)  # the window's title follows the document's signal
        return True

    meta = host.document.report.meta
    dialog = CombineDialog(open_combined, meta.agency, meta.year, _parent(host))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
