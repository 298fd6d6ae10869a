"""The main window: composes the navigator, the pages, the findings panel and the actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from govopen_desktop.domain.drafts import new_report_texts
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.acceptance import AcceptanceController
from govopen_desktop.qt.autosave import Autosaver
from govopen_desktop.qt.commands import ConvertFormatCommand, SetCellsCommand
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.file_ops import FileController
from govopen_desktop.qt.findings_panel import FindingsPanel, counts_text, is_text_finding, text_target
from govopen_desktop.qt.icons import icon
from govopen_desktop.qt.import_ops import ImportController
from govopen_desktop.qt.pages import COVER_PAGE, NAV_ENTRIES, TablePage, build_page
from govopen_desktop.qt.prompter import Prompter
from govopen_desktop.qt.register_ops import RegisterController
from govopen_desktop.qt.review_dialogs import install_review_actions
from govopen_desktop.qt.settings import Settings, log_file
from govopen_desktop.qt.settings import recovery_dir as default_recovery_dir

if TYPE_CHECKING:
    from govopen_desktop.qt.start_page import StartPage
from govopen_desktop.qt.palette import LEVEL_TEXT, OK_TEXT, text_style
from govopen_desktop.qt.text_editors import TextSectionEditor

APP_TITLE = "政府信息公开工作年度报告编制工具"
DEFAULT_SIZE = QSize(1340, 720)  # fits a 1366×768 screen with the taskbar


def blank_report() -> Report:
    """What the window shows when started without a file: last year's report (in January)."""
    today = dt.date.today()
    report = Report.new("", today.year - 1 if today.month <= 6 else today.year)
    report.text.update(new_report_texts(report))
    return report


class MainWindow(QMainWindow):
    act_batch_check: QAction  # set by install_review_actions (qt/review_dialogs.py)
    act_combine: QAction

    def __init__(
        self,
        report: Report | None = None,
        path: Path | None = None,
        *,
        settings: Settings | None = None,
        prompter: Prompter | None = None,
        recovery_dir: Path | None = None,
        autosave_ms: int | None = None,
        start_page: bool = False,
        recovery_file: Path | None = None,  # earlier name: its folder becomes the recovery folder
        defer_check: bool = False,
    ) -> None:
        """`defer_check`: start-up paints first; app.show_then_check runs the one check after."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.prompter = prompter or Prompter(self)
        self.document = Document(report or blank_report(), path, self, defer_check=defer_check)
        if recovery_dir is None and recovery_file is not None:
            recovery_dir = recovery_file.parent / "recovery"
        self.autosaver = Autosaver(self.document, recovery_dir or default_recovery_dir())
        if autosave_ms is not None:
            self.autosaver.timer.setInterval(autosave_ms)
        self.files = FileController(self)
        if path is not None:
            self.files.take_lock(path)
        self.imports = ImportController(self)
        self.registers = RegisterController(self)
        self.acceptance = AcceptanceController(self)
        self.pages: dict[str, QWidget] = {}  # built on first view
        self.start_page: StartPage | None = None  # built when first shown
        self._build_central()
        self._build_actions()
        self._build_menus()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosaveLabel")
        self.autosave_label.setStyleSheet(text_style(LEVEL_TEXT[Level.ERROR]))
        self.autosave_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.succeeded.connect(lambda: self.autosave_label.setVisible(False))
        self.document.findingsChanged.connect(self._on_findings)
        self.document.modifiedChanged.connect(self._on_modified_changed)
        self.document.reportReplaced.connect(self._on_report_replaced)
        self.document.reportReplaced.connect(self.show_editor)
        self.findings_panel.activated.connect(self.go_to_finding)
        self.findings_panel.applySuggestion.connect(self.apply_suggestion)
        self.findings_panel.acceptRequested.connect(self.acceptance.accept)
        self.findings_panel.withdrawRequested.connect(self.acceptance.withdraw)
        from govopen_desktop.qt.edit_ops import EditFeatures

        self.edit_features = EditFeatures(self)  # 剪切, 全选, 查找/替换, 填充空白为 0, live title
        self._on_report_replaced()
        if defer_check:
            self.counts_label.setText("正在检查…")
        else:
            self._on_findings(self.document.findings)
        self.resize(DEFAULT_SIZE)
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        self.refresh_recent_menu()
        self.refresh_title()
        self.show_section((self.document.report.format.open_at or COVER_PAGE) if path is not None else COVER_PAGE)
        if start_page:
            self.show_start_page()

    # ---- layout -----------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        for page_id, name in NAV_ENTRIES:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setSizeHint(QSize(0, 36))
            self.navigator.addItem(item)
        self.navigator.setFixedWidth(168)
        self.stack = QStackedWidget()
        for _entry in NAV_ENTRIES:
            self.stack.addWidget(QWidget())  # placeholders until a page is first shown
        self.navigator.currentRowChanged.connect(self._show_row)
        self.findings_panel = FindingsPanel(self._section_name)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.stack)
        right.addWidget(self.findings_panel)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([540, 150])  # the tables first; the list grows when dragged
        right.setChildrenCollapsible(False)
        self.editor_area = QWidget()
        layout = QHBoxLayout(self.editor_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigator)
        layout.addWidget(right, 1)
        self.central_stack = QStackedWidget()  # the report, or the start page
        self.central_stack.addWidget(self.editor_area)
        self.setCentralWidget(self.central_stack)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        f = self.files
        self.act_new = self._action("新建…", f.new_report, keys.New, "new")
        self.act_open = self._action("打开…", f.open_file, keys.Open, "open")
        self.act_new_from_prior = self._action("从上年报告开始…", f.new_from_prior)
        self.act_save = self._action("保存", f.save, keys.Save, "save")
        self.act_save_as = self._action("另存为…", f.save_as, "Ctrl+Shift+S")
        imports = self.imports
        self.act_import = self._action("导入到当前报告…", imports.import_into, None, "import")
        self.act_import_text = self._action("粘贴文字导入…", imports.import_pasted_text)
        self.act_attach_prior = self._action("附加上年报告…", imports.attach_prior)
        self.act_attach_prior_text = self._action("粘贴上年报告文字…", imports.attach_prior_text)
        self.act_export_docx = self._action("导出 Word…", lambda: f.export("docx"), None, "export")
        self.act_export_xlsx = self._action("导出 Excel…", lambda: f.export("xlsx"), None, "export")
        self.act_export_html = self._action("导出网页（发布用）…", lambda: f.export("html"))
        self.act_export_pdf = self._action("导出 PDF…", lambda: f.export("pdf"))
        self.act_export_review = self._action("导出审核说明（Word）…", self.acceptance.export_review_notes)
        self.act_export_review.setToolTip("列出已说明的警告及其说明，供审核单位参阅")
        self.act_quit = self._action("退出", self.close, "Ctrl+Q")
        stack = self.document.undo_stack
        self.act_undo = stack.createUndoAction(self, "撤销")
        self.act_undo.setShortcut(QKeySequence(keys.Undo))
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = stack.createRedoAction(self, "重做")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(keys.Redo)])
        self.act_redo.setIcon(icon("redo"))
        # the toolbar keeps short labels; the menu items say what will be undone
        self.tb_undo = self._action("撤销", stack.undo, None, "undo")
        self.tb_redo = self._action("重做", stack.redo, None, "redo")
        self.tb_undo.setEnabled(False)
        self.tb_redo.setEnabled(False)
        stack.canUndoChanged.connect(self.tb_undo.setEnabled)
        stack.canRedoChanged.connect(self.tb_redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.tb_undo.setToolTip(f"撤销：{text}（Ctrl+Z）"))
        stack.redoTextChanged.connect(lambda text: self.tb_redo.setToolTip(f"重做：{text}（Ctrl+Y）"))
        self.act_copy = self._action("复制", self.copy, keys.Copy)
        self.act_paste = self._action("粘贴", self.paste, keys.Paste)
        self.act_clear = self._action("清除单元格", self.clear_cells)
        self.act_show_prior = QAction("显示上年数（对照）", self, checkable=True)
        self.act_show_prior.toggled.connect(self.set_show_prior)
        self.act_show_prior.triggered.connect(self._remember_show_prior)  # the clerk's choice, not ours
        self.act_next_finding = self._action("下一个问题", self.next_finding, "F8")
        self.act_final = QAction("定稿检查（空白单元格按错误处理）", self, checkable=True)
        self.act_final.setToolTip("发布前使用：表格中留空的单元格算作错误，应填 0")
        self.act_final.toggled.connect(self.document.set_final)
        self.act_help = self._action("使用说明", self.show_help, keys.HelpContents, "help")
        self.act_help.setShortcut(QKeySequence("F1"))
        self.act_about = self._action("关于", self.show_about)
        for action in (self.act_copy, self.act_paste):
            # text editors handle their own copy/paste; the action serves the grids
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.stack.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addActions([self.act_new, self.act_new_from_prior, self.act_open])
        self.recent_menu = QMenu("最近打开的文件", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_import_text])
        file_menu.addActions([self.act_attach_prior, self.act_attach_prior_text])
        file_menu.addActions(self.registers.menu_actions())
        file_menu.addSeparator()
        file_menu.addActions([self.act_export_docx, self.act_export_xlsx, self.act_export_html, self.act_export_pdf,
                              self.act_export_review])
        install_review_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu("编辑(&E)")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_copy, self.act_paste, self.act_clear])
        view_menu = bar.addMenu("视图(&V)")
        view_menu.addActions([self.act_show_prior, self.act_next_finding, self.act_final])
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addActions([self.act_help, self.act_about])
        toolbar = QToolBar("常用")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.act_new, self.act_open, self.act_save])
        toolbar.addSeparator()
        toolbar.addActions([self.tb_undo, self.tb_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.act_import, self.act_export_docx, self.act_export_xlsx])
        toolbar.addSeparator()
        toolbar.addAction(self.act_show_prior)
        self.addToolBar(toolbar)

    # ---- start page -------------------------------------------------------------------------

    def _document_actions(self) -> list[QAction]:
        return [self.act_save, self.act_save_as, self.act_import, self.act_import_text, self.act_attach_prior,
                self.act_attach_prior_text, self.act_export_docx, self.act_export_xlsx, self.act_export_review,
                self.act_next_finding, self.act_final]

    def show_start_page(self) -> None:
        if self.start_page is None:
            from govopen_desktop.qt.start_page import StartPage

            self.start_page = StartPage()
            self.central_stack.addWidget(self.start_page)
            self.start_page.newRequested.connect(lambda: self.files.new_report())
            self.start_page.fromPriorRequested.connect(self.files.new_from_prior)
            self.start_page.openRequested.connect(lambda: self.files.open_file())
            self.start_page.recentRequested.connect(self.files.open_file)
            self.start_page.batchCheckRequested.connect(self.act_batch_check.trigger)
            self.start_page.combineRequested.connect(self.act_combine.trigger)
        self.start_page.set_recent(self.settings.recent_files)
        self.central_stack.setCurrentWidget(self.start_page)
        self.counts_label.setVisible(False)
        for action in self._document_actions():
            action.setEnabled(False)
        self.refresh_title()

    @property
    def on_start_page(self) -> bool:
        return self.start_page is not None and self.central_stack.currentWidget() is self.start_page

    def show_editor(self) -> None:
        if not self.on_start_page:
            return
        self.central_stack.setCurrentWidget(self.editor_area)
        self.counts_label.setVisible(True)
        for action in self._document_actions():
            action.setEnabled(True)
        self.refresh_title()

    # ---- state shown in the frame -----------------------------------------------------------

    def refresh_title(self) -> None:
        if self.on_start_page:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        read_only = "（只读）" if self.files.read_only else ""
        self.setWindowTitle(f"{self.document.display_name}{read_only}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified)

    def _on_modified_changed(self, _modified: bool) -> None:
        self.refresh_title()

    def _on_autosave_failed(self, reason: str) -> None:
        seconds = max(1, round(self.autosaver.timer.interval() / 1000))
        self.autosave_label.setText(f"自动保存失败，{seconds} 秒后重试")
        self.autosave_label.setToolTip(f"{reason}\n请尽快用“保存”或“另存为”保存到其他位置。")
        self.autosave_label.setVisible(True)
        self.statusBar().showMessage(f"自动保存失败：{reason}", 10000)

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.files.open_file(p))
        if not recent:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def _on_findings(self, findings: list[Finding]) -> None:
        self.findings_panel.set_findings(self.document.report, findings)
        self.counts_label.setText(counts_text(findings))
        worst = "error" if any(f.level == Level.ERROR for f in findings) else "ok"
        if self.counts_label.property("level") != worst:
            # the palette's text colour: a style sheet of its own would restyle the label each time
            self.counts_label.setProperty("level", worst)
            palette = self.counts_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, LEVEL_TEXT[Level.ERROR] if worst == "error" else OK_TEXT)
            self.counts_label.setPalette(palette)
        per_page: dict[str, int] = {}
        for finding in findings:
            if finding.accepted:
                continue  # explained: no longer open
            page = self._page_of(finding)
            per_page[page] = per_page.get(page, 0) + 1
        for row, (page_id, name) in enumerate(NAV_ENTRIES):
            n = per_page.get(page_id, 0)
            item = self.navigator.item(row)
            text = f"{name}（{n}）" if n else name
            if item.text() != text:
                item.setText(text)

    def _section_name(self, finding: Finding) -> str:
        return dict(NAV_ENTRIES)[self._page_of(finding)]

    def _on_report_replaced(self) -> None:
        prior = self.document.report.prior
        self.act_show_prior.setEnabled(prior is not None)
        self.act_show_prior.setToolTip(
            f"在单元格内显示 {prior.meta.year} 年度报告的数字"
            if prior
            else "本报告没有上年数据（新建时可选择“从上年报告开始”）"
        )
        self.set_show_prior(self.settings.show_prior and prior is not None)
        self.refresh_title()

    # ---- navigation -------------------------------------------------------------------------

    def page(self, page_id: str) -> QWidget:
        """The page, built on first use."""
        if page_id not in self.pages:
            page = build_page(self.document, page_id)
            row = [p for p, _n in NAV_ENTRIES].index(page_id)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[page_id] = page
            if isinstance(page, TablePage):
                page.view.statusMessage.connect(self._show_status)
                page.view.pasteProblems.connect(self._show_paste_problems)
                page.view.delegate.show_prior = self.act_show_prior.isChecked()
                page.model.set_show_prior(self.act_show_prior.isChecked())
        return self.pages[page_id]

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.page(NAV_ENTRIES[row][0])
            self.stack.setCurrentIndex(row)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_paste_problems(self, problems: list[str]) -> None:
        self.prompter.show_problems("粘贴", "以下内容不是有效的数字，未粘贴：", problems)

    def show_section(self, page_id: str) -> QWidget:
        page = self.page(page_id)
        self.navigator.setCurrentRow([p for p, _n in NAV_ENTRIES].index(page_id))
        return page

    def _page_of(self, finding: Finding) -> str:
        if is_text_finding(finding):
            return finding.section or self.document.report.format.text_keys[0]  # about a sentence: go to the text
        fields = self.document.report.format.fields
        if finding.cells and finding.cells[0] in fields:
            return fields[finding.cells[0]].table
        section = finding.section or ""
        return section if section in dict(NAV_ENTRIES) else COVER_PAGE

    def go_to_finding(self, finding: Finding) -> None:
        if (target := text_target(self.document.report, finding)) is not None:
            text_page = self.show_section(target[0])
            if isinstance(text_page, TextSectionEditor):
                text_page.highlight(target[1], target[2])
            self.statusBar().showMessage(finding.message, 10000)
            return
        page = self.show_section(self._page_of(finding))
        if isinstance(page, TablePage) and finding.cells:
            page.view.go_to_key(finding.cells[0])
        elif isinstance(page, TextSectionEditor):
            page.editor.setFocus()
        self.statusBar().showMessage(finding.message, 10000)

    def next_finding(self) -> None:
        findings = self.document.findings
        if findings:
            tree = self.findings_panel.tree
            items = self.findings_panel.items()
            current = tree.currentItem()
            position = items.index(current) + 1 if current in items else 0
            item = items[position % len(items)]
            tree.setCurrentItem(item)
            self.go_to_finding(item.data(0, Qt.ItemDataRole.UserRole + 1))

    def current_table_page(self) -> TablePage | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, TablePage) else None

    # ---- edit actions -----------------------------------------------------------------------

    def _text_widget(self) -> QLineEdit | QPlainTextEdit | None:
        """The focused text field, if any: it copies and pastes for itself."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.objectName() != "cellEditor":
            return widget
        return None

    def copy(self) -> None:
        text = self._text_widget()
        page = self.current_table_page()
        if text is not None:
            text.copy()
        elif page is not None:
            page.view.copy_selection()

    def paste(self) -> None:
        text = self._text_widget()
        page = self.current_table_page()
        if text is not None:
            text.paste()
        elif page is not None:
            page.view.paste()

    def clear_cells(self) -> None:
        page = self.current_table_page()
        if page is not None:
            page.view.clear_selection()

    def apply_suggestion(self, finding: Finding) -> None:
        if not finding.suggested:
            return
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
        self.statusBar().showMessage(f"已应用建议值（{done}），可撤销。", 8000)
        self.go_to_finding(finding)

    def set_show_prior(self, show: bool) -> None:
        for page in self.pages.values():
            if isinstance(page, TablePage):
                page.view.delegate.show_prior = show
                page.model.set_show_prior(show)
        if self.act_show_prior.isChecked() != show:
            self.act_show_prior.setChecked(show)

    def _remember_show_prior(self, checked: bool) -> None:
        self.settings.show_prior = checked

    def show_help(self) -> None:
        from govopen_desktop.qt.help import HelpDialog

        HelpDialog(self, self.findChildren(QAction)).exec()

    def show_about(self) -> None:
        from govopen_desktop.qt.help import AboutDialog

        AboutDialog(self, log_file(), self.autosaver.recovery_dir).exec()

    # ---- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.close()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
