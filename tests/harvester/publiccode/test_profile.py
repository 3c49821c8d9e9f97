"""The Smart City profile 1.0: its data file and each of its checks (README, "The Smart City profile")."""

from __future__ import annotations

import datetime
import string
from pathlib import Path

import pytest

from harvester.publiccode import Finding, FindingType, InvalidProfile, load_profile, validate
from harvester.publiccode.model import PUBLICCODE, Field, Struct
from harvester.publiccode.profile import CHECKS, Rule

VALID = Path(__file__).parents[2] / "data" / "publiccode" / "valid"
FULL = (VALID / "full_smart-city.yml").read_text("utf-8")
TODAY = datetime.date(2026, 11, 21)
PROFILE = load_profile("smart-city")
RULES = {rule.id: rule for rule in PROFILE.rules}
LANGUAGE_STRUCT = PUBLICCODE.by_name["description"].struct


def edited(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced by ``new``; fails when ``old`` is not there."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def place(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first line holding ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in the document")


def profile_findings(
    text: str, language: str = "en", today: datetime.date = TODAY
) -> list[Finding]:
    result = validate(
        text.encode(), base_dir=VALID, profile=PROFILE, language=language, today=today
    )
    return [finding for finding in result.findings if finding.type is FindingType.PROFILE]


def rule_ids(text: str, today: datetime.date = TODAY) -> list[str | None]:
    return [finding.rule for finding in profile_findings(text, today=today)]


def only(text: str, rule: str) -> Finding:
    findings = [finding for finding in profile_findings(text) if finding.rule == rule]
    assert len(findings) == 1, findings
    return findings[0]


def model_field(key: str, struct: Struct | None = PUBLICCODE) -> Field | None:
    """The model's field for a dotted key, or None when publiccode.yml does not define it."""
    found = None
    for name in key.split("."):
        if struct is None:
            return None
        found = struct.by_name.get(name)
        if found is None:
            return None
        struct = found.struct
    return found


def named_keys() -> list[tuple[str, str, str]]:
    """(rule id, where, key) for every key the profile names."""
    named = []
    for rule in PROFILE.rules:
        named.append((rule.id, "key", rule.key))
        for param in ("key", "when"):
            if param in rule.params:
                named.append((rule.id, f"params.{param}", rule.params[param]))
        if "field" in rule.params:
            named.append((rule.id, "params.field", f"description.<lang>.{rule.params['field']}"))
    return named


def without_block(text: str, first_line: str) -> str:
    """``text`` without the block that starts at ``first_line`` (up to the next blank line)."""
    start = text.index(first_line)
    end = text.index("\n\n", start) + 1
    return text[:start] + text[end:]


# --- the data file --------------------------------------------------------------------------


def test_the_shipped_profile_loads_with_its_name_version_and_titles() -> None:
    assert (PROFILE.id, PROFILE.version) == ("smart-city", "1.0")
    assert set(PROFILE.title) == {"de", "en"}


def test_the_profile_has_the_rules_the_readme_lists_in_order() -> None:
    assert list(RULES) == [
        "german-description",
        "organisation-uri",
        "open-licence",
        "maintained",
        "current-contract",
        "scope",
        "country-germany",
        "documentation",
        "used-by-when-stable",
    ]


def test_every_rule_id_is_unique() -> None:
    ids = [rule.id for rule in PROFILE.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", PROFILE.rules, ids=lambda rule: rule.id)
def test_every_rule_is_required_or_recommended(rule: Rule) -> None:
    assert rule.severity in {"required", "recommended"}


@pytest.mark.parametrize("rule", PROFILE.rules, ids=lambda rule: rule.id)
def test_every_rule_has_a_german_and_an_english_message(rule: Rule) -> None:
    assert set(rule.message) == {"de", "en"}
    assert all(text.strip() for text in rule.message.values())


@pytest.mark.parametrize("rule", PROFILE.rules, ids=lambda rule: rule.id)
def test_german_and_english_messages_use_the_same_fields(rule: Rule) -> None:
    fields = {
        language: {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for language, text in rule.message.items()
    }
    assert fields["de"] == fields["en"]


@pytest.mark.parametrize("rule", PROFILE.rules, ids=lambda rule: rule.id)
def test_every_rule_names_a_known_check(rule: Rule) -> None:
    assert rule.check in CHECKS


@pytest.mark.parametrize(("rule", "where", "key"), named_keys())
def test_every_key_the_profile_names_is_a_publiccode_key(rule: str, where: str, key: str) -> None:
    if key.startswith("description.<lang>."):
        assert model_field(key.removeprefix("description.<lang>."), LANGUAGE_STRUCT) is not None
    else:
        assert model_field(key) is not None


@pytest.mark.parametrize("key", ["smartCity", "organisation.id", "description.de", "legal.licence"])
def test_the_key_walk_rejects_keys_publiccode_does_not_define(key: str) -> None:
    assert model_field(key) is None


def test_an_unknown_profile_name_is_an_invalid_profile() -> None:
    with pytest.raises(InvalidProfile, match="unknown profile 'smart-village'"):
        load_profile("smart-village")


def test_a_message_in_a_missing_language_falls_back_to_german() -> None:
    rule = RULES["scope"]
    assert rule.describe("fr", {}) == rule.message["de"]


# --- the full valid file meets every rule ---------------------------------------------------


def test_the_full_valid_file_has_no_profile_findings() -> None:
    assert profile_findings(FULL) == []


# --- german-description ---------------------------------------------------------------------


def test_a_missing_german_description_is_reported_at_description() -> None:
    text = edited(FULL, "\n  de:\n", "\n  fr:\n")
    finding = only(text, "german-description")
    assert (finding.key, (finding.line, finding.column)) == (
        "description",
        place(text, "description:"),
    )
    assert finding.description == (
        "A German description is missing: municipalities in Germany need description.de."
    )
    assert finding.severity == "required"


@pytest.mark.parametrize("tag", ["de-AT", "de-DE", "DE"])
def test_a_german_description_with_a_region_or_in_capitals_counts(tag: str) -> None:
    text = edited(FULL, "\n  de:\n", f"\n  {tag}:\n")
    assert "german-description" not in rule_ids(text)


def test_the_german_description_message_is_german_by_default() -> None:
    text = edited(FULL, "\n  de:\n", "\n  fr:\n")
    [finding] = [f for f in profile_findings(text, language="de") if f.rule == "german-description"]
    assert finding.description == (
        "Eine deutsche Beschreibung fehlt: Kommunen in Deutschland brauchen description.de."
    )


# --- organisation-uri -----------------------------------------------------------------------


def test_a_missing_organisation_uri_sits_on_the_organisations_first_key() -> None:
    text = edited(FULL, '  uri: "https://www.musterstadt.de"\n', "")
    finding = only(text, "organisation-uri")
    assert (finding.key, (finding.line, finding.column)) == (
        "organisation.uri",
        place(text, "name: Stadt Musterstadt"),
    )
    assert finding.description.startswith("organisation.uri is missing:")


def test_a_missing_organisation_places_its_uri_finding_on_the_files_first_key() -> None:
    text = without_block(FULL, "organisation:\n")
    finding = only(text, "organisation-uri")
    assert (finding.key, (finding.line, finding.column)) == (
        "organisation.uri",
        place(text, "publiccodeYmlVersion:"),
    )


# --- open-licence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "licence"),
    [
        ("MIT OR LicenseRef-proprietary", "LicenseRef-proprietary"),
        ("CC-BY-NC-4.0", "CC-BY-NC-4.0"),
        ("BUSL-1.1", "BUSL-1.1"),
        ("EUPL-1.2 AND JSON", "JSON"),
    ],
)
def test_a_licence_neither_osi_nor_fsf_approved_is_reported_by_name(
    expression: str, licence: str
) -> None:
    text = edited(FULL, "license: EUPL-1.2", f"license: {expression}")
    finding = only(text, "open-licence")
    assert (finding.key, (finding.line, finding.column)) == (
        "legal.license",
        place(text, "license:"),
    )
    assert (
        finding.description
        == f"The licence {licence} is approved neither by the OSI nor by the FSF."
    )


@pytest.mark.parametrize(
    "expression",
    ["MIT", "mit", "GPL-2.0-or-later", "GPL-2.0+", "Apache-2.0 OR MIT", "AGPL-3.0-only"],
)
def test_approved_licences_pass(expression: str) -> None:
    text = edited(FULL, "license: EUPL-1.2", f"license: {expression}")
    assert "open-licence" not in rule_ids(text)


def test_a_licence_expression_the_reference_rejects_is_left_to_the_reference() -> None:
    text = edited(FULL, "license: EUPL-1.2", "license: MIT and Apache-2.0")
    assert "open-licence" not in rule_ids(text)


# --- maintained -----------------------------------------------------------------------------


def test_maintenance_type_none_is_reported_at_the_type() -> None:
    text = edited(FULL, "type: contract", "type: none")
    finding = only(text, "maintained")
    assert (finding.key, (finding.line, finding.column)) == (
        "maintenance.type",
        place(text, "type: none"),
    )
    assert finding.description.startswith('maintenance.type is "none"')


@pytest.mark.parametrize("kind", ["internal", "community"])
def test_other_maintenance_types_are_maintained(kind: str) -> None:
    text = edited(FULL, "type: contract", f"type: {kind}")
    assert "maintained" not in rule_ids(text)


# --- current-contract -----------------------------------------------------------------------


def test_a_contract_whose_latest_until_has_passed_is_reported() -> None:
    text = edited(FULL, 'until: "2099-12-31"', 'until: "2026-11-20"')
    finding = only(text, "current-contract")
    assert (finding.key, (finding.line, finding.column)) == (
        "maintenance.contractors",
        place(text, "contractors:"),
    )
    assert finding.description == (
        "No maintenance contract is still running: the latest until is 2026-11-20."
    )


def test_a_contract_that_ends_today_no_longer_lies_in_the_future() -> None:
    text = edited(FULL, 'until: "2099-12-31"', 'until: "2026-11-21"')
    assert "current-contract" in rule_ids(text)


def test_a_contract_that_ends_tomorrow_is_current() -> None:
    text = edited(FULL, 'until: "2099-12-31"', 'until: "2026-11-22"')
    assert "current-contract" not in rule_ids(text)


def test_one_current_contractor_among_expired_ones_is_enough() -> None:
    expired = '    - name: Alt GmbH\n      until: "2020-01-01"\n'
    text = edited(FULL, "  contractors:\n", "  contractors:\n" + expired)
    assert "current-contract" not in rule_ids(text)


def test_the_contract_is_judged_against_the_given_day() -> None:
    assert "current-contract" in rule_ids(FULL, today=datetime.date(2100, 1, 1))


# --- scope ----------------------------------------------------------------------------------


def test_a_missing_scope_sits_on_the_audiences_first_key() -> None:
    text = edited(FULL, "  scope:\n    - local-authorities\n    - infrastructures\n", "")
    finding = only(text, "scope")
    assert (finding.key, (finding.line, finding.column)) == (
        "intendedAudience.scope",
        place(text, "countries:"),
    )
    assert finding.description.startswith("intendedAudience.scope is missing:")


# --- country-germany ------------------------------------------------------------------------


def test_countries_without_germany_are_reported_at_countries() -> None:
    text = edited(FULL, "    - DE\n    - AT\n", "    - AT\n    - FR\n")
    finding = only(text, "country-germany")
    assert (finding.key, (finding.line, finding.column)) == (
        "intendedAudience.countries",
        place(text, "countries:"),
    )
    assert (
        finding.description == "intendedAudience.countries lists countries, but not DE (Germany)."
    )


def test_lowercase_de_counts_as_germany() -> None:
    text = edited(FULL, "    - DE\n    - AT\n", "    - de\n    - at\n")
    assert "country-germany" not in rule_ids(text)


def test_absent_countries_are_fine() -> None:
    text = edited(FULL, "  countries:\n    - DE\n    - AT\n", "")
    assert "country-germany" not in rule_ids(text)


# --- documentation --------------------------------------------------------------------------


def test_no_documentation_in_any_language_is_a_recommendation() -> None:
    text = edited(FULL, '    documentation: "https://docs.musterstadt.de/maengelmelder"\n', "")
    text = edited(text, '    documentation: "https://docs.musterstadt.de/en/maengelmelder"\n', "")
    finding = only(text, "documentation")
    assert (finding.key, (finding.line, finding.column)) == (
        "description",
        place(text, "description:"),
    )
    assert finding.severity == "recommended"


def test_documentation_in_one_language_is_enough() -> None:
    text = edited(FULL, '    documentation: "https://docs.musterstadt.de/maengelmelder"\n', "")
    assert "documentation" not in rule_ids(text)


# --- used-by-when-stable --------------------------------------------------------------------


def test_stable_software_without_used_by_is_a_recommendation_on_the_first_key() -> None:
    text = without_block(FULL, "usedBy:\n")
    finding = only(text, "used-by-when-stable")
    assert (finding.key, (finding.line, finding.column)) == (
        "usedBy",
        place(text, "publiccodeYmlVersion"),
    )
    assert finding.severity == "recommended"
    assert (
        finding.description
        == "Stable software should name in usedBy the administrations that use it."
    )


@pytest.mark.parametrize("status", ["development", "beta", "concept"])
def test_software_that_is_not_stable_needs_no_used_by(status: str) -> None:
    text = edited(
        without_block(FULL, "usedBy:\n"),
        "developmentStatus: stable",
        f"developmentStatus: {status}",
    )
    assert "used-by-when-stable" not in rule_ids(text)


# --- each broken document breaks only its own rule ------------------------------------------


@pytest.mark.parametrize(
    ("rule", "old", "new"),
    [
        ("german-description", "\n  de:\n", "\n  fr:\n"),
        ("organisation-uri", '  uri: "https://www.musterstadt.de"\n', ""),
        ("open-licence", "license: EUPL-1.2", "license: MIT OR LicenseRef-proprietary"),
        ("maintained", "type: contract", "type: none"),
        ("current-contract", 'until: "2099-12-31"', 'until: "2020-01-01"'),
        ("scope", "  scope:\n    - local-authorities\n    - infrastructures\n", ""),
        ("country-germany", "    - DE\n", "    - FR\n"),
        (
            "used-by-when-stable",
            "usedBy:\n  - Stadt Musterstadt\n  - Gemeinde Beispielhausen\n",
            "",
        ),
    ],
)
def test_a_document_broken_for_one_rule_gives_only_that_rules_finding(
    rule: str, old: str, new: str
) -> None:
    assert rule_ids(edited(FULL, old, new)) == [rule]
