"""Checking: one full check (with last year's report) as run on every keystroke — the texts
state facts of the vocabulary, so R-FACTS and R-CLAIMS are measured with the rest — and
`govopen check --summary` over a thousand mixed files against the bare libraries opening the
same files in one process.

Run alone: .venv/bin/python -m benchmarks bench_check
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import timeit
from pathlib import Path

from benchmarks.common import Row, child_env, interleaved, process_seconds
from govopen_desktop.domain.checks import check
from govopen_desktop.domain.report import Report

KEYSTROKE_GOAL_S = 0.002
BATCH_GOAL = 0.6
BATCH_FILES = int(os.environ.get("GOVOPEN_BENCH_BATCH_FILES", "1000"))
BATCH_RUNS = int(os.environ.get("GOVOPEN_BENCH_BATCH_RUNS", "3"))
OVERVIEW = (
    "2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，本报告中所列数据的统计期限自2024年1月1日起至"
    "2024年12月31日止。\n（一）主动公开。全年主动公开政府信息1200条。\n（二）依申请公开。全年共收到政府信息公开申请"
    "23件，均在法定期限内答复。\n（三）政府信息管理。严格落实保密审查。\n（四）政府信息公开平台建设。持续优化政府网站。\n"
    "（五）监督保障。将政务公开纳入年度考核，开展社会评议，全年未发生责任追究情况。本年度未发生行政复议案件。\n"
    # statements of the fact vocabulary (R-FACTS, R-CLAIMS), so their cost is measured too
    "（六）本年制发行政规范性文件3件，废止1件，现行有效行政规范性文件41件；作出行政许可决定120件，行政处罚决定8件。"
    "上年结转申请2件，予以公开及部分公开15件，其中予以公开12件，不予公开2件，无法提供5件，结转下年度继续办理1件。"
    "全年无被纠错案件，申请均在法定期限内答复。"
) * 3
PROBLEMS = "一是公开内容的深度还不够，二是解读回应的形式较单一。下一步，我们将加强培训、完善制度、提升质量。" * 8
OTHER = "依据国办函〔2020〕109号规定，本年度未收取信息处理费。"


def sample_reports() -> tuple[Report, Report]:
    """A filled 2024 report (every one of its 200 cells) and its 2023 prior."""
    prior = Report.new("某市某区人民政府办公室", 2023, date="2024-01-20")
    this = Report.new("某市某区人民政府办公室", 2024, date="2025-01-22")
    for report, base in ((prior, 1), (this, 2)):
        fmt = report.format
        report.set_values({k: (base + i) % 4 for i, k in enumerate(fmt.input_keys) if fmt.fields[k].kind == "count"})
        report.set_values({"t2.fees.amount": "0.1200"})
        report.text.update(overview=OVERVIEW, problems=PROBLEMS, other=OTHER)
    this.prior = prior
    return this, prior


def keystroke_row() -> Row:
    report, _prior = sample_reports()
    check(report)  # warm the per-format and per-text caches
    runs = [t / 200 for t in timeit.repeat(lambda: check(report), number=200, repeat=15)]
    typed = [report.text["overview"] + "新" * i for i in range(1, 21)]  # one keystroke each

    def type_and_check() -> None:
        report.text["overview"] = typed.pop(0)
        check(report)

    cold = timeit.timeit(type_and_check, number=20) / 20
    return Row("full check with prior (every keystroke)", statistics.median(runs), None, KEYSTROKE_GOAL_S,
               note=f"{len(report.cells)} cells, {len(report.format.rules)} rules; "
                    f"after a text edit (text caches miss) {cold * 1000:.2f} ms")


def batch_row() -> Row:
    from benchmarks.corpus import batch

    env = child_env()
    with tempfile.TemporaryDirectory(prefix="govopen-batch-") as tmp:
        files = [str(p) for p in batch(Path(tmp), BATCH_FILES)]
        govopen = [sys.executable, "-m", "govopen_desktop.cli.main", "check", "--summary", *files]
        bare = [sys.executable, "-m", "benchmarks.bare_open", *files]
        ok = {0, 1, 2}  # findings and unreadable files are results, not failures of the run
        cpu: dict[str, list[float]] = {"check": [], "bare": []}

        def run(name: str, argv: list[str]) -> None:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            process_seconds(argv, env, ok)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

        now, base = interleaved([lambda: run("check", govopen), lambda: run("bare", bare)], BATCH_RUNS, warmup=0)
        kinds = sorted({Path(f).suffix for f in files})
    check_cpu, bare_cpu = statistics.median(cpu["check"]), statistics.median(cpu["bare"])
    return Row(f"check --summary, {BATCH_FILES} mixed files vs bare libraries opening them", now, base,
               BATCH_GOAL, note=f"{os.cpu_count()} cores; {', '.join(kinds)}; medians of {BATCH_RUNS}; CPU of "
                                f"all processes {check_cpu:.1f} s vs {bare_cpu:.1f} s = {check_cpu / bare_cpu:.2f}×; "
                                f"load average {os.getloadavg()[0]:.1f}")


def rows() -> list[Row]:
    return [keystroke_row(), batch_row()]
