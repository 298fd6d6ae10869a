"""The baseline of the batch check: the bare libraries opening each file, in one process.

    python -m benchmarks.bare_open FILE...

Each file is opened as a program that only loads it would: json for a project file, openpyxl /
xlrd / python-docx for workbooks and Word files, the standard library's HTML parser, e-mail
parser and text decoding for pages and text. Nothing is checked or printed per file.
"""

from __future__ import annotations

import sys
from pathlib import Path


def open_bare(path: Path) -> object:
    suffix = path.suffix.lower()
    if suffix == ".govopen":
        import json

        return json.loads(path.read_bytes())
    if suffix == ".xlsx":
        import openpyxl

        return openpyxl.load_workbook(path, data_only=True)
    if suffix == ".xls":
        import xlrd

        return xlrd.open_workbook(str(path), formatting_info=True)
    if suffix == ".docx":
        import docx

        return docx.Document(str(path))
    data = path.read_bytes()
    if suffix == ".mht":
        import email
        from email import policy

        return email.message_from_bytes(data, policy=policy.default)
    text = data.decode("gbk" if b"charset=gbk" in data[:2048].lower() else "utf-8", errors="replace")
    if suffix in (".html", ".htm"):
        from html.parser import HTMLParser

        parser = HTMLParser()
        parser.feed(text)
        parser.close()
    return text


def main(argv: list[str]) -> int:
    for name in argv:
        try:
            open_bare(Path(name))
        except Exception:  # a damaged file: a program that only opens files moves on
            continue
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
