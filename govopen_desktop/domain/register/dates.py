"""Dates as registers write them: real date cells, 2025-03-04, 2025/3/4, 2025.3.4,
2025年3月4日, 20250304, with or without a time, and Excel serial numbers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug absorbed)
# Serial numbers taken as dates: 1955 to 2119; anything else is not a date of a register.
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000

_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T\s]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?$"  # a time after the date
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


class DateError(ValueError):
    """A written value that is not a date."""


def parse_date(raw: object) -> dt.date | None:
    """A date from a register cell; None for an empty cell; DateError for anything else."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        raise DateError(str(raw))
    if isinstance(raw, int | float):
        return _from_serial(float(raw), str(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text or text in ("-", "—", "/", "无"):
        return None
    m = _YMD.match(text) or _COMPACT.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise DateError(text) from exc
    if _SERIAL.match(text):
        return _from_serial(float(text), text)
    raise DateError(text)


def _from_serial(serial: float, text: str) -> dt.date:
    if not _SERIAL_MIN <= serial < _SERIAL_MAX:
        raise DateError(text)
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def shown_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
