"""Stufe 1, Offen (Open): another municipality may legally reuse the code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import Evidence, LicenceReport
from ._answers import (
    Answer,
    absent,
    counted,
    failed,
    not_applicable,
    not_checked,
    not_inspected,
    passed,
    unknown,
)
from ._document import key_evidence
from ._registry import check
from .facts import Facts

__all__ = [
    "has_licence_file",
    "has_no_obvious_secrets",
    "has_open_declared_licence",
    "licences_agree",
    "requires_no_copyright_assignment",
]

DISAGREEMENTS = ("declared-without-text", "undeclared-licence-text")
"""The licence findings (:class:`~harvester.records.LicenceFinding` codes) that fail L1.3."""


@check("L1.1", "at least one licence file (LICENSE*, LICENCE*, COPYING* or LICENSES/*)")
def has_licence_file(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the repository contain a licence text?

    Without a licence text nobody may reuse the code, whatever the metadata says.
    Threshold: at least one licence file at the root or in LICENSES/.
    """
    if facts.inspection is None:
        return not_inspected()
    files = facts.inspection.licence_files
    if files:
        return passed(
            counted(files, "file"),
            "Ein Lizenztext liegt im Repository.",
            "The repository contains a licence text.",
            *(Evidence("G", path=path) for path in files),
        )
    return absent(
        facts.inspection,
        "no licence file",
        "Das Repository enthält keinen Lizenztext.",
        "The repository contains no licence text.",
    )


@check("L1.2", "a valid SPDX expression in legal.license; every licence OSI- or FSF-approved")
def has_open_declared_licence(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is the declared licence a valid SPDX expression of open licences?

    A municipality must be able to tell from the metadata alone that reuse is allowed.
    Threshold: legal.license is a valid SPDX expression and every licence in it is
    approved by the OSI or the FSF (the SPDX licence list's flags; unknown ones are not).
    """
    report = facts.licences
    where = key_evidence(facts, "legal.license")
    if report is None:
        return _not_assessed()
    if report.declared is None:
        return failed(
            "nothing declared",
            "In legal.license ist keine Lizenz erklärt.",
            "No licence is declared in legal.license.",
            where,
        )
    if not report.declared_valid or not report.declared_ids:
        return failed(
            report.declared[:200],
            "legal.license ist kein gültiger SPDX-Ausdruck.",
            "legal.license is not a valid SPDX expression.",
            where,
        )
    return _approved(report, where)


def _approved(report: LicenceReport, where: Evidence) -> Answer:
    closed = [lid for lid in report.declared_ids if not _is_open(report, lid)]
    if closed:
        return failed(
            f"not approved: {', '.join(closed)}",
            f"Weder OSI noch FSF erkennen an: {', '.join(closed)}.",
            f"Approved by neither the OSI nor the FSF: {', '.join(closed)}.",
            where,
        )
    return passed(
        report.declared,
        "Die erklärte Lizenz ist gültig und frei.",
        "The declared licence is valid and open.",
        where,
    )


def _is_open(report: LicenceReport, licence_id: str) -> bool:
    return bool(report.osi_approved.get(licence_id) or report.fsf_libre.get(licence_id))


@check("L1.3", "every declared licence has a text; no root text of an undeclared licence")
def licences_agree(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Do the declared licence and the licence texts in the repository agree?

    Metadata that names one licence while the repository ships another leaves a reuser
    without a safe answer (a frequent case on OpenCoDE and GitHub). Threshold: the licence
    check reports neither a declared licence without its text nor an undeclared one's text.
    """
    report = facts.licences
    if report is None:
        return _not_assessed()
    found = [item for item in report.findings if item.code in DISAGREEMENTS]
    if found:
        return failed(
            f"{len(found)} disagreements",
            " ".join(item.message_de for item in found[:3]),
            " ".join(item.message_en for item in found[:3]),
            *(
                Evidence("G", path=item.path, detail=_licences(item.code, item.licences))
                for item in found
            ),
        )
    return _agreement(report)


def _agreement(report: LicenceReport) -> Answer:
    if report.declared is None:
        return not_applicable(
            "nothing declared",
            "Keine Lizenz erklärt, also nichts zu vergleichen (siehe L1.2).",
            "No licence declared, so nothing to compare (see L1.2).",
        )
    if not report.declared_valid:
        return unknown(
            report.declared[:200],
            "Der erklärte Ausdruck ist ungültig und lässt sich nicht vergleichen (siehe L1.2).",
            "The declared expression is invalid and cannot be compared (see L1.2).",
        )
    if not report.files:
        return failed(
            "no licence text",
            "Für die erklärte Lizenz liegt kein Text im Repository.",
            "The declared licence has no text in the repository.",
        )
    return passed(
        report.declared,
        "Erklärte und vorhandene Lizenzen stimmen überein.",
        "Declared and present licences agree.",
        *(Evidence("G", path=item.path, detail=", ".join(item.spdx_ids)) for item in report.files),
    )


def _licences(code: str, licences: tuple[str, ...]) -> str:
    return f"{code}: {', '.join(licences)}" if licences else code


@check("L1.4", "no contributor licence agreement that demands a transfer of rights")
def requires_no_copyright_assignment(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Can people contribute without assigning their copyright?

    A CLA that transfers rights to one party lets that party relicense the code, which
    defeats reuse between municipalities. Threshold: no CLA demanding a transfer; when the
    keyword heuristic is unsure the outcome is unknown and a Forum reviewer decides.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    evidence = [Evidence("G", path=path) for path in inspection.cla_files]
    if inspection.cla_assignment:
        return failed(
            "assignment demanded",
            "Eine CLA verlangt die Übertragung von Rechten.",
            "A CLA demands a transfer of rights.",
            *evidence,
        )
    if inspection.cla_assignment is False or not (
        inspection.cla_files or inspection.contributing_files
    ):
        return passed(
            "no assignment",
            "Keine Übertragung von Rechten verlangt.",
            "No transfer of rights demanded.",
            *evidence,
        )
    return unknown(
        "unsure",
        "Unklar, ob eine Übertragung von Rechten verlangt wird; eine Prüfung entscheidet.",
        "Unclear whether a transfer of rights is demanded; a review decides.",
        *evidence,
    )


@check("L1.5", "no high-confidence secret in the tree at HEAD")
def has_no_obvious_secrets(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is the tree free of obvious secrets?

    Published credentials endanger the publisher and every reuser running the defaults.
    Threshold: a secret scanner finds no high-confidence secret. This harvester version runs
    no scanner, so the answer is always unknown ("not checked"), never a pass.
    """
    return not_checked("secret scanner")


def _not_assessed() -> Answer:
    return unknown(
        None,
        "Die Lizenzen wurden nicht geprüft.",
        "The licences were not assessed.",
    )
