"""What a check function answers, before the registry adds its id, name and threshold.

Builders for the four outcomes, and the answers that several checks give in the same words
(the tree was not inspected, the tree was too large to be sure, the check is not run).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import CheckOutcome, Evidence, Inspection

__all__ = [
    "Answer",
    "absent",
    "counted",
    "failed",
    "no_history",
    "not_applicable",
    "not_checked",
    "not_inspected",
    "passed",
    "unknown",
]


@dataclass(frozen=True, slots=True)
class Answer:
    """A check's outcome, the measured value in words, the reason in German and English."""

    outcome: CheckOutcome
    value: str | None
    reason_de: str
    reason_en: str
    evidence: tuple[Evidence, ...] = ()


def passed(value: str | None, de: str, en: str, *evidence: Evidence) -> Answer:
    """The check's question is answered "yes"."""
    return Answer(CheckOutcome.PASS, value, de, en, evidence)


def failed(value: str | None, de: str, en: str, *evidence: Evidence) -> Answer:
    """The check's question is answered "no"."""
    return Answer(CheckOutcome.FAIL, value, de, en, evidence)


def unknown(value: str | None, de: str, en: str, *evidence: Evidence) -> Answer:
    """The question cannot be answered with the data at hand; never counts as a pass."""
    return Answer(CheckOutcome.UNKNOWN, value, de, en, evidence)


def not_applicable(value: str | None, de: str, en: str, *evidence: Evidence) -> Answer:
    """The question does not arise for this repository (the reason says why)."""
    return Answer(CheckOutcome.NOT_APPLICABLE, value, de, en, evidence)


def not_checked(what: str) -> Answer:
    """A check this harvester version does not run; ``what`` names what it would need."""
    return unknown(f"not run by this harvester version ({what})", "nicht geprüft", "not checked")


def not_inspected() -> Answer:
    """The tree at HEAD was not inspected, so nothing can be said about its files."""
    return unknown(
        None,
        "Der Dateibaum wurde nicht untersucht.",
        "The file tree was not inspected.",
    )


def no_history() -> Answer:
    """The git history was not read, so nothing can be said about commits and tags."""
    return unknown(
        None,
        "Die Git-Historie wurde nicht gelesen.",
        "The git history was not read.",
    )


def absent(inspection: Inspection, value: str, de: str, en: str) -> Answer:
    """Something was not found: a failure, unless the tree was too large to list in full."""
    if inspection.truncated:
        return unknown(
            value,
            f"{de} Der Dateibaum war zu groß, um ihn vollständig zu durchsuchen.",
            f"{en} The file tree was too large to search completely.",
        )
    return failed(value, de, en)


def counted(items: tuple[str, ...] | list[str], noun: str) -> str:
    """``"1 file"``, ``"3 files"``: how many things a check found, as a value."""
    return f"{len(items)} {noun}" if len(items) == 1 else f"{len(items)} {noun}s"
