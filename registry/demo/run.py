"""Building the demo: example repositories, harvested through the real pipeline into a database.

::

    summary = build_demo(Path("demo"))            # SQLite in demo/kataster.db
    summary = build_demo(folder, "postgresql+psycopg://...")   # an empty database

The folder gets ``repositories/`` (bare git repositories), ``sources.yml`` (the sources file),
``cache/`` (the harvester's git cache) and, by default, ``kataster.db``. A folder made by an
earlier demo is emptied first; any other non-empty folder is refused. The repositories are
served by the demo forge (:mod:`registry.demo.forge`) or read through ``file://`` while
:func:`registry.harvest.run.run_harvest` harvests them exactly as ``kataster harvest`` does.
"""

from __future__ import annotations

import datetime
import shutil
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from harvester import git, maturity
from harvester.forges import ForgeClient, make_forges
from harvester.pipeline import HarvestContext
from harvester.publiccode import load_profile
from harvester.records import Publisher
from harvester.sources import load_sources_file

from ..components.models import Component, ComponentAlias
from ..db import current, make_engine, make_session_factory, prepare
from ..harvest.models import RepositoryHarvest
from ..harvest.run import RunSummary, run_harvest
from .errors import DatabaseNotEmpty, InvalidDemoFolder
from .forge import DemoForge, ForgeListing, ForgeRelease
from .repositories import BuiltRepository, build_repositories
from .sources import write_sources

__all__ = ["MARKER", "DemoSummary", "build_demo"]

MARKER = ".kataster-demo"
"""The file that marks a folder as made by the demo (and so safe to empty)."""

_RELEASE_NOTES = "Fehlerbehebungen und kleinere Verbesserungen; Einzelheiten in CHANGELOG.md."


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo made and where."""

    folder: Path
    database_url: str
    sources: Path
    repositories: int  # git repositories built
    components: int  # components stored
    levels: Mapping[str, int]  # maturity level ("0".."5", "unrated") -> components
    incomplete: int  # components without publiccode.yml
    aliases: int  # other URLs leading to a component (mirrors)
    archived: int
    harvest: Mapping[str, int]  # the run's outcomes: new, changed, failed ...
    problems: tuple[str, ...]  # code hosting that could not be listed (none, normally)
    seconds: float


def build_demo(
    folder: Path,
    database_url: str | None = None,
    *,
    now: datetime.datetime | None = None,
    workers: int = 4,
) -> DemoSummary:
    """Build the example repositories in ``folder`` and harvest them into ``database_url``
    (default: ``folder/kataster.db``), which must hold no Kataster tables yet."""
    started = time.monotonic()
    folder = _fresh(folder)
    url = database_url or f"sqlite:///{folder / 'kataster.db'}"
    if current(url) is not None:
        raise DatabaseNotEmpty(make_engine(url).url.render_as_string(hide_password=True))
    now = now or datetime.datetime.now(datetime.UTC)
    root = folder / "repositories"
    with DemoForge.serve(root / "forge") as forge:
        built = build_repositories(root, forge.clone_url, now.date())
        for repository in built:
            if repository.on_forge:
                forge.publish(_listing(repository))
        sources = write_sources(folder / "sources.yml", built, forge.organisation_url)
        context = _context(folder / "cache", now)
        run = _harvest(url, load_sources_file(sources), forge.base_url, context, workers)
    return _summary(folder, url, sources, built, run, time.monotonic() - started)


def _fresh(folder: Path) -> Path:
    """``folder``, empty but for the demo's marker; refuses a folder the demo did not make."""
    folder = folder.expanduser().resolve()
    if folder.exists():
        if (folder / MARKER).is_file():
            shutil.rmtree(folder)
        elif folder.is_dir() and not any(folder.iterdir()):
            pass
        else:
            raise InvalidDemoFolder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("made by `kataster demo`; emptied by the next one\n")
    return folder


def _listing(repository: BuiltRepository) -> ForgeListing:
    project = repository.project
    text = project.de or project.en
    releases = tuple(
        ForgeRelease(
            release.tag,
            datetime.datetime.combine(release.date, datetime.time(15, 0), datetime.UTC),
            _RELEASE_NOTES,
        )
        for release in repository.releases
    )
    return ForgeListing(
        owner=repository.publisher.owner or repository.publisher.id,
        name=project.slug,
        description=text.short if text else "",
        created_at=datetime.datetime.combine(repository.started, datetime.time(9), datetime.UTC),
        archived=project.archived,
        has_issues=project.issues,
        open_issues=project.stars // 4 if project.issues else 0,
        stars=project.stars,
        releases=releases,
    )


def _context(cache: Path, now: datetime.datetime) -> HarvestContext:
    return HarvestContext(
        cache_dir=cache,
        limits=git.GitLimits(timeout=60),
        profile=load_profile("smart-city"),
        model=maturity.load_model(),
        harvester_version=version("kataster"),
        now=now,
    )


def _harvest(
    url: str,
    publishers: Sequence[Publisher],
    forge_url: str,
    context: HarvestContext,
    workers: int,
) -> RunSummary:
    engine = make_engine(url)
    forges = make_forges({}, base_urls={"gitea": forge_url}, timeout=30)
    try:
        prepare(engine)
        return run_harvest(
            make_session_factory(engine), publishers, forges, context, workers=workers
        )
    finally:
        _close(forges)
        engine.dispose()


def _close(forges: Mapping[str, ForgeClient]) -> None:
    for forge in forges.values():
        close = getattr(forge, "close", None)
        if callable(close):
            close()


def _summary(
    folder: Path,
    url: str,
    sources: Path,
    built: Sequence[BuiltRepository],
    run: RunSummary,
    seconds: float,
) -> DemoSummary:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return DemoSummary(
                folder=folder,
                database_url=url,
                sources=sources,
                repositories=len(built),
                components=_count(session, select(func.count(Component.id))),
                levels=_levels(session),
                incomplete=_count(session, select(func.count()).where(Component.incomplete)),
                aliases=_count(session, select(func.count(ComponentAlias.id))),
                archived=_count(session, select(func.count()).where(Component.archived.is_(True))),
                harvest=dict(run.counts),
                problems=tuple(
                    f"{failure.publisher_id}: cannot list {failure.url}: {failure.reason}"
                    for failure in run.discovery_failures
                ),
                seconds=seconds,
            )
    finally:
        engine.dispose()


def _count(session: Session, statement: Select[Any]) -> int:
    return session.scalar(statement) or 0


def _levels(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(RepositoryHarvest.maturity_level, func.count(Component.id))
        .select_from(Component)
        .outerjoin(RepositoryHarvest, Component.current_harvest_id == RepositoryHarvest.id)
        .group_by(RepositoryHarvest.maturity_level)
    )
    counts: Counter[str] = Counter()
    for level, count in rows:
        counts["unrated" if level is None else str(level)] += count
    return dict(sorted(counts.items()))
