"""Shapes found in real published report pages (government CMS pages, a provincial template's
table 2, a page whose report sits in a script's string), written here with other numbers."""

from __future__ import annotations

import json
from pathlib import Path

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report
from tests.support.import_builders import Expected, write_html
from tests.support.paths import SAMPLE

T2_2019_HEAD = "<p>二、主动公开政府信息情况</p><table border=1>"


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _t2_2019(first_rows: list[str], services_label: str = "其他对外管理服务事项") -> str:
    """Table 2 of the 2019 format as a Word-made page prints it (a blank column at the end)."""
    return T2_2019_HEAD + "".join([
        _row("第二十条第（一）项", "", "", "", ""),
        _row("信息内容", "本年新<br>制作数量", "本年新<br>公开数量", "对外公开总数量", ""),
        *first_rows,
        _row("第二十条第（五）项", "", "", "", ""),
        _row("信息内容", "上一年项目数量（指上年事项数）", "本年增/减", "处理决定数量（指本年办件量）", ""),
        _row("行政许可", "7", "2", "61", ""),
        _row(services_label, "40", "-3", "12", ""),
        _row("第二十条第（六）项", "", "", "", ""),
        _row("信息内容", "上一年项目数量", "本年增/减", "处理决定数量", ""),
        _row("行政处罚", "15", "0", "9", ""),
        _row("行政强制", "3", "1", "0", ""),
    ]) + "</table>"


def _page(tmp_path: Path, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text("<html><head><meta charset='utf-8'><title>东湖市水务局2020年政府信息公开工作年度报告"
                    f"</title></head><body><p>一、总体情况</p><p>本年度工作稳步推进。</p>{body}"
                    "<p>五、存在的主要问题及改进情况</p><p>宣传还需加强。</p>"
                    "<p>六、其他需要报告的事项</p><p>无。</p></body></html>", encoding="utf-8")
    return path


def test_a_label_followed_by_its_templates_note_in_brackets_is_the_label(tmp_path: Path) -> None:
    """A provincial 2020 template prints a note in the label's cell: 规章（设区的市…）; the note of
    其他对外管理服务事项 even names 行政处罚 and 行政强制, which are rows of their own."""
    rows = [_row("规章（设区的市、自治州人民政府应提供相关数据）", "1", "1", "4", ""),
            _row("规范性文件（行政机关制定发布的决定、公告、通告等，一般情况下属于规范性文件）", "5", "5", "33", "")]
    services = "其他对外管理服务事项（指行政许可以外的政务服务事项，含行政确认、行政处罚、行政强制和其他类）"
    result = import_file(_page(tmp_path, _t2_2019(rows, services)))
    cells = result.report.cells
    assert result.report.meta.format == "2019"
    assert [cells[f"t2.regulations.{k}"] for k in ("made", "published", "total_published")] == [1, 1, 4]
    assert [cells[f"t2.normative_docs.{k}"] for k in ("made", "published", "total_published")] == [5, 5, 33]
    assert [cells[f"t2.other_services.{k}"] for k in ("prior", "change", "decisions")] == [40, -3, 12]
    assert [cells[f"t2.punishment.{k}"] for k in ("prior", "change", "decisions")] == [15, 0, 9]
    assert [cells[f"t2.coercion.{k}"] for k in ("prior", "change", "decisions")] == [3, 1, 0]
    assert not [p for p in result.problems if p.key and p.key.startswith(("t2.regulations", "t2.other_services"))]


def test_a_row_the_form_does_not_have_is_named_with_its_numbers(tmp_path: Path) -> None:
    """其他主动公开文件 (a row some provinces add to table 2) is not read into any cell, and the
    clerk is told which row was left out and what it printed."""
    rows = [_row("规章", "0", "0", "2", ""), _row("规范性文件", "3", "3", "17", ""),
            _row("其他主动公开文件（含以本单位名义正式签发的其他文件）", "48", "40", "212", "")]
    result = import_file(_page(tmp_path, _t2_2019(rows)))
    cells = result.report.cells
    assert [cells[f"t2.normative_docs.{k}"] for k in ("made", "published", "total_published")] == [3, 3, 17]
    assert 48 not in cells.values() and 212 not in cells.values()
    named = [p for p in result.problems if "其他主动公开文件" in p.message]
    assert len(named) == 1
    assert named[0].key is None and named[0].place == "表二 第1个表格 第5行"
    assert named[0].message == ("“其他主动公开文件（…）”这一行（48 40 212）不是国办公开办函〔2019〕60号格式表二中的行，"
                                "未导入；如需保留，请写入正文。")


def test_official_rows_and_header_rows_are_not_named_as_left_out(tmp_path: Path) -> None:
    rows = [_row("规章", "0", "0", "2", ""), _row("规范性文件", "3", "3", "17", "")]
    result = import_file(_page(tmp_path, _t2_2019(rows)))
    assert [p.message for p in result.problems if p.key is None] == []


# ---- a page whose report is a script's string ----------------------------------------------


def _plain_page(tmp_path: Path) -> Path:
    report = load_report(SAMPLE)
    exp = Expected(report.meta.to_dict(), dict(report.cells), dict(report.text))
    path = tmp_path / "plain.html"
    write_html(exp, path)
    return path


def _body(page: str) -> str:
    return page[page.index("<body>") + len("<body>"):page.index("</body>")]


def _same_import(a: Path, b: Path) -> None:
    ra, rb = import_file(a), import_file(b)
    assert rb.report.cells == ra.report.cells
    assert rb.report.meta == ra.report.meta
    assert rb.report.text == ra.report.text


def test_a_javascript_file_holding_the_page_as_a_string(tmp_path: Path) -> None:
    """A site's script (real: a city's 2019 report in `let content = "<p …>…<table align=\\"center\\">…"`)."""
    plain = _plain_page(tmp_path)
    body = _body(plain.read_text(encoding="utf-8")).replace("\n", "")
    script = tmp_path / "content.js"
    script.write_text("//字典项\nlet menu = [{\"id\": \"1\", \"name\": \"年报\"}]\n"
                      "let content = \"" + body.replace('"', '\\"') + "\"\n", encoding="utf-8")
    _same_import(plain, script)


def test_a_page_that_writes_its_report_from_a_json_string(tmp_path: Path) -> None:
    """The saved page's body is empty; its script holds the article as JSON (\\u003c, \\")."""
    plain = _plain_page(tmp_path)
    page = plain.read_text(encoding="utf-8")
    data = json.dumps({"code": 200, "data": {"content": _body(page)}}).replace("<", "\\u003c")
    head = page[:page.index("<body>")]
    spa = tmp_path / "spa.html"
    spa.write_text(f"{head}<body><div id='app'></div><script>window.__DATA__ = {data};</script></body></html>",
                   encoding="utf-8")
    _same_import(plain, spa)
    api = tmp_path / "answer.json"
    api.write_text(data, encoding="utf-8")
    assert import_file(api).report.cells == import_file(plain).report.cells
