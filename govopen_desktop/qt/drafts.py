"""Draft sentences a clerk starts from: the 总体情况 skeleton, the 依申请公开 paragraph from
table 3's numbers, and the 信息处理费 sentence for 六、其他需要报告的事项."""

from __future__ import annotations

from govopen_desktop.domain.register.provenance import register_sentence
from govopen_desktop.domain.report import Report
from govopen_desktop.domain.values import Value

CN_NUMBERS = "一二三四五六七八九十"
RESULT_GROUPS = (  # row-id prefix -> how the paragraph names it
    ("granted", "予以公开"),
    ("partial", "部分公开"),
    ("denied_", "不予公开"),
    ("unable_", "无法提供"),
    ("rejected_", "不予处理"),
    ("other", "其他处理"),
)
APPLICANTS = (
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other_org", "其他组织"),
)


def overview_skeleton(report: Report) -> str:
    parts = report.format.overview_parts
    return "\n\n".join(f"（{CN_NUMBERS[i]}）{name}\n" for i, name in enumerate(parts)) + "\n"


def _n(value: Value) -> int:
    return int(value) if isinstance(value, int) else 0


def draft_applications(report: Report) -> str:
    """'全年共收到政府信息公开申请X件，其中…；办理结果：…；结转下年度继续办理X件。'"""
    cells = report.cells
    t3 = report.format.table("t3")
    new, carried = _n(cells.get("t3.new.total")), _n(cells.get("t3.carried_in.total"))
    natural = _n(cells.get("t3.new.natural"))
    orgs = [(name, _n(cells.get(f"t3.new.{col}"))) for col, name in APPLICANTS]
    org_total = sum(n for _, n in orgs)
    org_detail = "、".join(f"{name}{n}件" for name, n in orgs if n)
    text = f"全年共收到政府信息公开申请{new + carried}件（本年新收{new}件，上年结转{carried}件），"
    text += f"其中本年新收的申请中自然人申请{natural}件，法人或其他组织申请{org_total}件"
    text += f"（{org_detail}）" if org_detail else ""
    results: list[str] = []
    result_rows = [r for r in t3.row_ids if r not in ("new", "carried_in", "results_total", "carried_out")]
    for prefix, name in RESULT_GROUPS:
        rows = [r for r in result_rows if r == prefix or (prefix.endswith("_") and r.startswith(prefix))]
        if prefix == "other":
            rows = [r for r in result_rows if r == "other" or r.startswith("other_")]
        total = sum(_n(cells.get(f"t3.{r}.total")) for r in rows)
        if rows and total:
            results.append(f"{name}{total}件")
    done = _n(cells.get("t3.results_total.total"))
    text += f"；办理结果：本年度办结{done}件，其中" + ("、".join(results) if results else "无") + "；"
    text += f"结转下年度继续办理{_n(cells.get('t3.carried_out.total'))}件。"
    return text + (register_sentence(report) or "")  # counted from a register: the time limits kept


def fee_sentence(report: Report) -> str:
    agency = report.meta.agency or "本机关"
    text = (
        "依据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定，"
        f"{report.meta.year}年度{agency}未收取信息处理费。"
    )
    unpaid = _n(report.cells.get("t3.other_no_fee.total"))
    if unpaid:
        text = text.replace(
            "未收取信息处理费。",
            f"共收取信息处理费　　元；因申请人逾期未缴纳费用而不再处理的申请{unpaid}件。",
        )
    return text
