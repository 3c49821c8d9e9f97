"""The scoring policy: run a model's checks and turn their outcomes into a level.

A level above 0 is reached when every required check of that level and of every lower level
(level 0 included) passes or does not apply; "unknown" never counts as a pass. Level 0
(Gelistet) is the floor: a listed repository keeps it whatever its checks say. A failed
check of the model's ``licence_cap`` caps the level at 0. ``blocking`` names the required
checks that keep the next level out of reach.

Not applied here: the 30-day grace period of level 4 checks (the model's ``grace_days``).
It needs the earlier snapshots of the same component, which only the registry has; the
registry keeps the previous level while a level 4 check has failed for fewer days.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping

from ..records import CheckOutcome, CheckResult, MaturityReport
from . import _document
from .checks import CHECKS, CheckFunction
from .errors import InvalidModel
from .facts import Facts
from .model import CheckSpec, MaturityModel

__all__ = ["is_archived", "rate"]

_log = logging.getLogger(__name__)

_SATISFIED = frozenset({CheckOutcome.PASS, CheckOutcome.NOT_APPLICABLE})
_OBSOLETE = "obsolete"


def rate(
    facts: Facts, model: MaturityModel, checks: Mapping[str, CheckFunction] = CHECKS
) -> MaturityReport:
    """Run every check of ``model`` on ``facts`` and decide the level.

    Raises :class:`InvalidModel` when the model names a check ``checks`` lacks. A check that
    raises becomes "unknown" (internal error); the rating goes on.
    """
    missing = [spec.id for spec in model.checks if spec.id not in checks]
    if missing:
        raise InvalidModel(f"checks without an implementation: {', '.join(missing)}", "checks")
    results = tuple(_run(checks[spec.id], spec, facts) for spec in model.checks)
    capped = _capped(model, results)
    level = 0 if capped else _reached(model, results)
    return MaturityReport(
        model_version=model.version,
        level=level,
        archived=is_archived(facts),
        capped_by_licence=capped,
        blocking=_blocking(model, results, level),
        checks=results,
    )


def is_archived(facts: Facts) -> bool:
    """Archived on the forge, or declared obsolete: shown as "Archiviert" whatever the level."""
    archived = facts.forge is not None and facts.forge.archived is True
    return archived or _document.value(facts, "developmentStatus") == _OBSOLETE


def _run(function: CheckFunction, spec: CheckSpec, facts: Facts) -> CheckResult:
    """The check's result under the model's id and name; "unknown" if the check raises."""
    try:
        return dataclasses.replace(function(facts, spec.params), id=spec.id, name=spec.name)
    except Exception:
        _log.exception("maturity check %s raised", spec.id)
        return CheckResult(
            id=spec.id,
            name=spec.name,
            outcome=CheckOutcome.UNKNOWN,
            value=None,
            threshold=None,
            reason_de="interner Fehler in der Prüfung",
            reason_en="internal error in check",
        )


def _unsatisfied(model: MaturityModel, results: tuple[CheckResult, ...]) -> list[CheckSpec]:
    """The required checks that neither pass nor do not apply, in model order."""
    outcomes = {result.id: result.outcome for result in results}
    return [spec for spec in model.checks if spec.required and outcomes[spec.id] not in _SATISFIED]


def _reached(model: MaturityModel, results: tuple[CheckResult, ...]) -> int:
    lowest_open = min((spec.level for spec in _unsatisfied(model, results)), default=None)
    top = len(model.levels) - 1
    return top if lowest_open is None else max(lowest_open - 1, 0)


def _capped(model: MaturityModel, results: tuple[CheckResult, ...]) -> bool:
    return any(r.id in model.licence_cap and r.outcome is CheckOutcome.FAIL for r in results)


def _blocking(
    model: MaturityModel, results: tuple[CheckResult, ...], level: int
) -> tuple[str, ...]:
    return tuple(spec.id for spec in _unsatisfied(model, results) if spec.level <= level + 1)
