"""What an import could not read, said in Chinese."""

from __future__ import annotations

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


class ImportFailed(GovopenError):
    """A file that cannot be used as a report; the message names the file."""
