"""Calendar windows: "the last 12 months" as dates and as ``YYYY-MM`` month keys."""

from __future__ import annotations

import calendar
import datetime

__all__ = ["month_keys", "shift_months"]


def shift_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later (earlier when negative), clamped to the
    month's length (31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def month_keys(day: datetime.date, count: int) -> tuple[str, ...]:
    """The ``count`` calendar months ending with ``day``'s month, as ``YYYY-MM``, oldest first."""
    months = (shift_months(day.replace(day=1), -back) for back in range(count - 1, -1, -1))
    return tuple(f"{month.year:04d}-{month.month:02d}" for month in months)
