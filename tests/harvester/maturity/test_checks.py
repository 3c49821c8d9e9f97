"""The registry of model 1.0's checks: complete, named as questions, documented."""

from __future__ import annotations

import re

from harvester.maturity import CHECKS, load_model


def test_every_check_of_the_model_is_implemented_and_every_implementation_is_in_the_model() -> None:
    assert {spec.id for spec in load_model("1.0").checks} == set(CHECKS)


def test_every_check_is_named_as_a_true_or_false_sentence() -> None:
    pattern = re.compile(r"(is|has|requires|declares|licences|reviews|documents)_[a-z_]+")
    assert [c.name for c in CHECKS.values() if not pattern.fullmatch(c.name)] == []


def test_every_check_documents_its_motivation_and_threshold() -> None:
    undocumented = [c.id for c in CHECKS.values() if "Threshold" not in c.doc]
    assert undocumented == []
