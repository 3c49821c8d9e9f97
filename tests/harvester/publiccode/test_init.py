"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.publiccode


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.publiccode.__all__) == sorted(
        [
            "MAX_BYTES",
            "MAX_DEPTH",
            "MAX_NODES",
            "FileSource",
            "FileStat",
            "Finding",
            "FindingType",
            "InvalidProfile",
            "NetworkPolicy",
            "Profile",
            "PubliccodeError",
            "ValidationResult",
            "load_profile",
            "validate",
        ]
    )


def test_every_exported_name_exists() -> None:
    for name in harvester.publiccode.__all__:
        assert hasattr(harvester.publiccode, name), name
