"""The health panel and the Elephant Factor."""

from __future__ import annotations

from harvester.maturity import health
from harvester.maturity.health import elephant_factor
from harvester.records import ForgeRelease
from tests.harvester.maturity.factories import NOW, at, make_forge, make_history, make_tag


def test_releases_in_365_days_count_tags_and_forge_releases_once_per_name() -> None:
    history = make_history(
        tags=(make_tag("v1.2.0", at(2026, 4, 1)), make_tag("v1.0.0", at(2025, 6, 1)))
    )
    forge = make_forge(
        releases=(
            ForgeRelease("v1.2.0", None, at(2026, 4, 2), True),
            ForgeRelease("2026.1", None, at(2026, 1, 20), False),
        )
    )
    panel = health(history, forge, NOW)
    assert panel.releases_365d == 2
    assert panel.last_release_at == at(2026, 4, 1)


def test_history_figures_are_copied_into_the_panel() -> None:
    panel = health(make_history(), None, NOW)
    assert (panel.commits_90d, panel.commits_365d, panel.active_weeks_90d) == (40, 120, 12)
    assert (panel.absence_factor_12m, panel.new_contributors_12m) == (2, 1)
    assert panel.elephant_factor_24m == 2
    assert len(panel.commits_per_month) == 24


def test_without_history_or_forge_releases_every_metric_is_unknown() -> None:
    panel = health(None, make_forge(releases=None), NOW)
    assert panel.releases_365d is None
    assert panel.commits_90d is None
    assert panel.elephant_factor_24m is None
    assert panel.last_release_at is None


def test_releases_after_the_measuring_moment_are_not_counted() -> None:
    history = make_history(tags=(make_tag("v9", at(2026, 7, 1)),))
    panel = health(history, None, NOW)
    assert (panel.releases_365d, panel.last_release_at) == (0, None)


def test_one_organisation_with_most_commits_has_elephant_factor_one() -> None:
    assert elephant_factor([("a.de", 70), ("b.de", 20), ("c.de", 10)]) == 1


def test_an_organisation_with_exactly_half_the_commits_is_enough_for_half() -> None:
    assert elephant_factor([("a.de", 50), ("b.de", 50)]) == 1


def test_three_even_organisations_have_elephant_factor_two() -> None:
    assert elephant_factor([("a.de", 34), ("b.de", 33), ("c.de", 33)]) == 2


def test_no_organisation_commits_give_no_elephant_factor() -> None:
    assert elephant_factor([]) is None
    assert elephant_factor([("a.de", 0)]) is None
