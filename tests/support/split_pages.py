"""A report page a CMS split into three pages, each saved on its own (index.html, index_1.html,
index_2.html): the site's navigation, the title, a part of the article, the pager, the footer."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.domain.formats import load_format
from tests.support.import_builders import Expected, write_html

PAGER = "共3页 首页 上一页 1 2 3 下一页 尾页"
TEXT = {"overview": "2025年，本局扎实推进政务公开。\n（一）主动公开。及时发布政策文件。",
        "problems": "公开的及时性还需提高。", "other": "本年度未收取信息处理费。"}


def split_expected() -> Expected:
    """Every cell of the 2021 format a different small number, so a misplaced one shows."""
    fmt = load_format("2021")
    cells = {key: n for n, (key, f) in enumerate(sorted(fmt.fields.items()), 1) if f.row >= 0 and f.derived is None}
    return Expected({"agency": "西岭县水利局", "year": 2025, "format": "2021", "date": "2026-01-16"}, cells,
                    dict(TEXT))


def split_pages(tmp_path: Path) -> list[Path]:
    """The page cut before 三、 and before 四、, as a CMS pages an article: each page with the
    site's navigation, the title, its part of the article, the pager and the footer."""
    whole = tmp_path / "whole.html"
    write_html(split_expected(), whole)
    html = whole.read_text(encoding="utf-8")
    body_start = html.index("</h1>") + len("</h1>")
    body_end = html.index("<div class='footer'>")
    head, body, foot = html[:body_start], html[body_start:body_end], html[body_end:]
    cuts = [body.index("<p><strong>三、"), body.index("<p><strong>四、")]
    parts = [body[:cuts[0]], body[cuts[0]:cuts[1]], body[cuts[1]:]]
    paths = []
    for n, part in enumerate(parts, 1):
        path = tmp_path / ("index.html" if n == 1 else f"index_{n - 1}.html")
        path.write_text(f"{head}{part}<div class='pager'>{PAGER}</div>{foot}", encoding="utf-8")
        paths.append(path)
    return paths
