"""The pages of the report shown beside the navigator: cover, text sections and tables."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from govopen_desktop.domain.report import Report
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.drafts import draft_applications, fee_sentence, overview_skeleton
from govopen_desktop.qt.text_editors import CoverEditor, TextSectionEditor

# navigator entries: (page id, short name in the list); headings come from the format
NAV_ENTRIES = (
    ("cover", "封面信息"),
    ("overview", "一、总体情况"),
    ("t2", "二、主动公开"),
    ("t3", "三、依申请公开"),
    ("t4", "四、复议诉讼"),
    ("problems", "五、问题及改进"),
    ("other", "六、其他事项"),
)

TABLE_HINTS = {
    "t2": "按第二十条各项填写本年度数字。行政事业性收费金额以万元为单位，可填小数。",
    "t2@2019": "按第二十条各项填写。“本年增/减”减少时填负数；采购总金额照原样写数字和单位（如 251000元）。",
    "t3": "灰色单元格自动计算（各行总计、（七）总计）。勾稽关系：第一项加第二项之和，等于第三项加第四项之和。",
    "t4": "每组“总计”自动计算，等于结果维持、结果纠正、其他结果、尚未审结之和。",
}
TEXT_HINTS = {
    "overview": "按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面概述本年度工作。",
    "problems": "写明存在的主要问题和改进措施（各级人民政府还应写明工作考核、社会评议和责任追究结果情况）。",
    "other": "其他需要报告的事项，如信息处理费收取情况、人大代表建议和政协委员提案办理情况等。",
}


def heading_for(report: Report, page_id: str) -> str:
    for section in report.format.sections:
        if page_id in (section.id, section.table, section.text):
            return section.heading
    return "封面信息"


class TablePage(QWidget):
    def __init__(self, document: Document, table_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.table_id = table_id
        self.setObjectName(f"page_{table_id}")
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.hint = hint = QLabel()
        hint.setObjectName("pageHint")
        hint.setWordWrap(True)
        # the grid modules load with the first table shown, not at start-up
        from govopen_desktop.qt.table_model import ReportTableModel
        from govopen_desktop.qt.table_view import ReportTableView

        self.model = ReportTableModel(document, table_id, self)
        self.view = ReportTableView(self.model)
        hint.setWordWrap(False)
        # the hint may be clipped on a narrow window; it must not set the window's minimum width
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)
        document.reportReplaced.connect(self._retitle)
        self.view.rowsFitted.connect(self._limit_height)
        self._retitle()
        self._limit_height()

    def _retitle(self) -> None:
        self.heading.setText(heading_for(self.document.report, self.table_id))
        fmt = self.document.report.format.id
        text = TABLE_HINTS.get(f"{self.table_id}@{fmt}", TABLE_HINTS.get(self.table_id, ""))
        self.hint.setText(text)
        self.hint.setToolTip(text)

    def _limit_height(self) -> None:
        # a short table (表四) should not sit in a tall empty box
        self.view.setMaximumHeight(self.view.full_height() + 2)


def build_page(document: Document, page_id: str) -> QWidget:
    """One page, built when first shown (keeps start-up short)."""
    if page_id == "cover":
        return CoverEditor(document)
    if page_id in ("t2", "t3", "t4"):
        return TablePage(document, page_id)
    editor = TextSectionEditor(document, page_id, heading_for(document.report, page_id), TEXT_HINTS[page_id])
    if page_id == "overview":
        editor.add_action_button(
            "插入五部分提纲", "插入（一）主动公开至（五）监督保障五个小标题", lambda: overview_skeleton(document.report)
        )
        editor.add_action_button(
            "根据表三起草依申请公开段落",
            "按表三的数字生成“全年共收到政府信息公开申请X件……”一段，插入到光标处",
            lambda: draft_applications(document.report),
        )
    elif page_id == "other":
        editor.add_action_button(
            "插入信息处理费说明",
            "插入依据国办函〔2020〕109号的信息处理费收取情况说明",
            lambda: fee_sentence(document.report),
        )
    return editor
