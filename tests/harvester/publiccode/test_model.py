"""The model's field order is the reference's (publiccode-standard.md 2.1): it decides which
error the reference reports first."""

from __future__ import annotations

from harvester.publiccode.model import PUBLICCODE, SUPPORTED_VERSIONS, Kind, Struct


def _names(struct: Struct) -> list[str]:
    return [field.name for field in struct.fields]


def _struct(struct: Struct, name: str) -> Struct:
    inner = struct.by_name[name].struct
    assert inner is not None
    return inner


def test_top_level_fields_come_in_the_references_order() -> None:
    assert _names(PUBLICCODE) == [
        "publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn",
        "softwareVersion", "releaseDate", "logo", "monochromeLogo", "organisation",
        "inputTypes", "outputTypes", "platforms", "categories", "usedBy", "fundedBy",
        "roadmap", "developmentStatus", "softwareType", "supports", "intendedAudience",
        "description", "legal", "maintenance", "localisation", "dependsOn", "IT", "it",
    ]  # fmt: skip


def test_nested_fields_come_in_the_references_order() -> None:
    maintenance = _struct(PUBLICCODE, "maintenance")
    assert _names(maintenance) == ["type", "contractors", "contacts"]
    assert _names(_struct(maintenance, "contractors")) == ["name", "email", "website", "until"]
    assert _names(_struct(PUBLICCODE, "intendedAudience")) == [
        "scope", "countries", "unsupportedCountries",
    ]  # fmt: skip
    description = _names(_struct(PUBLICCODE, "description"))
    assert description.index("genericName") < description.index("shortDescription")
    assert description.index("features") < description.index("videos")


def test_url_fields_are_parsed_while_decoding() -> None:
    urls = {f.name for f in PUBLICCODE.fields if f.kind in (Kind.URL, Kind.URL_OR_URLS)}
    assert urls == {"url", "landingURL", "isBasedOn", "roadmap"}


def test_it_and_IT_share_one_section_model() -> None:
    assert PUBLICCODE.by_name["IT"].struct is PUBLICCODE.by_name["it"].struct


def test_supported_versions_are_the_thirteen_the_reference_accepts() -> None:
    assert len(SUPPORTED_VERSIONS) == 13
    assert "0.6" not in SUPPORTED_VERSIONS
