"""Tag names to versions: which tags are releases and how their versions read."""

from __future__ import annotations

import pytest

import harvester.versions
from harvester.records import VersionScheme
from harvester.versions import MAX_TAG_LENGTH, is_version_tag, parse_version

PEP440, SEMVER, CALVER, RAW = (
    VersionScheme.PEP440,
    VersionScheme.SEMVER,
    VersionScheme.CALVER,
    VersionScheme.RAW,
)


def test_exports_exactly_the_public_api() -> None:
    assert sorted(harvester.versions.__all__) == [
        "MAX_TAG_LENGTH",
        "is_version_tag",
        "parse_version",
    ]


@pytest.mark.parametrize(
    ("tag", "version"),
    [
        ("1.2.3", "1.2.3"),
        ("v1.4.0", "1.4.0"),
        ("V2", "2"),
        ("1", "1"),
        ("1.2.3.4", "1.2.3.4"),
        ("1.0rc1", "1.0rc1"),
        ("1.0RC1", "1.0rc1"),
        ("1.0-dev", "1.0.dev0"),
        ("1.2.3+build.5", "1.2.3+build.5"),
        ("1!2.0", "1!2.0"),
        ("01.2", "1.2"),
        ("release-1.0", "1.0"),
        ("Release-2.1", "2.1"),
        ("version-2.0.0", "2.0.0"),
        ("release-v1.2", "1.2"),
        ("20.10", "20.10"),
        ("1989.01", "1989.1"),
        ("2024.13", "2024.13"),
    ],
)
def test_reads_pep_440_versions_in_their_normal_form(tag: str, version: str) -> None:
    assert parse_version(tag) == (version, PEP440)


@pytest.mark.parametrize(
    "tag",
    [
        "1.2.3-rc.1",
        "1.2.3-rc.1+build.5",
        "1.0.0-alpha+001",
        "1.2.3-beta",
        "1.2.3-RC1",
        "1.2.3-1",
        "1.0.0-x.7.z.92",
        "0.0.1-alpha-2",
    ],
)
def test_keeps_semver_pre_releases_that_pep_440_would_rewrite(tag: str) -> None:
    assert parse_version(tag) == (tag, SEMVER)


def test_strips_the_v_from_a_semver_tag() -> None:
    assert parse_version("v1.2.3-rc.1") == ("1.2.3-rc.1", SEMVER)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("1.2.3-01", ("1.2.3.post1", PEP440)),
        ("01.2.3-rc.1", ("1.2.3rc1", PEP440)),
        ("1.2-rc.1", ("1.2rc1", PEP440)),
        ("1.2.3-rc..1", ("1.2.3-rc..1", RAW)),
    ],
)
def test_invalid_semver_is_read_by_the_next_rule(
    tag: str, expected: tuple[str, VersionScheme]
) -> None:
    assert parse_version(tag) == expected


@pytest.mark.parametrize(
    "tag",
    [
        "2024.05",
        "2024.5",
        "2024.05.1",
        "2024.12.31",
        "2024-05",
        "2024-05-01",
        "2024-02-29",
        "24.04",
        "22.04.1",
        "1990.01",
        "2099.12",
        "2024.05.1-rc1",
    ],
)
def test_reads_date_like_versions_as_calver_as_written(tag: str) -> None:
    assert parse_version(tag) == (tag, CALVER)


def test_strips_a_prefix_from_a_calver_tag() -> None:
    assert parse_version("release-2024-05-01") == ("2024-05-01", CALVER)


@pytest.mark.parametrize("tag", ["2024-02-30", "2023-02-29", "2024-13-01"])
def test_impossible_dates_are_not_calver(tag: str) -> None:
    assert parse_version(tag) == (tag, RAW)


@pytest.mark.parametrize(
    "tag",
    ["release_3", "1.2.x", "20240501-prod", "app-1.2.3", "pkg@2.0", "app/v2.0", "ver3"],
)
def test_other_version_like_tags_are_raw(tag: str) -> None:
    assert parse_version(tag) == (tag, RAW)


@pytest.mark.parametrize(
    "tag",
    [
        "latest",
        "staging",
        "foo",
        "HEAD",
        "stable",
        "v",
        "",
        "build-123",
        "2fa-fix",
        "staging2",
        "python3.11-image",
        "1.0 RC",
        "v1.0\n",
        "v1.0\x00",
        "\u0661.\u0662",  # Arabic-Indic digits
        "vé1.0",
    ],
)
def test_tags_that_are_not_version_like_are_none(tag: str) -> None:
    assert parse_version(tag) is None


def test_a_tag_longer_than_the_limit_is_not_a_version() -> None:
    assert parse_version("1" * (MAX_TAG_LENGTH + 1)) is None
    assert parse_version("1" * MAX_TAG_LENGTH) == ("1" * MAX_TAG_LENGTH, PEP440)


@pytest.mark.parametrize(
    "tag",
    [
        "1" * 10_000,
        "1." * 5_000,
        "1.2.3-" + "a." * 5_000,
        "v" + "0" * 9_999,
        "release-" * 1_250,
        "2024." + "1" * 9_995,
    ],
)
def test_hostile_tags_of_ten_thousand_characters_are_refused(tag: str) -> None:
    assert len(tag) >= 10_000
    assert parse_version(tag) is None


def test_is_version_tag_agrees_with_parse_version() -> None:
    assert is_version_tag("v1.0.0")
    assert is_version_tag("2024.05")
    assert not is_version_tag("latest")
