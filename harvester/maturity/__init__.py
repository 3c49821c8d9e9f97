"""Maturity for reuse ("Nachnutzungs-Reifegrad"): checks, the level, and the health panel.

Public API::

    model = load_model("1.0")                      # schemas/maturity/model-1.0.yml
    report = rate(Facts(clonable=True, today=..., inspection=..., ...), model)
    report.level, report.blocking, report.checks   # records.MaturityReport
    panel = health(history, forge, as_of)          # records.Health, never part of the level
    CHECKS["L1.1"](facts, model.check("L1.1").params) -> records.CheckResult
"""

from __future__ import annotations

from .checks import CHECKS
from .errors import InvalidModel
from .facts import Facts
from .health import health
from .model import MaturityModel, load_model
from .scoring import rate

__all__ = ["CHECKS", "Facts", "InvalidModel", "MaturityModel", "health", "load_model", "rate"]
