"""Stufe 0 checks: L0.1 is_clonable, L0.2 has_valid_metadata."""

from __future__ import annotations

from harvester.records import CheckOutcome, PubliccodeFinding
from tests.harvester.maturity.factories import (
    COMMIT,
    make_document,
    make_facts,
    make_publiccode,
    run,
)


def test_a_cloned_repository_is_clonable_with_its_url_and_commit_as_evidence() -> None:
    result = run("L0.1", make_facts())
    assert result.outcome is CheckOutcome.PASS
    assert result.name == "is_clonable"
    assert result.evidence[0].url == "https://gitlab.example/stadt-a/parken.git"
    assert result.evidence[0].commit == COMMIT


def test_a_repository_that_could_not_be_cloned_fails() -> None:
    result = run("L0.1", make_facts(clonable=False, commit=None))
    assert result.outcome is CheckOutcome.FAIL
    assert result.reason_en == "The repository could not be cloned anonymously."


def test_a_repository_without_publiccode_yml_has_no_valid_metadata() -> None:
    result = run("L0.2", make_facts(document=None))
    assert result.outcome is CheckOutcome.FAIL
    assert result.value == "no publiccode.yml"


def test_a_valid_publiccode_yml_passes_and_its_warnings_are_counted() -> None:
    warning = PubliccodeFinding("warning", "description.de.features", "few features", 20, 5)
    report = make_publiccode(make_document(), findings=(warning,))
    result = run("L0.2", make_facts(publiccode=report))
    assert result.outcome is CheckOutcome.PASS
    assert result.value == "0 errors, 1 warnings"


def test_an_invalid_publiccode_yml_fails_with_each_error_at_its_line() -> None:
    errors = (
        PubliccodeFinding("error", "name", "name is required", 0, 0),
        PubliccodeFinding("error", "legal.license", "invalid licence", 7, 12),
    )
    report = make_publiccode(make_document(), findings=errors)
    result = run("L0.2", make_facts(publiccode=report))
    assert result.outcome is CheckOutcome.FAIL
    assert [(item.path, item.line, item.detail) for item in result.evidence] == [
        ("publiccode.yml", None, "name: name is required"),
        ("publiccode.yml", 7, "legal.license: invalid licence"),
    ]
