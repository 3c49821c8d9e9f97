"""Loading the maturity model: the shipped version, and clear errors for bad files."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import pytest
import yaml

from harvester.maturity import InvalidModel, load_model
from harvester.maturity.model import parse_model

TEXT = files("schemas").joinpath("maturity", "model-1.0.yml").read_text("utf-8")


def _variant(change: Callable[[dict[str, Any]], None]) -> str:
    data = yaml.safe_load(TEXT)
    change(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _error(text: str) -> InvalidModel:
    with pytest.raises(InvalidModel) as caught:
        parse_model(text)
    return caught.value


def test_the_shipped_model_loads_with_its_version_and_date() -> None:
    model = load_model("1.0")
    assert (model.version, model.published) == ("1.0", datetime.date(2026, 11, 21))
    assert model.licence_cap == ("L1.2", "L1.3")


def test_thresholds_are_read_only_and_lists_become_tuples() -> None:
    params = load_model().check("L2.1").params
    assert isinstance(params["install_headings"], tuple)
    with pytest.raises(TypeError):
        params["readme_min_words"] = 1  # type: ignore[index]


def test_a_model_asked_for_a_check_it_lacks_raises_key_error() -> None:
    with pytest.raises(KeyError):
        load_model().check("L9.9")


def test_an_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(InvalidModel, match=r"unknown maturity model version '2\.0'; known: 1\.0"):
        load_model("2.0")


def test_a_version_that_is_not_a_file_name_is_refused() -> None:
    with pytest.raises(InvalidModel, match="unknown maturity model version"):
        load_model("../publiccode/smart-city-profile-1.0")


def test_broken_yaml_is_reported_with_its_line() -> None:
    error = _error("model: nachnutzungs-reifegrad\nversion: [1.0\n")
    assert error.where.startswith("line 3")
    assert "not valid YAML" in error.message


def test_a_key_given_twice_is_refused() -> None:
    error = _error("model: x\nversion: '1.0'\nversion: '1.1'\n")
    assert (error.where, error.message) == ("line 3", "key 'version' given twice")


def test_a_shape_error_names_the_check_by_index_and_id() -> None:
    error = _error(_variant(lambda data: data["checks"][2].update(level="one")))
    assert error.where == "checks[2] (L1.1).level"
    assert "'one' is not of type 'integer'" in error.message


def test_a_missing_german_text_is_a_shape_error() -> None:
    error = _error(_variant(lambda data: data["levels"][1]["name"].pop("de")))
    assert error.where == "levels[1].name"


def test_an_unquoted_date_is_a_shape_error() -> None:
    error = _error(_variant(lambda data: data.update(published=datetime.date(2026, 1, 1))))
    assert error.where == "published"


def test_a_check_without_implementation_is_refused() -> None:
    def add(data: dict[str, Any]) -> None:
        data["checks"].append({**data["checks"][-1], "id": "L5.4", "name": "has_more"})

    error = _error(_variant(add))
    assert (error.where, error.message) == ("checks[33] (L5.4)", "check L5.4 has no implementation")


def test_a_name_that_differs_from_the_implementation_is_refused() -> None:
    error = _error(_variant(lambda data: data["checks"][0].update(name="can_be_cloned")))
    assert "differs from the implementation's 'is_clonable'" in error.message


def test_a_missing_threshold_is_refused() -> None:
    error = _error(_variant(lambda data: data["checks"][7]["params"].pop("readme_min_words")))
    assert (error.where, error.message) == (
        "checks[7] (L2.1).params",
        "thresholds missing: readme_min_words",
    )


def test_a_threshold_no_check_uses_is_refused() -> None:
    error = _error(_variant(lambda data: data["checks"][0]["params"].update(retries=3)))
    assert error.message == "thresholds no check uses: retries"


def test_a_check_id_given_twice_is_refused() -> None:
    error = _error(_variant(lambda data: data["checks"].insert(1, data["checks"][0])))
    assert error.message == "check id L0.1 given twice"


def test_checks_out_of_order_are_refused() -> None:
    def swap(data: dict[str, Any]) -> None:
        data["checks"][2], data["checks"][3] = data["checks"][3], data["checks"][2]

    assert "out of order" in _error(_variant(swap)).message


def test_an_id_that_does_not_fit_its_level_is_refused() -> None:
    error = _error(_variant(lambda data: data["checks"][2].update(level=2)))
    assert error.message == "id L1.1 does not fit level 2"


def test_levels_must_be_numbered_from_zero() -> None:
    error = _error(_variant(lambda data: data["levels"].pop(0)))
    assert error.where == "levels"


def test_the_licence_cap_must_name_checks_of_the_model() -> None:
    error = _error(_variant(lambda data: data.update(licence_cap=["L1.9"])))
    assert (error.where, error.message) == ("licence_cap", "names checks the model lacks: L1.9")


def test_the_changelog_must_describe_the_models_version() -> None:
    error = _error(_variant(lambda data: data["changelog"][0].update(version="0.9")))
    assert error.message == "no changelog entry for version 1.0"


def test_an_impossible_date_is_refused() -> None:
    error = _error(_variant(lambda data: data.update(published="2026-02-30")))
    assert (error.where, error.message) == ("published", "'2026-02-30' is not a calendar date")


def test_an_empty_file_is_a_shape_error_about_the_whole_file() -> None:
    error = _error("")
    assert (error.where, error.message) == ("(file)", "None is not of type 'object'")


def test_an_unhashable_key_is_reported_as_bad_yaml() -> None:
    error = _error("? [1]\n: 2\n")
    assert error.message == "not valid YAML: found unhashable key"


def test_every_shape_error_is_listed_after_the_first() -> None:
    def break_two(data: dict[str, Any]) -> None:
        data["checks"][0]["level"] = "zero"
        data["checks"][1]["required"] = "yes"

    error = _error(_variant(break_two))
    assert str(error) == (
        "checks[0] (L0.1).level: 'zero' is not of type 'integer'; "
        "checks[1] (L0.2).required: 'yes' is not of type 'boolean'"
    )
