"""The report a clerk fills in: front matter, one value per canonical cell key, its texts
(the opening paragraph under the title and the sections' texts, as the format files name them).

Setting an input cell recomputes exactly the derived cells that depend on it and tells the
listeners which keys changed. Values read from a file stay as published: a total that
disagrees with its parts stays until one of its inputs changes or `recompute()` is called;
the checker reports the disagreement meanwhile. A printed value the form does not allow is
kept as `Published`; a total with such a part is unknown (None), never a partial sum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from govopen_desktop.domain.errors import GovopenError, UnknownCellError, ValueInputError
from govopen_desktop.domain.formats import ReportFormat, all_text_keys, format_for_year, load_format
from govopen_desktop.domain.values import MAX_COUNT, Published, Value, is_number, parse_value, read_cell

TEXT_KEYS: tuple[str, ...] = all_text_keys()  # the text sections, as the format files name them
SCHEMA = "govopen-report/1"
ACCEPTED_KEY = "accepted"  # the project-file key of the 说明 notes, and the change key notified
Listener = Callable[[set[str]], None]


class ReportMeta:
    """The cover facts: who reports, for which year, in which format, signed on which date."""

    __slots__ = ("agency", "date", "format", "year")

    def __init__(self, agency: str = "", year: int = 0, format: str = "", date: str | None = None) -> None:
        self.agency = agency
        self.year = year
        self.format = format
        self.date = date  # ISO YYYY-MM-DD, the date under the signature

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "year": self.year, "format": self.format, "date": self.date}

    def copy(self) -> ReportMeta:
        return ReportMeta(self.agency, self.year, self.format, self.date)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReportMeta):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"ReportMeta(agency={self.agency!r}, year={self.year!r}, format={self.format!r}, date={self.date!r})"


class Report:
    """A report: its cover facts, every cell's value, the text of every part, last year's
    report when attached, and what a project file held that this program does not know.
    Plain classes, not dataclasses, here and in ReportMeta: they are defined at every window
    start, where the dataclasses module and its generated methods cost ~1 ms each."""

    def __init__(
        self,
        meta: ReportMeta,
        cells: dict[str, Value] | None = None,
        text: dict[str, str | None] | None = None,
        prior: Report | None = None,
        extra: dict[str, Any] | None = None,  # unknown top-level keys, kept on save
        acceptances: dict[str, str] | None = None,
    ) -> None:
        self.meta = meta
        self.cells: dict[str, Value] = {} if cells is None else cells
        self.text: dict[str, str | None] = {} if text is None else text
        self.prior = prior
        self.extra: dict[str, Any] = {} if extra is None else extra
        # 说明: finding_key(finding) -> the clerk's note for a warning accepted as true but expected
        self.acceptances: dict[str, str] = {} if acceptances is None else acceptances
        self._listeners: list[Listener] = []

    def _compared(self) -> tuple[Any, ...]:
        return self.meta, self.cells, self.text, self.prior, self.extra, self.acceptances

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (f"Report(meta={self.meta!r}, cells={self.cells!r}, text={self.text!r}, prior={self.prior!r}, "
                f"extra={self.extra!r}, acceptances={self.acceptances!r})")

    # ---- construction --------------------------------------------------------------------

    @classmethod
    def new(cls, agency: str, year: int, date: str | None = None) -> Report:
        """An empty report in the format its year requires: every cell left empty."""
        fmt = format_for_year(year)
        report = cls(ReportMeta(agency=agency, year=year, format=fmt.id, date=date))
        report.cells = dict.fromkeys(fmt.keys)
        report.text = dict.fromkeys(TEXT_KEYS)
        return report

    @property
    def format(self) -> ReportFormat:
        return load_format(self.meta.format)

    def copy(self) -> Report:
        return Report(
            meta=self.meta.copy(),
            cells=dict(self.cells),
            text=dict(self.text),
            prior=self.prior,
            extra=dict(self.extra),
            acceptances=dict(self.acceptances),
        )

    # ---- listeners -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, keys: set[str]) -> None:
        if keys:
            for listener in list(self._listeners):
                listener(keys)

    # ---- cells ---------------------------------------------------------------------------

    def get(self, key: str) -> Value:
        return self.cells.get(key)

    def unit_of(self, key: str) -> Value:
        """The unit an amount was written with (its field's unit cell), None where it has none."""
        field = self.format.fields.get(key)
        return self.cells.get(field.unit_key) if field is not None and field.unit_key else None

    def is_derived(self, key: str) -> bool:
        f = self.format.fields.get(key)
        return bool(f and f.derived)

    def set_value(self, key: str, value: Value | str) -> set[str]:
        """Set one input cell (parsed for its kind) and recompute what depends on it."""
        return self.set_values({key: value})

    def set_values(self, values: Mapping[str, Value | str], *, force: bool = False) -> set[str]:
        """Set several cells at once, with one notification. `force` also writes derived
        cells as given (import keeps a published total as it was printed).

        Text is parsed for the cell's kind and must be valid (ValueInputError says why); a
        `Published` value, or a number the form does not allow, is kept as `Published`."""
        fmt = self.format
        parsed: dict[str, Value] = {}
        for key, raw in values.items():
            f = fmt.fields.get(key)
            if f is None:
                raise UnknownCellError(f"{fmt.id}年版格式没有单元格“{key}”。")
            if f.derived and not force:
                raise ValueInputError(f"“{f.label}”是自动计算的合计，不能直接填写。")
            parsed[key] = parse_value(raw, f.kind, f.label) if isinstance(raw, str) else read_cell(raw, f.kind)
        changed: set[str] = set()
        for key, value in parsed.items():
            if self.cells.get(key) != value or key not in self.cells:
                self.cells[key] = value
                changed.add(key)
        if not force:
            self.confirm_inferred(parsed)
            dirty = {d for key in changed for d in fmt.dependents.get(key, ())}
            changed |= self._recompute_keys(dirty)
        self._notify(changed)
        return changed

    def confirm_inferred(self, keys: Iterable[str]) -> bool:
        """A value the import inferred (source.inferred), once typed, is the clerk's own.
        True when one of `keys` was inferred."""
        source = self.extra.get("source")
        inferred = source.get("inferred") if isinstance(source, dict) else None
        if not isinstance(source, dict) or not isinstance(inferred, list):
            return False
        typed = set(keys)
        source["inferred"] = [k for k in inferred if k not in typed]
        return len(source["inferred"]) != len(inferred)

    def recompute(self, keys: Iterable[str] | None = None) -> set[str]:
        """Recompute derived cells (all, or those given) from their parts."""
        fmt = self.format
        wanted = set(fmt.derived_order if keys is None else keys)
        changed = self._recompute_keys(wanted)
        self._notify(changed)
        return changed

    def _recompute_keys(self, keys: set[str]) -> set[str]:
        changed: set[str] = set()
        for key in self.format.derived_order:
            if key in keys:
                value = self.expected(key)
                if self.cells.get(key) != value or type(self.cells.get(key)) is not type(value):
                    self.cells[key] = value
                    changed.add(key)
        return changed

    def expected(self, key: str) -> Value:
        """What a derived cell should hold: the sum of its parts (empty when all are empty)."""
        f = self.format.fields[key]
        if f.derived is None:
            return self.cells.get(key)
        if any(self.is_unknown(t) for t in f.derived.terms):
            return None  # a part printed wrong (at any depth): the total is not known
        parts = [self.cells.get(t) for t in f.derived.terms]
        numbers = [p for p in parts if is_number(p)]
        if not numbers:
            return None
        total = sum(numbers, start=0)
        return total

    def is_unknown(self, key: str) -> bool:
        """A cell printed wrong (`Published`), or an empty total with such a cell among its
        parts at any depth: its true value is not known, so no sum uses it."""
        value = self.cells.get(key)
        if _not_allowed(value):
            return True
        if value is not None:
            return False
        f = self.format.fields.get(key)
        return f is not None and f.derived is not None and any(self.is_unknown(t) for t in f.derived.terms)

    def unknown_keys(self) -> frozenset[str]:
        """Every cell `is_unknown` says is, found in one pass (the checker asks once per rule)."""
        bad = {k for k, v in self.cells.items() if _not_allowed(v)}
        if not bad:
            return frozenset()
        fmt = self.format
        for key in fmt.derived_order:  # parts before the totals made of them
            derived = fmt.fields[key].derived
            if self.cells.get(key) is None and derived is not None and any(t in bad for t in derived.terms):
                bad.add(key)
        return frozenset(bad)

    def set_prior(self, prior: Report | None) -> set[str]:
        """Attach (or remove) last year's report, which the comparison and the cross-year checks read."""
        if prior is self.prior:
            return set()
        self.prior = prior
        changed = {"prior"}
        self._notify(changed)
        return changed

    # ---- acceptances (说明) ------------------------------------------------------------------

    def set_acceptance(self, key: str, note: str | None) -> set[str]:
        """Store (or, with None or an empty note, remove) the clerk's note for a finding key."""
        note = note.strip() if note else None
        if self.acceptances.get(key) == note:
            return set()
        if note:
            self.acceptances[key] = note
        else:
            self.acceptances.pop(key, None)
        changed = {ACCEPTED_KEY}
        self._notify(changed)
        return changed

    # ---- text and front matter -----------------------------------------------------------

    def set_text(self, key: str, value: str | None) -> set[str]:
        if key not in TEXT_KEYS:
            raise UnknownCellError(f"没有文字部分“{key}”。")
        value = value if value else None
        if self.text.get(key) == value:
            return set()
        self.text[key] = value
        changed = {f"text.{key}"}
        self._notify(changed)
        return changed

    def set_meta(self, **changes: Any) -> set[str]:
        """Change agency, year or date. A year in another format's range converts the report."""
        changed: set[str] = set()
        for name, value in changes.items():
            if name not in ("agency", "year", "date"):
                raise UnknownCellError(f"封面信息没有“{name}”。")
            if getattr(self.meta, name) != value:
                setattr(self.meta, name, value)
                changed.add(f"meta.{name}")
        if "meta.year" in changed:
            new_format = format_for_year(self.meta.year).id
            if new_format != self.meta.format:
                changed |= self.convert_format(new_format, notify=False)
        self._notify(changed)
        return changed

    def convert_format(self, format_id: str, *, notify: bool = True) -> set[str]:
        """Move to another format: keys both formats share keep their values."""
        old_cells = self.cells
        self.meta.format = format_id
        fmt = self.format
        self.cells = {k: old_cells.get(k) for k in fmt.keys}
        self._recompute_keys(set(fmt.derived_order))
        changed = {"meta.format", *fmt.keys, *old_cells}
        if notify:
            self._notify(changed)
        return changed

    # ---- the project-file shape ----------------------------------------------------------

    def to_dict(self, *, include_prior: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "meta": self.meta.to_dict(),
            "cells": {k: _cell_json(v) for k, v in self.cells.items()},
            "text": {k: self.text.get(k) for k in TEXT_KEYS},
        }
        if include_prior and self.prior is not None:
            data["prior"] = self.prior.to_dict(include_prior=False)
        if self.acceptances:
            data[ACCEPTED_KEY] = dict(sorted(self.acceptances.items()))
        data.update({k: v for k, v in self.extra.items() if k not in data})
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "", *, unknown_cells: list[str] | None = None) -> Report:
        """Build a report from the project-file shape; GovopenError says what is wrong.
        `unknown_cells`: where given, cell keys the format lacks are left out and listed
        there instead of refused (an imported workbook's data sheet)."""
        place = f"{where}：" if where else ""
        if not isinstance(data, Mapping):
            raise GovopenError(f"{place}内容不是年度报告（应为 JSON 对象）。")
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise GovopenError(f"{place}文件类型“{schema}”不是本程序的年度报告文件。")
        meta_raw = data.get("meta")
        if not isinstance(meta_raw, Mapping):
            raise GovopenError(f"{place}缺少 meta（机关名称、年度）。")
        meta = _meta_from(meta_raw, place)
        fmt = load_format(meta.format)
        cells_raw = data.get("cells") or {}
        if not isinstance(cells_raw, Mapping):
            raise GovopenError(f"{place}cells 应为“单元格键: 数值”的对象。")
        unknown = sorted(k for k in cells_raw if k not in fmt.fields)
        if unknown and unknown_cells is not None:
            unknown_cells.extend(unknown)
        elif unknown:
            shown = "、".join(unknown[:5]) + ("等" if len(unknown) > 5 else "")
            raise GovopenError(f"{place}{meta.format}年版格式没有这些单元格：{shown}。")
        cells: dict[str, Value] = dict.fromkeys(fmt.keys)
        for key, raw in cells_raw.items():
            f = fmt.fields.get(key)
            if f is None:
                continue  # listed in unknown_cells
            cells[key] = _cell_from_json(raw, f.kind, f"{place}{f.label}（{key}）")
        text_raw = data.get("text") or {}
        if not isinstance(text_raw, Mapping):
            raise GovopenError(f"{place}text 应为对象。")
        text: dict[str, str | None] = {k: _text_or_none(text_raw.get(k)) for k in TEXT_KEYS}
        prior = None
        if data.get("prior") is not None:
            prior = cls.from_dict(data["prior"], f"{where} 的上年报告（prior）" if where else "")
        acceptances = _acceptances_from(data.get(ACCEPTED_KEY), place)
        known = {"schema", "meta", "cells", "text", "prior", ACCEPTED_KEY}
        extra = {k: v for k, v in data.items() if k not in known}
        _opening_from_source(fmt, text, extra)
        _notes_from_source(fmt, text, extra)
        return cls(meta=meta, cells=cells, text=text, prior=prior, extra=extra, acceptances=acceptances)


LEGACY_PREFACE = "preface"  # where imports before the opening paragraph was a text kept it: extra.source


def _opening_from_source(fmt: ReportFormat, text: dict[str, str | None], extra: dict[str, Any]) -> None:
    """A file saved when an import kept the words above 一、 in source.preface: they are the
    format's first front text now (the window shows them, the exports print them)."""
    source = extra.get("source")
    kept = source.get(LEGACY_PREFACE) if isinstance(source, Mapping) else None
    if not fmt.front_texts or not isinstance(source, Mapping) or not isinstance(kept, str):
        return
    key = fmt.front_texts[0].text
    if key is not None and not text.get(key):
        text[key] = kept or None
    extra["source"] = {k: v for k, v in source.items() if k != LEGACY_PREFACE}


LEGACY_TABLE_NOTES = "table_notes"  # where imports before notes were texts kept them: {table id: text}


def _notes_from_source(fmt: ReportFormat, text: dict[str, str | None], extra: dict[str, Any]) -> None:
    """A file saved when an import kept the sentences under a table in source.table_notes:
    they are that table's note now. A table whose format has no note keeps its sentence there
    (the checks still read it)."""
    source = extra.get("source")
    kept = source.get(LEGACY_TABLE_NOTES) if isinstance(source, Mapping) else None
    if not isinstance(source, Mapping) or not isinstance(kept, Mapping):
        return
    left: dict[str, Any] = {}
    for table_id, note in kept.items():
        key = fmt.note_of(table_id) if isinstance(table_id, str) else None
        if key is None or not isinstance(note, str):
            left[table_id] = note
        elif not text.get(key):
            text[key] = note or None
    rest = {k: v for k, v in source.items() if k != LEGACY_TABLE_NOTES}
    extra["source"] = {**rest, LEGACY_TABLE_NOTES: left} if left else rest


def _acceptances_from(raw: Any, place: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise GovopenError(f"{place}accepted（已说明的警告）应为“问题: 说明文字”的对象。")
    return {k: v.strip() for k, v in raw.items() if v.strip()}


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return str(value) or None


def _meta_from(raw: Mapping[str, Any], place: str) -> ReportMeta:
    year = raw.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2200:
        raise GovopenError(f"{place}年度“{year}”无效，应为四位数年份（如 2024）。")
    expected_format = format_for_year(year).id
    fmt_id = str(raw.get("format") or expected_format)
    try:
        load_format(fmt_id)
    except GovopenError as exc:
        raise GovopenError(f"{place}未知的报告格式“{fmt_id}”（应为 2019 或 2021）。") from exc
    date = raw.get("date")
    if date is not None:
        try:
            dt.date.fromisoformat(str(date))
        except ValueError as exc:
            raise GovopenError(f"{place}成文日期“{date}”无效，应写作 YYYY-MM-DD。") from exc
        date = str(date)
    return ReportMeta(agency=str(raw.get("agency") or ""), year=year, format=fmt_id, date=date)


PUBLISHED_KEY = "published"


def _not_allowed(value: Value) -> bool:
    """Published, or a count past the bound stored by code that did not read it as printed."""
    return isinstance(value, Published) or (type(value) is int and abs(value) > MAX_COUNT)


def _cell_json(value: Value) -> Any:
    """A cell in the project file: the value, or {"published": "-5"} for a printed invalid one."""
    return {PUBLISHED_KEY: value.text} if isinstance(value, Published) else value


def _cell_from_json(raw: Any, kind: Any, where: str) -> Value:
    """A cell from the project file: a valid value, or `Published` for one the form does not
    allow (a negative count is checked, not refused); only a non-value shape is refused."""
    if isinstance(raw, Mapping):
        text = raw.get(PUBLISHED_KEY)
        if len(raw) != 1 or not isinstance(text, str):
            raise GovopenError(f"{where}：应为数值，或 {{\"published\": \"印出的原文\"}}。")
        value = read_cell(text, kind)
        return value if value is not None else Published(text, "不是数字")
    if isinstance(raw, list):
        raise GovopenError(f"{where}：应为数值，不能是列表。")
    return read_cell(raw, kind)
