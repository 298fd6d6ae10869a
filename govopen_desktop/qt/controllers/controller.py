"""What the window's menu controllers share: the window, its open document, its dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govopen_desktop.qt.main_window import MainWindow


class WindowController:
    """Carries out menu actions on the window's document, asking through its Prompter."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self) -> Any:
        return self.window.document

    @property
    def prompter(self) -> Any:
        return self.window.prompter

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
