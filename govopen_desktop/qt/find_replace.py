"""查找/替换 over what the clerk writes: the agency, the texts (the notes under the tables too:
find and replace) and the printed labels of the tables (find only: they are the official form).
Every replacement is an undo step of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from govopen_desktop.domain.report import TEXT_KEYS
from govopen_desktop.qt.commands import SetMetaCommand, SetTextCommand
from govopen_desktop.qt.dialog_buttons import seat_buttons
from govopen_desktop.qt.forms import child, load_form
from govopen_desktop.qt.pages import NAV_ENTRIES, TablePage, heading_for, page_of_text
from govopen_desktop.qt.text_editors import CoverEditor, TextSectionEditor
from govopen_desktop.qt.text_positions import to_position

if TYPE_CHECKING:
    from collections.abc import Callable

    from govopen_desktop.qt.document import Document
    from govopen_desktop.qt.page_stack import PageStack

FIND_BG = QColor("#c8e1ff")


@dataclass(frozen=True)
class Match:
    page: str  # "cover", a text key (a table's note among them) or a table id
    start: int = 0  # in the agency or the text
    end: int = 0
    row: int = -1  # a table label's grid position
    col: int = -1

    @property
    def replaceable(self) -> bool:
        return self.row < 0


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while needle and start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return found


class FindReplaceDialog(QDialog):
    def __init__(self, document: Document, pages: PageStack, status: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.pages = pages
        self.say = status
        self.setWindowTitle("查找和替换")
        self.setObjectName("findReplace")
        self.setModal(False)
        form = load_form("find_replace", self)  # ui/find_replace.ui
        self.find_edit = child(form, QLineEdit, "findText")
        self.replace_edit = child(form, QLineEdit, "replaceText")
        self.status = child(form, QLabel, "findStatus")
        buttons = seat_buttons(child(form, QDialogButtonBox, "buttons"))
        self.next_button = child(form, QPushButton, "nextButton")
        self.replace_button = child(form, QPushButton, "replaceButton")
        self.replace_all_button = child(form, QPushButton, "replaceAllButton")
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        buttons.rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)
        self.current: Match | None = None
        self.resize(460, self.sizeHint().height())

    # ---- where the text is ------------------------------------------------------------------

    def matches(self) -> list[Match]:
        """Every occurrence, in the order of the navigator (cover, 一, tables, 五, 六)."""
        needle = self.find_edit.text()
        if not needle:
            return []
        report = self.document.report
        found: list[Match] = []
        for page_id, _name in NAV_ENTRIES:
            if page_id == "cover":
                found += [Match("cover", s, e) for s, e in occurrences(report.meta.agency, needle)]
            elif page_id in TEXT_KEYS:
                found += [Match(page_id, s, e) for s, e in occurrences(report.text.get(page_id) or "", needle)]
            elif page_id in {t.id for t in report.format.tables}:
                table = report.format.table(page_id)
                found += [Match(page_id, row=c.row, col=c.col) for c in table.cells
                          if c.key is None and c.text and needle in c.text]
                if note := report.format.note_of(page_id):  # the note under the grid
                    found += [Match(note, s, e) for s, e in occurrences(report.text.get(note) or "", needle)]
        return found

    def find_next(self) -> Match | None:
        found = self.matches()
        if not found:
            self.status.setText(f"没有找到“{self.find_edit.text()}”。" if self.find_edit.text() else "请填写查找内容。")
            self.current = None
            return None
        position = found.index(self.current) + 1 if self.current in found else 0
        self.current = found[position % len(found)]
        self._show(self.current)
        where = self._where(self.current)
        self.status.setText(f"第 {found.index(self.current) + 1} 处，共 {len(found)} 处：{where}"
                            + ("" if self.current.replaceable else "（表格标签，只能查找）"))
        return self.current

    def _where(self, match: Match) -> str:
        """The navigator's name of the match's page; a table's note: 表下说明 of that page."""
        report = self.document.report
        name = dict(NAV_ENTRIES)[page_of_text(report, match.page)]
        return f"{name} · 表下说明" if report.format.is_note(match.page) else name

    def _show(self, match: Match) -> None:
        report = self.document.report
        if report.format.is_note(match.page):
            page: QWidget | None = self.pages.show_text(match.page)
        else:
            page = self.pages.show_section(match.page)
        if isinstance(page, TextSectionEditor):
            page.select(match.start, match.end)
            page.set_marks("find", [(match.start, match.end)], FIND_BG)
        elif isinstance(page, CoverEditor):
            agency = page.agency.text()
            start = to_position(agency, match.start)
            page.agency.setSelection(start, to_position(agency, match.end) - start)
        elif isinstance(page, TablePage):
            index = page.model.index(match.row, match.col)
            page.view.setCurrentIndex(index)
            page.view.scrollTo(index)

    # ---- replacing --------------------------------------------------------------------------

    def _replaced(self, text: str, spans: list[tuple[int, int]]) -> str:
        new = self.replace_edit.text()
        for start, end in reversed(spans):
            text = text[:start] + new + text[end:]
        return text

    def _push(self, page: str, spans: list[tuple[int, int]], label: str) -> None:
        document = self.document
        report = document.report
        stack = document.undo_stack
        stack.beginMacro(label)  # its own step: never merged with typing before or after
        if page == "cover":
            stack.push(SetMetaCommand(report, {"agency": self._replaced(report.meta.agency, spans)}, label))
        else:
            text = self._replaced(report.text.get(page) or "", spans)
            stack.push(SetTextCommand(report, page, text, heading_for(report, page)))
        stack.endMacro()

    def replace(self) -> None:
        """Replace the occurrence shown (if it is still there), then show the next one."""
        match = self.current
        if match is None or match not in self.matches():
            self.find_next()
            return
        if not match.replaceable:
            self.status.setText("表格标签是官方格式的一部分，不能替换。")
            return
        self._push(match.page, [(match.start, match.end)], f"替换“{self.find_edit.text()}”")
        self.current = None
        if self.find_next() is None:
            self.status.setText("已替换 1 处，没有更多了。")

    def replace_all(self) -> int:
        needle = self.find_edit.text()
        found = [m for m in self.matches() if m.replaceable]
        if not found:
            self.status.setText(f"没有可替换的“{needle}”。" if needle else "请填写查找内容。")
            return 0
        stack = self.document.undo_stack
        stack.beginMacro(f"全部替换“{needle}”（{len(found)} 处）")
        for page in dict.fromkeys(m.page for m in found):
            self._push(page, [(m.start, m.end) for m in found if m.page == page], f"替换“{needle}”")
        stack.endMacro()
        self.current = None
        self.status.setText(f"已替换 {len(found)} 处，可撤销。")
        done = f"已把 {len(found)} 处“{needle}”替换为“{self.replace_edit.text()}”，可撤销。"
        self.say(done)
        return len(found)
