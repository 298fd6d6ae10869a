"""Tables 3 and 4 counted from registers: the template's round trip, the layouts offices keep,
every counting rule at the year's boundaries, the statutory time limit in working days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.register import RawSheet, RegisterCount, apply_count, count_sheets, vocabulary
from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import load_report, save_report
from govopen_desktop.io.register import read_register_file, write_template
from tests.support.registers import D, excel_serial, fill_template, office_workbook

HEADER = ("序号", "收到日期", "申请人类型", "补正日期", "是否延期", "答复日期", "办理结果")
CASE_HEADER = ("序号", "类型", "立案或收到日期", "结果", "结案日期")
GRANTED, THIRD = "（一）予以公开", "（三）不予公开 / 4.保护第三方合法权益"
COMPANY = "法人或其他组织 / 商业企业"
T3_COLS = ("natural", "commercial", "research", "social", "legal", "other_org")


def count_rows(year: int, rows: list[tuple[object, ...]], cases: list[tuple[object, ...]] | None = None
               ) -> RegisterCount:
    """Rows as (收到日期, 申请人类型, 答复日期, 办理结果[, 补正日期, 是否延期]) on row 2 on."""
    lines = [(1, HEADER)]
    for i, (received, kind, answered, result, *rest) in enumerate(rows, start=2):
        corrected = rest[0] if rest else None
        extended = rest[1] if len(rest) > 1 else None
        lines.append((i, (i - 1, received, kind, corrected, extended, answered, result)))
    sheets = [RawSheet("依申请公开台账", tuple(lines))]
    if cases is not None:
        sheets.append(RawSheet("复议诉讼台账", ((1, CASE_HEADER), *((i, (i - 1, *c)) for i, c in
                                                                    enumerate(cases, start=2)))))
    return count_sheets(sheets, year)


def nonzero(count: RegisterCount) -> dict[str, int]:
    return {k: v for k, v in count.values.items() if v}


def codes(count: RegisterCount) -> dict[str, tuple[int, ...]]:
    return {i.code: i.rows for i in count.issues}


def assert_balanced(count: RegisterCount) -> None:
    v = vocabulary(count.format_id)
    for col in T3_COLS:
        def cell(row: str, col: str = col) -> int:
            return count.values[f"t3.{row}.{col}"]
        results = sum(cell(r.id) for r in v.results)
        assert cell("new") + cell("carried_in") == results + cell("carried_out"), col


# ---- the template -----------------------------------------------------------------------------


def _validation_lists(path: Path) -> dict[str, list[str]]:
    """Header of the validated column -> the items its drop-down offers (read back from the file)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["依申请公开台账"]
    header = {c.column_letter: c.value for c in ws[1]}
    lists: dict[str, list[str]] = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type != "list":
            continue
        column = str(dv.sqref).split(":")[0].rstrip("0123456789")
        formula = dv.formula1
        if formula.startswith("'"):
            sheet, area = formula.split("!")
            first, last = area.replace("$", "").split(":")
            src = wb[sheet.strip("'")]
            items = [c.value for row in src[first:last] for c in row]
        else:
            items = formula.strip('"').split(",")
        lists[header[column]] = items
    return lists


@pytest.mark.parametrize("year, n_results", [(2025, 21), (2020, 19)])
def test_template_offers_exactly_the_official_categories_of_the_year(tmp_path: Path, year: int,
                                                                     n_results: int) -> None:
    path = tmp_path / "台账.xlsx"
    write_template(path, year)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:3] == ["依申请公开台账", "复议诉讼台账", "说明"]
    apps = wb["依申请公开台账"]
    assert [c.value for c in apps[1]] == ["序号", "收到日期", "申请人", "申请人类型", "申请内容", "补正日期",
                                          "是否延期", "答复日期", "办理结果", "备注"]
    assert apps.freeze_panes == "A2"
    assert apps["B2"].number_format == "yyyy-mm-dd" and apps["H2"].number_format == "yyyy-mm-dd"
    assert [c.value for c in wb["复议诉讼台账"][1]] == ["序号", "类型", "立案或收到日期", "结果", "结案日期", "备注"]
    lists = _validation_lists(path)
    fmt_id = "2021" if year >= 2021 else "2019"
    assert lists["申请人类型"] == [c.text for c in vocabulary(fmt_id).applicant_types]
    assert len(lists["办理结果"]) == n_results
    assert THIRD in lists["办理结果"] and lists["办理结果"][0] == GRANTED
    assert ("（六）其他处理 / 3.其他" in lists["办理结果"]) == (year >= 2021)
    assert lists["是否延期"] == ["是", "否"]
    notes = " ".join(str(c.value) for c in wb["说明"]["A"] if c.value)
    assert "结转下年度继续办理" in notes and "20 个工作日" in notes


def test_template_round_trip_counts_what_was_filled(tmp_path: Path) -> None:
    path = fill_template(tmp_path / "台账.xlsx", 2025, [
        (D(2024, 12, 20), "自然人", D(2025, 1, 10), GRANTED),  # carried in, answered
        (D(2025, 3, 4), COMPANY, D(2025, 3, 20), THIRD),
        (D(2025, 5, 6), "自然人", D(2025, 5, 20), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        (D(2025, 12, 31), "法人或其他组织 / 法律服务机构", D(2026, 1, 2), GRANTED),  # carried out
        (D(2025, 12, 20), "自然人", None, None),  # still open at the year's end, within its limit
    ], cases=[
        ("行政复议", D(2025, 2, 1), "维持", D(2025, 4, 1)),
        ("复议后起诉", D(2025, 8, 1), "尚未审结", None),
    ])
    source = read_register_file(path)
    count = count_sheets(source.sheets, 2025)
    assert nonzero(count) == {
        "t3.carried_in.natural": 1, "t3.granted.natural": 1,
        "t3.new.commercial": 1, "t3.denied_third_party.commercial": 1,
        "t3.new.natural": 2, "t3.partial.natural": 1, "t3.carried_out.natural": 1,
        "t3.new.legal": 1, "t3.carried_out.legal": 1,
        "t4.review.upheld": 1, "t4.suit_after_review.pending": 1,
    }
    assert count.sources["t3.new.natural"] == (4, 6)
    assert count.sources["t4.suit_after_review.pending"] == (3,)
    assert count.issues == [] and count.stats["on_time"] == 3
    assert_balanced(count)

    report = Report.new("测试局", 2025)
    apply_count(report, count, source.name, source.sha256)
    assert report.get("t3.results_total.total") == 3 and report.get("t3.new.total") == 4
    assert report.get("t4.review.total") == 1
    assert not [f for f in check(report) if f.rule in ("T3-BAL", "T3-RESULTS", "T3-ROWSUM", "T3-REGISTER")]
    saved = tmp_path / "报告.govopen"
    save_report(report, saved)
    again = load_report(saved)
    assert again.extra["register"]["sha256"] == source.sha256 and again.extra["register"]["file"] == "台账.xlsx"
    assert again.extra["register"]["rows"]["t3.new.natural"] == [4, 6]
    again.set_value("t3.new.natural", 5)  # a hand edit after counting
    edited = [f for f in check(again) if f.rule == "T3-REGISTER"]
    assert len(edited) == 1 and edited[0].cells == ("t3.new.natural",)
    assert edited[0].suggested == {"t3.new.natural": 2} and "台账为 2，现为 5" in edited[0].message


# ---- counting at the year's boundaries --------------------------------------------------------


def test_received_on_31_december_answered_on_2_january() -> None:
    rows = [(D(2024, 12, 31), "自然人", D(2025, 1, 2), GRANTED)]
    assert nonzero(count_rows(2024, rows)) == {"t3.new.natural": 1, "t3.carried_out.natural": 1}
    assert nonzero(count_rows(2025, rows)) == {"t3.carried_in.natural": 1, "t3.granted.natural": 1}


def test_received_last_year_answered_this_year_and_never_answered() -> None:
    rows = [
        (D(2024, 6, 3), "自然人", D(2025, 3, 3), GRANTED),  # a long one: late, but counted
        (D(2024, 6, 4), "自然人", None, None),  # never answered: carried twice
        (D(2024, 6, 5), "自然人", D(2024, 6, 20), GRANTED),  # last year's business only
        (D(2026, 1, 5), "自然人", None, None),  # next year's
    ]
    this = count_rows(2025, rows)
    assert nonzero(this) == {"t3.carried_in.natural": 2, "t3.granted.natural": 1, "t3.carried_out.natural": 1}
    assert this.sources["t3.carried_in.natural"] == (2, 3)
    last = count_rows(2024, rows)
    assert nonzero(last) == {"t3.new.natural": 3, "t3.granted.natural": 1, "t3.carried_out.natural": 2}
    for count in (this, last):
        assert_balanced(count)
    assert count_rows(2024, rows).values["t3.carried_out.natural"] == count_rows(2025, rows).values[
        "t3.carried_in.natural"]


def test_rows_that_cannot_be_counted_are_named() -> None:
    count = count_rows(2025, [
        (D(2025, 3, 4), "自然人", D(2025, 3, 10), GRANTED),
        (D(2025, 3, 4), "自然人", D(2025, 3, 10), None),  # answered, no result
        (D(2025, 3, 4), "自然人", D(2025, 3, 1), GRANTED),  # answered before it came
        (None, "自然人", D(2025, 3, 10), GRANTED),  # no receipt date
        (D(2025, 3, 4), "不予公开", D(2025, 3, 10), "不予公开"),  # neither category exists like that
        (D(2025, 3, 4), "自然人", D(2025, 3, 10), "不予公开"),  # eight rows fit: not chosen
        ("2025年13月1日", "自然人", None, None),
        (D(2025, 3, 4), "自然人", None, GRANTED),  # a result without a date: still open
    ])
    found = codes(count)
    assert found["REG-RESULT"] == (3, 7)
    assert found["REG-ORDER"] == (4,)
    assert found["REG-NO-RECEIVED"] == (5,)
    assert found["REG-TYPE"] == (6,)
    assert found["REG-BAD-DATE"] == (8,)
    assert found["REG-RESULT-NO-DATE"] == (9,)
    ambiguous = next(i for i in count.issues if i.code == "REG-RESULT")
    assert "第 7 行" in ambiguous.details[1] and "（三）不予公开 / 1.属于国家秘密" in ambiguous.details[1]
    assert {i.level for i in count.issues if i.code not in ("REG-RESULT-NO-DATE", "REG-OVERDUE")} == {"error"}
    assert nonzero(count) == {"t3.new.natural": 2, "t3.granted.natural": 1, "t3.carried_out.natural": 1}
    assert_balanced(count)


def test_cases_closed_this_year_pending_and_carried_from_last_year() -> None:
    count = count_rows(2025, [], cases=[
        ("行政复议", D(2025, 2, 1), "维持", D(2025, 4, 1)),
        ("行政复议", D(2024, 11, 1), "纠正", D(2025, 1, 20)),  # last year's pending, decided now
        ("行政复议", D(2024, 3, 1), "维持", D(2024, 5, 1)),  # last year's only
        ("未经复议直接起诉", D(2025, 12, 1), "维持", D(2026, 2, 1)),  # decided next year: pending now
        ("复议后起诉", D(2025, 6, 1), "尚未审结", None),
        ("复议后起诉", D(2025, 6, 1), "尚未审结", D(2025, 9, 1)),  # contradiction
        ("行政诉讼", D(2025, 6, 1), "维持", D(2025, 9, 1)),  # which kind of suit?
        ("行政复议", D(2025, 6, 1), "维持", None),  # a result, but when?
    ])
    assert nonzero(count) == {"t4.review.upheld": 1, "t4.review.corrected": 1, "t4.suit_direct.pending": 1,
                              "t4.suit_after_review.pending": 1}
    assert codes(count) == {"REG-CASE-PENDING-CLOSED": (7,), "REG-CASE-KIND": (8,), "REG-CASE-NO-CLOSED": (9,)}


def test_2019_format_year_counts_into_its_own_rows() -> None:
    count = count_rows(2020, [
        (D(2020, 3, 4), "自然人", D(2020, 3, 20), "（六）其他处理"),
        (D(2020, 3, 4), "自然人", D(2020, 3, 20), "其他"),
    ])
    assert count.format_id == "2019"
    assert nonzero(count) == {"t3.new.natural": 2, "t3.other.natural": 2}
    in_2021 = count_rows(2021, [(D(2021, 3, 4), "自然人", D(2021, 3, 20), "其他")])
    assert in_2021.format_id == "2021" and in_2021.values["t3.other_misc.natural"] == 1


# ---- the statutory time limit -----------------------------------------------------------------


def test_deadline_counts_working_days_across_the_spring_festival_and_its_make_up_days() -> None:
    # 2025: 1月28日–2月4日 off; Sunday 1月26日 and Saturday 2月8日 are working days. Twenty
    # working days after 1月20日 end on 2月21日 (plain Mon–Fri: 2月17日; without the make-up
    # days: 2月25日).
    count = count_rows(2025, [
        (D(2025, 1, 20), "自然人", D(2025, 2, 21), GRANTED),
        (D(2025, 1, 20), "自然人", D(2025, 2, 24), GRANTED),
        (D(2025, 1, 20), "自然人", D(2025, 3, 21), GRANTED, None, "是"),  # extended by 20: 3月21日
        (D(2025, 1, 20), "自然人", D(2025, 3, 24), GRANTED, None, "是"),
        (D(2025, 1, 6), "自然人", D(2025, 2, 21), GRANTED, D(2025, 1, 20)),  # from the 补正 date
    ])
    late = next(i for i in count.issues if i.code == "REG-LATE")
    assert late.rows == (3, 5)
    assert "2025年2月21日前" in late.details[0] and "2025年3月21日前" in late.details[1]
    assert count.stats == {"new": 5, "answered": 5, "on_time": 3, "late": 2, "unchecked": 0, "carried_out": 0}


def test_deadline_over_national_day_and_overdue_at_the_years_end() -> None:
    # 2025: 10月1日–8日 off; Sunday 9月28日 and Saturday 10月11日 working days.
    count = count_rows(2025, [
        (D(2025, 9, 26), "自然人", D(2025, 10, 30), GRANTED),  # 9/28, 9/29, 9/30, 10/9 … 10/30: 20th
        (D(2025, 9, 26), "自然人", D(2025, 10, 31), GRANTED),
        (D(2025, 11, 3), "自然人", None, None),  # still open on 31 December, past its limit
    ])
    assert codes(count) == {"REG-LATE": (3,), "REG-OVERDUE": (4,)}


def test_a_year_beyond_the_calendar_data_is_said_not_guessed() -> None:
    count = count_rows(2031, [(D(2031, 3, 3), "自然人", D(2031, 3, 10), GRANTED)])
    calendar = next(i for i in count.issues if i.code == "REG-CALENDAR")
    assert calendar.level == "info" and "2031" in calendar.details[0]
    assert count.values["t3.granted.natural"] == 1 and count.stats["unchecked"] == 1


# ---- registers as offices keep them -----------------------------------------------------------


def test_office_xlsx_with_its_own_names_order_loose_categories_and_serial_dates(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "2025年依申请公开登记表.xlsx", "某区2025年政府信息公开申请登记台账",
                           ["编号", "申请人姓名或名称", "申请人类别（自然人/法人）", "收件日期", "申请公开内容",
                            "处理情况", "答复时间", "备注"], [
        [1, "张某", "个人", excel_serial(D(2025, 3, 4)), "某文件", "不予公开-第三方", excel_serial(D(2025, 3, 20))],
        [2, "某公司", "企业", "2025/3/4", "某项目", "信访类", "2025年3月18日"],
        [3, "李某", "公民", "2025.04.01", "某信息", "本机关不掌握", "2025-04-15"],
        [4, "某律所", "律师事务所", D(2025, 12, 30), "某案卷", "", None],
        [None, "合计", None, None, None, None, None, "4件"],
    ])
    count = count_sheets(read_register_file(path).sheets, 2025)
    assert count.sheets == {"t3": "Sheet1"}
    assert nonzero(count) == {
        "t3.new.natural": 2, "t3.denied_third_party.natural": 1, "t3.unable_not_held.natural": 1,
        "t3.new.commercial": 1, "t3.rejected_petition.commercial": 1,
        "t3.new.legal": 1, "t3.carried_out.legal": 1,
    }
    assert count.sources["t3.denied_third_party.natural"] == (3,)
    assert count.issues == []


def test_csv_in_gbk_and_in_utf8_with_bom(tmp_path: Path) -> None:
    text = ("受理日期,申请人身份,办结日期,答复结果,是否延长\n"
            "2025-02-10,自然人,2025-03-01,予以公开,否\n"
            "2025-02-11,科研机构,,,\n"
            "2025-02-12,社会公益组织,2025-02-20,重复申请,\n")
    expected = {"t3.new.natural": 1, "t3.granted.natural": 1, "t3.new.research": 1, "t3.carried_out.research": 1,
                "t3.new.social": 1, "t3.rejected_repeat.social": 1}
    for name, data in (("gbk.csv", text.encode("gbk")), ("bom.csv", text.encode("utf-8-sig"))):
        path = tmp_path / name
        path.write_bytes(data)
        count = count_sheets(read_register_file(path).sheets, 2025)
        assert nonzero(count) == expected, name
        assert count.sheets == {"t3": path.stem}


def test_tab_separated_text_with_a_cases_file_beside(tmp_path: Path) -> None:
    apps = tmp_path / "申请.csv"
    apps.write_text("序号\t收到时间\t申请人类型\t答复日期\t办理结果\n1\t20250310\t自然人\t20250312\t部分公开\n",
                    encoding="utf-8")
    count = count_sheets(read_register_file(apps).sheets, 2025)
    assert nonzero(count) == {"t3.new.natural": 1, "t3.partial.natural": 1}


def test_xls_register(tmp_path: Path) -> None:
    import shutil

    from tests.support.office import office_convert

    if (shutil.which("soffice") or shutil.which("libreoffice")) is None:
        pytest.skip("LibreOffice is not installed: it makes the .xls for this test")
    source = fill_template(tmp_path / "台账.xlsx", 2025, [(D(2025, 3, 4), COMPANY, D(2025, 3, 20), THIRD)],
                           cases=[("行政复议", D(2025, 2, 1), "纠正", D(2025, 4, 1))])
    office_convert([source], "xls", tmp_path / "xls", timeout=120)
    count = count_sheets(read_register_file(tmp_path / "xls" / "台账.xls").sheets, 2025)
    assert nonzero(count) == {"t3.new.commercial": 1, "t3.denied_third_party.commercial": 1,
                              "t4.review.corrected": 1}


def test_a_register_missing_a_column_or_no_register_at_all(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "缺列.xlsx", "台账", ["序号", "收到日期", "答复日期", "办理结果", "申请内容"],
                           [[1, D(2025, 3, 4), D(2025, 3, 9), GRANTED, "x"]])
    count = count_sheets(read_register_file(path).sheets, 2025)
    assert count.sheets == {} and count.issues[0].code == "REG-COLUMNS"
    assert "“申请人类型”" in count.issues[0].title
    other = office_workbook(tmp_path / "别的.xlsx", "工资表", ["姓名", "金额"], [["张", 3]])
    assert count_sheets(read_register_file(other).sheets, 2025).issues[0].code == "REG-NO-SHEET"
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(GovopenError, match=r"坏\.xlsx"):
        read_register_file(bad)
    with pytest.raises(GovopenError, match="找不到"):
        read_register_file(tmp_path / "没有.xlsx")


def test_loose_categories_match_one_official_row_or_none() -> None:
    v = vocabulary("2021")
    assert v.match_result("不予公开-第三方").category.id == "denied_third_party"  # type: ignore[union-attr]
    assert v.match_result("信访类").category.id == "rejected_petition"  # type: ignore[union-attr]
    assert v.match_result("本机关不掌握").category.id == "unable_not_held"  # type: ignore[union-attr]
    assert v.match_result(THIRD).category.id == "denied_third_party"  # type: ignore[union-attr]
    assert v.match_result("公开").category is None and len(v.match_result("公开").candidates) > 2
    assert v.match_result("不同意公开").category is None
    assert v.match_applicant("法人").category is None
    assert v.match_applicant("法人或其他组织 / 其他").category.id == "other_org"  # type: ignore[union-attr]
    assert v.match_kind("复议").category.id == "review"  # type: ignore[union-attr]
    assert v.match_outcome("撤销").category.id == "corrected"  # type: ignore[union-attr]


def test_dates_in_the_usual_forms() -> None:
    from govopen_desktop.domain.register.dates import DateError, parse_date

    for raw in ("2025-03-04", "2025/3/4", "2025年3月4日", "2025.3.4", "20250304", 45720, "45720",
                dt.datetime(2025, 3, 4, 9, 30), "2025-03-04 09:30:00", "２０２５年３月４日"):
        assert parse_date(raw) == D(2025, 3, 4), raw
    assert parse_date(None) is None and parse_date(" ") is None
    for bad in ("2025-02-30", "3月4日", "明天", 12):
        with pytest.raises(DateError):
            parse_date(bad)


def test_fast_xlsx_reader_reads_what_openpyxl_reads(tmp_path: Path) -> None:
    from govopen_desktop.io.register.read import _read_xlsx, _read_xlsx_openpyxl

    template = fill_template(tmp_path / "台账.xlsx", 2025, [
        (D(2025, 3, 4), "自然人", dt.datetime(2025, 3, 9, 14, 30), GRANTED, None, True),
        (45720, COMPANY, "2025/3/9", THIRD, D(2025, 3, 5), "否"),
    ], cases=[("行政复议", D(2025, 2, 1), "维持", D(2025, 4, 1))])
    wb = openpyxl.load_workbook(template)
    wb["依申请公开台账"]["E2"] = openpyxl.cell.rich_text.CellRichText(
        ["某", openpyxl.cell.rich_text.TextBlock(openpyxl.cell.text.InlineFont(b=True), "文件")])
    wb["依申请公开台账"]["J3"] = 1.5
    wb.save(template)
    office = office_workbook(tmp_path / "登记.xlsx", "标题", ["收件日期", "申请人类别", "答复时间", "处理情况"],
                             [[D(2025, 1, 2), "个人", excel_serial(D(2025, 1, 3)), "予以公开"]])
    mac = tmp_path / "mac.xlsx"  # the 1904 date system of old Mac Excel
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.active.append(["收到日期", "申请人类型", "答复日期", "办理结果"])
    wb.active.append([D(2025, 3, 4), "自然人", D(2025, 3, 9), GRANTED])
    wb.save(mac)
    assert _read_xlsx(mac.read_bytes(), mac.name)[0].rows[1][1][0] == dt.datetime(2025, 3, 4)
    for path in (template, office, mac):
        data = path.read_bytes()

        def trimmed(sheets: tuple[RawSheet, ...]) -> list[tuple[str, list[tuple[int, tuple[object, ...]]]]]:
            result = []
            for sheet in sheets:
                rows = []
                for number, cells in sheet.rows:
                    cells = tuple(cells)
                    while cells and cells[-1] is None:
                        cells = cells[:-1]
                    rows.append((number, cells))
                result.append((sheet.name, rows))
            return result

        assert trimmed(_read_xlsx(data, path.name)) == trimmed(_read_xlsx_openpyxl(data, path.name)), path.name


def test_a_header_of_two_rows_with_a_merged_group(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2025年度政府信息公开申请办理情况登记表"])
    ws.append(["序号", "收到申请时间", "申请人信息", None, "申请内容", "办理情况", None])
    ws.append([None, None, "姓名或名称", "类别", None, "答复日期", "答复结果"])
    ws.merge_cells("C2:D2")
    ws.merge_cells("F2:G2")
    ws.append([1, "2025-04-01", "张某", "自然人", "某文件", "2025-04-03", "予以公开"])
    ws.append([2, "2025-04-02", "某公司", "企业", "某合同", None, None])
    wb.save(tmp_path / "两行表头.xlsx")
    count = count_sheets(read_register_file(tmp_path / "两行表头.xlsx").sheets, 2025)
    assert nonzero(count) == {"t3.new.natural": 1, "t3.granted.natural": 1, "t3.new.commercial": 1,
                              "t3.carried_out.commercial": 1}
    assert count.sources["t3.new.commercial"] == (5,)


def test_disguised_and_foreign_files_get_a_message_naming_them(tmp_path: Path) -> None:
    cases = {
        "报告.xlsx": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "图片.csv": bytes(range(256)) * 40,
        "空.csv": b"",
        "网页.xls": b"<html><body><table><tr><td>1</td></tr></table></body></html>",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(GovopenError) as caught:
            read_register_file(tmp_path / name)
        assert name in str(caught.value), name


def test_a_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    import time
    import zipfile

    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (20 * 1024 * 1024) + b">")  # 20 MB from a few KB
    started = time.perf_counter()
    with pytest.raises(GovopenError, match=r"炸弹\.xlsx"):
        read_register_file(path)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_every_drop_down_entry_matches_its_own_category(format_id: str) -> None:
    v = vocabulary(format_id)
    for group, match in ((v.applicant_types, v.match_applicant), (v.results, v.match_result),
                         (v.kinds, v.match_kind), (v.outcomes, v.match_outcome)):
        for category in group:
            assert match(category.text).category is category, category.text


def test_free_text_results_with_a_remark_in_brackets_or_a_negation() -> None:
    v = vocabulary("2021")
    assert v.match_result("不予公开（第三方）").category.id == "denied_third_party"  # type: ignore[union-attr]
    assert v.match_result("信息不存在").category.id == "unable_not_held"  # type: ignore[union-attr]
    assert v.match_result("举报投诉").category.id == "rejected_petition"  # type: ignore[union-attr]
    assert v.match_result("不同意公开").category is None
    assert v.match_result("（三）不予公开").category is None  # which of the eight?


def test_a_csv_with_one_endless_field_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "长.csv"
    path.write_text("收到日期,申请人类型\n\"" + "很长" * 200_000 + "\",自然人\n", encoding="utf-8")
    with pytest.raises(GovopenError, match=r"长\.csv"):
        read_register_file(path)


def test_fast_reader_inline_strings_prefixed_namespace_and_gaps(tmp_path: Path) -> None:
    """A sheet as some generators write it: an x: prefix, inline strings, no shared strings."""
    import zipfile

    from govopen_desktop.io.register.read import _read_xlsx

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (f'<x:worksheet xmlns:x="{main}"><x:sheetData>'
             '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>收到日期</x:t></x:is></x:c>'
             '<x:c r="B1" t="inlineStr"><x:is><x:t>申请人类型</x:t></x:is></x:c>'
             '<x:c r="C1" t="inlineStr"><x:is><x:t>答复日期</x:t></x:is></x:c>'
             '<x:c r="D1" t="inlineStr"><x:is><x:t>办理结果</x:t></x:is></x:c></x:row>'
             '<x:row r="4"><x:c r="A4"><x:v>45720</x:v></x:c>'
             '<x:c r="B4" t="inlineStr"><x:is><x:t>自然人</x:t></x:is></x:c>'
             '<x:c r="C4" t="str"><x:v>2025/3/10</x:v></x:c>'
             '<x:c r="D4" t="inlineStr"><x:is><x:r><x:t>予以</x:t></x:r><x:r><x:t>公开</x:t></x:r></x:is></x:c>'
             '<x:c r="F4" t="b"><x:v>1</x:v></x:c></x:row>'
             '</x:sheetData></x:worksheet>')
    path = tmp_path / "生成器.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                                       '<sheet name="登记" sheetId="1" r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels",
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                    "</Relationships>")
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    sheets = _read_xlsx(path.read_bytes(), path.name)
    assert sheets[0].name == "登记"
    assert sheets[0].rows[1] == (4, (45720, "自然人", "2025/3/10", "予以公开", None, True))
    count = count_sheets(sheets, 2025)
    assert nonzero(count) == {"t3.new.natural": 1, "t3.granted.natural": 1}
    assert count.sources["t3.granted.natural"] == (4,)


def test_a_damaged_xls_register_is_said_in_chinese_without_the_librarys_words() -> None:
    from govopen_desktop.io.register.read import _read_xls
    from tests.support.hostile_files import far_cell_xls

    with pytest.raises(GovopenError) as caught:
        _read_xls(far_cell_xls(), "台账.xls")  # records xlrd's container reader cannot follow
    assert str(caught.value) == ("台账“台账.xls”不是有效的 Excel 97-2003 工作簿，可能已损坏。"
                                 "请用 Excel 或 WPS 打开并另存为 .xlsx 后再读取。")
