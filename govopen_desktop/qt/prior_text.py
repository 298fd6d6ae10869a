"""Last year's text of a section, read-only beside this year's editor. A paragraph is copied
across with one action (button or double-click) with its years moved to this year's; the moved
years are marked in the editor so the clerk sees what changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget

from govopen_desktop.domain.years import YearChange, update_years

YEAR_BG = QColor("#fff1a8")  # a year moved to this year's
FINDING_BG = QColor("#fdd9b5")  # the sentence a finding is about


class PriorTextPanel(QWidget):
    """Shows last year's text; `copyRequested(text, changes)` carries the updated paragraph."""

    copyRequested = Signal(str, list)  # new text, list[YearChange] relative to it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorText")
        self.from_year = 0
        self.to_year = 0
        self.title = QLabel()
        self.title.setObjectName("priorTitle")
        self.title.setStyleSheet("font-weight: bold; color: #455a64;")
        self.viewer = QPlainTextEdit()
        self.viewer.setObjectName("priorViewer")
        self.viewer.setReadOnly(True)
        self.viewer.setStyleSheet("QPlainTextEdit#priorViewer { background: #f5f6f7; color: #37474f; }")
        self.viewer.viewport().installEventFilter(self)  # a double-click copies the paragraph
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyPriorParagraph")
        self.copy_button.clicked.connect(self.copy_current)
        hint = QLabel("只读。把光标放在一段中（或选中几段），点“复制此段到正文”，或双击该段。")
        hint.setObjectName("pageHint")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.viewer, 1)

    def set_text(self, text: str, from_year: int, to_year: int) -> None:
        self.from_year, self.to_year = from_year, to_year
        self.title.setText(f"上年报告（{from_year}年度）原文")
        moved = f"（年份改为 {to_year} 年）" if from_year != to_year else ""
        self.copy_button.setText(f"复制此段到正文{moved}")
        self.copy_button.setToolTip(
            f"把光标所在段落复制到左边正文光标所在段之后；其中的 {from_year} 年改为 {to_year} 年、"
            f"{from_year + 1} 年改为 {to_year + 1} 年，改动处以黄色标出。其他年份（如 2019年修订）不变。"
        )
        if self.viewer.toPlainText() != text:
            self.viewer.setPlainText(text)

    def selected_paragraphs(self) -> str:
        """The paragraph at the cursor, or every paragraph the selection touches."""
        cursor = self.viewer.textCursor()
        doc = self.viewer.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = []
        block = first
        while block.isValid():
            blocks.append(block.text())
            if block == last:
                break
            block = block.next()
        return "\n".join(blocks).strip()

    def copy_current(self) -> None:
        text = self.selected_paragraphs()
        if not text:
            return
        updated, changes = update_years(text, self.from_year, self.to_year)
        self.copyRequested.emit(updated, changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewer.viewport() and event.type() == QEvent.Type.MouseButtonDblClick:
            from PySide6.QtGui import QMouseEvent

            assert isinstance(event, QMouseEvent)
            self.viewer.setTextCursor(self.viewer.cursorForPosition(event.position().toPoint()))
            self.copy_current()
            return True
        return super().eventFilter(watched, event)


def marks(editor: QPlainTextEdit, spans: list[tuple[int, int]], colour: QColor) -> list[QTextEdit.ExtraSelection]:
    """Coloured marks over text spans of the editor."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    out = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        out.append(selection)
    return out


def years_note(changes: list[YearChange]) -> str:
    if not changes:
        return "已复制上年一段，其中没有需要改的年份，请核对内容。"
    moved = "、".join(dict.fromkeys(f"{c.old}年→{c.new}年" for c in changes))
    return f"已复制上年一段，年份已更新（{moved}，共 {len(changes)} 处，黄色标出），请核对内容和数字。"

