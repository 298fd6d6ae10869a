"""Arithmetic rules of the tables: derived sums and the 勾稽关系 of table 3."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from govopen_desktop.domain.checks.common import finding, join, shown, source_info
from govopen_desktop.domain.checks.registry import rule_kind, unknown_cells
from govopen_desktop.domain.findings import Finding, Level
from govopen_desktop.domain.formats import ReportFormat, RuleSpec, load_format
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import (
    MAX_COUNT,
    Published,
    Value,
    allowed,
    decimals_of,
    format_value,
    is_number,
    same_value,
)


@lru_cache(maxsize=64)
def _derived_of(format_id: str, rule_id: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(key, label, terms) of every sum the rule `rule_id` checks.

    A cell at a sum row and a sum column (（七）总计 · 总计) is derived one way in the model,
    but must equal both sums: the row-wise one (`Field.row_sum`) is added here."""
    fmt = load_format(format_id)
    sums = [
        (key, fmt.fields[key].label, fmt.fields[key].derived.terms)  # type: ignore[union-attr]
        for key in fmt.derived_order
        if fmt.fields[key].derived.rule == rule_id  # type: ignore[union-attr]
    ]
    sums.extend(
        (key, f.label, f.row_sum.terms)
        for key, f in fmt.fields.items()
        if f.row_sum is not None and f.row_sum.rule == rule_id and f.derived is not None and f.derived.rule != rule_id
    )
    return tuple(sums)


@rule_kind("derived")
def derived_sums(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Each derived cell of this rule holds the sum of its parts.

    With some parts left empty the sum is not known: only a total already smaller than the
    parts that are filled is certainly wrong (the empty cells are reported as such)."""
    cells = report.cells
    unknown = unknown_cells(report)
    printed = _printed_groups(report)
    for key, name, terms in _derived_of(report.meta.format, spec.id):
        parts = [cells.get(t) for t in terms]
        for members, value in printed:
            if members <= set(terms) and all(cells.get(m) is None for m in members):
                # a group printed as one row (（六）其他处理 in the 2019 layout): its printed number
                # stands for its rows, which could not be divided and were left empty
                parts = [cells.get(t) for t in terms if t not in members] + [value]
        actual = cells.get(key)
        if unknown and (key in unknown or not unknown.isdisjoint(terms)):
            continue  # a value printed wrong is reported on its cell; the sum is not known
        filled = [p for p in parts if is_number(p)]
        if not filled or actual is None:
            continue  # a total left empty is a blank (reported, with its sum, by the blank rule)
        expected = sum(filled, start=0)
        if len(filled) < len(parts):
            if isinstance(actual, int | Decimal) and actual < expected:
                yield finding(
                    spec,
                    f"“{name}”填的是 {shown(actual)}，但已填的各项相加已经是 {format_value(expected)}，"
                    "总计不能小于各项之和（另有空白项未填）。",
                    (key, *terms),
                    key.split(".", 1)[0],
                )
            continue
        if same_value(actual, expected):
            continue
        yield finding(
            spec,
            f"“{name}”填的是 {shown(actual)}，按各项之和应为 {format_value(expected)}。",
            (key, *terms),
            key.split(".", 1)[0],
            {key: expected},
        )


def _printed_groups(report: Report) -> list[tuple[frozenset[str], Value]]:
    """(the cells of one column of a group of rows, the number printed for them) for every
    group the importer found printed as one row (its `source.group_rows`: label → numbers)."""
    source = report.extra.get("source")
    groups = source.get("group_rows") if isinstance(source, dict) else None
    if not isinstance(groups, dict) or not groups:
        return []
    out: list[tuple[frozenset[str], Value]] = []
    for label, numbers in groups.items():
        out.extend(_group_columns(report.meta.format, str(label), str(numbers)))
    return out


@lru_cache(maxsize=64)
def _group_columns(format_id: str, label: str, numbers: str) -> tuple[tuple[frozenset[str], Value], ...]:
    fmt = load_format(format_id)
    printed = numbers.split()
    for table in fmt.tables:
        for cell in table.cells:
            if cell.role != "label" or cell.text != label or cell.rowspan < 2:
                continue
            rows = range(cell.row, cell.row + cell.rowspan)
            by_col: dict[int, list[str]] = {}
            for value_cell in table.value_cells():
                if value_cell.row in rows and value_cell.key is not None:
                    by_col.setdefault(value_cell.col, []).append(value_cell.key)
            if len(by_col) != len(printed) or not all(p.isdigit() for p in printed):
                return ()
            return tuple(
                (frozenset(by_col[col]), int(text)) for col, text in zip(sorted(by_col), printed, strict=True)
            )
    return ()


@rule_kind("balance")
def balance(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Per value column: the sum of the `lhs` rows equals the sum of the `rhs` rows."""
    table = report.format.table(spec.params["table"])
    lhs_rows: list[str] = spec.params["lhs"]
    rhs_rows: list[str] = spec.params["rhs"]
    unknown = unknown_cells(report)
    for col in table.col_ids:
        lhs_keys = [f"{table.id}.{r}.{col}" for r in lhs_rows]
        rhs_keys = [f"{table.id}.{r}.{col}" for r in rhs_rows]
        values = [report.get(k) for k in (*lhs_keys, *rhs_keys)]
        if not all(is_number(v) for v in values) or (unknown and not unknown.isdisjoint((*lhs_keys, *rhs_keys))):
            continue  # empty cells and values printed wrong are reported by their own rules
        lhs = sum((Decimal(report.get(k)) for k in lhs_keys), Decimal(0))  # type: ignore[arg-type]
        rhs = sum((Decimal(report.get(k)) for k in rhs_keys), Decimal(0))  # type: ignore[arg-type]
        if lhs == rhs:
            continue
        column = report.format.fields[lhs_keys[0]].label.split(" · ")[-1]
        yield Finding(
            rule=spec.id,
            level=Level(spec.level),
            message=(
                f"表三“{column}”列勾稽关系不平：第一项加第二项为 {lhs}，"
                f"第三项（七）总计加第四项为 {rhs}，两者应相等。"
            ),
            cells=(*lhs_keys, *rhs_keys),
            section=table.id,
        )


@lru_cache(maxsize=64)
def _table_fields(format_id: str, tables: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """(key, kind, label, table) of every value field of `tables`, in grid order."""
    fmt = load_format(format_id)
    return tuple(
        (k, f.kind, f.label, f.table) for k, f in fmt.fields.items() if f.table in tables and f.kind != "unit"
    )


@rule_kind("numbers")
def numbers(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Counts are whole numbers (≥ 0 unless signed); amounts are ≥ 0 with few decimals."""
    max_decimals = int(spec.params.get("max_decimals", 4))
    cells = report.cells
    for key, kind, name, table in _table_fields(report.meta.format, tuple(spec.params["tables"])):
        value = cells.get(key)
        if value is None or (type(value) is int and (0 <= value <= MAX_COUNT or kind == "signed_count")):
            continue  # the usual case, decided without Decimal arithmetic
        if type(value) is int and value > MAX_COUNT:
            yield finding(
                spec, f"“{name}”填的是 {shown(value)}，过大：件数不会超过 10 亿，请核对原件。", (key,), table,
            )
            continue
        if isinstance(value, Published):
            yield finding(
                spec,
                f"“{name}”填的是“{_one_line(value.text)}”，{value.reason}。本栏应填{allowed(kind)}；"
                "原文照样保留，请核对原件后改为正确的数值。",
                (key,), table,
            )
            continue
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            yield finding(spec, f"“{name}”填的“{value}”不是数字，请填写数字（没有请填 0）。", (key,), table)
            continue
        n = Decimal(value)
        if kind in ("count", "signed_count"):
            if n != n.to_integral_value():
                yield finding(
                    spec, f"“{name}”填的是 {shown(value)}，件数只能是整数。", (key,), table,
                    {key: int(n.to_integral_value(ROUND_HALF_UP))},
                )
            elif kind == "count" and n < 0:
                yield finding(spec, f"“{name}”填的是 {shown(value)}，件数不能小于 0。", (key,), table)
            continue
        if n < 0:
            yield finding(spec, f"“{name}”填的是 {shown(value)}，金额不能小于 0。", (key,), table)
        elif _in_wan_yuan(report, key, kind) and decimals_of(value) > max_decimals:
            rounded = n.quantize(Decimal(1).scaleb(-max_decimals), ROUND_HALF_UP)
            yield finding(
                spec,
                f"“{name}”填的是 {shown(value)}，有 {decimals_of(value)} 位小数；"
                f"以万元为单位保留 {max_decimals} 位小数即可精确到元，应为 {shown(rounded)}。",
                (key,), table, {key: rounded}, level=spec.params.get("decimals_level"),
            )


def _in_wan_yuan(report: Report, key: str, kind: str) -> bool:
    """An amount in 万元: the 2021 form's, or one written with its unit as 万元 (or none)."""
    return kind == "amount" or (kind == "amount_with_unit" and report.unit_of(key) in (None, "万元"))


@lru_cache(maxsize=64)
def _row_groups(format_id: str, tables: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(table, row label, keys) per table row: the key's middle part names its row."""
    fmt = load_format(format_id)
    groups: dict[tuple[str, str], list[str]] = {}
    for key, f in fmt.fields.items():
        if f.table in tables and f.kind != "unit":
            groups.setdefault((f.table, key.split(".")[1]), []).append(key)
    return tuple((table, _common_label(fmt, keys), tuple(keys)) for (table, _row), keys in groups.items())


def _common_label(fmt: ReportFormat, keys: list[str]) -> str:
    """The label parts all keys of a row share (the row's name); a single key: its label."""
    parts = [fmt.fields[k].label.split(" · ") for k in keys]
    if len(parts) == 1:
        return " · ".join(parts[0])
    common: list[str] = []
    for items in zip(*parts, strict=False):
        if len(set(items)) > 1:
            break
        common.append(items[0])
    return " · ".join(common) or parts[0][0]


_WHOLE_COLUMN_ROWS = 3  # a column empty in at least this many rows and no other is one finding
_MANY_BLANK_ROWS = 5  # more rows of a table with blanks than this: one finding for them all


@rule_kind("blank")
def blanks(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Cells left empty, one finding per table row (a finished report writes 0); columns left
    empty in every row of a table (a web page's blank 法人 columns) are one finding together."""
    fmt = report.format
    groups = _row_groups(report.meta.format, tuple(spec.params["tables"]))
    values = report.cells
    empty_of = {keys: [k for k in keys if values.get(k) is None and _unknown_total(report, k)]
                for _table, _label, keys in groups}
    if not any(empty_of.values()):
        return
    whole = _empty_columns(groups, empty_of)
    for table, columns in whole.items():
        rows = [(label, keys) for t, label, keys in groups if t == table]
        named = {k: _cell_name(fmt, k, label) for label, keys in rows for k in empty_of[keys] if _column(k) in columns}
        cells = list(named)
        every = {_column(k) for _label, keys in rows for k in keys}
        names = join(f"“{name}”" for name in dict.fromkeys(named.values()))
        what = "整张表都没有填" if columns == every else f"{names}{len(columns)} 列每一行都没有填"
        yield _blank_finding(report, spec, table, cells, f"表{table_number(fmt, table)}{what}（共 {len(cells)} 格）")
    by_table: dict[str, list[tuple[str, list[str], str]]] = {}
    for table, row_label, keys in groups:
        rest = [k for k in keys if _column(k) not in whole.get(table, set())]
        empty = [k for k in empty_of[keys] if k in rest]
        if not empty:
            continue
        if len(empty) == len(rest) and len(keys) > 1:
            what = "整行都没有填"
        else:
            what = f"{len(empty)} 格没有填：{join(_cell_name(fmt, k, row_label) for k in empty)}"
        by_table.setdefault(table, []).append((row_label, empty, what))
    for table, blank_rows in by_table.items():
        number = table_number(fmt, table)
        if len(blank_rows) > _MANY_BLANK_ROWS:  # blank left for 0 all over the table: one finding, not a page
            all_empty = [k for _label, empty, _what in blank_rows for k in empty]
            examples = join(f"“{label}”" for label, _empty, _what in blank_rows[:3])
            also = "另" if table in whole else ""
            yield _blank_finding(report, spec, table, all_empty,
                                 f"表{number}{also}有 {len(blank_rows)} 行共 {len(all_empty)} 格没有填，如{examples}等")
            continue
        for row_label, empty, what in blank_rows:
            yield _blank_finding(report, spec, table, empty, f"表{number}“{row_label}”{what}", row_label)


def _column(key: str) -> str:
    return key.rsplit(".", 1)[-1]


def _empty_columns(groups: tuple[tuple[str, str, tuple[str, ...]], ...],
                   empty_of: dict[tuple[str, ...], list[str]]) -> dict[str, set[str]]:
    """Per table, the columns empty in every row that has them (at least a few rows)."""
    rows_with: dict[tuple[str, str], int] = {}
    empty_in: dict[tuple[str, str], int] = {}
    for table, _label, keys in groups:
        if len(keys) < 2:
            continue
        empty = set(empty_of[keys])
        for key in keys:
            at = (table, _column(key))
            rows_with[at] = rows_with.get(at, 0) + 1
            empty_in[at] = empty_in.get(at, 0) + (key in empty)
    whole: dict[str, set[str]] = {}
    for (table, column), rows in rows_with.items():
        if rows >= _WHOLE_COLUMN_ROWS and empty_in[(table, column)] == rows:
            whole.setdefault(table, set()).add(column)
    return whole


def _blank_finding(report: Report, spec: RuleSpec, table: str, empty: list[str], what: str,
                   row_label: str = "") -> Finding:
    fmt = report.format
    suggested: dict[str, Value] = {k: 0 for k in empty if fmt.fields[k].derived is None}
    suggested.update((k, s) for k in empty if (s := _known_sum(report, k)) is not None)
    sums = "".join(f"“{_cell_name(fmt, k, row_label)}”按各项之和应为 {format_value(suggested[k])}。"
                   for k in empty if row_label and fmt.fields[k].derived is not None and k in suggested)
    return finding(spec, f"{what}。空白和 0 含义不同，确实没有的请填 0。{sums}", empty, table, suggested)


def _unknown_total(report: Report, key: str) -> bool:
    """An input cell or a total left empty; a total left unknown because a part was printed
    wrong is reported with that part."""
    return report.format.fields[key].derived is None or key not in unknown_cells(report)


def _known_sum(report: Report, key: str) -> Value:
    """The sum an empty total should hold, when every part is filled."""
    derived = report.format.fields[key].derived
    if derived is None:
        return None
    parts = [report.get(t) for t in derived.terms]
    if not all(is_number(p) for p in parts):
        return None
    return sum(parts, start=0)  # type: ignore[arg-type]


def _one_line(text: str) -> str:
    """A printed value shown inside a sentence: line breaks as ⏎, at most 40 characters."""
    flat = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return flat if len(flat) <= 40 else flat[:40] + "…"


def _cell_name(fmt: ReportFormat, key: str, row_label: str) -> str:
    name = fmt.fields[key].label
    return name.removeprefix(row_label + " · ") or name


def table_number(fmt: ReportFormat, table_id: str) -> str:
    return fmt.table(table_id).number


@rule_kind("imported_inferred")
def imported_inferred(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """Values an import placed by the table's row order or its sums (numbers printed apart from
    their labels, a PDF's table copied as text) or by a row's number (its label worded
    otherwise): to compare with the original, one finding a table, until the clerk types them
    (Report.set_values takes them off source.inferred)."""
    inferred = source_info(report).get("inferred")
    if not isinstance(inferred, list):
        return
    fmt = report.format
    marked = {k for k in inferred if isinstance(k, str) and report.cells.get(k) is not None}
    groups = _row_groups(fmt.id, tuple(t.id for t in fmt.tables))
    for table in fmt.tables:
        rows = [(label, picked) for t, label, keys in groups
                if t == table.id and (picked := [k for k in keys if k in marked])]
        if not rows:
            continue
        cells = [k for _label, keys in rows for k in keys]
        names = join(f"“{label.split(' · ')[-1]}”" for label, _keys in rows[:3])
        more = f"等 {len(rows)} 行" if len(rows) > 3 else ""
        yield finding(
            spec,
            f"表{table.number}{names}{more}的 {len(cells)} 个数值是导入时推断的（原报告的数值与标签分开印刷、"
            "数字连在一起，或行的标签与官方格式措辞不同），请与原报告核对；核对后重新填写即不再提示。",
            cells,
            section=table.id,
        )
