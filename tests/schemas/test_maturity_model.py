"""Tests for schemas/maturity/: the maturity model 1.0 as published data.

The thresholds are those of the design (../shared/design/maturity-model.md §10.2); changing
one is a new model version, so these tests fail on a change that does not bump it.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

FOLDER = files("schemas").joinpath("maturity")
MODEL: dict[str, Any] = yaml.safe_load(FOLDER.joinpath("model-1.0.yml").read_text("utf-8"))
SCHEMA = json.loads(FOLDER.joinpath("model.schema.json").read_text("utf-8"))
CHECKS = {check["id"]: check for check in MODEL["checks"]}

THRESHOLDS = {
    "L2.1": {"readme_min_words": 150},
    "L3.3": {"recent_activity_months": 12},
    "L3.5": {"vulnerability_age_days": 60, "vulnerability_severity_min": "high"},
    "L3.8": {"licence_coverage_min": 0.8},
    "L4.1": {"active_months_required": 6, "active_months_window": 12, "contract_future_months": 6},
    "L4.2": {"releases_min": 1, "release_window_months": 12},
    "L4.3": {"absence_factor_min": 2},
    "L4.4": {"response_days_max": 14, "min_issues": 5, "response_window_days": 180},
    "L4.5": {"review_share_min": 0.5},
    "L5.1": {"verified_users_min": 3, "non_publisher_users_min": 2},
    "L5.2": {"elephant_factor_min": 2},
}


def test_the_model_file_follows_its_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert list(Draft202012Validator(SCHEMA).iter_errors(MODEL)) == []


def test_the_model_is_version_one_with_a_changelog_entry() -> None:
    assert MODEL["version"] == "1.0"
    assert [entry["version"] for entry in MODEL["changelog"]] == ["1.0"]


def test_the_levels_carry_their_german_and_english_names() -> None:
    names = [(level["name"]["de"], level["name"]["en"]) for level in MODEL["levels"]]
    assert names == [
        ("Gelistet", "Listed"),
        ("Offen", "Open"),
        ("Dokumentiert", "Documented"),
        ("Nachnutzbar", "Ready for reuse"),
        ("Gepflegt", "Sustained"),
        ("Nachgenutzt", "Proven in reuse"),
    ]


def test_level_four_has_the_thirty_day_grace_period() -> None:
    assert [level.get("grace_days") for level in MODEL["levels"]] == [None] * 4 + [30, None]


def test_the_checks_are_those_of_the_design_in_order() -> None:
    counts = [sum(1 for c in MODEL["checks"] if c["level"] == n) for n in range(6)]
    assert counts == [2, 5, 8, 8, 7, 3]


@pytest.mark.parametrize("check_id", sorted(THRESHOLDS))
def test_thresholds_are_those_of_the_design(check_id: str) -> None:
    params = CHECKS[check_id]["params"]
    assert {key: params[key] for key in THRESHOLDS[check_id]} == THRESHOLDS[check_id]


def test_the_readme_headings_begin_with_those_of_the_design() -> None:
    assert CHECKS["L2.1"]["params"]["install_headings"][:6] == [
        "install",
        "installation",
        "setup",
        "getting started",
        "inbetriebnahme",
        "installation und betrieb",
    ]


def test_ready_means_beta_or_stable() -> None:
    assert CHECKS["L3.1"]["params"]["ready_statuses"] == ["beta", "stable"]


def test_failed_licence_checks_cap_the_level() -> None:
    assert MODEL["licence_cap"] == ["L1.2", "L1.3"]


def test_only_the_checks_this_harvester_cannot_run_are_optional_in_model_one() -> None:
    optional = [check["id"] for check in MODEL["checks"] if not check["required"]]
    assert optional == ["L1.5", "L3.5", "L3.8", "L4.4", "L4.6", "L5.3"]
