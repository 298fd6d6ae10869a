"""New, open, save, import, export and recovery: what the File menu does, with its dialogs
asked through the Prompter."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from govopen_desktop.domain.carry import start_next_year
from govopen_desktop.domain.drafts import new_report_texts
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.title import annual_report_title
from govopen_desktop.io.open_any import OpenedReport, open_any
from govopen_desktop.io.project import EXTENSION, ProjectFileError, save_report
from govopen_desktop.qt.autosave import Autosaver, read_recovery, recovery_candidates, recovery_is_newer
from govopen_desktop.qt.commands import SetCellsCommand, SetTextCommand
from govopen_desktop.qt.controllers.controller import WindowController
from govopen_desktop.qt.document import Document
from govopen_desktop.qt.pages import heading_for
from govopen_desktop.qt.prompter import Prompter
from govopen_desktop.qt.settings import Settings

if TYPE_CHECKING:
    from govopen_desktop.qt.new_request import NewReportRequest  # the dialog's answer: not needed at start-up

log = logging.getLogger(__name__)


class FileController(WindowController):
    readOnlyChanged = Signal(bool)  # the file is (no longer) open in another window
    recentFilesChanged = Signal()

    def __init__(self, document: Document, prompter: Prompter, settings: Settings, autosaver: Autosaver,
                 parent: QObject | None = None) -> None:
        super().__init__(document, prompter, settings, parent)
        self.autosaver = autosaver
        self._read_only = False

    @property
    def read_only(self) -> bool:
        """The file is open in another window: Save goes to another name."""
        return self._read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        if value != self._read_only:
            self._read_only = value
            self.readOnlyChanged.emit(value)

    # ---- the document's lock ----------------------------------------------------------------

    def take_lock(self, path: Path) -> bool:
        """Lock `path` for this window; when another window holds it, this one shows it
        read-only (edits are kept in its own recovery file, saved only under another name)."""
        if self.autosaver.bind(path):
            self.read_only = False
            return True
        self.autosaver.bind(None)
        self.read_only = True
        self._status(f"“{path.name}”已在另一个窗口中打开，本窗口为只读查看：保存时请另存为其他文件。")
        return False

    def _open_elsewhere_text(self, path: Path) -> str:
        holder = self.autosaver.holder_of(path)
        who = f"（{holder.describe()}）" if holder is not None else ""
        return (
            f"“{path.name}”已在另一个窗口中打开{who}。\n\n两个窗口同时编辑同一文件会互相覆盖。"
            "可以只读方式查看（修改后只能另存为其他文件），或取消。"
        )

    # ---- new / open -------------------------------------------------------------------------

    def new_from_prior(self) -> bool:
        """从上年报告开始: last year's file first, then the 新建 dialog with it filled in."""
        prior_path = self.prompter.ask_open_path("选择上年报告", self.default_dir())
        if prior_path is None:
            return False
        return self.new_report(prior_path=prior_path)

    def new_report(self, request: NewReportRequest | None = None, *, prior_path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if request is None:
            agency = self.document.report.meta.agency
            if prior_path is not None:
                request = self.prompter.ask_new_report(agency, prior_path=prior_path)
            else:
                request = self.prompter.ask_new_report(agency)
            if request is None:
                return False
        prior: Report | None = request.prior_report  # the dialog has read it already
        if prior is not None and request.prior_problems:
            self.prompter.show_problems("读取上年报告", "上年报告中有以下内容未能读取，请核对：",
                                        request.prior_problems)
        if prior is None and request.prior_path is not None:
            try:
                opened = open_any(request.prior_path)
            except GovopenError as exc:
                self.prompter.show_error("无法读取上年报告", str(exc))
                return False
            if opened.problems:
                self.prompter.show_problems("读取上年报告", "上年报告中有以下内容未能读取，请核对：", opened.problems)
            prior = opened.report
        report = Report.new(request.agency, request.year)
        report.prior = prior
        self.autosaver.bind(None)
        self.read_only = False
        self.document.set_report(report, None)
        stack = self.document.undo_stack
        if prior is not None:
            # the carried numbers go in as one undoable step, so the clerk can see and undo them
            draft = start_next_year(prior, year=request.year, agency=request.agency)
            carried = {k: v for k, v in draft.cells.items() if v is not None and report.format.fields[k].is_input}
            stack.beginMacro("从上年报告开始：带入上年结转数")
            if carried:
                stack.push(SetCellsCommand(report, carried, "带入上年结转数"))
            # last year's text is not carried in: it is shown beside each editor (prior_text.py)
            # to copy from paragraph by paragraph, so no "2024年" slips into this year's report
            stack.endMacro()
            self._status(f"已从 {prior.meta.year} 年度报告带入结转数 {len(carried)} 项；上年数字可在“视图”菜单中对照。")
        elif request.skeleton:
            for key, text in new_report_texts(report).items():
                stack.push(SetTextCommand(report, key, text, heading_for(report, key)))
        return True

    def open_file(self, path: Path | None = None, part: int = 0) -> bool:
        """`part`: which report of a file holding several (a compilation), from 1."""
        if not self.maybe_save():
            return False
        if path is not None:
            return self.load(path, part)
        # several files selected together: the saved pages of one web article split into pages
        paths = self.prompter.ask_open_paths("打开年度报告（分页发布的网页可一起选中各页）", self.settings.last_dir)
        if len(paths) > 1:
            from govopen_desktop.io.importers.pages import page_order

            return self.load_pages(sorted(paths, key=page_order))
        return self.load(paths[0]) if paths else False

    def load_pages(self, paths: list[Path]) -> bool:
        from govopen_desktop.io.open_any import open_pages

        try:
            opened = open_pages(paths)
        except GovopenError as exc:
            self.prompter.show_error("无法打开文件", str(exc))
            return False
        return self._show_opened(opened, paths[0], f"“{paths[0].name}”等 {len(paths)} 页")

    def load(self, path: Path, part: int = 0) -> bool:
        path = Path(path)
        name = f"“{path.name}”" if part <= 1 else f"“{path.name}”的第{part}份报告"
        try:
            opened = open_any(path, every_report=part > 1)
            if part > 1:
                if len(opened.others) < part - 1:
                    raise GovopenError(f"{name}没有找到：文件中只有 {len(opened.others) + 1} 份报告。")
                opened = opened.others[part - 2]
        except ProjectFileError as exc:
            message = str(exc)
            if exc.backup is not None:
                message += f"\n\n同一文件夹中有上次保存前的备份：{exc.backup}，可以打开它。"
            self.prompter.show_error("无法打开文件", message)
            return False
        except GovopenError as exc:
            self.prompter.show_error("无法打开文件", str(exc))
            return False
        return self._show_opened(opened, path, name)

    def _show_opened(self, opened: OpenedReport, path: Path, name: str) -> bool:
        """The report read from `path` (called `name`) in the window."""
        imported = opened.imported
        read_only = False
        if imported:
            self.autosaver.bind(None)
        elif not self.autosaver.bind(path):
            if not self.prompter.confirm("文件已在别处打开", self._open_elsewhere_text(path), "只读查看", "取消"):
                return False
            self.autosaver.bind(None)
            read_only = True
        self.read_only = read_only
        self.document.set_report(opened.report, None if imported else path)
        self.document.imported = imported
        self.settings.last_dir = path.parent
        if imported:
            self.document.import_source = path
            self._status(f"已从{name}导入。保存时请另存为 .govopen 文件。")
        else:
            self.settings.add_recent_file(path)
            self._status(f"已打开“{path.name}”。")
        if opened.problems:
            intro = f"{name}中有以下内容未能读取，请核对："
            self.prompter.show_import_problems("导入时有问题", intro, opened.details, self._go_to_cell)
        self.recentFilesChanged.emit()
        return True

    # ---- save -------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.document.path is None or self.document.imported or self.read_only:
            return self.save_as()
        return self._save_to(self.document.path)

    def default_dir(self) -> Path:
        """Where a file of this report goes: the report's own folder (or the folder of the file
        it was imported from), else the folder last used, else the user's documents folder;
        always absolute, never the program's working folder."""
        for source in (self.document.path, self.document.import_source):
            if source is not None and Path(source).parent.is_dir():
                return Path(source).resolve().parent
        return self.settings.last_dir

    def save_as(self) -> bool:
        meta = self.document.report.meta
        suggested = self.default_dir() / f"{annual_report_title(meta.agency, meta.year)}{EXTENSION}"
        if self.document.path is not None and not self.document.imported and not self.read_only:
            suggested = self.document.path
        path = self.prompter.ask_save_path("保存年度报告", suggested)
        if path is None:
            return False
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        autosaver = self.autosaver
        if not autosaver.bind(path):
            self.prompter.show_error("保存失败", f"“{path.name}”已在另一个窗口中打开，保存会覆盖那边的修改。"
                                     "请换一个文件名，或先关闭那个窗口。")
            return False
        try:
            save_report(self.document.report, path)
        except GovopenError as exc:
            self.prompter.show_error("保存失败", str(exc))
            autosaver.save_now()  # the recovery now lives under the new name: write it again
            return False
        self.read_only = False
        self.document.mark_saved(path)
        autosaver.discard()
        self.settings.add_recent_file(path)
        self.settings.last_dir = path.parent
        self.recentFilesChanged.emit()
        self._status(f"已保存到“{path}”。")
        return True

    def maybe_save(self) -> bool:
        """Before the report is replaced or the window closes: True to go on."""
        if not self.document.is_modified:
            return True
        answer = self.prompter.ask_save_discard_cancel(
            "尚未保存", f"“{self.document.display_name}”有未保存的更改，是否保存？"
        )
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.autosaver.discard()
            return True
        return False

    # ---- export -----------------------------------------------------------------------------

    def export(self, kind: str, path: Path | None = None) -> bool:
        """kind 'docx', 'xlsx', 'html' or 'pdf'; the exporter loads on first use (keeps start-up fast)."""
        from govopen_desktop.io.exporters.kinds import KINDS, load_exporter

        meta = self.document.report.meta
        label = KINDS[kind].label
        if path is None:
            suggested = self.default_dir() / f"{annual_report_title(meta.agency, meta.year)}.{kind}"
            path = self.prompter.ask_save_path(f"导出 {label}", suggested, f"{label} 文件（*.{kind}）")
            if path is None:
                return False
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            notes = load_exporter(kind)(self.document.report, path)
        except GovopenError as exc:
            self.prompter.show_error(f"导出 {label} 失败", str(exc))
            return False
        errors = sum(1 for f in self.document.findings if f.level == "error")
        extra = f"\n\n注意：报告中还有 {errors} 个错误未改正（草稿可以导出，正式报送前请改正）。" if errors else ""
        accepted = sum(1 for f in self.document.findings if f.accepted)
        if accepted:
            extra += f"\n\n有 {accepted} 个警告已说明，可用“文件 → 导出审核说明”列出供审核。"
        extra += "".join(f"\n\n注意：{note}" for note in notes)  # e.g. the date is missing
        self.after_export(f"导出 {label}", path, extra)
        return True

    def after_export(self, title: str, path: Path, extra: str = "") -> None:
        """Say where the file went, and offer to open it or its folder."""
        self.settings.last_dir = path.parent
        self._status(f"{title.replace('导出', '已导出', 1)}：{path}")
        answer = self.prompter.ask_choice(title, f"已导出到：\n{path}{extra}", ["打开文档", "打开文件夹", "关闭"])
        from PySide6.QtCore import QUrl  # with the first export, not at start-up (their enums: ~1.5 ms)
        from PySide6.QtGui import QDesktopServices

        if answer == 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif answer == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    # ---- recovery ---------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """On start: if an earlier session left unsaved changes (its window is gone: its lock is
        free or stale), offer them back, newest first. Recovery files of windows still open are
        left alone."""
        autosaver = self.autosaver
        for recovery_file, lock in recovery_candidates(autosaver.recovery_dir, autosaver.key):
            recovered = read_recovery(recovery_file)
            if recovered is None or not recovery_is_newer(recovery_file, recovered):
                recovery_file.unlink(missing_ok=True)
                lock.release()
                continue
            meta = recovered.report.meta
            where = f"（{recovered.path}）" if recovered.path else ""
            if not self.prompter.confirm(
                "恢复未保存的更改",
                f"检测到未保存的更改，是否恢复？\n\n{meta.agency}{meta.year}年度报告{where}",
                "恢复",
                "放弃",
            ):
                recovery_file.unlink(missing_ok=True)
                lock.release()
                continue
            autosaver.adopt(lock)
            self.read_only = False
            self.document.set_report(recovered.report, recovered.path, restored=True)
            self._status("已恢复上次未保存的更改，请核对后保存。")
            return True
        return False
