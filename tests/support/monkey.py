"""A seeded clerk for the window's reliability test (tests/qt/test_reliability_gui_monkey.py):
random but replayable actions through what a clerk can reach in the main window — the
navigator, the grids (text as the cell editor hands it to the model), the text pages and the
表下说明 boxes, the cover, undo/redo, the findings panel, find/replace, save and reopen, new,
exports, the start page — and the invariants the window must keep after each of them.

Every dialog goes through the FakePrompter; a real modal dialog would fail the run (see
`no_real_dialogs`), never block it. The autosave timer is set to ten minutes by the test, so
no write happens at a time the seed does not decide."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QtMsgType
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.report import TEXT_KEYS, Report
from govopen_desktop.domain.values import format_amount
from govopen_desktop.io.project import load_report
from govopen_desktop.qt.main_window import APP_TITLE
from tests.support.gui import FakePrompter
from tests.support.paths import SAMPLE

# what a clerk types into a cell: numbers, blanks, signs, decimals, full-width and Chinese
# digits, empty marks, units, text, and what a copy from a web page or a scan brings along
CELL_TEXTS = (
    "0", "1", "3", "7", "12", "250", "1000", "", " ", "  3 ", "\u3000", "-1", "-5", "-0", "+4",
    "1e3", "99999999999999", "9" * 30, "1000000001", "0.5", "1.25", "3.14159", "0.00001", "12.",
    "．５", "１２", "（１２）", "－３", "十二", "三百", "两", "二三", "—", "——", "-", "/", "无", "空",
    "abc", "12件", "1 2", "12\n13", "1,234", "1，234", "12元", "3.5万元", "5万元", "0.12345",
    "NaN", "inf", "1e-400000000", "１２３４５", "O1", "l0", "=SUM(A1)", "0.0001", "1000000000000.5",
)
# what a clerk types into a text: sentences the checks read, years, digits, line breaks,
# and characters that are two UTF-16 units in Qt (a rare character of a place name, an emoji)
TEXT_SNIPPETS = (
    "本年度", "收到政府信息公开申请5件", "未收到政府信息公开申请。", "未发生行政复议、行政诉讼的情况。",
    "行政复议2件，行政诉讼1件。", "2024年", "2023年", "\n", "（一）主动公开", "abc", "—", " ", "１２",
    "注：本年度无结转申请。", "未收取信息处理费。", "\t", "𠮷", "😀", "办理", "。", "5", "—— ",
)
OFFSCREEN_NOISE = ("This plugin does not support",)  # the offscreen platform: no window manager
# what the start-page phase does not trigger: closing, and the windows of their own (help, 关于,
# 批量检查, 汇总: real dialogs, tested on their own); undo/redo have nothing to do there
STAY_AWAY = frozenset({"act_quit", "act_help", "act_about", "act_batch_check", "act_combine"})
AGENCIES = ("", "某县人民政府", "青山市自然资源和规划局", "𠮷安镇人民政府", "测试局 ", "某街道办事处")
YEARS = (2019, 2020, 2021, 2023, 2024, 2025)
NOTES = ("依法废止，属实", "", None, "   ", "现行有效数因规章修订而变化😀")


def utf16(text: str, index: int) -> int:
    """The editor position of text[index]: Qt counts UTF-16 units (𠮷 and 😀 are two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def type_keys(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a clerk does: ASCII as key presses, Chinese (and anything else) as an input
    method commits it (QTest's key clicks know only ASCII)."""
    from PySide6.QtGui import QInputMethodEvent

    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


@contextmanager
def no_real_dialogs(monkeypatch: Any) -> Iterator[list[str]]:
    """A real modal dialog (help, about, a file dialog not behind the prompter) is recorded
    and answered "cancel" at once instead of blocking the run; the test fails on any."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    opened: list[str] = []

    def refuse(self: QDialog, *_args: Any) -> int:
        opened.append(type(self).__name__)
        return int(QDialog.DialogCode.Rejected)

    def refuse_static(name: str) -> Callable[..., Any]:
        def answer(*_args: Any, **_kwargs: Any) -> Any:
            opened.append(name)
            return ("", "") if name.startswith("get") and "Directory" not in name else ""
        return answer

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse_static(name)))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse_static(f"QMessageBox.{name}")))
    yield opened


class MonkeyFailure(AssertionError):
    """An invariant broken, with the seed and the actions that led there."""


@dataclass
class Monkey:
    """One seeded run: `step()` does one random action, `verify()` checks the invariants."""

    window: Any
    qtbot: Any
    prompter: FakePrompter
    scratch: Path
    seed: int
    exceptions: list[Any]  # what qtbot.capture_exceptions collected (slots, virtual methods)
    dialogs: list[str]
    qt_messages: Any  # pytest-qt's qtlog: Qt's own warnings (a cursor position out of range …)
    rng: random.Random = field(init=False)
    log: list[str] = field(default_factory=list)
    baseline: dict[str, Any] = field(default_factory=dict)  # the report as loaded: undo-all returns here
    saves: int = 0
    imported: bool = False  # since the report was loaded, an import brought totals as printed
    slowest: tuple[float, str] = (0.0, "")

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.reset_baseline()

    # ---- bookkeeping ------------------------------------------------------------------------

    @property
    def document(self) -> Any:
        return self.window.document

    @property
    def report(self) -> Report:
        report: Report = self.window.document.report
        return report

    def reset_baseline(self) -> None:
        self.baseline = self.report.to_dict()
        self.imported = False

    def say(self, text: str) -> None:
        self.log.append(text)

    def replay_text(self) -> str:
        lines = "\n".join(f"  {i:3d}. {a}" for i, a in enumerate(self.log))
        return f"monkey seed {self.seed}, {len(self.log)} actions (the last one failed):\n{lines}"

    def fail(self, message: str) -> None:
        raise MonkeyFailure(f"{message}\n{self.replay_text()}")

    # ---- one action -------------------------------------------------------------------------

    def actions(self) -> list[tuple[Callable[[], None], int]]:
        return [
            (self.navigate, 8), (self.type_cell, 30), (self.type_cell_in_editor, 4), (self.type_text, 14),
            (self.edit_text_range, 5), (self.undo, 10), (self.undo_many, 2), (self.redo, 7),
            (self.apply_suggestion, 6), (self.accept_warning, 4), (self.withdraw_note, 3),
            (self.find_replace, 5), (self.save_and_reopen, 2), (self.new_report, 1), (self.cover_year, 3),
            (self.cover_agency, 2), (self.cover_date, 2), (self.grid_action, 6), (self.paste_block, 3),
            (self.toggle_view, 2), (self.go_to_finding, 3), (self.draft_button, 2), (self.copy_prior, 2),
            (self.attach_prior, 1), (self.key_cell, 5), (self.import_sample, 1), (self.paste_text, 2),
            (self.finding_menu, 2), (self.cover_year_typed, 1), (self.edit_then_act, 3),
            (self.export, 2), (self.autosave, 2), (self.close_cancelled, 1), (self.paste_import, 1),
        ]

    def step(self) -> None:
        if self.window.on_start_page:
            self._run(self.start_page_action)
            return
        actions = self.actions()
        self._run(self.rng.choices([a for a, _w in actions], weights=[w for _a, w in actions])[0])

    def _run(self, action: Callable[[], None]) -> None:
        started = time.perf_counter()
        before = len(self.exceptions)
        logged = len(self.qt_messages.records)
        try:
            action()
            QApplication.processEvents()
        except MonkeyFailure:
            raise  # an invariant checked inside the action: it names the seed and the actions already
        except Exception as exc:
            self.fail(f"the action raised {type(exc).__name__}: {exc}")
        seconds = time.perf_counter() - started
        if seconds > self.slowest[0]:
            self.slowest = (seconds, self.log[-1] if self.log else "")
        if len(self.exceptions) > before:
            self.fail(f"an exception escaped into Qt: {self.exceptions[before:]}")
        if self.dialogs:
            self.fail(f"a real modal dialog was opened: {self.dialogs}")
        warnings = [r.message for r in self.qt_messages.records[logged:]
                    if r.type != QtMsgType.QtDebugMsg and r.type != QtMsgType.QtInfoMsg
                    and not r.message.startswith(OFFSCREEN_NOISE)]
        if warnings:
            self.fail(f"Qt warned: {warnings}")
        if seconds > 10:
            self.fail(f"the action took {seconds:.1f} s (hangs)")

    # ---- the start page ----------------------------------------------------------------------

    def start_page_action(self) -> None:
        """On the start page: any menu entry that is on (every dialog answers from the prompter),
        or one of the page's buttons; the blank report behind the page is never touched."""
        page = self.window.start_page
        actions = self.window.window_actions
        names = sorted(n for n in dir(actions) if n.startswith(("act_", "tb_")) and n not in STAY_AWAY
                       and getattr(actions, n).isEnabled())
        choice = self.rng.choice([*names, "new", "new", "prior", "open"])
        self.prompter.new_request = None if self.rng.random() < 0.5 else self._new_request()
        self.prompter.open_path = SAMPLE if self.rng.random() < 0.3 else None
        self.prompter.open_paths = []
        self.prompter.save_path = None
        self.say(f"start page: {choice} (new: {self.prompter.new_request}, open: {self.prompter.open_path})")
        behind = self.report.to_dict()
        if choice in ("new", "prior", "open"):
            {"new": page.new_button, "prior": page.prior_button, "open": page.open_button}[choice].click()
        else:
            getattr(actions, choice).trigger()
        if self.window.on_start_page:
            if self.report.to_dict() != behind or self.document.is_modified:
                self.fail(f"{choice} on the start page changed the report behind it")
            return
        if self.document.path is not None or self.document.imported:  # opened
            self.reset_baseline()
        else:
            self._new_baseline(self.prompter.new_request)

    def _new_request(self) -> Any:
        from govopen_desktop.qt.new_request import NewReportRequest

        prior = SAMPLE if self.rng.random() < 0.3 else None
        return NewReportRequest(self.rng.choice(AGENCIES).strip(), self.rng.choice(YEARS), prior_path=prior,
                                skeleton=self.rng.random() < 0.5)

    def _new_baseline(self, request: Any) -> None:
        """Undoing what a new report started with (carried numbers, the outline) leaves it empty."""
        empty = Report.new(request.agency, request.year)
        empty.prior = self.report.prior
        self.baseline = empty.to_dict()
        self.imported = False
        self.check_undo_all()

    # ---- navigating -------------------------------------------------------------------------

    def navigate(self) -> None:
        navigator = self.window.navigator
        row = self.rng.randrange(navigator.count())
        self.say(f"navigate to row {row}")
        navigator.setCurrentRow(row)

    def _table_page(self) -> Any:
        table = self.rng.choice([t.id for t in self.report.format.tables])
        page = self.window.show_section(table)
        return page

    def _focus(self, widget: Any) -> None:
        """A click into the window: it is the active one again (the find dialog may have been),
        and `widget` has the focus."""
        self.window.activateWindow()
        widget.setFocus()
        QApplication.processEvents()

    @staticmethod
    def _cell_editor(view: Any) -> Any:
        from PySide6.QtWidgets import QLineEdit

        return next((w for w in view.findChildren(QLineEdit) if w.objectName() == "cellEditor" and w.isVisible()),
                    None)

    def _input_index(self, page: Any) -> tuple[QModelIndex, str]:
        model = page.model
        keys = [k for k in model._pos if model.fields[k].is_input]
        key = self.rng.choice(keys)
        return model.index_of(key), key

    # ---- the grids --------------------------------------------------------------------------

    def _cell_text(self) -> str:
        if self.rng.random() < 0.35:
            rng = self.rng
            return str(rng.choice([rng.randrange(0, 30), rng.randrange(-3, 3), rng.randrange(10**6)]))
        return self.rng.choice(CELL_TEXTS)

    def type_cell(self) -> None:
        """What the delegate does when an edit is committed: setData with the editor's text."""
        page = self._table_page()
        index, key = self._input_index(page)
        text = self._cell_text()
        self.say(f"type {text!r} into {key}")
        page.view.setCurrentIndex(index)
        page.model.setData(index, text, Qt.ItemDataRole.EditRole)

    def type_cell_in_editor(self) -> None:
        """Open the real cell editor, type, and commit it as Enter does."""
        page = self._table_page()
        index, key = self._input_index(page)
        text = self._cell_text()
        self.say(f"type {text!r} into {key} with the cell editor")
        view = page.view
        self._focus(view)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = self._cell_editor(view)
        if editor is None:
            self.fail("the cell editor did not open")
        editor.setText(text)
        if view.delegate.commit(editor):
            view.closeEditor(editor, view.delegate.EndEditHint.NoHint)
        else:
            view.closeEditor(editor, view.delegate.EndEditHint.RevertModelCache)

    def key_cell(self) -> None:
        """Keys on the grid as a clerk presses them: type over a cell and finish with Enter,
        Tab, an arrow or Esc; Delete on a selection; F2 then type."""
        page = self._table_page()
        view = page.view
        index, key = self._input_index(page)
        how = self.rng.choice(["type", "type", "f2", "delete", "backspace"])
        text = self.rng.choice(["0", "12", "-3", "1.5", "abc", "7", "99999999999", "1e3"])
        end = self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Escape,
                               Qt.Key.Key_Left])
        self.say(f"keys on {key}: {how} {text!r} then {end.name}")
        self._focus(view)
        view.setCurrentIndex(index)
        if how in ("delete", "backspace"):
            self.qtbot.keyClick(view, Qt.Key.Key_Delete if how == "delete" else Qt.Key.Key_Backspace)
            return
        if how == "f2":
            self.qtbot.keyClick(view, Qt.Key.Key_F2)
        else:
            self.qtbot.keyClicks(view, text[0])
            text = text[1:]
        editor = self._cell_editor(view)
        if editor is None:
            self.fail("the cell editor did not open")
        if text:
            self.qtbot.keyClicks(editor, text)
        self.qtbot.keyClick(editor, end)
        if self._cell_editor(view) is editor:  # refused: the editor stays open; Esc gives up
            self.qtbot.keyClick(editor, Qt.Key.Key_Escape)

    def edit_then_act(self) -> None:
        """A cell editor still open when the clerk reaches for the menu (undo, save, another
        section, new): what is typed is committed or dropped, never written into another cell."""
        page = self._table_page()
        view = page.view
        index, key = self._input_index(page)
        text = self.rng.choice(["5", "12", "x"])
        then = self.rng.choice(["undo", "redo", "fill_all", "fill_table"])
        self.say(f"open the editor on {key}, type {text!r}, then {then}")
        self._focus(view)
        view.setCurrentIndex(index)
        self.qtbot.keyClicks(view, text)
        actions = self.window.window_actions
        if then == "undo":
            actions.act_undo.trigger()
        elif then == "redo":
            actions.act_redo.trigger()
        elif then == "fill_all":
            actions.act_fill_all.trigger()
        else:
            actions.act_fill_table.trigger()
        editor = self._cell_editor(view)
        if editor is not None:
            self.qtbot.keyClick(editor, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Escape]))
            if self._cell_editor(view) is editor:
                self.qtbot.keyClick(editor, Qt.Key.Key_Escape)

    def grid_action(self) -> None:
        page = self._table_page()
        actions = self.window.window_actions
        view = page.view
        index, key = self._input_index(page)
        view.setCurrentIndex(index)
        self._focus(view)
        if self.rng.random() < 0.5:  # a block of cells selected
            other, _ = self._input_index(page)
            from PySide6.QtCore import QItemSelection, QItemSelectionModel

            view.selectionModel().select(QItemSelection(index, other), QItemSelectionModel.SelectionFlag.Select)
        name = self.rng.choice(["act_clear", "act_fill_table", "act_fill_all", "act_copy", "act_cut",
                                "act_select_all", "act_paste"])
        self.say(f"{name} at {key}")
        getattr(actions, name).trigger()

    def paste_block(self) -> None:
        page = self._table_page()
        index, key = self._input_index(page)
        rows = [["\t".join(self._cell_text().replace("\n", "") for _c in range(self.rng.randint(1, 4)))]
                for _r in range(self.rng.randint(1, 3))]
        text = "\r\n".join(r[0] for r in rows) + self.rng.choice(["", "\n", "\r\n"])
        self.say(f"paste {text!r} at {key}")
        QGuiApplication.clipboard().setText(text)
        page.view.setCurrentIndex(index)
        self._focus(page.view)
        page.view.paste()

    # ---- the texts --------------------------------------------------------------------------

    def _text_editor(self) -> Any:
        keys = [k for k in TEXT_KEYS if self.report.format.section(k) is not None]
        key = self.rng.choice(keys)
        editor = self.window.page_stack.show_text(key)
        return key, editor

    def type_text(self) -> None:
        key, box = self._text_editor()
        if box is None:
            return
        editor = box.editor
        text = "".join(self.rng.choice(TEXT_SNIPPETS) for _ in range(self.rng.randint(1, 4)))
        current = editor.toPlainText()
        position = self.rng.randint(0, len(current))
        self.say(f"type {text!r} into {key} at {position}")
        cursor = editor.textCursor()
        cursor.setPosition(utf16(current, position))  # where a click can put the caret
        editor.setTextCursor(cursor)
        self._focus(editor)
        if self.rng.random() < 0.3:
            type_keys(self.qtbot, editor, text.replace("\n", "").replace("\t", "") or "字")
        else:
            editor.insertPlainText(text)

    def edit_text_range(self) -> None:
        key, box = self._text_editor()
        if box is None:
            return
        editor = box.editor
        current = editor.toPlainText()
        start = self.rng.randint(0, len(current))
        end = self.rng.randint(start, len(current))
        what = self.rng.choice(["delete", "replace", "clear"])
        self.say(f"{what} {key}[{start}:{end}]")
        cursor = editor.textCursor()
        if what == "clear":
            cursor.select(QTextCursor.SelectionType.Document)
        else:
            cursor.setPosition(utf16(current, start))
            cursor.setPosition(utf16(current, end), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.insertPlainText(self.rng.choice(TEXT_SNIPPETS) if what == "replace" else "")
        if what != "replace":
            editor.textCursor().removeSelectedText()

    def draft_button(self) -> None:
        keys = [s.id for s in self.report.format.sections if s.buttons]
        key = self.rng.choice(keys)
        page = self.window.show_section(key)
        buttons = [b for b in page.findChildren(QPushButton)
                   if b.isVisible() and b.objectName() != "copyPriorParagraph"]
        if not buttons:
            return
        button = self.rng.choice(buttons)
        self.say(f"click draft button {button.text()!r} on {key}")
        button.click()

    def copy_prior(self) -> None:
        key, box = self._text_editor()
        if box is None or box.prior_panel is None or not box.prior_panel.isVisible():
            return
        viewer = box.prior_panel.viewer
        shown = viewer.toPlainText()
        position = self.rng.randint(0, len(shown))
        self.say(f"copy last year's paragraph at {position} into {key}")
        cursor = viewer.textCursor()
        cursor.setPosition(utf16(shown, position))
        viewer.setTextCursor(cursor)
        box.prior_panel.copy_button.click()

    def paste_text(self) -> None:
        key, box = self._text_editor()
        if box is None:
            return
        text = "".join(self.rng.choice(TEXT_SNIPPETS) for _ in range(self.rng.randint(1, 3)))
        self.say(f"paste {text!r} into {key} with the menu")
        QGuiApplication.clipboard().setText(text)
        self._focus(box.editor)
        self.window.window_actions.act_paste.trigger()

    # ---- undo / redo ------------------------------------------------------------------------

    def undo(self) -> None:
        n = self.rng.randint(1, 4)
        self.say(f"undo ×{n}")
        for _ in range(n):
            self.window.window_actions.act_undo.trigger()

    def undo_many(self) -> None:
        self.say("undo ×60 (past the start)")
        for _ in range(60):
            self.document.undo_stack.undo()

    def redo(self) -> None:
        n = self.rng.randint(1, 4)
        self.say(f"redo ×{n}")
        for _ in range(n):
            self.window.window_actions.act_redo.trigger()

    # ---- the findings panel -----------------------------------------------------------------

    def _pick_item(self, wanted: Callable[[Finding], bool]) -> Any:
        panel = self.window.findings_panel
        items = [i for i in panel.items() if wanted(i.data(0, Qt.ItemDataRole.UserRole + 1))]
        if not items:
            return None
        item = self.rng.choice(items)
        panel.tree.setCurrentItem(item)
        return item

    def apply_suggestion(self) -> None:
        item = self._pick_item(lambda f: bool(f.suggested) and not f.accepted)
        if item is None:
            return
        self.say(f"应用建议值 on {item.text(0)[:50]!r}")
        self.window.findings_panel.apply_button.click()

    def accept_warning(self) -> None:
        item = self._pick_item(lambda f: f.can_be_accepted)
        if item is None:
            return
        note = self.rng.choice(NOTES)
        self.prompter.note_answer = note
        self.say(f"说明 {note!r} on {item.text(0)[:50]!r}")
        self.window.findings_panel.accept_button.click()

    def withdraw_note(self) -> None:
        item = self._pick_item(lambda f: f.accepted is not None)
        if item is None:
            return
        self.say(f"撤销说明 on {item.text(0)[:50]!r}")
        self.window.findings_panel.withdraw_button.click()

    def go_to_finding(self) -> None:
        if self.rng.random() < 0.5:
            self.say("下一个问题 (F8)")
            self.window.window_actions.act_next_finding.trigger()
            return
        item = self._pick_item(lambda f: True)
        if item is None:
            return
        self.say(f"double-click finding {item.text(0)[:50]!r}")
        self.window.findings_panel.tree.itemDoubleClicked.emit(item, 0)

    def finding_menu(self) -> None:
        """The findings list's context menu, and one of its entries."""
        panel = self.window.findings_panel
        item = self._pick_item(lambda f: True)
        if item is None:
            return
        panel.tree.scrollToItem(item)
        rect = panel.tree.visualItemRect(item)
        panel.tree.customContextMenuRequested.emit(rect.center())
        menu = panel.tree_context_menu
        entries = [a for a in menu.actions() if a.isEnabled()] if menu is not None else []
        if not entries:
            return
        entry = self.rng.choice(entries)
        self.prompter.note_answer = self.rng.choice(NOTES)
        self.say(f"context menu {entry.text()!r} on {item.text(0)[:50]!r} (note {self.prompter.note_answer!r})")
        entry.trigger()
        menu.close()

    # ---- find / replace ---------------------------------------------------------------------

    def find_replace(self) -> None:
        dialog = self.window.edit_features.find_replace()
        texts = [self.report.meta.agency, *(self.report.text.get(k) or "" for k in TEXT_KEYS)]
        source = self.rng.choice([t for t in texts if t] or ["本年度"])
        start = self.rng.randrange(len(source))
        needle = source[start:start + self.rng.randint(1, 4)] if self.rng.random() < 0.8 else \
            self.rng.choice(["年", "申请", "𠮷", "政府信息", "不存在的字"])
        replacement = self.rng.choice(["", "本", "年度", "𠮷", needle, "二〇二四年"])
        what = self.rng.choice(["next", "next", "replace", "replace_all"])
        self.say(f"find {needle!r} → {replacement!r}: {what}")
        dialog.find_edit.setText(needle)
        dialog.replace_edit.setText(replacement)
        button = {"next": dialog.next_button, "replace": dialog.replace_button,
                  "replace_all": dialog.replace_all_button}[what]
        button.click()
        match = dialog.current
        if what == "next" and match is not None and match.replaceable and match.page != "cover":
            editor = self.window.page_stack.show_text(match.page)
            selected = editor.editor.textCursor().selectedText().replace("\u2029", "\n") if editor else ""
            if editor is not None and selected != needle:
                self.fail(f"find shows {selected!r}, not {needle!r}")
        if self.rng.random() < 0.3:
            dialog.close()

    # ---- the cover --------------------------------------------------------------------------

    def _cover(self) -> Any:
        return self.window.show_section("cover")

    def cover_year(self) -> None:
        cover = self._cover()
        year = self.rng.choice(YEARS)
        how = self.rng.choice(["set", "up", "down"])
        self.say(f"cover year {how} {year if how == 'set' else ''}")
        if how == "set":
            cover.year.setValue(year)
        elif how == "up":
            cover.year.stepUp()
        else:
            cover.year.stepDown()

    def cover_year_typed(self) -> None:
        cover = self._cover()
        year = str(self.rng.choice(YEARS))
        self.say(f"cover year typed {year}")
        line = cover.year.lineEdit()
        self._focus(cover.year)
        line.selectAll()
        self.qtbot.keyClicks(line, year)
        self.qtbot.keyClick(line, Qt.Key.Key_Tab)

    def cover_agency(self) -> None:
        cover = self._cover()
        agency = self.rng.choice(AGENCIES)
        self.say(f"cover agency {agency!r}")
        self._focus(cover.agency)
        cover.agency.selectAll()
        if agency:
            type_keys(self.qtbot, cover.agency, agency)
        else:
            self.qtbot.keyClick(cover.agency, Qt.Key.Key_Delete)
        self.qtbot.keyClick(cover.agency, Qt.Key.Key_Return)

    def cover_date(self) -> None:
        cover = self._cover()
        from PySide6.QtCore import QDate

        if self.rng.random() < 0.4:
            self.say("cover date toggled")
            cover.date_set.click()
        elif cover.date.isEnabled():
            day = QDate(self.rng.choice([2020, 2024, 2025, 2026]), self.rng.randint(1, 12), self.rng.randint(1, 28))
            self.say(f"cover date {day.toString('yyyy-MM-dd')}")
            cover.date.setDate(day)

    # ---- view -------------------------------------------------------------------------------

    def toggle_view(self) -> None:
        actions = self.window.window_actions
        action = self.rng.choice([actions.act_final, actions.act_show_prior])
        self.say(f"toggle {action.text()!r}")
        action.trigger()

    # ---- files ------------------------------------------------------------------------------

    def save_and_reopen(self) -> None:
        self.saves += 1
        path = self.scratch / f"monkey-{self.seed}-{self.saves}.govopen"
        self.prompter.save_path = path
        self.say(f"save as {path.name}")
        if not self.window.files.save_as():
            self.fail(f"saving failed: {self.prompter.errors[-1:]}")
        saved = self.report.to_dict()
        if self.window.isWindowModified() or self.document.is_modified:
            self.fail("the window still says modified after saving")
        reopened = load_report(path).to_dict()
        if reopened != saved:
            self.fail(f"the saved file reopens to another report:\n{_dict_diff(saved, reopened)}")
        if self.rng.random() < 0.6:
            self.say(f"open {path.name}")
            self.prompter.open_path = path
            self.prompter.open_paths = []
            self.window.window_actions.act_open.trigger()
            if self.report.to_dict() != saved:
                self.fail(f"the reopened window shows another report:\n{_dict_diff(saved, self.report.to_dict())}")
            imported = self.imported  # the file keeps what an import brought, totals as printed
            self.reset_baseline()
            self.imported = imported

    def new_report(self) -> None:
        request = self._new_request()
        self.say(f"new report {request}")
        self.prompter.new_request = request
        self.prompter.save_discard_cancel = "discard"
        self.window.window_actions.act_new.trigger()
        self._new_baseline(request)

    def export(self) -> None:
        """An export of the report as it is now: a file, or a message in Chinese; the report
        itself is not touched."""
        kind = self.rng.choice(["docx", "xlsx", "html", "review"])
        self.saves += 1
        path = self.scratch / f"export-{self.seed}-{self.saves}.{'docx' if kind == 'review' else kind}"
        self.prompter.save_path = path
        self.prompter.choice_answer = None
        before, modified, errors = self.report.to_dict(), self.document.is_modified, len(self.prompter.errors)
        self.say(f"export {kind}")
        actions = self.window.window_actions
        {"docx": actions.act_export_docx, "xlsx": actions.act_export_xlsx, "html": actions.act_export_html,
         "review": actions.act_export_review}[kind].trigger()
        if self.report.to_dict() != before or self.document.is_modified != modified:
            self.fail("exporting changed the report")
        said = self.prompter.errors[errors:]
        if said and not all(re.search(r"[\u4e00-\u9fff]", e) for e in said):
            self.fail(f"an export failed without a Chinese message: {said}")
        accepted = any(f.accepted for f in self.document.findings)
        if not said and (kind != "review" or accepted) and not path.is_file():
            self.fail(f"the export {kind} wrote no file and said nothing")

    def autosave(self) -> None:
        """What the recovery timer does when it fires: the snapshot reads back as the report."""
        from govopen_desktop.qt.autosave import read_recovery

        self.say("autosave (the recovery timer fires)")
        autosaver = self.window.autosaver
        autosaver.timer.timeout.emit()
        if not self.document.is_modified:
            if autosaver.recovery_file.exists():
                self.fail("a recovery file is left for a report with no unsaved change")
            return
        recovered = read_recovery(autosaver.recovery_file)
        if recovered is None or recovered.report.to_dict() != self.report.to_dict():
            got = recovered.report.to_dict() if recovered else {}
            self.fail(f"the recovery file does not give the report back:\n{_dict_diff(self.report.to_dict(), got)}")

    def close_cancelled(self) -> None:
        """Closing, then 取消 when asked to save: the window and the report stay as they were."""
        if not self.document.is_modified:
            return  # nothing to ask: it would close
        self.prompter.save_discard_cancel = "cancel"
        before = self.report.to_dict()
        self.say("close the window, then cancel")
        closed = self.window.close()
        self.prompter.save_discard_cancel = "discard"
        if closed or not self.window.isVisible():
            self.fail("the window closed although the clerk cancelled")
        if self.report.to_dict() != before or not self.document.is_modified:
            self.fail("cancelling the close changed the report")

    def paste_import(self) -> None:
        """粘贴文字导入 with the report's own words and some table lines."""
        report = self.report
        lines = [t for t in (report.text.get(k) for k in TEXT_KEYS) if t]
        labels = ("本年新收", "上年结转", "予以公开", "行政复议")
        lines += [f"{self.rng.choice(labels)} {self._cell_text()} {self._cell_text()}"
                  for _ in range(self.rng.randint(0, 4))]
        self.rng.shuffle(lines)
        self.prompter.text_answer = "\n".join(lines) or None
        self.prompter.confirm_answer = self.rng.random() < 0.7
        self.say(f"粘贴文字导入 {len(self.prompter.text_answer or '')} characters")
        self.window.window_actions.act_import_text.trigger()
        self.imported = True  # what it read may hold totals as printed
        self.prompter.confirm_answer = True

    def import_sample(self) -> None:
        confirmed = self._with_sample("导入到当前报告", self.window.window_actions.act_import)
        self.imported = self.imported or confirmed or self.report.meta.year == 2024

    def attach_prior(self) -> None:
        self._with_sample("附加上年报告", self.window.window_actions.act_attach_prior)

    def _with_sample(self, what: str, action: Any) -> bool:
        """`action` on the sample file, its question answered yes 7 times in 10; the answer."""
        self.say(f"{what} (the sample)")
        self.prompter.open_path = SAMPLE
        confirmed = self.prompter.confirm_answer = self.rng.random() < 0.7
        action.trigger()
        self.prompter.confirm_answer = True
        return confirmed

    # ---- invariants -------------------------------------------------------------------------

    def verify(self) -> None:
        """What must hold after every action."""
        stored = Report.from_dict(self.report.to_dict())  # the report as its file would hold it
        findings = check(stored, final=self.document.final)
        self._check_findings(findings)
        stored.recompute()
        self._check_totals(stored, findings)
        self._check_grids(findings)
        self._check_views()
        self._check_title()

    def _check_totals(self, fresh: Report, findings: list[Finding]) -> None:
        """Every total is the sum of its parts, as a fresh computation from the inputs gives."""
        report = self.report
        wrong = {k: (report.cells.get(k), fresh.cells.get(k)) for k in report.format.derived_order
                 if report.cells.get(k) != fresh.cells.get(k)}
        if self.imported:
            # an import keeps the totals as the source printed them: one that disagrees with
            # its parts is an error on its cell, or has a part left empty that is reported (a
            # blank: the sum is not known until it is filled) — never hidden
            errors = {k for f in findings if f.level == "error" for k in f.cells}
            named = {k for f in findings for k in f.cells}
            fields = report.format.fields

            def explained(key: str) -> bool:
                derived = fields[key].derived
                if key in errors or derived is None:
                    return key in errors
                return any(explained(t) if report.cells.get(t) is not None else t in named or explained(t)
                           for t in derived.terms if report.cells.get(t) != fresh.cells.get(t)
                           or report.cells.get(t) is None)

            wrong = {k: v for k, v in wrong.items() if not explained(k)}
        if wrong:
            self.fail(f"totals differ from their parts (shown, computed): {wrong}")

    def _check_findings(self, fresh: list[Finding]) -> None:
        """The window's findings, the panel and the status bar are those of a fresh check."""
        if fresh != self.document.findings:
            self.fail(f"the window's findings are stale:\n{_findings_diff(self.document.findings, fresh)}")
        panel = self.window.findings_panel
        if len(panel.items()) != len(fresh):
            self.fail(f"the panel lists {len(panel.items())} findings, a fresh check finds {len(fresh)}")
        from govopen_desktop.qt.findings_panel import counts_text

        if not self.window.on_start_page and self.window.counts_label.text() != counts_text(fresh):
            self.fail(f"the status bar says {self.window.counts_label.text()!r}, not {counts_text(fresh)!r}")
        per_page: dict[str, int] = {}
        for f in fresh:
            if not f.accepted:
                page = self.window.page_stack.page_of(f)
                per_page[page] = per_page.get(page, 0) + 1
        navigator = self.window.navigator
        for row in range(navigator.count()):
            item = navigator.item(row)
            n = per_page.get(item.data(Qt.ItemDataRole.UserRole), 0)
            if (f"（{n}）" in item.text()) != bool(n):
                self.fail(f"the navigator says {item.text()!r}, the page has {n} open findings")

    def _check_grids(self, findings: list[Finding]) -> None:
        """Each grid shows the report's values, the colour of its cells' findings, last year's
        numbers and the carried marks of the prior attached now."""
        from govopen_desktop.domain.carry import carry_over_pairs
        from govopen_desktop.domain.findings import LEVEL_ORDER
        from govopen_desktop.domain.values import format_value
        from govopen_desktop.qt.roles import Roles

        report = self.report
        prior = report.prior
        carried = dict(carry_over_pairs(report, prior)) if prior is not None else {}
        levels: dict[str, Any] = {}
        for f in findings:
            for key in () if f.accepted else f.cells:
                if key not in levels or LEVEL_ORDER[f.level] < LEVEL_ORDER[levels[key]]:
                    levels[key] = f.level
        for page in self.window.pages.values():
            model = getattr(page, "model", None)
            if model is None:
                continue
            for key in model._pos:
                index = model.index_of(key)
                shown = index.data(Qt.ItemDataRole.DisplayRole)
                want = format_amount(report.cells.get(key), report.unit_of(key))
                if shown != want:
                    self.fail(f"the grid shows {shown!r} for {key}, the report holds {want!r}")
                level = levels[key].value if key in levels else None
                if index.data(Roles.Level) != level:
                    self.fail(f"the grid colours {key} as {index.data(Roles.Level)}, its findings say {level}")
                if bool(index.data(Roles.Carried)) != (key in carried):
                    self.fail(f"the grid's carried mark of {key} is {index.data(Roles.Carried)}, "
                              f"last year's report {'carries' if key in carried else 'does not carry'} it")
                prior_key = carried.get(key, key)
                want = "" if prior is None or prior_key not in prior.cells else \
                    format_value(prior.cells.get(prior_key)) or "空"
                if index.data(Roles.PriorValue) != want:
                    self.fail(f"the grid shows last year's {key} as {index.data(Roles.PriorValue)!r}, not {want!r}")

    def _check_views(self) -> None:
        report = self.report
        navigator, stack = self.window.navigator, self.window.stack
        if not self.window.on_start_page and navigator.currentRow() != stack.currentIndex():
            self.fail(f"the navigator is on row {navigator.currentRow()}, the page shown is {stack.currentIndex()}")
        for text in [report.meta.agency, *(t for t in report.text.values() if t)]:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                self.fail(f"the report holds half a character: {text!r}")
        for key, page in self.window.pages.items():
            boxes = [page] if hasattr(page, "editor") and hasattr(page, "key") else []
            boxes += [page.note] if getattr(page, "note", None) is not None else []
            for box in boxes:
                shown, stored = box.editor.toPlainText(), report.text.get(box.key) or ""
                if shown != stored:
                    self.fail(f"the editor of {box.key} shows {shown!r}, the report holds {stored!r}")
            if key == "cover":
                if page.year.value() != report.meta.year:
                    self.fail(f"the cover shows year {page.year.value()}, the report is {report.meta.year}")
                if page.agency.text().strip() != report.meta.agency:
                    self.fail(f"the cover shows {page.agency.text()!r}, the report {report.meta.agency!r}")

    def _check_title(self) -> None:
        stack = self.document.undo_stack
        if self.window.on_start_page:
            if self.window.windowTitle() != APP_TITLE or self.window.isWindowModified() or not stack.isClean():
                self.fail(f"the start page's title is {self.window.windowTitle()!r}, the report behind it "
                          f"{'is' if not stack.isClean() else 'is not'} modified")
            return
        modified = not stack.isClean()
        if self.window.isWindowModified() != modified or self.document.is_modified != modified:
            self.fail(f"the title's modified marker is {self.window.isWindowModified()}, the undo stack "
                      f"{'is not' if modified else 'is'} clean")
        if "[*]" not in self.window.windowTitle():
            self.fail(f"the title has no modified marker: {self.window.windowTitle()!r}")

    def check_undo_all(self) -> None:
        """Undo every step: the report as loaded; redo every step: the report as it was."""
        stack = self.document.undo_stack
        now = self.report.to_dict()
        steps = stack.index()
        self.say(f"(check) undo all {steps} steps, then redo them")
        for _ in range(steps):
            stack.undo()
        QApplication.processEvents()
        if self.report.to_dict() != self.baseline:
            diff = _dict_diff(self.baseline, self.report.to_dict())
            self.fail(f"undoing every step does not give the report back:\n{diff}")
        self.verify()
        for _ in range(steps):
            stack.redo()
        QApplication.processEvents()
        if self.report.to_dict() != now:
            self.fail(f"redoing every step does not give the edits back:\n{_dict_diff(now, self.report.to_dict())}")
        self.verify()


def _dict_diff(want: dict[str, Any], got: dict[str, Any], prefix: str = "") -> str:
    lines = []
    for key in sorted(set(want) | set(got)):
        a, b = want.get(key, "<absent>"), got.get(key, "<absent>")
        if isinstance(a, dict) and isinstance(b, dict):
            if a != b:
                lines.append(_dict_diff(a, b, f"{prefix}{key}."))
        elif a != b:
            lines.append(f"  {prefix}{key}: {a!r} → {b!r}")
    return "\n".join(lines[:30])


def _findings_diff(shown: list[Finding], fresh: list[Finding]) -> str:
    gone = [f"  - {f.rule} {f.cells} {f.message[:60]}" for f in shown if f not in fresh]
    new = [f"  + {f.rule} {f.cells} {f.message[:60]}" for f in fresh if f not in shown]
    return "\n".join((gone + new)[:20])
