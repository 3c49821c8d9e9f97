"""Stufe 5 checks: L5.1 verified users, L5.2 multi-organisation development, L5.3 access."""

from __future__ import annotations

from harvester.records import CheckOutcome
from tests.harvester.maturity.factories import make_document, make_facts, make_history, run


def test_declared_users_are_shown_but_do_not_count_as_verified() -> None:
    result = run("L5.1", make_facts())
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "2 declared, 0 confirmed"
    assert result.evidence[0].detail == "usedBy: ['Stadt A', 'Stadt C']"


def test_no_declared_users_fail_verified_use() -> None:
    result = run("L5.1", make_facts(document=make_document(usedBy=None)))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "0 declared, 0 confirmed"


def test_an_elephant_factor_of_two_is_multi_organisation_development() -> None:
    result = run("L5.2", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "2"


def test_one_organisation_with_half_the_commits_fails() -> None:
    history = make_history(author_domains_24m=(("stadt-a.de", 50), ("firma-b.de", 50)))
    result = run("L5.2", make_facts(history=history))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "1"


def test_without_organisation_domains_the_elephant_factor_is_unknown() -> None:
    history = make_history(author_domains_24m=())
    assert run("L5.2", make_facts(history=history)).outcome is CheckOutcome.UNKNOWN


def test_access_continuity_needs_forge_member_data_and_is_unknown() -> None:
    result = run("L5.3", make_facts())
    assert result.outcome is CheckOutcome.UNKNOWN
    assert result.reason_en == "not checked"
