"""`govopen check` reports everything the import knew: --json, the text and --summary agree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from govopen_desktop.domain.formats import load_format
from tests.support.paths import SEEDS_DIR, SHARED, needs_shared

REAL = SHARED / "real-reports"
SEED_001 = SEEDS_DIR / "001_fb2a13aa5693ffc1.txt"


def _files() -> list[Path]:
    return [p for p in (SEED_001, REAL / "kewei-2024.md.txt", REAL / "huaian-2024.pdftotext.txt") if p.is_file()]


@needs_shared
@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_json_text_and_summary_count_the_same_import_problems(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(path), "--json"])
    payload = json.loads(capsys.readouterr().out)
    problems = payload["import_problems"]
    assert payload["import_problem_count"] == len(problems) > 0
    fmt = load_format("2021" if "2024" in path.name else "2019")
    keyed = [p for p in problems if p["key"]]
    assert keyed and all(p["key"] in fmt.fields or p["key"].startswith("meta.") for p in keyed)
    assert all(p["message"] for p in problems)

    main(["check", str(path)])
    captured = capsys.readouterr()
    assert f"导入时有 {len(problems)} 处需要核对" in captured.out
    assert captured.err.count("\n  - ") + captured.err.startswith("  - ") == len(problems)
    for p in keyed:
        assert f"（{p['key']}）" in captured.err

    twin = tmp_path / f"copy-{path.name}"  # the same report under another name: two lines
    shutil.copyfile(path, twin)
    main(["check", str(path), str(twin), "--summary"])
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines() if "\t" in line]
    assert rows[0][3] == "导入问题"
    assert [r[3] for r in rows[1:]] == [str(len(problems))] * 2

    main(["check", str(path), str(twin), "--json"])
    batch = json.loads(capsys.readouterr().out)
    assert [r["import_problem_count"] for r in batch["reports"]] == [len(problems)] * 2
    assert batch["import_problem_count"] == 2 * len(problems)


@needs_shared
def test_seed_001_names_the_cells_it_could_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED_001), "--json"])
    payload = json.loads(capsys.readouterr().out)
    keys = {p["key"] for p in payload["import_problems"]}
    assert keys == {"t3.carried_out.legal", "t3.carried_out.other_org", "t3.carried_out.total"}
