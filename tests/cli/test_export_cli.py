"""`govopen export`: exit 0 on success, 2 with a Chinese message when input or output fails,
a warning (still exit 0) when the report has errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report


def saved(tmp_path: Path, *, broken: bool = False) -> Path:
    report = Report.new("青山市自然资源和规划局", 2024, date="2025-01-20")
    report.set_values(dict.fromkeys(report.format.input_keys, 0))
    if broken:  # a total that disagrees with its parts: an error the checker reports
        report.set_values({"t3.new.total": 9}, force=True)
    path = tmp_path / "r.govopen"
    save_report(report, path)
    return path


def test_exports_both_files_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = saved(tmp_path)
    code = main(["export", str(src), "--docx", str(tmp_path / "r.docx"), "--xlsx", str(tmp_path / "r.xlsx")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已导出 Word" in out and "已导出 Excel" in out
    assert docx.Document(str(tmp_path / "r.docx")).tables
    assert "govopen-data" in openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.bak"))


def test_missing_folder_exits_2_with_a_chinese_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = saved(tmp_path)
    code = main(["export", str(src), "--docx", str(tmp_path / "没有这个文件夹" / "r.docx")])
    err = capsys.readouterr().err
    assert code == 2
    message = next(line for line in err.splitlines() if line.startswith("错误："))
    assert "文件夹" in message and "不存在" in message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = saved(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code = main(["export", str(src), "--xlsx", str(locked / "r.xlsx")])
    finally:
        locked.chmod(0o700)
    assert code == 2 and "无法写入" in capsys.readouterr().err


def test_output_open_in_another_program_is_said_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word holds open: PermissionError at the final rename."""
    src = saved(tmp_path)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code = main(["export", str(src), "--docx", str(tmp_path / "r.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "正被其他程序" in err
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".r.docx*"))


def test_unusable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(tmp_path / "nothing.govopen"), "--docx", str(tmp_path / "r.docx")])
    assert code == 2 and "错误：" in capsys.readouterr().err
    bad = tmp_path / "bad.govopen"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad), "--docx", str(tmp_path / "r.docx")]) == 2
    assert not (tmp_path / "r.docx").exists()


def test_report_with_errors_still_exports_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = saved(tmp_path, broken=True)
    code = main(["export", str(src), "--docx", str(tmp_path / "r.docx")])
    err = capsys.readouterr().err
    assert code == 0
    assert "警告" in err and "个错误" in err
    assert (tmp_path / "r.docx").is_file()


def test_blank_form_for_a_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "blank.xlsx"
    assert main(["export", "--blank-xlsx", str(out), "--year", "2020", "--agency", "某局"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["表二", "表三", "表四"]
    assert wb["表二"]["A2"].value == "填报单位：某局"
    assert main(["export", "--blank-xlsx", str(out)]) == 2
    assert "--year" in capsys.readouterr().err


def test_no_output_asked_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(saved(tmp_path))]) == 2
    assert "--docx" in capsys.readouterr().err


def test_output_folder_is_checked_before_the_report_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = saved(tmp_path, broken=True)
    assert main(["export", str(src), "--xlsx", str(tmp_path / "nope" / "r.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "不存在" in err and "警告" not in err  # no check warnings before the refusal


def test_year_without_blank_form_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(saved(tmp_path)), "--docx", str(tmp_path / "r.docx"), "--year", "2020"]) == 2
    assert "--blank-xlsx" in capsys.readouterr().err


def test_html_page_and_missing_date_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Report.new("青山市自然资源和规划局", 2024)  # no 成文日期
    report.set_values(dict.fromkeys(report.format.input_keys, 0))
    src = tmp_path / "r.govopen"
    save_report(report, src)
    code = main(["export", str(src), "--html", str(tmp_path / "r.html"), "--docx", str(tmp_path / "r.docx")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已导出网页" in out and "成文日期未填写" in out
    assert out.count("成文日期未填写") == 1  # said once for both files
    assert "<table" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_pdf_without_libreoffice_exits_2_naming_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.io.exporters import pdf_export

    monkeypatch.setattr(pdf_export, "find_soffice", lambda: None)
    code = main(["export", str(saved(tmp_path)), "--pdf", str(tmp_path / "r.pdf")])
    _, err = capsys.readouterr()
    assert code == 2 and "LibreOffice" in err and "libreoffice-writer" in err
    assert not (tmp_path / "r.pdf").exists()


def test_review_notes_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document as DocxDocument

    from govopen_desktop.cli.main import main
    from govopen_desktop.domain.checks import check
    from govopen_desktop.domain.findings import Level, finding_key
    from govopen_desktop.io.project import save_report
    from tests.support.reports import filled_report

    report = filled_report("2021")
    warning = next(f for f in check(report) if f.level == Level.WARNING)
    source = tmp_path / "r.govopen"
    save_report(report, source)
    out = tmp_path / "审核说明.docx"
    assert main(["export", str(source), "--review-notes", str(out)]) == 2  # nothing accepted yet
    assert "没有已说明的警告" in capsys.readouterr().err
    report.acceptances[finding_key(warning)] = "到期失效的文件不计入现行有效。"
    save_report(report, source)
    assert main(["export", str(source), "--review-notes", str(out)]) == 0
    text = "\n".join(p.text for p in DocxDocument(str(out)).paragraphs)
    text += "\n".join(c.text for t in DocxDocument(str(out)).tables for row in t.rows for c in row.cells)
    assert "到期失效的文件不计入现行有效。" in text
