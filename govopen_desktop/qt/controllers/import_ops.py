"""Bringing numbers in: another file or pasted text into the current report, and last year's
report attached for comparison and carry-over. Every change is one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from govopen_desktop.domain.carry import carry_over_pairs
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.io.open_any import OpenedReport, open_any
from govopen_desktop.qt.commands import SetCellsCommand, SetPriorCommand, SetTextCommand
from govopen_desktop.qt.controllers.controller import WindowController
from govopen_desktop.qt.pages import heading_for

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


PASTE_INTRO = (
    "从政府网站、PDF 或 Word 中复制整篇年度报告（包括三张表格）的文字，粘贴到下面。"
    "程序按官方表格的标签逐格读取数字；读不到的单元格会列出来，不会当作 0。"
)

In = TypeVar("In")
Out = TypeVar("Out")
Source = tuple[OpenedReport, str]  # what was read, and how to name it (“年报.docx”, 粘贴的文字)


def _use(source: Source | None, use: Callable[[OpenedReport, str], bool]) -> bool:
    """Bring in what was read (a file or pasted text); False where nothing was: the clerk
    cancelled, or the reason was said already."""
    return source is not None and use(*source)


class ImportController(WindowController):

    # ---- reading a source -------------------------------------------------------------------

    def _open(self, path: Path | None, title: str) -> Source | None:
        if path is None:
            path = self.prompter.ask_open_path(title, self.settings.last_dir)
            if path is None:
                return None
        opened = self._read(title, open_any, path)
        if opened is None:
            return None
        self.settings.last_dir = path.parent
        return opened, f"“{path.name}”"

    def _paste(self, title: str) -> Source | None:
        text = self.prompter.ask_text(title, PASTE_INTRO)
        if not text:
            return None
        from govopen_desktop.io.importers import import_text

        result = self._read(title, import_text, text)
        if result is None:
            return None
        return OpenedReport(result.report, [p.describe() for p in result.problems], imported=True,
                            details=list(result.problems), summary=result.summary().describe()), "粘贴的文字"

    def _read(self, title: str, read: Callable[[In], Out], source: In) -> Out | None:
        """`read(source)`; None where it cannot be read, the reason said under `title`."""
        try:
            return read(source)
        except GovopenError as exc:
            self.prompter.show_error(title, str(exc))
            return None

    def _tell_problems(self, opened: OpenedReport, name: str, *, same_cells: bool = True) -> None:
        """`same_cells`: the problems' cells are the open report's (imported into it), so each
        can be gone to; last year's report attached has cells of its own."""
        if opened.problems:
            summary = f"{opened.summary}\n" if opened.summary else ""
            intro = f"{summary}{name}中有以下内容未能读取，请核对："
            go_to = self._go_to_cell if same_cells else None
            self.prompter.show_import_problems("导入时有问题", intro, opened.details, go_to)

    # ---- into the current report ------------------------------------------------------------

    def import_into(self, path: Path | None = None) -> bool:
        return _use(self._open(path, "导入到当前报告"), self._merge)

    def import_pasted_text(self) -> bool:
        return _use(self._paste("粘贴文字导入到当前报告"), self._merge)

    def _merge(self, opened: OpenedReport, name: str) -> bool:
        report = self.document.report
        source = opened.report
        if source.meta.year != report.meta.year and not self.prompter.confirm(
            "导入到当前报告",
            f"{name}是 {source.meta.year} 年度的报告，当前报告是 {report.meta.year} 年度。"
            f"导入会用它的数字和文字覆盖当前报告中的相应内容（包括上年结转数）。\n\n"
            f"若要对照上年数字，请改用“文件 → 附加上年报告”。仍要导入吗？",
            "仍要导入",
            "取消",
        ):
            self._status("未导入。")
            return False
        fields = report.format.fields
        values = {k: v for k, v in source.cells.items() if k in fields and v is not None}
        stack = self.document.undo_stack
        stack.beginMacro(f"导入{name}")
        if values:
            stack.push(SetCellsCommand(report, values, "导入表格数字", force_all=True))
        for key in TEXT_KEYS:
            if source.text.get(key) and source.text.get(key) != report.text.get(key):
                stack.push(SetTextCommand(report, key, source.text[key], heading_for(report, key)))
        stack.endMacro()
        skipped = sum(1 for k, v in source.cells.items() if v is not None and k not in fields)
        note = f"已导入 {len(values)} 个数字。" + (f"{skipped} 个数字不属于本年度格式，未导入。" if skipped else "")
        self._status(note + "可用“撤销”恢复导入前的内容。")
        self._tell_problems(opened, name)
        return True

    # ---- last year's report -----------------------------------------------------------------

    def attach_prior(self, path: Path | None = None) -> bool:
        return _use(self._open(path, "附加上年报告"), self._attach)

    def attach_prior_text(self) -> bool:
        return _use(self._paste("粘贴上年报告文字"), self._attach)

    def _attach(self, opened: OpenedReport, name: str) -> bool:
        report: Report = self.document.report
        prior = opened.report
        if prior.meta.year != report.meta.year - 1 and not self.prompter.confirm(
            "附加上年报告",
            f"{name}是 {prior.meta.year} 年度的报告，本报告是 {report.meta.year} 年度。仍要作为上年报告附加吗？",
        ):
            return False
        carried = {
            this_key: prior.get(prior_key)
            for this_key, prior_key in carry_over_pairs(report, prior)
            if report.format.fields[this_key].is_input and prior.get(prior_key) is not None
        }
        stack = self.document.undo_stack
        stack.beginMacro(f"附加上年报告（{prior.meta.year}年度）")
        stack.push(SetPriorCommand(report, prior))
        if carried:
            stack.push(SetCellsCommand(report, carried, "带入上年结转数"))
        stack.endMacro()
        self._status(f"已附加 {prior.meta.year} 年度报告，带入上年结转数 {len(carried)} 项；可撤销。")
        self._tell_problems(opened, name, same_cells=False)
        return True
