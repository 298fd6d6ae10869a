"""A file holding a second report after the first (a county's compilation of its departments'
reports, two years on one CMS page, the same report printed twice): the first is imported as
it would be alone, and the second is named where it begins, never read into the first's
sections (before, its whole text went into 六、其他需要报告的事项 without a word)."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from govopen_desktop.io.project import load_report, report_to_json
from tests.support.import_builders import WRITERS, Expected, expected_of, title_of
from tests.support.office import needs_pdfunite
from tests.support.paths import REPO, SAMPLE, TEST_DATA


def _reports() -> tuple[Expected, Expected]:
    first = expected_of(load_report(SAMPLE))
    second = copy.deepcopy(first)
    second.meta.update(agency="某某县教育局", year=2024, date="2025-01-24")
    second.cells = {k: (v + 1 if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in first.cells.items()}
    second.text = {k: (v.replace("自然资源", "教育") if isinstance(v, str) else v) for k, v in first.text.items()}
    return first, second


def _joined(kind: str, first: Path, second: Path, out: Path) -> None:
    if kind.endswith(".txt"):
        out.write_text(first.read_text(encoding="utf-8") + "\n" + second.read_text(encoding="utf-8"), encoding="utf-8")
    elif kind.endswith(".html"):
        body = re.compile(r"<body>(.*)</body>", re.S)
        page = first.read_text(encoding="utf-8")
        more = body.search(second.read_text(encoding="utf-8"))
        assert more is not None
        out.write_text(page.replace("</body>", more.group(1) + "</body>"), encoding="utf-8")
    else:
        import docx

        doc, other = docx.Document(str(first)), docx.Document(str(second))
        body = doc.element.body
        end = body[-1]  # the section properties stay last
        for element in list(other.element.body)[:-1]:
            end.addprevious(copy.deepcopy(element))
        doc.save(str(out))


@pytest.mark.parametrize("kind", ["pdf-copy.txt", "page.html", "merged.docx"])
def test_the_first_report_is_read_as_alone_and_the_second_is_named(tmp_path: Path, kind: str) -> None:
    first, second = _reports()
    alone, other, both = tmp_path / f"a-{kind}", tmp_path / f"b-{kind}", tmp_path / f"both-{kind}"
    WRITERS[kind](first, alone)
    WRITERS[kind](second, other)
    _joined(kind, alone, other, both)

    expected, got = import_file(alone), import_file(both)
    assert report_to_json(got.report).replace(both.name, alone.name) == report_to_json(expected.report)
    extra = [p for p in got.problems if p.describe().replace(both.name, alone.name)
             not in {q.describe() for q in expected.problems}]
    assert len(extra) == 1, [p.describe() for p in extra]
    said = extra[0]
    assert "另一份年度报告" in said.message and title_of(second) in said.message
    assert "分开后逐份导入" in said.message and said.place  # where it begins

    # the reviewing office's check reads the second as it reads that report alone
    following = got.following()
    assert len(following) == 1
    assert report_to_json(following[0].report).replace(both.name, other.name) == report_to_json(
        import_file(other).report)


def test_the_same_report_printed_twice_is_read_once(tmp_path: Path) -> None:
    first, _second = _reports()
    alone, both = tmp_path / "a.txt", tmp_path / "both.txt"
    WRITERS["pdf-copy.txt"](first, alone)
    text = alone.read_text(encoding="utf-8")
    both.write_text(text + "\n" + text, encoding="utf-8")
    got = import_file(both)
    assert got.report.cells == import_file(alone).report.cells
    assert got.report.text == import_file(alone).report.text
    assert any("另一份年度报告" in p.message for p in got.problems)


def test_a_heading_like_the_first_inside_a_part_is_no_second_report(tmp_path: Path) -> None:
    """Numbered points inside 六、其他需要报告的事项 (1.总体情况良好…) start no report: only a
    first-level 一、总体情况 after two parts or more does."""
    first, _second = _reports()
    first.text["other"] = "1.总体情况\n本年度未收取信息处理费。\n（一）总体情况\n无。"
    path = tmp_path / "one.txt"
    WRITERS["pdf-copy.txt"](first, path)
    got = import_file(path)
    assert not any("另一份年度报告" in p.message for p in got.problems)
    assert "本年度未收取信息处理费" in (got.report.text["other"] or "")


def test_the_first_reports_last_words_stay_its_own(tmp_path: Path) -> None:
    """A first report ending on 无 with no signature, the next titled on two lines (its agency
    over the year's title): 无 stays the first's, the agency line starts the second."""
    first, second = _reports()
    first.meta["date"] = None
    first.text["other"] = "无"
    alone, other, both = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "both.txt"
    WRITERS["pdf-copy.txt"](first, alone)
    WRITERS["pdf-copy.txt"](second, other)
    lines = other.read_text(encoding="utf-8").split("\n")
    lines[0:1] = [second.meta["agency"], lines[0].replace(second.meta["agency"], "")]
    both.write_text(alone.read_text(encoding="utf-8") + "\n" + "\n".join(lines), encoding="utf-8")
    got = import_file(both)
    assert got.report.text["other"] == "无"
    said = next(p for p in got.problems if "另一份年度报告" in p.message)
    assert said.place == "第" + str(len(alone.read_text(encoding="utf-8").split("\n")) + 1) + "行"


@needs_pdfunite
def test_a_pdf_of_two_reports_names_the_page_the_second_begins_on(tmp_path: Path) -> None:
    """Two published PDFs bound into one (poppler's pdfunite, as a compilation is made): the
    second made by another producer, so no line of it repeats one of the first at its place on
    the page (the reader takes such lines for running headers)."""
    alone, other = TEST_DATA / "import" / "plain-table-page.pdf", TEST_DATA / "import" / "producer-watermark.pdf"
    both = tmp_path / "汇编.pdf"
    subprocess.run(["pdfunite", str(alone), str(other), str(both)], check=True)
    expected, got = import_file(alone), import_file(both)
    assert got.report.cells == expected.report.cells and got.report.text == expected.report.text
    said = [p for p in got.problems if "另一份年度报告" in p.message]
    pages = len(re.findall(rb"/Type\s*/Page\b", alone.read_bytes()))
    assert len(said) == 1 and said[0].place == f"第{pages + 1}页", [p.describe() for p in said]


def test_a_pdf_read_as_a_library_prints_nothing_on_stderr() -> None:
    """pdfminer's warnings about fonts without a FontBBox (a line per run of text in most
    Chinese PDFs) stay off the terminal of a program that set up no logging."""
    pdf = TEST_DATA / "import" / "plain-table-page.pdf"
    code = f"from govopen_desktop.io.importers import import_file; import_file({str(pdf)!r})"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stderr == ""


@pytest.mark.parametrize("titled", [True, False])
def test_a_next_report_numbered_otherwise_is_known_by_its_title_or_the_date_above(tmp_path: Path,
                                                                                titled: bool) -> None:
    """Offices number their first part 1、总体情况 while the report before used 一、 (a real seed
    does): the next report still begins at its title, or, printed without one, after the date
    that signs the report before."""
    first, second = _reports()
    alone, other, both = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "both.txt"
    WRITERS["pdf-copy.txt"](first, alone)
    WRITERS["pdf-copy.txt"](second, other)
    lines = other.read_text(encoding="utf-8").split("\n")
    lines = [("1、总体情况" if line == "一、总体情况" else line) for line in lines][0 if titled else 1:]
    other.write_text("\n".join(lines), encoding="utf-8")
    both.write_text(alone.read_text(encoding="utf-8") + "\n" + other.read_text(encoding="utf-8"), encoding="utf-8")
    got = import_file(both)
    assert got.report.cells == import_file(alone).report.cells
    assert got.report.text == import_file(alone).report.text
    following = got.following()
    assert len(following) == 1 and following[0].report.cells == import_file(other).report.cells
