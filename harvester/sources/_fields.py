"""Reading typed fields out of YAML nodes, collecting every problem instead of stopping at one."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from typing import TYPE_CHECKING

from ._yaml import Mapping, Scalar, Sequence
from .errors import SourceError

if TYPE_CHECKING:
    from ._yaml import Node

__all__ = ["Collector", "describe", "fields", "items", "text"]


class Collector:
    """Collects the problems of one file, each with the file name, line and column."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[SourceError] = []

    def error(self, node: Node, message: str) -> None:
        self.errors.append(SourceError(self.name, node.line, node.column, message))


def describe(node: Node) -> str:
    """What a node is, for messages: ``a list``, ``the number 5122000``, ``true``..."""
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Mapping):
        return "a mapping"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"the text {value!r}"


def fields(
    node: Node,
    what: str,
    allowed: Collection[str],
    required: Collection[str],
    errors: Collector,
) -> dict[str, Node] | None:
    """The mapping's values by key, after reporting unknown and missing keys.

    ``None`` when ``node`` is not a mapping (reported). Required keys (reported when
    missing) are left out of the result, so callers look them up with ``.get``.
    """
    if not isinstance(node, Mapping):
        errors.error(node, f"{what} must be a mapping of keys, not {describe(node)}")
        return None
    found: dict[str, Node] = {}
    for key, value in node.items:
        name = str(key.value)
        if name in allowed:
            found[name] = value
        else:
            errors.error(key, _unknown_key(name, what, allowed))
    for name in required:
        if name not in found:
            errors.error(node, f"{what} is missing the required key {name!r}")
    return found


def _unknown_key(name: str, what: str, allowed: Collection[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    if not close:
        close = [key for key in allowed if key.lower() == name.lower()]
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    known = ", ".join(sorted(allowed))
    return f"unknown key {name!r} in {what}{hint}; known keys: {known}"


def items(node: Node, what: str, errors: Collector) -> tuple[Node, ...]:
    """The items of a list; reports anything else and returns no items."""
    if isinstance(node, Sequence):
        return node.items
    errors.error(node, f"{what} must be a list, not {describe(node)}")
    return ()


def text(node: Node | None, what: str, errors: Collector) -> str | None:
    """A non-blank text, surrounding spaces removed; ``None`` when absent or reported."""
    if node is None:
        return None
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        errors.error(node, f"{what} must be text, not {describe(node)}")
        return None
    if not node.value.strip():
        errors.error(node, f"{what} must not be empty")
        return None
    return node.value.strip()
