"""Checking the ``publishers`` list of a sources file and turning it into records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..records import Member, Publisher
from ._fields import Collector, describe, fields, items, text
from ._hosting import SeenURLs, code_hosting
from ._yaml import Scalar

if TYPE_CHECKING:
    from ._yaml import Node

__all__ = ["KINDS", "ROUNDS", "publishers"]

KINDS: Final = ("model-project", "municipality", "county", "federal", "vendor", "other")
ROUNDS: Final = (2019, 2020, 2021)

_TOP_KEYS: Final = ("publishers",)
_PUBLISHER_KEYS: Final = ("id", "name", "kind", "round", "category", "members", "codeHosting")
_MEMBER_KEYS: Final = ("name", "ags")
_ID: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
_ID_MAX: Final = 100
_AGS: Final = re.compile(r"[0-9]{8}")


def publishers(root: Node | None, errors: Collector) -> tuple[Publisher, ...]:
    """The publishers of a whole sources file; problems go to ``errors``."""
    if root is None:
        errors.error(Scalar(None, 1, 1), "the file is empty: it needs a 'publishers' list")
        return ()
    top = fields(root, "the sources file", _TOP_KEYS, _TOP_KEYS, errors)
    if top is None or "publishers" not in top:
        return ()
    ids: dict[str, int] = {}
    urls = SeenURLs()
    found = (
        _publisher(node, ids, urls, errors)
        for node in items(top["publishers"], "publishers", errors)
    )
    return tuple(publisher for publisher in found if publisher is not None)


def _publisher(
    node: Node, ids: dict[str, int], urls: SeenURLs, errors: Collector
) -> Publisher | None:
    found = fields(node, "a publisher", _PUBLISHER_KEYS, ("id", "name", "kind"), errors)
    if found is None:
        return None
    identifier = _identifier(found.get("id"), ids, errors)
    name = text(found.get("name"), "name", errors)
    kind = _kind(found.get("kind"), errors)
    funding_round = _round(found.get("round"), kind, node, errors)
    category = text(found.get("category"), "category", errors)
    members = _members(found.get("members"), errors)
    hosting = code_hosting(found.get("codeHosting"), identifier or "", urls, errors)
    if identifier is None or name is None or kind is None:
        return None
    return Publisher(identifier, name, kind, funding_round, category, members, hosting)


def _identifier(node: Node | None, ids: dict[str, int], errors: Collector) -> str | None:
    identifier = text(node, "id", errors)
    if node is None or identifier is None:
        return None
    if not _ID.fullmatch(identifier) or len(identifier) > _ID_MAX:
        errors.error(
            node,
            f"id {identifier!r} must be 1 to {_ID_MAX} lowercase ASCII letters, digits and "
            "hyphens, not starting with a hyphen (e.g. mpsc-hassfurt)",
        )
        return None
    if identifier in ids:
        errors.error(
            node, f"duplicate publisher id {identifier!r} (first on line {ids[identifier]})"
        )
        return None
    ids[identifier] = node.line
    return identifier


def _kind(node: Node | None, errors: Collector) -> str | None:
    kind = text(node, "kind", errors)
    if node is None or kind is None:
        return None
    if kind not in KINDS:
        errors.error(node, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        return None
    return kind


def _round(node: Node | None, kind: str | None, publisher: Node, errors: Collector) -> int | None:
    if node is None:
        if kind == "model-project":
            errors.error(publisher, "a model-project publisher needs 'round': 2019, 2020 or 2021")
        return None
    if kind is not None and kind != "model-project":
        errors.error(node, f"round is only for model-project publishers, not for kind {kind!r}")
        return None
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, int) and not isinstance(value, bool) and value in ROUNDS:
        return value
    errors.error(
        node, f"round must be 2019, 2020 or 2021 (the funding round), not {describe(node)}"
    )
    return None


def _members(node: Node | None, errors: Collector) -> tuple[Member, ...]:
    if node is None:
        return ()
    found = (_member(item, errors) for item in items(node, "members", errors))
    return tuple(member for member in found if member is not None)


def _member(node: Node, errors: Collector) -> Member | None:
    found = fields(node, "a member", _MEMBER_KEYS, ("name",), errors)
    if found is None:
        return None
    name = text(found.get("name"), "a member's name", errors)
    ags = _ags(found.get("ags"), errors)
    return Member(name, ags) if name is not None else None


def _ags(node: Node | None, errors: Collector) -> str | None:
    if node is None:
        return None
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**8:
        errors.error(
            node,
            f'ags must be quoted text: write ags: "{value:08d}" (as a YAML number '
            "it loses its leading zeros)",
        )
        return None
    if not isinstance(value, str) or not _AGS.fullmatch(value):
        errors.error(
            node,
            f"ags must be the 8-digit Amtlicher Gemeindeschlüssel as quoted text, not {describe(node)}",
        )
        return None
    if not "01" <= value[:2] <= "16":
        errors.error(node, f"ags {value!r} must start with a Land code from 01 to 16")
        return None
    return value
