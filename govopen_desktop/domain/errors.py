"""Errors whose message is a Chinese sentence a clerk can act on."""

from __future__ import annotations


class GovopenError(Exception):
    """Base of every error shown to a user; `str(err)` is the Chinese message."""


class FormatError(GovopenError):
    """A format description in templates/ is missing or malformed (a packaging fault)."""


class ValueInputError(GovopenError, ValueError):
    """A value typed or read for a cell is not acceptable for that cell's kind."""


class UnknownCellError(GovopenError, KeyError):
    """A cell key that the report's format does not have."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
