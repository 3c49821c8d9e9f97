"""History figures from plain in-memory commits and tags (no git needed)."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

import pytest

from harvester.inspect.errors import InvalidHistory
from harvester.inspect.history import MAX_DOMAINS, MAX_TAGS, history
from harvester.records import History, MonthCount, VersionScheme

UTC = datetime.UTC
AS_OF = datetime.datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
_serial = itertools.count()


@dataclass(frozen=True)
class Commit:
    sha: str
    author_name: str
    author_email: str
    authored_at: datetime.datetime
    parents: int = 1
    reviewed: bool = False


@dataclass(frozen=True)
class TagRef:
    name: str
    commit: str
    date: datetime.datetime | None


def _commit(
    at: datetime.datetime,
    name: str = "Ada Lovelace",
    email: str = "ada@stadt-musterstadt.de",
    **fields: object,
) -> Commit:
    return Commit(f"{next(_serial):040x}", name, email, at, **fields)  # type: ignore[arg-type]


def _days_ago(days: float) -> datetime.datetime:
    return AS_OF - datetime.timedelta(days=days)


def _history(*commits: Commit, tags: tuple[TagRef, ...] = ()) -> History:
    return history(list(commits), list(tags), as_of=AS_OF)


# --- input ---------------------------------------------------------------------------------


def test_an_empty_history_is_refused() -> None:
    with pytest.raises(InvalidHistory, match="at least one commit"):
        history([], [], as_of=AS_OF)


def test_an_as_of_without_time_zone_is_refused() -> None:
    with pytest.raises(InvalidHistory, match="time zone"):
        history([_commit(_days_ago(1))], [], as_of=datetime.datetime(2025, 1, 15))


def test_as_of_is_given_in_utc() -> None:
    berlin = datetime.timezone(datetime.timedelta(hours=1))
    result = history([_commit(_days_ago(1))], [], as_of=AS_OF.astimezone(berlin))
    assert result.as_of == AS_OF
    assert result.as_of.tzinfo is UTC


def test_commit_dates_without_time_zone_are_read_as_utc() -> None:
    result = _history(_commit(datetime.datetime(2024, 12, 1, 8, 0)))
    assert result.last_commit_at == datetime.datetime(2024, 12, 1, 8, 0, tzinfo=UTC)


def test_commit_dates_in_other_zones_are_given_in_utc() -> None:
    east = datetime.timezone(datetime.timedelta(hours=5))
    result = _history(_commit(datetime.datetime(2025, 1, 1, 3, 0, tzinfo=east)))
    assert result.last_commit_at == datetime.datetime(2024, 12, 31, 22, 0, tzinfo=UTC)


# --- first, last, totals -------------------------------------------------------------------


def test_first_and_last_commit_by_date_whatever_the_order() -> None:
    old, new, middle = _commit(_days_ago(900)), _commit(_days_ago(2)), _commit(_days_ago(50))
    result = _history(middle, new, old)
    assert (result.first_commit, result.first_commit_at) == (old.sha, old.authored_at)
    assert (result.last_commit, result.last_commit_at) == (new.sha, new.authored_at)
    assert result.commits == 3


def test_a_commit_dated_in_the_future_counts_as_made_at_as_of() -> None:
    future = _commit(AS_OF + datetime.timedelta(days=4000))
    result = _history(_commit(_days_ago(400)), future)
    assert (result.last_commit, result.last_commit_at) == (future.sha, AS_OF)
    assert (result.commits_90d, result.commits_per_month[-1].commits) == (1, 1)


# --- months and windows --------------------------------------------------------------------


def test_counts_the_24_calendar_months_ending_with_as_ofs_month() -> None:
    months = _history(_commit(_days_ago(1))).commits_per_month
    assert len(months) == 24
    assert (months[0].month, months[-1].month) == ("2023-02", "2025-01")


def test_month_buckets_run_across_the_year_end_with_zero_months_included() -> None:
    result = _history(
        _commit(datetime.datetime(2024, 12, 31, 23, 59, tzinfo=UTC)),
        _commit(datetime.datetime(2024, 12, 1, 0, 0, tzinfo=UTC)),
        _commit(datetime.datetime(2025, 1, 1, 0, 0, tzinfo=UTC)),
        _commit(datetime.datetime(2024, 10, 5, tzinfo=UTC)),
    )
    assert result.commits_per_month[-4:] == (
        MonthCount("2024-10", 1),
        MonthCount("2024-11", 0),
        MonthCount("2024-12", 2),
        MonthCount("2025-01", 1),
    )


def test_commits_older_than_24_months_are_in_no_month() -> None:
    result = _history(
        _commit(datetime.datetime(2023, 1, 31, 23, 59, tzinfo=UTC)),
        _commit(datetime.datetime(2023, 2, 1, 0, 0, tzinfo=UTC)),
    )
    assert result.commits_per_month[0] == MonthCount("2023-02", 1)
    assert sum(month.commits for month in result.commits_per_month) == 1


@pytest.mark.parametrize(("days", "field"), [(90, "commits_90d"), (365, "commits_365d")])
def test_a_window_includes_its_first_moment(days: int, field: str) -> None:
    assert getattr(_history(_commit(_days_ago(days))), field) == 1


@pytest.mark.parametrize(("days", "field"), [(90, "commits_90d"), (365, "commits_365d")])
def test_a_window_excludes_the_moment_before(days: int, field: str) -> None:
    just_before = _days_ago(days) - datetime.timedelta(seconds=1)
    assert getattr(_history(_commit(just_before)), field) == 0


def test_counts_weeks_with_commits_back_from_as_of() -> None:
    commits = [_commit(_days_ago(days)) for days in (0, 1, 6.9, 7, 8, 89, 91)]
    assert _history(*commits).active_weeks_90d == 3


def test_bots_commits_count_as_commits() -> None:
    result = _history(_commit(_days_ago(1), "dependabot[bot]", "support@dependabot.com"))
    assert (result.commits_90d, result.authors_12m) == (1, 0)


# --- authors -------------------------------------------------------------------------------


def test_counts_distinct_authors_in_twelve_months() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada", "ada@stadt.de"),
        _commit(_days_ago(2), "Bob", "bob@stadt.de"),
        _commit(_days_ago(400), "Cem", "cem@stadt.de"),
    )
    assert result.authors_12m == 2


def test_bots_are_not_authors() -> None:
    result = _history(
        _commit(_days_ago(1)),
        _commit(_days_ago(1), "renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"),
        _commit(_days_ago(1), "github-actions", "action@github.com"),
        _commit(_days_ago(1), "GitLab Bot", "gitlab-bot@gitlab.com"),
    )
    assert result.authors_12m == 1


def test_one_address_under_two_names_is_one_author() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada Lovelace", "ada@stadt.de"),
        _commit(_days_ago(2), "ada", "ADA@stadt.de"),
    )
    assert result.authors_12m == 1


def test_one_name_under_two_addresses_is_one_author() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada Lovelace", "ada@stadt.de"),
        _commit(_days_ago(2), "ada  lovelace", "ada@gmail.com"),
    )
    assert result.authors_12m == 1


def test_identities_join_transitively() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada Lovelace", "ada@stadt.de"),
        _commit(_days_ago(2), "A. Lovelace", "ada@stadt.de"),
        _commit(_days_ago(3), "A. Lovelace", "ada@example.org"),
    )
    assert result.authors_12m == 1


def test_generic_names_do_not_join_people() -> None:
    result = _history(
        _commit(_days_ago(1), "root", "ada@stadt.de"),
        _commit(_days_ago(2), "root", "bob@stadt.de"),
    )
    assert result.authors_12m == 2


def test_githubs_numbered_noreply_address_is_the_same_person() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada", "12345+ada@users.noreply.github.com"),
        _commit(_days_ago(2), "Ada L.", "ada@users.noreply.github.com"),
    )
    assert result.authors_12m == 1


def test_new_authors_made_their_first_commit_within_twelve_months() -> None:
    result = _history(
        _commit(_days_ago(900), "Ada", "ada@stadt.de"),
        _commit(_days_ago(10), "Ada", "ada@stadt.de"),
        _commit(_days_ago(100), "Bob", "bob@stadt.de"),
        _commit(_days_ago(20), "Bob", "bob@stadt.de"),
        _commit(_days_ago(5), "Cem", "cem@stadt.de"),
    )
    assert result.new_authors_12m == 2


def _authors(*shares: int) -> list[Commit]:
    return [
        _commit(_days_ago(1), f"Author {index}", f"a{index}@stadt.de")
        for index, share in enumerate(shares)
        for _ in range(share)
    ]


@pytest.mark.parametrize(
    ("shares", "factor"),
    [((10,), 1), ((5, 5), 2), ((8, 1, 1), 1), ((4, 3, 3), 2), ((1, 1, 1, 1), 3)],
)
def test_absence_factor_is_the_fewest_authors_making_more_than_half(
    shares: tuple[int, ...], factor: int
) -> None:
    assert _history(*_authors(*shares)).absence_factor_12m == factor


def test_absence_factor_without_human_commits_is_zero() -> None:
    old = _commit(_days_ago(500))
    bot = _commit(
        _days_ago(1), "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"
    )
    assert _history(old, bot).absence_factor_12m == 0


def test_absence_factor_leaves_out_bots_and_old_commits() -> None:
    commits = (
        _authors(3, 3)
        + [_commit(_days_ago(1), "renovate[bot]", "bot@renovateapp.com") for _ in range(20)]
        + [_commit(_days_ago(400), "Old", "old@stadt.de") for _ in range(20)]
    )
    assert _history(*commits).absence_factor_12m == 2


# --- organisations -------------------------------------------------------------------------


def test_counts_commits_by_organisation_domain_most_first() -> None:
    result = _history(
        _commit(_days_ago(1), "Ada", "ada@stadt-a.de"),
        _commit(_days_ago(2), "Bob", "bob@vendor.example"),
        _commit(_days_ago(3), "Cem", "cem@vendor.example"),
        _commit(_days_ago(4), "Dan", "dan@Stadt-A.de"),
        _commit(_days_ago(5), "Eva", "eva@stadt-b.de"),
    )
    assert result.author_domains_24m == (
        ("stadt-a.de", 2),
        ("vendor.example", 2),
        ("stadt-b.de", 1),
    )


@pytest.mark.parametrize(
    "email",
    [
        "ada@gmail.com",
        "ada@googlemail.com",
        "ada@web.de",
        "ada@gmx.de",
        "ada@gmx.net",
        "ada@t-online.de",
        "ada@outlook.com",
        "ada@hotmail.de",
        "ada@yahoo.co.uk",
        "ada@icloud.com",
        "ada@posteo.de",
        "ada@mailbox.org",
        "ada@protonmail.com",
        "ada@proton.me",
        "1+ada@users.noreply.github.com",
        "ada@users.noreply.gitlab.com",
        "ada@laptop.fritz.box",
        "ada@localhost",
        "ada@host.local",
        "not-an-address",
        "",
    ],
)
def test_personal_and_machine_domains_are_left_out(email: str) -> None:
    assert _history(_commit(_days_ago(1), "Ada", email)).author_domains_24m == ()


def test_domains_count_over_24_months_without_bots() -> None:
    result = _history(
        _commit(_days_ago(729), "Ada", "ada@stadt.de"),
        _commit(_days_ago(731), "Ada", "ada@stadt.de"),
        _commit(_days_ago(1), "stadt-bot", "ci-bot@stadt.de"),
    )
    assert result.author_domains_24m == (("stadt.de", 1),)


def test_lists_at_most_the_limit_of_domains() -> None:
    commits = [_commit(_days_ago(1), f"P{n}", f"p@org{n:04}.de") for n in range(MAX_DOMAINS + 50)]
    assert len(_history(*commits).author_domains_24m) == MAX_DOMAINS


# --- merges --------------------------------------------------------------------------------


def test_counts_merges_and_reviewed_merges_in_180_days() -> None:
    result = _history(
        _commit(_days_ago(1), parents=2, reviewed=True),
        _commit(_days_ago(2), parents=2),
        _commit(_days_ago(3), parents=3, reviewed=True),
        _commit(_days_ago(4), reviewed=True),
        _commit(_days_ago(200), parents=2, reviewed=True),
    )
    assert (result.reviewed_merges_180d, result.merges_180d) == (2, 3)


def test_a_history_without_merges_has_zero_merges() -> None:
    result = _history(_commit(_days_ago(1)))
    assert (result.reviewed_merges_180d, result.merges_180d) == (0, 0)


# --- tags ----------------------------------------------------------------------------------


def _tag(name: str, days: float | None) -> TagRef:
    return TagRef(name, "f" * 40, None if days is None else _days_ago(days))


def test_keeps_version_tags_newest_first_with_undated_ones_last() -> None:
    tags = (_tag("v1.0.0", 300), _tag("latest", 1), _tag("v2.0.0", 10), _tag("v0.9", None))
    result = _history(_commit(_days_ago(1)), tags=tags)
    assert [tag.name for tag in result.tags] == ["v2.0.0", "v1.0.0", "v0.9"]


def test_tags_carry_their_normalised_version_and_scheme() -> None:
    tags = (
        _tag("v1.2.3", 1),
        _tag("1.2.3-rc.1", 2),
        _tag("2024.05", 3),
        _tag("release_3", 4),
    )
    result = _history(_commit(_days_ago(1)), tags=tags)
    assert [(tag.version, tag.scheme) for tag in result.tags] == [
        ("1.2.3", VersionScheme.PEP440),
        ("1.2.3-rc.1", VersionScheme.SEMVER),
        ("2024.05", VersionScheme.CALVER),
        ("release_3", VersionScheme.RAW),
    ]


def test_tags_of_the_same_moment_are_in_natural_order() -> None:
    tags = (_tag("v1.9", 5), _tag("v1.10", 5), _tag("v1.2", 5))
    result = _history(_commit(_days_ago(1)), tags=tags)
    assert [tag.name for tag in result.tags] == ["v1.10", "v1.9", "v1.2"]


def test_a_tag_dated_in_the_future_is_dated_at_as_of() -> None:
    future = TagRef("v9.0", "f" * 40, AS_OF + datetime.timedelta(days=999))
    result = _history(_commit(_days_ago(1)), tags=(future, _tag("v1.0", 1)))
    assert (result.tags[0].name, result.tags[0].date) == ("v9.0", AS_OF)


def test_keeps_the_commit_a_tag_points_to() -> None:
    result = _history(_commit(_days_ago(1)), tags=(TagRef("v1.0", "abc", None),))
    assert result.tags[0].commit == "abc"


def test_keeps_at_most_the_limit_of_tags_the_newest() -> None:
    tags = tuple(_tag(f"v1.{n}", 2000 - n) for n in range(MAX_TAGS + 10))
    result = _history(_commit(_days_ago(1)), tags=tags)
    assert len(result.tags) == MAX_TAGS
    assert result.tags[0].name == f"v1.{MAX_TAGS + 9}"


# --- hostile -------------------------------------------------------------------------------


def test_a_long_hostile_history_is_measured() -> None:
    commits = [
        _commit(_days_ago(n % 1000), f"P{n % 500}", f"p{n % 700}@x{n % 300}.de")
        for n in range(50_000)
    ]
    result = _history(*commits)
    assert result.commits == 50_000
    assert result.authors_12m <= 500


def test_huge_names_and_addresses_are_measured() -> None:
    result = _history(_commit(_days_ago(1), "A" * 1_000_000, "b" * 1_000_000 + "@" + "c" * 100))
    assert (result.authors_12m, result.author_domains_24m) == (1, ())
