"""Reading publiccode.yml bytes as the reference does (publiccode-standard.md, 2.1 and 2.2)."""

from __future__ import annotations

import pytest
from yaml.nodes import MappingNode, SequenceNode

from harvester.publiccode._yaml import MAX_BYTES, MAX_DEPTH, InvalidDocument, load

REQUIRED = ("publiccodeYmlVersion", "publiccodeYmlVersion is a required field", 0, 0)
MULTIPLE = ("", "multiple YAML documents in one file are not supported", 0, 0)


def invalid(data: bytes) -> tuple[str, str, int, int]:
    with pytest.raises(InvalidDocument) as caught:
        load(data)
    error = caught.value
    return error.key, error.description, error.line, error.column


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
