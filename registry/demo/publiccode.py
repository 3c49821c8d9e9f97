"""The publiccode.yml of a demo project, as its publisher would write it.

A valid file has everything the Smart City profile asks for (German and English descriptions
where the project has both, scopes, usedBy, maintenance). The project with invalid metadata
gets the mistakes people make: a development status in German, a date in German notation and
no platforms.
"""

from __future__ import annotations

import datetime
from typing import Any

import yaml

from .history import Release
from .projects import Care, Maintenance, Metadata, Project, Text
from .publishers import DemoPublisher

__all__ = ["publiccode_yml"]

_HEADER = (
    "# publiccode.yml: die Metadaten dieser Software für Kataloge wie Kataster und OpenCoDE\n"
    "# (https://yml.publiccode.tools)\n"
)
_FUNDING = {
    "name": "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (Modellprojekte Smart Cities)",
    "uri": "https://www.smart-city-dialog.de",
}


def publiccode_yml(
    project: Project,
    publisher: DemoPublisher,
    url: str,
    release: Release | None,
    today: datetime.date,
) -> str:
    """The file's text; ``url`` is the repository, ``release`` the newest version so far."""
    document = _document(project, publisher, url, release, today)
    if project.metadata is Metadata.INVALID:
        document = _with_mistakes(document, release)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=88)
    return _HEADER + text


def _document(
    project: Project,
    publisher: DemoPublisher,
    url: str,
    release: Release | None,
    today: datetime.date,
) -> dict[str, Any]:
    document = _identity(project, publisher, url, release)
    document.update(_catalogue_keys(project, publisher))
    document["description"] = _descriptions(project, publisher)
    document["legal"] = {"license": project.licence, "mainCopyrightOwner": publisher.name}
    document["maintenance"] = _maintenance(project.maintenance, today)
    document["localisation"] = _localisation(project)
    if project.depends_on:
        document["dependsOn"] = {"open": [{"name": name} for name in project.depends_on]}
    return document


def _identity(
    project: Project, publisher: DemoPublisher, url: str, release: Release | None
) -> dict[str, Any]:
    found: dict[str, Any] = {"publiccodeYmlVersion": "0", "name": project.name, "url": url}
    found["landingURL"] = f"{publisher.website}/{project.slug}"
    if release is not None:
        found["softwareVersion"] = release.version
        found["releaseDate"] = release.date.isoformat()
    if project.care is Care.SUSTAINED:
        found["logo"] = "logo.svg"
    found["organisation"] = {"uri": publisher.website, "name": publisher.name}
    return found


def _catalogue_keys(project: Project, publisher: DemoPublisher) -> dict[str, Any]:
    """What catalogues filter by: platforms, categories, users, status, audience."""
    found: dict[str, Any] = {
        "platforms": list(project.platforms),
        "categories": list(project.categories),
    }
    if project.used_by:
        found["usedBy"] = list(project.used_by)
    if project.care is Care.SUSTAINED:
        found["roadmap"] = f"{publisher.website}/{project.slug}/roadmap"
    if publisher.kind == "model-project":
        found["fundedBy"] = [_FUNDING]
    found["developmentStatus"] = project.status
    found["softwareType"] = "standalone/web"
    found["intendedAudience"] = {"scope": list(project.scopes), "countries": ["DE"]}
    return found


def _descriptions(project: Project, publisher: DemoPublisher) -> dict[str, Any]:
    found = {"de": project.de, "en": project.en}
    documented = project.care is not Care.OPEN
    docs = publisher.website.replace("://www.", "://docs.") + f"/{project.slug}"
    return {
        language: _description(text, f"{docs}/{language}" if documented else None)
        for language, text in found.items()
        if text
    }


def _description(text: Text, documentation: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "localisedName": text.name,
        "shortDescription": text.short,
        "longDescription": text.long,
    }
    if documentation is not None:
        found["documentation"] = documentation
    found["features"] = list(text.features)
    return found


def _maintenance(maintenance: Maintenance, today: datetime.date) -> dict[str, Any]:
    found: dict[str, Any] = {"type": maintenance.type}
    if maintenance.contractor is not None and maintenance.until is not None:
        until = today + datetime.timedelta(days=maintenance.until)
        found["contractors"] = [{"name": maintenance.contractor, "until": until.isoformat()}]
    if maintenance.contacts:
        found["contacts"] = [
            {"name": person.name, "email": person.email} for person in maintenance.contacts
        ]
    return found


def _localisation(project: Project) -> dict[str, Any]:
    languages = [language for language in ("de", "en") if getattr(project, language)]
    return {"localisationReady": len(languages) > 1, "availableLanguages": languages}


def _with_mistakes(document: dict[str, Any], release: Release | None) -> dict[str, Any]:
    """What a first try often looks like: German values where the standard has its own."""
    broken = dict(document)
    broken["developmentStatus"] = "produktiv"
    if release is not None:
        broken["releaseDate"] = release.date.strftime("%d.%m.%Y")
    del broken["platforms"]
    return broken
