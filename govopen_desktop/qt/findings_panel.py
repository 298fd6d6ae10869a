"""The list of every finding, grouped by level, with its section; double-click goes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.findings import Finding, Level, count_accepted, count_levels, part_heading
from govopen_desktop.domain.quotes import locate_sentence, quotes_in
from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.qt.icons import icon
from govopen_desktop.qt.palette import LEVEL_TEXT, OK_TEXT
from govopen_desktop.qt.qt_keys import FINDING_ROLE, set_by_key

LEVEL_FG, ACCEPTED_FG = LEVEL_TEXT, OK_TEXT  # qt/palette.py
ACCEPTED_GROUP = "已说明"
ACCEPT_TIP = "所选警告属实时，写明原因；已说明的警告不再计入未处理的警告，导出审核说明时列出（可撤销）"


def section_title(report: Report, finding: Finding) -> str:
    """The report part a finding belongs to: its section, or the table of its first cell."""
    return part_heading(report.format, finding)


def is_text_finding(finding: Finding) -> bool:
    """A finding about what a text section says (T3-TEXT, T4-TEXT…): it quotes the text."""
    return finding.section in TEXT_KEYS and bool(quotes_in(finding.message))


def text_target(report: Report, finding: Finding) -> tuple[str, int, int] | None:
    """(section, start, end) of the sentence a text finding is about, or None."""
    if not is_text_finding(finding):
        return None
    texts = {k: report.text.get(k) or "" for k in TEXT_KEYS}
    return locate_sentence(texts, finding.message, finding.section)


def counts_text(findings: list[Finding]) -> str:
    counts = count_levels(findings)
    accepted = count_accepted(findings)
    if not findings:
        return "检查通过：没有发现问题"
    text = f"错误 {counts[Level.ERROR]} 个 · 警告 {counts[Level.WARNING]} 个 · 提示 {counts[Level.INFO]} 个"
    return text + (f" · 已说明 {accepted} 个" if accepted else "")


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding: go to its cell or section
    applySuggestion = Signal(object)  # Finding with a suggested value
    acceptRequested = Signal(object)  # Finding: ask the clerk's note (说明)
    withdrawRequested = Signal(object)  # Finding: withdraw its note (撤销说明)

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
        self.accept_button = QPushButton("说明…")
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self._accept_selected)
        self.withdraw_button = QPushButton("撤销说明")
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.setVisible(False)
        self.withdraw_button.clicked.connect(self._withdraw_selected)
        self.tree_context_menu: QMenu | None = None
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
        set_by_key(self.tree, "contextMenuPolicy", "CustomContextMenu")
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.accept_button)
        top.addWidget(self.withdraw_button)
        top.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._findings: list[Finding] = []

    def _fit_sections(self, report: Report) -> None:
        if self._fitted_format != report.format.id:
            self._fitted_format = report.format.id
            names = [s.heading for s in report.format.all_parts] + ["封面信息", "全文"]
            widest = max(self.tree.fontMetrics().horizontalAdvance(n) for n in names)
            self.tree.header().resizeSection(1, widest + 2 * self.tree.indentation())

    def set_findings(self, report: Report, findings: list[Finding]) -> None:
        from PySide6.QtCore import Qt  # not at import: see qt/qt_keys.py

        self._findings = list(findings)
        self._fit_sections(report)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self.title.setText(f"检查结果：{counts_text(findings)}")
        icons = self._icons()
        groups: list[tuple[str, QIcon, QColor, list[Finding]]] = [
            (level.label, icons[level], LEVEL_FG[level], [f for f in findings if f.level == level and not f.accepted])
            for level in Level
        ]
        groups.append((ACCEPTED_GROUP, QIcon(), ACCEPTED_FG, [f for f in findings if f.accepted]))
        for label, group_icon, colour, group in groups:
            if not group:
                continue
            parent = QTreeWidgetItem([f"{label}（{len(group)}）", ""])
            parent.setIcon(0, group_icon)
            parent.setForeground(0, colour)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for f in group:
                text = f.message + ("（可应用建议值）" if f.suggested and not f.accepted else "")
                if f.accepted:
                    text = f"【已说明】{f.message}　说明：{f.accepted}"
                section = self._section_name(f) if self._section_name else section_title(report, f)
                item = QTreeWidgetItem([text, section])
                item.setData(0, FINDING_ROLE, f)
                tip = f"{f.message}\n规则：{f.rule}\n双击定位到相应位置。"
                if f.accepted:
                    tip += f"\n已说明：{f.accepted}\n右键可修改或撤销说明。"
                    item.setForeground(0, ACCEPTED_FG)
                elif f.can_be_accepted:
                    tip += "\n情况属实时可点“说明…”写明原因。"
                item.setToolTip(0, tip)
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
        self.apply_button.setEnabled(bool(finding and finding.suggested and not finding.accepted))
        self.accept_button.setEnabled(bool(finding and finding.can_be_accepted))
        self.accept_button.setText("修改说明…" if finding is not None and finding.accepted else "说明…")
        self.accept_button.setToolTip(self.accept_reason(finding))
        self.withdraw_button.setVisible(bool(finding and finding.accepted))

    @staticmethod
    def accept_reason(finding: Finding | None) -> str:
        """Why 说明 is or is not offered for `finding` (the disabled button says why)."""
        if finding is None:
            return "先在列表中选中一条警告或提示"
        if not finding.can_be_accepted:
            return "错误不能说明，须改正后才能报送"
        return ACCEPT_TIP

    def _show_context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        if item is None or finding is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self.tree)
        go = menu.addAction("定位到此处")
        go.triggered.connect(lambda: self.activated.emit(finding))
        accept = menu.addAction("修改说明…" if finding.accepted else "说明…")
        accept.setEnabled(finding.can_be_accepted)
        accept.setToolTip(self.accept_reason(finding))
        accept.triggered.connect(lambda: self.acceptRequested.emit(finding))
        if not finding.can_be_accepted:
            accept.setText("说明…（错误不能说明，须改正）")
        if finding.accepted:
            withdraw = menu.addAction("撤销说明")
            withdraw.triggered.connect(lambda: self.withdrawRequested.emit(finding))
        if finding.suggested and not finding.accepted:
            apply = menu.addAction("应用建议值")
            apply.triggered.connect(lambda: self.applySuggestion.emit(finding))
        self.tree_context_menu = menu  # kept for tests, which read its actions
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _accept_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.can_be_accepted:
            self.acceptRequested.emit(finding)

    def _withdraw_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.accepted:
            self.withdrawRequested.emit(finding)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.activated.emit(finding)

    def _apply_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.suggested:
            self.applySuggestion.emit(finding)
