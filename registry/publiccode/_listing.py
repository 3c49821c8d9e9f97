"""The submitted text as numbered lines, with the lines that findings point at marked.

Lines are cut where YAML (libyaml, which the validator runs) breaks them, so line numbers
agree with the findings': ``\\r\\n``, ``\\r``, ``\\n``, and also NEL, LINE SEPARATOR and
PARAGRAPH SEPARATOR. A long file is shown in excerpts around its marked lines, and a very long
line is cut short, so the page stays small whatever is submitted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "CONTEXT",
    "MAX_FULL_LINES",
    "MAX_LINE_CHARS",
    "Gap",
    "Line",
    "Listing",
    "end_position",
    "listing",
    "split_lines",
]

MAX_FULL_LINES = 2000
"""Longest text shown whole; a longer one is shown around its marked lines only."""

CONTEXT = 2
"""Lines shown before and after each marked line of a long text."""

MAX_LINE_CHARS = 1000
"""Characters shown of one line; the rest is counted."""

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Line:
    """One numbered line: the text shown, how many characters were left out, its findings."""

    number: int
    text: str
    omitted: int = 0
    findings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Gap:
    """Lines ``first`` to ``last`` left out of an excerpted listing."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Listing:
    """The rows to show (lines and gaps), the numbers of the lines shown, the count of all."""

    rows: tuple[Line | Gap, ...]
    shown: frozenset[int]
    total: int

    @property
    def excerpted(self) -> bool:
        """Whether some lines are left out."""
        return any(isinstance(row, Gap) for row in self.rows)

    def shows(self, number: int) -> bool:
        """Whether line ``number`` is among the rows (so a link to it leads somewhere)."""
        return number in self.shown


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (a final line break ends the last line)."""
    lines = _BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def end_position(text: str) -> tuple[int, int]:
    """The 1-based line and column of the character that would follow ``text``."""
    lines = _BREAK.split(text)
    return len(lines), len(lines[-1]) + 1


def listing(text: str, marks: Mapping[int, Sequence[int]]) -> Listing:
    """``text`` numbered from 1; ``marks`` maps a line number to the findings (numbers) on it."""
    lines = split_lines(text)
    shown = _shown(len(lines), marks)
    rows: list[Line | Gap] = []
    previous = 0
    for number in shown:
        if number > previous + 1:
            rows.append(Gap(previous + 1, number - 1))
        rows.append(_line(number, lines[number - 1], marks.get(number, ())))
        previous = number
    if previous < len(lines):
        rows.append(Gap(previous + 1, len(lines)))
    return Listing(tuple(rows), frozenset(shown), len(lines))


def _shown(total: int, marks: Mapping[int, Sequence[int]]) -> list[int]:
    """The line numbers to show: all of a short text, the marked ones with context otherwise."""
    if total <= MAX_FULL_LINES:
        return list(range(1, total + 1))
    numbers: set[int] = set()
    for marked in marks:
        if 1 <= marked <= total:
            numbers.update(range(max(1, marked - CONTEXT), min(total, marked + CONTEXT) + 1))
    return sorted(numbers)


def _line(number: int, text: str, findings: Sequence[int]) -> Line:
    omitted = max(0, len(text) - MAX_LINE_CHARS)
    return Line(number, text[:MAX_LINE_CHARS], omitted, tuple(findings))
