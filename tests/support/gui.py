"""Helpers for the window tests: the fake prompter, a window on a report, small reports.
The fixtures built on them (gui_env, prompter, window) are in the Qt tests' conftest.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_desktop.domain.report import Report
from tests.support.paths import SAMPLE


@dataclass
class FakePrompter:
    """Answers every dialog from its fields and records what was asked."""

    open_path: Path | None = None
    open_paths: list[Path] = field(default_factory=list)  # several files chosen together
    save_path: Path | None = None
    confirm_answer: bool = True
    save_discard_cancel: str = "discard"
    new_request: Any = None
    text_answer: str | None = None
    note_answer: str | None = None  # the 说明 typed into the note dialog
    choice_answer: int | None = None  # index of the button clicked in ask_choice (None: closed)
    asked: list[tuple[str, str]] = field(default_factory=list)
    problems: list[list[str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    suggested: list[Path] = field(default_factory=list)  # what each save dialog proposed
    cell_opener: Any = None  # the last import problem list's way to a cell (None: not offered)

    def ask_open_path(self, title: str, start: Path, file_filter: str = "") -> Path | None:
        self.asked.append(("open", title))
        return self.open_path

    def ask_open_paths(self, title: str, start: Path, file_filter: str = "") -> list[Path]:
        """The files chosen together: `open_paths`, else the one `open_path`."""
        self.asked.append(("open", title))
        return list(self.open_paths) if self.open_paths else [self.open_path] if self.open_path else []

    def ask_save_path(self, title: str, suggested: Path, file_filter: str = "") -> Path | None:
        self.asked.append(("save", title))
        self.suggested.append(suggested)
        return self.save_path

    def confirm(self, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
        self.asked.append(("confirm", text))
        return self.confirm_answer

    def ask_save_discard_cancel(self, title: str, text: str) -> str:
        self.asked.append(("save_discard_cancel", text))
        return self.save_discard_cancel

    def ask_new_report(self, agency: str, prior_path: Path | None = None) -> Any:
        self.asked.append(("new", agency if prior_path is None else f"{agency}|{prior_path}"))
        return self.new_request

    def ask_text(self, title: str, intro: str) -> str | None:
        self.asked.append(("text", title))
        return self.text_answer

    def ask_note(self, finding: Any, note: str = "") -> str | None:
        self.asked.append(("note", finding.message))
        return self.note_answer

    def ask_choice(self, title: str, text: str, choices: list[str]) -> int | None:
        self.asked.append(("choice", text + "\n[" + "|".join(choices) + "]"))
        return self.choice_answer

    def show_problems(self, title: str, intro: str, problems: list[str]) -> None:
        self.problems.append(list(problems))

    def show_import_problems(self, title: str, intro: str, problems: list[Any], go_to: Any = None) -> None:
        self.show_problems(title, intro, [p.describe() for p in problems])
        self.cell_opener = go_to

    def show_error(self, title: str, text: str) -> None:
        self.errors.append(text)

    def show_info(self, title: str, text: str) -> None:
        self.asked.append(("info", text))


def sample_report() -> Report:
    if SAMPLE.exists():
        from govopen_desktop.io.project import load_report

        return load_report(SAMPLE)
    return filled_report()


def filled_report() -> Report:
    """A small consistent 2024 report built in code (independent of the shipped sample)."""
    report = Report.new("测试区政务服务中心", 2024)
    values: dict[str, Any] = {"t3.new.natural": 10, "t3.carried_in.natural": 2, "t3.granted.natural": 9,
                              "t3.carried_out.natural": 3}
    for key in report.format.input_keys:
        if key.startswith(("t2.", "t3.", "t4.")) and key not in values and report.format.fields[key].kind != "unit":
            values[key] = 0
    report.set_values(values)
    return report


def make_window(qtbot: Any, tmp_path: Path, prompter: FakePrompter, report: Report | None = None,
                path: Path | None = None, **kwargs: Any) -> Any:
    from govopen_desktop.qt.app import make_app
    from govopen_desktop.qt.main_window import MainWindow
    from govopen_desktop.qt.settings import Settings

    make_app()
    window = MainWindow(
        report if report is not None else sample_report(),
        path,
        settings=Settings(tmp_path / "data" / "settings.ini"),
        prompter=prompter,  # type: ignore[arg-type]
        recovery_dir=tmp_path / "data" / "recovery",
        **kwargs,
    )
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def table_page(window: Any, table_id: str) -> Any:
    page = window.show_section(table_id)
    return page
