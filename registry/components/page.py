"""One component as its page shows it: a typed view model built from the database.

:func:`component_page` reads the component with its published harvest, findings, checks and
releases (``select()``; the caller owns the session) and turns the stored JSON documents into
small frozen dataclasses the template only has to lay out. Every JSON part may be missing or
malformed (old harvests, no good harvest yet, hostile repositories): what has the wrong shape
is "unknown" (``None`` or empty), nothing raises. The panels live in their own modules:
maturity (:mod:`._maturity`), licences (:mod:`._licences`); links and images in :mod:`.links`.

Untrusted text stays text here (the template escapes it); the long description becomes
sanitised HTML through :func:`registry.web.markdown.render_markdown`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from harvester.records import HarvestStatus

from ..harvest.models import FindingOrigin, RepositoryHarvest
from ..journal.journal import Action
from ..journal.models import JournalEntry
from ..publishers.models import Publisher
from ..web.markdown import render_markdown
from . import _stored
from ._licences import Approval, FindingRow, LicenceFileRow, LicencePanel, findings, licence_panel
from ._maturity import (
    CheckRow,
    EvidenceItem,
    LevelGroup,
    MaturityPanel,
    Outcome,
    level_name,
    maturity_panel,
)
from ._stored import Localised
from .charts import Bar
from .links import RepositoryLinks, image_url, repository_links, safe_link
from .models import Component, Release

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "Approval",
    "CheckRow",
    "ComponentPage",
    "EvidenceItem",
    "FindingRow",
    "HealthPanel",
    "LastFailure",
    "LevelGroup",
    "LicenceFileRow",
    "LicencePanel",
    "Localised",
    "Maintenance",
    "MaturityPanel",
    "NamedLink",
    "Outcome",
    "Provenance",
    "PublisherInfo",
    "ReleaseRow",
    "component_page",
    "level_name",
    "merged_into",
]

LANGUAGES: Final = ("de", "en")
YEARS_SHOWN: Final = 20
"""The release chart's longest span, in years."""


@dataclass(frozen=True, slots=True)
class NamedLink:
    """A link of a kind the template names ("documentation", "landing", ...)."""

    kind: str
    url: str


@dataclass(frozen=True, slots=True)
class HealthPanel:
    """Health numbers with their windows (``None``: unknown), and the charts' data."""

    as_of: datetime.datetime | None
    commits_total: int | None
    first_commit_at: datetime.datetime | None
    last_commit_at: datetime.datetime | None
    commits_90d: int | None
    commits_365d: int | None
    active_weeks_90d: int | None
    releases_365d: int | None
    last_release_at: datetime.datetime | None
    authors_12m: int | None
    absence_factor_12m: int | None
    elephant_factor_24m: int | None
    new_contributors_12m: int | None
    commits_per_month: tuple[Bar, ...]
    releases_per_year: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class ReleaseRow:
    tag: str
    version: str
    scheme: str
    date: datetime.datetime | None
    name: str | None


@dataclass(frozen=True, slots=True)
class PublisherInfo:
    """The publisher; for a model project with its round and member municipalities."""

    id: str
    name: str
    kind: str
    round: int | None
    category: str | None
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which harvest the page shows."""

    source_url: str
    commit: str | None
    commit_link: str | None
    harvested_at: datetime.datetime
    harvester_version: str
    model_version: str | None


@dataclass(frozen=True, slots=True)
class LastFailure:
    """The latest attempt failed; ``shown_from`` is the time of the data still shown."""

    at: datetime.datetime | None
    reason: str | None
    shown_from: datetime.datetime | None


@dataclass(frozen=True, slots=True)
class Maintenance:
    type: str | None
    contractors: tuple[tuple[str, str | None], ...]  # (name, until)
    contacts: tuple[tuple[str, str | None], ...]  # (name, affiliation)


@dataclass(frozen=True, slots=True)
class ComponentPage:
    """Everything the component page shows; ``None`` and empty mean "not known"."""

    id: int
    name: str
    canonical_url: str
    repository_url: str
    repository_link: str | None
    publisher: PublisherInfo
    short_description: Localised | None
    long_description: Markup | None
    long_description_lang: str | None
    features: tuple[Localised, ...]
    logo: str | None
    logo_refused: str | None  # the logo as declared, when it is not shown
    screenshots: tuple[str, ...]
    screenshots_refused: tuple[str, ...]
    links: tuple[NamedLink, ...]
    used_by: tuple[str, ...]
    development_status: str | None
    software_version: str | None
    platforms: tuple[str, ...]
    maintenance: Maintenance | None
    releases: tuple[ReleaseRow, ...]
    publiccode_path: str | None
    publiccode_valid: bool | None
    findings: tuple[FindingRow, ...]
    licence: LicencePanel | None
    maturity: MaturityPanel | None
    health: HealthPanel | None
    provenance: Provenance | None
    last_failure: LastFailure | None
    aliases: tuple[str, ...]
    archived: bool
    incomplete: bool
    fork: bool
    parent_url: str | None
    mirror: bool
    single_commit_snapshot: bool


# --- building the page ---------------------------------------------------------------------


def component_page(session: Session, component_id: int, *, language: str) -> ComponentPage | None:
    """The page of component ``component_id`` in ``language`` ("de" or "en"); ``None`` if
    there is no such component."""
    query = (
        select(Component)
        .where(Component.id == component_id)
        .options(
            selectinload(Component.publisher).selectinload(Publisher.members),
            selectinload(Component.aliases),
            selectinload(Component.releases),
            selectinload(Component.current_harvest).selectinload(RepositoryHarvest.findings),
            selectinload(Component.current_harvest).selectinload(RepositoryHarvest.checks),
        )
    )
    component = session.scalars(query).first()
    return None if component is None else _page(component, language)


def merged_into(session: Session, component_id: int) -> int | None:
    """The component a merged (deleted) component ``component_id`` now lives on, if any.

    The journal's "component merged" entry names the surviving component and, in its
    details, the merged one ("... (component 7) is a mirror of ..."); entries of a component
    merged later move on to its target, so one lookup finds the newest.
    """
    marker = f"% (component {int(component_id)}) is a mirror of %"
    query = (
        select(JournalEntry.component_id)
        .where(JournalEntry.action == str(Action.COMPONENT_MERGED))
        .where(JournalEntry.details.like(marker))
        .where(JournalEntry.component_id.is_not(None))
        .order_by(JournalEntry.id.desc())
    )
    target = session.scalars(query).first()
    return None if target == component_id else target


def _page(component: Component, language: str) -> ComponentPage:
    harvest = component.current_harvest
    document = _stored.mapping(harvest.publiccode_document) if harvest else {}
    forge = _stored.mapping(harvest.forge) if harvest else {}
    links = repository_links(component.url, forge)
    commit = harvest.commit if harvest else None
    described = _Descriptions(_stored.mapping(document.get("description")), language)
    logo_declared = _stored.text(document.get("logo"))
    logo = image_url(logo_declared, links, commit)
    shots = described.texts("screenshots")
    shown_shots = [image_url(shot.text, links, commit) for shot in shots]
    return ComponentPage(
        id=component.id,
        name=component.name or _last_segment(component.canonical_url),
        canonical_url=component.canonical_url,
        repository_url=component.url,
        repository_link=links.base if links else safe_link(component.url.removesuffix(".git")),
        publisher=_publisher(component),
        short_description=described.text("shortDescription") or _readme_description(component),
        long_description=_long_description(described, links, commit),
        long_description_lang=_lang_of(described.text("longDescription")),
        features=described.texts("features"),
        logo=logo,
        logo_refused=logo_declared if logo is None else None,
        screenshots=tuple(url for url in shown_shots if url),
        screenshots_refused=tuple(
            s.text for s, url in zip(shots, shown_shots, strict=True) if not url
        ),
        links=_links(document, described),
        used_by=_stored.texts(document.get("usedBy")),
        development_status=_stored.text(document.get("developmentStatus")),
        software_version=_stored.text(document.get("softwareVersion")),
        platforms=_stored.texts(document.get("platforms")),
        maintenance=_maintenance(_stored.mapping(document.get("maintenance"))),
        releases=_releases(component.releases),
        publiccode_path=harvest.publiccode_path if harvest else None,
        publiccode_valid=harvest.publiccode_valid if harvest else None,
        findings=findings(harvest, FindingOrigin.PUBLICCODE, language),
        licence=licence_panel(harvest, links, language),
        maturity=maturity_panel(harvest, links, language),
        health=_health(harvest, component.releases),
        provenance=_provenance(harvest, links),
        last_failure=_last_failure(component),
        aliases=tuple(alias.raw_url for alias in component.aliases),
        archived=bool(component.archived) or bool(harvest and harvest.archived),
        incomplete=component.incomplete,
        fork=bool(component.fork),
        parent_url=component.parent_url,
        mirror=bool(component.mirror),
        single_commit_snapshot=component.single_commit_snapshot,
    )


def _publisher(component: Component) -> PublisherInfo:
    publisher = component.publisher
    return PublisherInfo(
        id=publisher.id,
        name=publisher.name,
        kind=publisher.kind,
        round=publisher.round,
        category=publisher.category,
        members=tuple(member.name for member in publisher.members),
    )


def _last_segment(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] or url


def _readme_description(component: Component) -> Localised | None:
    """Without publiccode.yml the description comes from the README, in its language."""
    if not component.description:
        return None
    harvest = component.current_harvest
    readme = _stored.mapping(_stored.mapping(harvest.inspection if harvest else None).get("readme"))
    return Localised(component.description, _stored.language_tag(readme.get("language")))


class _Descriptions:
    """publiccode.yml ``description.<lang>``: each field in the first language that has it,
    the page's language first, then German or English, then any other."""

    def __init__(self, description: Mapping[str, Any], language: str) -> None:
        keys = [key for key, value in description.items() if isinstance(value, dict)]
        self._order = sorted(keys, key=lambda key: (_rank(key, language), key))
        self._description = description

    def text(self, field: str) -> Localised | None:
        for key in self._order:
            value = _stored.text(self._description[key].get(field))
            if value is not None:
                return Localised(value, _stored.language_tag(key))
        return None

    def texts(self, field: str) -> tuple[Localised, ...]:
        for key in self._order:
            values = _stored.texts(self._description[key].get(field))
            if values:
                return tuple(Localised(value, _stored.language_tag(key)) for value in values)
        return ()


def _rank(key: str, language: str) -> int:
    base = key.lower().split("-")[0]
    if key.lower() == language:
        return 0
    if base == language:
        return 1
    return 2 if base in LANGUAGES else 3


def _long_description(
    described: _Descriptions, links: RepositoryLinks | None, commit: str | None
) -> Markup | None:
    text = described.text("longDescription")
    if text is None:
        return None
    base = links.folder(commit) if links and commit else None
    return render_markdown(text.text, base_url=base, top_heading=3)


def _lang_of(text: Localised | None) -> str | None:
    return None if text is None else text.lang


def _links(document: Mapping[str, Any], described: _Descriptions) -> tuple[NamedLink, ...]:
    found = [
        ("landing", document.get("landingURL")),
        ("documentation", _text_of(described.text("documentation"))),
        ("api", _text_of(described.text("apiDocumentation"))),
        ("roadmap", document.get("roadmap")),
    ]
    return tuple(NamedLink(kind, url) for kind, value in found if (url := safe_link(value)))


def _text_of(value: Localised | None) -> str | None:
    return None if value is None else value.text


def _maintenance(maintenance: Mapping[str, Any]) -> Maintenance | None:
    if not maintenance:
        return None
    contractors = [
        (name, _stored.text(entry.get("until")))
        for entry in map(_stored.mapping, _stored.items(maintenance.get("contractors")))
        if (name := _stored.text(entry.get("name")))
    ]
    contacts = [
        (name, _stored.text(entry.get("affiliation")))
        for entry in map(_stored.mapping, _stored.items(maintenance.get("contacts")))
        if (name := _stored.text(entry.get("name")))
    ]
    return Maintenance(_stored.text(maintenance.get("type")), tuple(contractors), tuple(contacts))


def _releases(releases: Iterable[Release]) -> tuple[ReleaseRow, ...]:
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    ordered = sorted(releases, key=lambda r: (r.date or oldest, r.id), reverse=True)
    return tuple(ReleaseRow(r.tag, r.version, str(r.scheme), r.date, r.name) for r in ordered)


# --- health and provenance -------------------------------------------------------------------


def _health(harvest: RepositoryHarvest | None, releases: Sequence[Release]) -> HealthPanel | None:
    if harvest is None or (harvest.health is None and harvest.history is None):
        return None
    health, history = _stored.mapping(harvest.health), _stored.mapping(harvest.history)
    months = _stored.items(health.get("commits_per_month")) or _stored.items(
        history.get("commits_per_month")
    )
    as_of = _stored.timestamp(history.get("as_of"))
    return HealthPanel(
        as_of=as_of,
        commits_total=_stored.integer(history.get("commits")),
        first_commit_at=_stored.timestamp(history.get("first_commit_at")),
        last_commit_at=_stored.timestamp(history.get("last_commit_at")),
        commits_90d=_stored.integer(health.get("commits_90d")),
        commits_365d=_stored.integer(health.get("commits_365d")),
        active_weeks_90d=_stored.integer(health.get("active_weeks_90d")),
        releases_365d=_stored.integer(health.get("releases_365d")),
        last_release_at=_stored.timestamp(health.get("last_release_at")),
        authors_12m=_stored.integer(history.get("authors_12m")),
        absence_factor_12m=_stored.integer(health.get("absence_factor_12m")),
        elephant_factor_24m=_stored.integer(health.get("elephant_factor_24m")),
        new_contributors_12m=_stored.integer(health.get("new_contributors_12m")),
        commits_per_month=_month_bars(months),
        releases_per_year=_year_bars(releases, as_of or harvest.harvested_at),
    )


def _month_bars(months: Sequence[Any]) -> tuple[Bar, ...]:
    bars = []
    for entry in map(_stored.mapping, months):
        month, commits = _stored.text(entry.get("month")), _stored.integer(entry.get("commits"))
        if month is not None and commits is not None:
            bars.append(Bar(month, max(0, commits)))
    return tuple(bars)


def _year_bars(releases: Sequence[Release], until: datetime.datetime) -> tuple[Bar, ...]:
    """Releases per year, from the first release's year to ``until``'s (at most
    :data:`YEARS_SHOWN` years; the release table lists every release)."""
    last = until.year
    years = [r.date.year for r in releases if r.date is not None and r.date.year <= last]
    if not years:
        return ()
    first = max(min(years), last - YEARS_SHOWN + 1)
    return tuple(Bar(str(year), years.count(year)) for year in range(first, last + 1))


def _provenance(
    harvest: RepositoryHarvest | None, links: RepositoryLinks | None
) -> Provenance | None:
    if harvest is None:
        return None
    commit = harvest.commit
    return Provenance(
        source_url=harvest.source_url,
        commit=commit,
        commit_link=links.commit(commit) if links and commit else None,
        harvested_at=harvest.harvested_at,
        harvester_version=harvest.harvester_version,
        model_version=harvest.model_version,
    )


def _last_failure(component: Component) -> LastFailure | None:
    if component.last_attempt_status is not HarvestStatus.FAILED:
        return None
    harvest = component.current_harvest
    return LastFailure(
        at=component.last_attempt_at,
        reason=component.last_failure,
        shown_from=harvest.harvested_at if harvest else None,
    )
