"""SPDX licence expressions as manifests and publiccode.yml write them.

Validity is the reference validator's (go-spdx, :mod:`harvester.publiccode.licences`), so a
manifest value and ``legal.license`` are held to one grammar. Normalising only re-cases ids
(``mit`` -> ``MIT``) and spaces; it never replaces a deprecated id (``GPL-3.0`` stays, unlike
license-expression's ``parse``, which writes ``GPL-3.0-only``): sources are compared as
written and differences of that kind are reported, not hidden.
"""

from __future__ import annotations

import re

from harvester.publiccode.licences import is_spdx_expression

from ._identifiers import canonical, is_exception

__all__ = ["exception_ids", "licence_ids_as_written", "normalised"]

_TOKEN = re.compile(r"[()]|[^\s()]+")
_OPERATORS = frozenset({"AND", "OR", "WITH"})
MAX_LENGTH = 500
"""Longer values are not taken as expressions (no real one comes close)."""


def _tokens(expression: str) -> list[str]:
    return _TOKEN.findall(expression)


def normalised(value: str) -> str | None:
    """``value`` as a valid SPDX expression with ids in their canonical case, or None."""
    value = value.strip()
    if len(value) > MAX_LENGTH or not is_spdx_expression(value):
        return None
    tokens = [token if token in _OPERATORS else canonical(token) for token in _tokens(value)]
    return " ".join(tokens).replace("( ", "(").replace(" )", ")")


def licence_ids_as_written(expression: str) -> tuple[str, ...]:
    """The licence ids of a valid expression, ``+`` kept (``GPL-2.0+``), exceptions left out,
    each once in order of appearance."""
    ids = (
        token
        for token in _tokens(expression)
        if token not in _OPERATORS and token not in "()" and not is_exception(token)
    )
    return tuple(dict.fromkeys(canonical(token) for token in ids))


def exception_ids(expression: str) -> tuple[str, ...]:
    """The exception ids after ``WITH`` in a valid expression, in canonical case."""
    tokens = _tokens(expression)
    found = (canonical(tokens[i + 1]) for i, t in enumerate(tokens[:-1]) if t == "WITH")
    return tuple(dict.fromkeys(found))
