"""``kataster harvest``: crawl the sources' repositories and store every result."""

from __future__ import annotations

import datetime
import json
import logging
import sys
from collections import Counter
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import click

from harvester import git, maturity
from harvester.forges import ForgeClient, make_forges
from harvester.pipeline import HarvestContext
from harvester.publiccode import load_profile
from harvester.sources import InvalidSources, load_default_sources, load_sources_file

from ..config import InvalidSettings, Settings
from ..db import make_engine, make_session_factory, prepare
from ..harvest.run import RunSummary, run_harvest

__all__ = ["harvest_command"]

_OUTCOMES = ("new", "changed", "unchanged", "failed")


@click.command("harvest")
@click.argument("sources", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--only", multiple=True, metavar="URL", help="Harvest only this repository (repeatable)."
)
@click.option("--workers", type=click.IntRange(1, 64), help="Repositories harvested at once.")
@click.option("--dry-run", is_flag=True, help="Harvest and report, but store nothing.")
def harvest_command(
    sources: Path | None, only: tuple[str, ...], workers: int | None, dry_run: bool
) -> None:
    """Harvest SOURCES (default: the 73 Model Projects Smart Cities shipped with Kataster)."""
    try:
        settings = Settings.from_env()
        publishers = load_sources_file(sources) if sources else load_default_sources()
    except (InvalidSettings, InvalidSources, OSError) as error:
        raise click.UsageError(str(error)) from error
    try:
        handler = _log_to(settings.log_file)
    except OSError as error:
        raise click.ClickException(f"the log file cannot be written: {error}") from error
    engine = make_engine(settings.database_url)
    try:
        if not dry_run:  # a dry run does not even create the database
            prepare(engine)
    except Exception as error:  # the database is where the run starts; report, do not trace
        _stop_logging(handler)
        raise click.ClickException(f"the database cannot be used: {error}") from error
    forges = make_forges({"github": settings.github_token, "gitlab": settings.gitlab_token})
    try:
        summary = _run_with_progress(
            make_session_factory(engine),
            publishers,
            forges,
            _context(settings),
            workers or settings.workers,
            only,
            dry_run,
        )
    finally:
        _close(forges)
        engine.dispose()
        _stop_logging(handler)
    _print_summary(summary, dry_run)


def _context(settings: Settings) -> HarvestContext:
    limits = git.GitLimits(
        timeout=settings.git_timeout,
        max_file_bytes=settings.max_file_bytes,
        disk_budget_bytes=settings.disk_budget_bytes,
    )
    return HarvestContext(
        cache_dir=settings.cache_dir,
        limits=limits,
        profile=load_profile("smart-city"),
        model=maturity.load_model(),
        harvester_version=version("kataster"),
        now=datetime.datetime.now(datetime.UTC),
    )


def _close(forges: Mapping[str, ForgeClient]) -> None:
    """The network clients hold connection pools; plain git and the null forge hold nothing."""
    for forge in forges.values():
        close = getattr(forge, "close", None)
        if callable(close):
            close()


def _run_with_progress(
    sessions: Any,
    publishers: Any,
    forges: Any,
    context: HarvestContext,
    workers: int,
    only: tuple[str, ...],
    dry_run: bool,
) -> RunSummary:
    bar: Any = None

    def started(count: int) -> None:
        nonlocal bar
        bar = click.progressbar(length=count, label="Harvest", file=sys.stderr, show_pos=True)
        bar.__enter__()

    def progressed(url: str, summary: RunSummary) -> None:
        bar.label = "Harvest " + _counts(summary.counts)
        bar.update(1)

    try:
        return run_harvest(
            sessions,
            publishers,
            forges,
            context,
            workers=workers,
            only=only,
            dry_run=dry_run,
            on_targets=started,
            on_progress=progressed,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _counts(counts: Counter[str]) -> str:
    shown = [f"{counts[name]} {name}" for name in _OUTCOMES if counts[name]]
    shown += [f"{value} {name}" for name, value in counts.items() if name not in _OUTCOMES]
    return ", ".join(shown) or "0"


def _print_summary(summary: RunSummary, dry_run: bool) -> None:
    """Per publisher, then the total and what could not be listed or matched."""
    for publisher_id in sorted(summary.per_publisher):
        click.echo(f"{publisher_id}: {_counts(summary.per_publisher[publisher_id])}")
    for failure in summary.discovery_failures:
        click.echo(f"{failure.publisher_id}: cannot list {failure.url}: {failure.reason}")
    for url in summary.unmatched:
        click.echo(f"--only {url}: not among the sources' repositories")
    stored = "nothing stored (dry run)" if dry_run else f"run {summary.run_id}"
    click.echo(f"{summary.targets} repositories: {_counts(summary.counts)}; {stored}")


class _JSONLines(logging.Formatter):
    """One JSON object per line: time, level, message and the record's structured fields."""

    _STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message"}

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in self._STANDARD})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


_LOGGERS = ("kataster", "harvester")


def _log_to(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(_JSONLines())
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    return handler


def _stop_logging(handler: logging.Handler) -> None:
    for name in _LOGGERS:
        logging.getLogger(name).removeHandler(handler)
    handler.close()
