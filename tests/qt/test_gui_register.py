"""文件 → 从台账生成表三、表四 in the window: one undo step, tooltips naming register rows,
the checker's warning after a hand edit, the blank template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from govopen_desktop.domain.report import Report
from tests.support.gui import FakePrompter, make_window
from tests.support.registers import D, fill_template

GRANTED = "（一）予以公开"


def _register(tmp_path: Path) -> Path:
    return fill_template(tmp_path / "台账2025.xlsx", 2025, [
        (D(2025, 1, 6), "自然人", D(2025, 1, 10), GRANTED),
        (D(2025, 2, 6), "法人或其他组织 / 商业企业", D(2025, 2, 12), "部分公开"),
        (D(2025, 3, 6), "自然人", D(2025, 3, 10), GRANTED),
        (D(2025, 12, 29), "自然人", None, None),
        (D(2025, 4, 1), "自然人", D(2025, 6, 30), GRANTED),  # late
    ], cases=[("行政复议", D(2025, 2, 1), "维持", D(2025, 4, 1))])


def _tooltip(window: Any, key: str) -> str:
    window.show_section("t3" if key.startswith("t3.") else "t4")
    page = window.pages["t3" if key.startswith("t3.") else "t4"]
    model = page.model if hasattr(page, "model") else page.view.model()
    return str(model.data(model.index_of(key), Qt.ItemDataRole.ToolTipRole))


def test_counting_from_a_register_fills_tables_3_and_4_as_one_undo_step(
        qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    report = Report.new("测试局", 2025)
    report.set_values({"t3.new.natural": 9})  # typed before: replaced by the count, restored by undo
    window = make_window(qtbot, gui_env, prompter, report)
    prompter.open_path = _register(gui_env)
    actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    actions["从台账生成表三、表四…"].trigger()
    report = window.document.report
    assert report.get("t3.new.natural") == 4 and report.get("t3.granted.natural") == 3
    assert report.get("t3.partial.commercial") == 1 and report.get("t3.carried_out.natural") == 1
    assert report.get("t3.new.total") == 5 and report.get("t3.results_total.total") == 4
    assert report.get("t4.review.upheld") == 1 and report.get("t4.review.total") == 1
    assert report.get("t3.denied_secret.natural") == 0  # counted zero, not left empty
    assert report.extra["register"]["file"] == "台账2025.xlsx"
    assert not [f for f in window.document.findings if f.rule in ("T3-BAL", "T3-REGISTER")]
    assert len(prompter.problems) == 1 and any("第 6 行" in p for p in prompter.problems[0])  # the late answer
    assert "来自台账“依申请公开台账”第 2、4、6 行" in _tooltip(window, "t3.granted.natural")
    assert "第 2、3、4、6 行" in _tooltip(window, "t3.results_total.total")
    assert "来自台账“复议诉讼台账”第 2 行" in _tooltip(window, "t4.review.upheld")

    stack = window.document.undo_stack
    assert stack.count() == 1 and "台账2025.xlsx" in stack.undoText()
    stack.undo()
    assert report.get("t3.new.natural") == 9 and report.get("t3.granted.natural") is None
    assert "register" not in report.extra
    assert "来自台账" not in _tooltip(window, "t3.new.natural")
    stack.redo()
    assert report.get("t3.new.natural") == 4 and report.extra["register"]["counted"]["t3.new.natural"] == 4


def test_a_hand_edit_after_counting_is_flagged(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, Report.new("测试局", 2025))
    assert window.registers.count_from_register(_register(gui_env))
    window.document.report.set_value("t3.granted.natural", 2)
    window.document.recheck()
    flagged = [f for f in window.document.findings if f.rule == "T3-REGISTER"]
    assert len(flagged) == 1 and flagged[0].cells == ("t3.granted.natural",)


def test_an_unusable_register_changes_nothing(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, Report.new("测试局", 2025))
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "金额"])
    wb.save(gui_env / "工资.xlsx")
    assert not window.registers.count_from_register(gui_env / "工资.xlsx")
    broken = gui_env / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04broken")
    assert not window.registers.count_from_register(broken)
    assert prompter.errors and "坏.xlsx" in prompter.errors[0]
    assert window.document.undo_stack.count() == 0 and "register" not in window.document.report.extra


def test_blank_template_from_the_window(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, Report.new("测试局", 2020))
    prompter.save_path = gui_env / "模板.xlsx"
    window.act_register_template.trigger()
    wb = openpyxl.load_workbook(prompter.save_path)
    lists = wb["下拉选项"]
    results = [c.value for c in lists["B"][1:] if c.value]
    assert len(results) == 19 and results[-1] == "（六）其他处理"  # the 2019 trial format's rows


def test_the_applications_paragraph_quotes_the_time_limits_from_the_register(
        qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from govopen_desktop.domain.drafts import draft_text

    window = make_window(qtbot, gui_env, prompter, Report.new("测试局", 2025))
    before = draft_text(window.document.report, "applications")
    assert "法定期限" not in before
    assert window.registers.count_from_register(_register(gui_env))
    text = draft_text(window.document.report, "applications")
    assert "全年共收到政府信息公开申请5件" in text
    assert text.endswith("本年度答复的4件申请中，3件在法定期限内答复，1件超过法定期限。")


@pytest.mark.screenshot
def test_screenshot_of_table_3_counted_from_a_register(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    """docs/screenshot-register-t3.png (replaced with GOVOPEN_UPDATE_DOCS=1, else written to tmp)."""
    from PySide6.QtWidgets import QApplication

    from govopen_desktop.qt.main_window import DEFAULT_SIZE
    from tests.support.screenshots import screenshot_dir

    out_dir = screenshot_dir(gui_env)
    window = make_window(qtbot, gui_env, prompter, Report.new("青山市自然资源和规划局", 2025))
    source = fill_template(gui_env / "台账2025.xlsx", 2025, [
        (D(2024, 12, 16), "自然人", D(2025, 1, 8), GRANTED),
        (D(2025, 1, 20), "自然人", D(2025, 2, 24), GRANTED),
        (D(2025, 3, 4), "法人或其他组织 / 商业企业", D(2025, 3, 20), "（三）不予公开 / 4.保护第三方合法权益"),
        (D(2025, 5, 12), "自然人", D(2025, 6, 3), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        (D(2025, 9, 26), "法人或其他组织 / 法律服务机构", D(2025, 10, 30),
         "（四）无法提供 / 1.本机关不掌握相关政府信息"),
        (D(2025, 12, 29), "自然人", None, None),
    ], cases=[("行政复议", D(2025, 2, 1), "维持", D(2025, 4, 1)), ("复议后起诉", D(2025, 8, 1), "尚未审结", None)])
    assert window.registers.count_from_register(source)
    window.show_section("t3")
    window.resize(DEFAULT_SIZE)
    for _ in range(3):
        QApplication.processEvents()
    out = out_dir / "screenshot-register-t3.png"
    assert window.grab().save(str(out)) and out.stat().st_size < 400_000
    assert window.document.report.get("t3.new.total") == 5
