"""Stufe 3, Nachnutzbar (Ready for reuse): declared ready, maintained, tested, portable."""

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
from ._calendar import shift_months
from ._registry import check
from .facts import Facts

__all__ = [
    "declares_standards",
    "has_automated_tests",
    "has_current_maintenance",
    "has_licence_coverage",
    "has_no_proprietary_lock_in",
    "has_no_stale_vulnerabilities",
    "has_recent_activity",
    "is_declared_ready",
]


@check("L3.1", "developmentStatus is one of {ready_statuses}")
def is_declared_ready(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Do the publishers declare the software ready to use?

    Only the publishers know whether their code is meant for production; concept and
    development code is listed, not recommended. Threshold: developmentStatus in
    ``ready_statuses``.
    """
    status = _document.value(facts, "developmentStatus")
    where = _document.key_evidence(facts, "developmentStatus")
    if not isinstance(status, str):
        return failed(
            "not declared",
            "developmentStatus ist nicht erklärt.",
            "developmentStatus is not declared.",
            where,
        )
    if status in params["ready_statuses"]:
        return passed(status, "Als einsatzbereit erklärt.", "Declared ready to use.", where)
    return failed(
        status,
        f"developmentStatus ist {status}, nicht einsatzbereit.",
        f"developmentStatus is {status}, not ready to use.",
        where,
    )


@check(
    "L3.2", "maintenance type not none; a contract running until today or later, or a named contact"
)
def has_current_maintenance(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is current maintenance declared?

    A municipality reuses software that someone looks after (SfPC: "documented and budgeted
    commitments"). Threshold: maintenance.type is not none; for contract, some contractor's
    ``until`` is today or later; for internal and community, at least one named contact.
    """
    kind = _document.value(facts, "maintenance.type")
    where = _document.key_evidence(facts, "maintenance.type")
    if kind == "contract":
        return _contract(facts, where)
    if kind in ("internal", "community"):
        return _contacts(facts, kind, where)
    shown = kind if isinstance(kind, str) else "not declared"
    return failed(
        shown,
        f"Keine Wartung erklärt (maintenance.type: {shown}).",
        f"No maintenance declared (maintenance.type: {shown}).",
        where,
    )


def _contract(facts: Facts, where: Evidence) -> Answer:
    end = _document.contract_end(facts)
    evidence = _document.key_evidence(facts, "maintenance.contractors")
    if end is not None and end >= facts.today:
        return passed(
            f"contract until {end.isoformat()}",
            f"Ein Wartungsvertrag läuft bis {end.isoformat()}.",
            f"A maintenance contract runs until {end.isoformat()}.",
            where,
            evidence,
        )
    shown = end.isoformat() if end else "none"
    return failed(
        f"contract ended ({shown})",
        f"Kein Wartungsvertrag läuft mehr (spätestes until: {shown}).",
        f"No maintenance contract is running (latest until: {shown}).",
        where,
        evidence,
    )


def _contacts(facts: Facts, kind: str, where: Evidence) -> Answer:
    contacts = _document.value(facts, "maintenance.contacts")
    named = [c["name"] for c in contacts or () if isinstance(c, Mapping) and c.get("name")]
    if named:
        return passed(
            f"{kind}, {len(named)} contacts",
            f"Wartung ({kind}) mit benannten Ansprechpersonen.",
            f"Maintenance ({kind}) with named contacts.",
            where,
        )
    return failed(
        f"{kind}, no contact",
        f"Wartung ({kind}) ohne benannte Ansprechperson.",
        f"Maintenance ({kind}) without a named contact.",
        where,
    )


@check(
    "L3.3",
    "a commit or tag in the last {recent_activity_months} months, or a maintenance contract "
    "running beyond today",
)
def has_recent_activity(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is there a recent sign of life?

    Abandoned code is a risk for a reuser; quiet code under contract is not (maturity is
    not activity). Threshold: a commit or version tag within ``recent_activity_months``
    calendar months, or a contract maintenance whose ``until`` lies after today.
    """
    since = shift_months(facts.today, -params["recent_activity_months"])
    latest = _last_sign(facts.history)
    if latest is not None and latest[1].date() >= since:
        return passed(
            f"{latest[0]} on {latest[1].date().isoformat()}",
            "Es gibt ein aktuelles Lebenszeichen.",
            "There is a recent sign of life.",
            Evidence("G", detail=latest[0]),
        )
    end = _document.contract_end(facts)
    if end is not None and end > facts.today:
        return passed(
            f"contract until {end.isoformat()}",
            f"Ruhig, aber unter Wartungsvertrag bis {end.isoformat()}.",
            f"Quiet, but under a maintenance contract until {end.isoformat()}.",
            _document.key_evidence(facts, "maintenance.contractors"),
        )
    if latest is None:
        return no_history()
    return failed(
        f"{latest[0]} on {latest[1].date().isoformat()}",
        "Kein Commit und kein Tag im Zeitraum, und kein laufender Wartungsvertrag.",
        "No commit or tag in the window, and no running maintenance contract.",
        Evidence("G", detail=latest[0]),
    )


def _last_sign(history: History | None) -> tuple[str, datetime.datetime] | None:
    if history is None:
        return None
    signs = [(f"commit {history.last_commit[:12]}", history.last_commit_at)]
    signs += [(f"tag {tag.name}", tag.date) for tag in history.tags if tag.date is not None]
    return max(signs, key=lambda sign: sign[1])


@check("L3.4", "test files and a CI configuration")
def has_automated_tests(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are there automated tests that CI runs?

    Tests let a reuser change and update the code without fear. Threshold: test files or
    folders and a CI configuration (GitLab CI, GitHub Actions, Woodpecker, Jenkins, ...).
    That the CI runs the tests is assumed, not verified.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    tests, ci = inspection.test_paths, inspection.ci_files
    value = f"{len(tests)} test paths, {len(ci)} CI files"
    if tests and ci:
        return passed(
            value,
            "Tests und CI-Konfiguration liegen vor.",
            "Tests and a CI configuration are present.",
            *(Evidence("G", path=path) for path in (*ci, *tests)),
        )
    if not tests:
        return absent(inspection, value, "Es fehlen Tests.", "No tests found.")
    return absent(
        inspection, value, "Es fehlt eine CI-Konfiguration.", "No CI configuration found."
    )


@check(
    "L3.5",
    "no OSV advisory of severity >= {vulnerability_severity_min} published more than "
    "{vulnerability_age_days} days ago affecting a locked dependency",
)
def has_no_stale_vulnerabilities(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are known vulnerabilities fixed in time?

    A reuser inherits every vulnerable dependency (the OpenSSF badge's 60-day rule).
    Threshold: no OSV advisory of at least ``vulnerability_severity_min`` severity, older
    than ``vulnerability_age_days`` days, affecting a locked dependency. This harvester
    version queries no OSV, so the answer is always unknown ("not checked"), never a pass.
    """
    return not_checked("OSV query")


@check("L3.6", "dependsOn.proprietary empty, or every entry optional")
def has_no_proprietary_lock_in(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the software run without mandatory proprietary dependencies?

    A municipality must be able to run the software without buying a product (SfPC:
    "reusable and portable"). Threshold: dependsOn.proprietary is empty or absent, or
    every entry has ``optional: true``.
    """
    if facts.document is None:
        return unknown(
            None,
            "Ohne publiccode.yml sind proprietäre Abhängigkeiten nicht erklärt.",
            "Without publiccode.yml, proprietary dependencies are not declared.",
        )
    entries = _document.value(facts, "dependsOn.proprietary") or []
    where = _document.key_evidence(facts, "dependsOn")
    if not isinstance(entries, list):
        return unknown(
            "not a list",
            "dependsOn.proprietary ist keine Liste.",
            "dependsOn.proprietary is not a list.",
            where,
        )
    mandatory = [_name(entry) for entry in entries if not _optional(entry)]
    if mandatory:
        return failed(
            ", ".join(mandatory),
            f"Zwingende proprietäre Abhängigkeiten: {', '.join(mandatory)}.",
            f"Mandatory proprietary dependencies: {', '.join(mandatory)}.",
            where,
        )
    return passed(
        f"{len(entries)} optional" if entries else "none",
        "Keine zwingende proprietäre Abhängigkeit.",
        "No mandatory proprietary dependency.",
        where,
    )


def _optional(entry: Any) -> bool:
    return isinstance(entry, Mapping) and entry.get("optional") is True


def _name(entry: Any) -> str:
    name = entry.get("name") if isinstance(entry, Mapping) else None
    return str(name)[:100] if name else "?"


@check("L3.7", "data standards and interfaces named (or explicitly none)")
def declares_standards(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the project name the data standards and interfaces it uses?

    Interoperability decides whether a smart-city component fits another city's platform.
    Threshold: README or documentation names data-exchange standards or interfaces
    (SensorThings, NGSI-LD, OGC API, ...); an explicit "none" comes from the registry.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    standards = inspection.standards_declared
    if standards:
        return passed(
            ", ".join(standards),
            "Standards und Schnittstellen sind genannt.",
            "Standards and interfaces are named.",
        )
    return absent(
        inspection,
        "none named",
        "Es sind keine Datenstandards oder Schnittstellen genannt.",
        "No data standards or interfaces are named.",
    )


@check("L3.8", ">= {licence_coverage_min:.0%} of files with licence information (REUSE)")
def has_licence_coverage(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Do most files say under which licence they are?

    Files copied into another project keep their licence only if they state it.
    Threshold: at least ``licence_coverage_min`` of the files carry SPDX headers or are
    covered by REUSE metadata.
    """
    counts = reuse_counts(facts)
    if isinstance(counts, Answer):
        return counts
    covered, total = counts
    value = f"{covered / total:.0%} ({covered} of {total} files)"
    if covered / total >= params["licence_coverage_min"]:
        return passed(
            value, "Genug Dateien tragen Lizenzangaben.", "Enough files carry licence information."
        )
    return failed(
        value, "Zu wenige Dateien tragen Lizenzangaben.", "Too few files carry licence information."
    )


def reuse_counts(facts: Facts) -> tuple[int, int] | Answer:
    """(files with licence information, files); or the answer when unmeasured or empty."""
    inspection = facts.inspection
    covered = inspection.reuse_files_with_licence if inspection else None
    total = inspection.reuse_files_total if inspection else None
    if covered is None or total is None:
        return unknown(
            None, "Die Lizenzangaben wurden nicht gezählt.", "Licence information was not counted."
        )
    if total == 0:
        return not_applicable("no files", "Keine Dateien zu prüfen.", "No files to check.")
    return covered, total
