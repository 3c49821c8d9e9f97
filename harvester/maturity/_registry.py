"""The check registry: ``@check("L1.1", threshold)`` files a function under its id.

A registered :class:`Check` is called as ``check(facts, params) -> CheckResult``. It runs the
function, which answers in an :class:`~._answers.Answer`, and adds what every result carries:
the check's id and name (the function's name), the threshold rendered from ``params``, the
commit on every piece of evidence, and a bound on how much evidence is kept.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..records import CheckResult, Evidence
from ._answers import Answer
from .errors import MaturityError
from .facts import Facts

__all__ = ["CHECKS", "MAX_EVIDENCE", "Check", "CheckFunction", "check"]

CheckFunction = Callable[[Facts, Mapping[str, Any]], CheckResult]
"""What the scoring calls: a registered :class:`Check`, or any function of that shape."""

_Answering = Callable[[Facts, Mapping[str, Any]], Answer]

MAX_EVIDENCE = 20
"""Most pieces of evidence a result keeps (a repository may have thousands of binaries)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One registered check: its id, its name, its threshold template and its function."""

    id: str
    name: str
    threshold: str  # a format string over the check's params; "" when it has none
    answer: _Answering

    @property
    def params(self) -> frozenset[str]:
        """The names of the thresholds the check needs (the fields of its template)."""
        fields = string.Formatter().parse(self.threshold)
        return frozenset(name for _, name, _, _ in fields if name)

    @property
    def doc(self) -> str:
        """The function's docstring: why the check exists and what it holds a repository to."""
        return self.answer.__doc__ or ""

    def __call__(self, facts: Facts, params: Mapping[str, Any]) -> CheckResult:
        answer = self.answer(facts, params)
        return CheckResult(
            id=self.id,
            name=self.name,
            outcome=answer.outcome,
            value=answer.value,
            threshold=self.render(params),
            reason_de=answer.reason_de,
            reason_en=answer.reason_en,
            evidence=tuple(_at(facts.commit, item) for item in answer.evidence[:MAX_EVIDENCE]),
        )

    def render(self, params: Mapping[str, Any]) -> str | None:
        """The threshold in words, with lists written out; None for checks without one."""
        if not self.threshold:
            return None
        shown = {key: _shown(value) for key, value in params.items()}
        return self.threshold.format(**shown)


CHECKS: dict[str, Check] = {}
"""Every implemented check by id, filled when :mod:`harvester.maturity.checks` is imported."""


def check(check_id: str, threshold: str = "") -> Callable[[_Answering], Check]:
    """Register the decorated function as check ``check_id`` with a threshold template."""

    def register(function: _Answering) -> Check:
        if check_id in CHECKS:
            raise MaturityError(f"check {check_id} is registered twice")
        CHECKS[check_id] = Check(check_id, function.__name__, threshold, function)
        return CHECKS[check_id]

    return register


def _at(commit: str | None, evidence: Evidence) -> Evidence:
    if evidence.commit is not None or commit is None:
        return evidence
    return dataclasses.replace(evidence, commit=commit)


def _shown(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value)
    return value
