"""Readers of licence fields, one per manifest format: (field, value) pairs as written.

Each reader raises InvalidManifest for a file it cannot read; values that are not strings
are skipped. XML is parsed with the standard library's expat after refusing any DOCTYPE or
entity declaration (defusedxml is not installed): without a DOCTYPE there are no entities to
expand and no external resources to load.
"""

from __future__ import annotations

import configparser
import json
import tomllib
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from typing import Any

from .errors import InvalidManifest

__all__ = ["MAX_MANIFEST_BYTES", "READERS", "Field"]

MAX_MANIFEST_BYTES = 1024 * 1024
"""Larger manifests are not read."""

Field = tuple[str, str]
_XML_DECLARATIONS = (b"<!doctype", b"<!entity")


def _text(path: str, data: bytes) -> str:
    """The manifest as text; too large or undecodable manifests are refused."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise InvalidManifest(path, f"larger than {MAX_MANIFEST_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidManifest(path, "not UTF-8") from error


def _json(path: str, data: bytes) -> dict[str, Any]:
    try:
        loaded = json.loads(_text(path, data))
    except (json.JSONDecodeError, RecursionError) as error:
        raise InvalidManifest(path, "not JSON") from error
    if not isinstance(loaded, dict):
        raise InvalidManifest(path, "not a JSON object")
    return loaded


def _toml(path: str, data: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(_text(path, data))
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise InvalidManifest(path, "not TOML") from error


def _table(document: dict[str, Any], *keys: str) -> dict[str, Any]:
    """A nested table, or an empty one where any level is missing or not a table."""
    for key in keys:
        value = document.get(key)
        document = value if isinstance(value, dict) else {}
    return document


def _strings(field: str, value: Any) -> Iterator[Field]:
    """A string value, or each string of a list value (``field[0]``, ``field[1]``, ...)."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield f"{field}[{index}]", item


def _licence_classifiers(field: str, value: Any) -> Iterator[Field]:
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.startswith("License ::"):
                yield field, item


def read_package_json(path: str, data: bytes) -> list[Field]:
    """``license`` (a string, or the legacy ``{"type": ...}``) and legacy ``licenses[]``."""
    document = _json(path, data)
    fields = list(_strings("license", document.get("license")))
    fields += _strings("license.type", _table(document, "license").get("type"))
    legacy = document.get("licenses")
    for index, item in enumerate(legacy if isinstance(legacy, list) else []):
        value = item.get("type") if isinstance(item, dict) else item
        fields += _strings(f"licenses[{index}].type", value)
    return fields


def read_composer_json(path: str, data: bytes) -> list[Field]:
    """``license``: a string or a list (a list means a choice: OR)."""
    return list(_strings("license", _json(path, data).get("license")))


def read_pyproject(path: str, data: bytes) -> list[Field]:
    """``project.license`` (PEP 639 expression, or the older ``{text = ...}``; ``{file}`` is
    a pointer, not a licence), Poetry's ``tool.poetry.license``, and licence classifiers."""
    document = _toml(path, data)
    project, poetry = _table(document, "project"), _table(document, "tool", "poetry")
    fields = list(_strings("project.license", project.get("license")))
    fields += _strings("project.license.text", _table(project, "license").get("text"))
    fields += _licence_classifiers("project.classifiers", project.get("classifiers"))
    fields += _strings("tool.poetry.license", poetry.get("license"))
    fields += _licence_classifiers("tool.poetry.classifiers", poetry.get("classifiers"))
    return fields


def read_setup_cfg(path: str, data: bytes) -> list[Field]:
    """``[metadata]`` ``license``, ``license_expression`` and licence classifiers."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_text(path, data))
    except configparser.Error as error:
        raise InvalidManifest(path, "not an INI file") from error
    if not parser.has_section("metadata"):
        return []
    metadata = parser["metadata"]
    fields = [
        (f"metadata.{key}", metadata[key].strip())
        for key in ("license", "license_expression")
        if metadata.get(key, "").strip()
    ]
    classifiers = [line.strip() for line in metadata.get("classifiers", "").splitlines()]
    return fields + list(_licence_classifiers("metadata.classifiers", classifiers))


def read_cargo(path: str, data: bytes) -> list[Field]:
    """``package.license`` and ``workspace.package.license``."""
    document = _toml(path, data)
    fields = list(_strings("package.license", _table(document, "package").get("license")))
    workspace = _table(document, "workspace", "package").get("license")
    return fields + list(_strings("workspace.package.license", workspace))


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _pom_root(path: str, data: bytes) -> ElementTree.Element:
    _text(path, data)
    lowered = data.lower()
    if any(declaration in lowered for declaration in _XML_DECLARATIONS):
        raise InvalidManifest(path, "a DOCTYPE or entity declaration")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise InvalidManifest(path, "not well-formed XML") from error


def read_pom(path: str, data: bytes) -> list[Field]:
    """``project/licenses/license``: its ``name``, else its ``url`` (several: a choice)."""
    fields: list[Field] = []
    for licences in (e for e in _pom_root(path, data) if _local(e.tag) == "licenses"):
        for licence in (e for e in licences if _local(e.tag) == "license"):
            values = {_local(e.tag): (e.text or "").strip() for e in licence}
            key = "name" if values.get("name") else "url"
            if values.get(key):
                fields.append((f"licenses/license/{key}", values[key]))
    return fields


READERS: dict[str, Callable[[str, bytes], list[Field]]] = {
    "package.json": read_package_json,
    "composer.json": read_composer_json,
    "pyproject.toml": read_pyproject,
    "setup.cfg": read_setup_cfg,
    "Cargo.toml": read_cargo,
    "pom.xml": read_pom,
}
"""Readers by file name."""
