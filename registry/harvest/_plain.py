"""Records to plain JSON data: dataclasses become objects, tuples lists, datetimes ISO text."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Mapping
from typing import Any

__all__ = ["plain", "plain_object"]


def plain(value: Any) -> Any:
    """``value`` as JSON data; strings lose NUL characters (PostgreSQL's JSONB refuses them)."""
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    raise TypeError(f"no JSON form for {type(value).__name__}")


def plain_object(value: Any, *, without: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """A dataclass as a JSON object without the ``without`` fields; ``None`` stays ``None``."""
    if value is None:
        return None
    data = plain(value)
    assert isinstance(data, dict)
    for name in without:
        data.pop(name, None)
    return data
