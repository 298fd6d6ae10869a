"""Word .docx to neutral rows: paragraphs and tables in body order. A horizontally merged
cell (gridSpan) is one cell; a vertically merged cell is read at its first row only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_desktop.io.importers.neutral import Cell, Doc, Row

MAX_TABLE_ROWS = 3000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (f"{W}{t}" for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _VMERGE, _TCPR, _VAL = (f"{W}{t}" for t in ("t", "tab", "br", "cr", "vMerge", "tcPr", "val"))
_DEL = f"{W}del"


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _is_continued(tc: Any) -> bool:
    pr = tc.find(_TCPR)
    if pr is None:
        return False
    vm = pr.find(_VMERGE)
    return vm is not None and vm.get(_VAL, "continue") == "continue"


def read_docx(path: Path, name: str) -> Doc:
    import docx  # loaded on first use

    with path.open("rb") as handle:  # by content, whatever the file is named
        document = docx.Document(handle)
    doc = Doc(name, "docx")
    counters = {"p": 0, "t": 0}
    _walk(document.element.body, doc, counters)
    return doc


def _walk(parent: Any, doc: Doc, counters: dict[str, int]) -> None:
    for el in parent.iterchildren():
        if el.tag == _P:
            counters["p"] += 1
            text = _paragraph_text(el)
            if text.strip():
                doc.add_paragraph(text, f"第{counters['p']}段")
        elif el.tag == _TBL:
            counters["t"] += 1
            _table(el, doc, counters["t"])
        elif el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                _walk(content, doc, counters)


def _table(tbl: Any, doc: Doc, number: int) -> None:
    for r, tr in enumerate(tbl.iterchildren(_TR), 1):
        if r > MAX_TABLE_ROWS:
            break
        place = f"第{number}个表格 第{r}行"
        cells: list[Cell] = []
        for c, tc in enumerate(tr.iterchildren(_TC), 1):
            if _is_continued(tc):
                continue  # covered by the cell above
            text = "\n".join(_paragraph_text(p) for p in tc.iterchildren(_P))
            cells.append(Cell(text, f"{place} 第{c}格"))
        if any(c.text.strip() for c in cells):
            doc.rows.append(Row(cells, place, is_table=True))
