"""A text part's heading with its first paragraph on the same line, as CMS pages and PDF copies
often print it: 一、总体情况　2024年，… (a space), 一、总体情况2024年，… (nothing between),
六、其他需要报告的事项：无. The part is found and its paragraph is its text. Before, the part
was missed and its text went into the part before it (or the opening words), or the words
after the colon were lost, with no problem raised."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report, report_to_json
from tests.support.import_builders import WRITERS, Expected, expected_from, expected_of, section_heading, spell
from tests.support.paths import SAMPLE, load_expected, needs_shared, seed_names

TEXT_PARTS = ("overview", "problems", "other")
SEPARATORS = {"space": " ", "ideographic": "\u3000", "colon": "：", "tab": "\t", "glued": ""}


def _glue_text(path: Path, heading: str, first: str, sep: str) -> None:
    text = path.read_text(encoding="utf-8")
    joined = re.sub(rf"(?m)^{re.escape(heading)}\n{re.escape(first)}$", heading + sep + first, text, count=1)
    assert joined != text, heading
    path.write_text(joined, encoding="utf-8")


def _glue_html(path: Path, heading: str, first: str, sep: str) -> None:
    import html

    text = path.read_text(encoding="utf-8")
    pattern = (rf"<p><strong>{re.escape(html.escape(heading))}</strong></p>\n"
               rf"<p>&nbsp;&nbsp;{re.escape(html.escape(first))}</p>")
    joined = re.sub(pattern, lambda _m: f"<p><strong>{html.escape(heading)}</strong>{sep}{html.escape(first)}</p>",
                    text, count=1)
    assert joined != text, heading
    path.write_text(joined, encoding="utf-8")


def _glue_docx(path: Path, heading: str, first: str, sep: str) -> None:
    import docx

    doc = docx.Document(str(path))
    paragraphs = doc.paragraphs
    at = next(i for i, p in enumerate(paragraphs[:-1]) if p.text == heading and paragraphs[i + 1].text == first)
    paragraphs[at].add_run(sep + first)
    element = paragraphs[at + 1]._element
    element.getparent().remove(element)
    doc.save(str(path))


GLUERS = {"pdf-copy.txt": _glue_text, "page.html": _glue_html, "merged.docx": _glue_docx}


def _heading_as_written(exp: Expected, kind: str, sid: str) -> str:
    heading = section_heading(exp.fmt, sid)
    return spell(heading, "half") if kind == "pdf-copy.txt" else heading


def _glued_copy(exp: Expected, kind: str, sep: str, tmp_path: Path) -> tuple[Path, Path]:
    """The report written alone, and again with every text part's heading run on into its first
    paragraph (a glued paragraph only where it is a sentence, not a word or two)."""
    alone, glued = tmp_path / f"alone-{kind}", tmp_path / f"glued-{kind}"
    WRITERS[kind](exp, alone)
    WRITERS[kind](exp, glued)
    for sid in TEXT_PARTS:
        text = exp.text.get(sid)
        if not text:
            continue
        first = text.split("\n")[0]
        GLUERS[kind](glued, _heading_as_written(exp, kind, sid), first, sep or ("" if len(first) >= 12 else "："))
    return alone, glued


def _same_import(alone: Path, glued: Path) -> None:
    expected, got = import_file(alone), import_file(glued)
    assert report_to_json(got.report).replace(glued.name, alone.name) == report_to_json(expected.report)
    assert [p.describe().replace(glued.name, alone.name) for p in got.problems] == [
        p.describe() for p in expected.problems]


@pytest.mark.parametrize("sep", list(SEPARATORS), ids=list(SEPARATORS))
@pytest.mark.parametrize("kind", list(GLUERS))
def test_the_sample_with_its_paragraphs_run_on_imports_as_printed_apart(tmp_path: Path, kind: str, sep: str) -> None:
    alone, glued = _glued_copy(expected_of(load_report(SAMPLE)), kind, SEPARATORS[sep], tmp_path)
    _same_import(alone, glued)


@needs_shared
@pytest.mark.parametrize("name", seed_names())
@pytest.mark.parametrize("sep", ["ideographic", "glued"])
def test_real_reports_with_their_paragraphs_run_on_import_as_printed_apart(tmp_path: Path, name: str, sep: str) -> None:
    alone, glued = _glued_copy(expected_from(load_expected(name)), "pdf-copy.txt", SEPARATORS[sep], tmp_path)
    _same_import(alone, glued)


@pytest.mark.parametrize("tail", ["：无", " 无", "　无。", "：本年度未收取信息处理费。"])
def test_a_short_answer_after_the_last_heading_is_kept(tmp_path: Path, tail: str) -> None:
    exp = expected_of(load_report(SAMPLE))
    path = tmp_path / "report.txt"
    WRITERS["pdf-copy.txt"](exp, path)
    heading = _heading_as_written(exp, "pdf-copy.txt", "other")
    text = path.read_text(encoding="utf-8")
    body = exp.text["other"]
    path.write_text(text.replace(f"{heading}\n{body}", heading + tail), encoding="utf-8")
    assert import_file(path).report.text["other"] == tail.lstrip(" \u3000：")


def test_a_word_glued_to_a_title_is_part_of_the_heading(tmp_path: Path) -> None:
    """五、存在的主要问题及改进情况说明: a heading worded a little otherwise, not a title and a
    paragraph; the part's text is the lines under it."""
    exp = expected_of(load_report(SAMPLE))
    path = tmp_path / "report.txt"
    WRITERS["pdf-copy.txt"](exp, path)
    heading = _heading_as_written(exp, "pdf-copy.txt", "problems")
    path.write_text(path.read_text(encoding="utf-8").replace(heading, heading + "说明"), encoding="utf-8")
    assert import_file(path).report.text["problems"] == exp.text["problems"]


def test_a_next_report_whose_first_heading_runs_on_is_not_read_into_this_one(tmp_path: Path) -> None:
    """Two reports in one copied text, the second's 一、总体情况 run on into its first paragraph:
    the first report is read as it is alone, and the second is named where it begins."""
    first = expected_of(load_report(SAMPLE))
    alone, both = tmp_path / "a.txt", tmp_path / "both.txt"
    WRITERS["pdf-copy.txt"](first, alone)
    _other, second = _glued_copy(first, "pdf-copy.txt", "", tmp_path)
    both.write_text(alone.read_text(encoding="utf-8") + "\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    got = import_file(both)
    assert report_to_json(got.report).replace(both.name, alone.name) == report_to_json(import_file(alone).report)
    assert any("另一份年度报告" in p.message for p in got.problems)


@pytest.mark.parametrize(("line", "heading", "inline"), [
    ("一、总体情况2024年，全年主动公开政府信息120条。", "一、总体情况", "2024年，全年主动公开政府信息120条。"),
    ("一、总体情况　本年度全年主动公开政府信息120条。", "一、总体情况", "本年度全年主动公开政府信息120条。"),
    ("第一部分 总体情况 2024年，全年公开政府信息120条。", "第一部分 总体情况", "2024年，全年公开政府信息120条。"),
    ("（一）总体情况：全年主动公开政府信息120条。", "（一）总体情况", "全年主动公开政府信息120条。"),
    ("一、总体情况良好，全年主动公开政府信息120条。", None, None),
    ("一、总体情况及主要做法", "一、总体情况及主要做法", None),
])
def test_what_runs_on_after_a_title_and_what_goes_on_from_it(
        line: str, heading: str | None, inline: str | None) -> None:
    """A paragraph glued to a title is told from words that go on from it: a numbered sentence
    (一、总体情况良好，…) is text, a longer heading is one heading."""
    from govopen_desktop.io.importers.extract.build import SECTION_ORDER
    from govopen_desktop.io.importers.extract.meta import find_sections
    from govopen_desktop.io.importers.neutral import Cell, Row

    found = find_sections([Row([Cell(line, "第1行")], "第1行")], SECTION_ORDER)
    assert found.headings == ([heading] if heading else [])
    assert found.inline.get("overview") == inline


@pytest.mark.parametrize("numbered", ["headings", "headings-and-points"])
def test_headings_numbered_by_word_copied_with_a_tab_after_the_number(tmp_path: Path, numbered: str) -> None:
    """Text copied out of Word whose headings Word numbered: 一、, a tab, 总体情况; inside a part
    （一）, a tab, 主动公开. Before, each such line was read as a row of two cells: no part was found and
    the three texts were lost without a word."""
    exp = expected_of(load_report(SAMPLE))
    alone, copied = tmp_path / "alone.txt", tmp_path / "copied.txt"
    WRITERS["pdf-copy.txt"](exp, alone)
    text = alone.read_text(encoding="utf-8")
    tabbed = re.sub(r"(?m)^([一二三四五六])、", "\\1、\t", text)
    if numbered == "headings-and-points":
        tabbed = re.sub(r"(?m)^（([一二三四五])）(?=\D)", "（\\1）\t", tabbed)
    assert tabbed.count("\t") >= 6
    copied.write_text(tabbed, encoding="utf-8")
    _same_import(alone, copied)
