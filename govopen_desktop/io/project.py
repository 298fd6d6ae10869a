"""The project file (.govopen): the report as UTF-8 JSON, saved atomically."""

from __future__ import annotations

import json
import logging
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import PUBLISHED_KEY, Report
from govopen_desktop.domain.values import Published
from govopen_desktop.io.atomic import backup_path, write_text_atomic
from govopen_desktop.io.inputfile import read_bounded, read_head
from govopen_desktop.io.oserrors import describe_os_error
from govopen_desktop.io.textsafe import writable_tree

EXTENSION = ".govopen"
MAX_PROJECT_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64  # a report with twenty years of `prior` nests about 45 deep
MAX_NUMBER_DIGITS = 30  # an integer longer than this is no count: a Decimal for the cell reader
MAX_EXPONENT = 40  # beyond it an amount's plain notation explodes: kept as the text written
MAX_LITERAL = 10_000  # a number literal longer than this is no published value at all
log = logging.getLogger(__name__)
_DECIMAL_MARK = "\u0000decimal:"


class ProjectFileError(GovopenError):
    """A project file that cannot be used; `backup` is a .bak next to it, if there is one."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path
        bak = backup_path(path)
        self.backup: Path | None = bak if bak.is_file() else None


def report_to_json(report: Report) -> str:
    """The project JSON; amounts keep the decimals they were written with (0.1200)."""
    return dumps_exact(report.to_dict()) + "\n"


def dumps_exact(payload: Any) -> str:
    """JSON with every Decimal written as a number with its own decimals (0.1200, not 0.12)."""
    text = json.dumps(_mark_decimals(payload), ensure_ascii=False, indent=1)
    return _unmark_decimals(text)


def report_from_json(text: str, where: str = "") -> Report:
    return Report.from_dict(loads_bounded(text), where)


def save_report(report: Report, path: Path) -> None:
    try:
        write_text_atomic(Path(path), report_to_json(report))
    except OSError as exc:
        log.info("save of %s failed: %r", path, exc)
        raise GovopenError(f"无法保存到“{path}”：{describe_os_error(exc)}") from exc


# ---- loading: one bounded reader for every command ---------------------------------------

class _Refused(Exception):
    """Raised inside the JSON parser by a number no report can hold."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def nesting_ok(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON `text` nests at most about `limit` deep, decided without recursion: the
    innermost pairs are removed `limit` times; what a parser could still descend into (an
    unclosed run of brackets) must stay short too."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return True
        fewer = brackets.replace("[]", "").replace("{}", "")
        if fewer == brackets:
            return len(brackets) <= limit  # unbalanced (cut short): the parser says where
        brackets = fewer
    return not brackets


def _parse_int(literal: str) -> int | Decimal:
    """int() refuses past 4,300 digits (and is slow long before): a long integer becomes a
    Decimal, which the cell reader keeps as a published value it reports as too large."""
    if len(literal) > MAX_LITERAL:
        raise _Refused(literal)
    return int(literal) if len(literal) <= MAX_NUMBER_DIGITS else Decimal(literal)


def _parse_float(literal: str) -> Decimal | str:
    if len(literal) > MAX_LITERAL:
        raise _Refused(literal)
    number = Decimal(literal)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -MAX_EXPONENT and number.adjusted() <= MAX_EXPONENT:
        return number
    return literal  # 1e-400000000: kept as the text written; the cell reader says why it is no value


def _parse_constant(literal: str) -> str:
    return literal  # NaN, Infinity: not numbers a report can hold, kept as text


def loads_bounded(text: str) -> Any:
    """JSON as a project file holds it: amounts as Decimal, nesting, number sizes and exponents
    bounded before anything is built. Raises ValueError (json.JSONDecodeError for bad syntax,
    ProjectLimitError for what no report holds)."""
    if not nesting_ok(text):
        raise ProjectLimitError(f"嵌套超过 {MAX_DEPTH} 层")
    try:
        return writable_tree(json.loads(text, parse_int=_parse_int, parse_float=_parse_float,
                                        parse_constant=_parse_constant))
    except _Refused as exc:
        digits = len(exc.literal)
        raise ProjectLimitError(f"有一个 {digits} 位的数字（{exc.literal[:12]}…）") from None
    except RecursionError:
        raise ProjectLimitError(f"嵌套超过 {MAX_DEPTH} 层") from None


class ProjectLimitError(ValueError):
    """Content no report can hold; the message says what, for a sentence naming the file."""


def read_project(path: Path, name: str | None = None, *, claimed: bool = False) -> Report | None:
    """The report when `path` is a project file, None when it is some other file (for the
    importer). Decided by parsing, not by the first bytes: a project saved with its keys in
    another order is a project. A `.govopen` file that is empty, cut short or damaged is a
    project that cannot be used: ProjectFileError, and the `.bak` is offered. `claimed`: the
    caller knows it is meant to be one (load_report), whatever its content."""
    path = Path(path)
    shown = name or str(path)

    def fail(message: str) -> ProjectFileError:
        return ProjectFileError(message, path)

    head, size = read_head(path, 64, fail)
    ours = path.suffix.lower() == EXTENSION
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not (claimed or start == b"{" or (ours and start in (b"[", b""))):
        return None
    ours = ours or claimed
    if size > MAX_PROJECT_BYTES:
        if not ours:
            return None
        raise fail(f"“{shown}”过大（{size // 1024 // 1024} MB），不是年度报告文件。")
    data = read_bounded(path, MAX_PROJECT_BYTES, fail,
                        lambda n: f"“{shown}”过大（{n // 1024 // 1024} MB），不是年度报告文件。")
    marked = b'"govopen-report/' in data
    if not data.strip():
        raise fail(f"“{shown}”是空文件，可能在保存时被中断。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not (ours or marked):
            return None
        raise fail(f"“{shown}”不是 UTF-8 文本，不是本程序保存的年度报告文件。") from exc
    try:
        payload = loads_bounded(text)
    except ProjectLimitError as exc:
        if not (ours or marked):
            return None
        raise fail(f"“{shown}”{exc}，不是本程序保存的年度报告文件（可能已损坏或被改动），无法打开。") from exc
    except json.JSONDecodeError as exc:
        if not (ours or marked):
            return None
        raise fail(f"“{shown}”已损坏或不完整：第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误。") from exc
    if not (ours or _is_project_payload(payload)):
        return None
    try:
        return Report.from_dict(payload, f"“{shown}”")
    except GovopenError as exc:
        raise fail(shorten_numbers(str(exc), keep=shown)) from exc
    except (TypeError, ValueError, AttributeError, KeyError, ArithmeticError, RecursionError) as exc:
        log.info("project %s: unusable content: %r", path, exc)
        raise fail(f"“{shown}”的内容不符合年度报告文件的结构（可能已损坏或被改动），无法打开。") from exc


_LONG_NUMBER = re.compile(r"\d{25,}")
_LONG_QUOTE = re.compile(r"“([^”]{80,})”")


def shorten_numbers(message: str, keep: str = "") -> str:
    """A 5,000-digit number or a 100,000-character value quoted in a message, said as its
    beginning and its length; `keep` (the file's name) stays whole."""
    def quote(m: re.Match[str]) -> str:
        return m.group() if m.group(1) == keep else f"“{m.group(1)[:30]}…”（共 {len(m.group(1))} 字）"

    message = _LONG_NUMBER.sub(lambda m: f"{m.group()[:12]}…（共 {len(m.group())} 位）", message)
    return _LONG_QUOTE.sub(quote, message)


def _is_project_payload(payload: Any) -> bool:
    if not isinstance(payload, dict):
        return False
    schema = payload.get("schema")
    if isinstance(schema, str):
        return schema.startswith("govopen-report/")
    return isinstance(payload.get("meta"), dict) and isinstance(payload.get("cells"), dict)


def load_report(path: Path) -> Report:
    """A project file, whatever its name: ProjectFileError when it is none or cannot be used."""
    path = Path(path)
    report = read_project(path, claimed=True)
    if report is None:  # not reached: a claimed file is a project or an error
        raise ProjectFileError(f"“{path}”不是年度报告文件（.govopen）。", path)
    return report


def _mark_decimals(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return _DECIMAL_MARK + format(obj, "f")
    if isinstance(obj, Published):  # `import --json` writes cells as the project file does
        return {PUBLISHED_KEY: obj.text}
    if isinstance(obj, dict):
        return {k: _mark_decimals(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_mark_decimals(v) for v in obj]
    return obj


def _unmark_decimals(text: str) -> str:
    marker = json.dumps(_DECIMAL_MARK)[1:-1]  # as json.dumps escapes it
    out: list[str] = []
    pos = 0
    needle = '"' + marker
    while (start := text.find(needle, pos)) != -1:
        end = text.index('"', start + len(needle))
        out.append(text[pos:start])
        out.append(text[start + len(needle) : end])
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)
