"""The main window: composes the page stack (qt/page_stack.py), the findings panel, the actions
and menus (qt/actions.py) and the controllers (qt/controllers/), and shows what their signals say:
the title, the status bar, the counts, the recent files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from govopen_desktop.domain.drafts import new_report_texts
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.actions import WindowActions
from govopen_desktop.qt.autosave import Autosaver
from govopen_desktop.qt.controllers.acceptance import AcceptanceController
from govopen_desktop.qt.controllers.edit_ops import EditFeatures
from govopen_desktop.qt.controllers.file_ops import FileController
from govopen_desktop.qt.controllers.import_ops import ImportController
from govopen_desktop.qt.controllers.register_ops import RegisterController
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.findings_panel import FindingsPanel, counts_text
from govopen_desktop.qt.page_stack import PageStack
from govopen_desktop.qt.pages import COVER_PAGE, TablePage
from govopen_desktop.qt.palette import LEVEL_TEXT, OK_TEXT, text_style
from govopen_desktop.qt.prompter import Prompter
from govopen_desktop.qt.qt_keys import FINDING_ROLE, set_by_key
from govopen_desktop.qt.settings import Settings, log_file
from govopen_desktop.qt.settings import recovery_dir as default_recovery_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QPaintEvent

    from govopen_desktop.qt.start_page import StartPage

APP_TITLE = "政府信息公开工作年度报告编制工具"
DEFAULT_SIZE = QSize(1340, 720)  # fits a 1366×768 screen with the taskbar
STATUS_MS = 8000


def blank_report() -> Report:
    """What the window shows when started without a file: last year's report (in January)."""
    today = dt.date.today()
    report = Report.new("", today.year - 1 if today.month <= 6 else today.year)
    report.text.update(new_report_texts(report))
    return report


class MainWindow(QMainWindow):
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
        self.document = document = Document(report or blank_report(), path, self, defer_check=defer_check)
        if recovery_dir is None and recovery_file is not None:
            recovery_dir = recovery_file.parent / "recovery"
        self.autosaver = Autosaver(document, recovery_dir or default_recovery_dir())
        if autosave_ms is not None:
            self.autosaver.timer.setInterval(autosave_ms)
        self.files = FileController(document, self.prompter, self.settings, self.autosaver, self)
        if path is not None:
            self.files.take_lock(path)
        self.imports = ImportController(document, self.prompter, self.settings, self)
        self.registers = RegisterController(document, self.prompter, self.settings, self)
        self.acceptance = AcceptanceController(document, self.prompter, self.settings, self.files, self)
        self.page_stack = PageStack(document, self)
        self.pages = self.page_stack.pages  # built on first view
        self.navigator = self.page_stack.navigator
        self.stack = self.page_stack.stack
        self.edit_features = EditFeatures(document, self.page_stack, self)
        self.start_page: StartPage | None = None  # built when first shown
        self._after_first_paint: list[Callable[[], None]] = []
        self._build_central()
        self.window_actions = WindowActions(self, self, document, self.files, self.imports, self.registers,
                                     self.acceptance, self.edit_features, self.stack)
        self.recent_menu = self.window_actions.build_menus(self)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosaveLabel")
        self.autosave_label.setStyleSheet(text_style(LEVEL_TEXT[Level.ERROR]))
        self.autosave_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.autosave_label)
        self._connect()
        self._on_report_replaced()
        if defer_check:
            self.counts_label.setText("正在检查…")
        else:
            self._on_findings(document.findings)
        self.resize(DEFAULT_SIZE)
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        if self.settings.findings_split is not None:
            self.split.restoreState(self.settings.findings_split)
        self.refresh_recent_menu()
        self.refresh_title()
        self.show_section((document.report.format.open_at or COVER_PAGE) if path is not None else COVER_PAGE)
        if start_page:
            self.show_start_page()

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run `action` once, just after the window has first painted (start-up's check)."""
        self._after_first_paint.append(action)

    def paintEvent(self, event: QPaintEvent) -> None:
        # an override, not an event filter: a filter would have every event of the start wrapped
        # for Python (and the classes of some built) only to wait for this one
        super().paintEvent(event)
        if self._after_first_paint:
            for action in self._after_first_paint:
                QTimer.singleShot(0, action)
            self._after_first_paint = []

    def __getattr__(self, name: str) -> QAction:
        """window.act_save and the like: the actions declared in qt/actions.py."""
        if name.startswith(("act_", "tb_")) and "window_actions" in self.__dict__:
            action: QAction = getattr(self.__dict__["window_actions"], name)
            return action
        raise AttributeError(name)

    # ---- layout and wiring ------------------------------------------------------------------

    def _build_central(self) -> None:
        # built from the window down: with the app's style sheet, each widget that joins a tree
        # restyles its whole subtree, so each part joins once (not the findings list four times)
        self.central_stack = QStackedWidget()  # the report, or the start page
        self.setCentralWidget(self.central_stack)
        self.editor_area = QWidget()
        self.central_stack.addWidget(self.editor_area)
        layout = QHBoxLayout(self.editor_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.split = right = QSplitter()
        set_by_key(right, "orientation", "Vertical")
        layout.addWidget(self.navigator)
        layout.addWidget(right, 1)
        right.addWidget(self.stack)
        self.findings_panel = FindingsPanel(self.page_stack.section_name, right)
        right.addWidget(self.findings_panel)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([540, 150])  # the tables first; the list grows when dragged
        right.setChildrenCollapsible(False)

    def _connect(self) -> None:
        document = self.document
        for source in (self.files, self.imports, self.registers, self.acceptance, self.edit_features,
                       self.page_stack):
            source.statusMessage.connect(self._show_status)
        self.page_stack.pasteProblems.connect(self._show_paste_problems)
        for controller in (self.files, self.imports):
            controller.cellRequested.connect(self.page_stack.go_to_cell)
        self.files.readOnlyChanged.connect(self.refresh_title)
        self.files.recentFilesChanged.connect(self.refresh_recent_menu)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.succeeded.connect(lambda: self.autosave_label.setVisible(False))
        document.findingsChanged.connect(self._on_findings)
        document.modifiedChanged.connect(self.refresh_title)
        document.cellsChanged.connect(self._on_cells_changed)
        document.reportReplaced.connect(self._on_report_replaced)
        document.reportReplaced.connect(self.show_editor)
        self.findings_panel.activated.connect(self.go_to_finding)
        self.findings_panel.applySuggestion.connect(self.apply_suggestion)
        self.findings_panel.acceptRequested.connect(self.acceptance.accept)
        self.findings_panel.withdrawRequested.connect(self.acceptance.withdraw)

    # ---- start page -------------------------------------------------------------------------

    def show_start_page(self) -> None:
        if self.start_page is None:
            from govopen_desktop.qt.start_page import StartPage

            self.start_page = StartPage()
            self.central_stack.addWidget(self.start_page)
            self.start_page.newRequested.connect(lambda: self.files.new_report())
            self.start_page.fromPriorRequested.connect(self.files.new_from_prior)
            self.start_page.openRequested.connect(lambda: self.files.open_file())
            self.start_page.recentRequested.connect(self.files.open_file)
            self.start_page.batchCheckRequested.connect(self.window_actions.act_batch_check.trigger)
            self.start_page.combineRequested.connect(self.window_actions.act_combine.trigger)
        self.start_page.set_recent(self.settings.recent_files)
        self.central_stack.setCurrentWidget(self.start_page)
        self.counts_label.setVisible(False)
        for action in self.window_actions.document_actions():
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
        for action in self.window_actions.document_actions():
            action.setEnabled(True)
        self.refresh_title()

    # ---- state shown in the frame -----------------------------------------------------------

    def refresh_title(self, *_changed: object) -> None:
        if self.on_start_page:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        read_only = "（只读）" if self.files.read_only else ""
        self.setWindowTitle(f"{self.document.display_name}{read_only}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified)

    def _on_cells_changed(self, keys: set[str]) -> None:
        if any(k.startswith("meta.") for k in keys):  # the title names the agency and year
            self.refresh_title()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _show_paste_problems(self, problems: list[str]) -> None:
        self.prompter.show_problems("粘贴", "以下内容不是有效的数字，未粘贴：", problems)

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
        self.page_stack.show_counts(findings)

    def _on_report_replaced(self) -> None:
        prior = self.document.report.prior
        show_prior = self.window_actions.act_show_prior
        show_prior.setEnabled(prior is not None)
        show_prior.setToolTip(
            f"在单元格内显示 {prior.meta.year} 年度报告的数字"
            if prior
            else "本报告没有上年数据（新建时可选择“从上年报告开始”）"
        )
        self.set_show_prior(self.settings.show_prior and prior is not None)
        self.refresh_title()

    # ---- navigation -------------------------------------------------------------------------

    def page(self, page_id: str) -> QWidget:
        return self.page_stack.page(page_id)

    def show_section(self, page_id: str) -> QWidget:
        return self.page_stack.show_section(page_id)

    def current_table_page(self) -> TablePage | None:
        return self.page_stack.current_table_page()

    def go_to_finding(self, finding: Finding) -> None:
        self.page_stack.go_to_finding(finding)
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
            self.go_to_finding(item.data(0, FINDING_ROLE))

    def apply_suggestion(self, finding: Finding) -> None:
        if self.edit_features.apply_suggestion(finding):
            self.go_to_finding(finding)

    def set_show_prior(self, show: bool) -> None:
        self.page_stack.set_show_prior(show)
        if self.window_actions.act_show_prior.isChecked() != show:
            self.window_actions.act_show_prior.setChecked(show)

    def remember_show_prior(self, checked: bool) -> None:
        self.settings.show_prior = checked

    # ---- other windows ----------------------------------------------------------------------

    def open_batch_check(self) -> None:
        from govopen_desktop.qt.review_dialogs import open_batch_dialog

        open_batch_dialog(self)

    def open_combine(self) -> None:
        from govopen_desktop.qt.review_dialogs import open_combine_dialog

        open_combine_dialog(self)

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
        self.settings.findings_split = self.split.saveState()
        self.settings.sync()
        event.accept()
