"""The finding type: the reference's JSON shape, bounded text."""

from __future__ import annotations

from harvester.publiccode.findings import MAX_TEXT, Finding, FindingType


def test_a_reference_finding_has_the_references_json_shape() -> None:
    finding = Finding(FindingType.ERROR, "legal.license", "license is a required field", 3, 1)
    assert finding.as_dict() == {
        "type": "error",
        "key": "legal.license",
        "description": "license is a required field",
        "line": 3,
        "column": 1,
    }


def test_a_profile_finding_adds_rule_and_severity() -> None:
    finding = Finding(FindingType.PROFILE, "usedBy", "x", 2, 1, "used-by", "recommended")
    assert finding.as_dict()["rule"] == "used-by"
    assert finding.as_dict()["severity"] == "recommended"


def test_an_unplaced_finding_sits_at_zero_zero() -> None:
    assert Finding(FindingType.ERROR, "", "Invalid UTF-8").as_dict()["line"] == 0


def test_a_huge_description_is_cut_with_an_ellipsis() -> None:
    finding = Finding(FindingType.ERROR, "k" * (MAX_TEXT + 5), "d" * (MAX_TEXT * 3))
    assert len(finding.description) == len(finding.key) == MAX_TEXT
    assert finding.description.endswith("…")
    assert finding.key.endswith("…")


def test_a_description_at_the_limit_is_kept_whole() -> None:
    text = "d" * MAX_TEXT
    assert Finding(FindingType.WARNING, "", text).description == text
