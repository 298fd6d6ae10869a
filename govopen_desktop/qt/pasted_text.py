"""The report's text boxes: text pasted from last year's PDF comes without the lookalike
characters its fonts put for common ones (⼀ U+2F00 for 一): on screen they look the same, but
the official fonts of the Word export lack them (printed in another font) and no search or
check finds the words."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QPlainTextEdit

from govopen_desktop.domain.fold import plain_characters


class ReportTextEdit(QPlainTextEdit):
    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(plain_characters(source.text()))
        else:
            super().insertFromMimeData(source)
