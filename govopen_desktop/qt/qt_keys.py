"""Values of the `Qt` namespace without naming it, for what runs before the first paint.

The first use of anything in PySide6's `Qt` namespace (even `from PySide6.QtCore import Qt`)
builds every one of its ~90 Python enums, 15–24 ms of CPU that a bare window never pays, and
PySide6 takes no plain integer where such an enum is asked for. Qt's property system does:
an enum property is set by its key, as Designer files and style sheets set it, and an item
data role is a plain int in Qt's own API. Code that runs later names `Qt` as usual."""

from __future__ import annotations

from PySide6.QtCore import QObject

PAGE_ROLE = 256  # Qt.ItemDataRole.UserRole: a navigator entry's page id
FINDING_ROLE = 257  # Qt.ItemDataRole.UserRole + 1: a findings-list entry's Finding
PATH_ROLE = 256  # Qt.ItemDataRole.UserRole: a recent-files entry's path


def set_by_key(target: QObject, name: str, keys: str) -> None:
    """Set the enum property `name` of `target` by its key, or keys joined by "|" for flags
    ("Vertical", "AlignRight|AlignVCenter"). A key the property does not know raises, so a
    typo fails at once instead of leaving Qt's default."""
    if not target.setProperty(name, keys):
        raise ValueError(f"{type(target).__name__}.{name} has no key {keys!r}")
