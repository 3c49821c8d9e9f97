"""Neutral, immutable records that flow between the harvest stages and into the registry.

The harvester produces one :class:`HarvestRecord` per repository; the registry stores it. Every
type here is a frozen dataclass of plain values (str, int, float, bool, dates, tuples), so a
record can be compared, pickled across worker processes and turned into JSON without help.

Stages and the types they hand on::

    sources   -> Publisher, CodeHosting
    discover  -> ForgeRepository          (harvester.forges)
    fetch     -> the commit SHA and a local object store (harvester.git)
    inspect   -> Inspection, History      (harvester.inspect)
    assess    -> PubliccodeReport, LicenceReport, MaturityReport, Health
    record    -> HarvestRecord with Provenance

Dates are timezone-aware UTC datetimes or plain dates; ``None`` always means "not known",
never "no" or zero.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

__all__ = [
    "CheckOutcome",
    "CheckResult",
    "CodeHosting",
    "Evidence",
    "FileKind",
    "ForgeRelease",
    "ForgeRepository",
    "HarvestRecord",
    "HarvestStatus",
    "Health",
    "History",
    "Inspection",
    "LicenceFile",
    "LicenceFinding",
    "LicenceReport",
    "LicenceStatus",
    "ManifestLicence",
    "MaturityReport",
    "Member",
    "MonthCount",
    "Provenance",
    "PubliccodeFinding",
    "PubliccodeReport",
    "Publisher",
    "Readme",
    "Tag",
    "TreeEntry",
    "VersionScheme",
]


# --- sources -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """A municipality belonging to a publisher (AGS: Amtlicher Gemeindeschlüssel, 8 digits)."""

    name: str
    ags: str | None = None


@dataclass(frozen=True, slots=True)
class CodeHosting:
    """Where a publisher's code lives: an organisation/group (``group``) or one repository."""

    url: str
    group: bool = True
    driver: str = "git"  # github | gitlab | gitea | git; the sources loader fills it by host


@dataclass(frozen=True, slots=True)
class Publisher:
    """An organisation that publishes code, as listed in a sources file."""

    id: str
    name: str
    kind: str  # model-project | municipality | county | federal | vendor | other
    round: int | None = None  # model projects: funding round (Staffel) 2019, 2020 or 2021
    category: str | None = None  # model projects: Großstadt, Mittlere Stadt, ...
    members: tuple[Member, ...] = ()
    code_hosting: tuple[CodeHosting, ...] = ()


# --- discover (forges) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForgeRelease:
    """A release as a forge API reports it (GitHub/GitLab/Gitea releases, not bare tags)."""

    tag: str
    name: str | None
    published_at: datetime.datetime | None
    has_notes: bool


@dataclass(frozen=True, slots=True)
class ForgeRepository:
    """One repository as a forge (or plain git) describes it. ``None``: the forge did not say."""

    clone_url: str  # what git fetches from
    web_url: str | None = None
    name: str = ""
    full_name: str = ""  # owner/name, group/subgroup/name
    description: str | None = None
    default_branch: str | None = None
    archived: bool | None = None
    fork: bool | None = None
    parent_url: str | None = None  # the repository it was forked from
    mirror: bool | None = None  # the forge marks it as a pull mirror
    stars: int | None = None
    open_issues: int | None = None
    issues_enabled: bool | None = None
    releases: tuple[ForgeRelease, ...] | None = None
    created_at: datetime.datetime | None = None
    pushed_at: datetime.datetime | None = None
    driver: str = "git"


# --- inspect -------------------------------------------------------------------------------


class FileKind(enum.StrEnum):
    """What an entry of the tree at HEAD is, as git's object store says (never the filesystem)."""

    FILE = "file"
    EXECUTABLE = "executable"
    SYMLINK = "symlink"
    SUBMODULE = "submodule"
    DIRECTORY = "directory"


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """One path in the tree at HEAD. ``path`` is the name as UTF-8 (invalid bytes escaped)."""

    path: str
    kind: FileKind
    size: int | None  # blobs only; None for trees, submodules and unknown sizes
    oid: str


@dataclass(frozen=True, slots=True)
class Readme:
    """The root README: its language and what the L2.1 check needs."""

    path: str
    language: str | None  # ISO 639-1, None when it cannot be told
    words: int
    install_heading: str | None  # the heading that announces installation, if any (line below)
    install_line: int | None
    title: str | None  # first heading, used as a name when there is no publiccode.yml
    description: str | None  # first paragraph, used when there is no publiccode.yml


@dataclass(frozen=True, slots=True)
class Inspection:
    """Facts about the tree at the default branch's HEAD, read from git's object store.

    Each ``..._files`` tuple holds repository paths in sorted order; empty means "looked, none
    found". ``truncated`` is set when the tree had more entries than the harvester lists.
    """

    commit: str
    default_branch: str
    entries: int
    truncated: bool = False
    readme: Readme | None = None
    licence_files: tuple[str, ...] = ()
    contributing_files: tuple[str, ...] = ()
    security_files: tuple[str, ...] = ()
    changelog_files: tuple[str, ...] = ()
    governance_files: tuple[str, ...] = ()
    code_of_conduct_files: tuple[str, ...] = ()
    cla_files: tuple[str, ...] = ()
    ci_files: tuple[str, ...] = ()
    test_paths: tuple[str, ...] = ()
    manifests: tuple[str, ...] = ()
    lockfiles: tuple[str, ...] = ()
    container_files: tuple[str, ...] = ()  # Dockerfile, Containerfile, compose files
    helm_charts: tuple[str, ...] = ()  # paths of Chart.yaml
    binary_files: tuple[str, ...] = ()  # executables/bytecode outside the allow-list (L2.7)
    submodules: tuple[str, ...] = ()
    symlinks: tuple[str, ...] = ()
    security_contact: str | None = None  # path of the README/CONTRIBUTING section naming one
    governance_section: str | None = None  # path of a README/CONTRIBUTING governance section
    contributing_section: str | None = None  # path of a README section on contributing
    cla_assignment: bool | None = None  # a CLA demanding transfer: True/False, None if unsure
    standards_declared: tuple[str, ...] = ()  # data standards named in README/docs (L3.7)
    reuse_files_with_licence: int | None = None  # files with SPDX headers or REUSE coverage
    reuse_files_total: int | None = None


class VersionScheme(enum.StrEnum):
    """How a tag's version was understood."""

    PEP440 = "pep440"
    SEMVER = "semver"
    CALVER = "calver"
    RAW = "raw"


@dataclass(frozen=True, slots=True)
class Tag:
    """A version-like tag with the date of the commit it points to."""

    name: str
    commit: str
    date: datetime.datetime | None
    version: str  # normalised where the scheme allows it, else the raw tag without a leading v
    scheme: VersionScheme


@dataclass(frozen=True, slots=True)
class MonthCount:
    """Commits in one calendar month (``month`` is ``YYYY-MM``)."""

    month: str
    commits: int


@dataclass(frozen=True, slots=True)
class History:
    """What git's history of the default branch says, measured at ``as_of``.

    Author counts respect ``.mailmap`` and exclude bots; windows end at ``as_of``.
    """

    as_of: datetime.datetime
    commits: int
    first_commit: str
    first_commit_at: datetime.datetime
    last_commit: str
    last_commit_at: datetime.datetime
    commits_per_month: tuple[MonthCount, ...]  # the last 24 calendar months, oldest first
    active_weeks_90d: int
    commits_90d: int
    commits_365d: int
    authors_12m: int
    new_authors_12m: int  # first commit of theirs within the 12 months
    absence_factor_12m: int  # CHAOSS Contributor Absence Factor (bus factor) on commits
    author_domains_24m: tuple[tuple[str, int], ...]  # (e-mail domain, commits), personal excluded
    reviewed_merges_180d: int | None  # merges/commits with Reviewed-by/Approved-by or merger≠author
    merges_180d: int | None
    tags: tuple[Tag, ...]  # version-like tags, newest first


# --- assess --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PubliccodeFinding:
    """One validator finding, flattened (type error/warning/profile, with its position)."""

    type: str
    key: str
    description: str
    line: int = 0
    column: int = 0
    rule: str | None = None
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class PubliccodeReport:
    """The root publiccode.yml (or publiccode.yaml), validated with the Smart City profile."""

    path: str
    raw: str  # the file as text (invalid UTF-8 replaced); at most the validator's size limit
    valid: bool
    findings: tuple[PubliccodeFinding, ...]
    document: str | None  # the normalised document as canonical JSON, when it decoded


class LicenceStatus(enum.StrEnum):
    """How a licence file's text was identified."""

    IDENTIFIED = "identified"  # a standard text, up to the SPDX matching guidelines
    MODIFIED = "modified"  # a known licence's text with changes or additions
    UNKNOWN = "unknown"  # no licence text recognised


@dataclass(frozen=True, slots=True)
class LicenceFile:
    """One licence file and what its text is."""

    path: str
    status: LicenceStatus
    spdx_ids: tuple[str, ...]  # all licences recognised in it (dual-licence files have several)
    coverage: float | None  # share of the normalised text the matched licences explain, 0..1
    note: str | None = None  # e.g. the first words that are not part of the standard text


@dataclass(frozen=True, slots=True)
class ManifestLicence:
    """A licence named in a package manifest (package.json, pyproject.toml, pom.xml, ...)."""

    path: str
    field: str  # e.g. "license", "project.license", "licenses/license/name"
    value: str
    spdx: str | None  # the value as a valid SPDX expression, None when it is not one


@dataclass(frozen=True, slots=True)
class LicenceFinding:
    """A licence problem. ``code`` is stable (e.g. ``no-licence-file``); messages are de/en."""

    code: str
    severity: str  # error | warning | info
    message_de: str
    message_en: str
    path: str | None = None
    licences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LicenceReport:
    """Every licence source of a repository, compared; never simplified into one answer."""

    declared: str | None  # publiccode legal.license as written
    declared_valid: bool | None  # a valid SPDX expression; None without a declaration
    declared_ids: tuple[str, ...]  # the licence identifiers in the declared expression
    files: tuple[LicenceFile, ...]
    manifests: tuple[ManifestLicence, ...]
    osi_approved: dict[str, bool] = field(default_factory=dict)  # per identifier found anywhere
    fsf_libre: dict[str, bool] = field(default_factory=dict)
    findings: tuple[LicenceFinding, ...] = ()


class CheckOutcome(enum.StrEnum):
    """A maturity check's answer."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a judgement comes from: a file and line at a commit, a URL, or a git measurement."""

    source: str  # G (git), M (publiccode.yml), F (forge API), X (external), R (registry)
    path: str | None = None
    line: int | None = None
    commit: str | None = None
    url: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One maturity check's outcome with what was measured and the threshold it was held to."""

    id: str  # e.g. "L1.1"
    name: str  # e.g. "has_licence_file"
    outcome: CheckOutcome
    value: str | None  # the measured value, rendered (e.g. "7 of 12 months")
    threshold: str | None  # e.g. ">= 6 of the last 12 calendar months"
    reason_de: str
    reason_en: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class MaturityReport:
    """The level reached under one model version, the checks that block the next one."""

    model_version: str
    level: int  # 0..5
    archived: bool  # repository archived or developmentStatus obsolete: shown as "Archiviert"
    capped_by_licence: bool  # a failed licence check caps the level at 0
    blocking: tuple[str, ...]  # ids of the checks that keep the next level out of reach
    checks: tuple[CheckResult, ...]


@dataclass(frozen=True, slots=True)
class Health:
    """Health metrics (CHAOSS), shown beside the level, never folded into it."""

    commits_90d: int | None
    commits_365d: int | None
    active_weeks_90d: int | None
    releases_365d: int | None
    last_release_at: datetime.datetime | None
    absence_factor_12m: int | None
    elephant_factor_24m: int | None
    new_contributors_12m: int | None
    commits_per_month: tuple[MonthCount, ...] = ()


# --- the record ----------------------------------------------------------------------------


class HarvestStatus(enum.StrEnum):
    """How the harvest of one repository ended."""

    OK = "ok"  # inspected and assessed at ``provenance.commit``
    UNCHANGED = "unchanged"  # HEAD as last time: the previous result stands, nothing was done
    FAILED = "failed"  # ``failure`` says why; the last good data stays published


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where and when a record was made."""

    source_url: str
    commit: str | None
    harvester_version: str
    harvested_at: datetime.datetime
    model_version: str | None = None


@dataclass(frozen=True, slots=True)
class HarvestRecord:
    """Everything the harvest learnt about one repository, ready for the registry."""

    publisher_id: str
    url: str  # the URL harvested (clone URL as listed or discovered)
    provenance: Provenance
    status: HarvestStatus
    failure: str | None = None  # a clear reason when status is FAILED
    canonical_url: str | None = None  # publiccode ``url`` when it names another repository
    name: str | None = None
    description: str | None = None
    incomplete: bool = False  # no publiccode.yml: name and description come from the README
    forge: ForgeRepository | None = None
    inspection: Inspection | None = None
    history: History | None = None
    publiccode: PubliccodeReport | None = None
    licences: LicenceReport | None = None
    maturity: MaturityReport | None = None
    health: Health | None = None
    single_commit_snapshot: bool = False  # one commit only: mirror snapshots mislead metrics
