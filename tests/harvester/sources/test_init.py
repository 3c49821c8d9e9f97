"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.sources


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.sources.__all__) == sorted(
        [
            "MAX_BYTES",
            "InvalidSources",
            "SourceError",
            "SourcesError",
            "default_sources_path",
            "load_default_sources",
            "load_sources",
            "load_sources_file",
        ]
    )


def test_every_exported_name_exists() -> None:
    for name in harvester.sources.__all__:
        assert hasattr(harvester.sources, name), name
