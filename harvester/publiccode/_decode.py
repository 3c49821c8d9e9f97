"""Decode stage: from YAML nodes to plain values of the model, as goccy/go-yaml decodes.

publiccode-standard.md 2.2 and 2.4. Scalars are coerced into the field's type, unknown keys
and type errors are decode problems. Only the first problem is reported, found in the
reference's order: known fields in model order, then unknown keys (only if the known fields
were clean), list items and languages in document order. Every top-level key whose subtree
had a problem is dropped whole, so struct validation then sees it as absent.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import _gourl
from ._scalars import UNSUPPORTED, key_text, scalar_text, scalar_value
from .model import Field, Kind, Struct

__all__ = ["DecodeProblem", "Decoded", "decode"]

_WRONG_TYPE = "wrong type for this field"

_Memo = dict[tuple[int, int], Any]
"""Decoded collections by (node, field): aliases repeat nodes, never their decoding."""


@dataclass(frozen=True, slots=True)
class DecodeProblem:
    """The one decode error the reference reports; ``line`` 0 means unplaced (URL errors)."""

    description: str
    line: int


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded top-level mapping (dropped keys absent) and the first problem, if any."""

    values: dict[str, Any]
    problem: DecodeProblem | None


class _Problem(Exception):
    """Raised inside the decoder; the first one in the reference's order ends a subtree."""

    def __init__(self, description: str, node: Node | None) -> None:
        super().__init__(description)
        self.problem = _at(description, node)


def _at(description: str, node: Node | None) -> DecodeProblem:
    return DecodeProblem(description, node.start_mark.line + 1 if node is not None else 0)


def decode(root: MappingNode, struct: Struct) -> Decoded:
    """Decode the top-level mapping: every field, dropping those with problems."""
    pairs = _pairs(root)
    values: dict[str, Any] = {}
    first: DecodeProblem | None = None
    memo: _Memo = {}
    for field in struct.fields:
        pair = pairs.get(field.name)
        if pair is None:
            continue
        try:
            value = _decode_field(field, pair[1], memo)
        except _Problem as problem:
            first = first or problem.problem
            continue
        if value is not None:
            values[field.name] = value
    unknown = _unknown_key(pairs, struct)
    if first is None and unknown is not None:
        first = _at(_unknown(unknown), unknown)
    return Decoded(values, first)


def _pairs(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    pairs: dict[str, tuple[Node, Node]] = {}
    for key, value in node.value:
        pairs.setdefault(key_text(key), (key, value))
    return pairs


def _unknown_key(pairs: dict[str, tuple[Node, Node]], struct: Struct) -> Node | None:
    """The first key, in document order, that the struct does not know."""
    for name, (key, _) in pairs.items():
        if name not in struct.by_name:
            return key
    return None


def _unknown(key: Node) -> str:
    return f"unknown field {json.dumps(key_text(key), ensure_ascii=False)}"


def _decode_struct(struct: Struct, node: Node, memo: _Memo) -> dict[str, Any] | None:
    if _is_null(node):
        return None
    if not isinstance(node, MappingNode):
        raise _Problem(_WRONG_TYPE, node)
    pairs = _pairs(node)
    values: dict[str, Any] = {}
    for field in struct.fields:
        pair = pairs.get(field.name)
        if pair is not None:
            value = _decode_field(field, pair[1], memo)
            if value is not None:
                values[field.name] = value
    unknown = _unknown_key(pairs, struct)
    if unknown is not None:
        raise _Problem(_unknown(unknown), unknown)
    return values


def _decode_field(field: Field, node: Node, memo: _Memo) -> Any:
    """Decode one value; a node met again through an alias gives the same object back."""
    if isinstance(node, ScalarNode):
        return _DECODERS[field.kind](field, node, memo)
    key = (id(node), id(field))
    if key not in memo:
        memo[key] = _DECODERS[field.kind](field, node, memo)
    return memo[key]


def _decode_string(field: Field, node: Node, memo: _Memo) -> str | None:
    if not isinstance(node, ScalarNode):
        raise _Problem(_WRONG_TYPE, node)
    value = scalar_value(node)
    if value is UNSUPPORTED:
        raise _Problem(_WRONG_TYPE, node)
    return None if value is None else scalar_text(value)


def _decode_bool(field: Field, node: Node, memo: _Memo) -> bool | None:
    value = scalar_value(node) if isinstance(node, ScalarNode) else UNSUPPORTED
    if value is None or isinstance(value, bool):
        return value
    raise _Problem(_WRONG_TYPE, node)


def _decode_url(field: Field, node: Node, memo: _Memo) -> str | None:
    text = _decode_string(field, node, memo)
    return None if text is None else _url(text)


def _url(text: str) -> str:
    url, problem = _reserialised(text)
    if problem is not None:
        raise _Problem(problem, None)
    return url


@functools.lru_cache(maxsize=1024)
def _reserialised(text: str) -> tuple[str, str | None]:
    """Go's url.Parse then String(), or the decode error; cached, as aliases repeat values."""
    try:
        return _gourl.parse(text).string(), None
    except _gourl.InvalidGoURL as error:
        message = str(error)
        quoted = message[len("parse ") : len(message) - len(error.reason) - 2]
        return text, f"parsing URL {quoted}: {message}"


def _decode_strings(field: Field, node: Node, memo: _Memo) -> list[str] | None:
    if _is_null(node):
        return None
    if not isinstance(node, SequenceNode):
        raise _Problem(_WRONG_TYPE, node)
    return [_decode_string(field, item, memo) or "" for item in node.value]


def _decode_urls(field: Field, node: Node, memo: _Memo) -> list[str] | None:
    if _is_null(node):
        return None
    if not isinstance(node, SequenceNode):
        raise _Problem(_WRONG_TYPE, node)
    # Item by item: the first problem in document order wins, type or URL (2.4).
    return [_url(_decode_string(field, item, memo) or "") for item in node.value]


def _decode_url_or_urls(field: Field, node: Node, memo: _Memo) -> list[str] | None:
    if isinstance(node, ScalarNode):
        url = _decode_url(field, node, memo)
        return None if url is None else [url]
    return _decode_urls(field, node, memo)


def _decode_struct_field(field: Field, node: Node, memo: _Memo) -> dict[str, Any] | None:
    assert field.struct is not None
    return _decode_struct(field.struct, node, memo)


def _decode_structs(field: Field, node: Node, memo: _Memo) -> list[dict[str, Any]] | None:
    assert field.struct is not None
    if _is_null(node):
        return None
    if not isinstance(node, SequenceNode):
        raise _Problem(_WRONG_TYPE, node)
    return [_decode_struct(field.struct, item, memo) or {} for item in node.value]


def _decode_languages(field: Field, node: Node, memo: _Memo) -> dict[str, dict[str, Any]] | None:
    assert field.struct is not None
    if _is_null(node):
        return None
    if not isinstance(node, MappingNode):
        raise _Problem(_WRONG_TYPE, node)
    languages: dict[str, dict[str, Any]] = {}
    for key, value in node.value:
        languages[key_text(key)] = _decode_struct(field.struct, value, memo) or {}
    return languages


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and scalar_value(node) is None


_DECODERS = {
    Kind.STRING: _decode_string,
    Kind.BOOL: _decode_bool,
    Kind.URL: _decode_url,
    Kind.STRINGS: _decode_strings,
    Kind.URLS: _decode_urls,
    Kind.URL_OR_URLS: _decode_url_or_urls,
    Kind.STRUCT: _decode_struct_field,
    Kind.STRUCTS: _decode_structs,
    Kind.LANGUAGES: _decode_languages,
}
