"""The package's public API does not change by accident (STYLE.md rule 16)."""

from __future__ import annotations

import harvester.inspect


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.inspect.__all__) == [
        "CommitLike",
        "InspectError",
        "InvalidHistory",
        "TagLike",
        "cla_assignment",
        "classify",
        "declared_standards",
        "files_to_read",
        "governance_section",
        "history",
        "read_readme",
        "security_contact",
        "with_texts",
    ]


def test_every_exported_name_exists() -> None:
    for name in harvester.inspect.__all__:
        assert hasattr(harvester.inspect, name), name


def test_invalid_history_is_a_value_error_of_the_package() -> None:
    assert issubclass(harvester.inspect.InvalidHistory, ValueError)
    assert issubclass(harvester.inspect.InvalidHistory, harvester.inspect.InspectError)
