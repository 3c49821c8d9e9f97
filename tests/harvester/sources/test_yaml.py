"""Reading a sources file into positioned YAML nodes, safely.

Untrusted input must not hurt: no alias expansion, bounded depth and size, positions for
every refusal. Plain scalars follow the YAML 1.2 core schema.
"""

from __future__ import annotations

import pytest

from harvester.sources import InvalidSources
from harvester.sources._yaml import MAX_DEPTH, MAX_NODES, Mapping, Scalar, Sequence, read


def _value(text: str) -> object:
    root = read(f"key: {text}\n".encode(), "t.yml")
    assert isinstance(root, Mapping)
    node = root.items[0][1]
    assert isinstance(node, Scalar)
    return node.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("05122000", 5122000),
        ("0x1F", 31),
        ("0o17", 15),
        ("2019", 2019),
        ("1e3", 1000.0),
        ("'05122000'", "05122000"),
        ('"true"', "true"),
        ("!!str 05122000", "05122000"),
        ("Großstadt", "Großstadt"),
        ("1" * 5000, "1" * 5000),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    assert _value(text) == value


def test_nodes_carry_one_based_lines_and_columns() -> None:
    root = read(b"publishers:\n  - id: a\n", "t.yml")
    assert isinstance(root, Mapping)
    key, publishers = root.items[0]
    assert (key.line, key.column) == (1, 1)
    assert isinstance(publishers, Sequence)
    (publisher,) = publishers.items
    assert isinstance(publisher, Mapping)
    assert [(k.value, v.line, v.column) for k, v in publisher.items] == [("id", 2, 9)]


def test_columns_count_characters_not_bytes() -> None:
    root = read("ä: [ö, x]\n".encode(), "t.yml")
    assert isinstance(root, Mapping)
    value = root.items[0][1]
    assert isinstance(value, Sequence)
    assert [(n.line, n.column) for n in value.items] == [(1, 5), (1, 8)]


def test_an_empty_file_has_no_document() -> None:
    assert read(b"", "t.yml") is None


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    with pytest.raises(InvalidSources) as raised:
        read("\n".join(lines).encode(), "bomb.yml")
    assert len(raised.value.errors) == 9 + 8 * 9
    assert {e.message for e in raised.value.errors} == {
        "YAML anchors (&name) are not allowed in a sources file",
        "YAML aliases (*name) are not allowed in a sources file",
    }


def test_deep_nesting_is_refused_at_the_first_level_too_deep() -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(InvalidSources) as raised:
        read(data, "deep.yml")
    (error,) = raised.value.errors
    assert (error.line, error.column) == (1, MAX_DEPTH + 1)
    assert error.message == f"nested deeper than {MAX_DEPTH} levels"


def test_deep_nesting_up_to_the_limit_is_read() -> None:
    data = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    assert isinstance(read(data, "t.yml"), Sequence)


def test_too_many_nodes_are_refused() -> None:
    data = b"[" + b"1," * MAX_NODES + b"1]"
    with pytest.raises(InvalidSources, match=f"more than {MAX_NODES} YAML nodes"):
        read(data, "many.yml")


def test_a_control_character_is_reported_at_its_position() -> None:
    with pytest.raises(InvalidSources) as raised:
        read("a: ä\nb: x\x07\n".encode(), "t.yml")
    (error,) = raised.value.errors
    assert (error.line, error.column) == (2, 5)
    assert "control characters are not allowed" in error.message


def test_a_complex_key_is_refused() -> None:
    with pytest.raises(InvalidSources, match=r"t.yml:1:3: a key must be a name"):
        read(b"? [a, b]\n: c\n", "t.yml")


def test_tags_on_collections_are_refused() -> None:
    with pytest.raises(InvalidSources, match=r"t.yml:1:4: YAML tags \(!!set\) are not allowed"):
        read(b"a: !!set {x}\n", "t.yml")
