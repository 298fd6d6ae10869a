"""A report page without its title line, whose opening sentence names the body that wrote it
(现将某某镇2023年度政府信息公开工作报告如下, 特编制某某办公室2023年…年度报告, 由某某镇人民政府编制),
as town and office reports on county sites are stored: the agency is that body — not the
county government the CMS prints as 发布机构 for every town, and not left unnamed. The reports
are written here from the format file, with made-up numbers and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import import_file
from tests.support.import_builders import Expected, title_of, write_one_per_line

CMS_META = "索 引 号 | 11610000/2024-00071 | 发布机构 | 西岭县人民政府 |\n发布日期 | 2024-01-30 | 文 号 | |\n"


def _report(tmp_path: Path, front: str, signature: str = "") -> Path:
    """The report as one cell a line, its title line replaced by `front` (and `signature` at the end)."""
    fmt = load_format("2021")
    cells = {k: 0 for k, f in fmt.fields.items() if f.row >= 0 and f.derived is None}
    text = {"overview": "（一）主动公开。全年主动公开政府信息40条。\n（二）依申请公开。全年未收到政府信息公开申请。",
            "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}
    exp = Expected({"agency": "某某", "year": 2023, "format": "2021", "date": None}, cells, text)
    path = tmp_path / "report.txt"
    write_one_per_line(exp, path)
    body = path.read_text(encoding="utf-8")
    assert body.startswith(title_of(exp))
    path.write_text(front + body[len(title_of(exp)):] + signature, encoding="utf-8")
    return path


@pytest.mark.parametrize(("front", "agency"), [
    (CMS_META + "按照县政府办公室通知要求，现将东坪回族镇2023年度政府信息公开工作报告如下：", "东坪回族镇"),
    (CMS_META + "根據《條例》規定，現將東坪鎮2023年政府信息公開工作年度報告進行公開。", "東坪鎮"),
    ("根据《条例》要求，特编制西岭市人民政府地方志办公室2023年政府信息公开工作年度报告。",
     "西岭市人民政府地方志办公室"),
    ("根据《条例》规定，特向社会公布2023年西岭县农业农村局政府信息公开工作年度报告。", "西岭县农业农村局"),
    ("2023年，根据《条例》规定，县文化和旅游局向社会公布2023年本级政府信息公开工作年度报告。", "县文化和旅游局"),
    ("根据《条例》，现公开西岭区钢城街道政府信息公开2023年度工作报告。", "西岭区钢城街道"),
    ("本年度报告根据《条例》要求，由东坪镇人民政府编制。本报告所列数据的统计期限自2023年1月1日起至12月31日止。",
     "东坪镇人民政府"),
])
def test_the_body_the_opening_sentence_names_is_the_agency(tmp_path: Path, front: str, agency: str) -> None:
    result = import_file(_report(tmp_path, front))
    assert result.report.meta.agency == agency
    assert result.report.meta.year == 2023
    assert not [p for p in result.problems if p.key == "meta.agency"]


def test_a_fuller_name_of_the_same_body_in_the_signature_wins(tmp_path: Path) -> None:
    front = "根据《条例》规定，现公开区人民政府办公室2023年政府信息公开工作年度报告。"
    result = import_file(_report(tmp_path, front, "\n西岭市东城区人民政府办公室\n2024年1月20日"))
    assert result.report.meta.agency == "西岭市东城区人民政府办公室"


@pytest.mark.parametrize("front", [
    "根据《条例》规定，现公布我局2023年政府信息公开工作年度报告。",  # the report speaking of itself
    "根据要求，特编制并向社会公布2023年度街道信息公开年度报告。",  # a kind of body, no name
    "全年公开发布《西岭县统计局2022年政府信息公开工作年度报告》等文件。",  # last year's report
    "本报告由办公室牵头编制。",
])
def test_no_name_is_made_up_from_other_sentences(tmp_path: Path, front: str) -> None:
    result = import_file(_report(tmp_path, front + "本报告所列数据的统计期限自2023年1月1日起至12月31日止。"))
    assert result.report.meta.agency == ""
    assert [p for p in result.problems if p.key == "meta.agency"]


@pytest.mark.parametrize("front", [
    "西岭县人民政府外事办公室政府信息公开工作2023年度报告",
    "西岭县人民政府外事办公室\n政府信息公开工作2023年度报告",  # the title over two lines
])
def test_a_title_with_its_year_after_gongzuo(tmp_path: Path, front: str) -> None:
    """…政府信息公开工作2023年度报告 (a 重庆 department's title): the agency and the year from it."""
    result = import_file(_report(tmp_path, front))
    assert (result.report.meta.agency, result.report.meta.year) == ("西岭县人民政府外事办公室", 2023)
    assert result.report.extra["source"]["title"].endswith("政府信息公开工作2023年度报告")
