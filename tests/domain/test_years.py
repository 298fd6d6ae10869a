"""Updating the years of a paragraph taken from last year's report."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.years import update_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年，我局共收到申请5件。", "2025年，我局共收到申请5件。"),
        ("统计期限自2024年1月1日起至2024年12月31日止。", "统计期限自2025年1月1日起至2025年12月31日止。"),
        ("2025年，我局将进一步加强公开工作。", "2026年，我局将进一步加强公开工作。"),
        ("2024年度报告", "2025年度报告"),
        ("二〇二五年一月二十日", "二〇二六年一月二十日"),
        ("２０２４年", "２０２５年"),
        # fixed events and document numbers stay
        ("《条例》（2019年修订）", "《条例》（2019年修订）"),
        ("自2008年以来", "自2008年以来"),
        ("国办函〔2024〕109号", "国办函〔2024〕109号"),
        ("编号12024年", "编号12024年"),
        ("2024年修订的办法", "2024年修订的办法"),
    ],
)
def test_report_year_and_plan_year_move(text: str, expected: str) -> None:
    assert update_years(text, 2024, 2025)[0] == expected


def test_changes_say_where_the_new_years_stand() -> None:
    text, changes = update_years("2024年共5件，2025年将改进；2019年修订。", 2024, 2025)
    assert text == "2025年共5件，2026年将改进；2019年修订。"
    assert [(c.old, c.new) for c in changes] == [(2024, 2025), (2025, 2026)]
    assert [text[c.start : c.end] for c in changes] == ["2025", "2026"]


def test_same_year_changes_nothing() -> None:
    assert update_years("2024年", 2024, 2024) == ("2024年", [])
