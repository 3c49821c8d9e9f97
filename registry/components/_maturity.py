"""The maturity panel: the level with its name and overrides, every check of the model
grouped by level with its outcome and evidence, and what blocks the next level.

Checks come in the model's order; a check of the model that the harvest did not run is
"not checked", and a stored result the model does not know (another model version) is shown
under the level its id names. Evidence links to the file and line at the commit where the
repository's forge allows it, else it stays text.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from harvester.maturity import InvalidModel, MaturityModel, load_model
from harvester.maturity.model import CheckSpec, Level

from ..harvest.models import CheckResult, RepositoryHarvest
from . import _stored
from ._stored import Localised
from .links import safe_link

if TYPE_CHECKING:
    from .links import RepositoryLinks

__all__ = [
    "CheckRow",
    "EvidenceItem",
    "LevelGroup",
    "MaturityPanel",
    "Outcome",
    "level_name",
    "maturity_panel",
]

_LEVEL_OF_ID: Final = re.compile(r"L(\d)\.")


class Outcome(enum.StrEnum):
    """A check's outcome as shown; ``not_checked``: the model has the check, the harvest not."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"
    NOT_CHECKED = "not_checked"


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """Where a check's judgement comes from; ``link`` when a URL could be built."""

    source: str | None
    path: str | None
    line: int | None
    commit: str | None
    detail: str | None
    link: str | None


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One check as shown: the model's question and advice, the harvest's result."""

    id: str
    name: str | None
    question: Localised | None
    required: bool | None  # None: the model does not know the check
    outcome: Outcome
    value: str | None  # measured, as the harvester wrote it (English)
    threshold: str | None  # (English)
    reason: Localised | None
    evidence: tuple[EvidenceItem, ...]
    advice: Localised | None


@dataclass(frozen=True, slots=True)
class LevelGroup:
    """The checks of one level, and whether the component has reached it."""

    number: int
    name: Localised | None
    description: Localised | None
    reached: bool
    checks: tuple[CheckRow, ...]


@dataclass(frozen=True, slots=True)
class MaturityPanel:
    """The level, its overrides, every check by level, and what blocks the next level."""

    model_version: str | None
    model_published: datetime.date | None
    model_known: bool  # the model version could be loaded (questions and advice shown)
    level: int
    level_name: Localised | None
    archived: bool
    capped_by_licence: bool
    groups: tuple[LevelGroup, ...]
    next_level: int | None
    next_level_name: Localised | None
    blocking: tuple[CheckRow, ...]


def _model(version: str | None) -> MaturityModel | None:
    if version is None:
        return None
    try:
        return load_model(version)
    except InvalidModel:
        return None


def maturity_panel(
    harvest: RepositoryHarvest | None, links: RepositoryLinks | None, language: str
) -> MaturityPanel | None:
    """The published harvest's rating under its own model version; ``None`` when unrated."""
    if harvest is None or harvest.maturity_level is None:
        return None
    model = _model(harvest.model_version)
    rows = _check_rows(harvest.checks, model, links, language)
    level = harvest.maturity_level
    blocking_ids = _stored.texts(harvest.blocking)
    by_id = {row.id: row for row in rows}
    top = len(model.levels) - 1 if model else 5
    next_level = level + 1 if level < top else None
    return MaturityPanel(
        model_version=harvest.model_version,
        model_published=model.published if model else None,
        model_known=model is not None,
        level=level,
        level_name=_level_name(model, level, language),
        archived=bool(harvest.archived),
        capped_by_licence=bool(harvest.capped_by_licence),
        groups=_groups(rows, model, level, language),
        next_level=next_level,
        next_level_name=_level_name(model, next_level, language),
        blocking=tuple(by_id[i] for i in blocking_ids if i in by_id),
    )


def level_name(model_version: str | None, level: int | None, language: str) -> str | None:
    """The name of ``level`` in model ``model_version`` ("Dokumentiert"); ``None`` if unknown."""
    name = _level_name(_model(model_version), level, language)
    return None if name is None else name.text


def _level_name(model: MaturityModel | None, level: int | None, language: str) -> Localised | None:
    entry = _level(model, level)
    return None if entry is None else _stored.pick(entry.name, language)


def _level(model: MaturityModel | None, number: int | None) -> Level | None:
    levels = model.levels if model is not None else ()
    return next((entry for entry in levels if entry.number == number), None)


def _check_rows(
    results: Sequence[CheckResult],
    model: MaturityModel | None,
    links: RepositoryLinks | None,
    language: str,
) -> list[CheckRow]:
    """The model's checks in model order (``not_checked`` when the harvest lacks one), then
    any result the model does not know."""
    stored = {result.check_id: result for result in results}
    rows: list[CheckRow] = []
    for spec in model.checks if model else ():
        rows.append(_check_row(spec.id, stored.pop(spec.id, None), spec, links, language))
    rows += [_check_row(i, result, None, links, language) for i, result in stored.items()]
    return rows


def _check_row(
    check_id: str,
    result: CheckResult | None,
    spec: CheckSpec | None,
    links: RepositoryLinks | None,
    language: str,
) -> CheckRow:
    return CheckRow(
        id=check_id,
        name=result.name if result else (spec.name if spec else None),
        question=_stored.pick(spec.question, language) if spec else None,
        required=spec.required if spec else None,
        outcome=Outcome(str(result.outcome)) if result else Outcome.NOT_CHECKED,
        value=result.value if result else None,
        threshold=result.threshold if result else None,
        reason=_stored.either(result.reason_de, result.reason_en, language) if result else None,
        evidence=_evidence(result, links) if result else (),
        advice=_stored.pick(spec.advice, language) if spec else None,
    )


def _evidence(result: CheckResult, links: RepositoryLinks | None) -> tuple[EvidenceItem, ...]:
    items = []
    for entry in map(_stored.mapping, _stored.items(result.evidence)):
        path, line = _stored.text(entry.get("path")), _stored.integer(entry.get("line"))
        commit = _stored.text(entry.get("commit")) or result.commit
        items.append(
            EvidenceItem(
                source=_stored.text(entry.get("source")),
                path=path,
                line=line,
                commit=commit,
                detail=_stored.text(entry.get("detail")),
                link=_evidence_link(entry, links, commit, path, line),
            )
        )
    return tuple(items)


def _evidence_link(
    entry: Mapping[str, Any],
    links: RepositoryLinks | None,
    commit: str | None,
    path: str | None,
    line: int | None,
) -> str | None:
    url = safe_link(entry.get("url"))
    if url is not None:
        return url
    if links is None or commit is None:
        return None
    return links.file(commit, path, line) if path else links.commit(commit)


def _groups(
    rows: Sequence[CheckRow], model: MaturityModel | None, level: int, language: str
) -> tuple[LevelGroup, ...]:
    """The checks by level, every level of the model included (even without checks)."""
    numbers = {_level_of(row.id) for row in rows}
    numbers |= {entry.number for entry in model.levels} if model else set()
    return tuple(_group(number, rows, model, level, language) for number in sorted(numbers))


def _group(
    number: int, rows: Sequence[CheckRow], model: MaturityModel | None, level: int, language: str
) -> LevelGroup:
    entry = _level(model, number)
    return LevelGroup(
        number=number,
        name=None if entry is None else _stored.pick(entry.name, language),
        description=None if entry is None else _stored.pick(entry.description, language),
        reached=0 <= number <= level,
        checks=tuple(row for row in rows if _level_of(row.id) == number),
    )


def _level_of(check_id: str) -> int:
    match = _LEVEL_OF_ID.match(check_id)
    return int(match.group(1)) if match else -1
