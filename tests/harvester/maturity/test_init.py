"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.maturity


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.maturity.__all__) == sorted(
        ["CHECKS", "Facts", "InvalidModel", "MaturityModel", "health", "load_model", "rate"]
    )


def test_every_exported_name_exists() -> None:
    for name in harvester.maturity.__all__:
        assert hasattr(harvester.maturity, name), name
