"""Old binary formats (.doc, .wps, .et, .odt, .rtf …) through LibreOffice, when installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from govopen_desktop.io.importers.problems import ImportFailed

TIMEOUT_SECONDS = 120
_WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS_PATHS if os.path.isfile(p)), None)


def convert(path: Path, target: str, workdir: Path, label: str) -> Path:
    """`path` converted to `target` (docx or xlsx) in `workdir`; ImportFailed says what to do
    when LibreOffice is missing or fails."""
    soffice = find_soffice()
    save_as = "Word 的 .docx" if target == "docx" else "Excel 的 .xlsx"
    if soffice is None:
        raise ImportFailed(
            f"“{path.name}”是{label}格式，本程序不能直接读取。请在 WPS 或 Office 中打开它，"
            f"“另存为”{save_as} 格式后再导入（安装 LibreOffice 后也可直接导入）。"
        )
    profile = Path(tempfile.mkdtemp(prefix="govopen-lo-"))
    source = workdir / f"source{path.suffix.lower() or '.bin'}"
    shutil.copyfile(path, source)  # a plain ASCII name: LibreOffice mangles some paths
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", str(workdir), str(source)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ImportFailed(
            f"用 LibreOffice 转换“{path.name}”失败"
            f"{f'（超过 {TIMEOUT_SECONDS} 秒未完成）' if isinstance(exc, subprocess.TimeoutExpired) else ''}。"
            f"请另存为{save_as} 格式后再导入。"
        ) from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = workdir / f"source.{target}"
    if not out.is_file() or out.stat().st_size == 0:
        raise ImportFailed(f"LibreOffice 无法转换“{path.name}”（文件可能已损坏）。请另存为{save_as} 格式后再导入。")
    return out
