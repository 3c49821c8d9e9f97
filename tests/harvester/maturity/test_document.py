"""Reading publiccode.yml values for the checks, with evidence."""

from __future__ import annotations

import datetime

from harvester.maturity._document import contract_end, key_evidence, value
from harvester.records import PubliccodeReport
from tests.harvester.maturity.factories import make_document, make_facts


def _report(raw: str) -> PubliccodeReport:
    return PubliccodeReport("publiccode.yml", raw, True, (), None)


def test_a_dotted_key_reads_a_nested_value() -> None:
    assert value(make_facts(), "maintenance.type") == "contract"


def test_a_key_below_a_value_of_the_wrong_type_reads_as_absent() -> None:
    facts = make_facts(document=make_document(legal="EUPL-1.2"))
    assert value(facts, "legal.license") is None


def test_evidence_names_the_line_of_the_keys_top_level_section() -> None:
    raw = 'name: x\n"maintenance":\n  type: internal\n'
    facts = make_facts(publiccode=_report(raw))
    evidence = key_evidence(facts, "maintenance.type")
    assert (evidence.source, evidence.path, evidence.line) == ("M", "publiccode.yml", 2)
    assert evidence.detail == "maintenance.type: contract"


def test_evidence_without_a_publiccode_report_names_the_file_without_a_line() -> None:
    evidence = key_evidence(make_facts(document=None), "developmentStatus")
    assert (evidence.path, evidence.line, evidence.detail) == (
        "publiccode.yml",
        None,
        "developmentStatus",
    )


def test_the_contract_end_is_the_latest_valid_until() -> None:
    maintenance = {
        "type": "contract",
        "contractors": [{"until": "2027-01-01"}, {"until": "soon"}, {"until": "2028-02-02"}],
    }
    facts = make_facts(document=make_document(maintenance=maintenance))
    assert contract_end(facts) == datetime.date(2028, 2, 2)


def test_internal_maintenance_has_no_contract_end() -> None:
    maintenance = {"type": "internal", "contractors": [{"until": "2027-01-01"}]}
    assert contract_end(make_facts(document=make_document(maintenance=maintenance))) is None
