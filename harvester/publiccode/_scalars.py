"""YAML 1.2 scalars as goccy/go-yaml resolves them, and their text in Go (standard 2.2).

Plain scalars keep :data:`PLAIN_TAG` from our resolver (see :mod:`._yaml`) and are resolved
here: ``yes``/``no``/``on``/``off`` are strings, ``010`` is octal, ``1e3`` is a string, and a
string field receives Go's text of a number (``1.0`` becomes ``1``).
"""

from __future__ import annotations

import decimal
import math
import re
from typing import Final

from yaml.nodes import Node, ScalarNode

__all__ = [
    "PLAIN_STYLES",
    "PLAIN_TAG",
    "STR_TAG",
    "UNSUPPORTED",
    "go_float_text",
    "is_implicit_null",
    "key_text",
    "scalar_text",
    "scalar_value",
]

PLAIN_TAG: Final = "!kataster/plain"
"""The tag our resolver gives every untagged plain scalar, resolved later by our rules."""

PLAIN_STYLES: Final = (None, "")
"""A plain scalar's style: None from PyYAML's Python composer, "" from libyaml's."""

STR_TAG: Final = "tag:yaml.org,2002:str"


class _Unsupported:
    """A scalar whose explicit tag makes it fit no field (``!!timestamp``, ``!!binary``)."""

    def __repr__(self) -> str:
        return "UNSUPPORTED"


UNSUPPORTED: Final = _Unsupported()


_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS: Final = {"true": True, "True": True, "TRUE": True}
_BOOLS.update({"false": False, "False": False, "FALSE": False})
_INT = re.compile(
    r"[-+]?(?:0b_*[01][01_]*|0o_*[0-7][0-7_]*|0x_*[0-9a-fA-F][0-9a-fA-F_]*"
    r"|0[0-7_]+|0|[1-9][0-9_]*)\Z"
)
_MAX_INT_TEXT: Final = 80
"""Longer integer texts cannot fit 64 bits whatever their base: they stay strings."""
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = re.compile(r"(?i)(?P<sign>[-+]?)\.inf\Z|(?P<nan>\.nan)\Z")
_FIRST_NUMERIC: Final = frozenset("0123456789+-.")
_INT64_MIN: Final = -(2**63)
_UINT64_MAX: Final = 2**64 - 1


def scalar_value(node: ScalarNode) -> object:
    """The value of a scalar node: None, bool, int, float, str, or :data:`UNSUPPORTED`."""
    if node.tag == PLAIN_TAG:
        return _plain_value(node.value)
    if node.tag == STR_TAG or node.tag == "!":
        return node.value
    return _tagged_value(node.tag, node.value)


def _plain_value(text: str) -> object:
    if text in _NULLS:
        return None
    first = text[0]
    if first in "tTfF" and text in _BOOLS:
        return _BOOLS[text]
    if first not in _FIRST_NUMERIC:
        return text
    number = _number(text)
    return text if number is None else number


def _number(text: str) -> int | float | None:
    if len(text) <= _MAX_INT_TEXT and _INT.match(text):
        value = _parse_int(text.replace("_", ""))
        return value if _INT64_MIN <= value <= _UINT64_MAX else None
    if text.count(".") == 1 and _FLOAT.match(text) and "_" not in text:
        return float(text)
    special = _SPECIAL_FLOAT.match(text)
    if special is None:
        return None
    if special.group("nan"):
        return math.nan
    return -math.inf if special.group("sign") == "-" else math.inf


def _parse_int(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits[:2] in ("0b", "0o", "0x"):
        return sign * int(digits, 0)
    if len(digits) > 1 and digits[0] == "0":
        return sign * int(digits, 8)
    return sign * int(digits)


def _tagged_value(tag: str, text: str) -> object:
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return _BOOLS.get(text, UNSUPPORTED)
    if tag.endswith(":int") or tag.endswith(":float"):
        number = _number(text)
        return UNSUPPORTED if number is None else number
    return UNSUPPORTED


def go_float_text(value: float) -> str:
    """Go's ``strconv.FormatFloat(value, 'g', -1, 64)``: shortest digits, %e outside 1e-4..1e6.

    ``1.0`` gives ``1``, ``1e20`` gives ``1e+20``, ``0.000001`` gives ``1e-06``.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    _, digit_tuple, exponent = decimal.Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    point = len(digits) + int(exponent)
    exp = point - 1
    if exp < -4 or exp >= 6:
        return sign + _go_exponent_form(digits, exp)
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _go_exponent_form(digits: str, exp: int) -> str:
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{mantissa}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def scalar_text(value: object) -> str:
    """A scalar value as the text Go gives a string field (``true``, ``31``, ``1e+20``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return go_float_text(value)
    return str(value)


def key_text(node: Node) -> str:
    """A mapping key as the text Go's decoder sees (scalars coerced, others empty)."""
    if not isinstance(node, ScalarNode):
        return ""
    value = scalar_value(node)
    return "" if value is None or value is UNSUPPORTED else scalar_text(value)


def is_implicit_null(node: Node) -> bool:
    """True for an empty plain scalar (nothing after ``key:`` or ``-``)."""
    return isinstance(node, ScalarNode) and node.tag == PLAIN_TAG and node.value == ""
