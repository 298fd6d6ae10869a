"""The window's 导出网页 action: the page is written, and a missing 成文日期 is said after export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.gui import FakePrompter


def test_export_html_from_the_window_says_the_date_is_missing(qtbot: Any, window: Any, prompter: FakePrompter,
                                                               gui_env: Path) -> None:
    window.document.report.set_meta(date=None)
    target = gui_env / "年报.html"
    prompter.save_path = target
    prompter.choice_answer = 2  # 关闭
    window.act_export_html.trigger()
    assert not prompter.errors, prompter.errors
    page = target.read_text(encoding="utf-8")
    assert "<table" in page and window.document.report.meta.agency in page
    said = [text for kind, text in prompter.asked if kind == "choice"]
    assert said and "成文日期未填写" in said[-1]
