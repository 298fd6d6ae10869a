"""The list of every finding, grouped by level, with its section; double-click goes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.findings import Finding, Level, count_levels
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.icons import icon

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_FG = {Level.ERROR: QColor("#b3261e"), Level.WARNING: QColor("#8a5a00"), Level.INFO: QColor("#1f5b99")}


def section_title(report: Report, finding: Finding) -> str:
    """The report part a finding belongs to: its section, or the table of its first cell."""
    fmt = report.format
    section_id = finding.section
    if section_id is None and finding.cells and finding.cells[0] in fmt.fields:
        section_id = fmt.fields[finding.cells[0]].table
    for s in fmt.sections:
        if section_id in (s.id, s.table, s.text):
            return s.heading
    return {"meta": "封面信息", "cover": "封面信息"}.get(section_id or "", "全文")


def counts_text(findings: list[Finding]) -> str:
    counts = count_levels(findings)
    if not findings:
        return "检查通过：没有发现问题"
    return f"错误 {counts[Level.ERROR]} 个 · 警告 {counts[Level.WARNING]} 个 · 提示 {counts[Level.INFO]} 个"


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding: go to its cell or section
    applySuggestion = Signal(object)  # Finding with a suggested value

    def __init__(self, section_name: Callable[[Finding], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self._section_name = section_name
        self.title = QLabel("检查结果")
        self.title.setObjectName("panelTitle")
        self.apply_button = QPushButton("应用建议值")
        self.apply_button.setToolTip("把所选问题的建议值填入表格（可撤销）")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._apply_selected)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["问题", "所在部分"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the part names' column is sized once per format (_fit_sections), not ResizeToContents:
        # that measures every row again on each update of the list, i.e. on every edit
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._fitted_format: str | None = None
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.itemActivated.connect(self._on_double_click)
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._findings: list[Finding] = []

    def _fit_sections(self, report: Report) -> None:
        if self._fitted_format != report.format.id:
            self._fitted_format = report.format.id
            names = [s.heading for s in report.format.sections] + ["封面信息", "全文"]
            widest = max(self.tree.fontMetrics().horizontalAdvance(n) for n in names)
            self.tree.header().resizeSection(1, widest + 2 * self.tree.indentation())

    def set_findings(self, report: Report, findings: list[Finding]) -> None:
        self._findings = list(findings)
        self._fit_sections(report)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self.title.setText(f"检查结果：{counts_text(findings)}")
        icons = self._icons()
        for level in Level:
            group = [f for f in findings if f.level == level]
            if not group:
                continue
            parent = QTreeWidgetItem([f"{level.label}（{len(group)}）", ""])
            parent.setIcon(0, icons[level])
            parent.setForeground(0, LEVEL_FG[level])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for f in group:
                text = f.message + ("（可应用建议值）" if f.suggested else "")
                section = self._section_name(f) if self._section_name else section_title(report, f)
                item = QTreeWidgetItem([text, section])
                item.setData(0, FINDING_ROLE, f)
                item.setToolTip(0, f"{f.message}\n规则：{f.rule}\n双击定位到相应位置。")
                parent.addChild(item)
            parent.setExpanded(True)
        self.tree.setUpdatesEnabled(True)
        self._update_button()

    def _icons(self) -> dict[Level, QIcon]:
        return {level: icon(level.value) for level in Level}

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                out.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
        return out

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def _update_button(self) -> None:
        finding = self.current_finding()
        self.apply_button.setEnabled(bool(finding and finding.suggested))

    def _on_double_click(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.activated.emit(finding)

    def _apply_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.suggested:
            self.applySuggestion.emit(finding)
