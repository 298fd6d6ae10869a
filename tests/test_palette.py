"""The level colours have one home (qt/palette.py): no other Qt module or the help page writes them."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.qt.palette import BALLOON_BORDER, LEVEL_BG, LEVEL_BORDER, LEVEL_MARK, LEVEL_TEXT, OK_TEXT

REPO = Path(__file__).resolve().parent.parent


def level_hexes() -> set[str]:
    colours = [*LEVEL_BG.values(), *LEVEL_TEXT.values(), *LEVEL_BORDER.values(), *LEVEL_MARK.values(),
               *BALLOON_BORDER.values(), OK_TEXT]
    return {c.name().lower() for c in colours}


def test_only_the_palette_writes_level_colours() -> None:
    places = [*(REPO / "govopen_desktop" / "qt").glob("*.py"), REPO / "resources" / "help.html"]
    found = [f"{p.name}: {h}" for p in places if p.name != "palette.py"
             for h in level_hexes() if h in p.read_text(encoding="utf-8").lower()]
    assert found == []


def test_the_help_page_shows_the_window_colours() -> None:
    from govopen_desktop.qt.help import help_html

    html = help_html([])
    assert "$level-bg" not in html
    assert all(LEVEL_BG[level].name() in html for level in LEVEL_BG if level.value in ("error", "warning"))
