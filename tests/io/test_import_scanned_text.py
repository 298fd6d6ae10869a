"""Text recognised from a scanned report (OCR): cells one space apart, and now and then a
digit read as a letter (0 as O, 1 as l). The odd value is kept as printed and named; the
row's other numbers are read; nothing is guessed."""

from __future__ import annotations

import re

from govopen_desktop.domain.values import Published
from govopen_desktop.io.importers import import_text
from tests.support.sample_shapes import FMT, cell_differences, layout_text, sample


def scanned_text() -> str:
    """The sample as a scan's recognised text: every run of spaces one space."""
    return re.sub(r"(?m)(?<=\S) {2,}(?=\S)", " ", layout_text(sample(), wrap=99))


def test_a_scans_text_one_space_apart_reads_every_cell() -> None:
    result = import_text(scanned_text())
    assert cell_differences(sample(), result.report) == []


def test_a_digit_read_as_a_letter_is_kept_as_printed_and_named_the_rest_of_the_row_read() -> None:
    text = scanned_text()
    assert "\n规章 0 0 0\n" in text and "\n行政强制 4\n" in text
    new_row = re.search(r"(?m)^ *一、本年新收政府信息公开申请数量 42 6 0 1 3 2 54$", text)
    assert new_row is not None
    text = (text.replace("\n规章 0 0 0\n", "\n规章 0 O 0\n").replace("\n行政强制 4\n", "\n行政强制 l\n")
            .replace(new_row.group(0), new_row.group(0).replace(" 6 0 1 ", " 6 O 1 ")))
    result = import_text(text)
    cells = result.report.cells
    odd = {"t2.regulations.repealed": "O", "t2.coercion.decisions": "l", "t3.new.research": "O"}
    for key, printed in odd.items():
        value = cells[key]
        assert isinstance(value, Published) and value.text == printed, key
    assert cell_differences(sample(), result.report, [k for k in FMT.keys if k not in odd]) == []
    named = {p.key: p.message for p in result.problems}
    for key, printed in odd.items():
        assert f"“{printed}”" in named[key] and "认成了字母" in named[key], named.get(key)


def test_a_sentence_ending_in_a_letter_after_a_label_is_no_row() -> None:
    text = scanned_text().replace("\n行政强制 4\n", "\n行政强制 4\n行政许可事项清单 见附件 I\n")
    result = import_text(text)
    assert cell_differences(sample(), result.report) == []
