"""Rebuilds sample-2024.govopen: a realistic, consistent 2021-format report with its 2023 prior.

Run from the repo: .venv/bin/python resources/sample/make_sample.py
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import save_report

AGENCY = "青山市自然资源和规划局"
T3_COLS = ("natural", "commercial", "research", "social", "legal", "other_org")


def fill_t2(report: Report, documents: dict[str, tuple[int, int, int]], decisions: tuple[int, int, int],
            fees: Decimal) -> None:
    """Table 2: 规章 and 规范性文件 (issued, repealed, in force), the 许可/处罚/强制 decisions, the fees."""
    values: dict[str, int | Decimal] = {}
    for doc in ("regulations", "normative_docs"):
        values.update({f"t2.{doc}.{c}": n for c, n in zip(("issued", "repealed", "in_force"), documents[doc],
                                                          strict=True)})
    values.update({f"t2.{k}.decisions": n for k, n in zip(("licensing", "punishment", "coercion"), decisions,
                                                           strict=True)})
    values["t2.fees.amount"] = fees
    report.set_values(values)


def fill_t3(report: Report, rows: dict[str, tuple[int, ...]]) -> None:
    """Every input row of table 3; rows not given are all zeros."""
    values: dict[str, int] = {}
    for row in report.format.table("t3").row_ids:
        if report.format.fields[f"t3.{row}.natural"].derived:
            continue
        numbers = rows.get(row, (0,) * 6)
        values.update({f"t3.{row}.{c}": n for c, n in zip(T3_COLS, numbers, strict=True)})
    report.set_values(values)


def fill_t4(report: Report, groups: dict[str, tuple[int, int, int, int]]) -> None:
    values: dict[str, int] = {}
    for group in ("review", "suit_direct", "suit_after_review"):
        numbers = groups.get(group, (0, 0, 0, 0))
        values.update({f"t4.{group}.{c}": n for c, n in zip(("upheld", "corrected", "other", "pending"), numbers,
                                                                strict=True)})
    report.set_values(values)


def prior_2023() -> Report:
    r = Report.new(AGENCY, 2023, date="2024-01-22")
    fill_t2(r, {"regulations": (0, 0, 0), "normative_docs": (4, 2, 25)}, (1193, 41, 6), Decimal("0"))
    fill_t3(r, {
        "new": (39, 5, 0, 0, 2, 2),
        "carried_in": (2, 0, 0, 0, 0, 0),
        "granted": (17, 2, 0, 0, 1, 1),
        "partial": (5, 1, 0, 0, 0, 0),
        "denied_third_party": (1, 0, 0, 0, 0, 0),
        "unable_not_held": (9, 1, 0, 0, 1, 1),
        "unable_unclear": (2, 0, 0, 0, 0, 0),
        "rejected_petition": (3, 0, 0, 0, 0, 0),
        "rejected_repeat": (1, 0, 0, 0, 0, 0),
        "carried_out": (3, 1, 0, 0, 0, 0),
    })
    fill_t4(r, {"review": (1, 1, 0, 0), "suit_direct": (1, 0, 0, 0)})
    r.text.update(
        overview=(
            "2023年，我局坚持以公开为常态、不公开为例外，围绕自然资源管理和国土空间规划重点工作，"
            "推进政府信息公开工作。\n（一）主动公开\n全年在门户网站主动公开政府信息1462条，"
            "其中行政规范性文件4件。\n（二）依申请公开\n全年收到政府信息公开申请48件，均在法定期限内答复。\n"
            "（三）政府信息管理\n对现行有效的行政规范性文件进行清理，废止2件。\n"
            "（四）政府信息公开平台建设\n优化门户网站政府信息公开专栏，规范栏目设置。\n"
            "（五）监督保障\n将政府信息公开工作纳入年度目标考核，组织业务培训2次。"
        ),
        problems="一是部分业务科室主动公开意识有待加强；二是政策解读形式较为单一。2024年将加强培训，丰富解读形式。",
        other="依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度我局未收取信息处理费。",
    )
    return r


def report_2024(prior: Report) -> Report:
    r = Report.new(AGENCY, 2024, date="2025-01-20")
    r.prior = prior
    fill_t2(r, {"regulations": (0, 0, 0), "normative_docs": (3, 1, 27)}, (1286, 37, 4), Decimal("0"))
    fill_t3(r, {
        "new": (42, 6, 0, 1, 3, 2),
        "carried_in": (3, 1, 0, 0, 0, 0),
        "granted": (20, 3, 0, 0, 1, 1),
        "partial": (6, 1, 0, 0, 0, 0),
        "denied_third_party": (2, 0, 0, 0, 0, 0),
        "denied_process": (1, 0, 0, 0, 0, 0),
        "unable_not_held": (8, 0, 0, 1, 1, 0),
        "unable_unclear": (1, 0, 0, 0, 0, 0),
        "rejected_petition": (2, 0, 0, 0, 0, 0),
        "rejected_repeat": (1, 0, 0, 0, 0, 0),
        "other_no_correction": (1, 0, 0, 0, 0, 0),
        "carried_out": (3, 3, 0, 0, 1, 1),
    })
    fill_t4(r, {"review": (2, 1, 0, 0), "suit_direct": (1, 0, 0, 1), "suit_after_review": (1, 0, 0, 0)})
    r.text.update(
        overview=(
            "2024年，青山市自然资源和规划局深入贯彻《中华人民共和国政府信息公开条例》，"
            "紧扣耕地保护、不动产登记、国土空间规划等群众关注事项，持续提升政府信息公开质量。\n"
            "（一）主动公开\n全年通过门户网站、政务新媒体主动公开政府信息1587条，"
            "制发行政规范性文件3件，同步发布政策解读3篇；公开行政许可决定1286件、行政处罚决定37件。\n"
            "（二）依申请公开\n全年新收政府信息公开申请54件，上年结转4件；办结50件，结转下年度继续办理8件。"
            "已办结的申请均在法定期限内答复，未收取任何费用；另有8件结转下年度继续办理。\n"
            "（三）政府信息管理\n严格落实公开前保密审查，对现行有效的行政规范性文件开展清理，废止1件，"
            "现行有效27件，清单在门户网站同步更新。\n"
            "（四）政府信息公开平台建设\n完成政府信息公开专栏适老化改造，新增“不动产登记办事指南”栏目，"
            "实现依申请公开网上申请、进度查询全流程办理。\n"
            "（五）监督保障\n将政府信息公开纳入科室年度绩效考核，开展业务培训3次，"
            "全年未发生因政府信息公开工作不到位被追责的情况。"
        ),
        problems=(
            "一是个别科室对主动公开范围把握不够精准，更新及时性有待提高；二是政策解读以文字为主，"
            "图解、视频等形式运用不多。\n改进措施：一是建立公开事项清单动态调整机制，每季度通报更新情况；"
            "二是围绕不动产登记、规划许可等高频事项，推出图解和短视频解读，提升解读实效。"
        ),
        other=(
            "依据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定，"
            "本年度我局未收取信息处理费。"
        ),
    )
    return r


def main() -> None:
    out = Path(__file__).with_name("sample-2024.govopen")
    save_report(report_2024(prior_2023()), out)
    out.with_name(out.name + ".bak").unlink(missing_ok=True)
    print(out)


if __name__ == "__main__":
    main()
