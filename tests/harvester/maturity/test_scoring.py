"""The scoring policy: gated levels, the licence cap, blocking checks, failing checks."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import pytest

from harvester.maturity import InvalidModel, load_model, rate
from harvester.maturity.checks import CheckFunction
from harvester.maturity.facts import Facts
from harvester.maturity.model import CheckSpec, Level, MaturityModel, Text
from harvester.records import CheckOutcome, CheckResult
from tests.harvester.maturity.factories import make_document, make_facts, make_forge

PASS, FAIL = CheckOutcome.PASS, CheckOutcome.FAIL
UNKNOWN, NA = CheckOutcome.UNKNOWN, CheckOutcome.NOT_APPLICABLE

TEXT = Text("de", "en")


def _spec(check_id: str, required: bool = True) -> CheckSpec:
    level = int(check_id[1])
    return CheckSpec(
        check_id,
        f"is_{check_id[1]}_{check_id[3]}",
        level,
        ("G",),
        required,
        MappingProxyType({}),
        TEXT,
        TEXT,
    )


def _model(*specs: CheckSpec) -> MaturityModel:
    levels = tuple(Level(number, TEXT, TEXT) for number in range(4))
    return MaturityModel("9.9", datetime.date(2026, 1, 1), (), levels, specs, ("L1.2",))


MODEL = _model(
    _spec("L0.1"), _spec("L1.1"), _spec("L1.2"), _spec("L2.1"), _spec("L2.2"), _spec("L3.1")
)


def _answering(outcome: CheckOutcome) -> CheckFunction:
    def answer(facts: Facts, params: Mapping[str, Any]) -> CheckResult:
        return CheckResult("?", "?", outcome, None, None, "de", "en")

    return answer


def _checks(**outcomes: CheckOutcome) -> dict[str, CheckFunction]:
    """Every check of MODEL passes unless named (L1_2=FAIL for L1.2)."""
    chosen = {key.replace("_", "."): outcome for key, outcome in outcomes.items()}
    return {spec.id: _answering(chosen.get(spec.id, PASS)) for spec in MODEL.checks}


def test_all_checks_passing_reach_the_top_level_with_nothing_blocking() -> None:
    report = rate(make_facts(), MODEL, _checks())
    assert (report.level, report.blocking, report.model_version) == (3, (), "9.9")


def test_the_level_is_the_last_one_whose_checks_and_all_below_pass() -> None:
    report = rate(make_facts(), MODEL, _checks(L2_2=FAIL))
    assert (report.level, report.blocking) == (1, ("L2.2",))


def test_a_passing_higher_level_does_not_count_over_a_failing_lower_one() -> None:
    report = rate(make_facts(), MODEL, _checks(L1_1=FAIL, L2_1=FAIL))
    assert (report.level, report.blocking) == (0, ("L1.1",))


def test_unknown_never_counts_as_a_pass() -> None:
    report = rate(make_facts(), MODEL, _checks(L2_1=UNKNOWN))
    assert (report.level, report.blocking) == (1, ("L2.1",))


def test_a_check_that_does_not_apply_does_not_block() -> None:
    assert rate(make_facts(), MODEL, _checks(L2_1=NA)).level == 3


def test_a_failing_level_zero_check_keeps_the_repository_listed_at_level_zero() -> None:
    report = rate(make_facts(), MODEL, _checks(L0_1=FAIL, L1_1=FAIL))
    assert (report.level, report.blocking) == (0, ("L0.1", "L1.1"))


def test_a_check_that_is_not_required_does_not_block() -> None:
    model = _model(_spec("L0.1"), _spec("L1.1", required=False), _spec("L1.2"))
    checks = {"L0.1": _answering(PASS), "L1.1": _answering(FAIL), "L1.2": _answering(PASS)}
    assert rate(make_facts(), model, checks).level == 3


def test_a_failed_licence_check_caps_the_level_at_zero() -> None:
    model = _model(_spec("L0.1"), _spec("L1.2", required=False), _spec("L2.1"))
    checks = {"L0.1": _answering(PASS), "L1.2": _answering(FAIL), "L2.1": _answering(PASS)}
    report = rate(make_facts(), model, checks)
    assert (report.level, report.capped_by_licence) == (0, True)


def test_an_unknown_licence_check_blocks_but_does_not_cap() -> None:
    report = rate(make_facts(), MODEL, _checks(L1_2=UNKNOWN))
    assert (report.level, report.capped_by_licence, report.blocking) == (0, False, ("L1.2",))


def test_a_check_that_raises_becomes_unknown_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(facts: Facts, params: Mapping[str, Any]) -> CheckResult:
        raise ZeroDivisionError("boom")

    checks = _checks() | {"L2.1": broken}
    with caplog.at_level(logging.ERROR, logger="harvester.maturity.scoring"):
        report = rate(make_facts(), MODEL, checks)
    failed = report.checks[3]
    assert (failed.id, failed.outcome, failed.reason_en) == (
        "L2.1",
        UNKNOWN,
        "internal error in check",
    )
    assert failed.reason_de == "interner Fehler in der Prüfung"
    assert [result.outcome for result in report.checks].count(PASS) == 5
    assert (report.level, report.blocking) == (1, ("L2.1",))
    assert "L2.1" in caplog.text


def test_a_model_check_without_an_implementation_is_an_invalid_model() -> None:
    checks = _checks()
    del checks["L3.1"]
    with pytest.raises(InvalidModel, match=r"checks without an implementation: L3\.1"):
        rate(make_facts(), MODEL, checks)


def test_an_archived_repository_is_marked_whatever_its_level() -> None:
    report = rate(make_facts(forge=make_forge(archived=True)), MODEL, _checks())
    assert (report.archived, report.level) == (True, 3)


def test_an_obsolete_development_status_is_archived() -> None:
    facts = make_facts(forge=None, document=make_document(developmentStatus="obsolete"))
    assert rate(facts, MODEL, _checks()).archived is True


def test_an_active_repository_is_not_archived() -> None:
    assert rate(make_facts(), MODEL, _checks()).archived is False


def test_with_model_one_a_well_kept_repository_reaches_four_with_unrun_checks_shown() -> None:
    """Checks this harvester does not run stay unknown and visible, but do not gate (1.0)."""
    report = rate(make_facts(), load_model("1.0"))
    others = {result.id: result.outcome for result in report.checks if result.outcome is not PASS}
    assert (report.level, report.blocking) == (4, ("L5.1",))
    assert others == {
        "L1.5": UNKNOWN,
        "L3.5": UNKNOWN,
        "L4.4": UNKNOWN,
        "L5.1": FAIL,
        "L5.3": UNKNOWN,
    }


def test_with_model_one_results_come_in_model_order_for_every_check() -> None:
    model = load_model("1.0")
    report = rate(make_facts(), model)
    assert [result.id for result in report.checks] == [spec.id for spec in model.checks]
    assert [result.name for result in report.checks] == [spec.name for spec in model.checks]
