"""一、工作总体推进情况 (a 2025 town report's first heading): section 一 in other words, its
text read as the overview, not lost with 一、总体情况 reported missing. Written here from the
format file, with made-up numbers and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_desktop.domain.checks import check
from govopen_desktop.domain.formats import load_format
from govopen_desktop.io.importers import ImportResult, import_file
from tests.support.import_builders import Expected, write_one_per_line


@pytest.mark.parametrize("fid", ["2019", "2021"])
def test_the_overview_headed_as_the_work_as_a_whole(tmp_path: Path, fid: str) -> None:
    fmt = load_format(fid)
    cells = {k: 0 for k, f in fmt.fields.items() if f.row >= 0 and f.derived is None and f.kind != "unit"}
    text = {"overview": "（一）主动公开提质增效。全年主动公开政府信息40条。\n"
                        "（二）依申请公开规范有序。全年未收到政府信息公开申请。",
            "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}
    year = 2020 if fid == "2019" else 2025
    exp = Expected({"agency": "西岭县东坪镇人民政府", "year": year, "format": fid, "date": None}, cells, text)
    path = tmp_path / "report.txt"
    write_one_per_line(exp, path)
    path.write_text(path.read_text(encoding="utf-8").replace("一、总体情况", "一、工作总体推进情况"), encoding="utf-8")
    report = import_file(path).report
    assert report.text["overview"] == text["overview"]
    assert not [f for f in check(report) if f.rule == "R-SECTIONS" and f.level == "error"]


VARIANTS = [("一、总体情况", "一、基本情况", "overview"), ("一、总体情况", "一、工作概况", "overview"),
            ("五、存在的主要问题及改进情况", "五、存在问题和下一步工作计划", "problems"),
            ("五、存在的主要问题及改进情况", "五、存在的不足及下一步工作打算", "problems"),
            ("六、其他需要报告的事项", "六、其他", "other")]


@pytest.mark.parametrize(("official", "printed", "key"), VARIANTS)
@pytest.mark.parametrize("kind", ["pdf-copy.txt", "page.html", "merged.docx"])
def test_a_text_part_worded_otherwise_is_known_by_its_number(
        tmp_path: Path, kind: str, official: str, printed: str, key: str) -> None:
    """Other offices' wording of a text part's heading (一、基本情况, 六、其他): numbered as the
    parts around it are, between them, it is that part, and the import says so. Before, its text
    went into the part before it (or the opening words) with no word said."""
    expected, got = _sample_reheaded(tmp_path, kind, official, printed)
    assert got.report.text == expected.report.text
    assert got.report.cells == expected.report.cells
    said = [p for p in got.problems if p not in expected.problems]
    assert len(said) == 1 and f"“{printed}”" in said[0].message and f"“{official}”" in said[0].message
    assert said[0].place


def _sample_reheaded(tmp_path: Path, kind: str, official: str, printed: str) -> tuple[ImportResult, ImportResult]:
    """The built-in sample written as `kind`, imported as written and with the heading
    `official` printed as `printed`."""
    from govopen_desktop.io.project import load_report
    from tests.support.import_builders import WRITERS, expected_of
    from tests.support.paths import SAMPLE

    exp = expected_of(load_report(SAMPLE))
    plain, reheaded = tmp_path / f"plain-{kind}", tmp_path / f"reheaded-{kind}"
    WRITERS[kind](exp, plain)
    _write_with_heading(kind, plain, reheaded, official, printed)
    return import_file(plain), import_file(reheaded)


def _write_with_heading(kind: str, src: Path, out: Path, official: str, printed: str) -> None:
    if kind.endswith(".docx"):
        import docx

        document = docx.Document(str(src))
        paragraph = next(p for p in document.paragraphs if p.text == official)
        paragraph.text = printed
        document.save(str(out))
        return
    text = src.read_text(encoding="utf-8")
    assert official in text
    out.write_text(text.replace(official, printed, 1), encoding="utf-8")


def test_points_numbered_as_the_parts_are_make_no_part(tmp_path: Path) -> None:
    """五's text listing its points 一、…六、 and no 六 heading: 六、 of the list is a point, not
    the part (a list of points numbered as the parts are has no heading of its own)."""
    from govopen_desktop.io.project import load_report
    from tests.support.import_builders import WRITERS, expected_of
    from tests.support.paths import SAMPLE

    exp = expected_of(load_report(SAMPLE))
    exp.text["problems"] = "\n".join(f"{n}、问题{n}" for n in "一二三四五六")
    exp.text["other"] = None
    path = tmp_path / "report.txt"
    WRITERS["pdf-copy.txt"](exp, path)
    got = import_file(path)
    assert got.report.text["other"] is None
    assert "六、问题六" in (got.report.text["problems"] or "")


def test_a_part_worded_otherwise_with_its_paragraph_after_a_colon(tmp_path: Path) -> None:
    """五、存在问题和下一步工作计划：一是… on one line: the part by its number, the words after the
    colon its first paragraph, the heading (not the paragraph) named."""
    from govopen_desktop.io.project import load_report
    from tests.support.import_builders import WRITERS, expected_of
    from tests.support.paths import SAMPLE

    exp = expected_of(load_report(SAMPLE))
    plain, worded = tmp_path / "plain.txt", tmp_path / "worded.txt"
    WRITERS["pdf-copy.txt"](exp, plain)
    first = exp.text["problems"].split("\n")[0]
    text = plain.read_text(encoding="utf-8")
    joined = text.replace(f"五、存在的主要问题及改进情况\n{first}", f"五、存在问题和下一步工作计划：{first}", 1)
    assert joined != text
    worded.write_text(joined, encoding="utf-8")
    got = import_file(worded)
    assert got.report.text == import_file(plain).report.text
    assert [p.message for p in got.problems] == [
        "标题“五、存在问题和下一步工作计划”与官方格式的“五、存在的主要问题及改进情况”措辞不同，已按它的编号作为这一部分导入，请核对。"]


SPACED = [("一、总体情况", "一　总体情况"), ("一、总体情况", "一 总体情况"),
          ("五、存在的主要问题及改进情况", "五　存在的主要问题及改进情况"),
          ("六、其他需要报告的事项", "六 其他需要报告的事项")]


@pytest.mark.parametrize(("official", "printed"), SPACED)
@pytest.mark.parametrize("kind", ["pdf-copy.txt", "page.html", "merged.docx"])
def test_a_heading_whose_mark_was_left_out_is_its_part(tmp_path: Path, kind: str, official: str, printed: str) -> None:
    """一　总体情况: the numeral and the title a space apart, the 、 left out. Before, the part
    was not found and its text went into the part before it (or the opening words), unsaid."""
    expected, got = _sample_reheaded(tmp_path, kind, official, printed)
    assert got.report.text == expected.report.text
    assert got.report.cells == expected.report.cells


def test_a_numbered_sentence_without_a_mark_is_no_heading() -> None:
    """Only a part's title exactly makes such a line a heading: 一 总体情况良好 is none."""
    from govopen_desktop.io.importers.extract.meta import _numbering

    assert _numbering("一　总体情况")[0] == "cn"
    assert _numbering("一 总体情况良好") == ("none", None)
    assert _numbering("1 总体情况") == ("none", None)  # a number alone before words: a list, a page


@pytest.mark.parametrize("printed", ["", "工作情况综述"])
@pytest.mark.parametrize("kind", ["pdf-copy.txt", "page.html", "merged.docx"])
def test_the_overview_without_its_heading_begins_at_its_first_part(tmp_path: Path, kind: str, printed: str) -> None:
    """一、总体情况 left out (or put in words of no part): its text, from its first part's heading
    （一）主动公开 on, is the overview, the lines above it the opening text, and the import says
    so. Before, all of it went into the opening text, unsaid."""
    expected, got = _sample_reheaded(tmp_path, kind, "一、总体情况", printed)
    overview = expected.report.text["overview"] or ""
    intro, parts = overview.split("\n", 1)
    assert parts.startswith("（一）主动公开")
    assert got.report.text["overview"] == parts
    assert (got.report.text["preface"] or "").endswith(intro)
    assert got.report.cells == expected.report.cells
    said = [p.message for p in got.problems if "没有找到“一、总体情况”的标题" in p.message]
    assert said and "（一）主动公开" in said[0]
