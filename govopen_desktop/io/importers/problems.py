"""What an import could not read, said in Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govopen_desktop.domain.errors import GovopenError


@dataclass
class ImportProblem:
    message: str  # Chinese: what could not be read and why
    key: str | None = None  # canonical cell key, when it concerns a cell
    place: str | None = None  # file / sheet / table / cell address, e.g. "表三 第5行"

    def describe(self) -> str:
        where = f"［{self.place}］" if self.place else ""
        key = f"（{self.key}）" if self.key else ""
        return f"{where}{self.message}{key}"

    def to_json(self) -> dict[str, str | None]:
        return {"key": self.key, "place": self.place, "message": self.message}


GROUP_FROM = 3  # problems of one row saying the same thing: listed as one line from this many


def describe_grouped(problems: Sequence[ImportProblem]) -> list[str]:
    """The problems as lines to read: a run of problems at one place that say the same thing
    of each cell left empty (没有找到“（一）予以公开”这一行，“…自然人”留空。, once per column) is one
    line, so a cut-off page gives a screen, not 176 lines. The problems themselves stay per cell."""
    lines: list[str] = []
    i = 0
    while i < len(problems):
        first = problems[i]
        head = _shared_head(first)
        j = i + 1
        while (j < len(problems) and head is not None and problems[j].place == first.place
               and _shared_head(problems[j]) == head):
            j += 1
        if head is not None and j - i >= GROUP_FROM:
            where = f"［{first.place}］" if first.place else ""
            # one row's cells (t3.new.*), or a whole table's (a table published as a picture)
            rows = {(p.key or "").rsplit(".", 1)[0] for p in problems[i:j]}
            lines.append(f"{where}{head}，{'该行' if len(rows) == 1 else '共'} {j - i} 格留空（{first.key} 等）。")
        else:
            lines.extend(p.describe() for p in problems[i:j])
        i = j
    return lines


def _shared_head(problem: ImportProblem) -> str | None:
    """What a problem about one cell left empty says before naming the cell, or None."""
    # the cell's name is the last “…” (a label may hold "，" itself: （区分处理的，只计这一情形）)
    head, sep, _cell = problem.message.rpartition("，“")
    return head if sep and problem.key and problem.message.endswith("”留空。") else None


class ImportFailed(GovopenError):
    """A file that cannot be used as a report; the message names the file."""
