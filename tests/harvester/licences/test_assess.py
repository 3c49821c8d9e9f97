"""Every licence source compared: declaration, texts, manifests, and the findings."""

from __future__ import annotations

from pathlib import Path

from harvester.licences import FINDING_CODES, assess_licences
from harvester.records import LicenceFinding, LicenceReport, LicenceStatus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "licences"
MIT = (CORPUS / "std_mit_pyyaml.txt").read_bytes()
GPL3 = (CORPUS / "std_gpl-3.0_debian.txt").read_bytes()
APACHE = (CORPUS / "std_apache-2.0_requests.txt").read_bytes()
MODIFIED_MIT = (CORPUS / "mod_mit_added-clause.txt").read_bytes()


def _codes(report: LicenceReport) -> list[str]:
    return [finding.code for finding in report.findings]


def _finding(report: LicenceReport, code: str) -> LicenceFinding:
    return next(finding for finding in report.findings if finding.code == code)


def test_agreeing_sources_give_no_findings() -> None:
    report = assess_licences("MIT", {"LICENSE": MIT}, {"package.json": b'{"license": "MIT"}'})
    assert report.findings == ()


def test_report_keeps_every_source() -> None:
    report = assess_licences("MIT", {"LICENSE": MIT}, {"package.json": b'{"license": "MIT"}'})
    assert (report.declared, report.declared_valid, report.declared_ids) == ("MIT", True, ("MIT",))
    assert [(f.path, f.status) for f in report.files] == [("LICENSE", LicenceStatus.IDENTIFIED)]
    assert [(m.path, m.spdx) for m in report.manifests] == [("package.json", "MIT")]


def test_no_licence_file_is_an_error() -> None:
    finding = _finding(assess_licences("MIT", {}, {}), "no-licence-file")
    assert finding.severity == "error"


def test_missing_declaration_is_info() -> None:
    report = assess_licences(None, {"LICENSE": MIT}, {})
    assert (_codes(report), report.declared_valid) == (["no-declared-licence"], None)


def test_invalid_declaration_is_an_error() -> None:
    report = assess_licences("MIT and Apache-2.0", {"LICENSE": MIT}, {})
    assert (_codes(report), report.declared_valid) == (["declared-invalid"], False)


def test_declared_licence_without_text_is_a_warning() -> None:
    finding = _finding(
        assess_licences("MIT OR EUPL-1.2", {"LICENSE": MIT}, {}), "declared-without-text"
    )
    assert (finding.severity, finding.licences) == ("warning", ("EUPL-1.2",))


def test_reuse_file_counts_as_text_of_its_name() -> None:
    report = assess_licences("MIT", {"LICENSES/MIT.txt": APACHE}, {})
    assert "declared-without-text" not in _codes(report)


def test_gnu_text_is_the_text_of_either_version_choice() -> None:
    report = assess_licences("GPL-3.0-or-later", {"COPYING": GPL3}, {})
    assert report.findings == ()


def test_deprecated_declaration_finds_its_gnu_text() -> None:
    assert assess_licences("GPL-3.0+", {"COPYING": GPL3}, {}).findings == ()


def test_text_of_an_undeclared_licence_is_a_warning() -> None:
    report = assess_licences("MIT", {"LICENSE": MIT, "LICENSE.APACHE": APACHE}, {})
    finding = _finding(report, "undeclared-licence-text")
    assert (finding.severity, finding.path, finding.licences) == (
        "warning",
        "LICENSE.APACHE",
        ("Apache-2.0",),
    )


def test_modified_text_is_a_warning_with_its_note() -> None:
    finding = _finding(
        assess_licences("MIT", {"LICENSE": MODIFIED_MIT}, {}), "modified-licence-text"
    )
    assert finding.severity == "warning" and "military purposes" in finding.message_en


def test_unknown_text_is_a_warning() -> None:
    report = assess_licences("MIT", {"LICENSE": MIT, "COPYING": b"Ask us first."}, {})
    assert _finding(report, "unknown-licence-text").path == "COPYING"


def test_declared_custom_licence_text_is_expected_to_be_unknown() -> None:
    files = {"LICENSES/LicenseRef-Stadt.txt": b"Nur intern."}
    assert "unknown-licence-text" not in _codes(assess_licences("LicenseRef-Stadt", files, {}))


def test_manifest_that_disagrees_is_a_warning_listing_every_source() -> None:
    report = assess_licences(
        "MIT",
        {"LICENSE": MIT},
        {
            "package.json": b'{"license": "MIT"}',
            "pyproject.toml": b'[project]\nlicense = "EUPL-1.2"',
        },
    )
    finding = _finding(report, "manifest-disagrees")
    assert finding.severity == "warning"
    assert all(
        source in finding.message_en
        for source in ("publiccode.yml", "package.json", "pyproject.toml")
    )


def test_manifests_that_disagree_among_themselves_without_declaration_are_reported() -> None:
    manifests = {"package.json": b'{"license": "MIT"}', "composer.json": b'{"license": "ISC"}'}
    assert "manifest-disagrees" in _codes(assess_licences(None, {"LICENSE": MIT}, manifests))


def test_deprecated_and_current_id_are_noted_not_a_conflict() -> None:
    report = assess_licences(
        "GPL-3.0-only", {"COPYING": GPL3}, {"package.json": b'{"license": "GPL-3.0"}'}
    )
    assert _codes(report) == ["licence-ids-equivalent"]
    assert report.findings[0].severity == "info"


def test_only_and_or_later_are_a_conflict() -> None:
    manifests = {"package.json": b'{"license": "GPL-3.0-or-later"}'}
    assert "manifest-disagrees" in _codes(
        assess_licences("GPL-3.0-only", {"COPYING": GPL3}, manifests)
    )


def test_composer_list_is_one_statement() -> None:
    manifests = {"composer.json": b'{"license": ["MIT", "Apache-2.0"]}'}
    files = {"LICENSE": MIT, "LICENSE.APACHE": APACHE}
    assert assess_licences("MIT OR Apache-2.0", files, manifests).findings == ()


def test_non_spdx_manifest_value_is_info() -> None:
    report = assess_licences(
        "MIT", {"LICENSE": MIT}, {"package.json": b'{"license": "MIT License"}'}
    )
    finding = _finding(report, "not-spdx")
    assert (finding.severity, finding.path) == ("info", "package.json")


def test_non_open_licence_is_an_error() -> None:
    report = assess_licences("CC-BY-NC-4.0", {"LICENSE": MIT}, {})
    finding = _finding(report, "not-open")
    assert (finding.severity, finding.licences) == ("error", ("CC-BY-NC-4.0",))


def test_licence_ref_is_not_shown_as_open() -> None:
    report = assess_licences("LicenseRef-Stadt", {"LICENSES/LicenseRef-Stadt.txt": b"x"}, {})
    assert _finding(report, "not-open").licences == ("LicenseRef-Stadt",)


def test_approval_is_given_for_every_id_of_every_source() -> None:
    report = assess_licences("MIT", {"COPYING": GPL3}, {"package.json": b'{"license": "ISC"}'})
    assert sorted(report.osi_approved) == ["GPL-3.0-only", "GPL-3.0-or-later", "ISC", "MIT"]
    assert all(report.fsf_libre.values())


def test_every_message_is_given_in_german_and_english() -> None:
    report = assess_licences(
        "CC-BY-NC-4.0", {"LICENSE": MODIFIED_MIT, "X": b"?"}, {"package.json": b'{"license": "x"}'}
    )
    assert all(
        f.message_de and f.message_en and f.message_de != f.message_en for f in report.findings
    )


def test_findings_come_in_the_order_of_their_codes() -> None:
    report = assess_licences(
        "CC-BY-NC-4.0", {"LICENSE": MODIFIED_MIT, "X": b"?"}, {"package.json": b'{"license": "x"}'}
    )
    order = [FINDING_CODES.index(code) for code in _codes(report)]
    assert order == sorted(order)


def test_broken_manifest_and_binary_file_do_not_stop_the_assessment() -> None:
    report = assess_licences("MIT", {"LICENSE": bytes(range(256))}, {"pom.xml": b"<project"})
    assert _codes(report) == ["declared-without-text", "unknown-licence-text"]
