"""What a file really is, from its bytes (not its name), and the checks that keep a hostile
file from using minutes or gigabytes: sizes declared in the zip directory, entity
declarations in XML parts, encrypted packages."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from govopen_desktop.io.importers.problems import ImportFailed
from govopen_desktop.io.importers.readers.ole import compound

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_TOTAL = 300 * 1024 * 1024  # uncompressed, all members
MAX_PART_BYTES = 60 * 1024 * 1024  # uncompressed, any one member
MAX_SHEET_BYTES = 12 * 1024 * 1024  # a report's worksheet is a few hundred KB at most
MAX_XML_BYTES = 25 * 1024 * 1024  # any XML part: parsed in memory, about ten times its size
MAX_OLE_BYTES = 20 * 1024 * 1024  # .doc/.xls/.et: read whole, and xlrd keeps every cell
MAX_RATIO = 200  # uncompressed/compressed above this on a large member: a zip bomb

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
KIND_LABELS = {
    "xlsx": "Excel 工作簿", "xls": "Excel 97-2003 工作簿", "docx": "Word 文档", "doc": "Word 97-2003 文档",
    "html": "网页", "txt": "文本", "odt": "OpenDocument 文档", "ods": "OpenDocument 表格", "rtf": "RTF 文档",
    "et": "WPS 表格", "wps": "WPS 文字", "mht": "网页存档",
}


@dataclass(frozen=True)
class Sniffed:
    kind: str  # xlsx, docx, odt, ods, ole-doc, ole-xls, html, rtf, text, pdf, unknown (projects: read_project)
    detail: str = ""


def sniff(path: Path, head: bytes) -> Sniffed:
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return Sniffed(zip_kind(path))
    if head.startswith(OLE_MAGIC):
        return Sniffed(ole_kind(path))
    if head.startswith(b"%PDF"):
        return Sniffed("pdf")
    if head.lstrip().startswith(b"{\\rtf"):
        return Sniffed("rtf")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"mime-version:", b"from:", b"content-type: multipart/related")) and (
        b"multipart/related" in head.lower()
    ):
        return Sniffed("mht")  # a web page saved as one file (.mht/.mhtml) by IE, 360, Edge
    if _looks_like_html(stripped, head) and not _markdown_with_html(path, stripped):
        return Sniffed("html")
    return Sniffed("text")


def _looks_like_html(stripped: bytes, head: bytes) -> bool:
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<table", b"<meta")):
        return True
    if stripped.startswith(b"<?xml") and b"<html" in head.lower():
        return True
    low = head.lower()
    return stripped.startswith(b"<") and (b"<table" in low or b"<p" in low or b"<div" in low)


_PAGE_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<?xml")


def _markdown_with_html(path: Path, stripped: bytes) -> bool:
    """A converter's markdown that opens with an HTML block (pandoc keeps a page's `<div>` and
    its tables as HTML): text with HTML in it, not a page, unless it starts as a whole page."""
    return path.suffix.lower() in (".md", ".markdown") and not stripped.startswith(_PAGE_START)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_\-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first bytes (gb2312/gbk read as GB18030)."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise ImportFailed(
            f"“{path.name}”已损坏或不完整（可能在下载或复制时被截断），无法打开。请重新获取该文件。"
        ) from exc


def is_encrypted(info: zipfile.ZipInfo) -> bool:
    """The member is encrypted (a password-protected package)."""
    return bool(info.flag_bits & 0x1)


def is_bomb(info: zipfile.ZipInfo) -> bool:
    """A large member that unpacks to far more than it packs: a zip bomb."""
    return info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)


def check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    """Reject, from the zip directory and a streamed scan of the XML parts, what would take
    too long or too much memory (readers/limits.py says how each part is judged)."""
    from govopen_desktop.io.importers.readers.limits import check_parts, package_parts

    infos = zf.infolist()
    name = path.name
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportFailed(f"“{name}”包含 {len(infos)} 个部件，不是正常的 Office 文件，已拒绝读取。")
    if any(is_encrypted(info) for info in infos):
        raise ImportFailed(f"“{name}”设有密码，无法读取。请在 Excel/WPS/Word 中取消密码后另存，再导入。")
    total = sum(info.file_size for info in infos)
    parts = package_parts(zf, infos, name)
    for info in infos:
        big = info.file_size > MAX_PART_BYTES
        bomb = is_bomb(info)
        sheet = info.filename in parts.sheets and info.file_size > MAX_SHEET_BYTES
        big = big or (info.filename in parts.xml and info.file_size > MAX_XML_BYTES)
        if big or bomb or sheet:
            mb = info.file_size // (1024 * 1024)
            what = "工作表" if sheet else "部件"
            raise ImportFailed(
                f"“{name}”中的{what}“{info.filename}”解压后有 {mb} MB，远超年度报告的正常大小"
                "（可能是异常或恶意构造的文件），已拒绝读取。"
            )
    if total > MAX_ZIP_TOTAL:
        raise ImportFailed(f"“{name}”解压后超过 {MAX_ZIP_TOTAL // 1024 // 1024} MB，已拒绝读取。")
    check_parts(zf, infos, name, parts)


def zip_kind(path: Path) -> str:
    with open_zip(path) as zf:
        check_zip(path, zf)
        names = set(zf.namelist())
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "ofd.xml" in {n.lower() for n in names}:
            return "ofd"  # GB/T 33190, the national fixed-layout format
        if "mimetype" in names:
            mime = zf.read("mimetype")[:100]
            if b"opendocument.text" in mime:
                return "odt"
            if b"opendocument.spreadsheet" in mime:
                return "ods"
    return "zip"


def ole_kind(path: Path) -> str:
    """Stream names of an OLE compound file: Word, Excel, or an encrypted OOXML package."""
    size = path.stat().st_size
    if size > MAX_OLE_BYTES:
        raise ImportFailed(
            f"“{path.name}”有 {size // 1024 // 1024} MB，远超旧版 Office/WPS 年度报告文件的正常大小，已拒绝读取。"
            "请在 WPS/Office 中只保留报告内容，另存为 .docx 或 .xlsx 后再导入。"
        )
    try:
        found = compound(path.read_bytes())
    except OSError as exc:
        raise ImportFailed(f"“{path.name}”已损坏或不完整，无法打开。") from exc
    if found is None:  # any parse failure means a damaged file
        raise ImportFailed(f"“{path.name}”已损坏或不完整，无法打开。")
    names = found.names
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        return "encrypted"
    if "WordDocument" in names:
        return "ole-doc"
    if "Workbook" in names or "Book" in names:
        return "ole-xls"
    return "ole"
