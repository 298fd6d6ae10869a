"""A PDF holds a page's lines, not paragraphs: imported from a PDF (or from text copied out of
one), each section comes back as its paragraphs, the lines a page wrapped joined again; and a
signature whose date line was left blank for the handwriting (年　月　日, split into pieces in a
PDF) is not taken for text of the last section."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.importers.extract.paragraphs import join_wrapped, width
from govopen_desktop.io.project import load_report
from tests.support.import_builders import expected_from
from tests.support.office import needs_pdftotext, needs_soffice, pdf_of
from tests.support.paths import SAMPLE, load_expected, seed_names

LEFT, INDENT = 80.0, 112.0  # a page's left margin and a first line's two-character indent (points)


@pytest.mark.parametrize("text", ["", "主动公开", "共12件", "2024年 GB/T 9704", "〔2020〕109号", "é中"])
def test_a_lines_width_counts_ascii_as_half_a_chinese_character(text: str) -> None:
    assert width(text) == sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def test_lines_a_page_wrapped_are_joined_by_their_indents() -> None:
    lines = [
        ("2024年，本局深入贯彻条例，紧扣耕地保护、不动产登记等", INDENT),
        ("重点领域，持续提升政府信息公开质量，全年主动公开信息1587", LEFT),  # digits: narrower, still full
        ("条。", LEFT),
        ("（一）主动公开", INDENT),
        ("全年通过门户网站主动公开政府信息，制发行政规范性文件3件。", INDENT),
        ("一是建立清单动态调整机制，每季度通报更新情况，持续改进", LEFT),  # 一是 runs on in a sentence
    ]
    assert join_wrapped(lines) == [
        "2024年，本局深入贯彻条例，紧扣耕地保护、不动产登记等重点领域，持续提升政府信息公开质量，全年主动公开信息1587条。",
        "（一）主动公开",
        "全年通过门户网站主动公开政府信息，制发行政规范性文件3件。一是建立清单动态调整机制，每季度通报更新情况，持续改进",
    ]


def test_a_paragraph_ending_on_a_full_line_stays_apart_from_an_indented_one() -> None:
    lines = [("本年度共受理政府信息公开申请五十四件，均在法定期限内答复完毕。", INDENT),
             ("全年未发生因政府信息公开工作被追责的情况，也未收取任何费用。", INDENT)]
    assert join_wrapped(lines) == [text for text, _x in lines]


def test_without_positions_a_full_line_ending_a_sentence_ends_its_paragraph() -> None:
    lines = [("全年新收政府信息公开申请 54 件，上年结转 4 件；办结", None),
             ("50 件，结转下年度继续办理 8 件。已办结的申请均在法定期", None),
             ("限内答复，未收取任何费用，全部申请均已按时办结完毕。", None),
             ("将政府信息公开纳入科室年度绩效考核，开展业务培训 3", None),
             ("次。", None)]
    assert join_wrapped(lines) == [
        "全年新收政府信息公开申请 54 件，上年结转 4 件；办结50 件，结转下年度继续办理 8 件。已办结的申请均在法定期"
        "限内答复，未收取任何费用，全部申请均已按时办结完毕。",
        "将政府信息公开纳入科室年度绩效考核，开展业务培训 3次。",
    ]


def test_without_positions_a_first_line_short_by_its_lost_indent_runs_on() -> None:
    # pdftotext drops the first-line indent, and its spaces around digits make the widest line
    # wider than the page's (huaian 2024's opening paragraph)
    lines = [("本报告由青山市人民政府办公室根据《中华人民共和国政府", None),
             ("信息公开条例》（国令第 711 号）（以下简称《条例》）规定编", None),
             ("制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。", None),
             ("如对本报告有疑问，请与青山市人民政府办公室联系（地址：青", None),
             ("山市人民路 1 号）。", None)]
    assert join_wrapped(lines) == [
        "本报告由青山市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第 711 号）（以下简称《条例》）"
        "规定编制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。",
        "如对本报告有疑问，请与青山市人民政府办公室联系（地址：青山市人民路 1 号）。",
    ]


def test_short_lines_and_lists_are_left_as_they_are() -> None:
    lines = [("无", LEFT), ("1、主动公开", LEFT), ("2、依申请公开", LEFT)]
    assert join_wrapped(lines) == ["无", "1、主动公开", "2、依申请公开"]
    # a section of paragraphs, one per line (text pasted from Word): nothing to join
    paragraphs = [("本年度没有收取信息处理费，也没有需要说明的其他事项", None), ("无", None)]
    assert join_wrapped(paragraphs) == ["本年度没有收取信息处理费，也没有需要说明的其他事项", "无"]


def test_a_headings_numbering_after_a_full_line_starts_a_paragraph() -> None:
    lines = [("我街道严格按照政府信息公开条例等相关法律法规规定，坚持依法公开", LEFT),
             ("（二）依申请公开情况", LEFT)]
    assert join_wrapped(lines) == [text for text, _x in lines]


def _paragraphs(report: Report) -> dict[str, list[str]]:
    return {key: [line.replace(" ", "") for line in (text or "").splitlines()] for key, text in report.text.items()}


@needs_soffice
def test_a_pdf_gives_back_the_paragraphs_of_the_word_file_it_was_printed_from(tmp_path: Path) -> None:
    report = load_report(SAMPLE)
    result = import_file(pdf_of(report, tmp_path))
    assert _paragraphs(result.report) == _paragraphs(report)


@needs_soffice
@needs_pdftotext
def test_text_copied_out_of_the_pdf_gives_back_the_paragraphs(tmp_path: Path) -> None:
    report = load_report(SAMPLE)
    pdf = pdf_of(report, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert _paragraphs(import_text(text).report) == _paragraphs(report)


@needs_soffice
def test_a_signature_with_its_date_left_blank_is_not_text(tmp_path: Path) -> None:
    if "001_fb2a13aa5693ffc1" not in seed_names():
        pytest.skip("../shared seeds are not beside the clone")
    exp = expected_from(load_expected("001_fb2a13aa5693ffc1"))  # a 街道 report signed without a date
    report = Report.from_dict({"meta": exp.meta, "cells": exp.cells, "text": exp.text})
    assert report.meta.date is None
    result = import_file(pdf_of(report, tmp_path))
    assert result.report.text["other"] == exp.text["other"] == "无"
    assert result.report.meta.agency == exp.meta["agency"]
