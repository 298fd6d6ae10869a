"""The report as one self-contained HTML page for the website: title, the opening paragraph,
sections, the three tables with rowspan/colspan as on the form (each table's note, 表下说明,
as paragraphs right under it), the signature.

What a clerk pastes into a CMS editor: no scripts, no classes or style sheet, only a few
inline styles editors keep (borders, alignment, widths in percent). The page imports back
exactly through the project's HTML importer.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from govopen_desktop.domain.formats import Table
from govopen_desktop.domain.report import Report
from govopen_desktop.io.exporters.output import export_notes, write_export
from govopen_desktop.io.exporters.table_layout import cached_column_widths, fit_values
from govopen_desktop.io.exporters.text import clean_text, heading_level, report_title, signature

FONT = "font-family:仿宋_GB2312,仿宋,FangSong,serif"
CELL = "border:1px solid #000;padding:2px 4px;vertical-align:middle"
CHAR_PX, PAD_PX, TABLE_PX = 14, 10, 1000  # the layout of the columns, as in the Word export


def export_html(report: Report, path: Path) -> list[str]:
    """Write the page to `path` (UTF-8, atomically); returns notes for the clerk."""
    write_export(Path(path), build_html(report).encode("utf-8"))
    return export_notes(report)


def build_html(report: Report) -> str:
    title = clean_text(report_title(report))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title></head>",
        f'<body style="max-width:1000px;margin:0 auto;{FONT};font-size:16px;line-height:1.8">',
        f'<h1 style="text-align:center;font-size:26px">{escape(title)}</h1>',
    ]
    fmt = report.format
    for front in fmt.front_texts:  # the opening paragraph under the title, no heading
        parts += _paragraphs(report.text.get(front.text or ""), headings=False)
    for section in fmt.sections:
        parts.append(f'<h2 style="font-size:18px">{escape(section.heading)}</h2>')
        if section.table:
            parts.append(table_html(fmt.table(section.table), report))
            parts += _paragraphs(report.text.get(section.note or ""), headings=False)  # 表下说明
        elif section.text:
            parts += _paragraphs(report.text.get(section.text), headings=True)
    signed = signature(report)
    if signed is not None:
        agency, date = signed
        parts.append(f'<p style="text-align:right;margin:2em 2em 0 0">{escape(agency)}</p>')
        parts.append(f'<p style="text-align:right;margin:0 2em 0 0">{escape(date)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _paragraphs(text: str | None, headings: bool) -> list[str]:
    """A text's lines as paragraphs; `headings`: its （一） and 1. lines marked as in Word."""
    out = []
    for raw in clean_text(text or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        level = heading_level(line) if headings else None
        if level is not None:
            weight = "bold" if level == 2 else "normal"  # （一） headings stand out
            out.append(f'<p style="text-indent:2em;margin:0;font-weight:{weight}">{escape(line)}</p>')
        else:
            out.append(f'<p style="text-indent:2em;margin:0">{escape(line)}</p>')
    return out


def table_html(table: Table, report: Report) -> str:
    from govopen_desktop.io.exporters.docx_tables import cell_text  # same text as in Word

    widths = fit_values(table, cached_column_widths(table, TABLE_PX, CHAR_PX, PAD_PX), lambda c: cell_text(c, report),
                        CHAR_PX, PAD_PX)
    total = sum(widths)
    rows: list[list[str]] = [[] for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        attrs = ""
        if cell.rowspan > 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        align = "center" if cell.key is not None or cell.role != "label" else "left"
        style = f"{CELL};text-align:{align}"
        style += f";width:{sum(widths[cell.col:cell.col + cell.colspan]) * 100 / total:.1f}%"
        rows[cell.row].append(f'<td{attrs} style="{style}">{escape(cell_text(cell, report))}</td>')
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return (f'<table style="border-collapse:collapse;width:100%;font-size:14px;line-height:1.4" '
            f'border="1" cellspacing="0" cellpadding="3">{body}</table>')
