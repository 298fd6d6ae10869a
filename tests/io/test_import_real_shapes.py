"""The shapes real published reports come in, made here from the sample report (not from the
four shared files): a PDF printed from our own Word export, text as a PDF viewer lays it out,
markdown from a converter, a government CMS page, and the odd rows real tables have."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.importers import ImportFailed, import_file, import_text
from govopen_desktop.io.importers.official_rows import row_specs
from tests.support.office import needs_pdftotext, needs_soffice, office_convert, pdf_of
from tests.support.raw_pdf import page_pdf, raw_pdf
from tests.support.sample_shapes import (
    FMT,
    TITLE,
    cell_differences,
    headings,
    layout_text,
    sample,
    shown,
    table_rows,
)


def test_space_laid_text_with_wrapped_labels_imports_exactly() -> None:
    report = sample()
    result = import_text(layout_text(report))
    assert cell_differences(report, result.report) == []
    assert result.report.meta.agency == report.meta.agency and result.report.meta.year == 2024
    assert result.report.meta.date == "2025-01-20"
    assert "-1-" not in (result.report.text["overview"] or "")
    assert result.summary().read == len(FMT.keys) and result.summary().inferred == 0


def test_labels_with_numbers_after_single_spaces() -> None:
    report = sample()
    text = layout_text(report).replace("            ", " ").replace("        ", " ")
    text = re.sub(r"(?m)^(行政许可) +", r"\1 ", text)
    result = import_text(text)
    assert cell_differences(report, result.report, [k for k in FMT.keys if k.startswith("t2.")]) == []


def test_short_row_of_space_laid_text_is_not_placed_by_position() -> None:
    text = layout_text(sample()).replace("规章            0        0        0", "规章 22 235")
    result = import_text(text)
    keys = ["t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force"]
    assert [result.report.cells[k] for k in keys] == [None, None, None]
    named = {p.key: p.message for p in result.problems}
    assert all(k in named and "22 235" in named[k] for k in keys)


def test_digits_run_together_split_only_when_the_sums_leave_one_way() -> None:
    report = sample()
    values = [shown(report.cells[f"t3.new.{c}"]) for c in FMT.table("t3").col_ids]
    text = layout_text(report, wrap=99)
    printed = "        ".join(values)
    assert printed in text
    result = import_text(text.replace(printed, "".join(values)))
    assert cell_differences(report, result.report) == []
    new_keys = {f"t3.new.{c}" for c in FMT.table("t3").col_ids}
    assert new_keys <= result.inferred
    assert any("连在一起" in p.message and p.key == "t3.new.natural" for p in result.problems)
    assert result.summary().inferred == 7
    # six groups for seven columns that no cut makes add up: left empty, said in a problem
    text2 = text.replace(printed, "11 0 0 0 0 11")
    result2 = import_text(text2)
    assert all(result2.report.cells[k] is None for k in new_keys)
    assert new_keys <= {p.key for p in result2.problems}


# ---- markdown from a converter -----------------------------------------------------------


def markdown(report: Report, outer_bars: bool = True, split_t3: bool = True) -> str:
    def row(cells: list[str]) -> str:
        body = " | ".join(cells)
        return f"| {body} |" if outer_bars else body

    h = headings()
    out = [f"# {TITLE}", "", f"## {h['overview']}", report.text["overview"] or "", "", f"## {h['t2']}", ""]
    out += [row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]), row(["---"] * 4)]
    out += [row([label or "", *values]) for label, values in table_rows(report, "t2")]
    columns = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    out += ["", f"## {h['t3']}", "", row(columns), row(["---"] * 8)]
    t3 = table_rows(report, "t3")
    for n, (label, values) in enumerate(t3):
        if split_t3 and n == len(t3) // 2:  # one table printed as two pipe tables over a page
            out += ["", row(["（续表）", "", "", "", "", "", "", ""]), row(["---"] * 8)]
        out.append(row([label or "", *values]))
    out += ["", f"## {h['t4']}", "", row(["行政复议"] * 5 + ["行政诉讼"] * 10), row(["---"] * 15)]
    out += [row(table_rows(report, "t4")[0][1]), "", f"## {h['problems']}", report.text["problems"] or "",
            f"## {h['other']}", report.text["other"] or ""]
    return "\n".join(out)


@pytest.mark.parametrize("outer_bars", [True, False])
def test_markdown_pipe_tables_and_headings(outer_bars: bool) -> None:
    report = sample()
    result = import_text(markdown(report, outer_bars))
    assert cell_differences(report, result.report) == []
    assert result.report.meta.agency == report.meta.agency
    assert result.report.text["problems"] == report.text["problems"]
    assert result.report.text["other"] == report.text["other"]


# ---- a government CMS page ----------------------------------------------------------------


def cms_page(report: Report, problems_heading: str = "五、存在的主要问题及整改措施",
             title_in_body: bool = False) -> str:
    def table(rows: list[list[str]]) -> str:
        return "<table>" + "".join(
            "<tr>" + "".join(f"<td><span>{c[:2]}</span><span>{c[2:]}</span></td>" for c in r) + "</tr>"
            for r in rows) + "</table>"

    h = headings()
    t2 = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    t2 += [[label or "", *values] for label, values in table_rows(report, "t2")]
    t3 = [["申请人情况"], ["", "自然人", "法人或其他组织", "总计"],
          ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    t3 += [[label or "", *values] for label, values in table_rows(report, "t3")]
    t4 = [table_rows(report, "t4")[0][1]]
    chrome = ("<div class='nav'><a>首页</a><a>政府信息公开</a></div>"
              "<div class='tools'>字体：【大 中 小】 分享到： 打印 关闭</div>")
    meta = ("<table class='meta'><tr><td>名称</td><td>" + TITLE + "</td></tr>"
            "<tr><td>索引号</td><td>014314799/2025-00002</td><td>分类</td><td>信息公开年报</td></tr>"
            f"<tr><td>发布机构</td><td>{report.meta.agency}</td><td>成文日期</td><td>2025-01-20</td></tr></table>")
    def paragraphs(text: str | None) -> str:
        return "".join(f"<p>{line}</p>" for line in (text or "").splitlines())

    body = [f"<p>{TITLE}</p>" if title_in_body else "", f"<p>{h['overview']}</p>",
            paragraphs(report.text["overview"]), f"<p>{h['t2']}</p>", table(t2), f"<p>{h['t3']}</p>", table(t3),
            f"<p>{h['t4']}</p>", table(t4), f"<p>{problems_heading}</p>", paragraphs(report.text["problems"]),
            f"<p>{h['other']}</p>", paragraphs(report.text["other"]),
            f"<p>{'&nbsp;' * 40}{report.meta.agency}</p><p>{'&nbsp;' * 40}2025年1月20日</p>"]
    footer = ("<div class='prev'>上一篇：青山市自然资源和规划局2023年政府信息公开工作年度报告</div>"
              "<div class='prev'>下一篇：关于公布2025年第一批行政许可事项的通知</div>"
              "<div class='tools'>【打印本页】【关闭窗口】</div>"
              "<div class='foot'>主办单位：青山市人民政府办公室 版权所有 ICP备12345678号</div>")
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}-青山市人民政府</title></head><body>"
            f"{chrome}{meta}<div class='content'>{''.join(body)}</div>{footer}</body></html>")


@pytest.mark.parametrize("heading", ["五、存在的主要问题及整改措施", "五、存在问题及改进情况",
                                     "五、存在的主要问题及改进情况"])
def test_cms_page_reads_the_content_block_and_its_metadata(tmp_path: Path, heading: str) -> None:
    report = sample()
    path = tmp_path / "page.html"
    path.write_text(cms_page(report, heading), encoding="utf-8")
    result = import_file(path)
    got = result.report
    assert cell_differences(report, got) == []
    assert got.meta.agency == report.meta.agency and got.meta.year == 2024
    assert got.meta.date == "2025-01-20"
    assert got.text["problems"] == report.text["problems"]
    assert got.text["other"] == report.text["other"]
    everything = "\n".join(t for t in got.text.values() if t)
    for chrome in ("字体", "分享", "打印", "索引号", "版权所有", "名称"):
        assert chrome not in everything


def test_agency_from_the_page_title_element_and_from_a_bracketed_title(tmp_path: Path) -> None:
    report = sample()
    page = cms_page(report).replace(
        "<tr><td>发布机构</td>", "<tr><td>来源</td>").replace("<td>名称</td><td>" + TITLE, "<td>名称</td><td>年度报告")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert import_file(path).report.meta.agency == report.meta.agency  # from <title>
    text = markdown(report).replace(f"# {TITLE}", "# 2024年政府信息公开工作年度报告数据（平潭综合实验区）")
    meta = import_text(text).report.meta
    assert (meta.agency, meta.year) == ("平潭综合实验区", 2024)
    two_lines = markdown(report).replace(f"# {TITLE}", "2024年青山市自然资源和规划局政府信息公开工作\n年度报告")
    assert import_text(two_lines).report.meta.agency == report.meta.agency


# ---- headings --------------------------------------------------------------------------


def test_a_sentence_beginning_with_heading_words_is_not_a_heading() -> None:
    report = sample()
    text = markdown(report).replace(
        report.text["problems"] or "", (report.text["problems"] or "") + "\n其他需要报告的事项。本年度没有。")
    text = text.replace(f"## {headings()['other']}\n", "## 六、其他需要报告的事项\n")
    got = import_text(text).report
    assert "其他需要报告的事项。本年度没有。" in (got.text["problems"] or "")
    assert got.text["other"] == report.text["other"]
    overview = report.text["overview"] or ""
    numbered = markdown(report).replace(overview, "一、总体情况良好，本年度各项工作有序推进。\n" + overview)
    got2 = import_text(numbered).report
    assert (got2.text["overview"] or "").startswith("一、总体情况良好")


# ---- the odd rows real tables have ---------------------------------------------------------


def test_one_other_row_in_a_2021_report_all_zero_and_not() -> None:
    report = sample()
    text = markdown(report, split_t3=False)
    sub = [spec for spec in row_specs(FMT.table("t3")) if spec.keys[0].startswith("t3.other_")]
    assert len(sub) == 3
    lines = [ln for ln in text.splitlines() if not any(ln.startswith(f"| {s.label} |") for s in sub)]
    at = next(i for i, ln in enumerate(lines) if ln.startswith("| （七）总计"))
    zero = [*lines[:at], "| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", *lines[at:]]
    result = import_text("\n".join(zero))
    assert result.report.meta.format == "2021"  # table 2's headers, not the 2019 row count
    assert all(result.report.cells[k] == 0 for s in sub for k in s.keys)
    some = [*lines[:at], "| （六）其他处理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", *lines[at:]]
    result = import_text("\n".join(some))
    assert result.report.meta.format == "2021"
    assert all(result.report.cells[k] is None for s in sub for k in s.keys)
    named = {p.key: p.message for p in result.problems}
    assert all(k in named and "3 0 0 0 0 0 3" in named[k] for s in sub for k in s.keys)
    assert result.report.extra["source"]["group_rows"] == {"（六）其他处理": "3 0 0 0 0 0 3"}
    assert cell_differences(report, result.report, [k for k in FMT.keys if not k.startswith("t3.")]) == []


def test_undivided_legal_person_column_reads_only_what_is_certain(tmp_path: Path) -> None:
    report = sample()
    page = cms_page(report)
    subs = "".join(f"<td><span>{c[:2]}</span><span>{c[2:]}</span></td>"
                   for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    assert subs in page
    page = page.replace(f"<tr>{subs}</tr>", "")  # the header prints 法人或其他组织 undivided
    t3 = FMT.table("t3")
    for label, values in table_rows(report, "t3"):
        full = "".join(f"<td><span>{c[:2]}</span><span>{c[2:]}</span></td>" for c in [label or "", *values])
        legal = sum(int(v) for v in values[1:6])
        three = [label or "", values[0], str(legal), values[6]]
        page = page.replace(full, "".join(f"<td>{c}</td>" for c in three), 1)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    named = {p.key for p in result.problems}
    for row in t3.row_ids:
        assert result.report.cells[f"t3.{row}.natural"] == report.cells[f"t3.{row}.natural"]
        assert result.report.cells[f"t3.{row}.total"] == report.cells[f"t3.{row}.total"]
        for col in ("commercial", "research", "social", "legal", "other_org"):
            assert result.report.cells[f"t3.{row}.{col}"] is None
            assert f"t3.{row}.{col}" in named


def test_two_column_review_and_suit_grid(tmp_path: Path) -> None:
    """Table 4 printed as a grid of 结果维持…总计 by 行政复议/行政诉讼: the review column is
    certain, the suits cannot be divided between 未经复议直接起诉 and 复议后起诉 (unless 0)."""
    report = sample()
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    review = [shown(report.cells[k]) for k in FMT.keys if k.startswith("t4.review.")]
    grid = "<table><tr><td></td><td>行政复议</td><td>行政诉讼</td></tr>" + "".join(
        f"<tr><td>{leaf}</td><td>{r}</td><td>{'2' if leaf in ('结果维持', '总计') else '0'}</td></tr>"
        for leaf, r in zip(leaves, review, strict=True)) + "</table>"
    page = re.sub(r"(四、政府信息公开行政复议、行政诉讼情况</p>)<table>.*?</table>", r"\1" + grid, cms_page(report))
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    cells = result.report.cells
    for k, r in zip([k for k in FMT.keys if k.startswith("t4.review.")], review, strict=True):
        assert cells[k] == int(r)
    for group in ("suit_direct", "suit_after_review"):
        assert cells[f"t4.{group}.corrected"] == 0 and cells[f"t4.{group}.pending"] == 0
        assert cells[f"t4.{group}.upheld"] is None and cells[f"t4.{group}.total"] is None
    named = {p.key for p in result.problems}
    assert {"t4.suit_direct.upheld", "t4.suit_after_review.upheld", "t4.suit_direct.total"} <= named


def test_template_placeholders_are_not_report_text() -> None:
    text = markdown(sample()).replace(sample().text["problems"] or "", "（文字描述）")
    text = text.replace(sample().text["other"] or "", "（文字描述，收取信息处理费情况在此处报告。）\n此处填写其他事项")
    got = import_text(text).report
    assert got.text["problems"] is None and got.text["other"] is None


# ---- PDF -----------------------------------------------------------------------------------

@needs_soffice
def test_pdf_printed_from_our_word_export_imports_exactly(tmp_path: Path) -> None:
    report = sample()
    result = import_file(pdf_of(report, tmp_path))
    assert cell_differences(report, result.report) == []
    meta = result.report.meta
    assert (meta.agency, meta.year, meta.format, meta.date) == (report.meta.agency, 2024, "2021", "2025-01-20")
    for key in ("overview", "problems", "other"):
        assert "".join((result.report.text[key] or "").split()) == "".join((report.text[key] or "").split())
    assert result.report.extra["source"]["kind"] == "pdf"


def scanned_pdf(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (600, 800), "white").save(path, "PDF")
    return path


def test_scanned_pdf_says_there_is_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"扫描件.*OCR"):
        import_file(scanned_pdf(tmp_path / "scan.pdf"))


@needs_soffice
def test_a_pdf_whose_fonts_map_no_characters_is_said_to_be_unreadable(tmp_path: Path) -> None:
    """Its text reads as "(cid:12)" (fonts embedded without a character map, as some printer
    drivers and typesetting tools write them): said so, in time, not "no report found"."""
    made = pdf_of(sample(), tmp_path)
    data = made.read_bytes()
    assert b"/ToUnicode" in data
    unmapped = tmp_path / "乱码.pdf"
    unmapped.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: the offsets hold
    started = time.monotonic()
    with pytest.raises(ImportFailed) as failed:
        import_file(unmapped)
    assert time.monotonic() - started < 2
    message = str(failed.value)
    assert "乱码.pdf" in message and "没有字符编码" in message and "不是政府信息公开工作年度报告" not in message
    assert cell_differences(sample(), import_file(made).report) == []


@needs_soffice
def test_a_pdf_with_one_font_that_maps_no_characters_says_so_once_and_names_its_cells(tmp_path: Path) -> None:
    """One font without a character map (often the digits'): the report imports; the file is
    said once to have such characters, and each cell they stand in is named as unreadable."""
    data = pdf_of(sample(), tmp_path).read_bytes()
    maps = [m.start() for m in re.finditer(rb"/ToUnicode", data)]
    for at in maps:  # the font the numbers are set in: the one whose map, removed, leaves cells unread
        path = tmp_path / "数字乱码.pdf"
        path.write_bytes(data[:at] + b"/ToUnicodX" + data[at + len(b"/ToUnicode"):])
        try:
            result = import_file(path)
        except ImportFailed:
            continue  # the font of most of the text: refused, as above
        unread = [k for k, v in result.report.cells.items() if "(cid:" in str(v)]
        if unread:
            break
    else:
        pytest.fail("no font of the sample's PDF sets its numbers")
    first = result.problems[0]
    assert first.key is None and "数字乱码.pdf" in first.message and "没有字符编码" in first.message
    assert sum("个字符没有字符编码" in p.message for p in result.problems) == 1
    for key in unread:
        assert any(p.key == key and "没有字符编码的字形" in p.message for p in result.problems), key


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def password_pdf() -> bytes:
    """A PDF encrypted with the standard security handler (RC4, 40 bit), user password "x"."""
    import hashlib

    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    file_id = b"0123456789abcdef"
    owner = _rc4(hashlib.md5((b"o" + pad)[:32]).digest()[:5], (b"x" + pad)[:32])
    key = hashlib.md5((b"x" + pad)[:32] + owner + (-4).to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    user = _rc4(key, pad)
    enc = (b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <" + user.hex().encode()
           + b"> /P -4 >>")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>", enc]
    ident = file_id.hex().encode()
    return raw_pdf(objects, b"/Encrypt 4 0 R /ID [<" + ident + b"> <" + ident + b">] ")


def test_password_pdf_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(password_pdf())
    with pytest.raises(ImportFailed, match=r"locked\.pdf.*密码"):
        import_file(path)


def _refused_fast(path: Path, words: str) -> None:
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ImportFailed, match=words):
        import_file(path)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 2.0 and peak < 200 * 1024 * 1024


def test_pdf_declaring_a_huge_page_count_is_refused(tmp_path: Path) -> None:
    kids = b" ".join(b"3 0 R" for _ in range(2000))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count 2000000 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>"]
    path = tmp_path / "pages.pdf"
    path.write_bytes(raw_pdf(objects))
    _refused_fast(path, "pages.pdf.*页")


def test_pdf_with_a_compressed_stream_bomb_is_refused(tmp_path: Path) -> None:
    import zlib

    packer = zlib.compressobj(9)
    block = b"BT /F1 12 Tf (x) Tj ET\n" * 40000
    data = b"".join(packer.compress(block) for _ in range(120)) + packer.flush()  # ~110 MB inflated
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    path = tmp_path / "bomb.pdf"
    path.write_bytes(raw_pdf(objects))
    _refused_fast(path, "bomb.pdf.*解压")


def test_pdf_with_a_malformed_xref_is_read_or_refused_clearly(tmp_path: Path) -> None:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>"]
    data = raw_pdf(objects)
    broken = (data[: data.index(b"xref")] + b"xref\n0 4\ngarbage garbage\n"
              + b"trailer\n<< /Size 99 >>\nstartxref\n99999\n")
    path = tmp_path / "xref.pdf"
    path.write_bytes(broken)
    _refused_fast(path, "xref.pdf")
    (tmp_path / "cut.pdf").write_bytes(data[:40])
    _refused_fast(tmp_path / "cut.pdf", "cut.pdf")


def test_pdf_page_with_a_flood_of_drawing_instructions_is_refused(tmp_path: Path) -> None:
    """pdfminer interprets a page at ~100 KB a second: a page of 11,000 text operators (a real
    report page has ~500) is refused from the raw bytes, before it is interpreted."""
    import zlib

    content = b"BT /F1 12 Tf 72 700 Td " + b"(abcdefgh) Tj 0 -1 Td " * 11000 + b"ET"
    data = zlib.compress(content)
    path = tmp_path / "flood.pdf"
    path.write_bytes(page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"))
    _refused_fast(path, "flood.pdf.*页面内容")


@pytest.mark.parametrize("embedded", ["font", "seal"])
def test_a_pdf_embedding_a_whole_chinese_font_is_not_taken_for_a_flood_of_drawing(tmp_path: Path,
                                                                                  embedded: str) -> None:
    """A PDF maker that embeds a whole CJK font uncompressed (PyMuPDF's HTML-to-PDF: 3.5 MB), or
    a seal's picture of over a megabyte, was refused as a page of megabytes of drawing
    instructions: the "stream" ending each "endstream" was read as a stream beginning, and the
    font or picture after it as page content. A picture that inflates past a megabyte (a seal
    of 300 KB in the file) then made the check hang."""
    import os
    import zlib

    from govopen_desktop.io.importers.readers.pdf import check_raw

    if embedded == "font":
        font = bytes(range(256)) * (3 * 1024 * 4)  # 3 MB of font program, as drawn by no page
        stream = b"<< /Length1 %d /Length %d >>\nstream\n" % (len(font), len(font)) + font + b"\nendstream"
    else:
        picture = zlib.compress(bytes(range(256)) * 8192 + os.urandom(300 * 1024))  # 2.3 MB inflated
        stream = (b"<< /Type /XObject /Subtype /Image /Width 1024 /Height 512 /ColorSpace /DeviceRGB"
                  b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(picture)
                  + picture + b"\nendstream")
    content = b"BT /F1 12 Tf 72 700 Td (2024) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Song /FontDescriptor 6 0 R >>",
               b"<< /Type /FontDescriptor /FontName /Song /FontFile3 7 0 R >>", stream]
    data = raw_pdf(objects)
    path = tmp_path / f"{embedded}.pdf"
    path.write_bytes(data)
    outcome: list[BaseException | None] = []

    def read() -> None:
        check_raw(data, path.name)  # no refusal
        try:
            import_file(path)
            outcome.append(None)
        except ImportFailed as exc:
            outcome.append(exc)

    # a stream that inflates past 1 MB once made the raw check loop for ever on the EOL that
    # stands before "endstream": a thread, so a return of that fails here instead of hanging
    import threading

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "the import did not finish"
    assert outcome and "页面内容" not in str(outcome[0])  # it is read, and found to hold no report


# ---- PDFs of the seed layouts (Word documents without ruling lines, merged or not) ---------

SEED_LAYOUTS = ("merged.docx", "collapsed.docx")


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each seed report written as Word by the import tests' builders (python-docx tables have
    no borders: these PDFs have no ruling lines), printed to PDF in one LibreOffice run."""
    from tests.support.import_builders import WRITERS, expected_from
    from tests.support.paths import load_expected, seed_names

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    names = seed_names()
    if not names:
        pytest.skip("../shared seeds are not beside the clone")
    folder = tmp_path_factory.mktemp("seed-pdfs")
    docs = []
    for seed in names:
        for layout in SEED_LAYOUTS:
            path = folder / f"{seed}-{layout}"
            WRITERS[layout](expected_from(load_expected(seed)), path)
            docs.append(path)
    office_convert(docs, "pdf", folder)
    return {(seed, layout): folder / f"{seed}-{layout}".replace(".docx", ".pdf")
            for seed in names for layout in SEED_LAYOUTS}


def _seed_cases() -> list[tuple[str, str]]:
    from tests.support.paths import seed_names

    return [(seed, layout) for seed in seed_names() for layout in SEED_LAYOUTS]


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "layout"), _seed_cases())
def test_pdf_of_a_seed_layout_without_ruling_lines_imports_exactly(
        seed_pdfs: dict[tuple[str, str], Path], seed: str, layout: str) -> None:
    from tests.support.import_builders import cell_differences as seed_differences
    from tests.support.import_builders import expected_from
    from tests.support.paths import load_expected

    exp = expected_from(load_expected(seed))
    result = import_file(seed_pdfs[(seed, layout)])
    named = {p.key for p in result.problems}
    # a row the seed prints short (001's 结转 row: 4 numbers for 7 columns) has its blank cells
    # where a PDF shows nothing: it is not placed by position, and each of its cells is named
    left = {k for k in exp.cells if result.report.cells.get(k) is None and exp.cells[k] is not None}
    assert left <= named and len(left) <= 7
    got = {k: (exp.cells[k] if k in left else v) for k, v in result.report.cells.items()}
    assert seed_differences(exp.cells, got) == []
    meta = result.report.meta
    assert (meta.agency, meta.year, meta.format) == (exp.meta["agency"], exp.meta["year"], exp.meta["format"])


def test_cms_page_with_the_report_inside_a_layout_table(tmp_path: Path) -> None:
    """Older CMS templates put the whole article in one cell of a layout table: its paragraphs
    and the report's own tables inside it read in order, as on any page."""
    report = sample()
    page = cms_page(report)
    start, end = page.index("<div class='content'>"), page.index("<div class='tools'>【打印本页")
    wrapped = (page[:start] + "<table width='100%'><tr><td class='nav'>首页</td></tr><tr><td class='bt_content'>"
               + page[start:end] + "</td></tr></table>" + page[end:])
    path = tmp_path / "page.html"
    path.write_text(wrapped, encoding="utf-8")
    got = import_file(path).report
    assert cell_differences(report, got) == []
    assert got.meta.agency == report.meta.agency and got.meta.date == "2025-01-20"
    for key in ("overview", "problems", "other"):
        assert got.text[key] == report.text[key]


@needs_soffice
def test_pdf_running_header_and_footer_are_not_text(tmp_path: Path) -> None:
    """A header repeating the title and a footer on every page: left out of the text, while the
    title's own first printing still gives the agency and the year."""
    import docx

    from govopen_desktop.io.exporters.docx_export import export_docx

    report = sample()
    path = tmp_path / "report.docx"
    export_docx(report, path)
    d = docx.Document(str(path))
    d.sections[0].header.paragraphs[0].text = TITLE
    d.sections[0].footer.paragraphs[0].text = "青山市自然资源和规划局办公室印发"
    d.save(str(path))
    office_convert([path], "pdf", tmp_path, timeout=180)
    result = import_file(tmp_path / "report.pdf")
    assert cell_differences(report, result.report) == []
    assert (result.report.meta.agency, result.report.meta.year) == (report.meta.agency, 2024)
    for key in ("overview", "problems", "other"):
        assert "".join((result.report.text[key] or "").split()) == "".join((report.text[key] or "").split())


@needs_soffice
@needs_pdftotext
def test_text_a_pdf_viewer_copies_from_our_own_pdf(tmp_path: Path) -> None:
    """The PDF printed from our Word export, as pdftotext writes it: laid out (columns by
    spaces, labels wrapped around their numbers, pieces of the group labels beside them) it
    imports exactly; in reading order (here mixed: some rows' numbers above their labels, some
    below, one label far from its numbers) every cell is right or left empty and named in a
    problem, none silently wrong."""
    report = sample()
    pdf = pdf_of(report, tmp_path)
    layout, plain = tmp_path / "layout.txt", tmp_path / "plain.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(layout)], check=True, timeout=60)
    subprocess.run(["pdftotext", str(pdf), str(plain)], check=True, timeout=60)
    result = import_file(layout)
    assert cell_differences(report, result.report) == []
    assert result.found_meta() == {"agency": report.meta.agency, "year": 2024, "format": "2021", "date": "2025-01-20"}
    result = import_file(plain)
    wrong = [d.split(":")[0] for d in cell_differences(report, result.report)]
    named = {p.key for p in result.problems}
    assert set(wrong) <= named
    assert all(result.report.cells[k] is None for k in wrong)  # left empty, never a wrong number
    t2 = [k for k in FMT.keys if k.startswith("t2.") and k != "t2.fees.amount"]
    assert not set(t2) & set(wrong)  # label, then its numbers: read


def test_a_page_that_is_a_picture_is_named_in_a_pdf_with_text_elsewhere() -> None:
    """A scanned page or a table pasted as a screenshot has no text layer: its rows were each
    "not found", and nothing said why. Now the page is named as a picture, once."""
    from tests.support.paths import TEST_DATA

    upright = import_file(TEST_DATA / "import" / "producer-watermark.pdf")
    pictured = import_file(TEST_DATA / "import" / "pictured-page.pdf")
    notes = [p.message for p in pictured.problems if p.key is None and "第2页是图片" in p.message]
    assert len(notes) == 1 and "OCR" in notes[0]
    named = {p.key for p in pictured.problems}
    assert [k for k, v in upright.report.cells.items() if pictured.report.cells.get(k) != v and k not in named] == []
    for key, text in pictured.report.text.items():
        assert (text or "") in (upright.report.text.get(key) or ""), key
