"""The harvest of one repository: fetch, inspect, assess, record. This module only sequences.

::

    record = harvest_repository(target, context, previous=("<sha>", "1.0"))

Every failure of git, of a forge or of a repository's own files ends as a FAILED record with
a clear reason; nothing here raises for a bad repository. When the default branch's HEAD
(one ``git ls-remote``) and the maturity model are those of the previous good harvest, the
record is UNCHANGED and nothing else is done. A repository seen for the first time (no
previous harvest, nothing cached) is cloned straight away: the clone names the default branch,
so the ``ls-remote`` would only repeat the clone's first round trip.
"""

from __future__ import annotations

import datetime
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import git, inspect, licences, maturity
from .discover import Target
from .publiccode import Finding, Profile, validate
from .records import (
    FileKind,
    HarvestRecord,
    HarvestStatus,
    Inspection,
    LicenceReport,
    Provenance,
    PubliccodeFinding,
    PubliccodeReport,
    TreeEntry,
)
from .treefiles import TreeFiles
from .urls import normalise_repository_url, redact

__all__ = ["HarvestContext", "failed_record", "harvest_repository"]

_log = logging.getLogger(__name__)

PUBLICCODE_NAMES = ("publiccode.yml", "publiccode.yaml")


@dataclass(frozen=True, slots=True)
class HarvestContext:
    """What every repository's harvest shares: where to cache, limits, rules, and the clock."""

    cache_dir: Path
    limits: git.GitLimits
    profile: Profile
    model: maturity.MaturityModel
    harvester_version: str
    now: datetime.datetime


class _Refused(Exception):
    """A repository's content that the harvester will not judge (a clear reason)."""


def harvest_repository(
    target: Target, context: HarvestContext, previous: tuple[str, str] | None = None
) -> HarvestRecord:
    """Harvest one repository; never raises for anything the repository or its host does."""
    url = target.url
    try:
        store = git.ObjectStore(url, context.cache_dir, context.limits)
        if previous is None and not store.cloned:
            # A first harvest: the clone itself says which branch is the default one.
            store = git.ObjectStore.sync(url, context.cache_dir, context.limits)
            return _harvested(target, context, store, store.default_branch())
        head = git.ls_remote(url, context.limits)
        if previous == (head.commit, context.model.version):
            return _record(target, context, HarvestStatus.UNCHANGED, head.commit)
        store = git.ObjectStore.sync(url, context.cache_dir, context.limits)
        return _harvested(target, context, store, head.branch)
    except (git.GitError, _Refused) as error:
        _log.info("harvest failed", extra={"url": redact(url), "reason": str(error)})
        return failed_record(target, context, str(error))


def failed_record(target: Target, context: HarvestContext, reason: str) -> HarvestRecord:
    """The record of a harvest that failed for ``reason`` (a clear sentence)."""
    return _record(target, context, HarvestStatus.FAILED, None, failure=reason)


def _record(
    target: Target,
    context: HarvestContext,
    status: HarvestStatus,
    commit: str | None,
    **fields: Any,
) -> HarvestRecord:
    provenance = Provenance(
        source_url=redact(target.url),
        commit=commit,
        harvester_version=context.harvester_version,
        harvested_at=context.now,
        model_version=context.model.version,
    )
    return HarvestRecord(
        publisher_id=target.publisher_id,
        url=target.url,
        provenance=provenance,
        status=status,
        forge=target.forge,
        **fields,
    )


def _harvested(
    target: Target, context: HarvestContext, store: git.ObjectStore, branch: str
) -> HarvestRecord:
    commit = store.head(branch)
    tree = store.tree(commit)
    files = store.read_many(commit, inspect.files_to_read(tree.entries))
    inspection = _inspection(tree, files, commit, branch)
    history = inspect.history(store.commits(commit), store.tags(), as_of=context.now)
    publiccode = _publiccode(files, TreeFiles(store, commit, tree.entries), context)
    document = _document(publiccode)
    licence_report = _licences(document, files, inspection)
    facts = maturity.Facts(
        clonable=True,
        commit=commit,
        inspection=inspection,
        history=history,
        publiccode=publiccode,
        document=document,
        licences=licence_report,
        forge=target.forge,
        publisher_id=target.publisher_id,
        today=context.now.date(),
    )
    name, description = _name_and_description(document, inspection)
    return _record(
        target,
        context,
        HarvestStatus.OK,
        commit,
        canonical_url=_canonical_url(document, target.url),
        name=name,
        description=description,
        incomplete=publiccode is None,
        inspection=inspection,
        history=history,
        publiccode=publiccode,
        licences=licence_report,
        maturity=maturity.rate(facts, context.model),
        health=maturity.health(history, target.forge, context.now),
        single_commit_snapshot=history.commits == 1,
    )


def _inspection(tree: git.Tree, files: dict[str, bytes], commit: str, branch: str) -> Inspection:
    """The tree's facts, completed by what the README and the community files say."""
    found = inspect.classify(tree.entries, truncated=tree.truncated, commit=commit, branch=branch)
    return inspect.with_texts(found, files)


def _publiccode(
    files: dict[str, bytes], tree: TreeFiles, context: HarvestContext
) -> PubliccodeReport | None:
    """The root publiccode.yml validated with the profile; ``.yaml`` gets a warning."""
    for name in PUBLICCODE_NAMES:
        _refuse_link(tree.entry(name), name)
        if name not in files:
            continue
        result = validate(
            files[name], files=tree, profile=context.profile, today=context.now.date()
        )
        findings = [_flat(finding) for finding in result.findings]
        if name != PUBLICCODE_NAMES[0]:
            findings.insert(0, _YAML_SUFFIX)
        document = result.document
        return PubliccodeReport(
            path=name,
            raw=files[name].decode("utf-8", errors="replace"),
            valid=result.valid,
            findings=tuple(findings),
            document=None
            if document is None
            else json.dumps(document, sort_keys=True, default=str),
        )
    return None


_YAML_SUFFIX = PubliccodeFinding(
    type="warning",
    key="publiccode.yaml",
    description="The file is named publiccode.yaml; catalogues look for publiccode.yml "
    "(Die Datei heißt publiccode.yaml; Kataloge suchen publiccode.yml)",
    line=0,
    column=0,
)


def _refuse_link(entry: TreeEntry | None, name: str) -> None:
    if entry is not None and entry.kind is FileKind.SYMLINK:
        raise _Refused(f"{name} is a symbolic link; Kataster does not follow links")


def _flat(finding: Finding) -> PubliccodeFinding:
    return PubliccodeFinding(
        type=str(finding.type),
        key=finding.key,
        description=finding.description,
        line=finding.line,
        column=finding.column,
        rule=finding.rule,
        severity=finding.severity,
    )


def _document(report: PubliccodeReport | None) -> dict[str, Any] | None:
    if report is None or report.document is None:
        return None
    loaded = json.loads(report.document)
    return loaded if isinstance(loaded, dict) else None


def _licences(
    document: dict[str, Any] | None, files: dict[str, bytes], inspection: Inspection
) -> LicenceReport:
    declared = _declared_licence(document)
    texts = {path: files[path] for path in inspection.licence_files if path in files}
    manifests = {path: files[path] for path in inspection.manifests if path in files}
    return licences.assess_licences(declared, texts, manifests)


def _declared_licence(document: dict[str, Any] | None) -> str | None:
    legal = (document or {}).get("legal")
    value = legal.get("license") if isinstance(legal, dict) else None
    return value if isinstance(value, str) else None


def _canonical_url(document: dict[str, Any] | None, url: str) -> str | None:
    """publiccode ``url`` when it names another repository than the one harvested."""
    declared = (document or {}).get("url")
    if not isinstance(declared, str):
        return None
    try:
        same = normalise_repository_url(declared) == normalise_repository_url(url)
    except ValueError:
        return None
    return None if same else declared


def _name_and_description(
    document: dict[str, Any] | None, inspection: Inspection
) -> tuple[str | None, str | None]:
    """From publiccode.yml (German first), else from the README."""
    if document is not None:
        name = document.get("name")
        descriptions = document.get("description") or {}
        for language in ("de", "en", *sorted(descriptions)):
            block = descriptions.get(language) or {}
            if block.get("shortDescription"):
                return name, block["shortDescription"]
        return name, None
    readme = inspection.readme
    return (readme.title, readme.description) if readme else (None, None)
