"""使用说明 (F1) from resources/help.html, with the menu shortcuts filled in from the window's
actions; 关于: the version and where the log and the recovery files live."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from govopen_desktop import __version__
from govopen_desktop.domain.formats import formats_about, formats_usage
from govopen_desktop.paths import resources_dir
from govopen_desktop.qt.dialog_buttons import seat_buttons
from govopen_desktop.qt.forms import child, load_form
from govopen_desktop.qt.palette import level_tokens

SHORTCUTS_MARK = "<!--MENU-SHORTCUTS-->"
FORMATS_MARK = "<!--FORMATS-->"  # which years use which format, from the format files
HELP_FILE = "help.html"


def help_html(actions: list[QAction]) -> str:
    path = resources_dir() / HELP_FILE
    try:
        html = path.read_text(encoding="utf-8")
    except OSError:
        html = f"<p>找不到使用说明文件：{escape(str(path))}（安装不完整，请重新安装本程序）。</p>\n{SHORTCUTS_MARK}"
    html = html.replace(SHORTCUTS_MARK, shortcut_rows(actions)).replace(FORMATS_MARK, formats_usage())
    return level_tokens(html)  # the level colours of qt/palette.py


def shortcut_rows(actions: list[QAction]) -> str:
    rows: list[str] = []
    seen: set[str] = set()
    for action in actions:
        names = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()]
        keys = " / ".join(dict.fromkeys(names))  # Redo is Ctrl+Y twice on some systems
        name = action.text().replace("&", "").rstrip("…").split("\t")[0]
        if keys and keys not in seen:
            seen.add(keys)
            rows.append(f"<tr><td>{escape(keys)}</td><td>{escape(name)}</td></tr>")
    return "\n".join(rows)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        form = load_form("help", self)  # ui/help.ui
        self.browser = child(form, QTextBrowser, "helpBrowser")
        self.browser.setHtml(help_html(actions))
        seat_buttons(child(form, QDialogButtonBox, "buttons")).rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)
        self.resize(680, 600)


def about_text(log_file: Path, recovery_dir: Path) -> str:
    return (
        f"<h3>政府信息公开工作年度报告编制工具</h3>"
        f"<p>版本 {escape(__version__)}</p>"
        f"<p>按{formats_about()}填写、检查、导出年度报告。"  # the formats' own words
        "全部在本机运行，不联网。</p>"
        f"<p><b>日志文件：</b>{escape(str(log_file))}</p>"
        f"<p><b>恢复文件夹：</b>{escape(str(recovery_dir))}<br>"
        "（自动保存的恢复文件，程序正常关闭后删除；遇到问题时请连同日志发给技术支持。）</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, log_file: Path, recovery_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("关于")
        form = load_form("about", self)  # ui/about.ui
        self.label = child(form, QLabel, "aboutText")
        self.label.setText(about_text(log_file, recovery_dir))
        seat_buttons(child(form, QDialogButtonBox, "buttons")).rejected.connect(self.reject)
        QVBoxLayout(self).addWidget(form)
        self.resize(560, self.sizeHint().height())
