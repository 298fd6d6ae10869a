"""What the 编辑 menu does: copy, paste, cut, clear and select in the grids (a focused text field
does these for itself), 查找/替换, 填充空白为 0, and applying a finding's suggested values.
Each change is one undoable step; the actions that call these are declared in qt/actions.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from govopen_desktop.domain.fill import blank_inputs
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import all_table_ids
from govopen_desktop.qt.commands import ConvertFormatCommand, SetCellsCommand
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.page_stack import PageStack
from govopen_desktop.qt.pages import TablePage

if TYPE_CHECKING:
    from govopen_desktop.qt.find_replace import FindReplaceDialog
    from govopen_desktop.qt.table_view import ReportTableView

TABLE_IDS = all_table_ids()


TextField = QLineEdit | QPlainTextEdit


def focused_text_field() -> TextField | None:
    """The focused text field, if any (not a grid's cell editor): it edits for itself."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.objectName() != "cellEditor":
        return widget
    return None


class EditFeatures(QObject):
    statusMessage = Signal(str)

    def __init__(self, document: Document, pages: PageStack, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.document = document
        self.pages = pages
        self.dialog_parent = dialog_parent
        self._dialog: FindReplaceDialog | None = None

    def _status(self, text: str) -> None:
        self.statusMessage.emit(text)

    # ---- copy, paste, cut, clear, select all ------------------------------------------------

    def _in_text_or_grid(self, in_text: Callable[[TextField], object],
                         in_grid: Callable[[ReportTableView], object]) -> None:
        """Where the focus is: the focused text field, else the current grid (if any)."""
        text = focused_text_field()
        page = self.pages.current_table_page()
        if text is not None:
            in_text(text)
        elif page is not None:
            in_grid(page.view)

    def copy(self) -> None:
        self._in_text_or_grid(lambda text: text.copy(), lambda grid: grid.copy_selection())

    def paste(self) -> None:
        self._in_text_or_grid(lambda text: text.paste(), lambda grid: grid.paste())

    def clear_cells(self) -> None:
        page = self.pages.current_table_page()
        if page is not None:
            page.view.clear_selection()

    def cut(self) -> None:
        def cut_grid(grid: ReportTableView) -> None:
            grid.copy_selection()
            grid.clear_selection()

        self._in_text_or_grid(lambda text: text.copy() if text.isReadOnly() else text.cut(), cut_grid)

    def select_all(self) -> None:
        self._in_text_or_grid(lambda text: text.selectAll(), lambda grid: grid.selectAll())

    # ---- find / replace ---------------------------------------------------------------------

    def find_replace(self) -> FindReplaceDialog:
        from govopen_desktop.qt.find_replace import FindReplaceDialog

        if self._dialog is None:
            self._dialog = FindReplaceDialog(self.document, self.pages, self._status, self.dialog_parent)
        text = focused_text_field()
        if text is not None:
            chosen = text.selectedText() if isinstance(text, QLineEdit) else text.textCursor().selectedText()
            if chosen and "\u2029" not in chosen:
                self._dialog.find_edit.setText(chosen)
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.find_edit.setFocus()
        self._dialog.find_edit.selectAll()
        return self._dialog

    # ---- 填充空白为 0 ------------------------------------------------------------------------

    def fill_current_table(self) -> int:
        page = self.pages.current_table_page()
        if page is None:
            self._status("请先打开一张表格（二、三或四），再填充空白。")
            return 0
        return self.fill_blanks((page.table_id,), page)

    def fill_all_tables(self) -> int:
        return self.fill_blanks(TABLE_IDS, self.pages.current_table_page())

    def fill_blanks(self, tables: tuple[str, ...], page: TablePage | None) -> int:
        report = self.document.report
        keys = blank_inputs(report, tables)
        where = "本表" if len(tables) == 1 else "各表"
        if not keys:
            self._status(f"{where}没有空白的填报单元格。")
            return 0
        command = SetCellsCommand(report, dict.fromkeys(keys, 0), f"填充空白为 0（{len(keys)} 个单元格）")
        self.document.undo_stack.push(command)
        if page is not None:
            page.view._select_keys([k for k in keys if page.model.index_of(k).isValid()])
        self._status(f"已把{where} {len(keys)} 个空白单元格填为 0（已填的未改动），可撤销。")
        return len(keys)

    # ---- a finding's suggested values -------------------------------------------------------

    def apply_suggestion(self, finding: Finding) -> bool:
        """One undo step; False when the finding suggests nothing."""
        if not finding.suggested:
            return False
        report = self.document.report
        values = {k: v for k, v in finding.suggested.items() if k in report.format.fields}
        new_format = finding.suggested.get("meta.format")
        stack = self.document.undo_stack
        stack.beginMacro("应用建议值")
        if isinstance(new_format, str) and new_format != report.meta.format:
            stack.push(ConvertFormatCommand(report, new_format))
        if values:
            stack.push(SetCellsCommand(report, values, "应用建议值"))
        stack.endMacro()
        done = f"改用{report.format.document}格式" if isinstance(new_format, str) else f"{len(values)} 个单元格"
        self._status(f"已应用建议值（{done}），可撤销。")
        return True
