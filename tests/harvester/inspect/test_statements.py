"""What a project's texts state: security contact, governance, copyright assignment, standards."""

from __future__ import annotations

import pytest

from harvester.inspect.statements import (
    cla_assignment,
    contributing_section,
    declared_standards,
    governance_section,
    mentions_cla,
    security_contact,
)

APACHE_ICLA = (
    "Subject to the terms and conditions of this Agreement, You hereby grant to the Foundation "
    "and to recipients of software distributed by the Foundation a perpetual, worldwide, "
    "non-exclusive, no-charge, royalty-free, irrevocable copyright license to reproduce, "
    "prepare derivative works of, publicly display, publicly perform, sublicense, and "
    "distribute Your Contributions. Except for the license granted herein to the Foundation, "
    "You reserve all right, title, and interest in and to Your Contributions."
)
DCO = (
    "Developer Certificate of Origin\nVersion 1.1\n\nBy making a contribution to this project, "
    "I certify that: (a) The contribution was created in whole or in part by me."
)


@pytest.mark.parametrize(
    "text",
    [
        "# App\n\n## Security\n\nWe care.\n",
        "App\n===\n\nSicherheit\n----------\n",
        "## Reporting Vulnerabilities\n",
        "## Sicherheitslücken\n",
        "## Responsible Disclosure\n",
        "<h2>IT-Sicherheit</h2>\n",
    ],
)
def test_a_security_heading_is_a_security_contact(text: str) -> None:
    assert security_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Write to security@stadt-musterstadt.de about problems.",
        "Sicherheitslücken bitte vertraulich per E-Mail melden.",
        "Schwachstellen können Sie über unser Formular melden.",
        "Please report a vulnerability through the private form.",
        "Report security issues to the maintainers, privately.",
        "Please do not open a public issue for it.",
        "You can privately report it on the forge.",
        "We follow coordinated vulnerability disclosure.",
    ],
)
def test_a_phrase_naming_a_private_channel_is_a_security_contact(text: str) -> None:
    assert security_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "# App\n\n## Datensicherheit\n",
        "Open an issue for every bug.",
        "The security of the city matters.",
        "```\n## Security\n```\n",
        "",
    ],
)
def test_other_texts_name_no_security_contact(text: str) -> None:
    assert not security_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "## Governance\n",
        "Governance\n==========\n",
        "## Entscheidungsfindung\n",
        "## Steuerungskreis\n",
        "### Decision making\n",
        "## Rollen und Verantwortlichkeiten\n",
    ],
)
def test_finds_a_governance_section(text: str) -> None:
    assert governance_section(text)


@pytest.mark.parametrize(
    "text", ["We govern nothing here.", "## Installation\n", "The governance is informal."]
)
def test_a_text_without_a_governance_heading_has_no_governance_section(text: str) -> None:
    assert not governance_section(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hereby assign to the Free Software Foundation my copyright in the changes.",
        "You hereby assign to Canonical all right, title, and interest worldwide.",
        "Contributors must sign a copyright assignment before we merge.",
        "By contributing you transfer the copyright of your work to the city.",
        "The contributor grants an exclusive license to the publisher.",
        "Mit der Einreichung überträgst du sämtliche Nutzungsrechte an die Stadt.",
        "Die Urheberrechte an den Beiträgen werden an die Stadt übertragen.",
        "Der Beitragende tritt seine Rechte ab; sie gelten als abgetreten.",
        "Der Beitragende räumt der Stadt das ausschließliche Nutzungsrecht ein.",
    ],
)
def test_a_demand_to_transfer_rights_is_an_assignment(text: str) -> None:
    assert cla_assignment(text) is True


@pytest.mark.parametrize(
    "text",
    [
        APACHE_ICLA,
        DCO,
        "Every commit needs a Signed-off-by line (git commit -s).",
        "We do not require a copyright assignment; you keep your copyright.",
        "There is no transfer of copyright.",
        "Die Urheberrechte werden nicht übertragen.",
        "Du räumst uns ein einfaches Nutzungsrecht ein.",
        "Du räumst uns ein nicht ausschließliches Nutzungsrecht ein.",
        "Der Beitragende behält sein Urheberrecht.",
    ],
)
def test_a_licence_grant_or_dco_is_not_an_assignment(text: str) -> None:
    assert cla_assignment(text) is False


@pytest.mark.parametrize(
    "text",
    ["Please sign our CLA at https://cla.example.org first.", "Open a pull request.", ""],
)
def test_an_agreement_of_unknown_kind_or_none_is_unsure(text: str) -> None:
    assert cla_assignment(text) is None


def test_a_negation_in_an_earlier_sentence_does_not_turn_an_assignment_around() -> None:
    text = "This is not optional. You hereby assign your copyright to the city."
    assert cla_assignment(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Please sign the CLA.",
        "Our Contributor License Agreement applies.",
        "Sign the contributor agreement.",
        "We use the Developer Certificate of Origin.",
        "Add a Signed-off-by trailer.",
        "Bitte die Beitragsvereinbarung unterschreiben.",
    ],
)
def test_mentions_of_an_agreement_are_recognised(text: str) -> None:
    assert mentions_cla(text)


@pytest.mark.parametrize("text", ["Open a pull request.", "The clause is clear.", "Claudia"])
def test_other_texts_mention_no_agreement(text: str) -> None:
    assert not mentions_cla(text)


def test_names_the_standards_a_text_declares_in_a_fixed_order() -> None:
    text = (
        "Die Plattform spricht MQTT und liefert Daten über die OGC SensorThings API, NGSI-LD "
        "und OGC API - Features. Karten kommen als WMS und WFS; die Schnittstelle ist mit "
        "OpenAPI beschrieben. Bebauungspläne im Format XPlanung, Metadaten nach DCAT-AP.de."
    )
    assert declared_standards(text) == (
        "SensorThings API",
        "NGSI-LD",
        "OGC API - Features",
        "WMS",
        "WFS",
        "MQTT",
        "XPlanung",
        "DCAT-AP",
        "OpenAPI",
    )


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("Uses NGSIv2 from the Orion broker.", "NGSI v2"),
        ("Timetables as GTFS-RT feeds.", "GTFS Realtime"),
        ("Bike sharing data as GBFS.", "GBFS"),
        ("Council data via OParl 1.1.", "OParl"),
        ("Built on FIWARE components.", "FIWARE"),
        ("Sensors send over LoRaWAN.", "LoRaWAN"),
        ("3D models in CityGML.", "CityGML"),
        ("Messages follow XÖV standards.", "XÖV"),
        ("Nachrichten nach XOEV.", "XÖV"),
        ("A Swagger file describes the API.", "OpenAPI"),
        ("Served as OGC API Tiles.", "OGC API - Tiles"),
        ("An OGC API server.", "OGC API"),
        ("Invoices as XRechnung.", "XRechnung"),
    ],
)
def test_recognises_each_standard_by_its_usual_spellings(text: str, standard: str) -> None:
    assert standard in declared_standards(text)


@pytest.mark.parametrize(
    "text", ["see http://host/geoserver/wms?service=wms", "We inspire people.", "No standards."]
)
def test_lower_case_words_are_not_mistaken_for_acronyms(text: str) -> None:
    assert declared_standards(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "assign " * 100_000,
        "übertragen " * 100_000,
        "urheberrecht" + "e" * 500_000,
        "security@" * 60_000,
        "OGC API " * 60_000,
        "#" * 500_000,
        "\x00" * 500_000,
    ],
    ids=lambda text: repr(text[:10]),
)
def test_hostile_texts_are_read_without_harm(text: str) -> None:
    assert cla_assignment(text) in (True, False, None)
    assert isinstance(security_contact(text), bool)
    assert isinstance(governance_section(text), bool)
    assert isinstance(declared_standards(text), tuple)


@pytest.mark.parametrize(
    "text",
    [
        "## Contributing\n",
        "## How to contribute\n",
        "Mitwirken\n=========\n",
        "### Beiträge\n",
        "## Mitmachen\n",
    ],
)
def test_finds_a_contributing_section(text: str) -> None:
    assert contributing_section(text)


@pytest.mark.parametrize("text", ["Contributions are welcome.", "## Installation\n", "## Lizenz\n"])
def test_a_text_without_a_contributing_heading_has_no_contributing_section(text: str) -> None:
    assert not contributing_section(text)
