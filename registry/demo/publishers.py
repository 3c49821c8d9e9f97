"""The demo's fictional publishers and the people who commit to their repositories.

Every name is invented; the shapes are those of the real Model Projects Smart Cities (a round,
a category, member municipalities of a cooperation) and of the organisations around them (a
municipal utility, a cooperative software vendor, a university). E-mail addresses use the
reserved ``.example`` domain, so no real organisation is named or counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from .history import Person

__all__ = ["PEOPLE", "PUBLISHERS", "DemoPublisher"]


@dataclass(frozen=True, slots=True)
class DemoPublisher:
    """A publisher of the demo's sources file; ``owner`` is its organisation on the forge."""

    id: str
    name: str
    kind: str
    owner: str | None = None
    round: int | None = None
    category: str | None = None
    members: tuple[str, ...] = ()
    website: str = ""


PUBLISHERS = (
    DemoPublisher(
        "mpsc-beispielstadt",
        "Stadt Beispielstadt",
        "model-project",
        owner="beispielstadt",
        round=2019,
        category="Großstadt",
        members=("Beispielstadt",),
        website="https://www.beispielstadt.example",
    ),
    DemoPublisher(
        "mpsc-smarte-region-musterland",
        "Modellprojekt Smarte Region Musterland",
        "model-project",
        owner="musterland",
        round=2020,
        category="Interkommunale Kooperation",
        members=("Musterstadt", "Gemeinde Beispielhausen", "Gemeinde Probstein"),
        website="https://www.smarte-region-musterland.example",
    ),
    DemoPublisher(
        "mpsc-landkreis-musterkreis",
        "Landkreis Musterkreis",
        "model-project",
        owner="musterkreis",
        round=2021,
        category="Landkreis",
        members=("Landkreis Musterkreis", "Stadt Kreisheim", "Gemeinde Talbach"),
        website="https://www.musterkreis.example",
    ),
    DemoPublisher(
        "mpsc-fiktivhausen",
        "Stadt Fiktivhausen",
        "model-project",
        owner="fiktivhausen",
        round=2019,
        category="Mittlere Stadt",
        members=("Fiktivhausen",),
        website="https://www.fiktivhausen.example",
    ),
    DemoPublisher(
        "mpsc-exempelheim",
        "Stadt Exempelheim",
        "model-project",
        owner="exempelheim",
        round=2021,
        category="Kleinstadt/Landgemeinde",
        members=("Exempelheim",),
        website="https://www.exempelheim.example",
    ),
    DemoPublisher(
        "kommunal-digital",
        "Kommunal Digital eG",
        "vendor",
        owner="kommunal-digital",
        website="https://www.kommunal-digital.example",
    ),
    DemoPublisher(
        "gemeinde-dorfingen",
        "Gemeinde Dorfingen",
        "municipality",
        members=("Dorfingen",),
        website="https://www.dorfingen.example",
    ),
)


def _person(name: str, domain: str) -> Person:
    first, _, last = name.lower().replace("ü", "ue").replace("ö", "oe").partition(" ")
    return Person(name, f"{first}.{last.replace(' ', '-')}@{domain}")


PEOPLE = {
    "beispielstadt": (
        _person("Anna Schneider", "beispielstadt.example"),
        _person("Jonas Becker", "beispielstadt.example"),
        _person("Leonie Wagner", "beispielstadt.example"),
    ),
    "stadtwerke": (_person("Murat Yilmaz", "stadtwerke-beispielstadt.example"),),
    "kommunal-digital": (
        _person("Sophie Richter", "kommunal-digital.example"),
        _person("Felix Hoffmann", "kommunal-digital.example"),
        _person("Mia Krüger", "kommunal-digital.example"),
    ),
    "musterland": (
        _person("Lukas Weber", "smarte-region-musterland.example"),
        _person("Hannah Schulz", "smarte-region-musterland.example"),
    ),
    "musterkreis": (
        _person("Tobias Fischer", "musterkreis.example"),
        _person("Lea Zimmermann", "musterkreis.example"),
    ),
    "fiktivhausen": (_person("Karl Meier", "fiktivhausen.example"),),
    "exempelheim": (_person("Paula Braun", "exempelheim.example"),),
    "hochschule": (_person("Elif Demir", "hs-musterstadt.example"),),
    "dorfingen": (_person("Bernd Vogel", "dorfingen.example"),),
    "volunteer": (Person("Max Mustermann", "4711+maxmuster@users.noreply.github.com"),),
}
"""People by organisation; a volunteer commits with a no-reply address (no organisation)."""
