"""Calendar windows for the checks."""

from __future__ import annotations

import datetime

from harvester.maturity._calendar import month_keys, shift_months


def test_shifting_back_keeps_the_day_of_the_month() -> None:
    assert shift_months(datetime.date(2026, 6, 15), -12) == datetime.date(2025, 6, 15)


def test_shifting_clamps_to_the_end_of_a_shorter_month() -> None:
    assert shift_months(datetime.date(2026, 3, 31), -1) == datetime.date(2026, 2, 28)


def test_shifting_forward_crosses_the_year() -> None:
    assert shift_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)


def test_month_keys_end_with_the_days_month_oldest_first() -> None:
    assert month_keys(datetime.date(2026, 2, 10), 3) == ("2025-12", "2026-01", "2026-02")
