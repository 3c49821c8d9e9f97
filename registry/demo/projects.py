"""The demo's fictional software projects: what each one is, and the state its repository is in.

Seventeen projects of the fictional publishers (:mod:`registry.demo.publishers`), spread over
the catalogue's topics and over every state a harvest meets: mature and sustained, documented,
merely open, abandoned, archived, with a licence conflict, a missing or a modified licence
text, invalid metadata, metadata under the wrong file name, no metadata at all, and a stale
mirror of another project. The list is flat data; :mod:`registry.demo.files`,
:mod:`registry.demo.publiccode` and :mod:`registry.demo.history` turn it into repositories.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .history import Activity, Person
from .publishers import PEOPLE

__all__ = ["MIRRORS", "PROJECTS", "Care", "Maintenance", "Metadata", "Mirror", "Project", "Text"]


class Care(enum.StrEnum):
    """How much a project's repository offers beyond its code."""

    SUSTAINED = "sustained"  # documented, plus governance, REUSE headers, reviewed merges
    DOCUMENTED = "documented"  # README with installation, contributing, security, change log
    OPEN = "open"  # a licence and a short README


class Metadata(enum.StrEnum):
    """The state of the project's publiccode.yml."""

    VALID = "valid"
    INVALID = "invalid"  # errors the validator reports
    YAML_SUFFIX = "yaml-suffix"  # valid, but named publiccode.yaml
    ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Text:
    """The description in one language."""

    name: str
    short: str
    long: str
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Maintenance:
    type: str  # contract | internal | community | none
    contractor: str | None = None
    until: int | None = None  # the contract's end in days from today (negative: ended)
    contacts: tuple[Person, ...] = ()


@dataclass(frozen=True, slots=True)
class Project:
    slug: str  # the repository's name
    publisher: str  # a DemoPublisher id
    de: Text | None
    en: Text | None
    scopes: tuple[str, ...]
    categories: tuple[str, ...]
    platforms: tuple[str, ...]
    licence: str  # declared in publiccode.yml
    status: str  # developmentStatus
    activity: Activity
    care: Care
    maintenance: Maintenance
    licence_text: str | None = "declared"  # a file of registry/demo/licences, or None
    used_by: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()  # data standards the README names
    depends_on: tuple[str, ...] = ()
    stack: str = "python"  # python | node
    metadata: Metadata = Metadata.VALID
    archived: bool = False
    issues: bool = True
    stars: int = 0
    plain_git: bool = False  # on the publisher's own git server instead of the forge

    @property
    def name(self) -> str:
        text = self.de or self.en
        assert text is not None, f"{self.slug} has no description"
        return text.name

    @property
    def readme_language(self) -> str:
        return "de" if self.de is not None else "en"


@dataclass(frozen=True, slots=True)
class Mirror:
    """A copy of ``original`` kept by another publisher, ``behind`` commits stale."""

    original: str
    publisher: str
    behind: int


_BEISPIELSTADT = PEOPLE["beispielstadt"]
_STADTWERKE = PEOPLE["stadtwerke"]
_VENDOR = PEOPLE["kommunal-digital"]
_MUSTERLAND = PEOPLE["musterland"]
_MUSTERKREIS = PEOPLE["musterkreis"]
_HOCHSCHULE = PEOPLE["hochschule"]
_VOLUNTEER = PEOPLE["volunteer"]

PARKING = Project(
    slug="parkleitsystem",
    publisher="mpsc-beispielstadt",
    de=Text(
        "Parkleitsystem Beispielstadt",
        "Freie Parkplätze in Parkhäusern und an der Straße in Echtzeit, auf Karte und Anzeigetafeln.",
        "Das Parkleitsystem sammelt die Belegung von Parkhäusern, Parkplätzen und "
        "sensorüberwachten Stellplätzen am Straßenrand und zeigt freie Parkplätze in Echtzeit "
        "auf einer Karte, in der Stadt-App und auf den dynamischen Anzeigetafeln an den "
        "Einfallstraßen. Betreiber von Parkhäusern liefern ihre Daten über DATEX II, Sensoren "
        "über die SensorThings API. Prognosen für die nächsten Stunden helfen, den "
        "Parksuchverkehr in der Innenstadt zu verringern.",
        (
            "Belegung von Parkhäusern und Parkplätzen in Echtzeit",
            "Prognose der Auslastung für die nächsten Stunden",
            "Ansteuerung dynamischer Anzeigetafeln",
            "Offene Schnittstellen nach DATEX II und SensorThings API",
        ),
    ),
    en=Text(
        "Parking guidance system",
        "Free parking spaces in car parks and on the street in real time, on a map and on signs.",
        "The parking guidance system collects the occupancy of car parks, parking lots and "
        "sensor-monitored kerbside spaces and shows free spaces in real time on a map, in the "
        "city app and on the dynamic signs at the main roads into town. Operators deliver "
        "their data through DATEX II, sensors through the SensorThings API. Forecasts for the "
        "next hours help to reduce traffic searching for parking in the city centre.",
        (
            "Real-time occupancy of car parks and parking lots",
            "Occupancy forecast for the next hours",
            "Control of dynamic signs",
            "Open interfaces after DATEX II and the SensorThings API",
        ),
    ),
    scopes=("transportation", "infrastructures"),
    categories=("geographic-information-systems", "data-visualization"),
    platforms=("web", "android", "ios"),
    licence="EUPL-1.2",
    status="stable",
    activity=Activity(
        first=900,
        last=3,
        changes=72,
        authors=(*_BEISPIELSTADT, *_STADTWERKE, *_VENDOR[:2]),
        release_every=6,
        reviewed_merges=True,
        first_version=(2, 0, 0),
    ),
    care=Care.SUSTAINED,
    maintenance=Maintenance("contract", "Kommunal Digital eG", 730, (_BEISPIELSTADT[0],)),
    used_by=("Stadt Beispielstadt", "Musterstadt", "Gemeinde Beispielhausen", "Stadt Kreisheim"),
    standards=("DATEX II", "SensorThings API", "GeoJSON", "OpenAPI"),
    depends_on=("PostgreSQL", "PostGIS"),
    stars=48,
)

PARTICIPATION = Project(
    slug="beteiligungsplattform",
    publisher="mpsc-smarte-region-musterland",
    de=Text(
        "Beteiligungsplattform Musterland",
        "Online-Beteiligung für Bürgerhaushalte, Quartiersplanung und Umfragen in der Region.",
        "Die Beteiligungsplattform bündelt die Bürgerbeteiligung der Gemeinden der Smarten "
        "Region Musterland: Bürgerhaushalte mit Vorschlägen und Abstimmungen, Kommentare zu "
        "Planungsentwürfen auf der Karte, Umfragen und Veranstaltungen. Jede Gemeinde "
        "betreibt einen eigenen Bereich mit eigenem Erscheinungsbild; Ergebnisse werden als "
        "offene Daten veröffentlicht. Die Plattform erfüllt die BITV 2.0 und läuft ohne "
        "Tracking.",
        (
            "Bürgerhaushalt mit Vorschlägen, Diskussion und Abstimmung",
            "Kommentare zu Planungen direkt auf der Karte",
            "Umfragen und Veranstaltungskalender",
            "Mandantenfähig für mehrere Gemeinden",
        ),
    ),
    en=Text(
        "Participation platform",
        "Online participation for citizens' budgets, neighbourhood planning and surveys.",
        "The participation platform brings together the citizen participation of the "
        "municipalities of the Smart Region Musterland: participatory budgets with proposals "
        "and votes, comments on planning drafts on the map, surveys and events. Each "
        "municipality runs its own area with its own design; results are published as open "
        "data. The platform meets BITV 2.0 and runs without tracking.",
        (
            "Participatory budgets with proposals, discussion and votes",
            "Comments on plans directly on the map",
            "Surveys and an events calendar",
            "Multi-tenant for several municipalities",
        ),
    ),
    scopes=("society", "local-authorities"),
    categories=("digital-citizenship", "survey", "feedback-and-reviews-management"),
    platforms=("web",),
    licence="EUPL-1.2",
    status="stable",
    activity=Activity(
        first=1000,
        last=6,
        changes=60,
        authors=(*_MUSTERLAND, *_VENDOR[1:], *_HOCHSCHULE, *_VOLUNTEER),
        release_every=5,
        reviewed_merges=True,
        first_version=(3, 1, 0),
    ),
    care=Care.SUSTAINED,
    maintenance=Maintenance("contract", "Kommunal Digital eG", 540, (_MUSTERLAND[0],)),
    used_by=("Musterstadt", "Gemeinde Beispielhausen", "Gemeinde Probstein", "Stadt Exempelheim"),
    standards=("OpenAPI", "GeoJSON", "OParl"),
    depends_on=("PostgreSQL", "Redis"),
    stack="node",
    stars=91,
)

CLIMATE = Project(
    slug="klimadashboard",
    publisher="mpsc-smarte-region-musterland",
    de=Text(
        "Klimadashboard Musterland",
        "Treibhausgasbilanz, Klimaschutzmaßnahmen und Wetterdaten der Region auf einen Blick.",
        "Das Klimadashboard zeigt die Treibhausgasbilanz der Region nach Sektoren, den "
        "Fortschritt der Maßnahmen aus dem Klimaschutzkonzept, den Ausbau von Photovoltaik "
        "und Ladeinfrastruktur sowie aktuelle Wetter- und Hitzedaten. Die Daten kommen aus "
        "offenen Quellen und aus der Urbanen Datenplattform; jede Kachel nennt ihre Quelle "
        "und den Stand. Gemeinden können eigene Kennzahlen ergänzen.",
        (
            "Treibhausgasbilanz nach Sektoren",
            "Fortschritt der Klimaschutzmaßnahmen",
            "Hitze- und Wetterdaten in Echtzeit",
        ),
    ),
    en=Text(
        "Climate dashboard",
        "Greenhouse gas balance, climate action and weather data of the region at a glance.",
        "The climate dashboard shows the region's greenhouse gas balance by sector, the "
        "progress of the measures of the climate action plan, the growth of solar power and "
        "charging infrastructure, and current weather and heat data. The data come from open "
        "sources and from the urban data platform; every tile names its source and date.",
        (
            "Greenhouse gas balance by sector",
            "Progress of climate action measures",
            "Real-time heat and weather data",
        ),
    ),
    scopes=("environment", "energy"),
    categories=("data-visualization", "data-analytics"),
    platforms=("web",),
    licence="Apache-2.0",
    status="stable",
    activity=Activity(
        first=700,
        last=10,
        changes=45,
        authors=(*_MUSTERLAND, *_HOCHSCHULE),
        release_every=6,
        reviewed_merges=True,
        first_version=(1, 2, 0),
    ),
    care=Care.SUSTAINED,
    maintenance=Maintenance("internal", contacts=(_MUSTERLAND[1],)),
    used_by=("Musterstadt", "Gemeinde Probstein"),
    standards=("SensorThings API", "DCAT-AP", "GeoJSON"),
    stack="node",
    stars=37,
)

ENERGY = Project(
    slug="energiemonitor",
    publisher="mpsc-beispielstadt",
    de=Text(
        "Energiemonitor kommunaler Liegenschaften",
        "Strom-, Wärme- und Wasserverbrauch von Schulen, Rathäusern und Sporthallen im Blick.",
        "Der Energiemonitor liest die Zähler kommunaler Gebäude aus, meldet auffällige "
        "Verbräuche und vergleicht Gebäude gleicher Nutzung. Hausmeisterinnen und das "
        "Energiemanagement sehen Lastgänge, Heizkurven und Einsparungen nach Sanierungen. "
        "Zählerdaten kommen über LoRaWAN und MQTT; Berichte entstehen monatlich als PDF und "
        "als offene Daten.",
        (
            "Verbrauchsdaten von Strom, Wärme und Wasser",
            "Warnung bei auffälligen Verbräuchen",
            "Monatliche Berichte je Gebäude",
        ),
    ),
    en=None,
    scopes=("energy", "local-authorities"),
    categories=("facility-management", "data-analytics"),
    platforms=("web", "linux"),
    licence="MIT",
    status="beta",
    activity=Activity(
        first=500,
        last=20,
        changes=26,
        authors=_STADTWERKE,
        release_every=8,
        first_version=(0, 8, 0),
    ),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_STADTWERKE),
    used_by=("Stadt Beispielstadt",),
    standards=("LoRaWAN", "MQTT"),
    depends_on=("TimescaleDB",),
    stars=12,
)

DATA_PLATFORM = Project(
    slug="urbane-datenplattform",
    publisher="mpsc-smarte-region-musterland",
    de=Text(
        "Urbane Datenplattform Musterland",
        "Offene urbane Datenplattform für Sensordaten, Geodaten und offene Daten der Region.",
        "Die Urbane Datenplattform sammelt Sensordaten, Geodaten und Verwaltungsdaten der "
        "Region an einem Ort und stellt sie über standardisierte Schnittstellen bereit. Sie "
        "folgt der DIN SPEC 91357 (Offene Urbane Plattformen), nutzt FIWARE mit NGSI-LD und "
        "die Smart Data Models und veröffentlicht Datensätze mit DCAT-AP-Metadaten im "
        "Open-Data-Portal.",
        (
            "Kontextdaten nach NGSI-LD",
            "Zeitreihen für Sensordaten",
            "Metadaten nach DCAT-AP",
        ),
    ),
    en=Text(
        "Urban data platform",
        "Open urban data platform for sensor data, geodata and open data of the region.",
        "The urban data platform gathers sensor data, geodata and administrative data of the "
        "region in one place and provides them through standard interfaces. It follows DIN "
        "SPEC 91357 (Open Urban Platforms), uses FIWARE with NGSI-LD and the Smart Data "
        "Models, and publishes data sets with DCAT-AP metadata on the open data portal.",
        ("NGSI-LD context data", "Time series for sensor data", "DCAT-AP metadata"),
    ),
    scopes=("science-and-technology", "infrastructures", "local-authorities"),
    categories=("data-collection", "data-analytics"),
    platforms=("linux",),
    licence="EUPL-1.2",
    status="stable",
    activity=Activity(
        first=800,
        last=14,
        changes=40,
        authors=(_MUSTERLAND[0], *_VENDOR),
        release_every=10,
        first_version=(1, 0, 0),
    ),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("contract", "Kommunal Digital eG", 365, (_MUSTERLAND[0],)),
    used_by=("Musterstadt", "Gemeinde Beispielhausen"),
    standards=("NGSI-LD", "FIWARE", "Smart Data Models", "DCAT-AP", "MQTT"),
    depends_on=("MongoDB", "Orion-LD"),
    stars=29,
)

WASTE = Project(
    slug="abfallkalender",
    publisher="mpsc-beispielstadt",
    de=None,
    en=Text(
        "Waste collection calendar",
        "Collection dates for every street, with reminders and an iCal feed.",
        "The waste collection calendar shows the collection dates for residual waste, paper, "
        "packaging and organic waste for every street of Beispielstadt. Residents subscribe "
        "to reminders by e-mail or push message or import the dates as an iCal feed. The "
        "waste management office maintains the dates and routes in a simple web form.",
        ("Collection dates per street", "Reminders by e-mail and push", "iCal feed"),
    ),
    scopes=("environment", "local-authorities"),
    categories=("appointment-scheduling", "communications"),
    platforms=("web", "android", "ios"),
    licence="MIT",
    status="stable",
    activity=Activity(first=600, last=45, changes=20, authors=_BEISPIELSTADT[1:2], release_every=5),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_BEISPIELSTADT[1:2]),
    used_by=("Stadt Beispielstadt",),
    standards=("OpenAPI",),
    stars=8,
)

COUNCIL = Project(
    slug="ratsinfo-oparl",
    publisher="mpsc-beispielstadt",
    de=Text(
        "Ratsinformation als offene Daten (OParl)",
        "Sitzungen, Vorlagen und Beschlüsse des Stadtrats über die OParl-Schnittstelle.",
        "Der Dienst liest Sitzungen, Tagesordnungen, Vorlagen und Beschlüsse aus dem "
        "Ratsinformationssystem und stellt sie nach dem Standard OParl 1.1 als offene Daten "
        "bereit. Eine Volltextsuche und Benachrichtigungen zu Themen und Stadtteilen machen "
        "die Arbeit des Stadtrats für alle nachvollziehbar.",
        ("OParl-1.1-Schnittstelle", "Volltextsuche in Vorlagen", "Benachrichtigungen nach Thema"),
    ),
    en=None,
    scopes=("government", "local-authorities"),
    categories=("document-management", "knowledge-management"),
    platforms=("web",),
    licence="EUPL-1.2",
    licence_text="GPL-3.0",
    status="stable",
    activity=Activity(first=400, last=30, changes=18, authors=_BEISPIELSTADT[:2], release_every=6),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_BEISPIELSTADT[:1]),
    used_by=("Stadt Beispielstadt",),
    standards=("OParl", "OpenAPI"),
    stars=15,
)

TOURISM = Project(
    slug="ausflugsziele",
    publisher="mpsc-landkreis-musterkreis",
    de=Text(
        "Ausflugsziele Musterkreis",
        "App für Wanderwege, Radtouren, Sehenswürdigkeiten und Veranstaltungen im Landkreis.",
        "Die App stellt Wanderwege, Radtouren, Sehenswürdigkeiten, Museen und Veranstaltungen "
        "im Landkreis vor, mit Karten zum Herunterladen für Gegenden ohne Mobilfunk. "
        "Gastgeber und Vereine pflegen ihre Angebote selbst; Touren lassen sich als GPX "
        "exportieren.",
        ("Touren mit Offline-Karten", "Veranstaltungskalender", "Export als GPX"),
    ),
    en=None,
    scopes=("tourism", "culture", "sport"),
    categories=("event-management", "geographic-information-systems"),
    platforms=("android", "ios", "web"),
    licence="MIT",
    licence_text=None,
    status="beta",
    activity=Activity(first=300, last=8, changes=15, authors=_MUSTERKREIS, release_every=5),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_MUSTERKREIS[1:]),
    used_by=("Landkreis Musterkreis",),
    standards=("GeoJSON",),
    stack="node",
    stars=6,
)

SCHOOL_ROUTE = Project(
    slug="sicherer-schulweg",
    publisher="mpsc-landkreis-musterkreis",
    de=Text(
        "Sicherer Schulweg",
        "Schulwegpläne mit Gefahrenstellen, Lotsenpunkten und Meldungen von Eltern.",
        "Schulen, Eltern und Verkehrsbehörde erstellen gemeinsam digitale Schulwegpläne: "
        "empfohlene Wege, Querungshilfen, Lotsenpunkte und Gefahrenstellen. Eltern melden "
        "neue Gefahrenstellen mit Foto; die Straßenverkehrsbehörde bearbeitet die Meldungen "
        "und veröffentlicht die Pläne jedes Schuljahr neu.",
        ("Digitale Schulwegpläne", "Meldung von Gefahrenstellen", "Druckfassung für Schulen"),
    ),
    en=None,
    scopes=("education", "transportation"),
    categories=("geographic-information-systems", "feedback-and-reviews-management"),
    platforms=("web",),
    licence="MIT",
    licence_text="MIT-modified",
    status="beta",
    activity=Activity(first=350, last=40, changes=12, authors=_MUSTERKREIS[:1], release_every=6),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_MUSTERKREIS[:1]),
    used_by=("Landkreis Musterkreis",),
    standards=("GeoJSON", "WMS"),
    stars=4,
)

AIR_QUALITY = Project(
    slug="luftguete-messnetz",
    publisher="mpsc-fiktivhausen",
    de=Text(
        "Luftgütemessnetz Fiktivhausen",
        "Günstige Sensoren messen Feinstaub und Stickoxide an 40 Standorten in der Stadt.",
        "Das Messnetz verbindet 40 günstige Sensoren für Feinstaub, Stickstoffdioxid, "
        "Temperatur und Luftfeuchte über LoRaWAN, kalibriert sie gegen die amtliche "
        "Messstation und zeigt die Werte auf einer Karte. Die Messwerte stehen über die "
        "SensorThings API bereit. Das Projekt endete mit der ersten Förderphase.",
        ("Kalibrierung gegen die amtliche Station", "Karte der Messwerte", "SensorThings API"),
    ),
    en=None,
    scopes=("environment", "healthcare"),
    categories=("data-collection", "data-visualization"),
    platforms=("web", "linux"),
    licence="GPL-3.0-or-later",
    licence_text="GPL-3.0",
    status="stable",
    activity=Activity(
        first=2200,
        last=1150,
        changes=30,
        authors=(*PEOPLE["fiktivhausen"], *_HOCHSCHULE),
        release_every=6,
        first_version=(0, 9, 0),
    ),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("contract", "Sensorik Fiktivhausen GmbH", -700, PEOPLE["fiktivhausen"]),
    used_by=("Stadt Fiktivhausen",),
    standards=("LoRaWAN", "SensorThings API"),
    stars=22,
)

PARKING_SENSORS = Project(
    slug="parkplatzsensorik",
    publisher="mpsc-fiktivhausen",
    de=Text(
        "Parkplatzsensorik Innenstadt",
        "Pilot: Bodensensoren melden freie Parkplätze in der Altstadt (eingestellt).",
        "Im Pilotprojekt meldeten 120 Bodensensoren über LoRaWAN, welche Parkplätze in der "
        "Altstadt frei sind. Die Ergebnisse flossen in die Ausschreibung eines "
        "Parkleitsystems ein; der Pilot ist beendet und das Repository archiviert.",
        ("Bodensensoren über LoRaWAN", "Belegungskarte der Parkplätze"),
    ),
    en=None,
    scopes=("transportation",),
    categories=("data-collection",),
    platforms=("linux",),
    licence="MIT",
    status="obsolete",
    activity=Activity(first=2000, last=1300, changes=15, authors=PEOPLE["fiktivhausen"]),
    care=Care.OPEN,
    maintenance=Maintenance("none"),
    standards=("LoRaWAN",),
    archived=True,
    stars=3,
)

APPOINTMENTS = Project(
    slug="terminvergabe",
    publisher="mpsc-exempelheim",
    de=Text(
        "Terminvergabe Bürgerbüro",
        "Termine im Bürgerbüro online buchen, mit Erinnerung und Warteschlangenanzeige.",
        "Bürgerinnen und Bürger buchen Termine für Ausweise, Meldeangelegenheiten und "
        "Führungszeugnisse online, erhalten eine Erinnerung und sehen vor Ort die "
        "Warteschlange auf einem Bildschirm. Das Bürgerbüro plant Schalter und Zeiten selbst.",
        ("Online-Buchung von Terminen", "Erinnerung per E-Mail", "Aufrufanzeige vor Ort"),
    ),
    en=None,
    scopes=("local-authorities",),
    categories=("appointment-scheduling", "online-booking"),
    platforms=("web",),
    licence="EUPL-1.2",
    status="stable",
    activity=Activity(
        first=250, last=12, changes=14, authors=PEOPLE["exempelheim"], release_every=7
    ),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=PEOPLE["exempelheim"]),
    used_by=("Stadt Exempelheim",),
    metadata=Metadata.INVALID,
    stars=5,
)

VILLAGE_APP = Project(
    slug="dorf-app",
    publisher="mpsc-exempelheim",
    de=Text(
        "Dorf-App Exempelheim",
        "Neuigkeiten, Vereine, Mitfahrbank und Nachbarschaftshilfe in einer App.",
        "Die Dorf-App bringt Neuigkeiten aus Rathaus und Vereinen, einen Veranstaltungs"
        "kalender, eine digitale Mitfahrbank und eine Börse für Nachbarschaftshilfe "
        "zusammen. Sie entsteht gerade mit den Ortsteilen; Mitwirkung ist willkommen.",
        ("Neuigkeiten und Veranstaltungen", "Digitale Mitfahrbank", "Nachbarschaftshilfe"),
    ),
    en=None,
    scopes=("society", "tourism"),
    categories=("online-community", "communications"),
    platforms=("android", "ios"),
    licence="EUPL-1.2",
    status="development",
    activity=Activity(first=120, last=2, changes=20, authors=(*PEOPLE["exempelheim"], *_VOLUNTEER)),
    care=Care.OPEN,
    maintenance=Maintenance("community", contacts=PEOPLE["exempelheim"]),
    stack="node",
    stars=2,
)

WATER_LEVELS = Project(
    slug="pegelmonitor",
    publisher="mpsc-landkreis-musterkreis",
    de=Text(
        "Pegelmonitor Hochwasser",
        "Pegelstände der Bäche im Landkreis mit Warnstufen und Benachrichtigung.",
        "Der Pegelmonitor zeigt die Pegelstände der Bäche und kleinen Flüsse im Landkreis, "
        "gemessen von eigenen Ultraschallsensoren und den Pegeln des Landes. Bei Erreichen "
        "einer Warnstufe benachrichtigt er Feuerwehr, Bauhof und angemeldete Anwohnende. Die "
        "Daten stehen über die SensorThings API und als WMS-Dienst bereit.",
        ("Pegelstände in Echtzeit", "Warnstufen und Benachrichtigungen", "Karte als WMS-Dienst"),
    ),
    en=Text(
        "Flood level monitor",
        "Water levels of the county's streams with warning levels and notifications.",
        "The flood level monitor shows the water levels of the streams and small rivers in "
        "the county, measured by its own ultrasonic sensors and by the state's gauges. When "
        "a warning level is reached it notifies the fire brigade, the depot and registered "
        "residents.",
        ("Real-time water levels", "Warning levels and notifications", "Map as a WMS service"),
    ),
    scopes=("emergency-services", "environment"),
    categories=("data-visualization", "communications"),
    platforms=("web",),
    licence="GPL-3.0-or-later",
    licence_text="GPL-3.0",
    status="stable",
    activity=Activity(
        first=450,
        last=25,
        changes=22,
        authors=(*_MUSTERKREIS, *_HOCHSCHULE),
        release_every=5,
        first_version=(1, 1, 0),
    ),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=_MUSTERKREIS),
    used_by=("Landkreis Musterkreis", "Stadt Kreisheim", "Gemeinde Talbach"),
    standards=("SensorThings API", "WMS", "MQTT"),
    stars=17,
)

CHARGING = Project(
    slug="ladesaeulenfinder",
    publisher="kommunal-digital",
    de=Text(
        "Ladesäulenfinder",
        "Freie Ladesäulen für Elektroautos und E-Bikes finden, mit Tarifen und Belegung.",
        "Der Ladesäulenfinder zeigt öffentliche Ladepunkte für Elektroautos und E-Bikes mit "
        "Steckertyp, Leistung, Tarif und aktueller Belegung. Betreiber liefern ihre Daten "
        "über OCPI; Kommunen sehen Auslastung und weiße Flecken für die Ausbauplanung.",
        ("Belegung der Ladepunkte in Echtzeit", "Tarife und Steckertypen", "Ausbauplanung"),
    ),
    en=Text(
        "Charging point finder",
        "Find free charging points for electric cars and e-bikes, with tariffs and occupancy.",
        "The charging point finder shows public charging points for electric cars and "
        "e-bikes with plug type, power, tariff and current occupancy. Operators deliver their "
        "data through OCPI; municipalities see usage and gaps for planning.",
        ("Real-time occupancy", "Tariffs and plug types", "Planning of new charging points"),
    ),
    scopes=("energy", "transportation"),
    categories=("geographic-information-systems",),
    platforms=("web", "android", "ios"),
    licence="AGPL-3.0-or-later",
    licence_text="AGPL-3.0",
    status="stable",
    activity=Activity(first=650, last=9, changes=30, authors=_VENDOR, release_every=6),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("contract", "Kommunal Digital eG", 400, _VENDOR[:1]),
    used_by=("Stadt Beispielstadt", "Musterstadt"),
    standards=("OCPI", "OpenAPI", "GeoJSON"),
    metadata=Metadata.YAML_SUFFIX,
    stack="node",
    stars=33,
)

CARE_PLACES = Project(
    slug="pflegeplatzboerse",
    publisher="kommunal-digital",
    de=Text(
        "Pflegeplatzbörse",
        "Freie Plätze in Pflegeheimen, Tagespflege und Kurzzeitpflege tagesaktuell finden.",
        "Pflegeeinrichtungen melden ihre freien Plätze tagesaktuell; Angehörige, "
        "Sozialdienste der Krankenhäuser und die Pflegeberatung finden so schnell einen "
        "Platz in der Nähe. Die Börse entstand als Pilot mit zwei Landkreisen.",
        ("Tagesaktuelle freie Plätze", "Suche nach Entfernung", "Zugang für Sozialdienste"),
    ),
    en=None,
    scopes=("healthcare", "welfare"),
    categories=("resource-management", "online-booking"),
    platforms=("web",),
    licence="EUPL-1.2",
    status="beta",
    activity=Activity(first=200, last=35, changes=10, authors=_VENDOR[2:]),
    care=Care.OPEN,
    maintenance=Maintenance("internal", contacts=_VENDOR[2:]),
    issues=False,
    stars=1,
)

CLUBS = Project(
    slug="vereinsverwaltung",
    publisher="gemeinde-dorfingen",
    de=Text(
        "Vereinsverwaltung Dorfingen",
        "Vereinsregister, Hallenbelegung und Zuschussanträge für die Vereine der Gemeinde.",
        "Die Gemeinde Dorfingen verwaltet mit dieser Anwendung das örtliche Vereinsregister, "
        "die Belegung von Turnhallen und Bürgerhaus sowie die Anträge auf Vereinszuschüsse.",
        ("Vereinsregister", "Hallenbelegung", "Zuschussanträge"),
    ),
    en=None,
    scopes=("local-authorities", "sport"),
    categories=("resource-management",),
    platforms=("web",),
    licence="MIT",
    status="stable",
    activity=Activity(first=900, last=60, changes=16, authors=PEOPLE["dorfingen"], release_every=4),
    care=Care.DOCUMENTED,
    maintenance=Maintenance("internal", contacts=PEOPLE["dorfingen"]),
    metadata=Metadata.ABSENT,
    plain_git=True,
)

PROJECTS = (
    PARKING,
    PARTICIPATION,
    CLIMATE,
    ENERGY,
    DATA_PLATFORM,
    WASTE,
    COUNCIL,
    TOURISM,
    SCHOOL_ROUTE,
    AIR_QUALITY,
    PARKING_SENSORS,
    APPOINTMENTS,
    VILLAGE_APP,
    WATER_LEVELS,
    CHARGING,
    CARE_PLACES,
    CLUBS,
)

MIRRORS = (Mirror(original="parkleitsystem", publisher="mpsc-smarte-region-musterland", behind=4),)
"""Musterland reuses Beispielstadt's parking guidance and mirrors it on its own git server;
the mirror is a few commits behind, as mirrors are."""
