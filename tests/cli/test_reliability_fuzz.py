"""Issue 11, fuzzing: seeded mutations of real inputs — the sample project file (as text and as
valid JSON of the wrong shape), its Word and Excel exports, a web page built from the Word
export, an Excel 97-2003 workbook — through `import`, `check` and
`export`. Whatever the mutation: an exit status 0, 1 or 2; on 2 a Chinese message naming the
file; never a traceback or an internal error; each command within 2 s. Bounded to well under
a minute (GOVOPEN_FUZZ_CASES and GOVOPEN_FUZZ_SEED for a longer or another run)."""

from __future__ import annotations

import io
import os
import random
import time
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from govopen_desktop.cli.main import main
from tests.support.paths import REPO, SAMPLE
from tests.support.reliability import TIME_LIMIT, assert_plain_chinese

CASES_PER_KIND = int(os.environ.get("GOVOPEN_FUZZ_CASES", "40"))
SEED = int(os.environ.get("GOVOPEN_FUZZ_SEED", "11"))

HOSTILE_TEXT = [
    "1e-400000000", "1E+999999999", "9" * 5000, "-1", "NaN", "Infinity", "1.00000000000000000000001", "null",
    "true", '"abc"', "[" * 3000, "{" * 500, '"\\ud800"', "\x00", "\ufeff", "0x10", "１２３", "1,234",
    '{"prior": ', '"schema": "govopen-report/2", ', "]]]]", "\\", '"' * 7,
]
HOSTILE_MARKUP = [
    '<!DOCTYPE x [<!ENTITY a "bbbbbbbb">]>', "<!--" + "c" * 6000 + "-->", "<table>" * 60, "</table>" * 60,
    '<td rowspan="99999999" colspan="99999">', "&#0;", "&#x110000;", "&nbsp;" * 50, "<![CDATA[x]]>",
    "<w:p/>" * 2000, "<row/>" * 3000, '<c r="XFD1048576"><v>1</v></c>', '<meta charset="x-unknown">',
    "\xff\xfe", "<script>" + "x" * 5000, "<", ">", "&", "<?xml version='1.0' encoding='utf-16'?>",
]


def _mutate_text(text: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 3)):
        pos = rnd.randrange(len(text) + 1)
        op = rnd.randrange(5)
        if op == 0:
            text = text[:pos] + rnd.choice(HOSTILE_TEXT + HOSTILE_MARKUP) + text[pos:]
        elif op == 1:
            text = text[:pos] + text[pos + rnd.randint(1, 400):]
        elif op == 2:
            text = text[: rnd.randrange(1, len(text) + 1)]
        elif op == 3:
            piece = text[pos : pos + rnd.randint(1, 2000)]
            text = text[:pos] + piece * rnd.randint(2, 20) + text[pos:]
        else:
            numbers = [i for i, ch in enumerate(text) if ch.isdigit()]
            if numbers:
                i = rnd.choice(numbers)
                text = text[:i] + rnd.choice(HOSTILE_TEXT) + text[i + 1 :]
    return text


HOSTILE_VALUES: list[object] = [
    None, True, 0, -1, 2024.5, 10**40, "", "x" * 100_000, [], {}, [1, [2, [3]]], {"a": {"b": {}}},
    "2024-13-45", "9999", "govopen-report/9", {"published": "-5"}, {"published": 5}, ["t3.new.natural"],
    {"schema": "govopen-report/1"}, "1e-400000000", "NaN", "\u0000", "\ud800", "a\x0bb", "１２", "﻿",
]


def _mutate_shape(data: bytes, rnd: random.Random) -> bytes:
    """Valid JSON of the wrong shape: a random place of the project given a hostile value."""
    import copy
    import json

    payload = json.loads(data)
    for _ in range(rnd.randint(1, 3)):
        node = payload
        while isinstance(node, dict) and node and rnd.random() < 0.7:
            key = rnd.choice(list(node))
            if not isinstance(node[key], dict) or rnd.random() < 0.3:
                node[key] = copy.deepcopy(rnd.choice(HOSTILE_VALUES))
                break
            node = node[key]
        else:
            if isinstance(node, dict):
                node[rnd.choice(["schema", "meta", "cells", "text", "prior", "accepted", "extra"])] = (
                    copy.deepcopy(rnd.choice(HOSTILE_VALUES)))
    text = json.dumps(payload, ensure_ascii=rnd.random() < 0.5, sort_keys=rnd.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


def _mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    buf = bytearray(data)
    if rnd.random() < 0.3:
        return bytes(buf[: rnd.randrange(1, len(buf))])
    for _ in range(rnd.randint(1, 20)):
        buf[rnd.randrange(len(buf))] = rnd.randrange(256)
    return bytes(buf)


def _mutate_zip(data: bytes, rnd: random.Random) -> bytes:
    """Member-level damage: what a broken writer, a crafted file or a bad copy produces."""
    if rnd.random() < 0.25:
        return _mutate_bytes(data, rnd)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    names = list(members)
    name = rnd.choice(names)
    op = rnd.randrange(6)
    if op == 0:
        del members[name]
    elif op == 1:
        members[name.replace(".xml", ".bin") if rnd.random() < 0.5 else "x/" + name] = members.pop(name)
    elif op == 2:
        members[name] = _mutate_text(members[name].decode("utf-8", "replace"), rnd).encode("utf-8", "replace")
    elif op == 3:
        members[name] = members[name][: rnd.randrange(len(members[name]) + 1)]
    elif op == 4:
        members[name] = rnd.choice(HOSTILE_MARKUP).encode("utf-8", "replace") + members[name]
    else:
        members[name] = _mutate_bytes(members[name] or b"x", rnd)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, content in members.items():
            zf.writestr(n, content)
    return out.getvalue()


def _html_from_docx(path: Path) -> str:
    """A web page as a CMS publishes the report: paragraphs and the tables, row by row."""
    from govopen_desktop.io.importers.readers.docx import read_docx

    parts = ['<html><head><meta charset="utf-8"><title>年度报告</title></head><body>']
    in_table = False
    for row in read_docx(path, path.name).rows:
        if row.is_table != in_table:
            parts.append("<table border='1'>" if row.is_table else "</table>")
            in_table = row.is_table
        if row.is_table:
            parts.append("<tr>" + "".join(f"<td>{escape(c.text)}</td>" for c in row.cells) + "</tr>")
        else:
            parts.append(f"<p>{escape(row.cells[0].text)}</p>")
    parts.append("</table></body></html>" if in_table else "</body></html>")
    return "".join(parts)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from govopen_desktop.io.exporters.docx_export import export_docx
    from govopen_desktop.io.exporters.xlsx_export import export_xlsx
    from govopen_desktop.io.project import load_report

    folder = tmp_path_factory.mktemp("fuzz-sources")
    report = load_report(SAMPLE)
    export_docx(report, folder / "r.docx")
    export_xlsx(report, folder / "r.xlsx")
    return {
        "govopen": SAMPLE.read_bytes(),
        "shape.govopen": SAMPLE.read_bytes(),
        "docx": (folder / "r.docx").read_bytes(),
        "xlsx": (folder / "r.xlsx").read_bytes(),
        "html": _html_from_docx(folder / "r.docx").encode("utf-8"),
        "xls": (REPO / "tests" / "data" / "import" / "sample-2024-stacked.xls").read_bytes(),
    }


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "govopen": lambda d, r: _mutate_text(d.decode("utf-8"), r).encode("utf-8", "surrogatepass"),
    "shape.govopen": _mutate_shape,
    "html": lambda d, r: _mutate_text(d.decode("utf-8"), r).encode("utf-8", "surrogatepass"),
    "docx": _mutate_zip,
    "xlsx": _mutate_zip,
    "xls": _mutate_bytes,
}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    code = main(args)
    seconds = time.perf_counter() - started
    return code, capsys.readouterr().err, seconds


@pytest.mark.parametrize("kind", list(MUTATORS))
def test_mutated_inputs_never_crash(kind: str, sources: dict[str, bytes], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_desktop.io.importers.readers import convert

    # a damaged .xls that xlrd cannot read goes to LibreOffice where installed: its seconds
    # are LibreOffice's and differ by machine; here the message asking to save as .xlsx
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    rnd = random.Random(f"{SEED}-{kind}")
    began = time.perf_counter()
    outcomes: dict[int, int] = {}
    for i in range(CASES_PER_KIND):
        name = f"变异{i:03d}.{kind}"
        path = tmp_path / name
        path.write_bytes(MUTATORS[kind](sources[kind], rnd))
        for args in (["import", str(path), "--json"], ["check", str(path)],
                     ["export", str(path), "--docx", str(tmp_path / f"out{i}.docx")]):
            code, err, seconds = _run(args, capsys)
            case = f"{args[0]} {name} (seed {SEED}, case {i})"
            assert code in (0, 1, 2), case
            assert seconds < TIME_LIMIT, f"{case}: {seconds:.2f} s"
            assert "Traceback" not in err and "内部错误" not in err, f"{case}: {err}"
            if code == 2:
                assert err.startswith("错误："), f"{case}: {err}"
                assert_plain_chinese(err, name)
            outcomes[code] = outcomes.get(code, 0) + 1
    assert time.perf_counter() - began < 60 / len(MUTATORS) * max(1, CASES_PER_KIND / 40)  # suite: < 1 min
    assert 2 in outcomes  # the mutations do break files: the test sees refusals, not only successes
