"""import_file: check the file, tell its kind from its bytes, run the matching reader."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.io.importers import ImportResult
from govopen_desktop.io.importers.neutral import Doc
from govopen_desktop.io.importers.problems import ImportFailed, ImportProblem
from govopen_desktop.io.importers.readers.detect import (
    KIND_LABELS,
    MAX_FILE_BYTES,
    MAX_TEXT_BYTES,
    declared_charset,
    sniff,
)
from govopen_desktop.io.inputfile import read_head
from govopen_desktop.io.oserrors import describe_os_error

log = logging.getLogger(__name__)
Read = TypeVar("Read")

_CONVERTIBLE = (".doc", ".wps", ".et", ".ett", ".xls", ".wpt", ".dot", ".odt", ".ods", ".rtf")


def import_path(path: Path, name: str | None = None) -> ImportResult:
    """`name` is how messages call the file (a converted copy keeps the original's name).
    A project file (decided by parsing it, see io.project.read_project) loads as saved."""
    shown = name
    name = name or path.name
    head, size = read_head(path, 8192, ImportFailed)  # regular files only: a FIFO never blocks
    from govopen_desktop.io.project import read_project

    project = read_project(path, shown)
    if project is not None:
        return ImportResult(project, [], project=True)
    _check_size(name, size)
    return _guarded(path, name, head, lambda kind: _dispatch(path, name, kind, size))


def page_doc(path: Path) -> Doc:
    """The rows of one page of an article its CMS split into pages (a web page, or text)."""
    name = path.name
    head, size = read_head(path, 8192, ImportFailed)
    _check_size(name, size)

    def read(kind: str) -> Doc:
        if kind not in _PAGE_KINDS:
            raise ImportFailed(f"“{name}”不是网页或文本，不能作为分页发布的网页文章中的一页导入。"
                               "几个文件一起导入时，每个文件都应是同一篇文章的一页（.html、.mht 或 .txt）。")
        return _page_doc(path, name, kind, size)

    return _guarded(path, name, head, read)


def _check_size(name: str, size: int) -> None:
    if size == 0:
        raise ImportFailed(f"“{name}”是空文件（0 字节），没有可导入的内容。")
    if size > MAX_FILE_BYTES:
        raise ImportFailed(f"“{name}”有 {size // 1024 // 1024} MB，远超年度报告的正常大小，已拒绝读取。")


def _guarded(path: Path, name: str, head: bytes, read: Callable[[str], Read]) -> Read:
    """`read(kind)` of the file's kind, whatever goes wrong said in Chinese, naming the file."""
    kind = "file"
    try:
        kind = sniff(path, head).kind
        return read(kind)
    except GovopenError:
        raise
    except MemoryError as exc:
        raise ImportFailed(f"“{name}”过大，内存不足，无法读取。请只保留报告内容后另存再导入。") from exc
    except RecursionError as exc:
        raise ImportFailed(f"“{name}”结构异常（嵌套过深），已拒绝读取。") from exc
    except OSError as exc:
        log.info("reading %s: %r", path, exc)
        raise ImportFailed(f"读取“{name}”时出错：{describe_os_error(exc)}") from exc
    except Exception as exc:  # a damaged file makes the libraries raise anything
        log.info("reading %s as %s failed", path, kind, exc_info=True)  # the library's text: log only
        raise ImportFailed(damaged_message(name, kind)) from exc


def damaged_message(name: str, kind: str) -> str:
    """A damaged file, said without the library's (English) words: what to do about it."""
    label = f"作为{KIND_LABELS[kind]}" if kind in KIND_LABELS else ""
    return (f"“{name}”无法{label}读取，文件可能已损坏或不完整。"
            "请用 Word、WPS 或 Excel 打开它并另存一份，或重新获取该文件后再导入。")


def _dispatch(path: Path, name: str, kind: str, size: int) -> ImportResult:
    if kind in ("xlsx", "ole-xls"):
        return _sheet(path, name, kind)
    if kind == "docx":
        from govopen_desktop.io.importers.readers.docx import read_docx

        return doc_result(read_docx(path, name))
    if kind in _PAGE_KINDS:
        return doc_result(_page_doc(path, name, kind, size))
    if kind == "encrypted":
        raise ImportFailed(f"“{name}”设有打开密码，无法读取。请在 Excel/WPS/Word 中取消密码后另存，再导入。")
    if kind == "ole-doc":
        from govopen_desktop.io.importers.readers.doc import DocFormatError, read_doc

        try:
            doc = read_doc(path.read_bytes(), name)
        except DocFormatError:
            return _converted(path, name, kind)  # laid out otherwise: LibreOffice, when installed
        from govopen_desktop.io.importers.readers.convert import find_soffice

        if not any(row.is_table for row in doc.rows) and find_soffice() is not None:
            return _converted(path, name, kind)  # no table made out: LibreOffice may see more
        return doc_result(doc)
    if kind in ("odt", "ods", "rtf") or (kind == "ole" and path.suffix.lower() in _CONVERTIBLE):
        return _converted(path, name, kind)
    if kind == "pdf":
        from govopen_desktop.io.importers.readers.pdf import read_pdf

        return doc_result(read_pdf(path, name))
    if kind == "ofd":
        from govopen_desktop.io.importers.readers.ofd import read_ofd

        return doc_result(read_ofd(path, name))
    if kind == "zip":
        raise ImportFailed(_archive_message(path, name))
    raise ImportFailed(f"“{name}”不是可识别的文件（{kind}）。请在 WPS/Office 中另存为 .docx 或 .xlsx 后再导入。")


_PAGE_KINDS = ("html", "text", "mht")  # a web page or text: read to rows here, no container


def _page_doc(path: Path, name: str, kind: str, size: int) -> Doc:
    """The rows of a web page (.html, .mht) or a text file."""
    if size > MAX_TEXT_BYTES:
        raise ImportFailed(f"“{name}”有 {size // 1024 // 1024} MB，不像年度报告的文本，已拒绝读取。")
    from govopen_desktop.io.importers.readers.html import html_from_mht
    from govopen_desktop.io.importers.readers.text import decode_text

    data = path.read_bytes()
    text: str | None
    if kind == "mht":
        text = html_from_mht(data, name)
        kind = "html"
    else:
        text = decode_text(data, declared_charset(data) if kind == "html" else None)
    if text is None:
        raise ImportFailed(
            f"“{name}”不是可识别的文件：既不是 Word/Excel 文档，也不是网页或文本。"
            "请确认文件完整，或在 WPS/Office 中另存为 .docx/.xlsx 后再导入。"
        )
    if not text.strip():
        raise ImportFailed(f"“{name}”是空文件，没有可导入的内容。")
    if kind == "text":
        text, kind = _markup_in_script(text)
    if kind == "html":
        from govopen_desktop.io.importers.readers.html import read_html

        return read_html(text, name)
    from govopen_desktop.io.importers.readers.limits import check_text
    from govopen_desktop.io.importers.readers.markdown import read_text_or_markdown

    check_text(text, name)
    return read_text_or_markdown(text, name)


def _archive_message(path: Path, name: str) -> str:
    """A zip archive (attachments downloaded together): the files in it, to unpack first."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        members = [info.filename.rsplit("/", 1)[-1] for info in zf.infolist() if not info.is_dir()]
    shown = "、".join(f"“{m}”" for m in members[:3] if m) + ("等" if len(members) > 3 else "")
    inside = f"，其中有{shown}" if shown else ""
    return f"“{name}”是压缩包{inside}。请先解压，再导入其中的年度报告文件。"


def _markup_in_script(text: str) -> tuple[str, str]:
    """A .js or .json file (a site's script or API answer) whose string holds the report page."""
    low = text.lower()
    if "<table" not in low and "\\u003ctable" not in low:
        return text, "text"
    from govopen_desktop.io.importers.readers.html import embedded_html

    embedded = embedded_html(text)
    return (embedded, "html") if embedded is not None else (text, "text")


def _sheet(path: Path, name: str, kind: str) -> ImportResult:
    from govopen_desktop.io.importers.data_sheet import report_from_workbook
    from govopen_desktop.io.importers.readers.sheet import read_xls, read_xlsx

    if kind == "xlsx":
        read = read_xlsx(path, name)
    else:
        et = path.suffix.lower() in (".et", ".ett")
        try:
            read = read_xls(path, name, "et" if et else "xls")
        except ImportFailed as exc:
            if not et or "密码" in str(exc):
                raise
            return _converted(path, name, "ole")  # a WPS sheet xlrd cannot read
    doc, data = read
    if data is None:
        return doc_result(doc)
    report, problems = report_from_workbook(data, doc, name)
    report.extra["source"] = {"file": name, "kind": kind if kind == "xlsx" else "xls",
                              "title": None, "headings": []}
    return ImportResult(report, problems)


def _converted(path: Path, name: str, kind: str) -> ImportResult:
    from govopen_desktop.io.importers.readers.convert import convert

    suffix = path.suffix.lower()
    target = "xlsx" if kind == "ods" or suffix in (".et", ".ett", ".ods", ".xls") else "docx"
    label = {"ole-doc": "Word 97-2003（.doc）或 WPS（.wps）", "odt": "OpenDocument 文本（.odt）",
             "ods": "OpenDocument 表格（.ods）", "rtf": "RTF"}.get(kind, "旧版 Office/WPS")
    with tempfile.TemporaryDirectory(prefix="govopen-import-") as tmp:
        out = convert(path, target, Path(tmp), label)
        result = import_path(out, name)
    source = result.report.extra.get("source")
    if isinstance(source, dict):
        source["file"] = name
        source["kind"] = suffix.lstrip(".") or kind
    return result


def doc_result(doc: Doc) -> ImportResult:
    """The report the document's rows make, and what could not be read."""
    from govopen_desktop.io.importers.extract.build import build_first  # not needed to open a project file
    from govopen_desktop.io.importers.readers.limits import check_doc

    doc.fold_characters()
    check_doc(doc)
    report, problems, rest = build_first(doc)
    return ImportResult(report, [*(ImportProblem(note) for note in doc.notes), *problems], rest=rest)
