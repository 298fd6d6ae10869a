"""The official report formats, read from their data files in templates/formats/.

Each format file describes its sections and tables once: the grid of every table (labels,
header cells with their spans, value cells with their canonical keys), which cells are
derived and from what, and the rules that apply. The grid, the checker, the importers and
the exporters all read this description; nothing else knows the layout.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from govopen_desktop.domain.errors import FormatError, GovopenError
from govopen_desktop.paths import templates_dir

ValueKind = Literal["count", "signed_count", "amount", "amount_with_unit", "unit"]
CellRole = Literal["value", "label", "header", "group", "note"]
VALUE_KINDS: tuple[str, ...] = ("count", "signed_count", "amount", "amount_with_unit", "unit")


@dataclass(frozen=True)
class Derivation:
    """A derived cell is the sum of `terms`; `rule` names the check of that sum."""

    rule: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    """One value of the report, addressed by its canonical key (`t3.new.natural`)."""

    key: str
    table: str
    kind: ValueKind
    label: str
    derived: Derivation | None = None
    unit_key: str | None = None  # amount_with_unit: where the written unit (元/万元) is kept
    row: int = -1  # grid position in its table (-1 for fields with no cell of their own)
    col: int = -1
    row_id: str | None = None  # matrix tables: the row and column ids of the key
    col_id: str | None = None
    col_label: str | None = None  # matrix tables: the column's printed name ("法人或其他组织 · 商业企业")

    @property
    def is_input(self) -> bool:
        return self.derived is None


@dataclass(frozen=True)
class GridCell:
    """A cell of a table's official grid; spans as in the printed form."""

    row: int
    col: int
    rowspan: int
    colspan: int
    role: CellRole
    text: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class Table:
    id: str
    number: str
    title: str
    n_rows: int
    n_cols: int
    header_rows: int
    label_columns: int
    widths: tuple[int, ...]
    cells: tuple[GridCell, ...]
    row_ids: tuple[str, ...] = ()  # matrix tables (t3): ids of the value rows, top to bottom
    col_ids: tuple[str, ...] = ()  # matrix tables: ids of the value columns
    _covering: dict[tuple[int, int], GridCell] = field(default_factory=dict, repr=False)

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The grid cell covering (row, col), or None for a position no cell covers."""
        return self._covering.get((row, col))

    def value_cells(self) -> Iterator[GridCell]:
        return (c for c in self.cells if c.key is not None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.cells if c.key is not None)

    @property
    def full_title(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class DraftButton:
    """A button on a text page that inserts the drafting template `draft` (see domain/drafts.py)."""

    draft: str
    label: str
    tip: str


@dataclass(frozen=True)
class Section:
    id: str
    number: str
    title: str
    table: str | None = None
    text: str | None = None  # key under report.text
    nav: str = ""  # the short name in the window's navigator
    hint: str = ""  # the line of advice above the page
    buttons: tuple[DraftButton, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class CarryOver:
    """This year's row `to_row` of `table` starts from last year's `from_row`, column by column."""

    table: str
    from_row: str
    to_row: str
    note: str = ""  # the tooltip line of a carried cell


@dataclass(frozen=True)
class RuleSpec:
    """A rule as the format file states it; `params` holds the rest of its entry."""

    id: str
    level: str
    kind: str
    title: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportFormat:
    id: str
    name: str
    document: str
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    overview_parts: tuple[str, ...]
    tables: tuple[Table, ...]
    rules: tuple[RuleSpec, ...]
    fields: dict[str, Field]
    # input key -> derived keys to recompute when it changes, in evaluation order
    dependents: dict[str, tuple[str, ...]]
    derived_order: tuple[str, ...]
    carry_over: tuple[CarryOver, ...] = ()
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)  # drafting templates (domain/drafts.py)
    new_report_text: dict[str, str] = field(default_factory=dict)  # text key -> draft filled into a new report
    open_at: str = ""  # the page shown first when a file of this format is opened
    usage: str = ""  # which years use this format, in words
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def section(self, section_id: str) -> Section | None:
        """The section by its id, table id or text key."""
        return next((s for s in self.sections if section_id in (s.id, s.table, s.text)), None)

    @property
    def text_keys(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.sections if s.text)

    def covers_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.fields)

    @property
    def input_keys(self) -> tuple[str, ...]:
        return tuple(k for k, f in self.fields.items() if f.is_input)

    @property
    def number_keys(self) -> tuple[str, ...]:
        return tuple(k for k, f in self.fields.items() if f.kind != "unit")

    @property
    def title(self) -> str:
        return f"{self.name}（{self.document}）"


FORMATS_DIR_ENV = "GOVOPEN_FORMATS_DIR"  # another folder of format files (tests, a trial revision)


def formats_dir() -> Path:
    override = os.environ.get(FORMATS_DIR_ENV)
    return Path(override) if override else templates_dir() / "formats"


def reset_format_cache() -> None:
    """Forget the formats read so far (after formats_dir() has changed)."""
    for cached in (available_formats, _format_data, load_format):
        cached.cache_clear()


@cache
def available_formats() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in formats_dir().glob("*.json")))


@cache
def _format_data(format_id: str) -> dict[str, Any]:
    path = formats_dir() / f"{format_id}.json"
    if not path.is_file():
        raise FormatError(f"找不到报告格式“{format_id}”的说明文件：{path}")
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise FormatError(f"报告格式说明文件有误：{path}（{exc}）") from exc
    return data


@cache
def load_format(format_id: str) -> ReportFormat:
    try:
        return _build_format(_format_data(format_id))
    except (ValueError, KeyError, TypeError) as exc:
        path = formats_dir() / f"{format_id}.json"
        raise FormatError(f"报告格式说明文件有误：{path}（{exc}）") from exc


def _year_range(format_id: str) -> tuple[int, int | None]:
    years = _format_data(format_id)["years"]
    return int(years["first"]), None if years.get("last") is None else int(years["last"])


def format_for_year(year: int) -> ReportFormat:
    """The official format a report for `year` must use (2019–2020 trial, 2021 on current).
    Only the year ranges are read to choose; only the chosen format is built."""
    ranges = {fid: _year_range(fid) for fid in available_formats()}
    matches = [fid for fid, (first, last) in ranges.items() if first <= year and (last is None or year <= last)]
    if not matches:
        first = min(first for first, _last in ranges.values())
        raise GovopenError(f"{year}年没有适用的年度报告格式（统一格式自{first}年度报告起施行）。")
    return load_format(max(matches, key=lambda fid: ranges[fid][0]))


def format_id_for_year(year: int) -> str:
    return format_for_year(year).id


# ---- what all formats have in common (read from the data, without building the grids) ----


def navigation() -> tuple[tuple[str, str], ...]:
    """(section id, navigator name) of every section any format has, in the formats' order;
    a later format's name wins."""
    names: dict[str, str] = {}
    for fid in available_formats():
        data = _format_data(fid)
        pages = {p["section"]: p for p in data.get("window", {}).get("pages", [])}
        for s in data["sections"]:
            names[s["id"]] = pages.get(s["id"], {}).get("nav") or f"{s['number']}、{s['title']}"
    return tuple(names.items())


def all_text_keys() -> tuple[str, ...]:
    """The text keys (report.text) of every format, in section order."""
    keys = [s["text"] for fid in available_formats() for s in _format_data(fid)["sections"] if s.get("text")]
    return tuple(dict.fromkeys(keys))


def all_table_ids() -> tuple[str, ...]:
    keys = [s["table"] for fid in available_formats() for s in _format_data(fid)["sections"] if s.get("table")]
    return tuple(dict.fromkeys(keys))


def year_span() -> tuple[int, int | None]:
    """The first year any format covers, and the last (None: the newest format is open-ended)."""
    ranges = [_year_range(fid) for fid in available_formats()]
    last = [end for _first, end in ranges]
    return min(first for first, _end in ranges), None if None in last else max(e for e in last if e is not None)


LAST_SELECTABLE_YEAR = 2100  # the year fields' upper bound while the newest format is open-ended


def selectable_years() -> tuple[int, int]:
    """The years a report can be made for: from the first format's first year on."""
    first, last = year_span()
    return first, last if last is not None else LAST_SELECTABLE_YEAR


def latest_document() -> str:
    """The document of the newest format (国办公开办函〔2021〕30号), as the start page names it."""
    return str(_format_data(_newest())["document"])


def _newest() -> str:
    return max(available_formats(), key=lambda fid: _year_range(fid)[0])


def formats_about() -> str:
    """'国办公开办函〔2021〕30号（2019、2020年度为〔2019〕60号试行格式）' for the 关于 box."""
    newest = _newest()
    others = [_format_data(fid).get("window", {}) for fid in available_formats() if fid != newest]
    older = [w["about"] for w in others if w.get("about")]
    return latest_document() + (f"（{'，'.join(older)}）" if older else "")


def formats_usage() -> str:
    """'2019、2020年度用试行格式，2021年度起用…格式' from the formats' own words."""
    return "，".join(
        u for fid in available_formats() if (u := _format_data(fid).get("window", {}).get("usage"))
    )


# ---- building a format from its data ----------------------------------------------------


def _build_format(data: dict[str, Any]) -> ReportFormat:
    if data.get("schema") != "govopen-format/1":
        raise ValueError("schema 应为 govopen-format/1")
    fields: dict[str, Field] = {}
    tables = tuple(_build_table(t, fields) for t in data["tables"])
    window = data.get("window", {})
    pages = {p["section"]: p for p in window.get("pages", [])}
    sections = tuple(
        Section(
            s["id"],
            s["number"],
            s["title"],
            s.get("table"),
            s.get("text"),
            nav=pages.get(s["id"], {}).get("nav") or f"{s['number']}、{s['title']}",
            hint=pages.get(s["id"], {}).get("hint", ""),
            buttons=tuple(
                DraftButton(b["draft"], b["label"], b.get("tip", "")) for b in pages.get(s["id"], {}).get("buttons", [])
            ),
        )
        for s in data["sections"]
    )
    drafts: dict[str, dict[str, Any]] = data.get("drafts", {})
    for section in sections:
        for button in section.buttons:
            if button.draft not in drafts:
                raise ValueError(f"第{section.number}部分的按钮引用了不存在的起草模板：{button.draft}")
    new_report_text: dict[str, str] = window.get("new_report_text", {})
    for draft in new_report_text.values():
        if draft not in drafts:
            raise ValueError(f"new_report_text 引用了不存在的起草模板：{draft}")
    carry_over = tuple(
        CarryOver(c["table"], c["from_row"], c["to_row"], c.get("note", "")) for c in data.get("carry_over", [])
    )
    rules = tuple(
        RuleSpec(
            r["id"],
            r["level"],
            r["kind"],
            r.get("title", ""),
            {k: v for k, v in r.items() if k not in ("id", "level", "kind", "title")},
        )
        for r in data.get("rules", [])
    )
    order = _derivation_order(fields)
    dependents = _dependents(fields, order)
    years = data["years"]
    return ReportFormat(
        id=data["id"],
        name=data["name"],
        document=data["document"],
        first_year=int(years["first"]),
        last_year=None if years.get("last") is None else int(years["last"]),
        sections=sections,
        overview_parts=tuple(data.get("overview_parts", ())),
        tables=tables,
        rules=rules,
        fields=fields,
        dependents=dependents,
        derived_order=order,
        carry_over=carry_over,
        drafts=drafts,
        new_report_text=new_report_text,
        open_at=window.get("open_at", ""),
        usage=window.get("usage", ""),
        raw=data,
    )


def _build_table(spec: dict[str, Any], fields: dict[str, Field]) -> Table:
    tid: str = spec["id"]
    n_cols: int = spec["columns"]
    default_kind: str = spec.get("value_kind", "count")
    value_columns: list[dict[str, Any]] = spec.get("value_columns", [])
    occupied: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    row_ids: list[str] = []
    row_labels: dict[int, list[str]] = {}  # row -> label texts covering it (for field labels)

    for r, row_spec in enumerate(spec["rows"]):
        if isinstance(row_spec, dict):  # a matrix row: labels, then one value per column
            row_id = row_spec["row"]
            row_ids.append(row_id)
            entries = list(row_spec.get("labels", []))
            for col in value_columns:
                entry: dict[str, Any] = {"key": f"{tid}.{row_id}.{col['id']}"}
                if "sum_of" in col:
                    entry["sum_of"] = [f"{tid}.{row_id}.{c}" for c in col["sum_of"]]
                    entry["rule"] = col["rule"]
                elif "sum_of" in row_spec:
                    entry["sum_of"] = [f"{tid}.{r2}.{col['id']}" for r2 in row_spec["sum_of"]]
                    entry["rule"] = row_spec["rule"]
                entry["_row_id"], entry["_col_id"] = row_id, col["id"]
                entry["_col_label"] = " · ".join(x for x in (col.get("group"), col["label"]) if x)
                entries.append(entry)
        else:
            entries = row_spec
        c = 0
        for entry in entries:
            while (r, c) in occupied:
                c += 1
            rs, cs = int(entry.get("rowspan", 1)), int(entry.get("colspan", 1))
            if c + cs > n_cols:
                raise ValueError(f"表{tid}第{r + 1}行超出{n_cols}列")
            for dr in range(rs):
                for dc in range(cs):
                    occupied.add((r + dr, c + dc))
            key = entry.get("key")
            if key is None:
                text = entry["text"]
                role = entry.get("role", "label")
                cells.append(GridCell(r, c, rs, cs, role, text=text))
                if role == "label":
                    for dr in range(rs):
                        row_labels.setdefault(r + dr, []).append(text)
            else:
                cells.append(GridCell(r, c, rs, cs, "value", key=key))
                _add_field(fields, tid, entry, default_kind, r, c, row_labels.get(r, []))
                unit_key = entry.get("unit_key")
                if unit_key:
                    fields[unit_key] = Field(unit_key, tid, "unit", entry["label"] + " · 单位")
            c += cs
    n_rows = len(spec["rows"])
    covering: dict[tuple[int, int], GridCell] = {}
    for cell in cells:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                covering[(cell.row + dr, cell.col + dc)] = cell
    return Table(
        id=tid,
        number=spec["number"],
        title=spec["title"],
        n_rows=n_rows,
        n_cols=n_cols,
        header_rows=int(spec.get("header_rows", 0)),
        label_columns=int(spec.get("label_columns", 0)),
        widths=tuple(spec.get("widths", [1] * n_cols)),
        cells=tuple(cells),
        row_ids=tuple(row_ids),
        col_ids=tuple(c["id"] for c in value_columns),
        _covering=covering,
    )


def _add_field(
    fields: dict[str, Field],
    tid: str,
    entry: dict[str, Any],
    default_kind: str,
    row: int,
    col: int,
    labels: list[str],
) -> None:
    key: str = entry["key"]
    if key in fields:
        raise ValueError(f"单元格键重复：{key}")
    kind = entry.get("kind", default_kind)
    if kind not in VALUE_KINDS:
        raise ValueError(f"{key} 的取值类型未知：{kind}")
    label = entry.get("label") or " · ".join([*labels, entry.get("_col_label", "")])
    derived = None
    if "sum_of" in entry:
        derived = Derivation(entry["rule"], tuple(entry["sum_of"]))
    fields[key] = Field(
        key=key,
        table=tid,
        kind=kind,
        label=label,
        derived=derived,
        unit_key=entry.get("unit_key"),
        row=row,
        col=col,
        row_id=entry.get("_row_id"),
        col_id=entry.get("_col_id"),
        col_label=entry.get("_col_label"),
    )


def _derivation_order(fields: dict[str, Field]) -> tuple[str, ...]:
    """Derived keys ordered so that every term is computed before the sum that uses it."""
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(key: str) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            raise ValueError(f"派生单元格循环引用：{key}")
        state[key] = 1
        f = fields.get(key)
        if f is None:
            raise ValueError(f"派生公式引用了不存在的单元格：{key}")
        if f.derived:
            for term in f.derived.terms:
                visit(term)
            order.append(key)
        state[key] = 2

    for key in fields:
        visit(key)
    return tuple(order)


def _dependents(fields: dict[str, Field], order: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each key, the derived keys that (transitively) use it, in evaluation order."""
    direct: dict[str, set[str]] = {}
    for key in order:
        for term in fields[key].derived.terms:  # type: ignore[union-attr]
            direct.setdefault(term, set()).add(key)
    position = {k: i for i, k in enumerate(order)}
    result: dict[str, tuple[str, ...]] = {}
    for key in fields:
        seen: set[str] = set()
        stack = list(direct.get(key, ()))
        while stack:
            k = stack.pop()
            if k not in seen:
                seen.add(k)
                stack.extend(direct.get(k, ()))
        if seen:
            result[key] = tuple(sorted(seen, key=position.__getitem__))
    return result
