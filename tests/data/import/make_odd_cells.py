"""Regenerate odd-cells.xlsx (openpyxl) and odd-cells-office.xlsx (the same saved by
LibreOffice: shared strings, cached formula values, its own styles) — run once by hand:

    .venv/bin/python tests/data/import/make_odd_cells.py

Cells a sheet reader must read as openpyxl does: dates in built-in and custom formats, a
duration, booleans, a formula, an error, floats, negatives, units in number formats, rich
text, merged ranges over filled cells, a hidden sheet, an empty styled cell past the data.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(path: Path) -> None:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表三"
    rows = [
        ["项目", "自然人", "商业企业", "合计"],
        ["一、本年新收政府信息公开申请数量", 12, 3.0, "=B2+C2"],
        ["（一）予以公开", -1, 1.5, 2.25e3],
        ["日期", dt.date(2025, 1, 20), dt.datetime(2024, 12, 31, 8, 30), dt.time(9, 15)],
        ["布尔", True, False, "#DIV/0!"],
        ["收费", 120, 0.12, 1234567890123],
    ]
    for row in rows:
        ws.append(row)
    ws["B6"].number_format = '0"元"'
    ws["C6"].number_format = '#,##0.00"万元"'
    ws["D6"].number_format = "0.00元"
    ws["B4"].number_format = "yyyy年m月d日"
    ws["D4"].number_format = "[h]:mm:ss"
    ws["A7"] = CellRichText(["（二）", TextBlock(InlineFont(b=True), "部分公开")])
    ws.merge_cells("A8:D8")
    ws["A8"] = "二、上年结转政府信息公开申请数量"
    ws.merge_cells("B9:C10")
    ws["B9"] = 7
    ws["C10"].font = Font(bold=True)  # a styled cell under a merge
    ws["F20"].font = Font(italic=True)  # empty and styled: counts in the sheet's extent
    hidden = wb.create_sheet("备注")
    hidden["A1"] = "不应读取"
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    wb.save(path)


def main() -> None:
    write(HERE / "odd-cells.xlsx")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        out = Path(tmp) / "out"
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                        "xlsx", "--outdir", str(out), str(HERE / "odd-cells.xlsx")], check=True, capture_output=True)
        shutil.copyfile(out / "odd-cells.xlsx", HERE / "odd-cells-office.xlsx")
    print("wrote odd-cells.xlsx, odd-cells-office.xlsx")


if __name__ == "__main__":
    main()
