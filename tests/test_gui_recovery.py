# ruff: noqa: F811  (pytest fixtures imported from tests/gui_helpers.py are used as arguments)
"""Autosave and recovery, tested by killing a real process in the middle of the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.project import save_report
from govopen_desktop.qt.autosave import read_recovery, write_recovery
from govopen_desktop.qt.lock import RECOVERY_SUFFIX, key_for_path
from tests.gui_helpers import REPO, FakePrompter, filled_report, gui_env, make_window, prompter  # noqa: F401

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from govopen_desktop.io.project import load_report
from govopen_desktop.qt.app import make_app
from govopen_desktop.qt.main_window import MainWindow
from govopen_desktop.qt.settings import Settings

app = make_app()
path, data = Path(sys.argv[1]), Path(sys.argv[2])
w = MainWindow(load_report(path), path, settings=Settings(data / "settings.ini"),
               recovery_dir=data / "recovery", autosave_ms=300)
w.show()
t3 = w.show_section("t3")
t3.model.setData(t3.model.index_of("t3.new.natural"), "4321")
t3.model.setData(t3.model.index_of("t3.granted.research"), "17")
w.show_section("problems").editor.setPlainText("崩溃前写的字")
w.show_section("cover").agency.setText("改过名字的机关")
w.show_section("cover").agency.editingFinished.emit()
w.show_section("t2").model.setData(w.show_section("t2").model.index_of("t2.fees.amount"), "0.1250")
w.autosaver.timer.timeout.connect(lambda: QTimer.singleShot(0, lambda: print("AUTOSAVED", flush=True)))
app.exec()
"""


@pytest.mark.slow
def test_killed_process_is_recovered_with_every_edit(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    saved = gui_env / "年报.govopen"
    save_report(filled_report(), saved)
    time.sleep(0.05)  # the recovery file must be newer than the saved file
    data = gui_env / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVOPEN_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(saved), str(data)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the autosave has been written
        assert line.strip() == "AUTOSAVED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    recovery = data / "recovery" / f"{key_for_path(saved)}{RECOVERY_SUFFIX}"
    assert recovery.exists()

    prompter.confirm_answer = True
    window = make_window(qtbot, gui_env, prompter)
    assert window.files.offer_recovery()
    assert any("检测到未保存的更改，是否恢复？" in text for kind, text in prompter.asked if kind == "confirm")
    report = window.document.report
    assert report.get("t3.new.natural") == 4321
    assert report.get("t3.granted.research") == 17
    assert report.get("t3.new.total") == 4321 + sum(
        report.get(f"t3.new.{c}") for c in ("commercial", "research", "social", "legal", "other_org")
    )
    assert report.text["problems"] == "崩溃前写的字"
    assert report.meta.agency == "改过名字的机关"
    assert str(report.get("t2.fees.amount")) == "0.1250"
    assert window.document.path == saved
    assert window.isWindowModified()  # restored work is unsaved until the clerk saves
    window.act_save.trigger()
    assert not recovery.exists() and not window.isWindowModified()


def test_declining_recovery_discards_it(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    recovery = gui_env / "data" / "recovery" / f"untitled-gone{RECOVERY_SUFFIX}"
    write_recovery(recovery, filled_report(), None)
    prompter.confirm_answer = False
    window = make_window(qtbot, gui_env, prompter)
    assert not window.files.offer_recovery()
    assert not recovery.exists()


def test_recovery_older_than_the_saved_file_is_not_offered(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    saved = gui_env / "年报.govopen"
    recovery = gui_env / "data" / "recovery" / f"{key_for_path(saved)}{RECOVERY_SUFFIX}"
    write_recovery(recovery, filled_report(), saved)
    old = time.time() - 60
    os.utime(recovery, (old, old))
    save_report(filled_report(), saved)
    window = make_window(qtbot, gui_env, prompter)
    assert not window.files.offer_recovery()
    assert not prompter.asked and not recovery.exists()


def test_autosave_timer_writes_after_a_change_and_clean_close_removes_it(qtbot: Any, gui_env: Path,
                                                                        prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, autosave_ms=50)
    recovery = window.autosaver.recovery_file
    t3 = window.show_section("t3")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "5")
    qtbot.waitUntil(recovery.exists, timeout=3000)
    recovered = read_recovery(recovery)
    assert recovered is not None and recovered.report.get("t3.new.natural") == 5
    prompter.save_discard_cancel = "discard"
    window.close()
    assert not recovery.exists()


def test_unexpected_exception_autosaves_logs_and_says_so(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.qt.app import install_excepthook

    window = make_window(qtbot, gui_env, prompter)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: window)
    t3 = window.show_section("t3")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "6")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert window.autosaver.recovery_file.exists()
    assert prompter.errors and "意外错误" in prompter.errors[-1] and "已自动保存" in prompter.errors[-1]
    log = gui_env / "data" / "govopen.log"
    assert log.exists() and "boom" in log.read_text(encoding="utf-8")
