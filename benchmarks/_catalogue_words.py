"""Municipal vocabulary for benchmarks/catalogue.py: names, descriptions and features.

A component is about a few subjects (Parkplatz, Abfall, Bürgerbeteiligung: German and English
pairs drawn with Zipf-like weights, 1 / rank ** s), which its name, descriptions and features
repeat; the rest of its text comes from a larger pool of general words (Übersicht, Funktionen,
Schnittstelle). So a subject word matches a share of the catalogue close to real ones (the most
common subject a few per cent, a rare one a few in ten thousand), while general words are
everywhere. German subjects come in several forms (Parkplatz, Parkplätze, Parkplätzen), so
searching needs stemming.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Pool",
    "Subjects",
    "descriptions_de",
    "descriptions_en",
    "name_for",
    "subjects",
    "town_name",
]


@dataclass(frozen=True, slots=True)
class Pool:
    """Values with cumulative weights, for :func:`random.Random.choices`."""

    values: tuple[str, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def zipf(cls, values: Sequence[str], s: float = 1.0) -> Pool:
        """The first value is the most common; the n-th is drawn 1 / n ** s as often."""
        return cls.weighted({value: 1 / (rank**s) for rank, value in enumerate(values, 1)})

    @classmethod
    def weighted(cls, weights: Mapping[str, float]) -> Pool:
        return cls(tuple(weights), tuple(itertools.accumulate(weights.values())))

    def one(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]

    def some(self, rng: random.Random, count: int) -> list[str]:
        """Up to ``count`` different values."""
        chosen = dict.fromkeys(rng.choices(self.values, cum_weights=self.cumulative, k=count * 2))
        return list(chosen)[:count]


# Subjects, most common first: German (several forms of one word are separate subjects, as
# texts use them) and English.
_SUBJECTS = (
    ("Daten", "data"),
    ("Karte", "map"),
    ("Verkehr", "traffic"),
    ("Parkplatz", "parking"),
    ("Sensor", "sensor"),
    ("Bürgerbeteiligung", "citizen participation"),
    ("Energie", "energy"),
    ("Dashboard", "dashboard"),
    ("Geoportal", "geoportal"),
    ("Abfall", "waste"),
    ("Parkplätze", "parking spaces"),
    ("Sensoren", "sensors"),
    ("Mobilität", "mobility"),
    ("Luftqualität", "air quality"),
    ("Klimaschutz", "climate protection"),
    ("Radverkehr", "cycling"),
    ("Termin", "appointments"),
    ("Straßenbeleuchtung", "street lighting"),
    ("Open-Data", "open data"),
    ("Mängelmelder", "defect reports"),
    ("Ladesäulen", "charging stations"),
    ("Abfallkalender", "waste calendar"),
    ("Stadtmodell", "city model"),
    ("Haltestelle", "bus stops"),
    ("Veranstaltungen", "events"),
    ("Parkhaus", "car park"),
    ("Hochwasser", "flood"),
    ("Pegel", "water level"),
    ("Baustellen", "construction sites"),
    ("Anträge", "applications"),
    ("Gebühren", "fees"),
    ("Haushalt", "budget"),
    ("Leerstand", "vacancy"),
    ("Tourismus", "tourism"),
    ("Bibliothek", "library"),
    ("Wetterstation", "weather station"),
    ("Lärm", "noise"),
    ("Bodenfeuchte", "soil moisture"),
    ("Baumkataster", "tree register"),
    ("Grünflächen", "green spaces"),
    ("Ehrenamt", "volunteering"),
    ("Nachbarschaft", "neighbourhood"),
    ("Einzelhandel", "local retail"),
    ("Ratsinformation", "council information"),
    ("Chatbot", "chatbot"),
    ("Elektromobilität", "electric mobility"),
    ("Lastenrad", "cargo bike"),
    ("Parkplätzen", "parking space"),
    ("Friedhof", "cemetery"),
    ("Schulen", "schools"),
    ("Kita", "day care"),
    ("Wahlen", "elections"),
    ("Fahrgastinformation", "passenger information"),
    ("Zwilling", "digital twin"),
    ("Dorffunk", "village radio"),
    ("Mitfahrbank", "ride-sharing bench"),
    ("Gutscheine", "vouchers"),
    ("Müllabfuhr", "refuse collection"),
    ("Wertstoffhof", "recycling centre"),
    ("Winterdienst", "winter service"),
    ("Sperrmüll", "bulky waste"),
    ("Fundbüro", "lost property"),
    ("Hundesteuer", "dog tax"),
    ("Wasserzähler", "water meters"),
    ("Stromverbrauch", "power consumption"),
    ("Photovoltaik", "photovoltaics"),
    ("Wärmeplanung", "heat planning"),
    ("Starkregen", "heavy rain"),
    ("Besucherzählung", "visitor counting"),
    ("Fahrradständer", "bicycle racks"),
)
_SUBJECT_RANKS = Pool.zipf([str(index) for index in range(len(_SUBJECTS))], 1.0)

_GENERAL_DE = Pool.zipf(
    (
        "Informationen",
        "Übersicht",
        "Funktionen",
        "Inhalte",
        "Auswertungen",
        "Meldungen",
        "Standorte",
        "Berichte",
        "Statistiken",
        "Benachrichtigungen",
        "Dokumente",
        "Formulare",
        "Kennzahlen",
        "Messwerte",
        "Zeitreihen",
        "Kategorien",
        "Filter",
        "Benutzerkonten",
        "Rollen und Rechte",
        "Vorlagen",
        "Module",
        "Erweiterungen",
        "Metadaten",
        "Ansprechpersonen",
        "Adressen",
        "Grenzwerte",
        "Warnungen",
        "Projekte",
        "Maßnahmen",
        "Ergebnisse",
        "Exporte",
        "Übersetzungen",
        "Anleitungen",
        "Beispiele",
    ),
    0.8,
)
_GENERAL_EN = Pool.zipf(
    (
        "information",
        "overview",
        "features",
        "content",
        "analyses",
        "reports",
        "locations",
        "statistics",
        "notifications",
        "documents",
        "forms",
        "indicators",
        "measurements",
        "time series",
        "categories",
        "filters",
        "user accounts",
        "roles and permissions",
        "templates",
        "modules",
        "extensions",
        "metadata",
        "contacts",
        "thresholds",
        "warnings",
        "projects",
        "results",
        "exports",
    ),
    0.8,
)
_KINDS_DE = Pool.zipf(
    (
        "Dashboard",
        "Portal",
        "App",
        "Karte",
        "Plattform",
        "Schnittstelle",
        "Finder",
        "Melder",
        "Kalender",
        "Monitor",
        "Assistent",
        "Verwaltung",
        "Gateway",
        "Viewer",
        "Atlas",
    )
)
_KINDS_EN = Pool.zipf(
    ("Dashboard", "Portal", "App", "Map", "Platform", "API", "Finder", "Monitor", "Viewer")
)
_VERBS_DE = Pool.zipf(
    (
        "zeigt",
        "erfasst",
        "verwaltet",
        "veröffentlicht",
        "sammelt",
        "visualisiert",
        "meldet",
        "bündelt",
        "berechnet",
        "verknüpft",
    )
)
_PARTICIPLES_DE = Pool.zipf(
    ("angezeigt", "erfasst", "ausgewertet", "bereitgestellt", "aktualisiert", "exportiert")
)
_VERBS_EN = Pool.zipf(
    ("shows", "collects", "manages", "publishes", "visualises", "reports", "links", "combines")
)
_PARTICIPLES_EN = Pool.zipf(("shown", "collected", "analysed", "provided", "updated", "exported"))
_ADJECTIVES_DE = Pool.zipf(
    (
        "offene",
        "aktuelle",
        "digitale",
        "kommunale",
        "freie",
        "städtische",
        "verfügbare",
        "gemeinsame",
        "barrierefreie",
        "regionale",
    )
)
_ADJECTIVES_EN = Pool.zipf(
    ("open", "current", "digital", "municipal", "free", "available", "shared", "accessible")
)
_WHERE_DE = Pool.zipf(
    (
        "in Echtzeit",
        "auf einer Karte",
        "für die Verwaltung",
        "für Bürgerinnen und Bürger",
        "im Quartier",
        "in der Innenstadt",
        "im ländlichen Raum",
        "über eine offene Schnittstelle",
        "als Open Data",
        "für Kommunen",
    )
)
_WHERE_EN = Pool.zipf(
    (
        "in real time",
        "on a map",
        "for the administration",
        "for citizens",
        "in the district",
        "in the city centre",
        "in rural areas",
        "through an open interface",
        "as open data",
        "for municipalities",
    )
)
_CLOSING_DE = (
    "Die Lösung ist modular aufgebaut und lässt sich an andere Kommunen anpassen.",
    "Der Quellcode steht unter einer freien Lizenz und kann nachgenutzt werden.",
    "Die Installation ist in der Dokumentation beschrieben.",
    "Rückmeldungen und Beiträge sind willkommen.",
)
_CLOSING_EN = (
    "The solution is modular and can be adapted to other municipalities.",
    "The source code is under an open licence and can be reused.",
    "The documentation describes the installation.",
    "Feedback and contributions are welcome.",
)

_TOWN_PREFIXES = ("", "", "", "Bad ", "Neu", "Alt", "Ober", "Unter", "Groß", "Klein", "Hohen")
_TOWN_ROOTS = (
    "linden",
    "eichen",
    "buchen",
    "birken",
    "tann",
    "wald",
    "stein",
    "mühl",
    "rosen",
    "sonnen",
    "wiesen",
    "bach",
    "fels",
    "hasel",
    "kirch",
    "markt",
    "brück",
    "schön",
    "weiden",
    "ahorn",
)
_TOWN_SUFFIXES = (
    "burg",
    "dorf",
    "hausen",
    "stadt",
    "feld",
    "heim",
    "bach",
    "berg",
    "furt",
    "hagen",
    "au",
    "ingen",
    "rode",
    "stedt",
)


@dataclass(frozen=True, slots=True)
class Subjects:
    """What a component is about: one to three subjects, the first its main one."""

    de: tuple[str, ...]
    en: tuple[str, ...]


def subjects(rng: random.Random) -> Subjects:
    ranks = _SUBJECT_RANKS.some(rng, rng.choice((1, 2, 2, 3)))
    pairs = [_SUBJECTS[int(rank)] for rank in ranks]
    return Subjects(tuple(de for de, _ in pairs), tuple(en for _, en in pairs))


def town_name(rng: random.Random) -> str:
    """A plausible German place name (Neulindenhausen, Bad Steinfurt)."""
    prefix = rng.choice(_TOWN_PREFIXES)
    root = rng.choice(_TOWN_ROOTS) + rng.choice(_TOWN_SUFFIXES)
    if prefix and not prefix.endswith(" "):
        return prefix + root
    return prefix + root.capitalize()


def name_for(rng: random.Random, about: Subjects, town: str | None) -> str:
    """A component name: German compounds mostly, English product names sometimes."""
    shape = rng.random()
    if shape < 0.35:
        name = f"{about.de[0]}-{_KINDS_DE.one(rng)}"
    elif shape < 0.6:
        name = f"{_KINDS_DE.one(rng)} {about.de[0]}"
    elif shape < 0.8:
        adjective = _ADJECTIVES_EN.one(rng).capitalize()
        name = f"{adjective} {_title(about.en[0])} {_KINDS_EN.one(rng)}"
    else:
        name = f"{_title(about.en[0])} {_KINDS_EN.one(rng)}"
    return f"{name} {town}" if town is not None and rng.random() < 0.3 else name


def _title(words: str) -> str:
    return " ".join(word.capitalize() for word in words.split())


def _sentence_de(rng: random.Random, about: Subjects) -> str:
    subject = rng.choice(about.de)
    shape = rng.random()
    if shape < 0.4:
        return (
            f"Die Anwendung {_VERBS_DE.one(rng)} {_ADJECTIVES_DE.one(rng)} {subject} "
            f"{_WHERE_DE.one(rng)}."
        )
    if shape < 0.7:
        general = _GENERAL_DE.one(rng)
        return f"{general} zu {subject} werden {_WHERE_DE.one(rng)} {_PARTICIPLES_DE.one(rng)}."
    if shape < 0.9:
        return (
            f"Nutzerinnen und Nutzer finden {_ADJECTIVES_DE.one(rng)} {_GENERAL_DE.one(rng)} "
            f"und {_GENERAL_DE.one(rng)} {_WHERE_DE.one(rng)}."
        )
    return rng.choice(_CLOSING_DE)


def _sentence_en(rng: random.Random, about: Subjects) -> str:
    subject = rng.choice(about.en)
    shape = rng.random()
    if shape < 0.4:
        return (
            f"The application {_VERBS_EN.one(rng)} {_ADJECTIVES_EN.one(rng)} {subject} "
            f"{_WHERE_EN.one(rng)}."
        )
    if shape < 0.7:
        general = _GENERAL_EN.one(rng).capitalize()
        return f"{general} on {subject} are {_PARTICIPLES_EN.one(rng)} {_WHERE_EN.one(rng)}."
    if shape < 0.9:
        return (
            f"Users find {_ADJECTIVES_EN.one(rng)} {_GENERAL_EN.one(rng)} and "
            f"{_GENERAL_EN.one(rng)} {_WHERE_EN.one(rng)}."
        )
    return rng.choice(_CLOSING_EN)


def descriptions_de(rng: random.Random, name: str, about: Subjects) -> tuple[str, str, list[str]]:
    """A short description (one sentence), a long one (4 to 12 sentences), features."""
    short = f"{name}: {_sentence_de(rng, about)}"
    long = " ".join(_sentence_de(rng, about) for _ in range(rng.randint(4, 12)))
    features = [
        f"{_ADJECTIVES_DE.one(rng).capitalize()} {_GENERAL_DE.one(rng)} {_WHERE_DE.one(rng)}"
        for _ in range(rng.randint(2, 6))
    ]
    return short[:150], long, features


def descriptions_en(rng: random.Random, name: str, about: Subjects) -> tuple[str, str, list[str]]:
    short = f"{name}: {_sentence_en(rng, about)}"
    long = " ".join(_sentence_en(rng, about) for _ in range(rng.randint(4, 12)))
    features = [
        f"{_ADJECTIVES_EN.one(rng).capitalize()} {_GENERAL_EN.one(rng)} {_WHERE_EN.one(rng)}"
        for _ in range(rng.randint(2, 6))
    ]
    return short[:150], long, features
