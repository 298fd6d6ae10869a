"""Custom item-data roles of the report table model, so views and tests ask for meaning, not positions."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt


class Roles(IntEnum):
    CellKey = Qt.ItemDataRole.UserRole + 1  # canonical key of a value cell, None elsewhere
    CellKind = Qt.ItemDataRole.UserRole + 2  # "input", "derived", "label", "header", "group", "note", "empty"
    Value = Qt.ItemDataRole.UserRole + 3  # the domain value (int, Decimal, str, None)
    Findings = Qt.ItemDataRole.UserRole + 4  # tuple of Finding touching this cell
    Level = Qt.ItemDataRole.UserRole + 5  # worst finding level ("error"/"warning"/"info") or None
    PriorValue = Qt.ItemDataRole.UserRole + 6  # last year's value text, "" when there is none
    Carried = Qt.ItemDataRole.UserRole + 7  # True for cells carried over from last year
