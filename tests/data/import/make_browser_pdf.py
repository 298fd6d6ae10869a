"""Regenerate browser-printed-page.pdf (run once by hand; needs Chromium, which the tests do
not: `apt-get install chromium`).

The sample report as a government site shows it (the site's name and menu, the page's
metadata table, the title in a large type with its year in a Latin font, the words under it,
the report with ruled tables, table 3's organisation columns blank where they are 0), printed
by Chromium as its print dialog does by default: the time and the page's title in each page's
top margin, the page's address and "n/N" in the bottom one, the tables continued over pages
without a border where a page cuts them.

    python tests/data/import/make_browser_pdf.py
"""

from __future__ import annotations

import http.server
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from govopen_desktop.io.exporters.html_export import build_html  # noqa: E402
from tests.support.browser_page import browser_page_report  # noqa: E402

OUT = HERE / "browser-printed-page.pdf"
PREFACE = ("根据《中华人民共和国政府信息公开条例》要求，现向社会公布青山市自然资源和规划局2024年度政府信息公开"
           "工作年度报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
SITE = ('<div>繁體版</div><div>无障碍</div><div>智能问答</div><div>请输入关键词</div>'
        '<div>首页</div><div>走进青山</div><div>政务公开</div><div>办事服务</div><div>互动交流</div>'
        '<div>当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>')


def page_html() -> str:
    report = browser_page_report()
    page = build_html(report)
    title = f"{report.meta.agency}{report.meta.year}年政府信息公开工作年度报告"
    meta = ('<table style="border-collapse:collapse" border="1" cellpadding="4">'
            f'<tr><td>名称</td><td colspan="3">{title}</td></tr>'
            "<tr><td>索引号</td><td>014314799/2025-00002</td><td>分类</td><td>信息公开年报</td></tr>"
            f"<tr><td>发布机构</td><td>{report.meta.agency}</td><td>公开日期</td><td>2025-01-20</td></tr>"
            "</table>")
    big_title = title.replace(str(report.meta.year), f'<span style="font-family:Arial">{report.meta.year}</span>')
    page = re.sub(r"<h1([^>]*)>[^<]*</h1>",
                  f'{SITE}{meta}<h1 style="font-size:34px">{big_title}</h1>'
                  f'<p style="text-indent:2em;margin:0">{PREFACE}</p>', page, count=1)
    return page


def print_page(html: str, out: Path) -> None:
    """`html` served from a local site and printed by Chromium to `out`, as its print dialog does."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "art" / "2025" / "1" / "20"
        site.mkdir(parents=True)
        (site / "art_1229_5786521.html").write_text(html, encoding="utf-8")

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=folder, **kwargs)  # type: ignore[misc, arg-type]

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/art/2025/1/20/art_1229_5786521.html"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={folder}/profile", f"--print-to-pdf={out}", url],
                       check=True, capture_output=True, timeout=120)
        server.shutdown()
    print(out, out.stat().st_size)


def main() -> None:
    print_page(page_html(), OUT)


if __name__ == "__main__":
    main()
