"""The decode stage on its own (publiccode-standard.md 2.2, 2.4): values, dropped keys, the
one problem the reference reports."""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode

from harvester.publiccode._decode import DecodeProblem, decode
from harvester.publiccode._yaml import load
from harvester.publiccode.model import PUBLICCODE


def _decode(text: str) -> tuple[dict[str, Any], DecodeProblem | None]:
    root = load(text.encode()).root
    assert isinstance(root, MappingNode)
    decoded = decode(root, PUBLICCODE)
    return decoded.values, decoded.problem


def test_scalars_are_coerced_into_string_fields() -> None:
    values, problem = _decode("name: 0x1F\nsoftwareVersion: 1.50\nusedBy: [yes, ~, 1e3]\n")
    assert problem is None
    assert values == {"name": "31", "softwareVersion": "1.5", "usedBy": ["yes", "", "1e3"]}


def test_url_fields_hold_the_reserialised_url() -> None:
    values, _ = _decode("url: https://example.org/a b\nisBasedOn: https://x.org\n")
    assert values == {"url": "https://example.org/a%20b", "isBasedOn": ["https://x.org"]}


def test_a_url_parse_failure_is_unplaced_and_drops_the_key() -> None:
    values, problem = _decode("name: a\nurl: git@github.com:a/b.git\n")
    assert values == {"name": "a"}
    assert problem is not None
    assert problem.line == 0
    assert problem.description.startswith('parsing URL "git@github.com:a/b.git": parse ')


def test_a_key_with_any_problem_is_dropped_whole() -> None:
    values, problem = _decode("legal:\n  license: MIT\n  foo: 1\nname: a\n")
    assert values == {"name": "a"}
    assert problem == DecodeProblem('unknown field "foo"', 3)


def test_model_order_decides_which_problem_is_reported() -> None:
    # usedBy comes before developmentStatus in the model, so its error wins (2.4).
    _, problem = _decode("developmentStatus: [x]\nusedBy: {a: b}\n")
    assert problem == DecodeProblem("wrong type for this field", 2)


def test_an_unknown_top_level_key_counts_only_when_every_field_decoded() -> None:
    _, clean = _decode("smartCity: {}\nname: a\n")
    _, typed = _decode("smartCity: {}\nname: [a]\n")
    assert clean == DecodeProblem('unknown field "smartCity"', 1)
    assert typed == DecodeProblem("wrong type for this field", 2)


def test_booleans_accept_only_boolean_tokens() -> None:
    values, problem = _decode("localisation: {localisationReady: true}\n")
    assert values == {"localisation": {"localisationReady": True}}
    _, problem = _decode('localisation: {localisationReady: "true"}\n')
    assert problem == DecodeProblem("wrong type for this field", 1)


def test_null_means_absent_and_null_list_items_are_empty() -> None:
    values, problem = _decode("name:\nlegal: ~\nmaintenance:\n  contacts:\n    -\n")
    assert problem is None
    assert values == {"maintenance": {"contacts": [{}]}}
