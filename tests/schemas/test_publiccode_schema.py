"""Tests for schemas/publiccode/publiccode.schema.json, the JSON Schema of publiccode.yml 0.x.

Sample documents live in tests/data/schemas/publiccode/: valid/ holds files the schema must
accept; invalid/ holds files named KEY_REASON.yml, each listed in ``INVALID`` below with the
errors it must produce as (JSON path, failing keyword) pairs.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

DATA = Path(__file__).parents[1] / "data" / "schemas" / "publiccode"
SCHEMAS = files("schemas")

VALID = (
    "full_german_and_english",  # v0.7, every non-deprecated key, two languages
    "minimal",  # version "0", required keys only
    "publiccodeYmlVersion_0.2",  # lowercase `it` section and deprecated keys
    "publiccodeYmlVersion_0.3",
    "publiccodeYmlVersion_0.4",
    "publiccodeYmlVersion_0.5",
)

INVALID = {
    "smartCity_unknown_key": [("$", "additionalProperties")],
    "legal_unknown_key": [("$.legal", "additionalProperties")],
    "developmentStatus_invalid": [("$.developmentStatus", "enum")],
    "categories_invalid": [("$.categories[0]", "enum")],
    "maintenance_contract_without_contractors": [("$.maintenance", "required")],
    "maintenance_internal_with_contractors": [("$.maintenance.contractors", "not")],
    "maintenance_community_without_contacts": [("$.maintenance", "required")],
    "description_invalid_language_tag": [("$.description", "pattern")],
    "localisationReady_string": [("$.localisation.localisationReady", "type")],
    "publiccodeYmlVersion_number": [
        ("$.publiccodeYmlVersion", "enum"),
        ("$.publiccodeYmlVersion", "type"),
    ],
    "platforms_empty": [("$.platforms", "minItems")],
    "shortDescription_too_long": [("$.description.de.shortDescription", "maxLength")],
    "releaseDate_wrong_format": [("$.releaseDate", "pattern")],
    "supports_unknown_alias": [("$.supports[0].id", "anyOf")],
    "it_with_IT": [("$.it", "not")],
}

DEPRECATED = (
    "/properties/monochromeLogo",
    "/properties/inputTypes",
    "/properties/outputTypes",
    "/properties/legal/properties/repoOwner",
    "/properties/legal/properties/authorsFile",
    "/properties/IT",
    "/properties/it",
    "/$defs/descriptionLanguage/properties/genericName",
    "/$defs/countryExtensionIT/properties/conforme",
    "/$defs/countryExtensionIT/properties/riuso",
    "/$defs/countryExtensionIT/properties/piattaforme",
)

SUPPORTED_VERSIONS = "0 0.2 0.2.0 0.2.1 0.2.2 0.3 0.3.0 0.4 0.4.0 0.5 0.5.0 0.7 0.7.0".split()


class _Yaml12Loader(yaml.SafeLoader):
    """A SafeLoader that resolves plain scalars as YAML 1.2 does for dates and booleans.

    PyYAML follows YAML 1.1: unquoted ``2020-01-01`` becomes a date and ``yes``, ``no``,
    ``on`` and ``off`` become booleans. In YAML 1.2, which publiccode.yml uses, they are strings.
    """


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _load(kind: str, stem: str) -> Any:
    text = (DATA / kind / f"{stem}.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 (a SafeLoader subclass)


def _vocabulary(name: str) -> list[str]:
    lines = (SCHEMAS / "vocab" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _resolve(schema: dict[str, Any], pointer: str) -> Any:
    node: Any = schema
    for part in pointer.lstrip("/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _properties_without_description(node: Any, pointer: str = "") -> list[str]:
    if isinstance(node, list):
        return [
            missing
            for index, item in enumerate(node)
            for missing in _properties_without_description(item, f"{pointer}/{index}")
        ]
    if not isinstance(node, dict):
        return []
    missing = [
        f"{pointer}/properties/{name}"
        for name, subschema in node.get("properties", {}).items()
        if isinstance(subschema, dict) and "description" not in subschema
    ]
    for key, value in node.items():
        if key not in {"if", "enum", "const", "examples"}:  # `if` states conditions only
            missing += _properties_without_description(value, f"{pointer}/{key}")
    return missing


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = (SCHEMAS / "publiccode" / "publiccode.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


@pytest.fixture
def minimal() -> Any:
    return _load("valid", "minimal")


def _errors(validator: Draft202012Validator, document: Any) -> list[tuple[str, str]]:
    errors = validator.iter_errors(document)
    return sorted((error.json_path, str(error.validator)) for error in errors)


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)


def test_schema_declares_draft_2020_12_and_a_urn_id(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:kataster:schema:publiccode-0"


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    assert _properties_without_description(schema) == []


@pytest.mark.parametrize("pointer", DEPRECATED)
def test_deprecated_key_is_marked_deprecated(schema: dict[str, Any], pointer: str) -> None:
    assert _resolve(schema, pointer)["deprecated"] is True


def test_categories_enum_equals_vocabulary(schema: dict[str, Any]) -> None:
    enum = schema["properties"]["categories"]["items"]["enum"]
    assert enum == _vocabulary("categories.txt")


def test_scope_enum_equals_vocabulary(schema: dict[str, Any]) -> None:
    enum = schema["properties"]["intendedAudience"]["properties"]["scope"]["items"]["enum"]
    assert enum == _vocabulary("scopes.txt")


def test_supports_aliases_equal_vocabulary(schema: dict[str, Any]) -> None:
    id_schema = schema["properties"]["supports"]["items"]["properties"]["id"]
    assert id_schema["anyOf"][0]["enum"] == [f"alias:{a}" for a in _vocabulary("aliases.txt")]


def test_version_enum_lists_the_versions_the_reference_accepts(schema: dict[str, Any]) -> None:
    assert schema["properties"]["publiccodeYmlVersion"]["enum"] == SUPPORTED_VERSIONS


@pytest.mark.parametrize(
    ("text", "value"),
    [("2020-01-01", "2020-01-01"), ("yes", "yes"), ("off", "off"), ("true", True), ("0.7", 0.7)],
)
def test_loader_resolves_plain_scalars_as_yaml_1_2(text: str, value: object) -> None:
    assert yaml.load(f"key: {text}", Loader=_Yaml12Loader) == {"key": value}  # noqa: S506


@pytest.mark.parametrize("stem", VALID)
def test_accepts_valid_document(validator: Draft202012Validator, stem: str) -> None:
    assert _errors(validator, _load("valid", stem)) == []


@pytest.mark.parametrize("stem", sorted(INVALID))
def test_rejects_invalid_document_at_expected_path(
    validator: Draft202012Validator, stem: str
) -> None:
    assert _errors(validator, _load("invalid", stem)) == sorted(INVALID[stem])


@pytest.mark.parametrize(("kind", "listed"), [("valid", set(VALID)), ("invalid", set(INVALID))])
def test_every_sample_file_is_listed(kind: str, listed: set[str]) -> None:
    assert {path.stem for path in (DATA / kind).glob("*.yml")} == listed


@pytest.mark.parametrize("version", SUPPORTED_VERSIONS)
def test_accepts_every_version_the_reference_accepts(
    validator: Draft202012Validator, minimal: Any, version: str
) -> None:
    minimal["publiccodeYmlVersion"] = version
    assert _errors(validator, minimal) == []


@pytest.mark.parametrize("version", ["0.6", "0.7.1", "1", "1.0", " 0", "v0.7"])
def test_rejects_version_the_reference_does_not_support(
    validator: Draft202012Validator, minimal: Any, version: str
) -> None:
    minimal["publiccodeYmlVersion"] = version
    assert _errors(validator, minimal) == [("$.publiccodeYmlVersion", "enum")]


@pytest.mark.parametrize(
    "tag", ["en", "de", "en-US", "es-419", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "i-klingon"]
)
def test_description_accepts_bcp47_language_tag(
    validator: Draft202012Validator, minimal: Any, tag: str
) -> None:
    minimal["description"] = {tag: minimal["description"]["de"]}
    assert _errors(validator, minimal) == []


@pytest.mark.parametrize("tag", ["en_GB", "pt_BR", "english", "e", "en-", "en US", "123"])
def test_description_rejects_malformed_language_tag(
    validator: Draft202012Validator, minimal: Any, tag: str
) -> None:
    minimal["description"] = {tag: minimal["description"]["de"]}
    assert _errors(validator, minimal) == [("$.description", "pattern")]


def test_description_requires_texts_in_every_language(
    validator: Draft202012Validator, minimal: Any
) -> None:
    minimal["description"]["en"] = {"shortDescription": "Report damage in town."}
    assert _errors(validator, minimal) == [
        ("$.description.en", "required"),  # longDescription
        ("$.description.en", "required"),  # features
    ]


def test_contract_maintenance_accepts_an_empty_contractors_list(
    validator: Draft202012Validator, minimal: Any
) -> None:
    minimal["maintenance"] = {"type": "contract", "contractors": []}
    assert _errors(validator, minimal) == []


def test_long_description_under_150_characters_is_rejected(
    validator: Draft202012Validator, minimal: Any
) -> None:
    minimal["description"]["de"]["longDescription"] = "x" * 149
    assert _errors(validator, minimal) == [("$.description.de.longDescription", "minLength")]


@pytest.mark.parametrize(
    "uri",
    [
        "https://www.example.org",
        "https://www.example.org/a path/with spaces",
        "urn:x-italian-pa:c_h501",
        "urn:ietf:rfc:2141",
    ],
)
def test_organisation_accepts_urn_or_url_with_host(
    validator: Draft202012Validator, minimal: Any, uri: str
) -> None:
    minimal["organisation"] = {"uri": uri}
    assert _errors(validator, minimal) == []


@pytest.mark.parametrize(
    "uri", ["example.org", "mailto:info@example.org", "urn:urn:x", "https://", "https:/x.org"]
)
def test_organisation_rejects_uri_without_host_or_urn_syntax(
    validator: Draft202012Validator, minimal: Any, uri: str
) -> None:
    minimal["organisation"] = {"uri": uri}
    assert _errors(validator, minimal) == [("$.organisation.uri", "pattern")]


def test_unquoted_yaml_1_1_date_loaded_as_date_is_rejected(
    validator: Draft202012Validator, minimal: Any
) -> None:
    minimal["releaseDate"] = yaml.safe_load("2020-01-01")
    assert _errors(validator, minimal) == [("$.releaseDate", "type")]
