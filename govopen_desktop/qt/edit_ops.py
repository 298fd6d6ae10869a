"""The 编辑 menu beyond undo/copy/paste: 剪切, 全选, 查找/替换, 填充空白为 0; and the window title
following the agency and year. Installed on the window with one call, so the window stays thin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from govopen_desktop.domain.fill import blank_inputs
from govopen_desktop.domain.formats import all_table_ids
from govopen_desktop.qt.commands import SetCellsCommand
from govopen_desktop.qt.pages import TablePage

if TYPE_CHECKING:
    from govopen_desktop.qt.find_replace import FindReplaceDialog
    from govopen_desktop.qt.main_window import MainWindow

TABLE_IDS = all_table_ids()


class EditFeatures(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        keys = QKeySequence.StandardKey
        self.act_cut = self._action("剪切", self.cut, keys.Cut)
        self.act_select_all = self._action("全选", self.select_all, keys.SelectAll)
        self.act_find = self._action("查找/替换…", self.find_replace, keys.Find)
        self.act_find.setShortcuts([QKeySequence(keys.Find), QKeySequence("Ctrl+H")])
        self.act_fill_table = self._action("填充空白为 0（本表）", self.fill_current_table)
        self.act_fill_table.setToolTip("把当前表格中所有空白的填报单元格填为 0；已填的不变。可撤销。")
        self.act_fill_all = self._action("填充空白为 0（全部表格）", self.fill_all_tables)
        self.act_fill_all.setToolTip("把表二、表三、表四中所有空白的填报单元格填为 0；已填的不变。可撤销。")
        for action in (self.act_cut, self.act_select_all):
            # text fields cut and select for themselves; the action serves the grids
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            window.stack.addAction(action)
        window.addAction(self.act_find)
        self._dialog: FindReplaceDialog | None = None
        self._add_to_menu()
        window.document.cellsChanged.connect(self._on_cells_changed)

    def _action(self, text: str, slot: object, shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _add_to_menu(self) -> None:
        menu = next(
            (a.menu() for a in self.window.menuBar().actions() if a.text().startswith("编辑")), None
        )
        if not isinstance(menu, QMenu):
            return
        copy = self.window.act_copy
        menu.insertAction(copy, self.act_cut)
        menu.insertAction(self.window.act_clear, self.act_select_all)
        menu.addSeparator()
        menu.addAction(self.act_find)
        menu.addSeparator()
        menu.addActions([self.act_fill_table, self.act_fill_all])

    # ---- title follows the cover ------------------------------------------------------------

    def _on_cells_changed(self, keys: set[str]) -> None:
        if any(k.startswith("meta.") for k in keys):
            self.window.refresh_title()

    # ---- cut, select all --------------------------------------------------------------------

    def _text_widget(self) -> QLineEdit | QPlainTextEdit | None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.objectName() != "cellEditor":
            return widget
        return None

    def cut(self) -> None:
        text = self._text_widget()
        page = self.window.current_table_page()
        if text is not None:
            if not text.isReadOnly():
                text.cut()
            else:
                text.copy()
        elif page is not None:
            page.view.copy_selection()
            page.view.clear_selection()

    def select_all(self) -> None:
        text = self._text_widget()
        page = self.window.current_table_page()
        if text is not None:
            text.selectAll()
        elif page is not None:
            page.view.selectAll()

    # ---- find / replace ---------------------------------------------------------------------

    def find_replace(self) -> FindReplaceDialog:
        from govopen_desktop.qt.find_replace import FindReplaceDialog

        if self._dialog is None:
            self._dialog = FindReplaceDialog(self.window)
        text = self._text_widget()
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
        page = self.window.current_table_page()
        if page is None:
            self.window.statusBar().showMessage("请先打开一张表格（二、三或四），再填充空白。", 8000)
            return 0
        return self.fill_blanks((page.table_id,), page)

    def fill_all_tables(self) -> int:
        return self.fill_blanks(TABLE_IDS, self.window.current_table_page())

    def fill_blanks(self, tables: tuple[str, ...], page: TablePage | None) -> int:
        report = self.window.document.report
        keys = blank_inputs(report, tables)
        where = "本表" if len(tables) == 1 else "各表"
        if not keys:
            self.window.statusBar().showMessage(f"{where}没有空白的填报单元格。", 8000)
            return 0
        command = SetCellsCommand(report, dict.fromkeys(keys, 0), f"填充空白为 0（{len(keys)} 个单元格）")
        self.window.document.undo_stack.push(command)
        if page is not None:
            page.view._select_keys([k for k in keys if page.model.index_of(k).isValid()])
        self.window.statusBar().showMessage(
            f"已把{where} {len(keys)} 个空白单元格填为 0（已填的未改动），可撤销。", 8000
        )
        return len(keys)
