"""Who made a commit: bots, identities, organisation domains."""

from __future__ import annotations

import pytest

from harvester.inspect._people import identities, is_bot, organisation_domain


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
        ("Dependabot", "support@dependabot.com"),
        ("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"),
        ("Renovate Bot", "bot@renovateapp.com"),
        ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com"),
        ("GitHub Action", "action@github.com"),
        ("GitHub", "noreply@github.com"),
        ("GitLab Bot", "gitlab-bot@gitlab.com"),
        ("semantic-release-bot", "semantic-release-bot@martynus.net"),
        ("pre-commit-ci[bot]", "66853113+pre-commit-ci[bot]@users.noreply.github.com"),
        ("Weblate", "noreply@weblate.org"),
        ("Stadt CI", "ci-bot@stadt.de"),
        ("Jenkins", "jenkins@stadt.de"),
    ],
)
def test_recognises_bots(name: str, email: str) -> None:
    assert is_bot(name, email)


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("Ada Lovelace", "ada@stadt.de"),
        ("Abbot Talbot", "abbot@stadt.de"),
        ("Robert", "robot-fan@stadt.de"),
        ("Botho Strauß", "botho@stadt.de"),
    ],
)
def test_people_are_not_bots(name: str, email: str) -> None:
    assert not is_bot(name, email)


def test_identities_join_shared_addresses_and_names() -> None:
    people = [("Ada", "ada@a.de"), ("Ada", "ada@b.de"), ("A. L.", "ADA@b.de"), ("Bob", "bob@a.de")]
    keys = identities(people)
    assert len({keys[person] for person in people[:3]}) == 1
    assert keys[("Bob", "bob@a.de")] != keys[("Ada", "ada@a.de")]


def test_placeholder_addresses_join_nobody() -> None:
    keys = identities([("Ada", "(none)"), ("Bob", "(none)")])
    assert keys[("Ada", "(none)")] != keys[("Bob", "(none)")]


def test_a_person_with_neither_name_nor_address_is_one_identity() -> None:
    assert identities([("", "")]) == {("", ""): " <>"}


@pytest.mark.parametrize(
    ("email", "domain"),
    [
        ("ada@Stadt-Musterstadt.DE", "stadt-musterstadt.de"),
        ("ada@it.stadt.de", "it.stadt.de"),
        ("ada@mail.stadt-a.de", "mail.stadt-a.de"),
        ("ada@webfactory.de", "webfactory.de"),
        ("ada@gmxfoundation.org", "gmxfoundation.org"),
    ],
)
def test_organisation_domains_are_kept(email: str, domain: str) -> None:
    assert organisation_domain(email) == domain


@pytest.mark.parametrize(
    "email",
    [
        "ada@gmail.com",
        "ada@yahoo.com.br",
        "ada@gmx.at",
        "ada@noreply.codeberg.org",
        "ada@x",
        "a@b@c",
    ],
)
def test_personal_domains_are_none(email: str) -> None:
    assert organisation_domain(email) is None
