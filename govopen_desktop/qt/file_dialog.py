"""File dialogs with every label in Chinese: Qt's own Chinese catalogue (qtbase_zh_CN, loaded
in qt/app.py) leaves a few of the Qt file dialog's labels in English ("Look in", "Files of
type"), so we set them; the system's own dialog (Windows, macOS, a desktop portal) is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

LABELS = {
    QFileDialog.DialogLabel.LookIn: "查找范围：",
    QFileDialog.DialogLabel.FileName: "文件名：",
    QFileDialog.DialogLabel.FileType: "文件类型：",
    QFileDialog.DialogLabel.Reject: "取消",
}


class ChineseIconProvider(QFileIconProvider):
    """The 类型 column: Qt's catalogue leaves "Folder" and "xlsx File" in English."""

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        suffix = info.suffix()
        return f"{suffix.upper()} 文件" if suffix else "文件"


_icon_provider: list[ChineseIconProvider] = []  # one for the process: the dialog does not own it


def chinese_file_dialog(
    parent: QWidget | None, title: str, start: Path, file_filter: str, *, save: bool
) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    if not _icon_provider:
        _icon_provider.append(ChineseIconProvider())
    dialog.setIconProvider(_icon_provider[0])
    for label, text in LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "保存" if save else "打开")
    return dialog


def ask_file(parent: QWidget | None, title: str, start: Path, file_filter: str, *, save: bool) -> Path | None:
    dialog = chinese_file_dialog(parent, title, start, file_filter, save=save)
    if save and start.suffix:
        dialog.selectFile(start.name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return None
    files = dialog.selectedFiles()
    return Path(files[0]) if files else None


def ask_files(parent: QWidget | None, title: str, start: Path, file_filter: str) -> list[Path]:
    """Files to open: one, or several selected together."""
    dialog = chinese_file_dialog(parent, title, start, file_filter, save=False)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(f) for f in dialog.selectedFiles()]
