"""The check registry: what a registered check adds to its function's answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from harvester.maturity._answers import Answer, passed
from harvester.maturity.checks import CHECKS, MAX_EVIDENCE, Check, check
from harvester.maturity.errors import MaturityError
from harvester.maturity.facts import Facts
from harvester.records import CheckOutcome, Evidence
from tests.harvester.maturity.factories import COMMIT, make_facts


def _answer(facts: Facts, params: Mapping[str, Any]) -> Answer:
    return passed("7", "Ja.", "Yes.", Evidence("G", path="a"), Evidence("F", commit="feed"))


def _many(facts: Facts, params: Mapping[str, Any]) -> Answer:
    return passed("many", "Ja.", "Yes.", *(Evidence("G", path=str(n)) for n in range(100)))


def test_a_result_carries_the_checks_id_and_the_functions_name() -> None:
    result = Check("L9.1", "has_answer", "", _answer)(make_facts(), {})
    assert (result.id, result.name, result.outcome) == ("L9.1", "has_answer", CheckOutcome.PASS)


def test_evidence_gets_the_commit_unless_it_names_its_own() -> None:
    result = Check("L9.1", "has_answer", "", _answer)(make_facts(), {})
    assert [item.commit for item in result.evidence] == [COMMIT, "feed"]


def test_evidence_is_bounded() -> None:
    result = Check("L9.1", "has_many", "", _many)(make_facts(), {})
    assert len(result.evidence) == MAX_EVIDENCE


def test_the_threshold_is_rendered_from_params_with_lists_written_out() -> None:
    template = ">= {share:.0%} in {places}"
    result = Check("L9.1", "has_answer", template, _answer)(
        make_facts(), {"share": 0.5, "places": ("a", "b")}
    )
    assert result.threshold == ">= 50% in a, b"


def test_a_check_without_threshold_has_none() -> None:
    assert Check("L9.1", "has_answer", "", _answer)(make_facts(), {}).threshold is None


def test_a_checks_params_are_the_fields_of_its_threshold() -> None:
    assert Check("L9.1", "x_y", "{a} and {b:.0%}", _answer).params == frozenset({"a", "b"})


def test_registering_an_id_twice_is_refused() -> None:
    with pytest.raises(MaturityError, match=r"L1\.1 is registered twice"):
        check("L1.1")(_answer)


def test_the_decorator_returns_the_registered_check() -> None:
    from harvester.maturity import _level1

    assert _level1.has_licence_file is CHECKS["L1.1"]
