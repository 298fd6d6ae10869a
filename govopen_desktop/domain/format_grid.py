"""Building a ReportFormat from the data of one format file: the grid of every table, the
fields with their kinds and derivations (in dependency order), sections, carry-over and rules."""

from __future__ import annotations

from typing import Any

from govopen_desktop.domain import format_model as model


def year_range(data: dict[str, Any]) -> tuple[int, int | None]:
    """A format file's first year and last (None: open-ended)."""
    years = data["years"]
    return int(years["first"]), None if years.get("last") is None else int(years["last"])


def nav_name(section: dict[str, Any], page: dict[str, Any]) -> str:
    """The navigator's name of a section: the window page's own, else 'number、title' (a front
    text, which has no number: its title)."""
    if page.get("nav"):
        return str(page["nav"])
    number = section.get("number")
    return model.numbered_heading(number, section["title"]) if number else str(section["title"])


def _section(s: dict[str, Any], page: dict[str, Any]) -> model.Section:
    """A section, or a front text (no number), with what the window page says of it."""
    return model.Section(
        s["id"],
        s.get("number", ""),
        s["title"],
        s.get("table"),
        s.get("text"),
        nav=nav_name(s, page),
        hint=page.get("hint", ""),
        buttons=tuple(model.DraftButton(b["draft"], b["label"], b.get("tip", "")) for b in page.get("buttons", [])),
        printed_as=tuple(s.get("printed_as", ())),
        note=s.get("note") if s.get("table") else None,  # a note stands under a table
        note_hint=page.get("note_hint", ""),
    )


def build_format(data: dict[str, Any]) -> model.ReportFormat:
    if data.get("schema") != "govopen-format/1":
        raise ValueError("schema 应为 govopen-format/1")
    fields: dict[str, model.Field] = {}
    tables = tuple(_build_table(t, fields) for t in data["tables"])
    window = data.get("window", {})
    pages: dict[str, dict[str, Any]] = {p["section"]: p for p in window.get("pages", [])}
    sections = tuple(_section(s, pages.get(s["id"], {})) for s in data["sections"])
    front_texts = tuple(_section({**s, "number": ""}, pages.get(s["id"], {})) for s in data.get("front_texts", []))
    drafts: dict[str, dict[str, Any]] = data.get("drafts", {})
    for section in front_texts + sections:
        for button in section.buttons:
            if button.draft not in drafts:
                raise ValueError(f"“{section.heading}”的按钮引用了不存在的起草模板：{button.draft}")
    new_report_text: dict[str, str] = window.get("new_report_text", {})
    for draft in new_report_text.values():
        if draft not in drafts:
            raise ValueError(f"new_report_text 引用了不存在的起草模板：{draft}")
    carry_over = tuple(_carry_over(c, tables, fields) for c in data.get("carry_over", []))
    rules = tuple(
        model.RuleSpec(
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
    first_year, last_year = year_range(data)
    return model.ReportFormat(
        id=data["id"],
        name=data["name"],
        document=data["document"],
        first_year=first_year,
        last_year=last_year,
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
        register=_register(data["register"]) if "register" in data else None,
        facts=_facts(data.get("facts", {})),
        front_texts=front_texts,
    )


def _carry_over(
    entry: dict[str, Any], tables: tuple[model.Table, ...], fields: dict[str, model.Field]
) -> model.CarryOver:
    table = next(t for t in tables if t.id == entry["table"])
    from_row, to_row = entry["from_row"], entry["to_row"]
    cells = tuple(
        (f"{table.id}.{to_row}.{col}", f"{table.id}.{from_row}.{col}")
        for col in table.col_ids
        if f"{table.id}.{to_row}.{col}" in fields
    )
    return model.CarryOver(table.id, from_row, to_row, entry.get("note", ""), cells)


def _value_column(col: dict[str, Any]) -> model.ValueColumn:
    total = "sum_of" in col
    return model.ValueColumn(
        col["id"], col["label"], col.get("group"), tuple(col["sum_of"]) if total else None, col["rule"] if total else ""
    )


def _names(data: dict[str, list[str]]) -> model.Names:
    return {k: tuple(names) for k, names in data.items()}


def _register(data: dict[str, Any]) -> model.RegisterSpec:
    apps, cases = data["applications"], data["cases"]
    limit = apps.get("time_limit", {})
    return model.RegisterSpec(
        model.RegisterApplications(
            table=apps["table"],
            new_row=apps["new"],
            carried_in_row=apps["carried_in"],
            results_row=apps["results"],
            carried_out_row=apps["carried_out"],
            time_limit=model.TimeLimit(
                int(limit.get("working_days", 20)),
                int(limit.get("extension_working_days", 20)),
                str(limit.get("source", "")),
            ),
            applicant_aliases=_names(apps.get("applicant_aliases", {})),
            result_aliases=_names(apps.get("result_aliases", {})),
        ),
        model.RegisterCases(cases["table"], cases["pending"], _names(cases["kinds"]), _names(cases["outcomes"])),
    )


def _phrasing(entry: dict[str, Any]) -> dict[str, Any]:
    """The parts every fact and claim has, as keyword arguments."""
    return {
        "id": entry["id"],
        "patterns": tuple(entry["patterns"]),
        "cells": tuple(entry.get("cells", ())),
        "subjects": tuple((word, tuple(cells)) for word, cells in entry.get("subjects", {}).items()),
        "example": entry.get("example", ""),
        "exclude": tuple(entry.get("exclude", ())),
        "requires": tuple(entry.get("requires", ())),
    }


def _facts(data: dict[str, Any]) -> model.FactsSpec:
    def words(name: str) -> tuple[str, ...]:
        return tuple(data.get(name, ()))

    return model.FactsSpec(
        units=data.get("units", {"count": "件", "amount": "万元|元"}),
        numbers=tuple(
            model.NumberFact(**_phrasing(f), name=f["name"], kind=f.get("kind", "count"))
            for f in data.get("numbers", ())
        ),
        claims=tuple(
            model.Claim(
                **_phrasing(c), says=c["says"], advice=c.get("advice", ""), level=c.get("level"),
            )
            for c in data.get("claims", ())
        ),
        scope_words=words("scope_words"),
        subject_masks=words("subject_masks"),
        scope_masks=words("scope_masks"),
        approx_before=words("approx_before"),
        approx_after=words("approx_after"),
    )


def _build_table(spec: dict[str, Any], fields: dict[str, model.Field]) -> model.Table:
    tid: str = spec["id"]
    n_cols: int = spec["columns"]
    default_kind: str = spec.get("value_kind", "count")
    value_columns = tuple(_value_column(c) for c in spec.get("value_columns", []))
    occupied: set[tuple[int, int]] = set()
    cells: list[model.GridCell] = []
    row_ids: list[str] = []
    row_labels: dict[int, list[str]] = {}  # row -> label texts covering it (for field labels)

    for r, row_spec in enumerate(spec["rows"]):
        if isinstance(row_spec, dict):  # a matrix row: labels, then one value per column
            row_id = row_spec["row"]
            row_ids.append(row_id)
            entries = list(row_spec.get("labels", []))
            for col in value_columns:
                entry: dict[str, Any] = {"key": f"{tid}.{row_id}.{col.id}"}
                row_terms = [f"{tid}.{r2}.{col.id}" for r2 in row_spec.get("sum_of", ())]
                if col.sum_of is not None:
                    entry["sum_of"] = [f"{tid}.{row_id}.{c}" for c in col.sum_of]
                    entry["rule"] = col.rule
                    if row_terms:
                        entry["_row_sum"] = model.Derivation(row_spec["rule"], tuple(row_terms))
                elif row_terms:
                    entry["sum_of"] = row_terms
                    entry["rule"] = row_spec["rule"]
                entry["_row_id"], entry["_col_id"] = row_id, col.id
                entry["_col_label"] = " · ".join(col.parts)
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
                cells.append(model.GridCell(r, c, rs, cs, role, text=text))
                if role == "label":
                    for dr in range(rs):
                        row_labels.setdefault(r + dr, []).append(text)
            else:
                cells.append(model.GridCell(r, c, rs, cs, "value", key=key))
                _add_field(fields, tid, entry, default_kind, r, c, row_labels.get(r, []))
                unit_key = entry.get("unit_key")
                if unit_key:
                    fields[unit_key] = model.Field(unit_key, tid, "unit", entry["label"] + " · 单位")
            c += cs
    n_rows = len(spec["rows"])
    covering: dict[tuple[int, int], model.GridCell] = {}
    for cell in cells:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                covering[(cell.row + dr, cell.col + dc)] = cell
    return model.Table(
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
        value_columns=value_columns,
        covering=covering,
    )


def _add_field(
    fields: dict[str, model.Field],
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
    if kind not in model.VALUE_KINDS:
        raise ValueError(f"{key} 的取值类型未知：{kind}")
    label = entry.get("label") or " · ".join([*labels, entry.get("_col_label", "")])
    derived = None
    if "sum_of" in entry:
        derived = model.Derivation(entry["rule"], tuple(entry["sum_of"]))
    fields[key] = model.Field(
        key=key,
        table=tid,
        kind=kind,
        label=label,
        derived=derived,
        row_sum=entry.get("_row_sum"),
        unit_key=entry.get("unit_key"),
        row=row,
        col=col,
        row_id=entry.get("_row_id"),
        col_id=entry.get("_col_id"),
        col_label=entry.get("_col_label"),
    )


def _derivation_order(fields: dict[str, model.Field]) -> tuple[str, ...]:
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


def _dependents(fields: dict[str, model.Field], order: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
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
