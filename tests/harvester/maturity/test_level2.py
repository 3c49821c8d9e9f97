"""Stufe 2 checks: L2.1 README, L2.2 contribution guide, L2.3 security contact, L2.4 version
tags, L2.5 change log, L2.6 dependencies, L2.7 binaries, L2.8 issue tracker."""

from __future__ import annotations

from harvester.maturity import Facts
from harvester.records import CheckOutcome, ForgeRelease
from tests.harvester.maturity.factories import (
    at,
    make_document,
    make_facts,
    make_forge,
    make_history,
    make_inspection,
    make_readme,
    run,
)


def _readme(**changes: object) -> Facts:
    return make_facts(inspection=make_inspection(readme=make_readme(**changes)))


# --- L2.1 has_readme_with_installation -----------------------------------------------------


def test_a_long_readme_with_an_installation_heading_passes_with_the_heading_line() -> None:
    result = run("L2.1", _readme())
    assert result.outcome is CheckOutcome.PASS
    assert (result.evidence[0].path, result.evidence[0].line) == ("README.md", 12)


def test_the_readme_threshold_is_rendered_from_the_model() -> None:
    threshold = run("L2.1", _readme()).threshold or ""
    assert threshold.startswith("README of >= 150 words with a heading on installation (install, ")
    assert threshold.endswith(", bereitstellung)")


def test_a_german_heading_matches_whatever_its_case() -> None:
    result = run("L2.1", _readme(install_heading="INBETRIEBNAHME des Servers"))
    assert result.outcome is CheckOutcome.PASS


def test_a_quickstart_heading_is_an_installation_section() -> None:
    assert run("L2.1", _readme(install_heading="Quickstart")).outcome is CheckOutcome.PASS


def test_a_readme_under_the_minimum_length_fails() -> None:
    result = run("L2.1", _readme(words=149))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "149 words, heading 'Installation'"


def test_a_readme_without_an_installation_heading_fails() -> None:
    result = run("L2.1", _readme(install_heading=None, install_line=None))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "400 words, no installation heading"


def test_a_heading_outside_the_models_list_does_not_count() -> None:
    assert run("L2.1", _readme(install_heading="Usage")).outcome is CheckOutcome.FAIL


def test_no_readme_fails() -> None:
    result = run("L2.1", make_facts(inspection=make_inspection(readme=None)))
    assert result.outcome is CheckOutcome.FAIL


# --- L2.2 has_contribution_guide -----------------------------------------------------------


def test_a_contributing_file_is_a_contribution_guide() -> None:
    assert run("L2.2", make_facts()).outcome is CheckOutcome.PASS


def test_a_readme_section_on_contributing_is_a_contribution_guide() -> None:
    inspection = make_inspection(contributing_files=(), contributing_section="README.md")
    result = run("L2.2", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.PASS
    assert [evidence.path for evidence in result.evidence] == ["README.md"]


def test_a_readme_without_such_a_section_and_no_file_fails() -> None:
    result = run("L2.2", make_facts(inspection=make_inspection(contributing_files=())))
    assert result.outcome is CheckOutcome.FAIL


def test_without_a_readme_or_a_contributing_file_the_guide_is_unknown() -> None:
    inspection = make_inspection(contributing_files=(), readme=None)
    assert run("L2.2", make_facts(inspection=inspection)).outcome is CheckOutcome.UNKNOWN


# --- L2.3 has_security_contact -------------------------------------------------------------


def test_a_security_file_is_a_security_contact() -> None:
    assert run("L2.3", make_facts()).outcome is CheckOutcome.PASS


def test_a_readme_section_naming_a_private_channel_is_a_security_contact() -> None:
    inspection = make_inspection(security_files=(), security_contact="README.md")
    result = run("L2.3", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.PASS
    assert result.evidence[0].path == "README.md"


def test_no_security_contact_fails() -> None:
    inspection = make_inspection(security_files=(), security_contact=None)
    assert run("L2.3", make_facts(inspection=inspection)).outcome is CheckOutcome.FAIL


# --- L2.4 has_versioned_releases -----------------------------------------------------------


def test_version_tags_pass_with_each_tags_commit() -> None:
    result = run("L2.4", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "2 version tags, newest v1.2.0"
    assert result.evidence[0].commit == "7a9" + "0" * 37


def test_no_version_tag_fails() -> None:
    result = run("L2.4", make_facts(history=make_history(tags=())))
    assert result.outcome is CheckOutcome.FAIL


def test_version_tags_without_history_are_unknown() -> None:
    assert run("L2.4", make_facts(history=None)).outcome is CheckOutcome.UNKNOWN


# --- L2.5 has_changelog --------------------------------------------------------------------


def test_a_changelog_file_passes() -> None:
    result = run("L2.5", make_facts(forge=make_forge(releases=())))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "CHANGELOG.md"


def test_release_notes_on_the_forge_are_a_changelog() -> None:
    facts = make_facts(inspection=make_inspection(changelog_files=()))
    result = run("L2.5", facts)
    assert result.outcome is CheckOutcome.PASS
    assert (result.evidence[0].source, result.evidence[0].detail) == (
        "F",
        "release notes of v1.2.0",
    )


def test_releases_without_notes_are_no_changelog() -> None:
    forge = make_forge(releases=(ForgeRelease("v1.2.0", None, at(2026, 4, 2), False),))
    facts = make_facts(inspection=make_inspection(changelog_files=()), forge=forge)
    assert run("L2.5", facts).outcome is CheckOutcome.FAIL


def test_a_changelog_is_unknown_without_inspection_or_release_notes() -> None:
    facts = make_facts(inspection=None, forge=None)
    assert run("L2.5", facts).outcome is CheckOutcome.UNKNOWN


# --- L2.6 declares_dependencies ------------------------------------------------------------


def test_a_web_application_with_manifest_and_lockfile_declares_its_dependencies() -> None:
    result = run("L2.6", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "1 manifest, 1 lockfile"


def test_a_web_application_without_a_lockfile_fails() -> None:
    result = run("L2.6", make_facts(inspection=make_inspection(lockfiles=())))
    assert result.outcome is CheckOutcome.FAIL
    assert "standalone/web" in result.reason_en


def test_a_library_needs_no_lockfile() -> None:
    facts = make_facts(
        inspection=make_inspection(lockfiles=()), document=make_document(softwareType="library")
    )
    assert run("L2.6", facts).outcome is CheckOutcome.PASS


def test_a_helm_chart_counts_as_a_manifest() -> None:
    inspection = make_inspection(manifests=(), helm_charts=("chart/Chart.yaml",))
    assert run("L2.6", make_facts(inspection=inspection)).outcome is CheckOutcome.PASS


def test_no_manifest_fails() -> None:
    inspection = make_inspection(manifests=(), lockfiles=())
    assert run("L2.6", make_facts(inspection=inspection)).outcome is CheckOutcome.FAIL


# --- L2.7 has_no_generated_binaries --------------------------------------------------------


def test_a_tree_without_binaries_passes() -> None:
    assert run("L2.7", make_facts()).outcome is CheckOutcome.PASS


def test_generated_binaries_fail_with_their_paths() -> None:
    inspection = make_inspection(binary_files=("bin/app.exe", "lib/x.pyc"))
    result = run("L2.7", make_facts(inspection=inspection))
    assert result.outcome is CheckOutcome.FAIL
    assert [item.path for item in result.evidence] == ["bin/app.exe", "lib/x.pyc"]


def test_no_binaries_in_a_truncated_tree_is_unknown() -> None:
    inspection = make_inspection(truncated=True)
    assert run("L2.7", make_facts(inspection=inspection)).outcome is CheckOutcome.UNKNOWN


# --- L2.8 has_public_issue_tracker ---------------------------------------------------------


def test_issues_enabled_on_the_forge_pass() -> None:
    result = run("L2.8", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert (result.evidence[0].source, result.evidence[0].url) == (
        "F",
        "https://gitlab.example/stadt-a/parken",
    )


def test_issues_disabled_on_the_forge_fail() -> None:
    facts = make_facts(forge=make_forge(issues_enabled=False))
    assert run("L2.8", facts).outcome is CheckOutcome.FAIL


def test_with_only_the_publiccode_url_the_issue_tracker_is_unknown() -> None:
    result = run("L2.8", make_facts(forge=None))
    assert result.outcome is CheckOutcome.UNKNOWN
    assert result.value == "repository URL only"


def test_a_forge_that_does_not_say_leaves_the_issue_tracker_unknown() -> None:
    facts = make_facts(forge=make_forge(issues_enabled=None), document=None)
    assert run("L2.8", facts).outcome is CheckOutcome.UNKNOWN
