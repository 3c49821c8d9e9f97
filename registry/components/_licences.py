"""The licence panel: every licence source side by side, never one simplified answer.

The declared expression (publiccode.yml ``legal.license``), the licences found in files with
their match, the licences named in package manifests, OSI and FSF approval per identifier, and
the licence findings; ``sources_agree`` only says whether every source that names licences
names the same ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..harvest.models import Finding, FindingOrigin, RepositoryHarvest
from . import _stored
from ._stored import Localised

if TYPE_CHECKING:
    from .links import RepositoryLinks

__all__ = [
    "Approval",
    "FindingRow",
    "LicenceFileRow",
    "LicencePanel",
    "ManifestRow",
    "findings",
    "licence_panel",
]

_SPDX_TOKEN: Final = re.compile(r"[A-Za-z0-9.+-]+")
_OPERATORS: Final = frozenset({"AND", "OR", "WITH"})


@dataclass(frozen=True, slots=True)
class LicenceFileRow:
    path: str
    status: str | None  # identified | modified | unknown
    spdx_ids: tuple[str, ...]
    coverage: float | None
    note: str | None
    link: str | None


@dataclass(frozen=True, slots=True)
class ManifestRow:
    path: str
    field: str | None
    value: str | None
    spdx: str | None
    link: str | None


@dataclass(frozen=True, slots=True)
class Approval:
    """Whether a licence id is OSI-approved and FSF-libre (``None``: not known)."""

    spdx_id: str
    osi: bool | None
    fsf: bool | None


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A publiccode.yml or licence finding with its place."""

    type: str
    severity: str | None
    code: str | None
    key: str | None
    path: str | None
    line: int | None
    column: int | None
    message: Localised | None
    licences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LicencePanel:
    """Every licence source side by side; ``sources_agree`` is ``None`` with fewer than two."""

    declared: str | None
    declared_valid: bool | None
    declared_ids: tuple[str, ...]
    files: tuple[LicenceFileRow, ...]
    manifests: tuple[ManifestRow, ...]
    approvals: tuple[Approval, ...]
    findings: tuple[FindingRow, ...]
    sources_agree: bool | None


def findings(
    harvest: RepositoryHarvest | None, origin: FindingOrigin, language: str
) -> tuple[FindingRow, ...]:
    """The harvest's findings from ``origin`` (publiccode.yml or licences), in stored order."""
    if harvest is None:
        return ()
    return tuple(_finding(f, language) for f in harvest.findings if f.origin is origin)


def _finding(finding: Finding, language: str) -> FindingRow:
    return FindingRow(
        type=finding.type,
        severity=finding.severity,
        code=finding.code,
        key=finding.key,
        path=finding.path,
        line=finding.line,
        column=finding.column,
        message=_stored.either(finding.message_de, finding.message_en, language),
        licences=_stored.texts(finding.licences),
    )


def licence_panel(
    harvest: RepositoryHarvest | None, links: RepositoryLinks | None, language: str
) -> LicencePanel | None:
    """Every licence source of the published harvest; ``None`` before a licence check."""
    if harvest is None or harvest.licences is None:
        return None
    report = _stored.mapping(harvest.licences)
    commit = harvest.commit
    files = tuple(
        _licence_file(_stored.mapping(entry), links, commit)
        for entry in _stored.items(report.get("files"))
    )
    manifests = tuple(
        _manifest(_stored.mapping(entry), links, commit)
        for entry in _stored.items(report.get("manifests"))
    )
    declared_ids = _stored.texts(report.get("declared_ids"))
    return LicencePanel(
        declared=_stored.text(report.get("declared")),
        declared_valid=_stored.boolean(report.get("declared_valid")),
        declared_ids=declared_ids,
        files=tuple(row for row in files if row.path),
        manifests=tuple(row for row in manifests if row.path),
        approvals=_approvals(report, declared_ids, files, manifests),
        findings=findings(harvest, FindingOrigin.LICENCE, language),
        sources_agree=_agree(declared_ids, files, manifests),
    )


def _licence_file(
    entry: Mapping[str, Any], links: RepositoryLinks | None, commit: str | None
) -> LicenceFileRow:
    path = _stored.text(entry.get("path")) or ""
    return LicenceFileRow(
        path=path,
        status=_stored.text(entry.get("status")),
        spdx_ids=_stored.texts(entry.get("spdx_ids")),
        coverage=_stored.number(entry.get("coverage")),
        note=_stored.text(entry.get("note")),
        link=_file_link(links, commit, path),
    )


def _manifest(
    entry: Mapping[str, Any], links: RepositoryLinks | None, commit: str | None
) -> ManifestRow:
    path = _stored.text(entry.get("path")) or ""
    return ManifestRow(
        path=path,
        field=_stored.text(entry.get("field")),
        value=_stored.text(entry.get("value")),
        spdx=_stored.text(entry.get("spdx")),
        link=_file_link(links, commit, path),
    )


def _file_link(
    links: RepositoryLinks | None, commit: str | None, path: str, line: int | None = None
) -> str | None:
    if links is None or commit is None or not path:
        return None
    return links.file(commit, path, line)


def _ids(expression: str | None) -> set[str]:
    if not expression:
        return set()
    return {t for t in _SPDX_TOKEN.findall(expression) if t.upper() not in _OPERATORS}


def _approvals(
    report: Mapping[str, Any],
    declared: Sequence[str],
    files: Sequence[LicenceFileRow],
    manifests: Sequence[ManifestRow],
) -> tuple[Approval, ...]:
    osi, fsf = _stored.mapping(report.get("osi_approved")), _stored.mapping(report.get("fsf_libre"))
    ids = set(declared) | {i for row in files for i in row.spdx_ids}
    ids |= {i for row in manifests for i in _ids(row.spdx)} | set(osi) | set(fsf)
    return tuple(
        Approval(i, _stored.boolean(osi.get(i)), _stored.boolean(fsf.get(i))) for i in sorted(ids)
    )


def _agree(
    declared: Sequence[str], files: Sequence[LicenceFileRow], manifests: Sequence[ManifestRow]
) -> bool | None:
    """Whether every source that names licences names the same ones."""
    sources = [set(declared), {i for row in files for i in row.spdx_ids}]
    sources += [_ids(row.spdx or row.value) for row in manifests]
    named = [source for source in sources if source]
    unidentified = any(row.status == "unknown" for row in files)
    if len(named) + unidentified < 2:
        return None
    return not unidentified and all(source == named[0] for source in named)
