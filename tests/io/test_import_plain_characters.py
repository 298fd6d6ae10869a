"""Text out of a PDF whose fonts map common characters to the Kangxi radicals or CJK
compatibility ideographs of the same shape (⼀ U+2F00 for 一, ⼈ U+2F08 for 人, ⽇ U+2F47 for
日; Word's and WPS's PDFs often do): it looks right and matched nothing — the headings were not
found (总体情况 was lost), the date was not read, the agency kept characters nobody can search
for. They are read as the characters they stand for, in every kind of file and in pasted text.
Characters that print nothing (a zero-width space or byte-order mark a web editor leaves in a
paragraph or a cell, a soft hyphen) are dropped: they hid the numbers, the agency and the date."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from govopen_desktop.domain.fold import plain_characters
from govopen_desktop.io.exporters.html_export import build_html
from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.project import load_report
from tests.support.import_builders import cell_differences
from tests.support.paths import SAMPLE, SEEDS_DIR, needs_shared, seed_names

_AS_RADICAL = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}


def _radicals(text: str) -> str:
    return "".join(_AS_RADICAL.get(ch, ch) for ch in text)


def test_a_page_whose_characters_are_radicals_imports_as_the_plain_page(tmp_path: Path) -> None:
    sample = load_report(SAMPLE)
    page = re.sub(r">[^<]+<", lambda m: _radicals(m.group(0)), build_html(sample))
    assert "⼀" in page and "⼈" in page and "⽇" in page
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    report = result.report
    assert cell_differences(sample.cells, report.cells) == []
    assert (report.meta.agency, report.meta.year, report.meta.date) == (
        sample.meta.agency, sample.meta.year, sample.meta.date)
    for key in ("overview", "problems", "other"):
        assert report.text[key] == sample.text[key], key
    assert not [p for p in result.problems if p.key in ("meta.agency", "meta.date")]


@needs_shared
@pytest.mark.parametrize("seed", seed_names())
def test_pasted_text_with_radicals_reads_as_the_plain_text(seed: str) -> None:
    text = (SEEDS_DIR / f"{seed}.txt").read_text(encoding="utf-8")
    plain, looking = import_text(text), import_text(_radicals(text))
    assert _radicals(text) != text
    assert looking.report.cells == plain.report.cells
    assert looking.report.meta == plain.report.meta
    assert looking.report.text == plain.report.text


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u200c", "\u00ad", "\u2060"],
                         ids=["zero-width-space", "bom", "zwnj", "soft-hyphen", "word-joiner"])
def test_characters_that_print_nothing_are_dropped(tmp_path: Path, invisible: str) -> None:
    sample = load_report(SAMPLE)

    def sprinkled(m: re.Match[str]) -> str:  # after every third character of each text
        text = m.group(0)[1:-1]
        return ">" + "".join(ch + (invisible if k % 3 == 2 else "") for k, ch in enumerate(text)) + "<"
    path = tmp_path / "page.html"
    path.write_text(re.sub(r">[^<]+<", sprinkled, build_html(sample)), encoding="utf-8")
    result = import_file(path)
    assert cell_differences(sample.cells, result.report.cells) == []
    assert (result.report.meta.agency, result.report.meta.date) == (sample.meta.agency, sample.meta.date)
    assert result.report.text["overview"] == sample.text["overview"]
    assert result.problems == []


def test_only_lookalikes_and_invisibles_are_folded() -> None:
    assert plain_characters("⼀、⼈民政府 ⽇ 﨑") == "一、人民政府 日 﨑"  # 﨑 (U+FA11) is a character of its own
    assert plain_characters("\uf900") == "\u8c48"  # a compatibility ideograph: the character it stands for
    assert plain_characters("1\u200b2\ufeff件") == "12件"
    kept = "（一）２０２４年１月，ＡＢ。"
    assert plain_characters(kept) is kept  # full-width forms are the publisher's, kept
