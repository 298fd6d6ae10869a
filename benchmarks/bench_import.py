"""Importing a report against the bare library load of the same file: .xlsx against openpyxl's
`load_workbook`, .xls against xlrd's open, .docx against `docx.Document`. Each row times the
whole set of files of its kind — workbooks saved by LibreOffice, the import tests' layouts,
our own export, the real blank template — so no one layout decides."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Row, interleaved

RUNS = 15
# the .xls set is a few milliseconds a round: more rounds, so a busy moment on the machine
# moves its median less (the others take ~0.2 s a round)
RUNS_OF = {".xls": 45}
GOALS = {".xlsx": 0.6, ".xls": 1.3, ".docx": 1.3}


def bare_loaders() -> dict[str, Callable[[Path], object]]:
    import docx
    import openpyxl
    import xlrd

    return {
        ".xlsx": lambda p: openpyxl.load_workbook(p, data_only=True),
        ".xls": lambda p: xlrd.open_workbook(str(p), formatting_info=True),
        ".docx": lambda p: docx.Document(str(p)),
    }


def rows() -> list[Row]:
    from benchmarks.corpus import distinct_files
    from govopen_desktop.io.importers import import_file

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        files = distinct_files(Path(tmp))
        for suffix, bare in bare_loaders().items():
            group = [p for p in files if p.suffix == suffix and p.name != "damaged.docx"]

            def full(group: list[Path] = group) -> None:
                for p in group:
                    import_file(p)

            def base(group: list[Path] = group, bare: Callable[[Path], object] = bare) -> None:
                for p in group:
                    bare(p)

            runs = RUNS_OF.get(suffix, RUNS)
            now, baseline = interleaved([full, base], runs, warmup=3)
            out.append(Row(f"{suffix} import vs bare load ({len(group)} files)", now, baseline, GOALS[suffix],
                           note=f"medians of {runs}"))
    return out
