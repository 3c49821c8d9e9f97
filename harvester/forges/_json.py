"""Values read from a forge's JSON answer, which is untrusted: a wrong type reads as unknown.

A self-hosted forge can answer anything. Each reader returns the value when it has the expected
type and ``None`` otherwise, so a strange answer makes a field unknown instead of crashing the
harvest; texts are cut to a bound.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

__all__ = ["flag", "integer", "mapping", "text", "timestamp"]

_MAX_TEXT = 2000


def text(data: Mapping[str, Any], key: str, limit: int = _MAX_TEXT) -> str | None:
    value = data.get(key)
    return value[:limit] if isinstance(value, str) else None


def integer(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def flag(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    return value if isinstance(value, bool) else None


def mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = data.get(key)
    return value if isinstance(value, Mapping) else None


def timestamp(data: Mapping[str, Any], key: str) -> datetime.datetime | None:
    """An ISO 8601 date-time as a UTC datetime (a time without zone is taken as UTC)."""
    value = text(data, key, limit=64)
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)
