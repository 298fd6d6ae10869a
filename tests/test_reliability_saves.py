"""Issue 11, saves: the .bak made in one step and kept when a write fails, stale temporaries
of killed saves removed, read-only targets refused, symlinks followed, the error log in the
per-user data folder; OS errors said in Chinese."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govopen_desktop.cli.common import run_guarded, write_crash_log
from govopen_desktop.domain.errors import GovopenError
from govopen_desktop.domain.report import Report
from govopen_desktop.io import atomic
from govopen_desktop.io.atomic import remove_stale_temporaries, write_bytes_atomic
from govopen_desktop.io.oserrors import describe_os_error
from govopen_desktop.io.project import load_report, save_report
from tests.conftest import REPO
from tests.reliability_tools import ENGLISH_OS_TEXT, has_chinese

SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes, links and locks")


def _report(overview: str = "") -> Report:
    report = load_report(SAMPLE)
    if overview:
        report.set_text("overview", overview)
    return report


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_bak_is_the_previous_version_and_complete(tmp_path: Path) -> None:
    path = tmp_path / "报告.govopen"
    save_report(_report("第一版"), path)
    save_report(_report("第二版"), path)
    save_report(_report("第三版"), path)
    assert load_report(path).text["overview"] == "第三版"
    assert load_report(tmp_path / "报告.govopen.bak").text["overview"] == "第二版"
    assert _temporaries(tmp_path) == []


def test_failed_data_write_keeps_target_and_bak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "报告.govopen"
    save_report(_report("第一版"), path)
    save_report(_report("第二版"), path)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(GovopenError, match="磁盘空间不足") as info:
        save_report(_report("第三版"), path)
    assert "No space" not in str(info.value)
    monkeypatch.undo()
    assert load_report(path).text["overview"] == "第二版"
    assert load_report(tmp_path / "报告.govopen.bak").text["overview"] == "第一版"
    assert _temporaries(tmp_path) == []


def test_failed_backup_copy_keeps_the_previous_bak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk without hard links: the .bak is a copy, staged and renamed; when the copy fails
    (a full disk) the previous .bak stays whole and the save is refused, nothing replaced."""
    path = tmp_path / "报告.govopen"
    save_report(_report("第一版"), path)
    save_report(_report("第二版"), path)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    real_copy = atomic._copy_synced

    def copy_then_full(source: Path, dest: Path) -> None:
        real_copy(source, dest)
        with dest.open("r+b") as handle:
            handle.truncate(100)  # what a full disk leaves of a copy
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "link", no_links)
    monkeypatch.setattr(atomic, "_copy_synced", copy_then_full)
    with pytest.raises(GovopenError, match="磁盘空间不足"):
        save_report(_report("第三版"), path)
    monkeypatch.undo()
    assert load_report(path).text["overview"] == "第二版"
    assert load_report(tmp_path / "报告.govopen.bak").text["overview"] == "第一版"
    assert _temporaries(tmp_path) == []
    monkeypatch.setattr(atomic.os, "link", no_links)  # the copy path works when space is there
    save_report(_report("第三版"), path)
    assert load_report(tmp_path / "报告.govopen.bak").text["overview"] == "第二版"


@posix_only
def test_stale_temporaries_are_removed_on_the_next_save_live_ones_kept(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "报告.govopen"
    save_report(_report(), path)
    stale = [tmp_path / ".报告.govopen.abcd1234.tmp", tmp_path / ".报告.govopen.abcd1234.bak.tmp",
             tmp_path / ".报告.govopen.zzzz9999.bak.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    live = tmp_path / ".报告.govopen.live0000.tmp"
    live.write_bytes(b"half a save")
    other = tmp_path / ".别的.govopen.abcd1234.tmp"  # another file's: not ours to judge
    other.write_bytes(b"y")
    fd = os.open(live, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a save in progress in another window
        save_report(_report("新"), path)
        assert _temporaries(tmp_path) == sorted([live.name, other.name])
    finally:
        os.close(fd)
    assert remove_stale_temporaries(path) == [live]


@posix_only
def test_read_only_target_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "只读.govopen"
    save_report(_report("原文"), path)
    path.chmod(0o444)
    try:
        with pytest.raises(GovopenError, match="只读") as info:
            save_report(_report("新文"), path)
        assert "只读.govopen" in str(info.value)
        assert load_report(path).text["overview"] == "原文"
        with pytest.raises(GovopenError, match="只读"):  # exports too, as Word does
            from govopen_desktop.io.exporters.output import write_export

            write_export(path, b"data")
    finally:
        path.chmod(0o644)
    assert _temporaries(tmp_path) == []


@posix_only
def test_symlinked_target_updates_the_real_file(tmp_path: Path) -> None:
    real_dir = tmp_path / "真实"
    real_dir.mkdir()
    real = real_dir / "报告.govopen"
    save_report(_report("旧"), real)
    link = tmp_path / "快捷方式.govopen"
    link.symlink_to(real)
    save_report(_report("新"), link)
    assert link.is_symlink()
    assert load_report(real).text["overview"] == "新"
    assert load_report(real_dir / "报告.govopen.bak").text["overview"] == "旧"
    assert not (tmp_path / "快捷方式.govopen.bak").exists()
    assert _temporaries(tmp_path) == [] and _temporaries(real_dir) == []


@posix_only
def test_symlink_loop_is_said_in_chinese(tmp_path: Path) -> None:
    a, b = tmp_path / "a.govopen", tmp_path / "b.govopen"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(GovopenError) as info:
        save_report(_report(), a)
    assert "循环" in str(info.value) and "Too many" not in str(info.value)
    assert a.is_symlink() and b.is_symlink()
    with pytest.raises(GovopenError, match="循环"):
        load_report(a)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ELOOP, errno.ENOSPC, errno.EACCES, errno.EIO, errno.ENOENT,
                                  errno.ENAMETOOLONG, errno.EXDEV, errno.EBUSY, errno.EMFILE, 9999])
def test_os_errors_in_chinese(code: int) -> None:
    text = describe_os_error(OSError(code, os.strerror(code) if code != 9999 else "Weird error"))
    assert has_chinese(text)
    assert not any(raw in text for raw in ENGLISH_OS_TEXT) and "Weird" not in text


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0, reason="mounts a small tmpfs: Linux as root")
def test_real_full_disk_and_read_only_file_system(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "disk", "512k") as disk:
        path = disk / "报告.govopen"
        save_report(_report("第一版"), path)
        save_report(_report("第二版"), path)
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        with pytest.raises(GovopenError, match="磁盘空间不足"):
            save_report(_report("第三版" + "很长的文字" * 20_000), path)
        assert load_report(path).text["overview"] == "第二版"
        assert load_report(disk / "报告.govopen.bak").text["overview"] == "第一版"
        assert _temporaries(disk) == []
        filler.unlink()
        save_report(_report("第三版"), path)
        assert load_report(disk / "报告.govopen.bak").text["overview"] == "第二版"
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(GovopenError) as info:
            save_report(_report("第四版"), path)
        assert "只读" in str(info.value) and "Read-only" not in str(info.value)


def test_crash_log_in_the_user_data_folder_not_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GOVOPEN_DATA_DIR", str(tmp_path / "data"))

    def bug() -> int:
        raise RuntimeError("an internal bug")

    assert run_guarded(bug) == 2
    err = capsys.readouterr().err
    log = tmp_path / "data" / "govopen-error.log"
    assert str(log) in err and "/tmp/govopen-error.log" not in err
    assert "RuntimeError: an internal bug" in log.read_text(encoding="utf-8")
    assert "an internal bug" not in err


@posix_only
def test_crash_log_does_not_follow_a_planted_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVOPEN_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "data" / "govopen-error.log").symlink_to(victim)
    assert write_crash_log("boom") == "（无法写入日志）"
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_library_failure_text_goes_to_the_log_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A .docx whose document part is broken XML: the message says what to do; lxml's own
    words (XMLSyntaxError: Opening and ending tag mismatch) are in the log only."""
    import zipfile

    from govopen_desktop.cli.main import main

    monkeypatch.setenv("GOVOPEN_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "坏的.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p></w:body></w:document>")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "坏的.docx" in err and "另存" in err
    assert "XMLSyntaxError" not in err and "mismatch" not in err
    assert "XMLSyntaxError" in (tmp_path / "data" / "govopen-cli.log").read_text(encoding="utf-8")


def test_write_bytes_atomic_to_a_new_file_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info:
        write_bytes_atomic(tmp_path / "没有" / "x.govopen", b"x")
    assert "不存在" in describe_os_error(info.value)


@posix_only
def test_save_after_a_kill_that_left_the_bak_as_the_target_itself(tmp_path: Path) -> None:
    """Killed between making the .bak and the final rename: .bak and target are one file
    (two hard links). rename() of a link over its twin does nothing; the staged name must not
    stay behind (found by the kill -9 loop)."""
    path = tmp_path / "报告.govopen"
    save_report(_report("第一版"), path)
    bak = tmp_path / "报告.govopen.bak"
    os.link(path, bak)
    save_report(_report("第二版"), path)
    assert load_report(bak).text["overview"] == "第一版"
    assert _temporaries(tmp_path) == []


@pytest.mark.slow
@posix_only
def test_kill_9_during_large_saves(tmp_path: Path) -> None:
    """benchmarks/killsave.py, 25 rounds: target and .bak always load, no temporary is left
    after the next save (`python benchmarks/killsave.py --rounds 200` for the long run)."""
    from benchmarks.killsave import run

    assert run(25, 11, tmp_path) == []
