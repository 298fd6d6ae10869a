"""What the window's menu controllers share: the open document, the dialogs (Prompter), the
settings, and a signal for the status bar. They hold no reference to the window: what they
change reaches it through the document's and their own signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from govopen_desktop.qt.document import Document
from govopen_desktop.qt.prompter import Prompter
from govopen_desktop.qt.settings import Settings


class WindowController(QObject):
    """Carries out menu actions on the document, asking through its Prompter."""

    statusMessage = Signal(str)  # a line for the window's status bar
    cellRequested = Signal(str)  # show this cell of the open report (an import problem's)

    def __init__(self, document: Document, prompter: Prompter, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompter = prompter
        self.settings = settings

    def _status(self, text: str) -> None:
        self.statusMessage.emit(text)

    def _go_to_cell(self, key: str) -> bool:
        """For a problem list: ask the window to show `key`, where the open report has it."""
        if key not in self.document.report.format.fields:
            return False
        self.cellRequested.emit(key)
        return True
