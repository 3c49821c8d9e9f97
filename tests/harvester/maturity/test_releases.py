"""Releases from git tags and forge releases."""

from __future__ import annotations

from harvester.maturity._releases import release_dates, releases_since
from harvester.records import ForgeRelease
from tests.harvester.maturity.factories import at, make_forge, make_history, make_tag


def test_a_forge_release_of_a_tag_git_knows_keeps_the_tags_date() -> None:
    history = make_history(tags=(make_tag("v1.0", at(2026, 1, 1)),))
    forge = make_forge(releases=(ForgeRelease("v1.0", None, at(2026, 1, 3), True),))
    assert release_dates(history, forge) == {"v1.0": at(2026, 1, 1)}


def test_undated_tags_and_releases_are_left_out() -> None:
    history = make_history(tags=(make_tag("v1.0", None),))
    forge = make_forge(releases=(ForgeRelease("v2.0", None, None, True),))
    assert release_dates(history, forge) == {}


def test_nothing_is_known_without_history_and_forge_releases() -> None:
    assert release_dates(None, make_forge(releases=None)) is None


def test_releases_since_a_moment_are_newest_first() -> None:
    history = make_history(
        tags=(
            make_tag("v1", at(2025, 1, 1)),
            make_tag("v2", at(2026, 2, 1)),
            make_tag("v3", at(2026, 3, 1)),
        )
    )
    assert releases_since(history, None, at(2026, 1, 1)) == [
        ("v3", at(2026, 3, 1)),
        ("v2", at(2026, 2, 1)),
    ]
