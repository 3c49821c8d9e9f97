"""Building the demo's example repositories on disk, as bare git repositories.

Projects on the forge live under ``<root>/forge/<owner>/<name>.git`` (served by
:mod:`registry.demo.forge`); projects on a publisher's own git server, and mirrors, under
``<root>/<host>/<name>.git`` and are harvested through ``file://`` URLs with the plain git
driver. The forge's address must be known first: every publiccode.yml names its repository's
URL, and a mirror names its original's.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ._fastimport import git, import_history, init_bare
from .errors import DemoGitError
from .files import RepositoryFiles
from .history import Release, plan, releases
from .projects import MIRRORS, PROJECTS, Mirror, Project
from .publishers import PUBLISHERS, DemoPublisher

__all__ = ["BuiltRepository", "build_repositories"]

#: The clone URL of a forge repository, given owner and name.
ForgeURL = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class BuiltRepository:
    """A repository the demo made: where it is, how it is fetched, what it is."""

    project: Project
    publisher: DemoPublisher
    path: Path
    url: str  # the clone URL the sources file names
    on_forge: bool
    started: datetime.date
    releases: tuple[Release, ...]
    mirror_of: str | None = None  # the original's URL


def build_repositories(
    root: Path, forge_url: ForgeURL, today: datetime.date
) -> list[BuiltRepository]:
    """Every project's repository, then every mirror."""
    publishers = {publisher.id: publisher for publisher in PUBLISHERS}
    built = [
        _build(project, publishers[project.publisher], root, forge_url, today)
        for project in PROJECTS
    ]
    by_slug = {repository.project.slug: repository for repository in built}
    mirrors = [_mirror(mirror, by_slug[mirror.original], publishers, root) for mirror in MIRRORS]
    return built + mirrors


def _build(
    project: Project,
    publisher: DemoPublisher,
    root: Path,
    forge_url: ForgeURL,
    today: datetime.date,
) -> BuiltRepository:
    if project.plain_git:
        path = root / _host(publisher) / f"{project.slug}.git"
        url = path.resolve().as_uri()
    else:
        owner = publisher.owner or publisher.id
        path = root / "forge" / owner / f"{project.slug}.git"
        url = forge_url(owner, project.slug)
    started = today - datetime.timedelta(days=project.activity.first)
    done = releases(project.activity, today)
    files = RepositoryFiles(project, publisher, url, done, today, started)
    history = plan(project.activity, today, files.initial(), files.change, files.release)
    import_history(init_bare(path), history.commits, history.tags)
    return BuiltRepository(project, publisher, path, url, not project.plain_git, started, done)


def _host(publisher: DemoPublisher) -> str:
    """The folder standing for the publisher's own git server (``git.dorfingen.example``)."""
    return "git." + publisher.website.removeprefix("https://www.")


def _mirror(
    mirror: Mirror,
    original: BuiltRepository,
    publishers: dict[str, DemoPublisher],
    root: Path,
) -> BuiltRepository:
    """A bare copy of ``original`` whose main branch stops ``mirror.behind`` commits early."""
    publisher = publishers[mirror.publisher]
    path = root / _host(publisher) / "spiegel" / f"{original.project.slug}.git"
    path.parent.mkdir(parents=True, exist_ok=True)
    git("clone", "--quiet", "--bare", "--no-local", original.path, path)
    git("remote", "remove", "origin", cwd=path)
    stale = git("rev-parse", f"main~{mirror.behind}", cwd=path).strip()
    git("update-ref", "refs/heads/main", stale, cwd=path)
    kept = _drop_later_tags(path, original.releases)
    for key, value in (
        ("uploadpack.allowFilter", "true"),
        ("uploadpack.allowAnySHA1InWant", "true"),
    ):
        git("config", key, value, cwd=path)
    return BuiltRepository(
        original.project,
        publisher,
        path,
        path.resolve().as_uri(),
        on_forge=False,
        started=original.started,
        releases=kept,
        mirror_of=original.url,
    )


def _drop_later_tags(path: Path, known: Sequence[Release]) -> tuple[Release, ...]:
    """Delete the tags the stale branch does not reach; the releases that remain."""
    kept = []
    for release in known:
        reached = _is_ancestor(path, release.tag)
        if reached:
            kept.append(release)
        else:
            git("tag", "--delete", release.tag, cwd=path)
    return tuple(kept)


def _is_ancestor(path: Path, tag: str) -> bool:
    try:
        git("merge-base", "--is-ancestor", tag, "main", cwd=path)
    except DemoGitError:  # git's exit status 1: not an ancestor
        return False
    return True
