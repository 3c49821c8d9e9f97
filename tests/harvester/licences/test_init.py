"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.licences


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.licences.__all__) == [
        "FINDING_CODES",
        "InvalidManifest",
        "LicencesError",
        "MANIFEST_NAMES",
        "MAX_MANIFEST_BYTES",
        "MAX_TEXT_BYTES",
        "assess_licences",
        "identify_text",
        "manifest_licences",
    ]


def test_every_exported_name_exists() -> None:
    for name in harvester.licences.__all__:
        assert hasattr(harvester.licences, name), name
