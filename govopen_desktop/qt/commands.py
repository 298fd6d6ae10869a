"""Undo commands: every change of the report goes through one of these on the QUndoStack."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value

SET_CELL_ID = 1
SET_TEXT_ID = 2


class SetCellsCommand(QUndoCommand):
    """Set cells of the report. The first redo records exactly what changed (derived totals
    included), so undo restores the old values as they were, even a published total that
    disagreed with its parts."""

    def __init__(
        self,
        report: Report,
        values: Mapping[str, Value | str],
        text: str,
        *,
        force_all: bool = False,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.report = report
        self.values = dict(values)
        self.force_all = force_all  # import keeps published totals as printed
        self.old: dict[str, Value] = {}
        self.new: dict[str, Value] = {}
        self._done_once = False

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.values)

    def redo(self) -> None:
        if self._done_once:
            self.report.set_values(self.new, force=True)
            return
        before = dict(self.report.cells)
        fields = self.report.format.fields
        inputs = {k: v for k, v in self.values.items() if fields[k].is_input}
        derived = {k: v for k, v in self.values.items() if not fields[k].is_input}
        changed: set[str] = set()
        if self.force_all:
            changed |= self.report.set_values(self.values, force=True)
        else:
            changed |= self.report.set_values(inputs)
            if derived:  # a suggestion may set a total to the sum of its parts
                changed |= self.report.set_values(derived, force=True)
        self.old = {k: before.get(k) for k in changed}
        self.new = {k: self.report.cells.get(k) for k in changed}
        self._done_once = True
        if not changed:
            self.setObsolete(True)

    def undo(self) -> None:
        self.report.set_values(self.old, force=True)


class SetCellCommand(SetCellsCommand):
    """One typed cell; consecutive edits of the same cell merge into one undo step."""

    def __init__(
        self, report: Report, key: str, value: Value | str, label: str, extra: Mapping[str, Value] | None = None
    ) -> None:
        # extra: cells set with it, e.g. the unit (元/万元) written with 采购总金额
        super().__init__(report, {key: value, **(extra or {})}, f"填写“{label}”")
        self.key = key

    def id(self) -> int:
        return SET_CELL_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetCellCommand) or other.key != self.key:
            return False
        for key, old in other.old.items():
            self.old.setdefault(key, old)
        self.new.update(other.new)
        return True


class SetTextCommand(QUndoCommand):
    """A text section; typing in one section merges into one step until another change comes."""

    def __init__(self, report: Report, key: str, new: str | None, title: str) -> None:
        super().__init__(f"编辑“{title}”")
        self.report = report
        self.key = key
        self.old = report.text.get(key)
        self.new = new or None

    def id(self) -> int:
        return SET_TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.report.set_text(self.key, self.new)

    def undo(self) -> None:
        self.report.set_text(self.key, self.old)


class SetMetaCommand(QUndoCommand):
    """Agency, year or date. A year in the other format's range converts the report, so undo
    restores the whole cell set as it was."""

    def __init__(self, report: Report, changes: Mapping[str, Any], text: str = "修改封面信息") -> None:
        super().__init__(text)
        self.report = report
        self.changes = dict(changes)
        self.old_meta = {name: getattr(report.meta, name) for name in self.changes}
        self.old_format = report.meta.format
        self.old_cells = dict(report.cells)

    def redo(self) -> None:
        self.report.set_meta(**self.changes)

    def undo(self) -> None:
        self.report.set_meta(**self.old_meta)
        if self.report.meta.format != self.old_format:
            self.report.convert_format(self.old_format)
        self.report.set_values(self.old_cells, force=True)


class SetPriorCommand(QUndoCommand):
    """Attach last year's report (or remove it): the comparison and cross-year checks follow."""

    def __init__(self, report: Report, prior: Report | None, text: str = "附加上年报告") -> None:
        super().__init__(text)
        self.report = report
        self.old = report.prior
        self.new = prior

    def redo(self) -> None:
        self.report.set_prior(self.new)

    def undo(self) -> None:
        self.report.set_prior(self.old)


class ConvertFormatCommand(QUndoCommand):
    """Move the report to another official format (cells both share keep their values); undo
    restores the old format and every cell as it was."""

    def __init__(self, report: Report, format_id: str, text: str = "改用适用的报告格式") -> None:
        super().__init__(text)
        self.report = report
        self.new_format = format_id
        self.old_format = report.meta.format
        self.old_cells = dict(report.cells)

    def redo(self) -> None:
        self.report.convert_format(self.new_format)

    def undo(self) -> None:
        self.report.convert_format(self.old_format)
        self.report.set_values(self.old_cells, force=True)
