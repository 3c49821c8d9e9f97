"""Stufe 4 checks: L4.1 ongoing development, L4.2 release cadence, L4.3 absence factor,
L4.4 responsiveness, L4.5 review, L4.6 REUSE, L4.7 governance."""

from __future__ import annotations

from typing import Any

from harvester.records import CheckOutcome, ForgeRelease, MonthCount
from tests.harvester.maturity.factories import (
    at,
    make_document,
    make_facts,
    make_forge,
    make_history,
    make_inspection,
    make_tag,
    months,
    run,
)


def _active(count: int) -> tuple[MonthCount, ...]:
    """24 months, of which the latest ``count`` have commits."""
    return tuple(
        MonthCount(month.month, 3 if index >= 24 - count else 0)
        for index, month in enumerate(months(24, 0))
    )


def _contract(until: str) -> dict[str, Any]:
    return make_document(
        maintenance={"type": "contract", "contractors": [{"name": "B", "until": until}]}
    )


# --- L4.1 has_ongoing_development ----------------------------------------------------------


def test_commits_in_six_of_twelve_months_are_ongoing_development() -> None:
    result = run("L4.1", make_facts(history=make_history(commits_per_month=_active(6))))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "6 of 12 months"


def test_commits_in_five_months_without_a_contract_fail() -> None:
    facts = make_facts(
        history=make_history(commits_per_month=_active(5)), document=_contract("2026-07-01")
    )
    result = run("L4.1", facts)
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "5 of 12 months"


def test_months_before_the_window_do_not_count() -> None:
    history = make_history(commits_per_month=months(12, 4, end="2025-06"))
    facts = make_facts(history=history, document=_contract("2026-07-01"))
    assert run("L4.1", facts).value == "0 of 12 months"


def test_a_recent_release_under_a_long_contract_is_ongoing_development() -> None:
    facts = make_facts(
        history=make_history(commits_per_month=_active(1)), document=_contract("2026-12-15")
    )
    result = run("L4.1", facts)
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "release v1.2.0, contract until 2026-12-15"


def test_a_contract_ending_within_six_months_is_not_enough() -> None:
    facts = make_facts(
        history=make_history(commits_per_month=_active(1)), document=_contract("2026-12-14")
    )
    assert run("L4.1", facts).outcome is CheckOutcome.FAIL


def test_ongoing_development_without_history_or_releases_is_unknown() -> None:
    facts = make_facts(history=None, forge=make_forge(releases=None))
    assert run("L4.1", facts).outcome is CheckOutcome.UNKNOWN


# --- L4.2 has_release_cadence --------------------------------------------------------------


def test_a_tag_within_twelve_months_is_a_release() -> None:
    result = run("L4.2", make_facts(forge=None))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "2 in 12 months"


def test_a_forge_release_without_a_git_tag_counts() -> None:
    history = make_history(tags=(make_tag("v0.9", at(2023, 1, 1)),))
    forge = make_forge(releases=(ForgeRelease("2026.05", None, at(2026, 5, 1), False),))
    result = run("L4.2", make_facts(history=history, forge=forge))
    assert result.outcome is CheckOutcome.PASS
    assert result.evidence[0].source == "F"


def test_only_old_releases_fail_the_cadence() -> None:
    history = make_history(tags=(make_tag("v0.9", at(2025, 6, 14)),))
    result = run("L4.2", make_facts(history=history, forge=make_forge(releases=())))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "0 in 12 months"


def test_cadence_without_history_or_forge_releases_is_unknown() -> None:
    facts = make_facts(history=None, forge=make_forge(releases=None))
    assert run("L4.2", facts).outcome is CheckOutcome.UNKNOWN


# --- L4.3 has_contributor_absence_factor ---------------------------------------------------


def test_an_absence_factor_of_two_passes() -> None:
    assert run("L4.3", make_facts()).outcome is CheckOutcome.PASS


def test_an_absence_factor_of_one_fails() -> None:
    result = run("L4.3", make_facts(history=make_history(absence_factor_12m=1)))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "1"


def test_the_absence_factor_without_history_is_unknown() -> None:
    assert run("L4.3", make_facts(history=None)).outcome is CheckOutcome.UNKNOWN


# --- L4.4 is_responsive --------------------------------------------------------------------


def test_responsiveness_needs_forge_issue_data_and_is_unknown() -> None:
    result = run("L4.4", make_facts())
    assert result.outcome is CheckOutcome.UNKNOWN
    assert result.value == "not run by this harvester version (forge issue data)"


# --- L4.5 reviews_changes ------------------------------------------------------------------


def test_half_of_the_changes_reviewed_passes() -> None:
    history = make_history(reviewed_merges_180d=5, merges_180d=10)
    result = run("L4.5", make_facts(history=history))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "50% (5 of 10)"


def test_fewer_reviewed_changes_fail() -> None:
    history = make_history(reviewed_merges_180d=4, merges_180d=10)
    assert run("L4.5", make_facts(history=history)).outcome is CheckOutcome.FAIL


def test_review_does_not_apply_without_changes_in_six_months() -> None:
    history = make_history(
        reviewed_merges_180d=0, merges_180d=0, commits_per_month=months(12, 5, end="2025-12")
    )
    assert run("L4.5", make_facts(history=history)).outcome is CheckOutcome.NOT_APPLICABLE


def test_changes_without_merge_commits_leave_review_unknown() -> None:
    history = make_history(reviewed_merges_180d=0, merges_180d=0)
    result = run("L4.5", make_facts(history=history))
    assert (result.outcome, result.value) == (CheckOutcome.UNKNOWN, "no merge commits")


def test_unmeasured_reviews_are_unknown() -> None:
    history = make_history(reviewed_merges_180d=None, merges_180d=None)
    assert run("L4.5", make_facts(history=history)).outcome is CheckOutcome.UNKNOWN


# --- L4.6 is_reuse_compliant ---------------------------------------------------------------


def test_every_file_with_licence_information_is_reuse_compliant() -> None:
    assert run("L4.6", make_facts()).outcome is CheckOutcome.PASS


def test_one_file_without_licence_information_fails_reuse() -> None:
    inspection = make_inspection(reuse_files_with_licence=119, reuse_files_total=120)
    result = run("L4.6", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "119 of 120 files"


def test_reuse_that_was_not_counted_is_unknown() -> None:
    inspection = make_inspection(reuse_files_with_licence=None, reuse_files_total=None)
    assert run("L4.6", make_facts(inspection=inspection)).outcome is CheckOutcome.UNKNOWN


# --- L4.7 documents_governance -------------------------------------------------------------


def test_a_governance_file_documents_governance() -> None:
    result = run("L4.7", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "GOVERNANCE.md"


def test_a_governance_section_documents_governance() -> None:
    inspection = make_inspection(governance_files=(), governance_section="CONTRIBUTING.md")
    result = run("L4.7", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "section in CONTRIBUTING.md"


def test_a_publiccode_roadmap_documents_governance() -> None:
    facts = make_facts(
        inspection=make_inspection(governance_files=()),
        document=make_document(roadmap="https://stadt-a.example/roadmap"),
    )
    result = run("L4.7", facts)
    assert result.outcome is CheckOutcome.PASS
    assert result.evidence[0].detail == "roadmap: https://stadt-a.example/roadmap"


def test_no_governance_documentation_fails() -> None:
    facts = make_facts(inspection=make_inspection(governance_files=()))
    assert run("L4.7", facts).outcome is CheckOutcome.FAIL
