"""The five real reports in ../shared/seeds import to exactly ../shared/fixtures/seeds-expected,
mistakes included; `govopen import` and `govopen new --from` on them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.io.importers import import_file, import_text
from govopen_desktop.io.project import load_report
from tests.support.import_builders import cell_differences, texts_of
from tests.support.paths import SEEDS_DIR, load_expected, needs_shared, seed_names

pytestmark = needs_shared


def _seed(name: str) -> Path:
    return SEEDS_DIR / f"{name}.txt"


@pytest.mark.parametrize("name", seed_names())
def test_seed_file_imports_exactly(name: str) -> None:
    exp = load_expected(name)
    report = import_file(_seed(name)).report
    assert set(report.cells) == set(exp["cells"])
    assert cell_differences(exp["cells"], report.cells) == []
    assert report.meta.to_dict() == exp["meta"]
    assert texts_of(report.text, exp["text"]) == exp["text"]
    assert report.extra["source"]["kind"] == "txt"
    assert report.extra["source"]["file"] == f"{name}.txt"


@pytest.mark.parametrize("name", seed_names())
def test_pasted_seed_imports_exactly(name: str) -> None:
    exp = load_expected(name)
    result = import_text(_seed(name).read_text(encoding="utf-8"))
    assert cell_differences(exp["cells"], result.report.cells) == []
    assert result.report.meta.to_dict() == exp["meta"]
    assert texts_of(result.report.text, exp["text"]) == exp["text"]
    assert result.report.extra["source"]["file"] == "粘贴的文本"


@pytest.mark.parametrize("name", seed_names())
def test_seed_in_gb18030_with_windows_line_ends(name: str, tmp_path: Path) -> None:
    exp = load_expected(name)
    path = tmp_path / "report.txt"
    path.write_bytes(_seed(name).read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    report = import_file(path).report
    assert cell_differences(exp["cells"], report.cells) == []
    assert texts_of(report.text, exp["text"]) == exp["text"]


def test_headings_are_kept_as_printed() -> None:
    names = seed_names()
    first = import_file(_seed(names[0])).report.extra["source"]
    assert first["title"] is None
    assert first["headings"][0] == "1、 总体情况"  # the checker flags the "1、" numbering
    assert len(first["headings"]) == 6
    missing_six = import_file(_seed(names[2])).report.extra["source"]["headings"]
    assert missing_six[-1].startswith("五、") and len(missing_six) == 5


def test_every_missing_cell_is_a_problem_with_its_key() -> None:
    """Seed 001's 结转 row has four numbers: the other three are problems, not zeros."""
    result = import_file(_seed(seed_names()[1]))
    keys = {p.key for p in result.problems}
    assert keys == {"t3.carried_out.legal", "t3.carried_out.other_org", "t3.carried_out.total"}
    assert all(result.report.cells[k] is None for k in keys)
    assert all(p.place and "行" in p.place for p in result.problems)


@pytest.mark.parametrize("name", seed_names())
def test_cli_json_prints_the_canonical_report(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    exp = load_expected(name)
    code = main(["import", str(_seed(name)), "--json"])
    out = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert set(out) == {"meta", "summary", "cells", "text", "problems"}
    assert out["meta"] == exp["meta"] and texts_of(out["text"], exp["text"]) == exp["text"]
    assert cell_differences(exp["cells"], out["cells"]) == []
    assert code == (1 if out["problems"] else 0)
    assert all(set(p) == {"key", "place", "message"} for p in out["problems"])


def test_cli_json_amounts_are_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(_seed(seed_names()[1])), "--json"])
    text = capsys.readouterr().out
    assert '"t2.procurement.amount": 4359957' in text
    assert '"t2.procurement.amount_unit": "元"' in text


def test_cli_import_writes_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "last.govopen"
    assert main(["import", str(_seed(seed_names()[3])), "-o", str(out)]) == 0
    assert "已导入" in capsys.readouterr().out
    saved = load_report(out)
    exp = load_expected(seed_names()[3])
    assert cell_differences(exp["cells"], saved.cells) == []
    assert saved.extra["source"]["kind"] == "txt"


@pytest.mark.parametrize("name", seed_names())
def test_new_from_seed_carries_over(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exp = load_expected(name)
    out = tmp_path / "next.govopen"
    assert main(["new", "--from", str(_seed(name)), "-o", str(out)]) == 0
    capsys.readouterr()
    nxt = load_report(out)
    assert nxt.meta.year == exp["meta"]["year"] + 1
    assert nxt.meta.agency == exp["meta"]["agency"]
    assert nxt.prior is not None and nxt.prior.meta.year == exp["meta"]["year"]
    for col in ("natural", "commercial", "research", "social", "legal", "other_org"):
        carried = exp["cells"][f"t3.carried_out.{col}"]
        have = nxt.cells[f"t3.carried_in.{col}"]
        assert (have is None) == (carried is None) and (carried is None or have == carried)
    if exp["cells"]["t3.carried_out.total"] is not None:  # the total is recomputed from its parts
        assert nxt.cells["t3.carried_in.total"] == exp["cells"]["t3.carried_out.total"]
    # the texts start empty; last year's stays in prior, shown beside the editor (no 2024年 in a 2025 report)
    assert nxt.text["overview"] is None and nxt.prior.text["overview"] == exp["text"]["overview"]
