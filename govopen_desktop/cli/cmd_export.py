"""`govopen export`: the report as Word (official layout), Excel, an HTML page or PDF, or a
blank Excel form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govopen_desktop.cli.common import EXIT_OK, add_command, print_problems
from govopen_desktop.domain.errors import GovopenError


def register(sub: Any) -> None:
    p = add_command(
        sub, "export", "导出 Word（官方版式）、Excel、网页或 PDF，或生成空白 Excel 报表", run,
        epilog=(
            "示例：\n"
            "  govopen export 本单位2024年报.govopen --docx 年报.docx --xlsx 年报.xlsx\n"
            "  govopen export 本单位2024年报.govopen --html 年报.html --pdf 年报.pdf\n"
            "  govopen export --blank-xlsx 空白报表.xlsx --year 2024 --agency 某某局"
        ),
    )
    p.add_argument("file", nargs="?", metavar="文件", help="年度报告（.govopen 或任何可导入的文件）")
    p.add_argument("--docx", metavar="OUT.docx", help="导出为 Word 文档（官方版式）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出为 Excel 工作簿（表二、表三、表四）")
    p.add_argument("--html", metavar="OUT.html", help="导出为网页（发布到网站，可粘贴进网站编辑器）")
    p.add_argument("--pdf", metavar="OUT.pdf", help="导出为 PDF（需要安装 LibreOffice）")
    p.add_argument("--review-notes", metavar="OUT.docx",
                   help="导出审核说明（Word）：列出已说明的警告及说明内容，随报告报送审核")
    p.add_argument("--blank-xlsx", metavar="OUT.xlsx", help="生成某年度的空白 Excel 报表（供下级单位填写）")
    p.add_argument("--year", type=int, metavar="年度", help="空白报表的年度，如 2024")
    p.add_argument("--agency", metavar="机关名称", help="空白报表上的填报单位（可省略）")


def run(args: argparse.Namespace) -> int:
    from govopen_desktop.io.exporters.kinds import KINDS, load_exporter
    from govopen_desktop.io.exporters.output import check_target

    outputs = {kind: getattr(args, kind) for kind in ("docx", "xlsx", "html", "pdf") if getattr(args, kind)}
    if not (outputs or args.blank_xlsx or args.review_notes):
        raise GovopenError("请至少指定一个输出：--docx、--xlsx、--html、--pdf、--review-notes 或 --blank-xlsx。")
    if (outputs or args.review_notes) and not args.file:
        raise GovopenError("导出 Word、Excel、网页或 PDF 需要给出年度报告文件。")
    if (args.year is not None or args.agency is not None) and not args.blank_xlsx:
        raise GovopenError("--year 和 --agency 只用于 --blank-xlsx（生成空白报表）。")
    for target in (*outputs.values(), args.blank_xlsx, args.review_notes):
        if target:
            check_target(Path(target))  # before loading and checking the report
    if "pdf" in outputs:
        from govopen_desktop.io.exporters.pdf_export import MISSING, pdf_available

        if not pdf_available():
            raise GovopenError(MISSING)
    report = _open(Path(args.file)) if args.file else None
    notes: list[str] = []
    for kind, target in outputs.items():
        assert report is not None
        for note in load_exporter(kind)(report, Path(target)):
            if note not in notes:
                notes.append(note)
        label = KINDS[kind].label
        print(f"已导出{' ' + label if label.isascii() else label}：{target}")
    for note in notes:
        print(f"注意：{note}")
    if args.review_notes:
        _export_review_notes(report, Path(args.review_notes))
    if args.blank_xlsx:
        from govopen_desktop.io.exporters.xlsx_export import export_blank_xlsx

        year = args.year if args.year is not None else (report.meta.year if report else None)
        if year is None:
            raise GovopenError("生成空白报表需要指定年度：--year 2024。")
        agency = args.agency if args.agency is not None else (report.meta.agency if report else "")
        export_blank_xlsx(year, Path(args.blank_xlsx), agency)
        print(f"已生成{year}年度空白报表：{args.blank_xlsx}")
    return EXIT_OK


def _export_review_notes(report: Any, target: Path) -> None:
    from govopen_desktop.domain.checks import check
    from govopen_desktop.io.exporters.review_notes_docx import export_review_notes

    accepted = [f for f in check(report) if f.accepted is not None]
    if not accepted:
        raise GovopenError("报告中没有已说明的警告，不需要审核说明。可在窗口的检查结果中对警告写“说明”。")
    export_review_notes(report, accepted, target)
    print(f"已导出审核说明（{len(accepted)} 条）：{target}")


def _open(path: Path) -> Any:
    """Load the report; a report with errors still exports (clerks export drafts), with a warning."""
    from govopen_desktop.domain.checks import check
    from govopen_desktop.domain.findings import Level, count_levels
    from govopen_desktop.io.open_any import open_any

    opened = open_any(path)  # a missing file, a folder or a FIFO: a message naming it
    print_problems(opened.problems, "导入时有以下问题：")
    errors = count_levels(check(opened.report))[Level.ERROR]
    if errors:
        print(f"警告：报告中有 {errors} 个错误，仍按原样导出（草稿）。"
              f"运行 govopen check {path} 查看详情。", file=sys.stderr)
    return opened.report
