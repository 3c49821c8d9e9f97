"""YAML 1.2 scalars as the reference resolves them (publiccode-standard.md 2.2)."""

from __future__ import annotations

import math

import pytest
from yaml.nodes import MappingNode, ScalarNode

from harvester.publiccode._scalars import PLAIN_TAG, UNSUPPORTED, go_float_text, scalar_value
from harvester.publiccode._yaml import load


def plain(text: str) -> object:
    return scalar_value(ScalarNode(PLAIN_TAG, text))


def value_of(yaml_value: str) -> object:
    """The value of ``v`` in a one-key document, so quoting, tags and blocks come from libyaml."""
    root = load(f"v: {yaml_value}\n".encode()).root
    assert isinstance(root, MappingNode)
    node = root.value[0][1]
    assert isinstance(node, ScalarNode)
    return scalar_value(node)


def same(value: object, expected: object) -> bool:
    """Equal and of the same type, so that ``True`` is not ``1`` and ``1.0`` is not ``1``."""
    return type(value) is type(expected) and value == expected


# --- scalar_value: plain scalars (the table of 2.2) -----------------------------------------


@pytest.mark.parametrize("text", ["", "null", "Null", "NULL", "~"])
def test_plain_null_spellings_are_null(text: str) -> None:
    assert plain(text) is None


def test_nothing_after_the_colon_is_null() -> None:
    root = load(b"v:\n").root
    assert isinstance(root, MappingNode)
    assert scalar_value(root.value[0][1]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
    ],
)
def test_the_six_boolean_spellings_are_booleans(text: str, expected: bool) -> None:
    assert plain(text) is expected


@pytest.mark.parametrize(
    "text", ["yes", "no", "on", "off", "y", "n", "Yes", "tRUE", "fAlse", "nULL", "NuLL"]
)
def test_other_boolean_and_null_lookalikes_are_strings(text: str) -> None:
    assert same(plain(text), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("12", 12),
        ("+12", 12),
        ("-12", -12),
        ("1_000", 1000),
        ("0x1F", 31),
        ("0o17", 15),
        ("0b101", 5),
        ("010", 8),
        ("0777", 511),
        ("9223372036854775807", 2**63 - 1),
        ("-9223372036854775808", -(2**63)),
    ],
)
def test_integer_forms_are_integers(text: str, expected: int) -> None:
    assert same(plain(text), expected)


@pytest.mark.parametrize("text", ["08", "09", "0128"])
def test_a_leading_zero_with_a_non_octal_digit_is_a_string(text: str) -> None:
    assert same(plain(text), text)


@pytest.mark.parametrize("text", ["18446744073709551616", "-9223372036854775809", "9" * 30])
def test_an_integer_outside_64_bits_is_a_string(text: str) -> None:
    assert same(plain(text), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("1.0", 1.0),
        ("0.7", 0.7),
        ("-1.5", -1.5),
        ("1.0e+21", 1e21),
        (".inf", math.inf),
        (".Inf", math.inf),
        (".INF", math.inf),
        ("+.inf", math.inf),
        ("-.inf", -math.inf),
        ("-.Inf", -math.inf),
        ("-.INF", -math.inf),
    ],
)
def test_float_forms_are_floats(text: str, expected: float) -> None:
    assert same(plain(text), expected)


@pytest.mark.parametrize("text", [".nan", ".NaN", ".NAN"])
def test_nan_spellings_are_nan(text: str) -> None:
    value = plain(text)
    assert isinstance(value, float)
    assert math.isnan(value)


@pytest.mark.parametrize(
    "text", ["1e3", "2020-01-01", "12:30", "0.7.0", "1.2.3", "Mängelmelder", "EUPL-1.2"]
)
def test_other_plain_scalars_are_strings(text: str) -> None:
    assert same(plain(text), text)


# --- scalar_value: quoted, block and tagged scalars ----------------------------------------


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ('"true"', "true"),
        ("'12'", "12"),
        ('"1.5"', "1.5"),
        ("'null'", "null"),
        ('""', ""),
        ("|\n  010\n", "010\n"),
        (">\n  yes\n", "yes\n"),
        ("!!str 12", "12"),
        ("!!str true", "true"),
    ],
)
def test_quoted_block_and_str_tagged_scalars_are_strings(yaml_value: str, expected: str) -> None:
    assert same(value_of(yaml_value), expected)


@pytest.mark.parametrize("yaml_value", ["!!timestamp 2020-01-01", "!!binary aGVsbG8="])
def test_a_timestamp_or_binary_tag_fits_no_field(yaml_value: str) -> None:
    assert value_of(yaml_value) is UNSUPPORTED


# --- go_float_text: Go's strconv.FormatFloat(f, 'g', -1, 64) ------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (1.50, "1.5"),
        (1e20, "1e+20"),
        (100000000000000000000.0, "1e+20"),
        (0.000001, "1e-06"),
        (math.inf, "+Inf"),
        (-math.inf, "-Inf"),
        (math.nan, "NaN"),
        (1234567.0, "1.234567e+06"),
        (123456.0, "123456"),
        (1000000.0, "1e+06"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-2.5, "-2.5"),
        (1e21, "1e+21"),
        (1e100, "1e+100"),
        (0.0, "0"),
    ],
)
def test_go_float_text_writes_go_shortest_form(value: float, text: str) -> None:
    assert go_float_text(value) == text
