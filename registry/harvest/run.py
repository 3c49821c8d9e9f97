"""A harvest run: discover, harvest repositories in parallel, store each in its own transaction.

The worker threads only harvest (git, parsing, judging); every database access happens on the
calling thread, one transaction per repository, so one repository's failure (even a bug in
storing it) is recorded as that repository's failure and the run goes on.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from harvester.discover import DiscoveryFailure, Target, discover
from harvester.pipeline import HarvestContext, failed_record, harvest_repository
from harvester.records import HarvestRecord, HarvestStatus
from harvester.urls import is_same_repository, normalise_repository_url, redact

from . import ingest

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from harvester.forges import ForgeClient
    from harvester.records import Publisher

__all__ = ["REASSESS_AFTER", "RunSummary", "run_harvest"]

_log = logging.getLogger("kataster.harvest")

Progress = Callable[[str, "RunSummary"], None]

#: An unchanged repository is still assessed afresh after this long, because some judgements
#: depend on the date (activity in the last 12 months, a contract still valid, health windows).
REASSESS_AFTER = datetime.timedelta(days=7)


@dataclass
class RunSummary:
    """What a run did: outcomes overall and per publisher, and what could not be listed."""

    run_id: int | None = None
    targets: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    per_publisher: dict[str, Counter[str]] = field(default_factory=dict)
    discovery_failures: list[DiscoveryFailure] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    def count(self, publisher_id: str, outcome: str) -> None:
        self.counts[outcome] += 1
        self.per_publisher.setdefault(publisher_id, Counter())[outcome] += 1


def run_harvest(
    sessions: sessionmaker[Session],
    publishers: Sequence[Publisher],
    forges: Mapping[str, ForgeClient],
    context: HarvestContext,
    *,
    workers: int = 4,
    only: Sequence[str] = (),
    dry_run: bool = False,
    on_targets: Callable[[int], None] = lambda count: None,
    on_progress: Progress = lambda url, summary: None,
) -> RunSummary:
    """Harvest every repository of ``publishers`` (or the ``only`` URLs among them)."""
    summary = RunSummary()
    targets = _targets(publishers, forges, only, summary)
    summary.targets = len(targets)
    on_targets(len(targets))
    by_id = {publisher.id: publisher for publisher in publishers}
    run_id = None if dry_run else _start(sessions, publishers, context)
    summary.run_id = run_id
    previous = {} if dry_run else _previous(sessions, targets, context.now - REASSESS_AFTER)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="harvest") as pool:
        futures = {
            pool.submit(harvest_repository, target, context, previous.get(target.url)): target
            for target in targets
        }
        for future in as_completed(futures):
            target = futures[future]
            record = _result(future, target, context)
            outcome = "dry-run" if run_id is None else _store(sessions, run_id, record, by_id)
            summary.count(target.publisher_id, _counted(outcome, record))
            _log.info("repository harvested", extra=_fields(record, outcome))
            on_progress(target.url, summary)
    if run_id is not None:
        _finish(sessions, run_id, summary)
    return summary


def _targets(
    publishers: Sequence[Publisher],
    forges: Mapping[str, ForgeClient],
    only: Sequence[str],
    summary: RunSummary,
) -> list[Target]:
    targets: list[Target] = []
    listed = [_narrowed(publisher, only) for publisher in publishers] if only else publishers
    for found in discover(listed, forges):
        if isinstance(found, DiscoveryFailure):
            summary.discovery_failures.append(found)
            _log.warning("discovery failed", extra={"url": found.url, "reason": found.reason})
        elif not only or any(_same(found.url, url) for url in only):
            targets.append(found)
    summary.unmatched = [url for url in only if not any(_same(t.url, url) for t in targets)]
    return targets


def _narrowed(publisher: Publisher, only: Sequence[str]) -> Publisher:
    """The publisher with only the code hosting that can contain one of the ``only`` URLs
    (the repository itself, or an organisation or group above it), so ``--only`` does not
    list every organisation."""
    wanted = [_key(url) for url in only]
    hosting = tuple(
        entry
        for entry in publisher.code_hosting
        if any(_contains(_key(entry.url), key) for key in wanted)
    )
    return dataclasses.replace(publisher, code_hosting=hosting)


def _key(url: str) -> str:
    try:
        return normalise_repository_url(url)
    except ValueError:
        return url


def _contains(hosting: str, repository: str) -> bool:
    return repository == hosting or repository.startswith(hosting.rstrip("/") + "/")


def _same(a: str, b: str) -> bool:
    try:
        return is_same_repository(a, b)
    except ValueError:
        return False


def _start(
    sessions: sessionmaker[Session], publishers: Sequence[Publisher], context: HarvestContext
) -> int:
    with sessions.begin() as session:
        ingest.upsert_publishers(session, publishers)
        run = ingest.start_run(session, harvester_version=context.harvester_version)
        session.flush()
        return run.id


def _previous(
    sessions: sessionmaker[Session], targets: Sequence[Target], not_before: datetime.datetime
) -> dict[str, tuple[str, str]]:
    """The last good harvest's commit and model version per URL (read before the threads)."""
    found: dict[str, tuple[str, str]] = {}
    with sessions() as session:
        for target in targets:
            previous = ingest.previous_commit(session, target.url, not_before=not_before)
            if previous is not None:
                found[target.url] = previous
    return found


def _result(
    future: Future[HarvestRecord], target: Target, context: HarvestContext
) -> HarvestRecord:
    """The worker's record; a bug in the harvester becomes this repository's failure."""
    try:
        return future.result()
    except Exception as error:
        _log.exception("harvester error", extra={"url": redact(target.url)})
        return failed_record(
            target, context, f"internal error in the harvester: {type(error).__name__}"
        )


def _store(
    sessions: sessionmaker[Session],
    run_id: int,
    record: HarvestRecord,
    publishers: Mapping[str, Publisher],
) -> str:
    """One transaction per repository; if storing fails, store the failure instead."""
    try:
        with sessions.begin() as session:
            outcome = ingest.store_record(session, run_id, record)
        return str(outcome)
    except Exception as error:
        _log.exception("storing failed", extra={"url": redact(record.url)})
        reason = f"could not store the harvest: {type(error).__name__}"
        failed = HarvestRecord(
            publisher_id=record.publisher_id,
            url=record.url,
            provenance=record.provenance,
            status=HarvestStatus.FAILED,
            failure=reason,
        )
        try:
            with sessions.begin() as session:
                return str(ingest.store_record(session, run_id, failed))
        except Exception:  # the database itself is failing: log it and go on counting
            _log.exception("storing the failure failed", extra={"url": redact(record.url)})
            return "failed"


def _counted(outcome: str, record: HarvestRecord) -> str:
    if outcome != "dry-run":
        return outcome
    return {HarvestStatus.OK: "harvested"}.get(record.status, str(record.status))


def _finish(sessions: sessionmaker[Session], run_id: int, summary: RunSummary) -> None:
    with sessions.begin() as session:
        for failure in summary.discovery_failures:
            ingest.record_listing_failure(
                session, failure.publisher_id, failure.url, failure.reason
            )
        ingest.resolve_canonical(session)
        ingest.finish_run(session, run_id, dict(summary.counts))


def _fields(record: HarvestRecord, outcome: str) -> dict[str, object]:
    return {
        "url": redact(record.url),
        "publisher": record.publisher_id,
        "status": str(record.status),
        "outcome": outcome,
        "commit": record.provenance.commit,
        "reason": record.failure,
        "level": None if record.maturity is None else record.maturity.level,
    }
