"""The window under a seeded "monkey": a few hundred random actions of a clerk per seed, on the
built-in sample, on a blank report and from the start page, through what the clerk can reach (tests/support/monkey.py).
After every action nothing has escaped into Qt, no real dialog was opened, the totals and the
findings are those a fresh computation gives, the editors show the report, and the title's
modified marker agrees with the undo stack; every 40 actions and at the end, undoing every
step gives the report back as loaded and redoing them gives the edits back. A saved file
reopens to the same report. A failure prints the seed and the actions, to replay it.

The autosave timer is set to ten minutes here: a recovery write at a moment the seed does not
decide would make a run depend on the machine's speed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govopen_desktop.domain.drafts import new_report_texts
from govopen_desktop.domain.report import Report
from tests.support.gui import FakePrompter, make_window, sample_report
from tests.support.monkey import Monkey, no_real_dialogs

ACTIONS = int(os.environ.get("GOVOPEN_MONKEY_ACTIONS", "200"))
CHECK_UNDO_EVERY = 40
AUTOSAVE_MS = 600_000


def blank() -> Report:
    """What the window starts with when given no file (main_window.blank_report), for a fixed year."""
    report = Report.new("", 2024)
    report.text.update(new_report_texts(report))
    return report


# where a run starts: the report, and whether the start page shows first (as `govopen gui` starts)
START: dict[str, tuple[Callable[[], Report], bool]] = {
    "sample": (sample_report, False), "blank": (blank, False), "start page": (blank, True)}


def seeds() -> list[tuple[str, int]]:
    """Six fixed seeds; GOVOPEN_MONKEY_SEEDS=7-40 (or 12,19) runs others from every start, to
    look further or to replay a failure."""
    wanted = os.environ.get("GOVOPEN_MONKEY_SEEDS")
    if not wanted:
        return [("sample", 1), ("sample", 2), ("sample", 3), ("blank", 4), ("blank", 5), ("start page", 6)]
    numbers: list[int] = []
    for part in wanted.split(","):
        first, _, last = part.partition("-")
        numbers += list(range(int(first), int(last or first) + 1))
    return [(start, n) for n in numbers for start in START]


@pytest.mark.slow
@pytest.mark.parametrize(("start", "seed"), seeds())
def test_monkey_keeps_the_window_whole(qtbot: Any, gui_env: Path, prompter: FakePrompter,
                                       monkeypatch: pytest.MonkeyPatch, qtlog: Any, start: str, seed: int) -> None:
    make_report, start_page = START[start]
    window = make_window(qtbot, gui_env, prompter, make_report(), autosave_ms=AUTOSAVE_MS, start_page=start_page)
    scratch = gui_env / "saved"
    scratch.mkdir()
    try:
        with no_real_dialogs(monkeypatch) as dialogs, qtbot.capture_exceptions() as exceptions:
            monkey = Monkey(window, qtbot, prompter, scratch, seed, exceptions, dialogs, qtlog)
            monkey.verify()
            for n in range(1, ACTIONS + 1):
                monkey.step()
                monkey.verify()
                if n % CHECK_UNDO_EVERY == 0:
                    monkey.check_undo_all()
            monkey.check_undo_all()
        print(f"seed {seed}: slowest action {monkey.slowest[0] * 1000:.0f} ms: {monkey.slowest[1]}")
    finally:
        window.document.undo_stack.setClean()  # closing must not ask
