"""The pages of the report shown beside the navigator: cover, text sections and tables (each
with the box of its note, 表下说明, under the grid)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from govopen_desktop.domain.drafts import draft_text
from govopen_desktop.domain.formats import navigation
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.fitted_editor import fit_to_lines
from govopen_desktop.qt.text_editors import NOTE_LABEL, CoverEditor, TextSectionEditor

# navigator entries: (page id, short name in the list); the sections and their names come from the formats
COVER_PAGE = "cover"
NOTE_LINES = 4  # the note box grows to this many lines, then scrolls
NAV_ENTRIES = ((COVER_PAGE, "封面信息"), *navigation())


def heading_for(report: Report, page_id: str) -> str:
    """A page's heading; a text key's name (a table's note: 四、…（表下说明）)."""
    return report.format.text_heading(page_id) if report.format.section(page_id) else "封面信息"


def page_of_text(report: Report, key: str) -> str:
    """The page a text is edited on: its own, or for a table's note the table's page."""
    section = report.format.section(key)
    return section.id if section is not None else key


def hint_for(report: Report, page_id: str) -> str:
    section = report.format.section(page_id)
    return section.hint if section else ""


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
        self.note = self._note_box(document, table_id)
        if self.note is not None:
            layout.addWidget(self.note)
        layout.addStretch(0)
        document.reportReplaced.connect(self._retitle)
        self.view.rowsFitted.connect(self._limit_height)
        self._retitle()
        self._limit_height()

    @staticmethod
    def _note_box(document: Document, table_id: str) -> TextSectionEditor | None:
        """The box of the words printed under the table (表下说明), where the format has one:
        as high as its text (one line when empty), so the grid keeps the page."""
        fmt = document.report.format
        section, key = fmt.section(table_id), fmt.note_of(table_id)
        if section is None or key is None:
            return None
        box = TextSectionEditor(document, key, fmt.text_heading(key), section.note_hint, label=NOTE_LABEL)
        box.setObjectName(f"note_{table_id}")
        fit_to_lines(box.editor, NOTE_LINES)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    def _retitle(self) -> None:
        self.heading.setText(heading_for(self.document.report, self.table_id))
        text = hint_for(self.document.report, self.table_id)
        self.hint.setText(text)
        self.hint.setToolTip(text)

    def _limit_height(self) -> None:
        # a short table (表四) should not sit in a tall empty box
        self.view.setMaximumHeight(self.view.full_height() + 2)


def _draft(document: Document, draft_id: str) -> str:
    return draft_text(document.report, draft_id)


def build_page(document: Document, page_id: str) -> QWidget:
    """One page, built when first shown (keeps start-up short)."""
    if page_id == COVER_PAGE:
        return CoverEditor(document)
    section = document.report.format.section(page_id)
    if section is not None and section.table:
        return TablePage(document, page_id)
    report = document.report
    editor = TextSectionEditor(document, page_id, heading_for(report, page_id), hint_for(report, page_id))
    for button in section.buttons if section else ():
        editor.add_action_button(button.label, button.tip, partial(_draft, document, button.draft))
    return editor
