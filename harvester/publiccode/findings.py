"""The result type of validation: one finding about one key."""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["MAX_TEXT", "Finding", "FindingType"]

MAX_TEXT = 2000
"""Longest key or description a finding keeps; longer ones end in an ellipsis."""


class FindingType(enum.StrEnum):
    """What kind of finding: the reference validator's two kinds, plus the profile's."""

    ERROR = "error"
    WARNING = "warning"
    PROFILE = "profile"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one key, placed at a 1-based line and column (0:0 when unplaced).

    ``key`` uses the reference validator's syntax (``maintenance.contractors[0].until``,
    ``description[en-US].features``); ``""`` is the file itself. Profile findings also
    carry the rule's id and severity (``required`` or ``recommended``).
    """

    type: FindingType
    key: str
    description: str
    line: int = 0
    column: int = 0
    rule: str | None = None
    severity: str | None = None

    def __post_init__(self) -> None:
        # Messages quote the file's values, which may be huge; a finding stays readable.
        for name in ("key", "description"):
            text = getattr(self, name)
            if len(text) > MAX_TEXT:
                object.__setattr__(self, name, text[: MAX_TEXT - 1] + "…")

    def as_dict(self) -> dict[str, object]:
        """The reference validator's JSON shape, plus rule and severity for profile findings."""
        data: dict[str, object] = {
            "type": str(self.type),
            "key": self.key,
            "description": self.description,
            "line": self.line,
            "column": self.column,
        }
        if self.rule is not None:
            data["rule"] = self.rule
            data["severity"] = self.severity
        return data
