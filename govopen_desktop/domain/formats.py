"""The official report formats, read from their data files in templates/formats/.

Each format file describes its sections and tables once: the grid of every table (labels,
header cells with their spans, value cells with their canonical keys), which cells are
derived and from what, and the rules that apply. The grid, the checker, the importers and
the exporters all read this description; nothing else knows the layout.

The model (dataclasses) lives in domain/format_model.py, building one from its data in
domain/format_grid.py; this module is the catalogue (which formats exist, which applies to a
year, what all have in common) and re-exports the model, so `domain.formats` stays the one
import for the rest of the code.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from govopen_desktop.domain.errors import FormatError, GovopenError
from govopen_desktop.domain.format_grid import build_format, nav_name, year_range
from govopen_desktop.domain.format_model import (
    VALUE_KINDS,
    CarryOver,
    CellRole,
    Claim,
    Derivation,
    DraftButton,
    FactsSpec,
    Field,
    GridCell,
    Names,
    Numbered,
    NumberFact,
    Phrasing,
    RegisterApplications,
    RegisterCases,
    RegisterSpec,
    ReportFormat,
    RuleSpec,
    Section,
    Table,
    TimeLimit,
    ValueColumn,
    ValueKind,
)
from govopen_desktop.paths import templates_dir

__all__ = [
    "FORMATS_DIR_ENV", "LAST_SELECTABLE_YEAR", "VALUE_KINDS", "CarryOver", "CellRole", "Claim", "Derivation",
    "DraftButton", "FactsSpec", "Field", "GridCell", "Names", "NumberFact", "Numbered", "Phrasing",
    "RegisterApplications", "RegisterCases", "RegisterSpec", "ReportFormat", "RuleSpec", "Section", "Table",
    "TimeLimit", "ValueColumn", "ValueKind",
    "all_table_ids", "all_text_keys", "available_formats", "format_for_year", "format_id_for_year",
    "formats_about", "formats_dir", "formats_usage", "latest_document", "load_format", "navigation",
    "reset_format_cache", "selectable_years", "year_span",
]

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
    if format_id not in available_formats():  # an id from a file is never a path to follow
        raise FormatError(f"找不到报告格式“{str(format_id)[:40]}”的说明文件。")
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
        return build_format(_format_data(format_id))
    except (ValueError, KeyError, TypeError) as exc:
        path = formats_dir() / f"{format_id}.json"
        raise FormatError(f"报告格式说明文件有误：{path}（{exc}）") from exc


def _year_range(format_id: str) -> tuple[int, int | None]:
    return year_range(_format_data(format_id))


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
        for s in _parts(data):
            names[s["id"]] = nav_name(s, pages.get(s["id"], {}))
    front = {s["id"] for fid in available_formats() for s in _format_data(fid).get("front_texts", [])}
    # front texts (the opening paragraph) come before 一、 whichever format names them
    return tuple(sorted(names.items(), key=lambda item: item[0] not in front))


def _parts(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A format file's front texts, then its sections."""
    return [*data.get("front_texts", []), *data["sections"]]


def all_text_keys() -> tuple[str, ...]:
    """The text keys (report.text) of every format: front texts first, then in section order
    (a table's note after its table)."""
    keys = [s[k] for fid in available_formats() for s in _parts(_format_data(fid)) for k in ("text", "note")
            if s.get(k) and (k == "text" or s.get("table"))]
    front = {s["text"] for fid in available_formats() for s in _format_data(fid).get("front_texts", [])}
    return tuple(sorted(dict.fromkeys(keys), key=lambda key: key not in front))


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
