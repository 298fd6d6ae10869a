"""Files to measure on, in the shapes reports reach a reviewing office: the real published
reports of ../shared/real-reports, the seed reports written in every layout the import tests
use (tables in other spellings, merged or collapsed Word tables, web pages, text copied from
a PDF), the .xls fixtures saved by LibreOffice, .xlsx saved by LibreOffice, and our own
project files and exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

from benchmarks.common import REPO, SHARED

REAL = SHARED / "real-reports"
SEEDS_EXPECTED = SHARED / "fixtures" / "seeds-expected"
SAMPLE = REPO / "resources" / "sample" / "sample-2024.govopen"
FIXTURES = REPO / "tests" / "data" / "import"
REAL_FILES = ("shuyang-fgj-2023.html", "kewei-2024.md.txt", "huaian-2024.pdftotext.txt",
              "huaian-2024.pdftotext-layout.txt", "govnianbao-template.docx")
# not huaian-2024.pdf: how a PDF is read is bench_import_pdf's; here it would only time the refusal


def distinct_files(folder: Path) -> list[Path]:
    """One file of each shape for each seed and the sample; written into `folder`."""
    import sys

    sys.path.insert(0, str(REPO))
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.project import load_report, save_report
    from tests.test_import_builders import WRITERS, Expected, expected_from

    out: list[Path] = []
    sample = load_report(SAMPLE)
    expected = {"sample": Expected(sample.meta.to_dict(), dict(sample.cells), dict(sample.text))}
    for path in sorted(SEEDS_EXPECTED.glob("*.json")):
        expected[path.stem] = expected_from(json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal))
    for name, exp in expected.items():
        for layout, write in WRITERS.items():
            target = folder / f"{name}-{layout}"
            write(exp, target)
            out.append(target)
    for name in ("sample",):  # our own files
        out.append(folder / f"{name}.govopen")
        save_report(sample, out[-1])
        export_docx(sample, folder / f"{name}-export.docx")
        export_xlsx(sample, folder / f"{name}-export.xlsx")
        out += [folder / f"{name}-export.docx", folder / f"{name}-export.xlsx"]
    out.append(folder / "damaged.docx")  # a file cut short in a mail: a result, not a crash
    out[-1].write_bytes((folder / "sample-export.docx").read_bytes()[:3000])
    for src in [*sorted(FIXTURES.glob("*.xls")), *office_xlsx(), *(REAL / n for n in REAL_FILES)]:
        if src.exists():
            out.append(folder / src.name)
            shutil.copyfile(src, out[-1])
    return out


def office_xlsx() -> list[Path]:
    """The .xls fixtures as .xlsx saved by LibreOffice (shared strings, styles, cached values as
    a spreadsheet program writes them); committed beside them by tests/data/import/make_xls.py."""
    return sorted(FIXTURES.glob("*.xlsx"))


def batch(folder: Path, count: int) -> list[Path]:
    """`count` files cycling through the distinct shapes, each under its own name."""
    (folder / "shapes").mkdir(parents=True, exist_ok=True)
    shapes = distinct_files(folder / "shapes")
    files = []
    for i in range(count):
        src = shapes[i % len(shapes)]
        files.append(folder / f"{i:05d}-{src.name}")
        shutil.copyfile(src, files[-1])
    return files


def soffice_convert(src: Path, to: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", to, "--outdir", str(outdir), str(src)], check=True, capture_output=True)
    return outdir / f"{src.stem}.{to}"
