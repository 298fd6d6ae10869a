"""The navigator and the pages beside it: each page built on first view, the open-problem count
on each navigator entry, showing prior-year numbers in the grids, and going to a finding."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from govopen_desktop.domain.findings import Finding
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.findings_panel import is_text_finding, text_target
from govopen_desktop.qt.pages import COVER_PAGE, NAV_ENTRIES, TablePage, build_page, page_of_text
from govopen_desktop.qt.qt_keys import PAGE_ROLE
from govopen_desktop.qt.text_editors import TextSectionEditor

PAGE_IDS = tuple(page_id for page_id, _name in NAV_ENTRIES)


class PageStack(QObject):
    statusMessage = Signal(str)  # a grid's message for the status bar
    pasteProblems = Signal(list)  # list[str]: pasted text that is not a number

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pages: dict[str, QWidget] = {}  # built on first view
        self.show_prior = False
        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        for page_id, name in NAV_ENTRIES:
            item = QListWidgetItem(name)
            item.setData(PAGE_ROLE, page_id)
            item.setSizeHint(QSize(0, 36))
            self.navigator.addItem(item)
        self.navigator.setFixedWidth(168)
        self.stack = QStackedWidget()
        for _entry in NAV_ENTRIES:
            self.stack.addWidget(QWidget())  # placeholders until a page is first shown
        self.navigator.currentRowChanged.connect(self._show_row)

    def page(self, page_id: str) -> QWidget:
        """The page, built on first use."""
        if page_id not in self.pages:
            page = build_page(self.document, page_id)
            row = PAGE_IDS.index(page_id)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[page_id] = page
            if isinstance(page, TablePage):
                page.view.statusMessage.connect(self.statusMessage)
                page.view.pasteProblems.connect(self.pasteProblems)
                page.view.delegate.show_prior = self.show_prior
                page.model.set_show_prior(self.show_prior)
        return self.pages[page_id]

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(PAGE_IDS[row])
            self.stack.setCurrentIndex(row)

    def show_section(self, page_id: str) -> QWidget:
        page = self.page(page_id)
        self.navigator.setCurrentRow(PAGE_IDS.index(page_id))
        return page

    def current_table_page(self) -> TablePage | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, TablePage) else None

    def set_show_prior(self, show: bool) -> None:
        self.show_prior = show
        for page in self.pages.values():
            if isinstance(page, TablePage):
                page.view.delegate.show_prior = show
                page.model.set_show_prior(show)

    # ---- findings ---------------------------------------------------------------------------

    def page_of(self, finding: Finding) -> str:
        report = self.document.report
        if is_text_finding(finding):
            # about a sentence: go to its text's page (a table's note: the table's; a finding on
            # the whole report: 一、总体情况)
            key = finding.section or next(s.text for s in report.format.sections if s.text)
            return page_of_text(report, key)
        fields = report.format.fields
        if finding.cells and finding.cells[0] in fields:
            return fields[finding.cells[0]].table
        section = page_of_text(report, finding.section or "")
        return section if section in PAGE_IDS else COVER_PAGE

    def section_name(self, finding: Finding) -> str:
        return dict(NAV_ENTRIES)[self.page_of(finding)]

    def show_counts(self, findings: list[Finding]) -> None:
        """Each navigator entry names how many open (unexplained) problems its page has."""
        per_page: dict[str, int] = {}
        for finding in findings:
            if finding.accepted:
                continue  # explained: no longer open
            page = self.page_of(finding)
            per_page[page] = per_page.get(page, 0) + 1
        for row, (page_id, name) in enumerate(NAV_ENTRIES):
            n = per_page.get(page_id, 0)
            item = self.navigator.item(row)
            text = f"{name}（{n}）" if n else name
            if item.text() != text:
                item.setText(text)

    def go_to_cell(self, key: str) -> bool:
        """Show the grid cell `key` of the open report (False where it has no such cell)."""
        field = self.document.report.format.fields.get(key)
        page = self.show_section(field.table) if field is not None else None
        return isinstance(page, TablePage) and page.view.go_to_key(key)

    def show_text(self, key: str) -> TextSectionEditor | None:
        """Show the page a text is edited on and return its editor (a table's note: the box
        under the grid)."""
        page = self.show_section(page_of_text(self.document.report, key))
        if isinstance(page, TablePage) and page.note is not None and page.note.key == key:
            return page.note
        return page if isinstance(page, TextSectionEditor) and page.key == key else None

    def go_to_finding(self, finding: Finding) -> None:
        if (target := text_target(self.document.report, finding)) is not None:
            if (editor := self.show_text(target[0])) is not None:
                editor.highlight(target[1], target[2])
            return
        report = self.document.report
        if finding.section and report.format.is_note(finding.section):  # about the note as a whole
            if (editor := self.show_text(finding.section)) is not None:
                editor.editor.setFocus()
            return
        page = self.show_section(self.page_of(finding))
        if isinstance(page, TablePage) and finding.cells:
            page.view.go_to_key(finding.cells[0])
        elif isinstance(page, TextSectionEditor):
            page.editor.setFocus()
