"""The cover page editor and the plain-text editors (开头说明, 一、五、六, the note under each
table); edits go on the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from govopen_desktop.domain.data_sources import data_sources
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.fold import plain_characters
from govopen_desktop.domain.formats import format_for_year, selectable_years
from govopen_desktop.domain.title import annual_report_title
from govopen_desktop.qt.commands import SetMetaCommand, SetTextCommand
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.forms import child, load_form
from govopen_desktop.qt.pasted_text import ReportTextEdit
from govopen_desktop.qt.text_positions import to_index, to_position

if TYPE_CHECKING:
    from govopen_desktop.domain.years import YearChange
    from govopen_desktop.qt.prior_text import PriorTextPanel


NOTE_LABEL = "表下说明（可选）"  # the box under a table's grid


class TextSectionEditor(QWidget):
    """A plain-text section; the text editor's own undo is off so one stack holds every change.
    With a `label` it is the small box of a table's note (表下说明) under the grid: the label
    instead of the page's heading, the hint as the empty box's placeholder."""

    def __init__(self, document: Document, key: str, title: str, hint: str, parent: QWidget | None = None,
                 *, label: str | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key = key
        self.title = title
        self.compact = label is not None
        self.placeholder = hint if label is not None and hint else "在此填写正文。"
        self.setObjectName(f"text_{key}")
        self.heading = heading = QLabel(title if label is None else label)
        heading.setObjectName("pageTitle" if label is None else "noteTitle")
        note = QLabel(hint)
        note.setObjectName("pageHint")
        note.setWordWrap(True)
        note.setVisible(label is None)
        self.editor = ReportTextEdit()
        self.editor.setObjectName(f"editor_{key}")
        self.editor.setUndoRedoEnabled(False)
        self.editor.installEventFilter(self)  # Ctrl+Z/Ctrl+Y go to the report's undo stack
        self.editor.setPlaceholderText(self.placeholder)
        if label is not None:
            self.editor.setToolTip(hint)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.copy_note = QLabel()
        self.copy_note.setObjectName("copyNote")
        self.copy_note.setWordWrap(True)
        self.copy_note.setStyleSheet("color: #7a4f00;")
        self.copy_note.hide()
        # this year's editor, and last year's text beside it once a prior report has some
        self.body = QSplitter()  # side by side
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.editor)
        self.prior_panel: PriorTextPanel | None = None
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*((0, 4, 0, 0) if label is not None else (16, 12, 16, 12)))
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(self.buttons)
        layout.addWidget(self.copy_note)
        layout.addWidget(self.body, 1)
        self._updating = False
        self.editor.textChanged.connect(self._on_text_changed)
        document.cellsChanged.connect(self._on_cells_changed)
        document.reportReplaced.connect(self.reload)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            from PySide6.QtCore import Qt  # on a key, not at import: see qt/qt_keys.py

            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            )
            if undo or redo:
                if event.type() == QEvent.Type.KeyPress:
                    stack = self.document.undo_stack
                    if undo:
                        stack.undo()
                    else:
                        stack.redo()
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def add_action_button(self, text: str, tooltip: str, make_text: Callable[[], str]) -> QPushButton:
        """A button that inserts drafted text at the cursor (or fills an empty editor)."""
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda: self.insert_text(make_text()))
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def insert_text(self, text: str) -> None:
        cursor = self.editor.textCursor()
        if self.editor.toPlainText() and not cursor.atBlockStart():
            text = "\n" + text
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _show_prior(self) -> None:
        """Last year's text of this section beside the editor (read-only), if there is any."""
        report = self.document.report
        prior_text = (report.prior.text.get(self.key) or "").strip() if report.prior is not None else ""
        if not prior_text:
            if self.prior_panel is not None:
                self.prior_panel.hide()
            self.editor.setPlaceholderText(self.placeholder)
            return
        if self.prior_panel is None:
            from govopen_desktop.qt.prior_text import PriorTextPanel

            self.prior_panel = PriorTextPanel()
            self.prior_panel.copyRequested.connect(self.copy_from_prior)
            self.body.addWidget(self.prior_panel)
            self.body.setStretchFactor(0, 3)
            self.body.setStretchFactor(1, 2)
            if self.compact:  # a table's note: last year's no taller than this year's box
                self.prior_panel.viewer.setMaximumHeight(self.editor.maximumHeight())
        assert report.prior is not None
        self.prior_panel.set_text(prior_text, report.prior.meta.year, report.meta.year)
        self.prior_panel.show()
        what = "表下说明" if self.compact else "正文"
        self.editor.setPlaceholderText(
            f"在此填写{report.meta.year}年度的{what}。右边是上年报告的原文，可逐段复制过来，年份自动改为本年。"
        )

    def copy_from_prior(self, text: str, changes: list[YearChange]) -> None:
        """Insert a paragraph of last year's text after the cursor's paragraph, as one undo
        step, and mark the years that were moved."""
        from govopen_desktop.qt.prior_text import YEAR_BG, years_note

        cursor = self.editor.textCursor()
        cursor.clearSelection()
        cursor.movePosition(cursor.MoveOperation.EndOfBlock)
        prefix = "\n" if cursor.block().text().strip() else ""
        offset = to_index(self.editor.toPlainText(), cursor.position()) + len(prefix)
        self._updating = True
        cursor.insertText(prefix + text)
        self._updating = False
        self.editor.setTextCursor(cursor)
        stack = self.document.undo_stack
        stack.beginMacro(f"复制上年“{self.title}”一段")
        stack.push(SetTextCommand(self.document.report, self.key, self.editor.toPlainText(), self.title))
        stack.endMacro()
        self.set_marks("years", [(offset + c.start, offset + c.end) for c in changes], YEAR_BG)
        note = years_note(changes)
        self.copy_note.setText(note)
        self.copy_note.show()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(note, 10000)
        self.editor.setFocus()

    def highlight(self, start: int, end: int) -> None:
        """Select text[start:end] (a sentence a finding is about) and keep it marked."""
        from govopen_desktop.qt.prior_text import FINDING_BG

        self.select(start, end)
        self.editor.setFocus()
        self.set_marks("finding", [(start, end)], FINDING_BG)

    def select(self, start: int, end: int) -> None:
        """Select text[start:end] (indexes of the text, as the domain counts) and show it."""
        text = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        cursor.setPosition(to_position(text, start))
        cursor.setPosition(to_position(text, end), cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def set_marks(self, name: str, spans: list[tuple[int, int]], colour: QColor) -> None:
        """Marks of one kind (moved years, a finding's sentence) laid over text[start:end] for
        each span; the marks' cursors follow later edits."""
        from govopen_desktop.qt.prior_text import marks

        text = self.editor.toPlainText()
        at = [(to_position(text, start), to_position(text, end)) for start, end in spans]
        self._marks[name] = marks(self.editor, at, colour)
        self.editor.setExtraSelections([m for group in self._marks.values() for m in group])

    def reload(self) -> None:
        self._show_prior()
        # the heading follows the format (2019: 五、政府信息公开工作存在的主要问题及改进情况)
        fmt = self.document.report.format
        if fmt.section(self.key) is not None:
            self.title = fmt.text_heading(self.key)  # a note: 四、…（表下说明）, as the undo list names it
            if not self.compact:
                self.heading.setText(self.title)
        text = self.document.report.text.get(self.key) or ""
        if text != self.editor.toPlainText():
            self._updating = True
            # the caret stays at the same character, never between the halves of one (𠮷)
            caret = to_index(self.editor.toPlainText(), self.editor.textCursor().position())
            self.editor.setPlainText(text)
            cursor = self.editor.textCursor()
            cursor.setPosition(to_position(text, min(caret, len(text))))
            self.editor.setTextCursor(cursor)
            self._updating = False

    def _on_text_changed(self) -> None:
        if self._updating:
            return
        text = self.editor.toPlainText()
        if (self.document.report.text.get(self.key) or "") != text:
            self.document.undo_stack.push(SetTextCommand(self.document.report, self.key, text, self.title))

    def _on_cells_changed(self, keys: set[str]) -> None:
        if f"text.{self.key}" in keys:
            self.reload()
        elif "prior" in keys or "meta.year" in keys:
            self._show_prior()


class CoverEditor(QWidget):
    """封面信息: agency, year and date; the format follows from the year and is only shown."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("cover")
        form = load_form("cover", self)  # ui/cover.ui
        self.agency = child(form, QLineEdit, "agencyEdit")
        self.year = child(form, QSpinBox, "yearEdit")
        self.year.setRange(*selectable_years())
        self.date_set = child(form, QCheckBox, "dateSet")
        self.date = child(form, QDateEdit, "dateEdit")
        self.format_label = child(form, QLabel, "formatLabel")
        self.title_preview = child(form, QLabel, "titlePreview")
        self.prior_label = child(form, QLabel, "priorLabel")
        self.provenance_label = child(form, QLabel, "provenanceLabel")
        self.provenance_caption = child(form, QLabel, "provenanceCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self._updating = False
        self._agency_timer = QTimer(self, singleShot=True, interval=400)
        self._agency_timer.timeout.connect(self._commit_agency)
        self.agency.textEdited.connect(lambda _t: self._agency_timer.start())
        # the title preview follows every key, before the change is committed
        self.agency.textEdited.connect(lambda _t: self._preview_title())
        self.year.lineEdit().textEdited.connect(lambda _t: self._preview_title())
        self.agency.editingFinished.connect(self._commit_agency)
        self.year.valueChanged.connect(self._commit_year)
        self.date.dateChanged.connect(lambda _d: self._commit_date())
        self.date_set.toggled.connect(lambda _on: self._commit_date())
        document.cellsChanged.connect(self._on_changed)
        document.reportReplaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self._updating = True
        meta = self.document.report.meta
        if self.agency.text() != meta.agency:
            self.agency.setText(meta.agency)
        self.year.setValue(meta.year)
        self.date_set.setChecked(meta.date is not None)
        self.date.setEnabled(meta.date is not None)
        if meta.date:
            self.date.setDate(QDate.fromString(meta.date, "yyyy-MM-dd"))
        else:
            self.date.setDate(QDate(meta.year + 1, 1, 20))
        fmt = self.document.report.format
        self.format_label.setText(f"{fmt.name}（{fmt.document}），由报告年度自动确定")
        self._preview_title()
        prior = self.document.report.prior
        self.prior_label.setText(
            f"已附 {prior.meta.agency}{prior.meta.year}年度报告：上年结转数由它带入，"
            "各单元格的提示中有上年数（“视图 → 显示上年数”可在表格中对照）。"
            if prior is not None
            else "未附。可用“文件 → 附加上年报告”（或新建时“从上年报告开始”）带入上年结转数并对照上年数字。"
        )
        sources = "\n".join(data_sources(self.document.report))
        self.provenance_label.setText(sources)
        self.provenance_label.setVisible(bool(sources))
        self.provenance_caption.setVisible(bool(sources))  # no caption over nothing
        self._updating = False

    def _preview_title(self) -> None:
        agency = self.agency.text().strip() or "（机关名称）"
        digits = "".join(c for c in self.year.lineEdit().text() if c.isdigit())
        year = digits if len(digits) == 4 else str(self.year.value())
        self.title_preview.setText(annual_report_title(agency, year))

    def _on_changed(self, keys: set[str]) -> None:
        if "prior" in keys or any(k.startswith("meta.") for k in keys):
            self.reload()

    def _push(self, **changes: object) -> None:
        if not self._updating:
            self.document.undo_stack.push(SetMetaCommand(self.document.report, changes))

    def _commit_agency(self) -> None:
        self._agency_timer.stop()
        typed = self.agency.text()
        plain = plain_characters(typed)  # a name pasted from a PDF: ⼈ is 人
        if plain != typed:
            at = self.agency.cursorPosition()
            self.agency.setText(plain)
            self.agency.setCursorPosition(min(at, len(plain)))
        text = plain.strip()
        if text != self.document.report.meta.agency:
            self._push(agency=text)

    def _commit_year(self, year: int) -> None:
        if year == self.document.report.meta.year or self._updating:
            return
        try:
            format_for_year(year)
        except GovopenError:
            return
        self._push(year=year)

    def _commit_date(self) -> None:
        self.date.setEnabled(self.date_set.isChecked())
        value = self.date.date().toString("yyyy-MM-dd") if self.date_set.isChecked() else None
        if value != self.document.report.meta.date:
            self._push(date=value)
