"""Tables counted from a register stay as counted: a cell changed by hand afterwards is named
(the register was the source; a hand edit may be right, but the clerk should know)."""

from __future__ import annotations

from collections.abc import Iterator

from govopen_desktop.domain.checks.common import finding, label, shown
from govopen_desktop.domain.checks.registry import rule_kind
from govopen_desktop.domain.findings import Finding
from govopen_desktop.domain.formats import RuleSpec
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import same_value

REGISTER_KEY = "register"  # the project file's key (domain/register/provenance.py)


@rule_kind("register_edited")
def register_edited(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    info = report.extra.get(REGISTER_KEY)
    if not isinstance(info, dict) or not isinstance(info.get("counted"), dict):
        return
    if info.get("year") not in (None, report.meta.year):
        yield finding(spec, f"表三、表四是从“{info.get('file')}”按 {info.get('year')} 年统计的，"
                            f"本报告是 {report.meta.year} 年度，请重新从台账统计。", section="t3")
        return
    tables = set(spec.params.get("tables", ("t3", "t4")))
    fmt = report.format
    for table in sorted(tables):
        changed = [
            (key, counted)
            for key, counted in info["counted"].items()
            if key in fmt.fields and fmt.fields[key].table == table and fmt.fields[key].is_input
            and not same_value(report.get(key), counted)
        ]
        if not changed:
            continue
        number = fmt.table(table).number
        shown_cells = "；".join(
            f"“{label(fmt, k)}”台账为 {counted}，现为 {shown(report.get(k))}" for k, counted in changed[:3]
        )
        more = f"等 {len(changed)} 处" if len(changed) > 3 else ""
        yield finding(
            spec,
            f"表{number}是从台账“{info.get('file')}”统计的，之后被手工改动：{shown_cells}{more}。"
            "如台账有误，请改正台账后重新统计；如改动无误，可说明理由。",
            [k for k, _c in changed],
            table,
            {k: counted for k, counted in changed},
        )
