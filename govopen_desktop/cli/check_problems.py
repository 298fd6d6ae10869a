"""What `check` says about import problems, the same in --json, the text and --summary.

An import problem is something the importer could not read or place (with the cell key where
it concerns one); `check` lists them beside the findings and counts them, so nothing an import
knew is left out of a review."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Problem(Protocol):
    message: str
    key: str | None
    place: str | None


def problems_json(problems: Sequence[Problem]) -> dict[str, Any]:
    """The part of a --json payload about import problems: the list and its count."""
    return {
        "import_problems": [{"key": p.key, "place": p.place, "message": p.message} for p in problems],
        "import_problem_count": len(problems),
    }


def problems_count_text(problems: Sequence[Problem]) -> str:
    """The end of the text's count line: '，导入时有 3 个问题（见上）' or nothing."""
    return f"导入时有 {len(problems)} 处需要核对（见上）。" if problems else ""


def summary_cell(problems: Sequence[Problem]) -> str:
    """The --summary column 导入问题."""
    return str(len(problems))
