"""The window and the command line know no official format: no format id, table id, row or
column id or printed row/column name of templates/formats/*.json is written in their code
(comments and docstrings aside). They read it from the format files."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LAYERS = ("govopen_desktop/qt", "govopen_desktop/cli")
# words that are also ids in a format file but mean something else where they are written
ALLOWED = {
    ("cmd_import.py", "problems"),  # the import problems in the JSON output, not section 五
    ("cmd_register.py", "problems"),  # the same in `govopen register --json`
    ("prior_text.py", "2019"),  # 《条例》2019年修订: the regulation's revision, not a format
}


def format_vocabulary() -> tuple[set[str], set[str], set[str]]:
    """(format ids, ids of sections/tables/rows/columns, printed labels) of every format file."""
    formats, ids, labels = set(), set(), set()
    for path in (REPO / "templates" / "formats").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        formats.add(data["id"])
        ids.update(s["id"] for s in data["sections"])
        for table in data["tables"]:
            ids.add(table["id"])
            for col in table.get("value_columns", []):
                ids.add(col["id"])
                labels.add(col["label"])
            for row in table["rows"]:
                entries = row.get("labels", []) if isinstance(row, dict) else row
                if isinstance(row, dict):
                    ids.add(row["row"])
                for entry in entries:
                    if "key" in entry:
                        ids.update(entry["key"].split("."))
                    elif entry.get("role", "label") == "label":
                        labels.add(entry["text"])
    return formats, ids, {label for label in labels if len(label) >= 4}


def string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def mentions(text: str, formats: set[str], ids: set[str], labels: set[str]) -> set[str]:
    found = {f for f in formats if re.search(rf"(?<!\d){f}(?!\d)", text)}
    found |= {i for i in ids if text == i or re.search(rf"(?<![\w.]){re.escape(i)}\.|\.{re.escape(i)}(?!\w)", text)}
    return found | {label for label in labels if label in text}


def test_vocabulary_is_read() -> None:
    formats, ids, labels = format_vocabulary()
    assert {"2019", "2021"} <= formats and {"t3", "carried_in", "natural"} <= ids
    assert "（一）予以公开" in labels and mentions('"t3.new.total"', formats, ids, labels)


def test_no_format_names_in_the_window_or_the_command_line() -> None:
    formats, ids, labels = format_vocabulary()
    # generic words that are also ids (a t3 row "new", a 2019 column "prior"): only as part of a key
    generic = {"new", "prior", "amount", "total", "other", "cover"}
    found = []
    for layer in LAYERS:
        for path in sorted((REPO / layer).glob("*.py")):
            for line, text in string_literals(path):
                hits = mentions(text, formats, ids - ({text} & generic), labels)
                hits = {h for h in hits if (path.name, h) not in ALLOWED}
                if hits:
                    found.append(f"{path.relative_to(REPO)}:{line}: {text[:50]!r} names {sorted(hits)}")
    assert found == []
