"""Regenerate the .xls fixtures of this folder (run once by hand; needs LibreOffice).

The tests never convert anything: xlwt is not available, so the .xls files are produced here
from .xlsx files the builders write, and committed.

    .venv/bin/python tests/data/import/make_xls.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from govopen_desktop.io.project import load_report  # noqa: E402
from tests.support.import_builders import Expected, write_xlsx_stacked, write_xlsx_three_sheets  # noqa: E402

SEEDS = REPO.parent / "shared" / "fixtures" / "seeds-expected"


def sample() -> Expected:
    report = load_report(REPO / "resources" / "sample" / "sample-2024.govopen")
    return Expected(report.meta.to_dict(), dict(report.cells), dict(report.text))


def seed(name: str) -> Expected:
    data = json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"), parse_float=Decimal)
    return Expected(data["meta"], data["cells"], data["text"])


def main() -> None:
    targets = {
        "sample-2024-stacked": (sample, write_xlsx_stacked),
        "001_fb2a13aa5693ffc1-three-sheets": (lambda: seed("001_fb2a13aa5693ffc1"), write_xlsx_three_sheets),
        "004_75afd8928d84c447-stacked": (lambda: seed("004_75afd8928d84c447"), write_xlsx_stacked),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (load, write) in targets.items():
            xlsx = Path(tmp) / f"{name}.xlsx"
            write(load(), xlsx)
            profile = Path(tmp) / "profile"
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--convert-to", "xls", "--outdir", tmp, str(xlsx)], check=True, capture_output=True)
            shutil.copyfile(Path(tmp) / f"{name}.xls", HERE / f"{name}.xls")
            print("wrote", HERE / f"{name}.xls")
        # odd cells (dates, booleans, an error, a hidden sheet, merges) and our own export with
        # its hidden data sheet, as Excel 97-2003: the two .xls readers are compared on them
        export = Path(tmp) / "sample-export.xlsx"
        from govopen_desktop.io.exporters.xlsx_export import export_xlsx

        export_xlsx(load_report(REPO / "resources" / "sample" / "sample-2024.govopen"), export)
        for xlsx in (HERE / "odd-cells.xlsx", export):
            profile = Path(tmp) / "profile"
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--convert-to", "xls", "--outdir", tmp, str(xlsx)], check=True, capture_output=True)
            shutil.copyfile(Path(tmp) / f"{xlsx.stem}.xls", HERE / f"{xlsx.stem}.xls")
            print("wrote", HERE / f"{xlsx.stem}.xls")


if __name__ == "__main__":
    main()
