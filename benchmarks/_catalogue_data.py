"""Synthetic catalogue rows for benchmarks/catalogue.py, deterministic for a seed.

Publishers: the 73 model projects of the shipped sources file (rounds 2019 to 2021) and about
500 other municipalities, counties and vendors. Components are spread over publishers with a
Zipf-like law. Each component gets what the harvest would store, as plain row dictionaries for
bulk inserts: the component, its harvest with the JSON documents (publiccode.yml, history,
licences, health, inspection, forge), 33 check results when rated, findings, releases and
journal entries. The JSON documents are built from the harvester's own record types, so they
have the shapes the registry reads.

Distributions (roughly): 85 % have a publiccode.yml, 3 % never had a good harvest (level
unknown), levels skew low (0: 45 %, 1: 25 %, 2: 14 %, 3: 9 %, 4: 5 %, 5: 2 %), EUPL-1.2 is the
most common licence, 5 % of licence statements conflict, last changes spread over eight years
with most in the last two.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any

import _catalogue_words as words

from harvester import records
from harvester.maturity.health import health
from harvester.maturity.model import CheckSpec, load_model
from harvester.sources.loader import load_default_sources
from registry.harvest.models import FindingOrigin

__all__ = [
    "GENERATOR_VERSION",
    "HARVESTER_VERSION",
    "NOW",
    "Batch",
    "PublisherRows",
    "component_batch",
    "publisher_rows",
]

GENERATOR_VERSION = "2"
"""Raise it whenever the generated data changes: cached databases are keyed by it."""

NOW = datetime.datetime(2026, 11, 21, 6, 0, tzinfo=datetime.UTC)
"""The harvest's time: fixed, so that a cached database and a fresh one agree."""

HARVESTER_VERSION = "0.1.0"
OTHER_PUBLISHERS = 500

_LEVELS = words.Pool.weighted(
    {"0": 45, "1": 25, "2": 14, "3": 9, "4": 5, "5": 2},
)
_LICENCES = words.Pool.weighted(
    {
        "EUPL-1.2": 34,
        "MIT": 18,
        "Apache-2.0": 10,
        "GPL-3.0-or-later": 8,
        "AGPL-3.0-only": 6,
        "AGPL-3.0-or-later": 4,
        "EUPL-1.2 OR AGPL-3.0-or-later": 3,
        "BSD-3-Clause": 3,
        "MPL-2.0": 3,
        "LGPL-3.0-or-later": 2,
        "GPL-2.0-only": 2,
        "CC0-1.0": 2,
        "BSD-2-Clause": 1,
        "ISC": 1,
        "Unlicense": 1,
        "EUPL-1.1": 1,
        "proprietary": 1,
    }
)
_STATUSES = words.Pool.weighted(
    {"stable": 38, "development": 25, "beta": 20, "concept": 10, "obsolete": 7}
)
_PLATFORMS = words.Pool.zipf(("web", "linux", "android", "ios", "windows", "mac"), 1.3)
_SCOPES = words.Pool.zipf(
    (
        "local-authorities",
        "transportation",
        "environment",
        "government",
        "society",
        "energy",
        "infrastructures",
        "tourism",
        "culture",
        "education",
        "welfare",
        "healthcare",
        "emergency-services",
        "agriculture",
        "sport",
    )
)
_CATEGORIES = words.Pool.zipf(
    (
        "data-visualization",
        "data-collection",
        "geographic-information-systems",
        "data-analytics",
        "content-management",
        "communications",
        "appointment-scheduling",
        "online-community",
        "survey",
        "event-management",
        "document-management",
        "knowledge-management",
        "workflow-management",
        "it-development",
        "facility-management",
        "online-booking",
        "e-signature",
        "fleet-management",
        "other",
    )
)
_SOFTWARE_TYPES = words.Pool.weighted(
    {
        "standalone/web": 55,
        "standalone/backend": 15,
        "standalone/mobile": 10,
        "library": 8,
        "standalone/iot": 7,
        "configurationFiles": 5,
    }
)
_FAILURES = (
    "git clone: repository not found",
    "git ls-remote: timed out after 120 s",
    "git clone: authentication required (the repository is not public)",
    "the repository is empty",
)
_ALWAYS_UNKNOWN = {"L1.5", "L3.5", "L4.4", "L5.3"}


# --- publishers ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublisherRows:
    """Publishers with their members and code hosting, and what components need of them."""

    publishers: list[dict[str, Any]]
    members: list[dict[str, Any]]
    code_hosting: list[dict[str, Any]]
    hosts: dict[str, str]  # publisher id -> the URL prefix its repositories live under
    towns: dict[str, str | None]  # publisher id -> a place name used in component names


def publisher_rows(seed: int) -> PublisherRows:
    """The 73 model projects and :data:`OTHER_PUBLISHERS` others."""
    rng = random.Random(seed)
    rows = PublisherRows([], [], [], {}, {})
    for listed in load_default_sources():
        _add_publisher(rows, listed)
    for number in range(OTHER_PUBLISHERS):
        _add_publisher(rows, _other_publisher(rng, number))
    return rows


def _other_publisher(rng: random.Random, number: int) -> records.Publisher:
    town = words.town_name(rng)
    kind = rng.choices(("municipality", "county", "vendor", "other"), (60, 15, 20, 5))[0]
    name = {
        "municipality": f"{rng.choice(('Stadt', 'Gemeinde', 'Markt'))} {town}",
        "county": f"Landkreis {town}",
        "vendor": f"{town} {rng.choice(('Software', 'Digital', 'Data', 'IT'))} GmbH",
        "other": f"Zweckverband Digitale Region {town}",
    }[kind]
    slug = f"{_slug(name)}-{number}"
    host = rng.choice(("https://gitlab.opencode.de", "https://github.com"))
    members = (records.Member(town),) if kind in {"municipality", "county"} else ()
    hosting = (records.CodeHosting(f"{host}/{slug}", True, host.split("//")[1].split(".")[0]),)
    return records.Publisher(slug, name, kind, None, None, members, hosting)


def _add_publisher(rows: PublisherRows, listed: records.Publisher) -> None:
    rows.publishers.append(
        {
            "id": listed.id,
            "name": listed.name,
            "kind": listed.kind,
            "round": listed.round,
            "category": listed.category,
            "created_at": NOW - datetime.timedelta(days=400),
        }
    )
    rows.members.extend(
        {"publisher_id": listed.id, "name": m.name, "ags": m.ags} for m in listed.members
    )
    rows.code_hosting.extend(
        {"publisher_id": listed.id, "url": c.url, "group": c.group, "driver": c.driver}
        for c in listed.code_hosting
    )
    first = listed.code_hosting[0].url if listed.code_hosting else None
    rows.hosts[listed.id] = first or f"https://gitlab.opencode.de/{listed.id}"
    rows.towns[listed.id] = listed.members[0].name if listed.members else None


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _slug(text: str) -> str:
    text = text.lower().translate(_UMLAUTS)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --- components ----------------------------------------------------------------------------


@dataclass(slots=True)
class Batch:
    """Rows for one bulk insert per table, in the order they must be inserted."""

    component: list[dict[str, Any]] = field(default_factory=list)
    repository_harvest: list[dict[str, Any]] = field(default_factory=list)
    check_result: list[dict[str, Any]] = field(default_factory=list)
    finding: list[dict[str, Any]] = field(default_factory=list)
    release: list[dict[str, Any]] = field(default_factory=list)
    journal_entry: list[dict[str, Any]] = field(default_factory=list)

    def tables(self) -> list[tuple[str, list[dict[str, Any]]]]:
        return [(f.name, getattr(self, f.name)) for f in dataclasses.fields(self)]


@dataclass(slots=True)
class _Facts:
    """The random decisions about one component, from which every row follows."""

    id: int
    publisher_id: str
    url: str
    name: str
    about: words.Subjects
    commit: str
    good: bool  # a good harvest exists (else the level is unknown)
    publiccode: bool
    level: int
    archived: bool
    licence: str
    conflict: bool  # the licence file says something else than publiccode.yml
    last_change: datetime.datetime
    first_change: datetime.datetime
    commits: int
    tags: list[records.Tag]
    rng: random.Random


def component_batch(seed: int, ids: range, publishers: PublisherRows) -> Batch:
    """The rows of components ``ids`` (each drawn from its own seed: batches are free)."""
    owners = _owner_pool(seed, publishers)
    batch = Batch()
    for component_id in ids:
        facts = _facts(seed, component_id, owners, publishers)
        _add_component(batch, facts)
    return batch


def _owner_pool(seed: int, publishers: PublisherRows) -> words.Pool:
    """Publishers in a shuffled order, weighted by Zipf: a few publish thousands."""
    ids = [row["id"] for row in publishers.publishers]
    random.Random(seed).shuffle(ids)
    return words.Pool.zipf(ids, 0.8)


def _facts(seed: int, component_id: int, owners: words.Pool, publishers: PublisherRows) -> _Facts:
    rng = random.Random(seed * 1_000_003 + component_id)
    publisher_id = owners.one(rng)
    about = words.subjects(rng)
    name = words.name_for(rng, about, publishers.towns[publisher_id])
    good = rng.random() >= 0.03
    last_change = NOW - datetime.timedelta(days=_age_days(rng), seconds=rng.randrange(86400))
    first_change = last_change - datetime.timedelta(days=rng.randint(0, 2500))
    commits = max(1, int(10 ** rng.uniform(0, 3.6)))
    return _Facts(
        id=component_id,
        publisher_id=publisher_id,
        url=f"{publishers.hosts[publisher_id]}/{_slug(name)}-{component_id}",
        name=name,
        about=about,
        commit=hashlib.sha1(f"{seed}/{component_id}".encode()).hexdigest(),
        good=good,
        publiccode=rng.random() < 0.85,
        level=int(_LEVELS.one(rng)) if good else 0,
        archived=rng.random() < 0.04,
        licence=_LICENCES.one(rng),
        conflict=rng.random() < 0.05,
        last_change=last_change,
        first_change=first_change,
        commits=commits,
        tags=_tags(rng, commits, first_change, last_change),
        rng=rng,
    )


def _age_days(rng: random.Random) -> int:
    """Days since the last commit: most within two years, a tail to eight."""
    return min(2900, int(rng.expovariate(1 / 300)))


def _tags(
    rng: random.Random, commits: int, first: datetime.datetime, last: datetime.datetime
) -> list[records.Tag]:
    count = 0 if rng.random() < 0.4 else min(40, int(commits ** rng.uniform(0.2, 0.6)))
    span = max(1.0, (last - first).total_seconds())
    tags = []
    for index in range(count):
        date = first + datetime.timedelta(seconds=span * (index + 1) / count)
        version = f"{index // 10}.{index % 10}.{rng.randrange(3)}"
        commit = hashlib.sha1(f"{first}/{index}".encode()).hexdigest()
        tags.append(records.Tag(f"v{version}", commit, date, version, records.VersionScheme.SEMVER))
    return tags[::-1]  # newest first, as the harvester lists them


def _add_component(batch: Batch, facts: _Facts) -> None:
    document = _document(facts) if facts.publiccode and facts.good else None
    batch.component.append(_component_row(facts, document))
    batch.repository_harvest.append(_harvest_row(facts, document))
    batch.journal_entry.append(_journal(facts, "component created", facts.url))
    if not facts.good:
        batch.journal_entry.append(_journal(facts, "harvest failed", facts.url))
        return
    batch.journal_entry.append(_journal(facts, "harvest ok", f"{facts.url} at {facts.commit}"))
    batch.check_result += _check_rows(facts)
    batch.finding += _finding_rows(facts, document)
    batch.release += _release_rows(facts)
    batch.journal_entry += [_journal(facts, "release added", t.name) for t in facts.tags[:3]]


def _journal(facts: _Facts, action: str, details: str) -> dict[str, Any]:
    return {
        "submitted_at": NOW,
        "action": action,
        "component_id": facts.id,
        "publisher_id": None,
        "details": details,
    }


def _component_row(facts: _Facts, document: dict[str, Any] | None) -> dict[str, Any]:
    forked = facts.rng.random() < 0.03
    return {
        "id": facts.id,
        "canonical_url": facts.url.lower(),
        "url": facts.url,
        "publisher_id": facts.publisher_id,
        "name": _public_name(facts, document),
        "description": _short_description(facts, document),
        "incomplete": document is None,
        "archived": facts.archived if facts.good else None,
        "fork": forked if facts.good else None,
        "parent_url": "https://github.com/upstream/original" if forked else None,
        "mirror": False if facts.good else None,
        "single_commit_snapshot": facts.commits == 1,
        "declared_url": None,
        "current_harvest_id": None,  # set once the harvests are in (they refer to each other)
        "last_attempt_at": NOW,
        "last_attempt_status": records.HarvestStatus.OK
        if facts.good
        else records.HarvestStatus.FAILED,
        "last_failure": None if facts.good else facts.rng.choice(_FAILURES),
        "last_serial": None,
        "created_at": NOW - datetime.timedelta(days=300),
        "updated_at": NOW,
    }


def _public_name(facts: _Facts, document: dict[str, Any] | None) -> str | None:
    if document is not None:
        return str(document["name"])
    return facts.url.rsplit("/", 1)[1] if facts.good else None


def _short_description(facts: _Facts, document: dict[str, Any] | None) -> str | None:
    if document is None:
        return _readme_paragraph(facts) if facts.good else None
    descriptions = document["description"]
    block = descriptions.get("de") or descriptions["en"]
    return str(block["shortDescription"])


def _readme_paragraph(facts: _Facts) -> str:
    return words.descriptions_de(random.Random(facts.id), facts.name, facts.about)[1][:300]


# --- the publiccode.yml document -----------------------------------------------------------


def _document(facts: _Facts) -> dict[str, Any]:
    rng = facts.rng
    status = "obsolete" if facts.archived else _STATUSES.one(rng)
    document: dict[str, Any] = {
        "publiccodeYmlVersion": "0",
        "name": facts.name,
        "url": facts.url,
        "softwareVersion": facts.tags[0].version if facts.tags else None,
        "releaseDate": facts.last_change.date().isoformat(),
        "platforms": _PLATFORMS.some(rng, rng.randint(1, 3)),
        "categories": _CATEGORIES.some(rng, rng.randint(1, 3)),
        "developmentStatus": status,
        "softwareType": _SOFTWARE_TYPES.one(rng),
        "intendedAudience": {"scope": _SCOPES.some(rng, rng.randint(1, 3)), "countries": ["DE"]},
        "description": _descriptions(rng, facts.name, facts.about),
        "legal": {"license": facts.licence, "mainCopyrightOwner": "Stadt"},
        "maintenance": _maintenance(rng),
        "localisation": {"localisationReady": True, "availableLanguages": _languages(rng)},
    }
    if rng.random() < 0.3:
        document["logo"] = rng.choice(("logo.svg", "docs/logo.png", "https://example.org/l.svg"))
    return {key: value for key, value in document.items() if value is not None}


def _descriptions(rng: random.Random, name: str, about: words.Subjects) -> dict[str, Any]:
    """German in 90 %, English in 60 % (English only in the other 10 %)."""
    which = rng.random()
    blocks: dict[str, Any] = {}
    if which < 0.9:
        short, long, features = words.descriptions_de(rng, name, about)
        blocks["de"] = {"shortDescription": short, "longDescription": long, "features": features}
    if which >= 0.9 or rng.random() < 0.55:
        short, long, features = words.descriptions_en(rng, name, about)
        blocks["en"] = {"shortDescription": short, "longDescription": long, "features": features}
    return blocks


def _maintenance(rng: random.Random) -> dict[str, Any]:
    kind = rng.choices(("internal", "contract", "community", "none"), (40, 35, 15, 10))[0]
    contact = {"name": "Erika Mustermann", "email": "digital@stadt.example"}
    maintenance: dict[str, Any] = {"type": kind, "contacts": [contact] if kind != "none" else []}
    if kind == "contract":
        until = NOW.date() + datetime.timedelta(days=rng.randint(-400, 900))
        maintenance["contractors"] = [{"name": "Beispiel GmbH", "until": until.isoformat()}]
    return maintenance


def _languages(rng: random.Random) -> list[str]:
    return ["de"] if rng.random() < 0.6 else ["de", "en"]


# --- the harvest and its JSON documents ----------------------------------------------------


def _harvest_row(facts: _Facts, document: dict[str, Any] | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": facts.id,
        "run_id": 1,
        "component_id": facts.id,
        "url": facts.url.lower(),
        "source_url": facts.url,
        "commit": facts.commit if facts.good else None,
        "status": records.HarvestStatus.OK if facts.good else records.HarvestStatus.FAILED,
        "failure": None if facts.good else _FAILURES[facts.id % len(_FAILURES)],
        "harvested_at": NOW,
        "harvester_version": HARVESTER_VERSION,
        "model_version": "1.0" if facts.good else None,
        "declared_url": None,
        "name": None,
        "description": None,
        "incomplete": document is None,
        "single_commit_snapshot": facts.commits == 1,
    }
    row |= dict.fromkeys(_DOCUMENT_COLUMNS)
    if facts.good:
        row |= _harvest_documents(facts, document)
    return row


_DOCUMENT_COLUMNS = (
    "publiccode_path",
    "publiccode_raw",
    "publiccode_document",
    "publiccode_valid",
    "inspection",
    "history",
    "licences",
    "health",
    "forge",
    "maturity_level",
    "archived",
    "capped_by_licence",
    "blocking",
)


def _harvest_documents(facts: _Facts, document: dict[str, Any] | None) -> dict[str, Any]:
    history = _history(facts)
    forge = _forge(facts)
    return {
        "name": _public_name(facts, document),
        "description": _short_description(facts, document),
        "publiccode_path": "publiccode.yml" if document is not None else None,
        "publiccode_raw": None if document is None else _raw(document),
        "publiccode_document": document,
        "publiccode_valid": None if document is None else facts.rng.random() < 0.8,
        "inspection": _plain(_inspection(facts)),
        "history": _plain(history),
        "licences": _licences(facts, document),
        "health": _plain(health(history, forge, NOW)),
        "forge": _plain(forge),
        "maturity_level": facts.level,
        "archived": facts.archived,
        "capped_by_licence": facts.level == 0 and facts.conflict,
        "blocking": _blocking(facts),
    }


def _raw(document: dict[str, Any]) -> str:
    """The file's text as JSON, which is YAML too (emitting YAML would double the time)."""
    return json.dumps(document, ensure_ascii=False) + "\n"


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """A record as JSON data, like the registry stores it (dates as ISO text)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    fields = getattr(kind, "__dataclass_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(value, name)) for name in fields}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return [_plain(item) for item in value]  # lists and tuples


def _history(facts: _Facts) -> records.History:
    rng = facts.rng
    months = _months(rng, facts.last_change)
    recent = sum(m.commits for m in months[-3:])
    year = sum(m.commits for m in months[-12:])
    authors = rng.randint(1, 12)
    return records.History(
        as_of=NOW,
        commits=facts.commits,
        first_commit=hashlib.sha1(f"root/{facts.id}".encode()).hexdigest(),
        first_commit_at=facts.first_change,
        last_commit=facts.commit,
        last_commit_at=facts.last_change,
        commits_per_month=months,
        active_weeks_90d=min(13, recent // 2),
        commits_90d=recent,
        commits_365d=year,
        authors_12m=authors if year else 0,
        new_authors_12m=rng.randint(0, authors) if year else 0,
        absence_factor_12m=rng.randint(1, max(1, authors // 2)) if year else 0,
        author_domains_24m=(("stadt.example", rng.randint(1, 400)), ("vendor.example", 30)),
        reviewed_merges_180d=rng.randint(0, 40),
        merges_180d=rng.randint(0, 60),
        tags=tuple(facts.tags),
    )


def _months(rng: random.Random, last_change: datetime.datetime) -> tuple[records.MonthCount, ...]:
    """Commits in the last 24 calendar months, none after the last change."""
    counts = []
    for back in range(23, -1, -1):
        year, month = divmod(NOW.year * 12 + NOW.month - 1 - back, 12)
        start = datetime.datetime(year, month + 1, 1, tzinfo=datetime.UTC)
        active = start <= last_change and rng.random() < 0.6
        counts.append(
            records.MonthCount(f"{year}-{month + 1:02d}", rng.randint(1, 80) if active else 0)
        )
    return tuple(counts)


def _forge(facts: _Facts) -> records.ForgeRepository:
    rng = facts.rng
    releases = tuple(
        records.ForgeRelease(tag.name, f"Version {tag.version}", tag.date, rng.random() < 0.7)
        for tag in facts.tags
        if rng.random() < 0.5
    )
    return records.ForgeRepository(
        clone_url=f"{facts.url}.git",
        web_url=facts.url,
        name=facts.url.rsplit("/", 1)[1],
        full_name=facts.url.split("/", 3)[3],
        description=facts.name,
        default_branch="main",
        archived=facts.archived,
        fork=False,
        stars=int(rng.paretovariate(1.2)) - 1,
        open_issues=rng.randint(0, 60),
        issues_enabled=rng.random() < 0.8,
        releases=releases,
        created_at=facts.first_change,
        pushed_at=facts.last_change,
        driver="gitlab" if "gitlab" in facts.url else "github",
    )


def _inspection(facts: _Facts) -> records.Inspection:
    rng = facts.rng
    level = facts.level
    readme = records.Readme(
        "README.md", rng.choice(("de", "de", "en")), rng.randint(20, 3000), None, None, None, None
    )
    return records.Inspection(
        commit=facts.commit,
        default_branch="main",
        entries=rng.randint(5, 4000),
        readme=readme,
        licence_files=("LICENSE",) if level >= 1 or rng.random() < 0.5 else (),
        contributing_files=("CONTRIBUTING.md",) if level >= 2 else (),
        security_files=("SECURITY.md",) if level >= 2 else (),
        changelog_files=("CHANGELOG.md",) if level >= 2 or rng.random() < 0.3 else (),
        ci_files=(".gitlab-ci.yml",) if level >= 3 or rng.random() < 0.4 else (),
        test_paths=("tests",) if level >= 3 or rng.random() < 0.4 else (),
        manifests=rng.choice((("package.json",), ("pyproject.toml",), ("pom.xml",), ())),
        lockfiles=rng.choice((("package-lock.json",), ("uv.lock",), ())),
        container_files=("Dockerfile",) if rng.random() < 0.5 else (),
        reuse_files_with_licence=rng.randint(0, 200),
        reuse_files_total=200,
    )


def _licences(facts: _Facts, document: dict[str, Any] | None) -> dict[str, Any]:
    declared = None if document is None else facts.licence
    ids = tuple(part for part in facts.licence.split(" OR "))
    in_file = ("MIT",) if facts.conflict else ids[:1]
    report = records.LicenceReport(
        declared=declared,
        declared_valid=None if declared is None else declared != "proprietary",
        declared_ids=() if declared is None else ids,
        files=(records.LicenceFile("LICENSE", records.LicenceStatus.IDENTIFIED, in_file, 0.98),),
        manifests=(),
        osi_approved={i: i not in {"proprietary", "CC0-1.0"} for i in (*ids, *in_file)},
        fsf_libre={i: i != "proprietary" for i in (*ids, *in_file)},
    )
    data = _plain(report)
    del data["findings"]
    return dict(data)


def _blocking(facts: _Facts) -> list[str]:
    if facts.level >= 5:
        return []
    return [spec.id for spec in _checks_of(facts.level + 1)][:2]


# --- rows beside the harvest ---------------------------------------------------------------


def _checks_of(level: int) -> list[CheckSpec]:
    return [spec for spec in load_model().checks if spec.level == level and spec.required]


def _check_rows(facts: _Facts) -> list[dict[str, Any]]:
    """All 33 checks, consistent with the level: passed below and at it, blocked above."""
    blocking = set(_blocking(facts))
    rows = []
    for spec in load_model().checks:
        outcome = _outcome(facts, spec, blocking)
        texts = _CHECK_TEXTS[(spec.id, outcome)]
        rows.append(
            {
                "harvest_id": facts.id,
                "check_id": spec.id,
                "name": spec.name,
                "outcome": outcome,
                **texts,
                "evidence": _evidence(facts, spec),
                "model_version": "1.0",
                "commit": facts.commit,
            }
        )
    return rows


def _outcome(facts: _Facts, spec: CheckSpec, blocking: set[str]) -> records.CheckOutcome:
    if spec.id in _ALWAYS_UNKNOWN:
        return records.CheckOutcome.UNKNOWN
    if spec.id in blocking:
        return records.CheckOutcome.FAIL
    if spec.level <= facts.level:
        return records.CheckOutcome.PASS
    roll = facts.rng.random()
    if roll < 0.45:
        return records.CheckOutcome.PASS
    return records.CheckOutcome.FAIL if roll < 0.9 else records.CheckOutcome.UNKNOWN


def _evidence(facts: _Facts, spec: CheckSpec) -> list[dict[str, Any]]:
    source = spec.sources[0]
    path = {"M": "publiccode.yml", "G": "README.md", "F": None, "R": None, "X": None}[source]
    item = {
        "source": source,
        "path": path,
        "line": facts.id % 90 + 1 if path else None,
        "commit": facts.commit if source in {"G", "M"} else None,
        "url": facts.url if source == "F" else None,
        "detail": f"{spec.name} at {facts.last_change.date().isoformat()}",
    }
    return [item]


def _check_texts(spec: CheckSpec, outcome: records.CheckOutcome) -> dict[str, Any]:
    question_de, question_en = spec.question.de.rstrip("?"), spec.question.en.rstrip("?")
    verdict_de, verdict_en = {
        records.CheckOutcome.PASS: ("Ja", "Yes"),
        records.CheckOutcome.FAIL: ("Nein", "No"),
        records.CheckOutcome.UNKNOWN: ("Unbekannt, nicht geprüft", "Unknown, not checked"),
        records.CheckOutcome.NOT_APPLICABLE: ("Trifft nicht zu", "Does not apply"),
    }[outcome]
    threshold = "; ".join(f"{key} = {value}" for key, value in spec.params.items())
    return {
        "value": None if outcome is records.CheckOutcome.UNKNOWN else f"{verdict_en.lower()}",
        "threshold": threshold[:200] or None,
        "reason_de": f"{verdict_de}: {question_de}.",
        "reason_en": f"{verdict_en}: {question_en}.",
    }


_CHECK_TEXTS = {
    (spec.id, outcome): _check_texts(spec, outcome)
    for spec in load_model().checks
    for outcome in records.CheckOutcome
}


def _finding_rows(facts: _Facts, document: dict[str, Any] | None) -> list[dict[str, Any]]:
    rows = []
    if document is not None and facts.rng.random() < 0.5:
        rows.append(
            _finding(
                facts.id,
                FindingOrigin.PUBLICCODE,
                "profile",
                "recommended",
                "maintenance.contacts",
                "publiccode.yml",
                "Das Smart-City-Profil empfiehlt eine Kontaktperson mit E-Mail-Adresse.",
                None,
            )
        )
    if facts.conflict:
        rows.append(
            _finding(
                facts.id,
                FindingOrigin.LICENCE,
                "licence",
                "warning",
                "undeclared-licence-text",
                "LICENSE",
                f"LICENSE enthält den Text von MIT, nicht angegeben in „{facts.licence}“.",
                f"LICENSE holds the text of MIT, which '{facts.licence}' does not declare.",
            )
        )
    return rows


def _finding(
    harvest_id: int,
    origin: FindingOrigin,
    kind: str,
    severity: str,
    code: str,
    path: str,
    message_de: str | None,
    message_en: str | None,
) -> dict[str, Any]:
    return {
        "harvest_id": harvest_id,
        "origin": origin,
        "type": kind,
        "severity": severity,
        "code": code,
        "key": code if origin is FindingOrigin.PUBLICCODE else None,
        "path": path,
        "line": 12 if origin is FindingOrigin.PUBLICCODE else None,
        "column": 3 if origin is FindingOrigin.PUBLICCODE else None,
        "message_de": message_de,
        "message_en": message_en,
        "licences": ["MIT"] if origin is FindingOrigin.LICENCE else None,
    }


def _release_rows(facts: _Facts) -> list[dict[str, Any]]:
    return [
        {
            "component_id": facts.id,
            "tag": tag.name,
            "commit": tag.commit,
            "date": tag.date,
            "version": tag.version,
            "scheme": tag.scheme,
            "name": None,
            "from_tag": True,
            "from_forge": False,
            "has_notes": None,
            "created_at": NOW,
        }
        for tag in facts.tags
    ]
