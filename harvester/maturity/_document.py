"""Reading the decoded publiccode.yml for the checks: values by key, dates, and evidence.

The document may come from a file with errors, so every value is checked for its type and a
wrong type reads as absent. Evidence names the file and the key; the line is that of the
key's top-level section (``maintenance:`` for ``maintenance.type``), found in the raw text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..records import Evidence
from .facts import Facts

__all__ = ["contract_end", "key_evidence", "value"]

_DEFAULT_PATH = "publiccode.yml"
_MAX_DETAIL = 200


def value(facts: Facts, key: str) -> Any:
    """The value at the dotted ``key`` (``maintenance.type``), None when absent."""
    found: Any = facts.document
    for segment in key.split("."):
        if not isinstance(found, Mapping):
            return None
        found = found.get(segment)
    return found


def key_evidence(facts: Facts, key: str) -> Evidence:
    """publiccode.yml, the line of the key's section where the file shows it, and the value."""
    report = facts.publiccode
    shown = value(facts, key)
    detail = key if shown is None else f"{key}: {shown}"
    return Evidence(
        source="M",
        path=report.path if report else _DEFAULT_PATH,
        line=_top_level_line(report.raw, key.split(".")[0]) if report else None,
        detail=detail[:_MAX_DETAIL],
    )


def contract_end(facts: Facts) -> datetime.date | None:
    """The latest ``until`` of a contract maintenance's contractors, None without one."""
    if value(facts, "maintenance.type") != "contract":
        return None
    return max(_until_dates(value(facts, "maintenance.contractors")), default=None)


def _until_dates(contractors: Any) -> Iterator[datetime.date]:
    if not isinstance(contractors, list):
        return
    for contractor in contractors:
        until = contractor.get("until") if isinstance(contractor, Mapping) else None
        try:
            yield datetime.date.fromisoformat(str(until))
        except ValueError:
            continue


def _top_level_line(raw: str, key: str) -> int | None:
    pattern = rf"^(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')[ \t]*:"
    match = re.search(pattern, raw, re.MULTILINE)
    return raw.count("\n", 0, match.start()) + 1 if match else None
