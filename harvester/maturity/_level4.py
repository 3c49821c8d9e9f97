"""Stufe 4, Gepflegt (Sustained): developed continuously, by more than one person, reviewed.

The registry, not this package, gives level 4 checks a grace period before demotion (the
model's ``grace_days``): it needs the earlier snapshots that a single harvest does not have.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from ..records import Evidence, History
from . import _document
from ._answers import (
    Answer,
    absent,
    failed,
    no_history,
    not_applicable,
    not_checked,
    not_inspected,
    passed,
    unknown,
)
from ._calendar import month_keys, shift_months
from ._level3 import reuse_counts
from ._registry import check
from ._releases import releases_since
from .facts import Facts

__all__ = [
    "documents_governance",
    "has_contributor_absence_factor",
    "has_ongoing_development",
    "has_release_cadence",
    "is_responsive",
    "is_reuse_compliant",
    "reviews_changes",
]


@check(
    "L4.1",
    "commits in >= {active_months_required} of the last {active_months_window} calendar "
    "months, or >= 1 release in the last {release_window_months} months and a maintenance "
    "contract running >= {contract_future_months} more months",
)
def has_ongoing_development(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is the software developed continuously, or maintained under contract?

    Sustained software changes with its users' needs; stable software under a budgeted
    contract is sustained too (SfPC). Threshold: commits in ``active_months_required`` of
    the last ``active_months_window`` calendar months, or a release within
    ``release_window_months`` months and a contract ``until`` at least
    ``contract_future_months`` months ahead.
    """
    history, window = facts.history, params["active_months_window"]
    active = _active_months(history, facts.today, window) if history else None
    if active is not None and active >= params["active_months_required"]:
        return passed(
            f"{active} of {window} months",
            f"Commits in {active} der letzten {window} Monate.",
            f"Commits in {active} of the last {window} months.",
            Evidence("G", detail="commits per month"),
        )
    contracted = _release_under_contract(facts, params)
    if contracted is not None:
        return contracted
    if active is None:
        return no_history()
    return failed(
        f"{active} of {window} months",
        f"Commits nur in {active} der letzten {window} Monate, und kein Release unter Vertrag.",
        f"Commits in only {active} of the last {window} months, and no release under contract.",
    )


def _active_months(history: History, today: datetime.date, window: int) -> int:
    keys = set(month_keys(today, window))
    return sum(1 for month in history.commits_per_month if month.month in keys and month.commits)


def _release_under_contract(facts: Facts, params: Mapping[str, Any]) -> Answer | None:
    releases = _recent_releases(facts, params["release_window_months"]) or []
    end = _document.contract_end(facts)
    needed = shift_months(facts.today, params["contract_future_months"])
    if not releases or end is None or end < needed:
        return None
    name = releases[0][0]
    return passed(
        f"release {name}, contract until {end.isoformat()}",
        f"Release {name} und Wartungsvertrag bis {end.isoformat()}.",
        f"Release {name} and a maintenance contract until {end.isoformat()}.",
        _release_evidence(facts, name),
        _document.key_evidence(facts, "maintenance.contractors"),
    )


def _recent_releases(facts: Facts, months: int) -> list[tuple[str, datetime.datetime]] | None:
    since = shift_months(facts.today, -months)
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=datetime.UTC)
    return releases_since(facts.history, facts.forge, start)


def _release_evidence(facts: Facts, name: str) -> Evidence:
    tags = {tag.name: tag.commit for tag in facts.history.tags} if facts.history else {}
    if name in tags:
        return Evidence("G", commit=tags[name], detail=f"tag {name}")
    return Evidence("F", url=facts.forge.web_url if facts.forge else None, detail=f"release {name}")


@check("L4.2", ">= {releases_min} release in the last {release_window_months} months")
def has_release_cadence(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are versions released regularly?

    Reusers update by release; a project without releases leaves them on old code.
    Threshold: at least ``releases_min`` version tags or forge releases dated within
    ``release_window_months`` months.
    """
    months = params["release_window_months"]
    releases = _recent_releases(facts, months)
    if releases is None:
        return no_history()
    value = f"{len(releases)} in {months} months"
    if len(releases) >= params["releases_min"]:
        return passed(
            value,
            f"Neuestes Release: {releases[0][0]}.",
            f"Latest release: {releases[0][0]}.",
            *(_release_evidence(facts, name) for name, _ in releases),
        )
    return failed(value, "Zu wenige Releases im Zeitraum.", "Too few releases in the window.")


@check("L4.3", "Contributor Absence Factor over 12 months >= {absence_factor_min}")
def has_contributor_absence_factor(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Would the project survive the loss of one person?

    CHAOSS Contributor Absence Factor (bus factor): the fewest authors who made half the
    commits of the last 12 months, bots excluded, identities merged with .mailmap.
    Threshold: at least ``absence_factor_min``.
    """
    history = facts.history
    if history is None:
        return no_history()
    factor = history.absence_factor_12m
    where = Evidence("G", detail=f"{history.authors_12m} authors in 12 months")
    if factor >= params["absence_factor_min"]:
        return passed(
            str(factor),
            "Mehrere Personen tragen die Entwicklung.",
            "Several people carry development.",
            where,
        )
    return failed(
        str(factor),
        "Zu wenige Personen tragen die Entwicklung.",
        "Too few people carry development.",
        where,
    )


@check(
    "L4.4",
    "median first response by a non-author <= {response_days_max} days on issues of the last "
    "{response_window_days} days (>= {min_issues} issues)",
)
def is_responsive(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the project answer its users?

    A reuser's bug report needs an answer (the OpenSSF badge's 14 days). Threshold: the
    median time to a first human response by someone other than the issue's author is at
    most ``response_days_max`` days, over at least ``min_issues`` issues. This harvester
    version fetches no forge issue data, so the answer is always unknown.
    """
    return not_checked("forge issue data")


@check("L4.5", ">= {review_share_min:.0%} of changes merged in 180 days reviewed by a non-author")
def reviews_changes(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are changes reviewed by a second person?

    Review catches mistakes and spreads knowledge (OpenSSF badge: two-person review).
    Threshold: at least ``review_share_min`` of the changes merged in the last 180 days were
    reviewed or approved by someone other than their author (git: Reviewed-by/Approved-by
    trailers). No commit in the last six calendar months: not applicable. Commits but no
    merge commit (squashed or pushed directly): unknown, as git cannot show their review.
    """
    history = facts.history
    merged = history.merges_180d if history else None
    reviewed = history.reviewed_merges_180d if history else None
    if history is None or merged is None or reviewed is None:
        return unknown(None, "Reviews wurden nicht gemessen.", "Reviews were not measured.")
    if merged == 0:
        return _without_merges(history, facts.today)
    value = f"{reviewed / merged:.0%} ({reviewed} of {merged})"
    if reviewed / merged >= params["review_share_min"]:
        return passed(value, "Änderungen werden geprüft.", "Changes are reviewed.")
    return failed(value, "Zu wenige Änderungen werden geprüft.", "Too few changes are reviewed.")


def _without_merges(history: History, today: datetime.date) -> Answer:
    if _active_months(history, today, 6) == 0:
        return not_applicable(
            "no changes",
            "Keine Änderungen in den letzten sechs Monaten.",
            "No changes in the last six months.",
        )
    return unknown(
        "no merge commits",
        "Änderungen ohne Merge-Commits: ob sie geprüft wurden, zeigt Git nicht.",
        "Changes without merge commits: git does not show whether they were reviewed.",
    )


@check("L4.6", "every file has licence information (reuse lint)")
def is_reuse_compliant(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is the repository REUSE compliant?

    With REUSE every file's licence is machine-readable, so reuse across projects is safe.
    Threshold: every file has licence information (the harvester's REUSE coverage count).
    """
    counts = reuse_counts(facts)
    if isinstance(counts, Answer):
        return counts
    covered, total = counts
    value = f"{covered} of {total} files"
    if covered >= total:
        return passed(value, "Jede Datei hat Lizenzangaben.", "Every file has licence information.")
    return failed(
        value, "Nicht jede Datei hat Lizenzangaben.", "Not every file has licence information."
    )


@check("L4.7", "a GOVERNANCE file, a README/CONTRIBUTING section, or a publiccode.yml roadmap")
def documents_governance(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is it documented who decides and how?

    Reusing municipalities need to know how to get a change in and who plans releases.
    Threshold: a GOVERNANCE file, a governance section in README or CONTRIBUTING, or a
    ``roadmap`` in publiccode.yml.
    """
    inspection = facts.inspection
    found = {
        path: Evidence("G", path=path)
        for path in (inspection.governance_files if inspection else ())
    }
    if inspection and inspection.governance_section:
        section = inspection.governance_section
        found[f"section in {section}"] = Evidence("G", path=section, detail="governance section")
    if isinstance(_document.value(facts, "roadmap"), str):
        found["roadmap"] = _document.key_evidence(facts, "roadmap")
    if found:
        return passed(
            ", ".join(found),
            "Governance ist beschrieben.",
            "Governance is documented.",
            *found.values(),
        )
    if inspection is None:
        return not_inspected()
    return absent(
        inspection,
        "none found",
        "Keine Beschreibung der Governance gefunden.",
        "No governance documentation found.",
    )
