"""Working days by the official holiday calendar (国务院办公厅 each year's 放假安排: holidays
off, make-up working days on), from the `chinese-calendar` package."""

from __future__ import annotations

import datetime as dt
from functools import cache

import chinese_calendar


class CalendarYearMissing(LookupError):
    """The calendar has no data for this year (announced each December for the next)."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year


@cache
def calendar_years() -> tuple[int, int]:
    """First and last year the installed calendar has official data for."""
    holidays = chinese_calendar.constants.holidays
    return min(holidays).year, max(holidays).year


@cache
def is_working_day(day: dt.date) -> bool:
    first, last = calendar_years()
    if not first <= day.year <= last:
        raise CalendarYearMissing(day.year)
    return bool(chinese_calendar.is_workday(day))


@cache
def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (the day itself is not counted, as 民法典
    第二百零一条 counts a period from the next day)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
