"""Tables 3 and 4 counted from the year's case registers (依申请公开台账, 复议诉讼台账)."""

from __future__ import annotations

from collections.abc import Sequence

from govopen_desktop.domain.formats import format_for_year
from govopen_desktop.domain.register.count import RegisterCount, count_register
from govopen_desktop.domain.register.model import Issue, RawSheet, row_list
from govopen_desktop.domain.register.parse import read_register
from govopen_desktop.domain.register.provenance import (
    REGISTER_KEY,
    apply_count,
    register_info,
    register_note,
    register_rows_of,
    register_values,
)
from govopen_desktop.domain.register.vocabulary import Vocabulary, vocabulary


def count_sheets(sheets: Sequence[RawSheet], year: int) -> RegisterCount:
    """Read the register's sheets and count tables 3 and 4 for report year `year`, in the
    format that year's report uses."""
    vocab = vocabulary(format_for_year(year).id)
    return count_register(read_register(sheets, vocab), year, vocab)


__all__ = [
    "REGISTER_KEY",
    "Issue",
    "RawSheet",
    "RegisterCount",
    "Vocabulary",
    "apply_count",
    "count_sheets",
    "register_info",
    "register_note",
    "register_rows_of",
    "register_values",
    "row_list",
    "vocabulary",
]
