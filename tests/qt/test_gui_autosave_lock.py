"""Autosave under continuous editing, a failing autosave, one recovery file and one lock per
document: two windows on one file, closing one window, a lock left by a killed process."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.io.project import save_report
from govopen_desktop.qt.autosave import read_recovery
from govopen_desktop.qt.lock import RECOVERY_SUFFIX, key_for_path
from tests.support.gui import FakePrompter, filled_report, make_window
from tests.support.paths import REPO

AUTOSAVE_MS = 1000
EDIT_EVERY_MS = 150

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from govopen_desktop.io.project import load_report
from govopen_desktop.qt.app import make_app
from govopen_desktop.qt.main_window import MainWindow
from govopen_desktop.qt.settings import Settings

app = make_app()
path, data, delay, every = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
w = MainWindow(load_report(path), path, settings=Settings(data / "settings.ini"),
               recovery_dir=data / "recovery", autosave_ms=delay)
w.show()
t3 = w.show_section("t3")
problems = w.show_section("problems").editor
n = [0]

def edit():
    n[0] += 1
    i = n[0]
    t3.model.setData(t3.model.index_of("t3.new.natural"), str(i))
    problems.moveCursor(problems.textCursor().MoveOperation.End)
    problems.insertPlainText(f"{i};")
    print(f"EDIT {i} {time.time():.3f}", flush=True)

timer = QTimer()
timer.timeout.connect(edit)
timer.start(every)  # never a pause longer than `every`
w.autosaver.succeeded.connect(lambda: print(f"AUTOSAVED {time.time():.3f}", flush=True))
app.exec()
"""


@pytest.mark.slow
def test_killed_while_typing_continuously_recovers_every_edit_older_than_the_bound(
    qtbot: Any, gui_env: Path, prompter: FakePrompter
) -> None:
    saved = gui_env / "年报.govopen"
    save_report(filled_report(), saved)
    time.sleep(0.05)
    data = gui_env / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GOVOPEN_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(saved), str(data), str(AUTOSAVE_MS), str(EDIT_EVERY_MS)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )
    edits: list[tuple[int, float]] = []
    autosaves: list[float] = []
    try:
        assert child.stdout is not None
        deadline = time.time() + 15 * AUTOSAVE_MS / 1000
        while len(autosaves) < 3:  # three autosaves while the edits never paused
            assert time.time() < deadline, f"{len(autosaves)} autosaves during {len(edits)} continuous edits"
            line = child.stdout.readline()
            assert line, "the child stopped before autosaving"
            kind, *rest = line.split()
            if kind == "EDIT":
                edits.append((int(rest[0]), float(rest[1])))
            elif kind == "AUTOSAVED":
                autosaves.append(float(rest[0]))
        time.sleep(0.4)  # kill at some point between two autosaves
    finally:
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert child.stdout is not None
    output = child.stdout.read()
    child.stdout.close()  # pytest makes an unclosed pipe an error
    for line in output.splitlines():
        kind, *rest = line.split()
        if kind == "EDIT":
            edits.append((int(rest[0]), float(rest[1])))
    gaps = [b - a for (_i, a), (_j, b) in itertools.pairwise(edits)]
    assert max(gaps) < AUTOSAVE_MS / 1000 / 2  # it really never paused long enough for the old timer

    recovery = data / "recovery" / f"{key_for_path(saved)}{RECOVERY_SUFFIX}"
    recovered = read_recovery(recovery)
    assert recovered is not None
    bound = AUTOSAVE_MS / 1000 + 0.5  # the autosave delay plus writing time
    old_enough = [i for i, t in edits if t < killed_at - bound]
    assert old_enough, "no edit was older than the bound"
    assert recovered.report.get("t3.new.natural") >= max(old_enough)
    text = recovered.report.text["problems"] or ""
    missing = [i for i in old_enough if f"{i};" not in text]
    assert not missing, f"edits lost although older than {bound} s: {missing}"


def test_autosave_fires_during_edits_that_never_pause(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, autosave_ms=300)
    t3 = window.show_section("t3")
    recovery = window.autosaver.recovery_file
    started = time.monotonic()
    i = 0
    while not recovery.exists():
        i += 1
        t3.model.setData(t3.model.index_of("t3.new.natural"), str(i))
        qtbot.wait(50)  # edits every 50 ms: a timer restarted by each edit would never fire
        assert time.monotonic() - started < 3, "no autosave while the edits went on"
    assert time.monotonic() - started < 1.0
    window.document.undo_stack.setClean()


def test_a_failing_autosave_shows_in_the_status_bar_and_is_retried(qtbot: Any, gui_env: Path,
                                                                   prompter: FakePrompter) -> None:
    window = make_window(qtbot, gui_env, prompter, autosave_ms=100)
    blocker = gui_env / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    window.autosaver.recovery_dir = blocker / "recovery"  # a folder inside a file: cannot be made
    t3 = window.show_section("t3")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "8")
    qtbot.waitUntil(lambda: not window.autosave_label.isHidden(), timeout=3000)
    assert "自动保存失败" in window.autosave_label.text()
    assert str(blocker) in window.autosave_label.toolTip()
    blocker.unlink()  # the folder can be written again: the retry succeeds on its own
    qtbot.waitUntil(lambda: window.autosaver.recovery_file.exists(), timeout=3000)
    qtbot.waitUntil(lambda: window.autosave_label.isHidden(), timeout=1000)
    window.document.undo_stack.setClean()


def test_second_window_on_the_same_file_is_told_and_can_only_view(qtbot: Any, gui_env: Path,
                                                                  prompter: FakePrompter) -> None:
    path = gui_env / "年报.govopen"
    save_report(filled_report(), path)
    first = make_window(qtbot, gui_env, prompter, None)
    assert first.files.load(path)
    second = make_window(qtbot, gui_env, FakePrompter(confirm_answer=False))
    assert not second.files.load(path)  # 取消
    assert second.document.path is None
    asked = [text for kind, text in second.prompter.asked if kind == "confirm"]
    assert asked and "已在另一个窗口中打开" in asked[0] and f"进程 {os.getpid()}" in asked[0]

    second.prompter.confirm_answer = True  # 只读查看
    assert second.files.load(path)
    assert "只读" in second.windowTitle() and second.document.path == path
    t3 = second.show_section("t3")
    t3.model.setData(t3.model.index_of("t3.new.natural"), "55")
    second.prompter.save_path = None
    assert not second.files.save()  # Save asks for another name instead of writing over
    assert ("save", "保存年度报告") in second.prompter.asked
    second.prompter.save_path = path
    assert not second.files.save()
    assert "已在另一个窗口中打开" in second.prompter.errors[-1]
    copy = gui_env / "副本.govopen"
    second.prompter.save_path = copy
    assert second.files.save() and copy.exists() and "只读" not in second.windowTitle()

    first.close()  # releases the file: a third window opens it normally
    third = make_window(qtbot, gui_env, FakePrompter())
    assert third.files.load(path) and not third.files.read_only
    for win in (second, third):
        win.document.undo_stack.setClean()


def test_closing_one_window_keeps_the_other_windows_recovery(qtbot: Any, gui_env: Path,
                                                            prompter: FakePrompter) -> None:
    path = gui_env / "年报.govopen"
    save_report(filled_report(), path)
    first = make_window(qtbot, gui_env, prompter, None, autosave_ms=50)
    assert first.files.load(path)
    second = make_window(qtbot, gui_env, FakePrompter(), autosave_ms=50)
    for win in (first, second):
        t3 = win.show_section("t3")
        t3.model.setData(t3.model.index_of("t3.new.natural"), "9")
    qtbot.waitUntil(lambda: first.autosaver.recovery_file.exists() and second.autosaver.recovery_file.exists(),
                    timeout=3000)
    assert first.autosaver.recovery_file != second.autosaver.recovery_file
    second.prompter.save_discard_cancel = "discard"
    second.close()
    assert not second.autosaver.recovery_file.exists()
    assert first.autosaver.recovery_file.exists()
    # a new window at start offers nothing that belongs to the open one
    third = make_window(qtbot, gui_env, FakePrompter())
    assert not third.files.offer_recovery() and not third.prompter.asked
    assert first.autosaver.recovery_file.exists()
    first.document.undo_stack.setClean()


LOCKER = r"""
import sys
from pathlib import Path
from govopen_desktop.qt.lock import DocumentLock, key_for_path
lock = DocumentLock(Path(sys.argv[2]), key_for_path(Path(sys.argv[1])))
print("LOCKED" if lock.acquire() else "BUSY", flush=True)
sys.stdin.read()
"""


def test_a_lock_left_by_a_killed_process_is_taken_over(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    path = gui_env / "年报.govopen"
    save_report(filled_report(), path)
    folder = gui_env / "data" / "recovery"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, env=env, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "LOCKED"
    window = make_window(qtbot, gui_env, prompter, None)
    prompter.confirm_answer = False
    assert not window.files.load(path)  # held by a live process
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    _close_pipes(child)
    assert (folder / f"{key_for_path(path)}.lock").exists()  # left behind
    prompter.asked.clear()
    assert window.files.load(path) and not window.files.read_only
    assert not prompter.asked
    window.close()
    assert not (folder / f"{key_for_path(path)}.lock").exists()



def _close_pipes(child: subprocess.Popen[str]) -> None:
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            pipe.close()

def test_stale_locks_without_recovery_are_cleaned_at_start(qtbot: Any, gui_env: Path,
                                                          prompter: FakePrompter) -> None:
    folder = gui_env / "data" / "recovery"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", LOCKER, str(gui_env / "x.govopen"), str(folder)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "LOCKED"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    _close_pipes(child)
    stale = folder / f"{key_for_path(gui_env / 'x.govopen')}.lock"
    assert stale.exists()
    window = make_window(qtbot, gui_env, prompter)
    assert not window.files.offer_recovery()
    assert not stale.exists()
    assert window.autosaver.lock.path.exists()  # its own lock stays


def test_an_earlier_versions_single_recovery_file_is_still_offered(qtbot: Any, gui_env: Path,
                                                                  prompter: FakePrompter) -> None:
    from govopen_desktop.qt.autosave import write_recovery

    legacy = gui_env / "data" / "recovery.govopen-recovery"
    write_recovery(legacy, filled_report(), None)
    window = make_window(qtbot, gui_env, prompter)
    prompter.confirm_answer = True
    assert window.files.offer_recovery() and not legacy.exists()
    assert window.document.report.meta.agency == filled_report().meta.agency
    window.document.undo_stack.setClean()


def test_an_accepted_warning_no_longer_marks_its_cell(qtbot: Any, gui_env: Path, prompter: FakePrompter) -> None:
    from PySide6.QtCore import Qt

    from tests.support.acceptance import NOTE, report_with_warning

    window = make_window(qtbot, gui_env, prompter, report_with_warning())
    t3 = window.show_section("t3")
    index = t3.model.index_of("t3.new.research")
    before = t3.model.data(index, Qt.ItemDataRole.BackgroundRole)
    window.document.report.set_acceptance("T3-BLANK|t3.new.research", NOTE)
    after = t3.model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert before != after
    window.document.undo_stack.setClean()


def test_lock_keys_are_the_ones_earlier_versions_gave(tmp_path: Path) -> None:
    """A file's key is SHA-1 of its resolved path, whichever module computes it (recovery files
    written by an earlier version must still be found); an untitled key is 12 random hex digits."""
    import hashlib
    import re

    from govopen_desktop.qt.lock import untitled_key

    path = tmp_path / "报告.govopen"
    expected = hashlib.sha1(os.path.normcase(str(path.resolve())).encode("utf-8")).hexdigest()[:16]
    assert key_for_path(path) == f"doc-{expected}"
    keys = {untitled_key() for _ in range(20)}
    assert len(keys) == 20 and all(re.fullmatch(r"untitled-[0-9a-f]{12}", k) for k in keys)
