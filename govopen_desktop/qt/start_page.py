"""What the window shows when started without a file: 新建 / 从上年报告开始 / 打开 and the
recent files, instead of an empty report already full of findings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.formats import latest_document
from govopen_desktop.qt.icons import icon
from govopen_desktop.qt.qt_keys import PATH_ROLE


class StartPage(QWidget):
    newRequested = Signal()
    fromPriorRequested = Signal()
    openRequested = Signal()
    recentRequested = Signal(object)  # Path
    batchCheckRequested = Signal()
    combineRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("政府信息公开工作年度报告编制工具")
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f3b57;")
        subtitle = QLabel(f"按{latest_document()}官方格式填写、检查、导出年度报告。请选择如何开始：")
        subtitle.setWordWrap(True)
        self.new_button = self._big_button("new", "新建空白报告", "从空白的官方表格开始填写", self.newRequested)
        self.prior_button = self._big_button(
            "import", "从上年报告开始",
            "选择上年的年度报告（Word、Excel、PDF、OFD、网页、.govopen…），带入结转数并对照上年数字",
            self.fromPriorRequested,
        )
        self.open_button = self._big_button("open", "打开…", "打开已保存的报告（.govopen），或导入任何格式的年度报告",
                                            self.openRequested)
        self.review_title = QLabel("审核各单位报告（政务公开办）")
        self.review_title.setStyleSheet("font-weight: bold; color: #1f3b57;")
        self.batch_button = self._big_button(
            "open", "批量检查…", "检查各单位的年报（文件或文件夹），得出可发回各单位的问题清单",
            self.batchCheckRequested,
        )
        self.combine_button = self._big_button(
            "new", "汇总各单位报告…", "把各单位的表二、表三、表四相加，得出本级政府的报表", self.combineRequested,
        )
        self.recent_title = QLabel("最近打开的文件")
        self.recent_title.setStyleSheet("font-weight: bold; color: #1f3b57;")
        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.itemActivated.connect(self._open_item)
        self.recent.itemClicked.connect(self._open_item)
        self.no_recent = QLabel("（还没有打开过文件）")
        self.no_recent.setStyleSheet("color: #6b7785;")
        buttons = QVBoxLayout()
        buttons.setSpacing(10)
        for button in (self.new_button, self.prior_button, self.open_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.review_title)
        for button in (self.batch_button, self.combine_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for label in (self.recent_title, self.no_recent):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        recent = QVBoxLayout()
        recent.setSpacing(6)
        recent.addWidget(self.recent_title)
        recent.addWidget(self.recent, 1)
        recent.addWidget(self.no_recent)
        recent.addStretch(0)  # with no recent files, the title stays at the top
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(buttons, 1)
        columns.addLayout(recent, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)
        hint = QLabel("按 F1 查看使用说明。程序每隔几秒自动保存恢复文件，意外关闭后再次打开时可以恢复。")
        hint.setStyleSheet("color: #6b7785;")
        layout.addWidget(hint)

    def _big_button(self, icon_name: str, text: str, detail: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(f"{text}\n{detail}")
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(28, 28))
        button.setMinimumHeight(64)
        button.setStyleSheet("QPushButton { text-align: left; padding: 8px 14px; font-size: 11pt; }")
        button.setToolTip(detail)
        button.clicked.connect(lambda _checked=False: signal.emit())
        return button

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}\n{shown_folder(path.parent)}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(str(path))
            item.setSizeHint(QSize(0, 44))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def _open_item(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path is not None:
            self.recentRequested.emit(Path(path))


def shown_folder(folder: Path) -> str:
    """A folder as the list shows it: under the home folder on Linux (UOS, 麒麟) as ~/文档/…, the
    way its file manager names it; elsewhere, and on Windows, in full."""
    if os.name == "nt":
        return str(folder)
    try:
        inside = folder.relative_to(Path.home())
    except (ValueError, RuntimeError):  # not under it, or no home folder known
        return str(folder)
    return "~" if inside == Path() else f"~/{inside.as_posix()}"
