"""Licence fields of package manifests, read per format, never failing on a broken file."""

from __future__ import annotations

import pytest

from harvester.licences import MAX_MANIFEST_BYTES, manifest_licences
from harvester.records import ManifestLicence


def _fields(path: str, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.field, m.value, m.spdx) for m in manifest_licences(path, text.encode())]


def test_package_json_licence_string_is_normalised() -> None:
    assert _fields("package.json", '{"license": "mit OR apache-2.0"}') == [
        ("license", "mit OR apache-2.0", "MIT OR Apache-2.0")
    ]


def test_package_json_legacy_licence_object_is_read() -> None:
    assert _fields("package.json", '{"license": {"type": "ISC", "url": "x"}}') == [
        ("license.type", "ISC", "ISC")
    ]


def test_package_json_legacy_licence_list_is_read_item_by_item() -> None:
    text = '{"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}'
    assert _fields("package.json", text) == [
        ("licenses[0].type", "MIT", "MIT"),
        ("licenses[1].type", "Apache-2.0", "Apache-2.0"),
    ]


def test_non_spdx_value_has_no_spdx_form() -> None:
    assert _fields("package.json", '{"license": "SEE LICENSE IN LICENSE.txt"}') == [
        ("license", "SEE LICENSE IN LICENSE.txt", None)
    ]


def test_deprecated_id_is_kept_as_written_in_canonical_case() -> None:
    assert _fields("package.json", '{"license": "gpl-3.0+"}')[0][2] == "GPL-3.0+"


def test_lower_case_operator_is_not_spdx() -> None:
    assert _fields("package.json", '{"license": "MIT or Apache-2.0"}')[0][2] is None


def test_composer_licence_list_is_read_item_by_item() -> None:
    assert _fields("composer.json", '{"license": ["MIT", "GPL-3.0-or-later"]}') == [
        ("license[0]", "MIT", "MIT"),
        ("license[1]", "GPL-3.0-or-later", "GPL-3.0-or-later"),
    ]


def test_pyproject_pep639_expression_is_read() -> None:
    text = '[project]\nname = "x"\nlicense = "EUPL-1.2"\n'
    assert _fields("pyproject.toml", text) == [("project.license", "EUPL-1.2", "EUPL-1.2")]


def test_pyproject_licence_table_text_is_read() -> None:
    text = '[project]\nlicense = {text = "MIT"}\n'
    assert _fields("pyproject.toml", text) == [("project.license.text", "MIT", "MIT")]


def test_pyproject_licence_file_pointer_is_not_a_licence() -> None:
    assert _fields("pyproject.toml", '[project]\nlicense = {file = "LICENSE"}\n') == []


def test_unambiguous_classifier_maps_to_its_id() -> None:
    text = '[project]\nclassifiers = ["License :: OSI Approved :: MIT License"]\n'
    assert _fields("pyproject.toml", text) == [
        ("project.classifiers", "License :: OSI Approved :: MIT License", "MIT")
    ]


def test_ambiguous_classifier_has_no_id() -> None:
    text = '[project]\nclassifiers = ["License :: OSI Approved :: GNU General Public License v3 (GPLv3)"]\n'
    assert _fields("pyproject.toml", text)[0][2] is None


def test_other_classifiers_are_ignored() -> None:
    text = '[project]\nclassifiers = ["Programming Language :: Python :: 3"]\n'
    assert _fields("pyproject.toml", text) == []


def test_poetry_licence_is_read() -> None:
    text = '[tool.poetry]\nlicense = "MIT"\n'
    assert _fields("pyproject.toml", text) == [("tool.poetry.license", "MIT", "MIT")]


def test_setup_cfg_metadata_licence_and_classifiers_are_read() -> None:
    text = (
        "[metadata]\nlicense = EUPL-1.2\nclassifiers =\n"
        "    License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)\n"
    )
    assert [(f, s) for f, _, s in _fields("setup.cfg", text)] == [
        ("metadata.license", "EUPL-1.2"),
        ("metadata.classifiers", "EUPL-1.2"),
    ]


def test_cargo_slash_form_is_not_spdx() -> None:
    assert _fields("Cargo.toml", '[package]\nlicense = "MIT/Apache-2.0"\n') == [
        ("package.license", "MIT/Apache-2.0", None)
    ]


def test_pom_licence_name_is_read_with_its_namespace() -> None:
    text = (
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><licenses><license>'
        "<name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url>"
        "</license></licenses></project>"
    )
    assert _fields("pom.xml", text) == [("licenses/license/name", "Apache-2.0", "Apache-2.0")]


def test_pom_licence_without_name_gives_its_url() -> None:
    text = "<project><licenses><license><url>https://x.org/l</url></license></licenses></project>"
    assert _fields("pom.xml", text) == [("licenses/license/url", "https://x.org/l", None)]


def test_pom_with_doctype_is_refused() -> None:
    text = (
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "MIT">]>'
        "<project><licenses><license><name>&e;</name></license></licenses></project>"
    )
    assert manifest_licences("pom.xml", text.encode()) == ()


def test_manifest_in_a_subfolder_is_read_by_its_name() -> None:
    found = manifest_licences("web/package.json", b'{"license": "MIT"}')
    assert found == (ManifestLicence("web/package.json", "license", "MIT", "MIT"),)


def test_long_value_is_cut() -> None:
    found = manifest_licences("package.json", ('{"license": "%s"}' % ("x" * 1000)).encode())
    assert len(found[0].value) == 300 and found[0].value.endswith("…")


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("package.json", b'{"license": '),
        ("package.json", b'["MIT"]'),
        ("package.json", b"[" * 100_000),
        ("composer.json", b"\xff\xfe{}"),
        ("pyproject.toml", b"[project\nlicense = 1"),
        ("Cargo.toml", b"package = "),
        ("setup.cfg", b"[metadata\nlicense = MIT"),
        ("pom.xml", b"<project><licenses>"),
        ("package.json", b'{"license": "MIT"}' + b" " * MAX_MANIFEST_BYTES),
    ],
)
def test_unreadable_manifest_gives_no_fields(path: str, data: bytes) -> None:
    assert manifest_licences(path, data) == ()


def test_value_of_the_wrong_type_is_skipped() -> None:
    assert manifest_licences("package.json", b'{"license": 7}') == ()


def test_unknown_file_name_gives_no_fields() -> None:
    assert manifest_licences("Gemfile", b"license 'MIT'") == ()
