"""The blank register an office fills through the year: one sheet of applications, one of
复议/诉讼 cases, drop-down lists of exactly the format's categories, and how each column is
counted. The categories come from the format file of the year, through the domain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.formats import format_for_year
from govopen_desktop.domain.register import vocabulary
from govopen_desktop.domain.register.columns import APPLICATION_COLUMNS, CASE_COLUMNS
from govopen_desktop.io.atomic import write_bytes_atomic
from govopen_desktop.io.oserrors import describe_os_error

APPLICATIONS_SHEET = "依申请公开台账"
CASES_SHEET = "复议诉讼台账"
NOTES_SHEET = "说明"
LISTS_SHEET = "下拉选项"
ROWS = 2000  # rows prepared with date formats and drop-downs
APPLICATION_ROLES = ("seq", "received", "applicant", "applicant_type", "content", "corrected", "extended",
                     "answered", "result", "note")
CASE_ROLES = ("seq", "kind", "received", "result", "closed", "note")
DATE_ROLES = ("received", "corrected", "answered", "closed")
WIDTHS = {"seq": 6, "received": 13, "applicant": 16, "applicant_type": 30, "content": 24, "corrected": 13,
          "extended": 10, "answered": 13, "result": 56, "note": 20, "kind": 18, "closed": 13}
CASE_WIDTHS = {"result": 12}
DATE_FORMAT = "yyyy-mm-dd"
NOTES_WIDTH = 80


def write_template(path: Path, year: int | None = None) -> None:
    year = year or dt.date.today().year
    fmt = format_for_year(year)
    vocab = vocabulary(fmt.id)
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    header_font = Font(name="黑体", bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    lists = wb.create_sheet(LISTS_SHEET)
    columns = {
        "A": ("申请人类型", [c.text for c in vocab.applicant_types]),
        "B": ("办理结果", [c.text for c in vocab.results]),
        "C": ("是否延期", ["是", "否"]),
        "D": ("类型", [c.text for c in vocab.kinds]),
        "E": ("结果", [c.text for c in vocab.outcomes]),
    }
    ranges: dict[str, str] = {}
    for letter, (title, items) in columns.items():
        lists[f"{letter}1"] = title
        for i, item in enumerate(items, start=2):
            lists[f"{letter}{i}"] = item
        ranges[title] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(items) + 1}"
    lists.sheet_state = "hidden"

    def sheet(ws: object, roles: tuple[str, ...], names: dict[str, tuple[str, ...]], lists_for: dict[str, str],
              widths: dict[str, int]) -> None:
        for col, role in enumerate(roles, start=1):
            cell = ws.cell(1, col, names[role][0])  # type: ignore[attr-defined]
            cell.font, cell.fill, cell.border = header_font, header_fill, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            letter = get_column_letter(col)
            ws.column_dimensions[letter].width = widths.get(role, WIDTHS[role])  # type: ignore[attr-defined]
            area = f"{letter}2:{letter}{ROWS + 1}"
            if role in DATE_ROLES:
                for r in range(2, ROWS + 2):
                    ws.cell(r, col).number_format = DATE_FORMAT  # type: ignore[attr-defined]
                check = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                                       showErrorMessage=True, errorTitle="日期",
                                       error="请填写日期，如 2025-03-04（也可写 2025/3/4）。")
                check.add(area)
                ws.add_data_validation(check)  # type: ignore[attr-defined]
            elif role in lists_for:
                check = DataValidation(type="list", formula1=ranges[lists_for[role]], allow_blank=True,
                                       showErrorMessage=True, errorTitle=names[role][0],
                                       error="请从下拉列表中选择官方格式的类别。")
                check.add(area)
                ws.add_data_validation(check)  # type: ignore[attr-defined]
        ws.freeze_panes = "A2"  # type: ignore[attr-defined]
        ws.print_title_rows = "1:1"  # type: ignore[attr-defined]
        ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]
        ws.page_setup.paperSize = 9  # type: ignore[attr-defined]  # A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # type: ignore[attr-defined]
        ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]
        ws.row_dimensions[1].height = 24  # type: ignore[attr-defined]

    apps = wb.active
    apps.title = APPLICATIONS_SHEET
    sheet(apps, APPLICATION_ROLES, APPLICATION_COLUMNS,
          {"applicant_type": "申请人类型", "result": "办理结果", "extended": "是否延期"}, {})
    cases = wb.create_sheet(CASES_SHEET, 1)
    sheet(cases, CASE_ROLES, CASE_COLUMNS, {"kind": "类型", "result": "结果"}, CASE_WIDTHS)

    notes = wb.create_sheet(NOTES_SHEET, 2)
    notes.column_dimensions["A"].width = NOTES_WIDTH
    notes.page_setup.paperSize = 9
    notes.page_setup.fitToWidth, notes.page_setup.fitToHeight = 1, 0
    notes.sheet_properties.pageSetUpPr.fitToPage = True
    limit = vocab.applications.time_limit
    for i, line in enumerate(_notes(year, fmt.document, limit.working_days, limit.extension_working_days), start=1):
        cell = notes.cell(i, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # wrapped lines need their height: a Chinese character is about two width units
        notes.row_dimensions[i].height = 18 * max(1, -(-len(line) * 2 // (NOTES_WIDTH - 4)))
        if i == 1:
            cell.font = Font(name="黑体", bold=True, size=14)
            notes.row_dimensions[i].height = 44
    try:
        import io

        buffer = io.BytesIO()
        wb.save(buffer)
        write_bytes_atomic(Path(path), buffer.getvalue())
    except OSError as exc:
        raise GovopenError(f"无法写入台账模板“{path}”：{describe_os_error(exc)}") from exc


def _notes(year: int, document: str, days: int, more: int) -> list[str]:
    return [
        f"政府信息公开申请登记台账（{year}年度，按{document}年度报告格式统计）",
        "本工作簿由“政府信息公开工作年度报告编制工具”生成。每收到一件政府信息公开申请，在“依申请公开台账”中登记一行；"
        "每发生一件政府信息公开行政复议或行政诉讼案件，在“复议诉讼台账”中登记一行。年底在程序中选择"
        "“文件 → 从台账生成表三、表四”（或命令 govopen register 台账.xlsx --year 年度），表三、表四即按下列规则统计。",
        "",
        "依申请公开台账各列：",
        "收到日期：收到申请之日。收到日期在本年度的，计入“一、本年新收政府信息公开申请数量”；在本年度以前、"
        "且本年度以前尚未答复的，计入“二、上年结转政府信息公开申请数量”。",
        "申请人类型：从下拉列表选择，决定计入表三的哪一列（自然人，或法人或其他组织中的一类）。",
        "补正日期：要求申请人补正的，填写收到补正材料之日；答复期限自该日起计算。",
        f"是否延期：经批准延长答复期限并告知申请人的填“是”。答复期限为收到申请（或补正）后 {days} 个工作日，"
        f"延期的再加不超过 {more} 个工作日（条例第三十三条），"
        "工作日按国务院办公厅公布的节假日安排计算（含调休上班日）。",
        "答复日期：作出答复之日。答复日期在本年度的，按“办理结果”计入“三、本年度办理结果”的相应一行；"
        "到 12 月 31 日仍未答复的，计入“四、结转下年度继续办理”。",
        "办理结果：从下拉列表选择表三中的一行。部分公开的只选“（二）部分公开”。已答复而未选办理结果的行无法统计，程序会列出行号。",
        "",
        "复议诉讼台账各列：",
        "类型：行政复议、未经复议直接起诉或复议后起诉，决定计入表四的哪一组。",
        "立案或收到日期、结案日期：本年度结案的按“结果”计入维持、纠正或其他；到 12 月 31 日尚未结案的计入“尚未审结”。"
        "上年度尚未审结、本年度结案的案件，本年度按结果统计。",
        "结果：维持、纠正、其他或尚未审结。",
        "",
        "日期可写作 2025-03-04、2025/3/4 或 2025年3月4日。请勿删除或改动第一行的列名；可以增加其他列，程序不读取。",
    ]
