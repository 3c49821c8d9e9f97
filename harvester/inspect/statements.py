"""What a project's own texts state: a security contact, governance, copyright assignment,
the data standards it speaks.

Each function reads one decoded text (a README, CONTRIBUTING, a CLA) with keyword heuristics
in German and English. They answer what the text says, not whether it is true; a reviewer
decides the cases they leave open. Texts are cut at 512 KiB and every pattern is bounded, so
no text can make them slow.
"""

from __future__ import annotations

import re

from ._markup import MAX_TEXT_BYTES, Syntax, parse

__all__ = [
    "cla_assignment",
    "contributing_section",
    "declared_standards",
    "governance_section",
    "mentions_cla",
    "security_contact",
]

_I = re.IGNORECASE

# --- security contact ----------------------------------------------------------------------

_SECURITY_HEADING = re.compile(
    r"\b(?:security|sicherheit|sicherheitsl[üu]\w{0,30}|vulnerabilit\w{0,30}|schwachstelle\w{0,30}"
    r"|responsible disclosure|coordinated disclosure)\b",
    _I,
)
_SECURITY_CHANNEL = re.compile(
    r"\b(?:security|sicherheit|psirt|cert|secure|vulnerabilit\w{0,30})@[\w-]+(?:\.[\w-]+)+"
    r"|\bsicherheitsl[üu]cken?\b[^.\n]{0,40}\bmelden\b"
    r"|\bschwachstellen?\b[^.\n]{0,40}\bmelden\b"
    r"|\bmeldung von (?:sicherheitsl[üu]cken|schwachstellen)\b"
    r"|\breport(?:ing)? (?:a |any |possible |potential )?(?:security )?"
    r"(?:vulnerabilit|security (?:issue|problem|bug|flaw))"
    r"|\b(?:responsible|coordinated) (?:vulnerability )?disclosure\b"
    r"|\bprivately report\b"
    r"|\bdo not (?:open|file|create|report) (?:a |them in a |it as a )?public (?:github )?issue",
    _I,
)


def security_contact(text: str) -> bool:
    """Whether the text has a security section or names a non-public reporting channel.

    A heading naming Security / Sicherheit / vulnerabilities / disclosure counts, and so do
    phrases like ``security@example.org``, "Sicherheitslücken bitte melden", "report a
    vulnerability", "do not open a public issue".
    """
    text = text[:MAX_TEXT_BYTES]
    if _has_heading(text, _SECURITY_HEADING):
        return True
    return _SECURITY_CHANNEL.search(text) is not None


# --- governance ----------------------------------------------------------------------------

_GOVERNANCE_HEADING = re.compile(
    r"\b(?:governance|decision[- ]making|steering committee|technical steering"
    r"|project leadership|roles and responsibilities|projektsteuerung|projektorganisation"
    r"|steuerungs\w{0,30}|lenkungs\w{0,30}|entscheidungs\w{0,30}|gremi\w{0,30}|rollen und verantwortlichkeiten)\b",
    _I,
)


def governance_section(text: str) -> bool:
    """Whether a heading announces how the project is governed (Governance, Entscheidungen)."""
    return _has_heading(text[:MAX_TEXT_BYTES], _GOVERNANCE_HEADING)


_CONTRIBUTING_HEADING = re.compile(
    r"\b(?:contribut\w{0,20}|how to help|get involved|mitwirk\w{0,20}|mitarbeit\w{0,20}"
    r"|mitmachen|beitr(?:ag|äg)\w{0,20}|beteiligung|mithelfen)\b",
    _I,
)


def contributing_section(text: str) -> bool:
    """Whether a heading announces how to contribute (Contributing, Mitwirken, Beitragen)."""
    return _has_heading(text[:MAX_TEXT_BYTES], _CONTRIBUTING_HEADING)


def _has_heading(text: str, pattern: re.Pattern[str]) -> bool:
    headings = parse(text, Syntax.PLAIN).headings
    return any(pattern.search(heading.text) for heading in headings)


# --- contributor agreements ----------------------------------------------------------------

_RIGHTS_DE = r"(?:\b(?:urheber|nutzungs|verwertungs)rechte?\w{0,30}|\b(?:alle|s[äa]mtliche)\w{0,30} rechte\b)"
_TRANSFER_DE = r"\b[üu]bertr(?:ag|äg)\w{0,30}"
_ASSIGNMENT = re.compile(
    r"\bassign(?:s|ed|ing|ment)?\b[^.\n]{0,80}?\bcopyright"
    r"|\bcopyright[- ]assignment"
    r"|\bhereby assigns?\b"
    r"|\btransfer(?:s|red|ring)?\b[^.\n]{0,40}?\b(?:copyright|all (?:of )?(?:your |the )?rights)"
    r"|\bexclusive (?:copyright )?licen[cs]e"
    rf"|{_TRANSFER_DE}[^.\n]{{0,80}}?{_RIGHTS_DE}|{_RIGHTS_DE}[^.\n]{{0,80}}?{_TRANSFER_DE}"
    r"|\babtret\w{0,30}|\babgetreten\b"
    r"|\bausschlie(?:ß|ss)liche\w{0,30} (?:nutzungs|verwertungs)?recht\w{0,30}",
    _I,
)
_NEGATION = re.compile(r"\b(?:not?|non|never|without|nicht|kein\w{0,30}|ohne|weder)\b", _I)
_LICENCE_ONLY = re.compile(
    r"\bdeveloper certificate of origin\b|\bsigned-off-by\b|\bDCO\b|--signoff\b|\bgit commit -s\b"
    r"|\bnon-exclusive\b[^.\n]{0,160}?\blicen[cs]e"
    r"|\bgrants?\b[^.\n]{0,160}?\blicen[cs]e"
    r"|\b(?:retain|retains|keep|keeps|reserve|reserves)\b[^.\n]{0,40}?\b(?:copyright|right, title)"
    r"|\beinfache\w{0,30} nutzungsrecht\w{0,30}|\bnicht[- ]ausschlie(?:ß|ss)liche\w{0,30} (?:nutzungs)?recht"
    r"|\bbeh(?:ä|a)lt\w{0,30}\b[^.\n]{0,80}?\burheberrecht|\bbehalten\b[^.\n]{0,80}?\burheberrecht",
    _I,
)
_CLA = re.compile(
    r"\bCLAs?\b|\bcontributor licen[cs]e agreement|\bcontributor (?:assignment )?agreement"
    r"|\bcopyright assignment|\bbeitrags?\w{0,30}vereinbarung|\bmitwirkend\w{0,30}vereinbarung"
    r"|\bdeveloper certificate of origin\b|\bDCO\b|\bsigned-off-by\b",
    _I,
)
_SENTENCE_START = re.compile(r"[.!?\n]")
_WINDOW = 60  # characters before a match in which a negation turns it around


def cla_assignment(text: str) -> bool | None:
    """Whether a contributor agreement demands assignment or transfer of copyright.

    ``True`` when the text asks contributors to assign, transfer or exclusively licence their
    rights (assign, transfer of copyright, Übertragung, abtreten, ausschließliche
    Nutzungsrechte), not negated in the same sentence; ``False`` when it only grants a licence
    (non-exclusive, einfaches Nutzungsrecht, contributors retain copyright), is a Developer
    Certificate of Origin (sign-off), or says no assignment is needed; ``None`` otherwise,
    including texts that say nothing about agreements.
    """
    text = text[:MAX_TEXT_BYTES]
    negated = False
    for found in _ASSIGNMENT.finditer(text):
        if not _is_negated(text, found):
            return True
        negated = True
    if negated or _LICENCE_ONLY.search(text):
        return False
    return None


def mentions_cla(text: str) -> bool:
    """Whether the text speaks of a contributor agreement, a copyright assignment or a DCO."""
    return _CLA.search(text[:MAX_TEXT_BYTES]) is not None


def _is_negated(text: str, found: re.Match[str]) -> bool:
    before = text[max(0, found.start() - _WINDOW) : found.start()]
    starts = [boundary.end() for boundary in _SENTENCE_START.finditer(before)]
    sentence = before[starts[-1] :] if starts else before
    return _NEGATION.search(sentence + found.group()) is not None


# --- data standards ------------------------------------------------------------------------

_OGC_PARTS = (
    "Features|Tiles|Processes|Records|Maps|Coverages|Styles|EDR|Connected Systems"
    "|Moving Features|Routes|Common|DGGS"
)
_OGC_API = re.compile(r"\bOGC[- ]API\b", _I)
_STANDARDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, flags))
    for name, pattern, flags in (
        ("SensorThings API", r"\bsensor ?things\b", _I),
        ("NGSI-LD", r"\bngsi[-_ ]?ld\b", _I),
        ("NGSI v2", r"\bngsi[-_ ]?v2\b", _I),
        ("OGC API", _OGC_API.pattern, _I),
        ("WMS", r"\bWMS\b", 0),
        ("WMTS", r"\bWMTS\b", 0),
        ("WFS", r"\bWFS\b", 0),
        ("WCS", r"\bWCS\b", 0),
        ("CSW", r"\bCSW\b", 0),
        ("GTFS", r"\bGTFS\b", 0),
        ("GTFS Realtime", r"\bGTFS[- ]?(?:RT|Realtime|Real-time)\b", _I),
        ("GBFS", r"\bGBFS\b", 0),
        ("NeTEx", r"\bNeTEx\b", 0),
        ("DATEX II", r"\bDATEX ?(?:II|2)\b", _I),
        ("MQTT", r"\bMQTT\b", 0),
        ("OParl", r"\bOParl\b", _I),
        ("XÖV", r"\bX(?:Ö|OE)V\b", _I),
        ("XPlanung", r"\bXPlan(?:ung|GML)\b", _I),
        ("XBau", r"\bXBau\b", 0),
        ("XRechnung", r"\bXRechnung\b", _I),
        ("FIT-Connect", r"\bFIT[- ]Connect\b", _I),
        ("DCAT-AP", r"\bDCAT[- ]AP\b", _I),
        ("FIWARE", r"\bFIWARE\b", _I),
        ("Smart Data Models", r"\bsmart data models?\b", _I),
        ("LoRaWAN", r"\bLoRaWAN\b", _I),
        ("CityGML", r"\bCityGML\b", _I),
        ("CityJSON", r"\bCityJSON\b", _I),
        ("GeoJSON", r"\bGeoJSON\b", _I),
        ("GeoPackage", r"\bGeoPackage\b", _I),
        ("INSPIRE", r"\bINSPIRE\b", 0),
        ("OpenAPI", r"\bOpenAPI\b|\bSwagger\b", _I),
        ("AsyncAPI", r"\bAsyncAPI\b", _I),
        ("JSON-LD", r"\bJSON-LD\b", _I),
        ("GraphQL", r"\bGraphQL\b", _I),
        ("OCPI", r"\bOCPI\b", 0),
        ("OCPP", r"\bOCPP\b", 0),
        ("Open311", r"\bOpen ?311\b", _I),
    )
)
_OGC_PART = re.compile(rf"\bOGC[- ]API\b[ \t]*[-\u2013\u2014:]?[ \t]*(?P<part>{_OGC_PARTS})\b", _I)
_OGC_NAMES = {part.lower(): part for part in _OGC_PARTS.split("|")}


def declared_standards(text: str) -> tuple[str, ...]:
    """The known data-exchange standards and interfaces a text names, in a fixed order.

    ``OGC API - Features`` (and the other parts) are named with their part; the names are
    those of :data:`_STANDARDS` (SensorThings API, NGSI-LD, WMS, GTFS, OParl, XPlanung,
    DCAT-AP, OpenAPI ...). Short acronyms must be written in capitals (``WMS``, not ``wms``).
    """
    text = text[:MAX_TEXT_BYTES]
    found: list[str] = []
    for name, pattern in _STANDARDS:
        if name == "OGC API":
            found += _ogc_parts(text)
        elif pattern.search(text):
            found.append(name)
    return tuple(found)


def _ogc_parts(text: str) -> list[str]:
    parts = {_OGC_NAMES[" ".join(m["part"].lower().split())] for m in _OGC_PART.finditer(text)}
    if parts:
        return [f"OGC API - {part}" for part in sorted(parts)]
    return ["OGC API"] if _OGC_API.search(text) else []
