"""Reading publiccode.yml bytes as the reference does (publiccode-standard.md, 2.1 and 2.2)."""

from __future__ import annotations

import math

import pytest
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from harvester.publiccode._yaml import (
    MAX_BYTES,
    MAX_DEPTH,
    PLAIN_TAG,
    UNSUPPORTED,
    InvalidDocument,
    go_float_text,
    load,
    scalar_value,
)

REQUIRED = ("publiccodeYmlVersion", "publiccodeYmlVersion is a required field", 0, 0)
MULTIPLE = ("", "multiple YAML documents in one file are not supported", 0, 0)


def plain(text: str) -> object:
    return scalar_value(ScalarNode(PLAIN_TAG, text))


def value_of(yaml_value: str) -> object:
    """The value of ``v`` in a one-key document, so quoting, tags and blocks come from libyaml."""
    root = load(f"v: {yaml_value}\n".encode()).root
    assert isinstance(root, MappingNode)
    node = root.value[0][1]
    assert isinstance(node, ScalarNode)
    return scalar_value(node)


def invalid(data: bytes) -> tuple[str, str, int, int]:
    with pytest.raises(InvalidDocument) as caught:
        load(data)
    error = caught.value
    return error.key, error.description, error.line, error.column


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


# --- load: stage 0, UTF-8 -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"\xff", b"name: M\xe4ngelmelder\n", b"\xff\xfen\x00a\x00m\x00e\x00"],
    ids=["lone byte", "latin-1", "utf-16"],
)
def test_bytes_that_are_not_utf8_are_the_references_utf8_error(data: bytes) -> None:
    assert invalid(data) == ("", "Invalid UTF-8", 0, 0)


# --- load: stage 1, syntax ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "description", "line"),
    [
        (b'name: "abc', "could not find end character of double-quoted text", 1),
        (b"a: b: c\n", "mapping value is not allowed in this context", 1),
        (b"a:\n\tb: 1\n", "found character '\\t' that cannot start any token", 2),
        (b"a: [1, 2", "sequence end token ']' not found", 1),
    ],
    ids=["unclosed quote", "mapping value", "tab", "unclosed sequence"],
)
def test_syntax_error_is_the_references_message_on_its_line_in_column_1(
    data: bytes, description: str, line: int
) -> None:
    assert invalid(data) == ("", description, line, 1)


def test_a_duplicate_key_is_a_syntax_error_at_its_second_occurrence() -> None:
    data = b'publiccodeYmlVersion: "0"\nname: a\nname: b\n'
    assert invalid(data) == ("", 'mapping key "name" already defined at [2:1]', 3, 1)


def test_a_duplicate_key_inside_a_nested_mapping_is_a_syntax_error() -> None:
    data = b"legal:\n  license: MIT\n  license: EUPL-1.2\n"
    assert invalid(data) == ("", 'mapping key "license" already defined at [2:3]', 3, 1)


# --- load: stage 2, documents ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n",
        b"# only a comment\n",
        b"---\n",
        b"null\n",
        b"~\n",
        b"---\n---\npubliccodeYmlVersion: '0'\n",
    ],
    ids=["empty", "blank", "comment", "lone marker", "null", "tilde", "empty first document"],
)
def test_no_document_or_an_empty_first_one_is_the_required_version_error(data: bytes) -> None:
    assert invalid(data) == REQUIRED


@pytest.mark.parametrize(
    "data",
    [
        b"a: 1\n---\n",
        b"a: 1\n---\nb: 2\n",
        b"---\na: 1\n---\nb: 2\n",
        b"a: 1\n--- \n",
    ],
    ids=["empty trailing", "second document", "both marked", "marker with space"],
)
def test_a_second_document_is_the_multiple_documents_error(data: bytes) -> None:
    assert invalid(data) == MULTIPLE


def test_a_final_document_end_marker_alone_is_fine() -> None:
    root = load(b"a: 1\n...\n").root
    assert isinstance(root, MappingNode)
    assert [key.value for key, _ in root.value] == ["a"]


def test_a_top_level_that_is_not_a_mapping_is_left_to_the_version_check() -> None:
    assert isinstance(load(b"- a\n- b\n").root, SequenceNode)


# --- load: Kataster's own limits ------------------------------------------------------------


def test_a_document_of_exactly_the_size_limit_is_read() -> None:
    data = b"a: 1\n" + b"#" * (MAX_BYTES - 5)
    assert len(data) == MAX_BYTES
    assert isinstance(load(data).root, MappingNode)


def test_a_document_over_the_size_limit_is_one_file_level_error() -> None:
    data = b"a: 1\n" + b"#" * MAX_BYTES
    assert invalid(data) == ("", "file is larger than 1024 KiB, the largest Kataster reads", 0, 0)


def test_nesting_of_exactly_the_limit_is_read() -> None:
    # the top-level mapping is one level, each list one more
    data = ("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n").encode()
    assert isinstance(load(data).root, MappingNode)


@pytest.mark.parametrize(
    "data",
    [
        ("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n").encode(),
        ("- " * (MAX_DEPTH + 1) + "x\n").encode(),
        ("{a: " * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1) + "\n").encode(),
    ],
    ids=["flow lists", "block lists", "flow mappings"],
)
def test_nesting_one_level_over_the_limit_is_rejected(data: bytes) -> None:
    assert invalid(data) == ("", "nesting deeper than 100 levels is not supported", 1, 1)


def test_nesting_far_beyond_the_limit_is_rejected_without_composing() -> None:
    data = b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    key, description, _, _ = invalid(data)
    assert (key, description) == ("", "nesting deeper than 100 levels is not supported")


# --- load: what survives into the document --------------------------------------------------


def test_a_byte_order_mark_stays_glued_to_the_first_key() -> None:
    root = load(b"\xef\xbb\xbfpubliccodeYmlVersion: '0'\nname: x\n").root
    assert isinstance(root, MappingNode)
    assert [key.value for key, _ in root.value] == ["\ufeffpubliccodeYmlVersion", "name"]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"a: 1\nb: *nowhere\n", 2),
        (b"a:\n  - x\n  - *nowhere\n", 3),
        (b"a: *first\nb: *second\n", 1),
    ],
    ids=["top level", "in a list", "first of two"],
)
def test_an_undefined_alias_is_recorded_with_its_line(data: bytes, line: int) -> None:
    assert load(data).undefined_alias_line == line


def test_a_defined_alias_records_no_undefined_alias() -> None:
    assert load(b"a: &x 1\nb: *x\n").undefined_alias_line == 0
