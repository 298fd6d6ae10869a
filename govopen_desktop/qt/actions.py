"""Every action of the main window, and the menus and toolbar that show them, declared in one
place. Each action calls a controller (qt/controllers/) or, for what only the window does
(closing, help, the next finding, showing prior-year numbers), the window through ActionHost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from govopen_desktop.qt.controllers.acceptance import AcceptanceController
from govopen_desktop.qt.controllers.edit_ops import EditFeatures
from govopen_desktop.qt.controllers.file_ops import FileController
from govopen_desktop.qt.controllers.import_ops import ImportController
from govopen_desktop.qt.controllers.register_ops import RegisterController
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.icons import icon
from govopen_desktop.qt.qt_keys import set_by_key

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def key_sequences(*shortcuts: Shortcut) -> list[QKeySequence]:
    """The key sequences of shortcuts, made without QKeySequence's constructor (its overloads
    name the `Qt` namespace: qt/qt_keys.py). A standard key gives its first binding on this
    platform, as QKeySequence(key) does."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            sequences += QKeySequence.keyBindings(shortcut)[:1]
        elif isinstance(shortcut, str):
            sequences.append(QKeySequence.fromString(shortcut))
        elif shortcut is not None:
            sequences.append(shortcut)
    return sequences


class ActionHost(Protocol):
    """What the window itself does when an action asks."""

    def close(self) -> bool: ...
    def show_help(self) -> None: ...
    def show_about(self) -> None: ...
    def next_finding(self) -> None: ...
    def set_show_prior(self, show: bool) -> None: ...
    def remember_show_prior(self, checked: bool) -> None: ...
    def open_batch_check(self) -> None: ...
    def open_combine(self) -> None: ...


class WindowActions:
    def __init__(
        self,
        parent: QWidget,
        host: ActionHost,
        document: Document,
        files: FileController,
        imports: ImportController,
        registers: RegisterController,
        acceptance: AcceptanceController,
        edit: EditFeatures,
        grid_area: QWidget,
    ) -> None:
        self.parent = parent

        def action(text: str, slot: Callable[[], object], shortcut: Shortcut = None,
                   icon_name: str | None = None) -> QAction:
            made = QAction(text, parent)
            if shortcut is not None:
                made.setShortcuts(key_sequences(shortcut))
            if icon_name is not None:
                made.setIcon(icon(icon_name))
            made.triggered.connect(lambda _checked=False: slot())
            return made

        keys = QKeySequence.StandardKey
        f = files
        # ---- 文件
        self.act_new = action("新建…", f.new_report, keys.New, "new")
        self.act_open = action("打开…", f.open_file, keys.Open, "open")
        self.act_new_from_prior = action("从上年报告开始…", f.new_from_prior)
        self.act_save = action("保存", f.save, keys.Save, "save")
        self.act_save_as = action("另存为…", f.save_as, "Ctrl+Shift+S")
        self.act_import = action("导入到当前报告…", imports.import_into, None, "import")
        self.act_import_text = action("粘贴文字导入…", imports.import_pasted_text)
        self.act_attach_prior = action("附加上年报告…", imports.attach_prior)
        self.act_attach_prior_text = action("粘贴上年报告文字…", imports.attach_prior_text)
        self.act_count_register = action("从台账生成表三、表四…", registers.count_from_register)
        self.act_count_register.setToolTip("读取本年度的依申请公开台账和复议诉讼台账，统计表三、表四，并核对答复期限")
        self.act_register_template = action("生成空白台账模板…", registers.save_template)
        self.act_export_docx = action("导出 Word…", lambda: f.export("docx"), None, "export")
        self.act_export_xlsx = action("导出 Excel…", lambda: f.export("xlsx"), None, "export")
        self.act_export_html = action("导出网页（发布用）…", lambda: f.export("html"))
        self.act_export_pdf = action("导出 PDF…", lambda: f.export("pdf"))
        self.act_export_review = action("导出审核说明（Word）…", acceptance.export_review_notes)
        self.act_export_review.setToolTip("列出已说明的警告及其说明，供审核单位参阅")
        self.act_batch_check = action("批量检查各单位报告…", host.open_batch_check)
        self.act_batch_check.setObjectName("actBatchCheck")
        self.act_combine = action("汇总各单位报告…", host.open_combine)
        self.act_combine.setObjectName("actCombine")
        self.act_quit = action("退出", host.close, "Ctrl+Q")
        # ---- 编辑
        stack = document.undo_stack
        self.act_undo = stack.createUndoAction(parent, "撤销")
        self.act_undo.setShortcuts(key_sequences(keys.Undo))
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = stack.createRedoAction(parent, "重做")
        self.act_redo.setShortcuts(key_sequences("Ctrl+Y", keys.Redo))
        self.act_redo.setIcon(icon("redo"))
        # the toolbar keeps short labels; the menu items say what will be undone
        self.tb_undo = action("撤销", stack.undo, None, "undo")
        self.tb_redo = action("重做", stack.redo, None, "redo")
        self.tb_undo.setEnabled(False)
        self.tb_redo.setEnabled(False)
        stack.canUndoChanged.connect(self.tb_undo.setEnabled)
        stack.canRedoChanged.connect(self.tb_redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.tb_undo.setToolTip(f"撤销：{text}（Ctrl+Z）"))
        stack.redoTextChanged.connect(lambda text: self.tb_redo.setToolTip(f"重做：{text}（Ctrl+Y）"))
        self.act_copy = action("复制", edit.copy, keys.Copy)
        self.act_paste = action("粘贴", edit.paste, keys.Paste)
        self.act_clear = action("清除单元格", edit.clear_cells)
        for grid_action in (self.act_copy, self.act_paste):
            # text editors copy and paste for themselves; the action serves the grids
            set_by_key(grid_action, "shortcutContext", "WidgetWithChildrenShortcut")
            grid_area.addAction(grid_action)
        # ---- 视图
        self.act_show_prior = QAction("显示上年数（对照）", parent, checkable=True)
        self.act_show_prior.toggled.connect(host.set_show_prior)
        self.act_show_prior.triggered.connect(host.remember_show_prior)  # the clerk's choice, not ours
        self.act_next_finding = action("下一个问题", host.next_finding, "F8")
        self.act_final = QAction("定稿检查（空白单元格按错误处理）", parent, checkable=True)
        self.act_final.setToolTip("发布前使用：表格中留空的单元格算作错误，应填 0")
        self.act_final.toggled.connect(document.set_final)
        # ---- 帮助
        self.act_help = action("使用说明", host.show_help, keys.HelpContents, "help")
        self.act_help.setShortcuts(key_sequences("F1"))
        self.act_about = action("关于", host.show_about)
        # ---- 编辑, beyond copy and paste (declared last: 使用说明 lists shortcuts in this order)
        self.act_cut = action("剪切", edit.cut, keys.Cut)
        self.act_select_all = action("全选", edit.select_all, keys.SelectAll)
        self.act_find = action("查找/替换…", edit.find_replace, keys.Find)
        self.act_find.setShortcuts(key_sequences(keys.Find, "Ctrl+H"))
        self.act_fill_table = action("填充空白为 0（本表）", edit.fill_current_table)
        self.act_fill_table.setToolTip("把当前表格中所有空白的填报单元格填为 0；已填的不变。可撤销。")
        self.act_fill_all = action("填充空白为 0（全部表格）", edit.fill_all_tables)
        self.act_fill_all.setToolTip("把表二、表三、表四中所有空白的填报单元格填为 0；已填的不变。可撤销。")
        for grid_action in (self.act_cut, self.act_select_all):
            # text fields cut and select for themselves; the action serves the grids
            set_by_key(grid_action, "shortcutContext", "WidgetWithChildrenShortcut")
            grid_area.addAction(grid_action)
        parent.addAction(self.act_find)

    def document_actions(self) -> list[QAction]:
        """Those that need an open report: off while the start page shows (the blank report
        behind it is no report to fill, search, count into or export)."""
        return [self.act_save, self.act_save_as, self.act_import, self.act_import_text, self.act_attach_prior,
                self.act_attach_prior_text, self.act_count_register, self.act_export_docx, self.act_export_xlsx,
                self.act_export_html, self.act_export_pdf, self.act_export_review, self.act_next_finding,
                self.act_final, self.act_clear, self.act_find, self.act_fill_table, self.act_fill_all]

    def build_menus(self, window: QMainWindow) -> QMenu:
        """The menu bar and the toolbar; returns the 最近打开的文件 menu (filled by the window)."""
        bar = window.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addActions([self.act_new, self.act_new_from_prior, self.act_open])
        recent_menu = QMenu("最近打开的文件", window)
        file_menu.addMenu(recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_import_text])
        file_menu.addActions([self.act_attach_prior, self.act_attach_prior_text])
        file_menu.addActions([self.act_count_register, self.act_register_template])
        file_menu.addSeparator()
        file_menu.addActions([self.act_export_docx, self.act_export_xlsx, self.act_export_html, self.act_export_pdf,
                              self.act_export_review])
        file_menu.addSeparator()
        file_menu.addActions([self.act_batch_check, self.act_combine])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_select_all, self.act_clear])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_fill_table, self.act_fill_all])
        view_menu = bar.addMenu("视图(&V)")
        view_menu.addActions([self.act_show_prior, self.act_next_finding, self.act_final])
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addActions([self.act_help, self.act_about])
        toolbar = QToolBar("常用")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        set_by_key(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        toolbar.addActions([self.act_new, self.act_open, self.act_save])
        toolbar.addSeparator()
        toolbar.addActions([self.tb_undo, self.tb_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.act_import, self.act_export_docx, self.act_export_xlsx])
        toolbar.addSeparator()
        toolbar.addAction(self.act_show_prior)
        window.addToolBar(toolbar)
        return recent_menu
