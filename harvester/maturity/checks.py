"""Every maturity check, registered by id: ``CHECKS["L1.1"](facts, params) -> CheckResult``.

Each check is a small function in the module of its level (``_level0`` ... ``_level5``) that
answers one question, named so that it reads as true or false (``has_licence_file``). Its
docstring gives the motivation and the threshold; the threshold values are the model's data
(``schemas/maturity/model-<version>.yml``). Importing this module fills the registry.
"""

from __future__ import annotations

from . import _level0, _level1, _level2, _level3, _level4, _level5
from ._registry import CHECKS, MAX_EVIDENCE, Check, CheckFunction, check

__all__ = ["CHECKS", "MAX_EVIDENCE", "Check", "CheckFunction", "check"]

LEVEL_MODULES = (_level0, _level1, _level2, _level3, _level4, _level5)
"""The modules whose import registered the checks (named so that the import is not unused)."""
