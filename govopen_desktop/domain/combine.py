"""汇总: a government's tables as the sum of its units' reports (国办发〔2014〕32号, level by level).

Only input cells are added; totals are derived from them as in any report. A cell a unit left
empty (or printed as something the form does not allow) is not guessed: the sum is the known part
and the cell is listed with the units that did not give it. Reports of another year or format are
refused with the reason, a second report of the same unit is flagged and not counted twice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from govopen_desktop.domain.formats import Field, ReportFormat, format_for_year
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value

SUMMABLE_KINDS = ("count", "signed_count", "amount", "amount_with_unit")
_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class UnitReport:
    """One unit's report as handed to the sum, with where it came from."""

    source: str  # file name or path, as the user named it
    report: Report
    digest: str | None = None  # sha256 of the file, for the provenance


@dataclass(frozen=True)
class Refused:
    source: str
    agency: str
    reason: str


@dataclass
class CombineResult:
    report: Report
    included: list[UnitReport] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    duplicates: list[Refused] = field(default_factory=list)
    missing_units: list[str] = field(default_factory=list)
    # cell key -> the agencies whose value for it is unknown (empty or not a valid number)
    incomplete: dict[str, list[str]] = field(default_factory=dict)
    # amount cells whose units wrote 元 and 万元: summed in 万元
    converted_units: list[str] = field(default_factory=list)


def normalize_agency(name: str) -> str:
    """Agency names as the same unit writes them in different files: spaces, brackets, width."""
    text = unicodedata.normalize("NFKC", name or "")
    return re.sub(r"[\s\u3000·•（）()\[\]【】]", "", text)


def combine(
    units: Sequence[UnitReport],
    *,
    agency: str,
    year: int,
    expected_units: Iterable[str] = (),
) -> CombineResult:
    """Add the units' input cells into one report of `agency` for `year`."""
    fmt = format_for_year(year)
    combined = Report.new(agency, year)
    result = CombineResult(combined)
    seen: dict[str, UnitReport] = {}
    for unit in units:
        reason = _refusal(unit.report, fmt, year)
        name = unit.report.meta.agency or "（未写机关名称）"
        if reason:
            result.refused.append(Refused(unit.source, name, reason))
            continue
        norm = normalize_agency(unit.report.meta.agency)
        if norm and norm in seen:
            first = seen[norm]
            result.duplicates.append(Refused(
                unit.source, name, f"与“{first.source}”是同一单位（{name}）的报告，未重复计入。"
            ))
            continue
        if norm:
            seen[norm] = unit
        result.included.append(unit)
    values: dict[str, Value] = {}
    for key in fmt.input_keys:
        f = fmt.fields[key]
        if f.kind not in SUMMABLE_KINDS:
            continue
        total, unknown, unit_written = _sum_cell(f, result.included)
        if unknown:
            result.incomplete[key] = unknown
        values[key] = total
        if f.unit_key:
            values[f.unit_key] = unit_written
            if unit_written == "万元" and _mixed_units(f, result.included):
                result.converted_units.append(key)
    if result.included:
        combined.set_values(values)
    result.missing_units = _missing(expected_units, result.included)
    combined.extra["provenance"] = {
        "kind": "combine",
        "units": [
            {"agency": u.report.meta.agency, "file": u.source, **({"sha256": u.digest} if u.digest else {})}
            for u in result.included
        ],
        "incomplete": {k: v for k, v in result.incomplete.items()},
    }
    return result


def _refusal(report: Report, fmt: ReportFormat, year: int) -> str | None:
    if report.meta.year != year:
        return f"这是 {report.meta.year} 年度的报告，汇总的是 {year} 年度。"
    if report.meta.format != fmt.id:
        return f"用的是{report.format.document}格式，{year} 年度应使用{fmt.document}格式。"
    return None


def _number(value: Value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def _mixed_units(f: Field, units: Sequence[UnitReport]) -> bool:
    written = {u.report.get(f.unit_key) for u in units if f.unit_key and _number(u.report.get(f.key))}
    return len(written - {None}) > 1


def _sum_cell(f: Field, units: Sequence[UnitReport]) -> tuple[Value, list[str], str | None]:
    """The sum of the units' values of one cell, the units that did not give it, the unit."""
    unknown: list[str] = []
    parts: list[tuple[Decimal, str | None]] = []
    for u in units:
        n = _number(u.report.get(f.key))
        if n is None:
            unknown.append(u.report.meta.agency or u.source)
            continue
        unit = u.report.unit_of(f.key)
        parts.append((n, unit if isinstance(unit, str) else None))
    if not parts:
        return None, unknown, None
    unit_written: str | None = None
    if f.unit_key:
        written = {unit for n, unit in parts if n}
        if written == {"元"}:
            unit_written = "元"
        elif written:
            unit_written = "万元"
            parts = [(n / _TEN_THOUSAND if unit == "元" else n, unit) for n, unit in parts]
    total = sum((n for n, _unit in parts), Decimal(0))
    if f.kind in ("count", "signed_count"):
        return int(total), unknown, unit_written
    return total, unknown, unit_written


def _missing(expected: Iterable[str], included: Sequence[UnitReport]) -> list[str]:
    """Expected units with no report: matched by name, or by one name containing the other."""
    got = [normalize_agency(u.report.meta.agency) for u in included]
    missing: list[str] = []
    for name in expected:
        norm = normalize_agency(name)
        if not norm:
            continue
        if norm in got:
            continue
        containing = [g for g in got if g and (norm in g or g in norm)]
        if len(containing) == 1:
            continue
        missing.append(name.strip())
    return missing


def summary_groups(result: CombineResult, unusable: Sequence[tuple[str, str]] = ()) -> list[tuple[str, list[str]]]:
    """What the office must look at after a sum, as titled groups of lines (CLI and window)."""
    fields = result.report.format.fields
    return [
        ("无法读取", [f"{f}：{r}" for f, r in unusable]),
        ("未计入（年度或格式不符）", [f"{r.source}（{r.agency}）：{r.reason}" for r in result.refused]),
        ("重复报送", [f"{r.source}：{r.reason}" for r in result.duplicates]),
        ("应报未报的单位", list(result.missing_units)),
        ("有单位留空的单元格（合计只含已填部分）", [
            f"{fields[k].label}：{'、'.join(names)} 留空" for k, names in result.incomplete.items()
        ]),
        ("金额单位不一（元已折算为万元）", [fields[k].label for k in result.converted_units]),
    ]


def provenance_text(report: Report) -> str | None:
    """One line for the cover: where a combined report's numbers come from."""
    provenance = report.extra.get("provenance")
    if not isinstance(provenance, dict) or provenance.get("kind") != "combine":
        return None
    units = provenance.get("units") or []
    when = str(provenance.get("combined_at") or "").replace("T", " ")
    tables = "、".join(f"表{t.number}" for t in report.format.tables)
    text = f"本报告的{tables}由 {len(units)} 个单位的报告汇总而成"
    return text + (f"（{when}）。" if when else "。")
