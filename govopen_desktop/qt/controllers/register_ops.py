"""文件 → 从台账生成表三、表四: the current report's tables 3 and 4 counted from the year's
register, as one undo step that also records which register they came from; and the blank
register template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.qt.commands import SetCellsCommand
from govopen_desktop.qt.controllers.controller import WindowController

if TYPE_CHECKING:
    from govopen_desktop.domain.register import RegisterCount

REGISTER_FILTER = "台账（*.xlsx *.xls *.csv）;;所有文件（*）"
TEMPLATE_FILTER = "Excel 工作簿（*.xlsx）"
LEVEL_WORDS = {"error": "无法统计", "warning": "请核对", "info": "提示"}


class SetRegisterInfoCommand(QUndoCommand):
    """The register a report's tables were counted from (project file key "register")."""

    def __init__(self, report: Report, info: dict[str, Any] | None, on_change: Callable[[], None]) -> None:
        from govopen_desktop.domain.register import REGISTER_KEY  # the register package loads on first use

        super().__init__("记录台账来源")
        self.key = REGISTER_KEY
        self.report = report
        self.old = report.extra.get(REGISTER_KEY)
        self.new = info
        self.on_change = on_change

    def _set(self, info: dict[str, Any] | None) -> None:
        if info is None:
            self.report.extra.pop(self.key, None)
        else:
            self.report.extra[self.key] = info
        self.on_change()

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class RegisterController(WindowController):

    def count_from_register(self, path: Path | None = None) -> bool:
        title = "从台账生成表三、表四"
        if path is None:
            path = self.prompter.ask_open_path(title, self.settings.last_dir, REGISTER_FILTER)
            if path is None:
                return False
        from govopen_desktop.domain.register import count_sheets, register_info, register_values
        from govopen_desktop.io.register import read_register_file

        report: Report = self.document.report
        try:
            source = read_register_file(path)
            count = count_sheets(source.sheets, report.meta.year)
        except GovopenError as exc:
            self.prompter.show_error(title, str(exc))
            return False
        self.settings.last_dir = path.parent
        if not count.sheets:
            self.prompter.show_problems(title, f"“{source.name}”中没有可以统计的台账：", _listing(count))
            return False
        values = register_values(report, count)
        stack = self.document.undo_stack
        stack.beginMacro(f"从台账“{source.name}”生成表三、表四")
        stack.push(SetRegisterInfoCommand(report, register_info(count, source.name, source.sha256),
                                          self.document.recheck))
        stack.push(SetCellsCommand(report, values, "填入台账统计数"))
        stack.endMacro()
        tables = "、".join(f"表{report.format.table(t).number}" for t in count.sheets)
        errors = len(count.errors)
        self._status(f"已从台账“{source.name}”统计{tables}（{report.meta.year}年度）"
                     + (f"，{errors} 类台账行无法统计" if errors else "") + "；可撤销。")
        if count.issues:
            self.prompter.show_problems(title, f"台账“{source.name}”中以下各行请核对：", _listing(count))
        return True

    def save_template(self, path: Path | None = None) -> bool:
        year = self.document.report.meta.year
        if path is None:
            suggested = self.settings.last_dir / f"{year}年政府信息公开申请台账.xlsx"
            path = self.prompter.ask_save_path("生成空白台账模板", suggested, TEMPLATE_FILTER)
            if path is None:
                return False
        from govopen_desktop.io.register import write_template

        try:
            write_template(path, year)
        except GovopenError as exc:
            self.prompter.show_error("生成空白台账模板", str(exc))
            return False
        self._status(f"已生成 {year} 年度空白台账模板：{path}")
        return True


def _listing(count: RegisterCount) -> list[str]:
    lines = []
    for issue in count.issues:
        details = "".join(f"\n    {d}" for d in issue.details[:50])
        more = f"\n    ……另有 {len(issue.details) - 50} 行" if len(issue.details) > 50 else ""
        lines.append(f"【{LEVEL_WORDS[issue.level]}】{issue.describe()}{details}{more}")
    return lines
