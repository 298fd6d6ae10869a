"""`govopen gui` on a Linux desktop without the libraries Qt's xcb plugin needs: a Chinese
message naming them and the one apt-get command, instead of Qt's abort."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govopen_desktop.cli import cmd_gui
from govopen_desktop.cli.main import main

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd6b5f2000)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c9c800000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c9c400000)
"""

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux only")


def test_missing_libraries_are_read_from_ldd_and_named_by_package() -> None:
    missing = cmd_gui.missing_libraries(LDD_OUTPUT)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    assert [cmd_gui.package_for(m) for m in missing] == ["libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"]
    assert cmd_gui.package_for("libxcb-foo.so.2") == "libxcb-foo2"  # the usual Debian naming


@pytest.fixture
def plugin_missing_a_library(tmp_path: Path) -> Path:
    """A real shared object needing two libraries that exist nowhere (as libxcb-cursor0 on a fresh desktop)."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None or shutil.which("ldd") is None:
        pytest.skip("needs a C compiler and ldd to build a plugin with a missing dependency")
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (tmp_path / "s.c").write_text("int stub(void) { return 0; }\n", encoding="utf-8")
    for soname in ("libxcb-nowhere.so.1", "libgovopen-nowhere.so.3"):
        subprocess.run([gcc, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", str(stubs / soname),
                        str(tmp_path / "s.c")], check=True)
    plugin = tmp_path / "libqxcb.so"
    subprocess.run([gcc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "s.c"), "-Wl,--no-as-needed",
                    str(stubs / "libxcb-nowhere.so.1"), str(stubs / "libgovopen-nowhere.so.3")], check=True)
    shutil.rmtree(stubs)  # now the plugin's dependencies are gone, as on a fresh desktop
    return plugin


def test_gui_says_which_libraries_are_missing_and_how_to_install(
    plugin_missing_a_library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISPLAY", ":77")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(cmd_gui, "xcb_plugin", lambda: plugin_missing_a_library)
    problem = cmd_gui.xcb_problem()
    assert problem is not None
    assert "libxcb-nowhere.so.1" in problem and "libgovopen-nowhere.so.3" in problem
    assert "sudo apt-get install -y libgovopen-nowhere3 libxcb-nowhere1" in problem
    code = main(["gui"])
    assert code != 0
    err = capsys.readouterr().err
    assert "缺少图形界面" in err and "sudo apt-get install -y" in err and "Traceback" not in err


def test_no_message_when_the_plugin_loads_or_another_platform_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":77")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cmd_gui.xcb_problem() is None  # not xcb: nothing to check
    monkeypatch.delenv("QT_QPA_PLATFORM")
    plugin = cmd_gui.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    expected_missing = cmd_gui.missing_libraries(ldd)
    problem = cmd_gui.xcb_problem()
    assert (problem is None) == (not expected_missing)
