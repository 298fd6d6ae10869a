"""The .govopen project file: exact round trip, atomic saves, clear errors on bad files."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from govopen_desktop.domain.report import Report
from govopen_desktop.io.project import ProjectFileError, load_report, report_to_json, save_report


def _report() -> Report:
    report = Report.new("某街道办事处", 2024, date="2025-01-20")
    report.set_values({"t2.fees.amount": "0.1200", "t3.new.natural": 3})
    report.text["overview"] = "总体情况。\n（一）主动公开"
    report.prior = Report.new("某街道办事处", 2023)
    return report


def test_round_trip_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "报告.govopen"
    report = _report()
    save_report(report, path)
    loaded = load_report(path)
    assert loaded.to_dict() == report.to_dict()
    assert str(loaded.get("t2.fees.amount")) == "0.1200"
    assert '"t2.fees.amount": 0.1200' in path.read_text(encoding="utf-8")
    assert loaded.prior is not None and loaded.prior.meta.year == 2023


def test_hand_written_file_of_the_documented_shape_loads(tmp_path: Path) -> None:
    path = tmp_path / "hand.govopen"
    path.write_text(json.dumps({
        "schema": "govopen-report/1",
        "meta": {"agency": "某县民政局", "year": 2022, "format": "2021", "date": "2023-01-15"},
        "cells": {"t3.new.natural": 1, "t3.new.total": 1, "t2.fees.amount": 1.5},
        "text": {"overview": "概述", "problems": None, "other": "无"},
    }, ensure_ascii=False), encoding="utf-8")
    report = load_report(path)
    assert report.get("t3.new.natural") == 1
    assert report.get("t2.fees.amount") == Decimal("1.5")
    assert report.get("t3.carried_in.natural") is None
    assert report.text["other"] == "无"


def test_save_keeps_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "r.govopen"
    report = _report()
    save_report(report, path)
    first = path.read_text(encoding="utf-8")
    report.set_value("t3.new.natural", 9)
    save_report(report, path)
    assert (tmp_path / "r.govopen.bak").read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.govopen"
    save_report(_report(), path)
    before = path.read_bytes()

    def boom(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("govopen_desktop.io.atomic.os.replace", boom)
    with pytest.raises(Exception, match="磁盘空间不足"):
        save_report(Report.new("别的", 2024), path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_truncated_file_names_file_and_line_and_offers_backup(tmp_path: Path) -> None:
    path = tmp_path / "r.govopen"
    save_report(_report(), path)
    save_report(_report(), path)  # now a .bak exists
    text = report_to_json(_report())
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load_report(path)
    message = str(info.value)
    assert "r.govopen" in message and "第" in message and "行" in message
    assert info.value.backup == tmp_path / "r.govopen.bak"
    assert load_report(info.value.backup).meta.agency == "某街道办事处"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "空文件"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'{"schema": "other/1"}', "不是本程序"),
        (b"[1, 2, 3]", "不是年度报告"),
        (b'{"meta": {"agency": "x", "year": "abc"}}', "年度"),
        (b'{"meta": {"agency": "x", "year": 2024}, "cells": {"t9.x.y": 1}}', "没有这些单元格"),
        (b'{"meta": {"agency": "x", "year": 2024}, "cells": {"t3.new.natural": [2]}}', "列表"),
        (b'{"meta": {"agency": "x", "year": 2024}, "cells": {"t3.new.natural": {"published": 5}}}', "published"),
    ],
)
def test_bad_files_get_a_chinese_message(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.govopen"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=fragment) as info:
        load_report(path)
    assert "bad.govopen" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="找不到"):
        load_report(tmp_path / "none.govopen")


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="file modes are POSIX")
def test_saved_files_get_the_usual_mode_not_a_private_temp_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "r.govopen"
        save_report(_report(), path)
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o640)  # a mode the clerk chose is kept on the next save
        save_report(_report(), path)
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
