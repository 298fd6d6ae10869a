"""Chinese numerals and the report title each have one home; the callers agree with it."""

from __future__ import annotations

import pytest

from govopen_desktop.domain.numerals import chinese_numeral, parse_chinese_number
from govopen_desktop.domain.title import annual_report_title
from govopen_desktop.domain.values import parse_value


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十二", 12), ("二十五", 25), ("三十一", 31), ("一百零三", 103), ("两万", 20000),
    ("〇", 0), ("", None), ("十X", None), ("3", None),
])
def test_parse_chinese_number(text: str, value: int | None) -> None:
    assert parse_chinese_number(text) == value


def test_numerals_written_and_read_back() -> None:
    written = [chinese_numeral(n) for n in (1, 5, 10, 11, 20, 23, 99)]
    assert written == ["一", "五", "十", "十一", "二十", "二十三", "九十九"]
    assert all(parse_chinese_number(chinese_numeral(n)) == n for n in range(1, 100))
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_callers_use_the_one_parser() -> None:
    from govopen_desktop.io.importers.extract.meta import parse_date

    assert parse_value("十二", "count") == 12
    assert parse_date("二〇二五年一月二十日") == "2025-01-20"
    assert parse_date("二〇二五年十二月三十一日") == "2025-12-31"
    assert parse_date("二〇二五年十X月三日") is None  # not a month: no guess


def test_one_title_everywhere() -> None:
    from govopen_desktop.domain.report import Report
    from govopen_desktop.io.exporters.text import report_title

    title = annual_report_title("青山市自然资源和规划局", 2024)
    assert title == "青山市自然资源和规划局2024年政府信息公开工作年度报告"
    assert report_title(Report.new(" 青山市自然资源和规划局 ", 2024)) == title


def test_ascii_years_keeps_every_position() -> None:
    from govopen_desktop.domain.numerals import ascii_years

    for text in ("某县二〇二四年政府信息公开", "第三十二条", "２０２４年１月１日至", "一二三四五年"):
        assert len(ascii_years(text)) == len(text)
    assert ascii_years("二〇二四年１月１日") == "2024年1月1日"
    assert ascii_years("第三十二条二三四") == "第三十二条二三四"  # not a year: left as printed
    assert ascii_years("一二三四五年") == "一二三四五年"  # five numerals: not a year
