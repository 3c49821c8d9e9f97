"""Stufe 3 checks: L3.1 declared ready, L3.2 maintenance, L3.3 sign of life, L3.4 tests,
L3.5 vulnerabilities, L3.6 proprietary lock-in, L3.7 standards, L3.8 licence coverage."""

from __future__ import annotations

from typing import Any

from harvester.records import CheckOutcome
from tests.harvester.maturity.factories import (
    at,
    make_document,
    make_facts,
    make_history,
    make_inspection,
    make_tag,
    run,
)

CONTRACT_ENDED = {"type": "contract", "contractors": [{"name": "Firma B", "until": "2025-12-31"}]}


def _maintenance(maintenance: Any) -> Any:
    return make_facts(document=make_document(maintenance=maintenance))


# --- L3.1 is_declared_ready ----------------------------------------------------------------


def test_a_stable_status_is_declared_ready_with_the_key_as_evidence() -> None:
    result = run("L3.1", make_facts())
    assert result.outcome is CheckOutcome.PASS
    evidence = result.evidence[0]
    assert (evidence.path, evidence.detail) == ("publiccode.yml", "developmentStatus: stable")
    assert evidence.line is not None


def test_a_beta_status_is_declared_ready() -> None:
    facts = make_facts(document=make_document(developmentStatus="beta"))
    assert run("L3.1", facts).outcome is CheckOutcome.PASS


def test_a_development_status_is_not_ready() -> None:
    facts = make_facts(document=make_document(developmentStatus="development"))
    result = run("L3.1", facts)
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "development"


def test_without_publiccode_yml_nothing_is_declared_ready() -> None:
    result = run("L3.1", make_facts(document=None))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "not declared"


# --- L3.2 has_current_maintenance ----------------------------------------------------------


def test_a_contract_running_into_the_future_is_current_maintenance() -> None:
    result = run("L3.2", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "contract until 2027-06-30"


def test_a_contract_ending_today_still_counts() -> None:
    maintenance = {"type": "contract", "contractors": [{"name": "B", "until": "2026-06-15"}]}
    assert run("L3.2", _maintenance(maintenance)).outcome is CheckOutcome.PASS


def test_an_ended_contract_fails_with_its_latest_date() -> None:
    result = run("L3.2", _maintenance(CONTRACT_ENDED))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "contract ended (2025-12-31)"


def test_internal_maintenance_with_a_named_contact_passes() -> None:
    maintenance = {"type": "internal", "contacts": [{"name": "Erika Mustermann"}]}
    assert run("L3.2", _maintenance(maintenance)).outcome is CheckOutcome.PASS


def test_community_maintenance_without_contacts_fails() -> None:
    result = run("L3.2", _maintenance({"type": "community", "contacts": []}))
    assert result.outcome is CheckOutcome.FAIL


def test_maintenance_type_none_fails() -> None:
    result = run("L3.2", _maintenance({"type": "none"}))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "none"


def test_no_maintenance_declared_fails() -> None:
    result = run("L3.2", _maintenance(None))
    assert result.value == "not declared"
    assert result.outcome is CheckOutcome.FAIL


# --- L3.3 has_recent_activity --------------------------------------------------------------


def _quiet(**changes: Any) -> Any:
    return make_history(**({"last_commit_at": at(2024, 3, 1), "tags": ()} | changes))


def test_a_commit_within_twelve_months_is_a_sign_of_life() -> None:
    result = run("L3.3", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "commit bbbbbbbbbbbb on 2026-06-10"


def test_a_recent_tag_is_a_sign_of_life_when_commits_are_old() -> None:
    history = _quiet(tags=(make_tag("v2.0.0", at(2026, 1, 5)),))
    result = run("L3.3", make_facts(history=history))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "tag v2.0.0 on 2026-01-05"


def test_quiet_software_under_a_running_contract_is_alive() -> None:
    result = run("L3.3", make_facts(history=_quiet()))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "contract until 2027-06-30"


def test_quiet_software_without_a_running_contract_fails() -> None:
    facts = make_facts(history=_quiet(), document=make_document(maintenance=CONTRACT_ENDED))
    result = run("L3.3", facts)
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "commit bbbbbbbbbbbb on 2024-03-01"


def test_without_history_or_contract_the_sign_of_life_is_unknown() -> None:
    facts = make_facts(history=None, document=make_document(maintenance=CONTRACT_ENDED))
    assert run("L3.3", facts).outcome is CheckOutcome.UNKNOWN


# --- L3.4 has_automated_tests --------------------------------------------------------------


def test_tests_and_ci_configuration_pass() -> None:
    assert run("L3.4", make_facts()).outcome is CheckOutcome.PASS


def test_tests_without_ci_fail() -> None:
    result = run("L3.4", make_facts(inspection=make_inspection(ci_files=())))
    assert result.outcome is CheckOutcome.FAIL
    assert result.reason_en == "No CI configuration found."


def test_ci_without_tests_fails() -> None:
    result = run("L3.4", make_facts(inspection=make_inspection(test_paths=())))
    assert result.outcome is CheckOutcome.FAIL


# --- L3.5 has_no_stale_vulnerabilities -----------------------------------------------------


def test_vulnerabilities_are_not_checked_by_this_harvester_version_and_never_pass() -> None:
    result = run("L3.5", make_facts())
    assert result.outcome is CheckOutcome.UNKNOWN
    assert (result.reason_de, result.reason_en) == ("nicht geprüft", "not checked")


# --- L3.6 has_no_proprietary_lock_in -------------------------------------------------------


def test_no_proprietary_dependency_passes() -> None:
    result = run("L3.6", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "none"


def test_only_optional_proprietary_dependencies_pass() -> None:
    depends = {"proprietary": [{"name": "ArcGIS", "optional": True}]}
    facts = make_facts(document=make_document(dependsOn=depends))
    assert run("L3.6", facts).outcome is CheckOutcome.PASS


def test_mandatory_proprietary_dependencies_fail_by_name() -> None:
    depends = {"proprietary": [{"name": "Oracle DB"}, {"name": "ArcGIS", "optional": True}]}
    result = run("L3.6", make_facts(document=make_document(dependsOn=depends)))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "Oracle DB"


def test_proprietary_dependencies_are_unknown_without_publiccode_yml() -> None:
    assert run("L3.6", make_facts(document=None)).outcome is CheckOutcome.UNKNOWN


def test_a_proprietary_list_of_the_wrong_type_is_unknown() -> None:
    facts = make_facts(document=make_document(dependsOn={"proprietary": "Oracle"}))
    assert run("L3.6", facts).outcome is CheckOutcome.UNKNOWN


# --- L3.7 declares_standards ---------------------------------------------------------------


def test_named_standards_pass() -> None:
    result = run("L3.7", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "OGC SensorThings API"


def test_no_named_standard_fails() -> None:
    facts = make_facts(inspection=make_inspection(standards_declared=()))
    assert run("L3.7", facts).outcome is CheckOutcome.FAIL


# --- L3.8 has_licence_coverage -------------------------------------------------------------


def _coverage(covered: int | None, total: int | None) -> Any:
    inspection = make_inspection(reuse_files_with_licence=covered, reuse_files_total=total)
    return make_facts(inspection=inspection)


def test_eighty_percent_coverage_passes() -> None:
    result = run("L3.8", _coverage(80, 100))
    assert result.outcome is CheckOutcome.PASS
    assert (result.value, result.threshold) == (
        "80% (80 of 100 files)",
        ">= 80% of files with licence information (REUSE)",
    )


def test_coverage_below_the_threshold_fails() -> None:
    assert run("L3.8", _coverage(79, 100)).outcome is CheckOutcome.FAIL


def test_coverage_that_was_not_counted_is_unknown() -> None:
    assert run("L3.8", _coverage(None, None)).outcome is CheckOutcome.UNKNOWN


def test_coverage_of_an_empty_tree_does_not_apply() -> None:
    assert run("L3.8", _coverage(0, 0)).outcome is CheckOutcome.NOT_APPLICABLE
