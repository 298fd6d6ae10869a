"""F1 help from resources/help.html, 帮助 → 关于, and Qt's own dialogs in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from govopen_desktop import __version__
from govopen_desktop.paths import resources_dir


def test_help_text_lives_in_resources_and_covers_the_topics(qtbot: Any, window: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.qt import help as help_module

    assert (resources_dir() / "help.html").is_file()
    shown: list[Any] = []
    monkeypatch.setattr(help_module.HelpDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    (dialog,) = shown
    text = dialog.browser.toPlainText()
    topics = ("从上年报告开始", "导出 Word", "导出 Excel", "说明…", "撤销说明", "导出审核说明",
              "错误不能说明", "快捷键")
    for topic in topics:
        assert topic in text, topic
    html = dialog.browser.toHtml()
    assert "<table" in html
    for keys, name in (("Ctrl+S", "保存"), ("Ctrl+O", "打开"), ("F8", "下一个问题"), ("F1", "使用说明")):
        assert f"{keys}" in text and name in text
    # every shortcut of the window's actions is in the table, read from the actions themselves
    from PySide6.QtGui import QAction, QKeySequence

    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in text


def test_about_says_version_log_and_recovery_folder(qtbot: Any, window: Any, gui_env: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.qt import help as help_module

    shown: list[Any] = []
    monkeypatch.setattr(help_module.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window.act_about.trigger()
    (dialog,) = shown
    text = dialog.label.text()
    assert __version__ in text
    assert str(gui_env / "data" / "govopen.log") in text
    assert str(window.autosaver.recovery_dir) in text


def test_qt_standard_buttons_and_file_dialog_are_chinese(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton

    from govopen_desktop.qt.file_dialog import chinese_file_dialog

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
    dialog = chinese_file_dialog(window, "保存年度报告", Path.home() / "年报.govopen", "年度报告文件（*.govopen）",
                                 save=True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.isVisible()}
    buttons = {w.text() for w in dialog.findChildren(QPushButton) if w.isVisible()}
    assert {"查找范围：", "文件名：", "文件类型："} <= labels
    assert {"保存", "取消"} <= buttons
    english = [t for t in labels | buttons if any("a" <= c.lower() <= "z" for c in t.replace("&", ""))]
    assert not english, english
    dialog.close()
