"""Reading untrusted JSON answers: a wrong type reads as unknown."""

from __future__ import annotations

import datetime

import pytest

from harvester.forges._json import flag, integer, mapping, text, timestamp

UTC = datetime.UTC


def test_reads_values_of_the_expected_type() -> None:
    data = {"name": "app", "stars": 3, "archived": True, "parent": {"id": 1}}
    assert (
        text(data, "name"),
        integer(data, "stars"),
        flag(data, "archived"),
        mapping(data, "parent"),
    ) == (
        "app",
        3,
        True,
        {"id": 1},
    )


def test_reads_values_of_another_type_as_unknown() -> None:
    data = {"name": 7, "stars": True, "archived": "ja", "parent": ["x"]}
    assert (
        text(data, "name"),
        integer(data, "stars"),
        flag(data, "archived"),
        mapping(data, "parent"),
    ) == (
        None,
        None,
        None,
        None,
    )


def test_cuts_long_texts() -> None:
    assert text({"description": "x" * 5000}, "description") == "x" * 2000


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        ("2024-05-02T14:03:10Z", datetime.datetime(2024, 5, 2, 14, 3, 10, tzinfo=UTC)),
        ("2024-05-02T16:03:10+02:00", datetime.datetime(2024, 5, 2, 14, 3, 10, tzinfo=UTC)),
        ("2024-05-02T14:03:10.123Z", datetime.datetime(2024, 5, 2, 14, 3, 10, 123000, tzinfo=UTC)),
        ("2024-05-02T14:03:10", datetime.datetime(2024, 5, 2, 14, 3, 10, tzinfo=UTC)),
        ("gestern", None),
        ("", None),
    ],
)
def test_reads_timestamps_as_utc(value: str, moment: datetime.datetime | None) -> None:
    assert timestamp({"at": value}, "at") == moment
