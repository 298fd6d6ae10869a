"""Plain text and pasted text: one cell per line, tab-separated rows, |-separated rows."""

from __future__ import annotations

import re
from collections import Counter

from govopen_desktop.domain.values import MISREAD_MARKS, is_empty_mark
from govopen_desktop.io.importers.labels import is_placeholder, norm
from govopen_desktop.io.importers.neutral import MAX_DOC_ROWS, Cell, Doc, Row
from govopen_desktop.io.importers.official_rows import (
    NUMBERING_MARKS,
    ends_with_known_label,
    is_value_text,
    known_label,
    starts_known_label,
)
from govopen_desktop.io.importers.problems import ImportFailed

MAX_TEXT_CHARS = 5_000_000
_HEADING_LIKE = re.compile(r"^\s*([一二三四五六七八九十]|\d{1,2})\s*[、.．]")
_ONE_CELL = re.compile(r"^\t[^\t]*$")
_GLUED_NUMBERS = re.compile(r"^(?P<label>\S*?[^\d\s.,，])(?P<numbers>\d[\d ]*)$")  # "行政许可3960181"
_NUMBERS_RUN = re.compile(r"^[+\-]?\d[\d.,]*(?: [+\-]?\d[\d.,]*)+$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPACE_RUN = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
# "-3-", "— 3 —", "第3页", "第 3 页 共 6 页": a page foot copied with the text (a bare number is not);
# "Page 3 - 书名" and "P. 3": the page lines of a flip-book site's text layer
_PAGE_FOOT = re.compile(
    r"^\s*(?:[\-－—–]+\s*\d{1,3}\s*[\-－—–]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|Page\s+\d{1,4}\s+[\-–—]\s+\S.{0,80}|P\.\s?\d{1,4})\s*$")
_UNIT_APART = re.compile(r"(\d) (万元|元)$")
_WITH_UNIT = re.compile(r"(?<=\d)(?:万元|元)$")
_NUMBER_TOKEN = re.compile(r"^[+\-]?\d{1,12}(?:\.\d{1,4})?$")
_WRAPPED_ROW_NUMBERS = 4  # table 3's rows have 7 values; prose never ends in four bare numbers
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # below 32, not \t \n \v \f \r
_ANY_DIGIT = re.compile(r"\d")
# a number as text recognised from a scan may print it: 0 as O/o/〇, 1 as l/I/|
_MISREAD_NUMBER = re.compile(rf"^[\d〇{MISREAD_MARKS}]{{1,12}}$")
_MISREAD_LAST = frozenset("0123456789〇" + MISREAD_MARKS)
_PROSE_MARK = re.compile(r"[。，；：:,;！？]")
# the last number may carry its unit (政府集中采购 1 58000元)
_TRAILING_NUMBERS = re.compile(
    r"^(?P<label>\S.*?[^\d\s.,，])\s+(?P<numbers>[+\-]?\d[\d.,]*(?:\s+[+\-]?\d[\d.,]*)*(?:万元|元)?)\s*$")


def is_page_line(line: str) -> bool:
    """A page foot or a flip-book page line copied with the text (no report text)."""
    return bool(_PAGE_FOOT.match(line))


def decode_text(data: bytes, declared: str | None = None) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (what Chinese Windows
    Notepad and WPS save); a web page's declared charset first, a stray bad byte replaced.
    None for bytes that are no text."""
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            return _checked(data.decode(declared, errors="replace"))
        except LookupError:
            pass  # an unknown charset name: guess as for text
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    else:
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return _checked(text)


def _checked(text: str) -> str | None:
    controls = len(_CONTROL_CHARS.findall(text, 0, 20000))
    if "\x00" in text or controls > 8 or text[:20000].count("\ufffd") > 200:
        return None
    return text


def read_text(text: str, name: str, kind: str = "txt") -> Doc:
    doc = Doc(name, kind)
    if text.count("\n") > 10 * MAX_DOC_ROWS:
        raise ImportFailed(f"“{name}”有 {text.count(chr(10))} 行，远超年度报告的正常长度，已拒绝读取。")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _column_labels_joined(_numbering_parted(_unflattened(_list_numbers_joined(text.split("\n")))))
    with_tabs = [ln for ln in lines if "\t" in ln]
    one_cell = sum(1 for ln in with_tabs if _ONE_CELL.match(ln))
    if with_tabs and one_cell * 2 >= len(with_tabs):
        _cell_per_line(lines, doc)
    else:
        split_rows(_bars_joined(lines), doc)
        doc.rows = join_label_lines(_number_lines_joined(_wraps_kept(doc.rows, _wrapped_numbers(lines))))
    return doc


_MIN_WRAP_ROW = 8  # numbers of a row whose narrow columns wrap (table 4's 15; table 3 is read so)


def _wrapped_numbers(lines: list[str]) -> dict[str, dict[int, str]]:
    """Laid-out text (pdftotext -layout) of a line of numbers alone with a shorter line of
    numbers alone under it, each starting in the column of one number above ("72   64    17 …",
    then "           8"): the digits a narrow column wrapped. By line number (from 1): the
    numbers' places in the row above and what their cells printed under them, by the row's place
    (第k行); the line under maps to an empty dict (dropped)."""
    out: dict[str, dict[int, str]] = {}
    for k in range(len(lines) - 1):
        if len(lines[k]) > _MAX_LAYOUT_ROW or len(lines[k + 1]) > _MAX_LAYOUT_ROW:
            continue
        row, below = _pieces(lines[k]), _pieces(lines[k + 1])
        if (len(row) < _MIN_WRAP_ROW or not below or len(below) >= len(row)
                or not all(_NUMBER_TOKEN.match(t) for _a, t in row + below)):
            continue
        found: dict[int, str] = {}
        for at, text in below:
            under = [i for i, (a, _t) in enumerate(row) if abs(a - at) <= _LAYOUT_ALIGN]
            if len(under) != 1 or under[0] in found:
                found = {}
                break
            found[under[0]] = text
        if found:
            out[_place(k + 1)] = found
            out[_place(k + 2)] = {}
    return out


def _wraps_kept(rows: list[Row], wraps: dict[str, dict[int, str]]) -> list[Row]:
    """The numbers a narrow column wrapped kept with their cells as printed ("17\\n8", read as
    printed and named, as a ruled table's cell is), their line dropped."""
    if not wraps:
        return rows
    out: list[Row] = []
    for row in rows:
        wrap = wraps.get(row.place)
        if wrap is None:
            out.append(row)
        elif wrap:
            cells = [Cell(f"{c.text}\n{wrap[i]}" if i in wrap else c.text, c.place) for i, c in enumerate(row.cells)]
            out.append(Row(cells, row.place, is_table=row.is_table, spaced=row.spaced))
    return out


def _unflattened(lines: list[str]) -> list[str]:
    """A page that lost its line breaks (the whole report one line, paragraphs and table
    cells parted by spaces): each space-separated piece on a line of its own, which is the
    shape of one cell a line; prose has no spaces inside, so its paragraphs come back whole."""
    filled = [ln for ln in lines if ln.strip()]
    total = sum(len(ln) for ln in filled)
    if not filled or len(filled) > 3 or total < 500:
        return lines
    longest = max(filled, key=len)
    if len(longest) < 0.8 * total or len(longest.split()) < 60:
        return lines
    return [part for ln in lines for part in ln.split()]


_PIECE = re.compile(r"\S+(?: \S+)*")  # a column's text: runs of two or more spaces part columns
_LAYOUT_ALIGN = 1  # characters a wrapped label's next line may start off its first line's column
_MAX_WRAP_LINES = 12
_MAX_LAYOUT_ROW = 400  # characters of a laid-out table row (table 4's 15 columns with a label)


def _pieces(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _PIECE.finditer(line.replace("\u3000", "  "))]


def _column_labels_joined(lines: list[str]) -> list[str]:
    """Text laid out by spaces (pdftotext -layout) prints a label wrapped in its narrow column
    over the lines under its row, each piece starting in the label's column ("（三）   1.属于   2 0 …"
    then "不予公   国家秘", "开     密"): the pieces in that column are joined onto the row's
    label when together they make an official label, and taken off their lines (a piece of the
    group label beside them stays). A last piece out of line ("不计其他情形）") is taken only when
    it makes the label whole."""

    out = list(lines)
    for k in range(len(lines)):
        if len(lines[k]) > _MAX_LAYOUT_ROW or "  " not in lines[k]:
            continue  # a table row laid out by spaces is short; prose or a crafted file is not one
        pieces = _pieces(out[k])
        texts = [(at, t) for at, t in pieces if not _NUMBER_TOKEN.match(t)]
        if len(pieces) < 2 or not texts or texts[-1] == pieces[-1] or _NUMBER_TOKEN.match(pieces[0][1]) or any(
                "。" in t for _at, t in texts):
            continue  # not a row (a label's piece, then its numbers), or a sentence
        at, label = texts[-1]
        if len(label) > _MAX_LABEL_LINE or (ends_with_known_label(label) and not starts_known_label(label)):
            continue
        joined, taken, best = label, [], None
        for j in range(k + 1, min(k + 1 + _MAX_WRAP_LINES, len(lines))):
            below = _pieces(out[j])
            if not below or any(_NUMBER_TOKEN.match(t) for _a, t in below):
                break
            here = [(a, t) for a, t in below if abs(a - at) <= _LAYOUT_ALIGN]
            if here:
                joined += here[0][1]
                taken.append((j, here[0][0], here[0][1]))
            elif len(below) == 1 and ends_with_known_label(joined + below[0][1]):
                joined += below[0][1]
                taken.append((j, below[0][0], below[0][1]))
                best = (joined, list(taken))
                break
            else:
                break
            if ends_with_known_label(joined):
                best = (joined, list(taken))
            if not starts_known_label(joined):
                break
        if best is None:
            continue
        joined, taken = best
        head = out[k][:at] + joined
        out[k] = head + out[k][at + len(label):]
        for j, a, t in taken:
            out[j] = out[j][:a] + " " * len(t) + out[j][a + len(t):]
    return out


# Word's list numbering copied as text: the number, a tab, the heading (一、\t总体情况)
_LIST_NUMBER_TAB = re.compile(
    r"^(?P<mark>\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]"
    r"|[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]))\t+(?P<text>[^\t\d][^\t]*)$")


def _list_numbers_joined(lines: list[str]) -> list[str]:
    """A line of a list's number, a tab and one piece of text (what copying headings numbered by
    Word gives): the number and the text as one line, not a row of two cells."""
    if not any("\t" in line for line in lines):
        return lines
    out = []
    for line in lines:
        m = _LIST_NUMBER_TAB.match(line) if "\t" in line else None
        out.append(m.group("mark") + m.group("text") if m else line)
    return out


_GLUED_NUMBERING = re.compile(r"^(?P<end>.{0,23}\D)(?P<digits>\d{1,2})$")


def _numbering_parted(lines: list[str]) -> list[str]:
    """A row broken by its numbers in PDFium's copy ends its label after them on the line of the
    next label's numbering ("卷８" then "." "属于…"): the label's end and the numbering each on
    a line of their own, as the other rows come."""
    out: list[str] = []
    for k, line in enumerate(lines):
        m = _GLUED_NUMBERING.match(line.strip())
        if m and k + 1 < len(lines) and lines[k + 1].strip() in NUMBERING_MARKS and " " not in line.strip():
            out += [m.group("end"), m.group("digits")]
        else:
            out.append(line)
    return out


def _bars_joined(lines: list[str]) -> list[tuple[int, str]]:
    """Numbered lines; a page whose table cells come one a line with a lone `|` on the line
    after each (cell, `|`, cell, `|` …) gets each cell back as `cell |`, the shape of one cell
    a line ending in its bar. Only where such lone bars are common: a stray `|` is left alone."""
    numbered = list(enumerate(lines, 1))
    bare = sum(1 for ln in lines if ln.strip() == "|")
    if bare < 10:
        return numbered
    out: list[tuple[int, str]] = []
    for n, line in numbered:
        if line.strip() == "|" and out and out[-1][1].strip() and not out[-1][1].rstrip().endswith("|"):
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " |")
            continue
        out.append((n, line))
    return out


def _place(n: int) -> str:
    return f"第{n}行"


def pipe_cells(line: str, last_bar_outer: bool = True) -> list[str]:
    """A markdown or plain `|` row: the outer bars (leading, trailing) delimit, they hold no cell.
    In a table whose rows end without a bar (html2text), a bar at the end of a row that has no
    leading bar parts off an empty last cell (`last_bar_outer` False)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    elif body.endswith("|") and not last_bar_outer:
        return [*body.split("|")[:-1], ""]
    if body.endswith("|"):
        body = body[:-1]
    return body.split("|")


def _md_separator(line: str) -> bool:
    """A markdown table's |---| row (or a rule, ---); a lone -- is a cell printed empty."""
    return "--" in line and line.strip() != "--" and _MD_SEPARATOR.match(line) is not None


def _pipe_row(line: str) -> bool:
    if "|" not in line:
        return False  # most lines
    return line.count("|") >= 2 or (line.count("|") == 1 and (
        line.rstrip().endswith("|") or all(len(p.strip()) <= 40 for p in line.split("|"))))


def _bar_ended_tables(lines: list[tuple[int, str]]) -> set[int]:
    """Line numbers of `|` rows whose last bar is an outer bar: in a table drawn without outer
    bars (no row starts with one, some rows end without one, as html2text writes) a row's last
    bar is a cell boundary; in the others (`| a | b |`, `规章 | 0 | 0 | 6 |`) it is outer."""
    out: set[int] = set()
    if not any("|" in line for _n, line in lines):
        return out  # no `|` row at all: most text
    block: list[tuple[int, str]] = []
    for n, line in [*lines, (0, "")]:
        if "\t" not in line and _pipe_row(line) and not _md_separator(line):
            block.append((n, line))
            continue
        if _md_separator(line) and line.strip():
            continue
        bare = not any(ln.lstrip().startswith("|") for _n, ln in block)
        if not bare or all(ln.rstrip().endswith("|") for _n, ln in block):
            out.update(k for k, _ln in block)
        block = []
    return out


def spaced_cells(line: str, label_apart: bool = True) -> list[str] | None:
    """Columns laid out with runs of spaces (text copied out of a PDF viewer), or a label with
    its numbers after single spaces ("行政许可 97", "规章 0 0 0"); None for a line of prose.
    `label_apart`: a column piece "行政规范性文件 564" is the label and its first number (the
    PDF reader, which keeps each piece's position, parts them itself)."""
    # a PDF viewer's space where the font changes: "政府集中采购 0 0 元" is "… 0 0元"
    body = line.strip()
    if body.endswith("元"):
        body = _UNIT_APART.sub(r"\1\2", body)
    parts = [p for p in _SPACE_RUN.split(body) if p.strip()]
    if len(parts) >= 2:
        values = sum(1 for p in parts if is_value_text(p.strip()))
        short = all(len(p.strip()) <= 16 for p in parts)
        # justified prose can hold a double space: a sentence is no table row
        prose = any("。" in p or p.rstrip().endswith(("，", "；")) for p in parts)
        if not prose:
            # columns laid out by spaces: two numbers one space apart are two columns ("2 54")
            parts = [q for p in parts
                     for q in (p.split() if _NUMBERS_RUN.match(p.strip()) else _label_numbers(p, label_apart))]
            values = sum(1 for p in parts if is_value_text(p.strip()))
        if (values or (short and len(parts) >= 3)) and not prose:
            return [p.strip() for p in parts]
    if not _ANY_DIGIT.search(body):
        return _misread_row(body)  # each shape below holds a number: most lines of prose end here
    tokens = body.split()
    # the last number may carry its unit: table 2's 政府集中采购 numbers on the line after it ("0 0元")
    numbers = [*tokens[:-1], _WITH_UNIT.sub("", tokens[-1])] if tokens else []
    if len(tokens) >= 2 and all(_NUMBER_TOKEN.match(t) or is_empty_mark(t) for t in numbers) and any(
            _NUMBER_TOKEN.match(t) for t in numbers):
        return tokens  # a line of numbers alone (blank cells "—"): table 4's values under its header lines
    spaced = _TRAILING_NUMBERS.match(body)
    m = spaced or _GLUED_NUMBERS.match(body)
    # the label may carry its group before a space: "三、本年度办理结果 （一）予以公开 0 0 …"
    if m and len(m.group("label")) <= 60 and (known_label(m.group("label")) or (
            " " in m.group("label").strip() and ends_with_known_label(m.group("label")))):
        return [m.group("label").strip(), *m.group("numbers").split()]
    misread = _misread_row(body)  # before a wrapped label: "数量 0 O 0 0 0 0 0" is no label's piece
    if misread is None and spaced and _is_wrapped_row(spaced.group("label"), spaced.group("numbers").split()):
        return [spaced.group("label").strip(), *spaced.group("numbers").split()]
    return misread


def _misread_row(body: str) -> list[str] | None:
    """A label and its numbers one space apart, some number printed wrong (text recognised from
    a scan reads 0 as O, 1 as l: "行政许可 O", "规章 0 O 0"): the label and each value as printed,
    for the extraction to keep the odd one and name it. Only after an official label."""
    if len(body) > 160 or body[-1] not in _MISREAD_LAST:
        return None  # most lines: no value of this shape at their end
    tokens = body.split()
    k = len(tokens)
    while k > 1 and (_NUMBER_TOKEN.match(tokens[k - 1]) or _MISREAD_NUMBER.match(tokens[k - 1])
                     or is_empty_mark(tokens[k - 1])):
        k -= 1
    values = tokens[k:]
    if not values or all(_NUMBER_TOKEN.match(t) or is_empty_mark(t) for t in values):
        return None  # nothing misread: the shapes above have decided
    label = " ".join(tokens[:k])
    if known_label(label) or (" " in label and ends_with_known_label(label)):
        return [label, *values]
    return None


def _label_numbers(part: str, label_apart: bool) -> list[str]:
    """A column piece holding a label and, one space on, the first numbers of its row
    ("行政规范性文件 564" before "984     4185"): the label and each number."""
    m = _TRAILING_NUMBERS.match(part.strip()) if label_apart else None
    if m is None or len(m.group("label")) > 40 or not known_label(m.group("label")):
        return [part]
    numbers = m.group("numbers").split()
    if not all(_NUMBER_TOKEN.match(t) for t in numbers):
        return [part]
    return [m.group("label").strip(), *numbers]


def _is_wrapped_row(label: str, numbers: list[str]) -> bool:
    """A piece of a label broken over lines, with its row's numbers one space apart after it
    ("正、行政机关不再处理其政府信 67 3 0 0 1 0 71"): a table row, not a sentence."""
    return (len(numbers) >= _WRAPPED_ROW_NUMBERS and len(label.strip()) <= 40
            and all(_NUMBER_TOKEN.match(n) for n in numbers) and not _PROSE_MARK.search(label))


def split_rows(lines: list[tuple[int, str]], doc: Doc) -> None:
    outer = _bar_ended_tables(lines)
    for n, line in lines:
        if not line.strip() or _PAGE_FOOT.match(line) or _md_separator(line) or is_placeholder(line):
            continue
        place = _place(n)
        if "\t" in line:
            parts = line.split("\t")
        elif _pipe_row(line):
            parts = pipe_cells(line, n in outer)
        else:
            line = _MD_HEADING.sub("", line)
            spaced = spaced_cells(line)
            if spaced is None:
                doc.add_paragraph(line, place)
                continue
            doc.add(Row([Cell(p, place) for p in spaced], place, is_table=True, spaced=True))
            continue
        doc.add(Row([Cell(p, place) for p in parts], place, is_table=True))


_MAX_LABEL_LINES = 24  # lines a label wrapped in a narrow cell runs over (2-3 characters a line)
_MAX_LABEL_LINE = 24  # characters of one such line (a line of prose is longer)
_MAX_ROW_VALUES = 8  # a row of table 2 or 3; table 4's one line of 15 numbers has no label
_NUMBERING_DIGITS = re.compile(r"^\d{1,2}$")
_NUMBERING_ONLY = re.compile(r"^\d{1,2}[.．、]$")
_MIN_BARE_LABEL = 4  # a label joined from lines without its numbering: not a header's "总" "计"
_LABEL_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])")


def _number_lines_joined(rows: list[Row]) -> list[Row]:
    """A row's numbers copied one a line, right after the lines of its wrapped label: one row
    of values (each number its own cell), for join_label_lines to put the label on. PDFium
    puts two cells on one line where they share a baseline ("30" "1" … "0 31"): such a line of
    numbers alone goes on the run, each number still its own cell. The label may also go on
    after the numbers, the numbers standing in the middle of its cell ("3.补正" "后申请" 1 … 1
    "内容仍" "不明确")."""
    out: list[Row] = []
    run: list[Row] = []

    def flush(rest: list[Row]) -> None:
        cells = [c for r in run for c in r.cells if c.text.strip()]
        singles = sum(1 for r in run if not r.is_table)
        if (singles and 2 <= len(cells) <= _MAX_ROW_VALUES and any(_NUMBER_TOKEN.match(c.text.strip()) for c in cells)
                and (_ends_wrapped_label(out) or _label_around(out, rest))):
            out.append(Row([Cell(c.text.strip(), c.place) for c in cells], run[0].place, is_table=True, spaced=True,
                           one_a_line=len(run) > 1))
        else:
            out.extend(run)
        run.clear()

    for k, row in enumerate(rows):
        text = row.cells[0].text.strip() if len(row.cells) == 1 else ""
        if not row.is_table and text and len(text) <= 16 and _is_number_or_blank(text) and not _numbering_next(
                text, rows[k + 1:k + 2]):
            run.append(row)
            continue
        if _numbers_alone(row):
            run.append(row)
            continue
        flush(rows[k:])
        out.append(row)
    flush([])
    return out


def _numbering_next(text: str, after: list[Row]) -> bool:
    """A number alone whose next line starts with "." or "、": the next label's numbering
    ("８" "." "属于…"), parted from it where the font changes, not a value."""
    return bool(_NUMBERING_DIGITS.match(text)) and bool(after) and not after[0].is_table and len(
        after[0].cells) == 1 and after[0].cells[0].text.lstrip().startswith(NUMBERING_MARKS)


def _is_number_or_blank(text: str) -> bool:
    return bool(_NUMBER_TOKEN.match(text)) or is_empty_mark(text)


def _starts_label(text: str) -> bool:
    """The text starts with a label's numbering, also as a viewer spaces it out ("一 、 本 年")."""
    return bool(_LABEL_START.match(text.replace(" ", "").replace("\u3000", "")))


def _numbers_alone(row: Row) -> bool:
    """A laid-out line of two or more numbers and nothing else ("0 31")."""
    cells = row.non_empty()
    return row.spaced and len(cells) >= 2 and all(_is_number_or_blank(c.text.strip()) for c in cells)


def _label_around(above: list[Row], below: list[Row]) -> bool:
    """The lines above are an official label's numbered start, cut short ("3.补正" "后申请"),
    and the lines below go on to make it whole ("内容仍" "不明确")."""
    at = _label_lines(above, len(above), -1, set())
    head = "".join(above[k].cells[0].text.strip() for k in reversed(at))
    if not at or not _starts_label(head) or not starts_known_label(head):
        return False
    for n in _label_lines(below, -1, +1, set()):
        head += below[n].cells[0].text.strip()
        if ends_with_known_label(head):
            return True
    return False


def _ends_wrapped_label(rows: list[Row]) -> bool:
    """The last lines are an official label wrapped over two or more lines, from its numbered
    start ("1.属于" "国家秘" "密"): not a table's header pieces, not a whole label on its line."""
    at = _label_lines(rows, len(rows), -1, set())
    text = "".join(rows[k].cells[0].text.strip() for k in reversed(at))
    return len(at) >= 2 and _starts_label(text) and ends_with_known_label(text)


def join_label_lines(rows: list[Row]) -> list[Row]:
    """Text copied out of a PDF viewer (Chrome, Edge: PDFium) gives a ruled table's cell as
    printed: a label wrapped in a narrow cell on several lines, then its row's numbers on a line
    of their own ("（二）部分公开" "（区分处理的，" … "0 0 0 0 0 0 0"), or a row broken by a page
    with the label's end after its numbers ("8.属于 0 0 …" "行政查询事项"). The label's lines
    next to the numbers are joined into the row when together they make an official label
    exactly (the fewest lines above first; lines below only when the row holds a label piece);
    the lines used are dropped."""
    used: set[int] = set()
    out: dict[int, Row] = {}
    repeated = _repeated_lines(rows)
    for i, row in enumerate(rows):
        cells = row.non_empty()
        if not row.spaced or not cells or i in used:
            continue
        head = "" if is_value_text(cells[0].text) else cells[0].text
        values = cells[1:] if head else cells
        if not values or len(values) > _MAX_ROW_VALUES or not all(is_value_text(c.text) for c in values):
            continue
        if head and ends_with_known_label(head):
            continue
        above = _label_lines(rows, i, -1, used)
        below = _label_lines(rows, i, +1, used, repeated)
        found: tuple[str, list[int]] | None = None
        for n_below in range(len(below) + 1):
            for n_above in range(len(above) + 1):
                if n_above + n_below + bool(head) < 2 or (n_below and not (head or n_above)):
                    continue  # a whole label on its line: the extractor reads the order of labels and numbers
                if n_below and ends_with_known_label("".join(rows[k].cells[0].text for k in below[:n_below])):
                    break  # the lines below are the next row's own label
                picked = above[:n_above][::-1] + below[:n_below]
                text = "".join(rows[k].cells[0].text.strip() for k in above[:n_above][::-1]) + head + "".join(
                    rows[k].cells[0].text.strip() for k in below[:n_below])
                if ends_with_known_label(text) and (_starts_label(text) or len(norm(text)) >= _MIN_BARE_LABEL):
                    found = (text, picked)
                    break
            if found:
                break
        if found is None:
            continue
        used.update(found[1])
        out[i] = Row([Cell(found[0], rows[found[1][0]].place), *values], row.place, is_table=True, spaced=True,
                     one_a_line=row.one_a_line)
    return [out.get(i, row) for i, row in enumerate(rows) if i not in used]


def _repeated_lines(rows: list[Row]) -> frozenset[str]:
    """Lines printed more than once: a page's running header or foot, the table's header rows
    repeated on the next page."""
    seen = Counter(r.cells[0].text.strip() for r in rows if len(r.cells) == 1 and not r.is_table)
    return frozenset(t for t, n in seen.items() if n >= 2 and t)


_MIN_REPEATED = 4  # characters of a repeated line that starts such a block ("业" alone may be a piece)


def _label_lines(rows: list[Row], i: int, step: int, used: set[int],
                 repeated: frozenset[str] = frozenset()) -> list[int]:
    """The one-line paragraphs next to row i that can be pieces of a wrapped label, nearest first.
    Below a row broken by a page, the running header or the repeated header rows between its
    numbers and the rest of its label (`repeated`) are passed over."""
    out: list[int] = []
    j = i + step
    in_repeat = False
    while 0 <= j < len(rows) and len(out) < _MAX_LABEL_LINES and j not in used:
        row = rows[j]
        text = row.cells[0].text.strip() if len(row.cells) == 1 else ""
        if step > 0 and not row.is_table and text in repeated and (in_repeat or len(norm(text)) >= _MIN_REPEATED):
            in_repeat = True
            j += step
            continue
        in_repeat = False
        if row.is_table or len(row.cells) != 1:
            break
        start = _starts_label(text)  # "6." alone on its line reads as a number too
        # "８" "." "属于…": PDFium parts a label's numbering where its font changes
        start = start or (step < 0 and bool(out) and _NUMBERING_DIGITS.match(text) is not None
                          and rows[out[-1]].cells[0].text.lstrip().startswith(NUMBERING_MARKS))
        if not text or len(text) > _MAX_LABEL_LINE or text.endswith(("。", "：", ":")) or (
                is_value_text(text) and not start and not _mark_word_piece(rows, j, step)):
            break
        out.append(j)
        if step < 0 and start:
            break  # a label's numbered start: what is above belongs to no label of this row
        j += step
    return out


def _mark_word_piece(rows: list[Row], j: int, step: int) -> bool:
    """A word that is also a blank mark ("无"), on its line right after a label's numbering
    ("４" "." "无" "正当理" …): the label's first piece, not a blank cell."""
    text = rows[j].cells[0].text.strip()
    if step > 0 or any(ch.isdigit() for ch in text) or j == 0:
        return False
    above = rows[j - 1]
    if above.is_table or len(above.cells) != 1:
        return False
    mark = above.cells[0].text.strip()
    return mark in NUMBERING_MARKS or bool(_NUMBERING_ONLY.match(mark))  # "." alone, or "4."


def _continues(cell: str, line: str) -> bool:
    """A label broken by the copy goes on; a number does not, nor a heading or a table row."""
    return "\t" not in line and not _HEADING_LIKE.match(line) and not (cell.strip() and is_value_text(cell))


def _cell_per_line(lines: list[str], doc: Doc) -> None:
    """Each cell on its own line after a tab, rows separated by a blank line; a line without
    the tab continues the cell above (a label broken by the copy), unless a gap or a heading
    says the table has ended."""
    cells: list[Cell] = []
    row_place = ""
    gap = 0

    def flush() -> None:
        nonlocal cells
        if cells:
            doc.add(Row(cells, row_place, is_table=True))
        cells = []

    for n, line in enumerate(lines, 1):
        if _ONE_CELL.match(line):
            if gap:
                flush()
            if not cells:
                row_place = _place(n)
            cells.append(Cell(line[1:], _place(n)))
            gap = 0
        elif not line.strip():
            gap += 2 if line else 1  # a line of spaces is a paragraph break on web pages
        elif cells and gap < 2 and _continues(cells[-1].text, line):
            last = cells[-1]
            cells[-1] = Cell(last.text + line.strip(), last.place)
            gap = 0
        else:
            flush()
            gap = 0
            if "\t" in line:
                place = _place(n)
                doc.add(Row([Cell(p, place) for p in line.split("\t")], place, is_table=True))
            else:
                doc.add_paragraph(line, _place(n))
    flush()
