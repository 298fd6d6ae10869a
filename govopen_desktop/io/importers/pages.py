"""An article its CMS split into pages (共3页 上一页 1 2 3 下一页), each page saved on its own:
the pages read together as one report, in the order given.

Every page repeats the site around the article: its header, navigation, the article's title and
metadata table above, the pager and the footer below. The first page keeps what is above its
text and the last page what is below; from the others that is left out — the rows at a page's
top that the first page also has, and from the pager down (or the rows at its foot the last
page also has). A row inside the article is never left out, even where another page repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from govopen_desktop.io.importers import ImportResult
from govopen_desktop.io.importers.dispatch import doc_result, import_path, page_doc
from govopen_desktop.io.importers.extract.meta import is_pager
from govopen_desktop.io.importers.neutral import Doc, Row
from govopen_desktop.io.importers.problems import ImportFailed

MAX_PAGES = 30  # a report split into more pages than this is no CMS's paging


def import_pages(paths: Sequence[Path]) -> ImportResult:
    """One report from the saved pages of one article (a single path: that file, as import_file)."""
    if not paths:
        raise ImportFailed("没有选择要导入的文件。")
    if len(paths) == 1:
        return import_path(Path(paths[0]))
    if len(paths) > MAX_PAGES:
        raise ImportFailed(f"一次选择了 {len(paths)} 个文件。几个文件一起导入时，它们应是同一篇分页发布的网页文章的各页"
                           f"（最多 {MAX_PAGES} 页）；不同的报告请分别导入。")
    if len({Path(p).resolve() for p in paths}) < len(paths):
        raise ImportFailed("同一个文件被选了两次。请每一页只选一次。")
    return doc_result(join_pages([page_doc(Path(p)) for p in paths]))


def page_order(path: Path) -> tuple[tuple[int, str], ...]:
    """Saved pages in their site's order: index.html, index_1.html, … index_10.html (numbers
    in a name compared as numbers)."""
    parts = re.split(r"(\d+)", path.stem)
    return (*((int(part), "") if part.isdigit() else (-1, part) for part in parts if part), (-1, path.suffix))


def join_pages(docs: Sequence[Doc]) -> Doc:
    """The pages' rows as one document, each page's repeated site left out (see the module)."""
    keys = [[_row_key(row) for row in doc.rows] for doc in docs]
    first_page, last_page = set(keys[0]), set(keys[-1])
    rows: list[Row] = []
    for k, doc in enumerate(docs):
        start, stop = 0, len(doc.rows)
        if k > 0:
            while start < stop and (not keys[k][start] or keys[k][start] in first_page):
                start += 1
        if k < len(docs) - 1:
            stop = _pager_row(doc.rows, start, stop)
            while stop > start and (not keys[k][stop - 1] or keys[k][stop - 1] in last_page):
                stop -= 1
        rows += [_on_page(row, doc.name) for row in doc.rows[start:stop]]
    first = docs[0]
    joined = Doc(f"{first.name}等 {len(docs)} 页", first.kind, title=first.title, pages=len(docs),
                 attachments=list(dict.fromkeys(a for doc in docs for a in doc.attachments)))
    for row in rows:
        joined.add(row)  # bounded as any document is
    return joined


def _row_key(row: Row) -> str:
    """What a row shows, to find it again on another page ("" for an empty row)."""
    if row.picture:
        return f"\0{row.picture}"
    return "\n".join(row.lines())


def _pager_row(rows: list[Row], start: int, stop: int) -> int:
    """The row of the page's pager under its text (下一页 …), or `stop`. A pager above the text
    (some sites print one at each end) is not where the page's text ends."""
    half = start + (stop - start) // 2
    for i in range(stop - 1, half - 1, -1):
        if any(is_pager(line) for line in rows[i].lines()):
            return i
    return stop


def _on_page(row: Row, name: str) -> Row:
    """The row with its place told by its page's file: “index_2.html” 第3段."""
    cells = [cell._replace(place=f"“{name}”{cell.place}") for cell in row.cells]
    return Row(cells, f"“{name}”{row.place}", is_table=row.is_table, spaced=row.spaced, picture=row.picture)
