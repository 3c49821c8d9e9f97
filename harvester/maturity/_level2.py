"""Stufe 2, Dokumentiert (Documented): installable, versioned, with ways to take part."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..records import Evidence, ForgeRepository, Readme
from . import _document
from ._answers import Answer, absent, counted, failed, no_history, not_inspected, passed, unknown
from ._registry import check
from .facts import Facts

__all__ = [
    "declares_dependencies",
    "has_changelog",
    "has_contribution_guide",
    "has_no_generated_binaries",
    "has_public_issue_tracker",
    "has_readme_with_installation",
    "has_security_contact",
    "has_versioned_releases",
]


@check(
    "L2.1",
    "README of >= {readme_min_words} words with a heading on installation ({install_headings})",
)
def has_readme_with_installation(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does a README explain what the software is for and how to install it?

    A municipality's IT decides on reuse from the README. Threshold: a root README of at
    least ``readme_min_words`` words with a heading that contains one of
    ``install_headings`` (case does not matter).
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    readme = inspection.readme
    if readme is None:
        return absent(inspection, "no README", "Es gibt keine README.", "There is no README.")
    heading = _install_heading(readme, params["install_headings"])
    value = f"{readme.words} words, " + (
        f"heading {heading!r}" if heading else "no installation heading"
    )
    where = Evidence("G", path=readme.path, line=readme.install_line if heading else None)
    if readme.words < params["readme_min_words"]:
        return failed(value, "Die README ist zu kurz.", "The README is too short.", where)
    if heading is None:
        return failed(
            value,
            "Die README hat keinen Abschnitt zur Installation.",
            "The README has no section on installation.",
            where,
        )
    return passed(
        value,
        "Die README erklärt die Installation.",
        "The README explains the installation.",
        where,
    )


def _install_heading(readme: Readme, headings: tuple[str, ...]) -> str | None:
    heading = readme.install_heading
    if heading is None:
        return None
    folded = heading.casefold()
    return heading if any(word.casefold() in folded for word in headings) else None


@check("L2.2", "a CONTRIBUTING file or README section")
def has_contribution_guide(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Does the project say how to contribute?

    Reusing municipalities become contributors; they need to know how. Threshold: a
    CONTRIBUTING file, or a README section on contributing (a heading such as Contributing,
    Mitwirken, Beitragen). Without a README to look in, the answer is unknown.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    if inspection.contributing_files:
        return passed(
            counted(inspection.contributing_files, "file"),
            "Eine Anleitung zur Mitarbeit liegt vor.",
            "A contribution guide is present.",
            *(Evidence("G", path=path) for path in inspection.contributing_files),
        )
    if inspection.contributing_section is not None:
        return passed(
            "README section",
            "Die README erklärt, wie man mitarbeitet.",
            "The README explains how to contribute.",
            Evidence("G", path=inspection.contributing_section),
        )
    if inspection.readme is None:
        return unknown(
            "no CONTRIBUTING file, no README",
            "Keine CONTRIBUTING-Datei und keine README, in der ein Abschnitt stehen könnte.",
            "No CONTRIBUTING file and no README that could hold a section.",
        )
    return failed(
        "no CONTRIBUTING file or README section",
        "Weder eine CONTRIBUTING-Datei noch ein Abschnitt zur Mitarbeit in der README.",
        "Neither a CONTRIBUTING file nor a section on contributing in the README.",
        Evidence("G", path=inspection.readme.path),
    )


@check("L2.3", "a SECURITY file, or a README/CONTRIBUTING section naming a non-public channel")
def has_security_contact(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Can vulnerabilities be reported confidentially?

    Municipal software handles citizens' data; a reporter must not have to publish a flaw.
    Threshold: a SECURITY file, or a README/CONTRIBUTING section naming a non-public channel.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    places = inspection.security_files or (
        (inspection.security_contact,) if inspection.security_contact else ()
    )
    if places:
        return passed(
            ", ".join(places),
            "Ein Kontakt für Sicherheitsmeldungen ist genannt.",
            "A contact for security reports is named.",
            *(Evidence("G", path=path) for path in places),
        )
    return absent(
        inspection,
        "no security contact",
        "Kein Kontakt für Sicherheitsmeldungen gefunden.",
        "No contact for security reports found.",
    )


@check("L2.4", ">= {version_tags_min} version tag (SemVer or date)")
def has_versioned_releases(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are versions tagged?

    A reuser must be able to name and pin the version they run. Threshold: at least
    ``version_tags_min`` tags that read as a version (SemVer, PEP 440 or a date).
    """
    history = facts.history
    if history is None:
        return no_history()
    tags = history.tags
    if len(tags) >= params["version_tags_min"]:
        return passed(
            f"{counted([tag.name for tag in tags], 'version tag')}, newest {tags[0].name}",
            "Versionen sind mit Tags markiert.",
            "Versions are tagged.",
            *(Evidence("G", commit=tag.commit, detail=f"tag {tag.name}") for tag in tags),
        )
    return failed(
        counted([tag.name for tag in tags], "version tag"),
        "Es gibt zu wenige Versions-Tags.",
        "There are too few version tags.",
    )


@check("L2.5", "a CHANGELOG/NEWS/HISTORY file or release notes")
def has_changelog(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is there a change log?

    Updating is the daily work of reuse; a reuser must see what changed. Threshold: a
    CHANGELOG*, NEWS* or HISTORY* file, or a forge release with non-empty notes.
    """
    inspection = facts.inspection
    found = [
        Evidence("G", path=path) for path in (inspection.changelog_files if inspection else ())
    ]
    found += _release_notes(facts.forge)
    if found:
        return passed(
            ", ".join(item.path or item.detail or "" for item in found[:3]),
            "Ein Änderungsprotokoll liegt vor.",
            "A change log is present.",
            *found,
        )
    if inspection is None:
        return not_inspected()
    return absent(
        inspection,
        "no change log",
        "Kein Änderungsprotokoll gefunden.",
        "No change log found.",
    )


def _release_notes(forge: ForgeRepository | None) -> list[Evidence]:
    releases = (forge.releases or ()) if forge else ()
    web = forge.web_url if forge else None
    return [
        Evidence("F", url=web, detail=f"release notes of {release.tag}")
        for release in releases
        if release.has_notes
    ]


@check(
    "L2.6",
    "a recognised manifest; for software types {lockfile_software_types} also a lockfile",
)
def declares_dependencies(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Are the dependencies declared (and locked for applications)?

    A reuser must be able to build and audit what they install. Threshold: at least one
    recognised manifest (package manifests, Dockerfile/compose, Helm chart); when
    publiccode.yml's softwareType is one of ``lockfile_software_types``, also a lockfile.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    found = (*inspection.manifests, *inspection.container_files, *inspection.helm_charts)
    if not found:
        return absent(
            inspection,
            "no manifest",
            "Kein Manifest mit Abhängigkeiten gefunden.",
            "No dependency manifest found.",
        )
    software_type = _document.value(facts, "softwareType")
    evidence = [Evidence("G", path=path) for path in (*found, *inspection.lockfiles)]
    value = f"{counted(found, 'manifest')}, {counted(inspection.lockfiles, 'lockfile')}"
    if software_type in params["lockfile_software_types"] and not inspection.lockfiles:
        return absent(
            inspection,
            value,
            f"Eine Anwendung ({software_type}) braucht eine Lock-Datei.",
            f"An application ({software_type}) needs a lockfile.",
        )
    return passed(value, "Abhängigkeiten sind erklärt.", "Dependencies are declared.", *evidence)


@check("L2.7", "no executable or bytecode file outside the allow-list")
def has_no_generated_binaries(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is the repository free of generated binaries?

    Binaries cannot be reviewed or rebuilt, so a reuser cannot trust them (Scorecard's
    Binary-Artifacts). Threshold: no executable or bytecode file outside the allow-list.
    """
    inspection = facts.inspection
    if inspection is None:
        return not_inspected()
    binaries = inspection.binary_files
    if binaries:
        return failed(
            counted(binaries, "binary file"),
            "Das Repository enthält erzeugte Binärdateien.",
            "The repository contains generated binaries.",
            *(Evidence("G", path=path) for path in binaries),
        )
    if inspection.truncated:
        return unknown(
            "none in the listed part",
            "Der Dateibaum war zu groß, um ihn vollständig zu durchsuchen.",
            "The file tree was too large to search completely.",
        )
    return passed("none", "Keine erzeugten Binärdateien.", "No generated binaries.")


@check("L2.8", "the forge's issue tracker is switched on")
def has_public_issue_tracker(facts: Facts, params: Mapping[str, Any]) -> Answer:
    """Is there a public issue tracker?

    Reusers report bugs and needs there; it is where a community forms. Threshold: the
    forge reports issues as enabled. publiccode.yml has no issue tracker key, so without
    forge data the answer is unknown (a tracker elsewhere is attested by the maintainers).
    """
    forge = facts.forge
    enabled = forge.issues_enabled if forge else None
    if forge is not None and enabled is not None:
        where = Evidence("F", url=forge.web_url)
        if enabled:
            return passed(
                "enabled",
                "Der Issue-Tracker ist eingeschaltet.",
                "The issue tracker is enabled.",
                where,
            )
        return failed(
            "disabled",
            "Der Issue-Tracker ist ausgeschaltet.",
            "The issue tracker is disabled.",
            where,
        )
    url = _document.value(facts, "url")
    return unknown(
        "repository URL only" if isinstance(url, str) else None,
        "Die Forge meldet nicht, ob Issues eingeschaltet sind; publiccode.yml nennt keinen Tracker.",
        "The forge does not report whether issues are enabled; publiccode.yml names no tracker.",
        *((_document.key_evidence(facts, "url"),) if isinstance(url, str) else ()),
    )
