"""A report published as a WeChat article and saved from the browser: the article hidden until
its script shows it, paragraphs inside <section><span>, and what the app prints under the
article (微信扫一扫 关注该公众号, 阅读 在看) — none of it section 六's text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_desktop.io.importers import import_file
from tests.support.import_builders import cell_differences, write_html
from tests.support.split_pages import TEXT, split_expected

UNDER_ARTICLE = ("<div id='js_pc_qr_code'>微信扫一扫<br>关注该公众号</div>"
                 "<div class='rich_media_tool'>阅读 1024 在看 3</div>"
                 "<div>预览时标签不可点</div><div>继续滑动看下一个</div><div>轻触阅读原文</div>")


def _wechat_page(tmp_path: Path, signed: bool = True) -> Path:
    plain = tmp_path / "plain.html"
    exp = split_expected()
    if not signed:
        exp.meta["date"] = None  # no signature under the text: the app's words alone end it
    write_html(exp, plain)
    html = plain.read_text(encoding="utf-8")
    body = html[html.index("<h1>"):html.index("<div class='footer'>")]
    body = body.replace("</h1>", "</h1><div id='meta_content'><a id='js_name'>西岭水利</a>"
                        "<em id='publish_time'>2026-01-18 09:12</em></div>"
                        "<div class='rich_media_content' id='js_content' style='visibility: hidden;'>", 1)
    body = re.sub(r"<p>(.*?)</p>", r"<section><p style='text-indent:2em'><span style='font-size:15px'>\1</span></p>"
                  r"</section>", body)
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body id='activity-detail'>{body}</div>"
            f"<script>document.getElementById('js_content').style.visibility='visible'</script>{UNDER_ARTICLE}"
            "</body></html>")
    path = tmp_path / "微信文章.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("signed", [True, False])
def test_a_wechat_article_is_read_without_what_the_app_prints_under_it(tmp_path: Path, signed: bool) -> None:
    result = import_file(_wechat_page(tmp_path, signed))
    exp = split_expected()
    assert cell_differences(exp.cells, result.report.cells) == []
    assert result.report.meta.agency == "西岭县水利局"
    assert result.report.meta.date == ("2026-01-16" if signed else None)
    assert result.report.text["other"] == TEXT["other"]
    assert result.problems == []
