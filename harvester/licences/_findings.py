"""Licence findings: stable codes, severities and their German and English messages."""

from __future__ import annotations

from harvester.records import LicenceFinding

__all__ = [
    "CODES",
    "declared_invalid",
    "declared_without_text",
    "ids_equivalent",
    "manifest_disagrees",
    "modified_text",
    "no_declared_licence",
    "no_licence_file",
    "not_open",
    "not_spdx",
    "undeclared_text",
    "unknown_text",
]

CODES = (
    "no-licence-file",
    "declared-invalid",
    "not-open",
    "declared-without-text",
    "undeclared-licence-text",
    "modified-licence-text",
    "unknown-licence-text",
    "manifest-disagrees",
    "licence-ids-equivalent",
    "not-spdx",
    "no-declared-licence",
)
"""Every finding code, in the order findings are reported."""


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def no_licence_file() -> LicenceFinding:
    return LicenceFinding(
        "no-licence-file",
        "error",
        "Das Repository enthält keine Lizenzdatei (LICENSE, LICENCE, COPYING oder LICENSES/).",
        "The repository has no licence file (LICENSE, LICENCE, COPYING or LICENSES/).",
    )


def no_declared_licence() -> LicenceFinding:
    return LicenceFinding(
        "no-declared-licence",
        "info",
        "Keine Lizenz in publiccode.yml angegeben (legal.license).",
        "No licence is declared in publiccode.yml (legal.license).",
    )


def declared_invalid(declared: str) -> LicenceFinding:
    return LicenceFinding(
        "declared-invalid",
        "error",
        f"Die Lizenzangabe „{declared}“ in publiccode.yml ist kein gültiger SPDX-Ausdruck.",
        f"The licence '{declared}' declared in publiccode.yml is not a valid SPDX expression.",
    )


def declared_without_text(licence: str) -> LicenceFinding:
    return LicenceFinding(
        "declared-without-text",
        "warning",
        f"Für die angegebene Lizenz {licence} liegt kein Lizenztext im Repository (keine "
        f"Lizenzdatei mit diesem Text, kein LICENSES/{licence}.txt).",
        f"The declared licence {licence} has no text in the repository (no licence file "
        f"with its text, no LICENSES/{licence}.txt).",
        licences=(licence,),
    )


def undeclared_text(path: str, ids: tuple[str, ...], declared: str) -> LicenceFinding:
    return LicenceFinding(
        "undeclared-licence-text",
        "warning",
        f"{path} enthält den Text von {_ids(ids)}, nicht angegeben in „{declared}“.",
        f"{path} holds the text of {_ids(ids)}, which '{declared}' does not declare.",
        path=path,
        licences=ids,
    )


def modified_text(path: str, ids: tuple[str, ...], note: str | None) -> LicenceFinding:
    detail = f" ({note})" if note else ""
    if not ids:
        return LicenceFinding(
            "modified-licence-text",
            "warning",
            f"{path} enthält Lizenztexte zusammen mit weiterem Text{detail}.",
            f"{path} holds licence texts together with other text{detail}.",
            path=path,
        )
    return LicenceFinding(
        "modified-licence-text",
        "warning",
        f"{path} ist eine veränderte Fassung von {_ids(ids)}{detail}.",
        f"{path} is a modified version of {_ids(ids)}{detail}.",
        path=path,
        licences=ids,
    )


def unknown_text(path: str, note: str | None) -> LicenceFinding:
    detail = f" ({note})" if note else ""
    return LicenceFinding(
        "unknown-licence-text",
        "warning",
        f"Der Text von {path} entspricht keiner bekannten Lizenz{detail}.",
        f"The text of {path} matches no known licence{detail}.",
        path=path,
    )


def manifest_disagrees(sources: list[str], ids: tuple[str, ...]) -> LicenceFinding:
    listed = "; ".join(sources)
    return LicenceFinding(
        "manifest-disagrees",
        "warning",
        f"Die Lizenzangaben widersprechen sich: {listed}.",
        f"The licence statements disagree: {listed}.",
        licences=ids,
    )


def ids_equivalent(sources: list[str], ids: tuple[str, ...]) -> LicenceFinding:
    listed = "; ".join(sources)
    return LicenceFinding(
        "licence-ids-equivalent",
        "info",
        f"Die Lizenzangaben nennen dieselben Lizenzen, teils mit veralteten SPDX-Kennungen: "
        f"{listed}.",
        f"The licence statements name the same licences, some with deprecated SPDX ids: {listed}.",
        licences=ids,
    )


def not_spdx(path: str, field: str, value: str) -> LicenceFinding:
    return LicenceFinding(
        "not-spdx",
        "info",
        f"{path} ({field}): „{value}“ ist kein SPDX-Lizenzausdruck.",
        f"{path} ({field}): '{value}' is not an SPDX licence expression.",
        path=path,
    )


def not_open(licence: str, listed: bool) -> LicenceFinding:
    if not listed:
        return LicenceFinding(
            "not-open",
            "error",
            f"{licence} steht nicht auf der SPDX-Lizenzliste: dass OSI oder FSF die Lizenz "
            f"anerkennen, ist nicht belegt.",
            f"{licence} is not on the SPDX License List: no OSI or FSF approval is on record.",
            licences=(licence,),
        )
    return LicenceFinding(
        "not-open",
        "error",
        f"{licence} ist laut SPDX-Lizenzliste weder von der OSI anerkannt noch von der FSF "
        f"als freie Lizenz eingestuft.",
        f"{licence} is neither OSI-approved nor FSF-free according to the SPDX License List.",
        licences=(licence,),
    )
