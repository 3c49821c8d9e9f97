"""Where findings sit: the placement rules of publiccode-standard.md 2.10 and the decode key of 2.4."""

from __future__ import annotations

import pytest

from harvester.publiccode._locate import Position, line_keys, locate
from harvester.publiccode._paths import Language, Path
from harvester.publiccode._yaml import load


def position(text: str, path: Path) -> Position:
    document = load(text.encode())
    return locate(document.root, document.text, path)


def keys(text: str) -> dict[int, str]:
    return line_keys(load(text.encode()).root)


# --- the last segment is a key that is there ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("name: x\n", ("name",), (1, 1)),
        ("a: 1\nlegal:\n  license: MIT\n", ("legal", "license"), (3, 3)),
        ('a: 1\nlegal:\n  "license": MIT\n', ("legal", "license"), (3, 3)),
        ("legal: {a: 1, 'license': MIT}\n", ("legal", "license"), (1, 15)),
        ("name:\n", ("name",), (1, 1)),
        ("logo:\n  - x\n", ("logo",), (1, 1)),
    ],
    ids=["top level", "nested", "quoted key", "flow mapping", "null value", "list value"],
)
def test_a_key_that_is_there_sits_on_its_first_character(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


def test_a_language_segment_finds_its_raw_tag() -> None:
    text = "description:\n  en:\n    x: 1\n  en-US:\n    features: []\n"
    assert position(text, ("description", Language("en-US"), "features")) == (5, 5)


# --- [i] segments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("platforms:\n  - web\n  - ios\n", ("platforms", 1), (3, 5)),
        ('platforms:\n  - web\n  - "ios"\n', ("platforms", 1), (3, 5)),
        ("platforms: [web, ios]\n", ("platforms", 1), (1, 18)),
        ("contacts:\n  - email: a@b.de\n    name: A\n", ("contacts", 0), (2, 5)),
        ("contacts:\n  - {name: A}\n", ("contacts", 0), (2, 5)),
        ("contacts: [x, {name: A}]\n", ("contacts", 1), (1, 15)),
    ],
    ids=["scalar", "quoted scalar", "flow item", "block mapping", "flow mapping", "flow in flow"],
)
def test_an_index_into_a_list_sits_on_the_items_first_token(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


def test_an_index_continues_inside_its_item() -> None:
    text = "maintenance:\n  contacts:\n    - name: A\n    - name: B\n      email: x\n"
    assert position(text, ("maintenance", "contacts", 1, "email")) == (5, 7)


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("isBasedOn: x\n", ("isBasedOn", 0), (1, 1)),
        ("a: 1\nplatforms: [web]\n", ("platforms", 3), (2, 1)),
        ("a: 1\nplatforms:\n  - web\n", ("platforms", 1), (2, 1)),
        ("a: 1\nplatforms:\n", ("platforms", 0), (2, 1)),
        ("a: 1\nplatforms:\n  x: 1\n", ("platforms", 0), (2, 1)),
        ("a:\n  b:\n    x: 1\n", ("a", "b", 0, "c"), (2, 3)),
    ],
    ids=["scalar", "short flow list", "short block list", "null", "mapping", "nested"],
)
def test_an_index_into_something_that_is_not_a_long_enough_list_sits_on_the_key(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


# --- the path goes on, but the value cannot hold it -----------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("legal: MIT\n", ("legal", "license"), (1, 8)),
        ('legal: "MIT"\n', ("legal", "license"), (1, 8)),
        ("legal:\n  - x\n", ("legal", "license"), (2, 3)),
        ("legal: [x]\n", ("legal", "license"), (1, 8)),
        ("contacts:\n  - x\n", ("contacts", 0, "name"), (2, 5)),
    ],
    ids=["plain scalar", "quoted scalar", "block list", "flow list", "scalar item"],
)
def test_a_path_through_a_scalar_or_list_sits_on_that_value(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


# --- implicit nulls -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("legal:\nname: x\n", ("legal", "license"), (1, 7)),
        ("platforms:\n  -\n  - ios\n", ("platforms", 0), (2, 4)),
        ("maintenance:\n  type:\n  contacts: []\n", ("maintenance", "type", "x"), (2, 8)),
    ],
    ids=["after a key", "after a dash", "nested"],
)
def test_an_implicit_null_sits_one_column_after_its_colon_or_dash(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("name: x\nlegal:\n", ("legal", "license"), (2, 8)),
        ("name: x\nlegal:", ("legal", "license"), (2, 8)),
        ("platforms:\n  - ios\n  -\n", ("platforms", 1), (3, 5)),
    ],
    ids=["key with newline", "key without newline", "dash"],
)
def test_an_implicit_null_that_ends_the_file_sits_two_columns_after(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


# --- segments that are missing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("# publiccode.yml\n\nname: x\nurl: y\n", ("platforms",), (3, 1)),
        ("a: 1\norganisation:\n  name: X\n  x: y\n", ("organisation", "uri"), (3, 3)),
        (
            "maintenance:\n  contacts:\n    - email: a@b.de\n      phone: 1\n",
            ("maintenance", "contacts", 0, "name"),
            (3, 7),
        ),
    ],
    ids=["top level", "nested", "list item"],
)
def test_a_missing_last_key_of_a_block_mapping_sits_on_its_first_key(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("a: 1\nlegal: {mainCopyrightOwner: X}\n", ("legal", "license"), (2, 8)),
        ("contacts: [{email: a@b.de}]\n", ("contacts", 0, "name"), (1, 12)),
        ("{name: x}\n", ("url",), (1, 1)),
    ],
    ids=["nested", "list item", "top level"],
)
def test_a_missing_last_key_of_a_flow_mapping_sits_on_its_brace(
    text: str, path: Path, expected: Position
) -> None:
    assert position(text, path) == expected


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("name: x\n", ("maintenance", "type")),
        ("name: x\n", ("legal", "license")),
        ("maintenance:\n  type: contract\n", ("maintenance", "contractors", 0, "until")),
        ("description:\n  en:\n    x: 1\n", ("description", Language("de"), "features")),
    ],
    ids=["maintenance.type", "legal.license", "list", "language"],
)
def test_a_missing_intermediate_key_is_unplaced(text: str, path: Path) -> None:
    assert position(text, path) == (0, 0)


# --- line_keys: the key of a decode error's line (2.4) --------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("a: 1\nname: x\n", 2, "name"),
        ("legal:\n  license: MIT\n", 2, "legal.license"),
        ("name:\n  - x\n", 2, "name[0]"),
        ("name:\n  first: x\n", 2, "name.first"),
        ("maintenance:\n  contacts:\n    - foo: 1\n      name: A\n", 3, "maintenance.contacts[0]"),
        (
            "maintenance:\n  contacts:\n    - foo: 1\n      name: A\n",
            4,
            "maintenance.contacts[0].name",
        ),
        ("description:\n  en-US:\n    genericName: x\n", 3, "description.en-US.genericName"),
        ("description:\n  en-US:\n    videos:\n      - x\n", 4, "description.en-US.videos[0]"),
        ("legal: {license: MIT}\n", 1, "legal"),
        ("usedBy: [a,\n  b]\n", 2, "usedBy[1]"),
        ("a:\n  b: {c: 1,\n    d: 2}\n", 3, "a.b.d"),
        ("a:\n  - - b\n", 2, "a[0]"),
        ('"quoted": 1\n', 1, "quoted"),
    ],
    ids=[
        "top level",
        "nested",
        "list under a key",
        "mapping under a key",
        "first key of an item gives the item",
        "later key of an item",
        "raw language tag",
        "list under a language",
        "first of a flow mapping",
        "flow list item",
        "flow mapping key",
        "nested list",
        "quoted key",
    ],
)
def test_a_line_gets_the_path_of_its_first_key_or_item(text: str, line: int, key: str) -> None:
    assert keys(text)[line] == key


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\n# comment\nb: 2\n", 2),
        ("a: 1\n\nb: 2\n", 2),
        ("long: >\n  folded\n  text\nb: 2\n", 3),
        ("usedBy: [a,\n  ]\n", 2),
    ],
    ids=["comment", "blank", "block scalar", "closing bracket"],
)
def test_a_line_without_a_key_or_item_has_none(text: str, line: int) -> None:
    assert line not in keys(text)


def test_every_key_of_a_small_document_is_on_its_line() -> None:
    text = "name: x\nlegal:\n  license: MIT\nplatforms:\n  - web\n"
    assert keys(text) == {
        1: "name",
        2: "legal",
        3: "legal.license",
        4: "platforms",
        5: "platforms[0]",
    }
