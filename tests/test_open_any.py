"""Opening any file: project files by content, everything else through the importer;
the command line survives a reader that goes away."""

from __future__ import annotations

from pathlib import Path

from govopen_desktop.io.project import load_report


def test_workbook_renamed_to_govopen_still_opens(tmp_path: Path, sample_path: Path) -> None:
    """open_any decides by content: a spreadsheet named .govopen goes to the importer."""
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.open_any import open_any

    workbook = tmp_path / "上年报表.govopen"
    export_xlsx(load_report(sample_path), workbook)
    opened = open_any(workbook)
    assert opened.imported and opened.report.get("t3.new.total") == 54


def test_closed_pipe_is_not_an_internal_error(sample_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "govopen_desktop.cli.main", "import", str(sample_path), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert "内部错误" not in err and "Traceback" not in err
