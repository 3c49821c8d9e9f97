"""Stufe 1 checks: L1.1 licence file, L1.2 open declared licence, L1.3 agreement, L1.4 CLA,
L1.5 secrets."""

from __future__ import annotations

from harvester.records import CheckOutcome, LicenceFinding
from tests.harvester.maturity.factories import make_facts, make_inspection, make_licences, run


def _finding(code: str, *licences: str) -> LicenceFinding:
    return LicenceFinding(
        code=code,
        severity="error",
        message_de=f"Befund {code}.",
        message_en=f"Finding {code}.",
        path="LICENSE",
        licences=licences,
    )


# --- L1.1 has_licence_file -----------------------------------------------------------------


def test_a_licence_file_passes_with_its_path_as_evidence() -> None:
    result = run(
        "L1.1", make_facts(inspection=make_inspection(licence_files=("LICENSES/MIT.txt",)))
    )
    assert result.outcome is CheckOutcome.PASS
    assert [item.path for item in result.evidence] == ["LICENSES/MIT.txt"]


def test_no_licence_file_fails() -> None:
    result = run("L1.1", make_facts(inspection=make_inspection(licence_files=())))
    assert result.outcome is CheckOutcome.FAIL


def test_no_licence_file_in_a_truncated_tree_is_unknown() -> None:
    inspection = make_inspection(licence_files=(), truncated=True)
    result = run("L1.1", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.UNKNOWN
    assert "too large" in result.reason_en


def test_a_tree_that_was_not_inspected_leaves_the_licence_file_unknown() -> None:
    assert run("L1.1", make_facts(inspection=None)).outcome is CheckOutcome.UNKNOWN


# --- L1.2 has_open_declared_licence --------------------------------------------------------


def test_an_osi_approved_declared_licence_passes_with_the_publiccode_line() -> None:
    result = run("L1.2", make_facts())
    assert result.outcome is CheckOutcome.PASS
    evidence = result.evidence[0]
    assert (evidence.source, evidence.path, evidence.detail) == (
        "M",
        "publiccode.yml",
        "legal.license: EUPL-1.2",
    )
    assert evidence.line is not None


def test_a_licence_approved_by_the_fsf_only_is_open() -> None:
    licences = make_licences(
        declared="WTFPL",
        declared_ids=("WTFPL",),
        osi_approved={"WTFPL": False},
        fsf_libre={"WTFPL": True},
    )
    assert run("L1.2", make_facts(licences=licences)).outcome is CheckOutcome.PASS


def test_a_declared_licence_that_neither_osi_nor_fsf_approve_fails() -> None:
    licences = make_licences(
        declared="MIT AND CC-BY-NC-4.0",
        declared_ids=("MIT", "CC-BY-NC-4.0"),
        osi_approved={"MIT": True, "CC-BY-NC-4.0": False},
        fsf_libre={"MIT": True},
    )
    result = run("L1.2", make_facts(licences=licences))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "not approved: CC-BY-NC-4.0"


def test_a_licence_without_approval_data_is_not_open() -> None:
    licences = make_licences(
        declared="LicenseRef-Stadt",
        declared_ids=("LicenseRef-Stadt",),
        osi_approved={},
        fsf_libre={},
    )
    assert run("L1.2", make_facts(licences=licences)).outcome is CheckOutcome.FAIL


def test_an_invalid_spdx_expression_fails() -> None:
    licences = make_licences(declared="GPL 3 or later", declared_valid=False, declared_ids=())
    result = run("L1.2", make_facts(licences=licences))
    assert result.outcome is CheckOutcome.FAIL
    assert result.reason_en == "legal.license is not a valid SPDX expression."


def test_no_declared_licence_fails() -> None:
    licences = make_licences(declared=None, declared_valid=None, declared_ids=())
    result = run("L1.2", make_facts(licences=licences))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "nothing declared"


def test_licences_that_were_not_assessed_leave_the_declared_licence_unknown() -> None:
    assert run("L1.2", make_facts(licences=None)).outcome is CheckOutcome.UNKNOWN


# --- L1.3 licences_agree -------------------------------------------------------------------


def test_declared_licences_with_their_texts_agree() -> None:
    result = run("L1.3", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert [(item.path, item.detail) for item in result.evidence] == [("LICENSE", "EUPL-1.2")]


def test_a_declared_licence_without_its_text_fails_with_the_finding_messages() -> None:
    licences = make_licences(findings=(_finding("declared-without-text", "Apache-2.0"),))
    result = run("L1.3", make_facts(licences=licences))
    assert result.outcome is CheckOutcome.FAIL
    assert (result.reason_de, result.reason_en) == (
        "Befund declared-without-text.",
        "Finding declared-without-text.",
    )
    assert result.evidence[0].detail == "declared-without-text: Apache-2.0"


def test_the_text_of_an_undeclared_licence_fails() -> None:
    licences = make_licences(findings=(_finding("undeclared-licence-text", "GPL-3.0-only"),))
    assert run("L1.3", make_facts(licences=licences)).outcome is CheckOutcome.FAIL


def test_other_licence_findings_do_not_fail_the_agreement() -> None:
    licences = make_licences(findings=(_finding("manifest-disagrees", "MIT"),))
    assert run("L1.3", make_facts(licences=licences)).outcome is CheckOutcome.PASS


def test_a_declared_licence_with_no_licence_file_at_all_fails() -> None:
    result = run("L1.3", make_facts(licences=make_licences(files=())))
    assert result.outcome is CheckOutcome.FAIL


def test_agreement_does_not_apply_without_a_declaration() -> None:
    licences = make_licences(declared=None, declared_valid=None, declared_ids=())
    assert run("L1.3", make_facts(licences=licences)).outcome is CheckOutcome.NOT_APPLICABLE


def test_agreement_with_an_invalid_declaration_is_unknown() -> None:
    licences = make_licences(declared="GPL 3", declared_valid=False, declared_ids=())
    assert run("L1.3", make_facts(licences=licences)).outcome is CheckOutcome.UNKNOWN


def test_agreement_of_licences_that_were_not_assessed_is_unknown() -> None:
    assert run("L1.3", make_facts(licences=None)).outcome is CheckOutcome.UNKNOWN


# --- L1.4 requires_no_copyright_assignment -------------------------------------------------


def test_a_cla_that_demands_assignment_fails_with_the_cla_file() -> None:
    inspection = make_inspection(cla_files=("CLA.md",), cla_assignment=True)
    result = run("L1.4", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.FAIL
    assert [item.path for item in result.evidence] == ["CLA.md"]


def test_a_cla_found_to_demand_no_assignment_passes() -> None:
    inspection = make_inspection(cla_files=("CLA.md",), cla_assignment=False)
    assert run("L1.4", make_facts(inspection=inspection)).outcome is CheckOutcome.PASS


def test_no_cla_and_no_contribution_terms_pass() -> None:
    inspection = make_inspection(cla_files=(), contributing_files=(), cla_assignment=None)
    assert run("L1.4", make_facts(inspection=inspection)).outcome is CheckOutcome.PASS


def test_an_unsure_heuristic_leaves_copyright_assignment_unknown_for_a_reviewer() -> None:
    inspection = make_inspection(cla_files=("CLA.md",), cla_assignment=None)
    result = run("L1.4", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.UNKNOWN
    assert "review" in result.reason_en


# --- L1.5 has_no_obvious_secrets -----------------------------------------------------------


def test_secrets_are_not_checked_by_this_harvester_version_and_never_pass() -> None:
    result = run("L1.5", make_facts())
    assert result.outcome is CheckOutcome.UNKNOWN
    assert (result.reason_de, result.reason_en) == ("nicht geprüft", "not checked")
