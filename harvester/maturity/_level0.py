"""Stufe 0, Gelistet (Listed): the repository can be fetched and describes itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import Evidence, PubliccodeFinding
from ._answers import Answer, failed, passed
from ._registry import check
from .facts import Facts

__all__ = ["has_valid_metadata", "is_clonable"]


@check("L0.1", "an anonymous clone succeeds")
def is_clonable(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Can anyone fetch the code without an account?

    Reuse starts with a clone; a repository behind a login is not open source for a
    municipality that has no account. Threshold: the harvester's anonymous clone succeeds.
    """
    where = Evidence("G", url=facts.forge.clone_url if facts.forge else None)
    if facts.clonable:
        return passed(
            "cloned",
            "Das Repository ließ sich anonym klonen.",
            "The repository was cloned anonymously.",
            where,
        )
    return failed(
        "clone failed",
        "Das Repository ließ sich nicht anonym klonen.",
        "The repository could not be cloned anonymously.",
        where,
    )


@check("L0.2", "publiccode.yml at the root validates without errors (warnings shown)")
def has_valid_metadata(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the repository describe itself in a valid publiccode.yml?

    The file is what every European public-code catalogue reads, and the source of every
    metadata check (M) above. Threshold: the file exists at the root and the validator
    reports no error; warnings and profile findings are shown but do not fail the check.
    """
    report = facts.publiccode
    if report is None:
        return failed(
            "no publiccode.yml",
            "Im Wurzelverzeichnis liegt keine publiccode.yml.",
            "There is no publiccode.yml at the root.",
            Evidence("G", detail="publiccode.yml not found"),
        )
    errors = [finding for finding in report.findings if finding.type == "error"]
    value = f"{len(errors)} errors, {len(report.findings) - len(errors)} warnings"
    if report.valid:
        return passed(
            value,
            f"{report.path} ist gültig.",
            f"{report.path} is valid.",
            Evidence("M", path=report.path),
        )
    return failed(
        value,
        f"{report.path} hat Fehler.",
        f"{report.path} has errors.",
        *(_placed(report.path, error) for error in errors),
    )


def _placed(path: str, finding: PubliccodeFinding) -> Evidence:
    detail = f"{finding.key}: {finding.description}"
    return Evidence("M", path=path, line=finding.line or None, detail=detail)
